import { describe, it } from 'vitest';
import { policyText, set, testRule } from '../../src/testing/index.js';

const RULE = 'okr-old-priority';
const SHIP_FASTER = `okrs:
  - id: eng-2026-q3
    team: engineering
    objective: Ship faster
    key_results:
      - { metric: defect-rate, target: "-30%" }
      - { metric: velocity, target: "+20%" }
`;

describe('okr-old-priority', () => {
  it('fires on a key result that measures a deprioritized metric, naming the favored ones', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: SHIP_FASTER,
          errors: [
            {
              at: 'okrs.0.key_results.1',
              message:
                "OKR set eng-2026-q3 has a key result on velocity, which priority enterprise-growth deprioritizes: the team will hit it at the strategy's expense.",
              fix: 'measure enterprise-arr instead of velocity (the favored metrics of enterprise-growth)',
              editSafety: 'suggestion',
            },
          ],
          output: policyText({ policy: SHIP_FASTER }).replace('{ metric: velocity,', '{ metric: enterprise-arr,'),
        },
      ],
    }));

  it('stays silent on a guardrail or a ceiling on a deprioritized metric: it holds the old metric down', () =>
    testRule(RULE, {
      valid: [
        `okrs:
  - id: eng-2026-q3
    team: engineering
    key_results:
      - { metric: enterprise-arr, target: 2000000 }
      - { metric: velocity, target: "+0%", guardrail: true }
`,
        ...['< 2% of orders', 'at most 3 a quarter', 'no more than 10', 'below 5%', 'reduce by 20%', 'fewer than last year', '-10%'].map(
          (target) => `okrs:
  - id: eng-2026-q3
    team: engineering
    key_results:
      - { metric: enterprise-arr, target: 2000000 }
      - { metric: velocity, target: "${target}" }
`,
        ),
      ],
    }));

  it('stays silent on key results of favored or neutral metrics', () =>
    testRule(RULE, {
      valid: [
        `okrs:
  - id: eng-2026-q3
    team: engineering
    key_results:
      - { metric: defect-rate, target: "-30%" }
      - { metric: enterprise-arr, target: 2000000 }
`,
      ],
    }));

  it('stays silent when one priority favors what another deprioritizes (contested, not old)', () =>
    testRule(RULE, {
      valid: [
        {
          policy: `okrs:
  - id: eng-2026-q3
    team: engineering
    key_results:
      - { metric: velocity, target: "+5%" }
`,
          edits: [set('strategy.priorities.1', { id: 'platform-speed', favor: { metrics: ['velocity'] } })],
        },
      ],
    }));

  it('follows proxy chains: a key result on a declared proxy of a deprioritized metric measures that metric', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `metrics:
  - { id: story-points, type: output, proxy_for: [velocity] }
okrs:
  - id: eng-q3
    team: engineering
    key_results: [{ metric: story-points, target: 40 }]
`,
          errors: [
            {
              at: 'okrs.0.key_results.0',
              message:
                "OKR set eng-q3 has a key result on story-points, declared a proxy for velocity, which priority enterprise-growth deprioritizes: the team will hit it at the strategy's expense.",
              fix: 'measure enterprise-arr instead of story-points (the favored metrics of enterprise-growth)',
            },
          ],
        },
      ],
    }));
});
