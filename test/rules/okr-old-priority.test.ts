import { describe, expect, it } from 'vitest';
import { findingsOf, lineOf, lintText, policyWith } from '../helpers.js';

describe('okr-old-priority', () => {
  it('fires on a key result that measures a deprioritized metric, naming the favored ones', async () => {
    const text = policyWith(`okrs:
  - id: eng-2026-q3
    team: engineering
    objective: Ship faster
    key_results:
      - { metric: defect-rate, target: "-30%" }
      - { metric: velocity, target: "+20%" }
`);
    expect(findingsOf(await lintText(text), 'okr-old-priority')).toEqual([
      {
        line: lineOf(text, "metric: velocity"),
        column: 9,
        severity: 'error',
        message:
          "OKR set eng-2026-q3 has a key result on velocity, which priority enterprise-growth deprioritizes: the team will hit it at the strategy's expense.",
        fix: 'measure enterprise-arr instead of velocity (the favored metrics of enterprise-growth)',
      },
    ]);
  });

  it('stays silent on key results of favored or neutral metrics', async () => {
    const text = policyWith(`okrs:
  - id: eng-2026-q3
    team: engineering
    key_results:
      - { metric: defect-rate, target: "-30%" }
      - { metric: enterprise-arr, target: 2000000 }
`);
    expect(findingsOf(await lintText(text), 'okr-old-priority')).toEqual([]);
  });

  it('stays silent when one priority favors what another deprioritizes (contested, not old)', async () => {
    const text = policyWith(`okrs:
  - id: eng-2026-q3
    team: engineering
    key_results:
      - { metric: velocity, target: "+5%" }
`).replace('  - { id: enterprise, sales_cycle_days', `    - id: platform-speed
      favor: { metrics: [velocity] }
segments:
  - { id: enterprise, sales_cycle_days`).replace('segments:\n    - id: platform-speed', '    - id: platform-speed');
    const result = await lintText(text);
    expect(result.diagnostics).toEqual([]);
    expect(findingsOf(result, 'okr-old-priority')).toEqual([]);
  });
});
