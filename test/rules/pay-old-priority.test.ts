import { describe, expect, it } from 'vitest';
import { BASE_POLICY, findingsOf, lintText, policyWith } from '../helpers.js';

describe('pay-old-priority', () => {
  it('fires on a bonus component and a commission line paying on a deprioritized metric', async () => {
    const result = await lintText(
      policyWith(`compensation:
  - id: eng-2026
    team: engineering
    bonus:
      - { metric: velocity, weight: 0.4 }
      - { metric: enterprise-arr, weight: 0.6 }
  - id: ae-2026
    team: sales
    commission:
      - { metric: velocity, segment: enterprise, rate: "2%" }
      - { metric: velocity, segment: smb, rate: "1%" }
`),
    );
    expect(findingsOf(result, 'pay-old-priority')).toEqual([
      {
        line: 27,
        column: 9,
        severity: 'error',
        message:
          'Plan eng-2026 pays a bonus component worth 40% of variable pay on velocity, which priority enterprise-growth deprioritizes: the team is paid to keep doing what the strategy wants less of.',
        // The plan already pays a bonus on enterprise-arr: a second component on it would be a duplicate.
        fix: 'remove the bonus component on velocity and move its weight to the bonus component on enterprise-arr the plan already has',
      },
      {
        line: 32,
        column: 9,
        severity: 'error',
        message:
          'Plan ae-2026 pays 2% commission on velocity, which priority enterprise-growth deprioritizes: the team is paid to keep doing what the strategy wants less of.',
        fix: 'pay it on what enterprise-growth favors instead: { metric: enterprise-arr, segment: enterprise, rate: "2%" }',
      },
      {
        line: 33,
        column: 9,
        severity: 'error',
        message:
          'Plan ae-2026 pays 1% commission on velocity, which priority enterprise-growth deprioritizes: the team is paid to keep doing what the strategy wants less of.',
        // The deprioritized segment is not carried into the suggestion.
        fix: 'pay it on what enterprise-growth favors instead: { metric: enterprise-arr, rate: "1%" }',
      },
    ]);
  });

  it('asks to remove the line when the priority favors no metric to pay instead', async () => {
    const policy = BASE_POLICY.replace('favor: { segments: [enterprise], metrics: [enterprise-arr] }', 'favor: { segments: [enterprise] }');
    const result = await lintText(`${policy}
compensation:
  - id: eng-2026
    bonus:
      - { metric: velocity, weight: 1 }
`);
    expect(findingsOf(result, 'pay-old-priority').map((finding) => finding.fix)).toEqual([
      'remove the bonus component on velocity, or give priority enterprise-growth a favored metric to pay on instead',
    ]);
  });

  it('stays silent on favored or neutral metrics, on key results and awards, and on a metric another priority favors', async () => {
    const silent = await lintText(
      policyWith(`compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "16%" }
    bonus:
      - { metric: enterprise-arr, weight: 0.5 }
okrs:
  - id: eng-q3
    key_results:
      - { metric: velocity, target: "+20%" }
recognition:
  - id: awards
    awards:
      - { text: Fastest team, metric: velocity }
`),
    );
    expect(findingsOf(silent, 'pay-old-priority')).toEqual([]);

    const contested = BASE_POLICY.replace(
      '      deprioritize: { segments: [smb], metrics: [velocity] }\n',
      '      deprioritize: { segments: [smb], metrics: [velocity] }\n    - id: speed\n      favor: { metrics: [velocity] }\n',
    );
    const result = await lintText(`${contested}
compensation:
  - id: eng-2026
    bonus:
      - { metric: velocity, weight: 1 }
`);
    expect(findingsOf(result, 'pay-old-priority')).toEqual([]);
  });
});
