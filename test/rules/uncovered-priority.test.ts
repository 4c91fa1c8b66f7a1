import { describe, expect, it } from 'vitest';
import { BASE_POLICY, findingsOf, lintText, policyWith } from '../helpers.js';

const SMB_PLAN = `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: smb, rate: "8%" }
`;

describe('uncovered-priority', () => {
  it('fires on the priority when nothing rewards its favored metric or segment, suggesting a line in an existing plan', async () => {
    const result = await lintText(policyWith(SMB_PLAN));
    expect(findingsOf(result, 'uncovered-priority')).toEqual([
      {
        line: 7,
        column: 11,
        severity: 'warning',
        message:
          'Priority enterprise-growth favors metric enterprise-arr and segment enterprise, but no plan, OKR, promotion criterion or award rewards any of them: ' +
          'the strategy hopes for this priority while the incentives reward something else.',
        fix: 'reward enterprise-arr: add { metric: enterprise-arr, segment: enterprise, weight: 0.1 } to the bonus of plan ae-2026 (team sales)',
      },
    ]);
  });

  it('suggests the line where the deprioritized metric is rewarded today', async () => {
    const result = await lintText(
      policyWith(`${SMB_PLAN}okrs:
  - id: eng-q3
    team: engineering
    key_results:
      - { metric: velocity, target: "+20%" }
`),
    );
    expect(findingsOf(result, 'uncovered-priority').map((finding) => finding.fix)).toEqual([
      'reward enterprise-arr: add a key result { metric: enterprise-arr, segment: enterprise } to OKR set eng-q3 (team engineering)',
    ]);
  });

  it('uses suggested_weight, and asks to rebalance a plan whose bonus weights must add up to 1', async () => {
    const result = await lintText(
      policyWith(`compensation:
  - id: eng-2026
    team: engineering
    bonus:
      - { metric: defect-rate, weight: 1 }
`),
      { rules: { 'uncovered-priority': ['warning', { suggested_weight: 0.25 }] } },
    );
    expect(findingsOf(result, 'uncovered-priority').map((finding) => finding.fix)).toEqual([
      'reward enterprise-arr: add { metric: enterprise-arr, segment: enterprise, weight: 0.25 } to the bonus of plan eng-2026 (team engineering), taking its weight from the other components',
    ]);
  });

  it('for a priority that favors only segments, suggests paying an existing metric on that segment', async () => {
    const policy = BASE_POLICY.replace('favor: { segments: [enterprise], metrics: [enterprise-arr] }', 'favor: { segments: [enterprise] }');
    const result = await lintText(`${policy}\n${SMB_PLAN}`);
    expect(findingsOf(result, 'uncovered-priority').map(({ message, fix }) => ({ message, fix }))).toEqual([
      {
        message:
          'Priority enterprise-growth favors segment enterprise, but no plan, OKR, promotion criterion or award rewards any of them: the strategy hopes for this priority while the incentives reward something else.',
        fix: 'reward segment enterprise: add { metric: new-arr, segment: enterprise, rate: "8%" } to the commission of plan ae-2026',
      },
    ]);
  });

  it('stays silent when any lever rewards a favored metric or segment, and for a priority that favors nothing', async () => {
    const byAward = policyWith(`recognition:
  - id: awards
    awards:
      - { text: First enterprise logo, segment: enterprise }
`);
    const byKeyResult = policyWith(`okrs:
  - id: sales-q3
    key_results:
      - { metric: enterprise-arr, target: 2000000 }
`);
    expect(findingsOf(await lintText(byAward), 'uncovered-priority')).toEqual([]);
    expect(findingsOf(await lintText(byKeyResult), 'uncovered-priority')).toEqual([]);
    const favorsNothing = BASE_POLICY.replace('favor: { segments: [enterprise], metrics: [enterprise-arr] }', 'favor: {}');
    expect(findingsOf(await lintText(`${favorsNothing}\n${SMB_PLAN}`), 'uncovered-priority')).toEqual([]);
  });

  it('suggests the plan with the lowest id, whatever order the plans are declared in', async () => {
    const plans = [
      '  - id: sdr-2026\n    team: sales\n    commission:\n      - { metric: new-arr, rate: "4%" }',
      '  - id: ae-2026\n    team: sales\n    commission:\n      - { metric: new-arr, rate: "8%" }',
    ];
    for (const order of [plans, [...plans].reverse()]) {
      const result = await lintText(policyWith(`compensation:\n${order.join('\n')}\n`));
      expect(findingsOf(result, 'uncovered-priority').map((finding) => finding.fix)).toEqual([
        'reward enterprise-arr: add { metric: enterprise-arr, segment: enterprise, weight: 0.1 } to the bonus of plan ae-2026 (team sales)',
      ]);
    }
  });
});
