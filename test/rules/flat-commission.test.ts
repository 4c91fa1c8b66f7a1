import { describe, expect, it } from 'vitest';
import { findingsOf, lineOf, lintText, policyWith, salesPlan } from '../helpers.js';

describe('flat-commission', () => {
  const plan = (enterprise: string, smb: string) =>
    policyWith(salesPlan(enterprise, smb));

  it('fires on the smb line when enterprise pays the same rate', async () => {
    const text = plan('8%', '8%');
    const result = await lintText(text);
    expect(findingsOf(result, 'flat-commission')).toEqual([
      {
        line: lineOf(text, 'segment: smb'),
        column: 9,
        severity: 'error',
        message:
          'Plan ae-2026 pays smb 8% on new-arr, against 8% for enterprise (1×): the strategy favors enterprise, but this commission does not make the trade-off.',
        fix: 'raise enterprise to at least 16% (2 × smb 8%), or lower smb to at most 4%',
      },
    ]);
  });

  it('stays silent at exactly min_ratio (16% vs 8%) and fires just below it', async () => {
    expect(findingsOf(await lintText(plan('16%', '8%')), 'flat-commission')).toEqual([]);
    expect(findingsOf(await lintText(plan('15.9%', '8%')), 'flat-commission')).toHaveLength(1);
  });
});

describe('flat-commission, more cases', () => {
  it('honours min_ratio from the configuration: 3× makes 16% vs 8% fire', async () => {
    const text = policyWith(`compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: 0.16 }
      - { metric: new-arr, segment: smb, rate: 0.08 }
`);
    const result = await lintText(text, { rules: { 'flat-commission': ['error', { min_ratio: 3 }] } });
    expect(findingsOf(result, 'flat-commission').map((f) => f.fix)).toEqual([
      'raise enterprise to at least 24% (3 × smb 8%), or lower smb to at most 5.33%',
    ]);
  });

  it('compares lines of the same metric only, and ignores segments the strategy does not rank', async () => {
    const text = policyWith(`segments:
  - { id: mid-market }
compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: enterprise-arr, segment: enterprise, rate: "10%" }
      - { metric: new-arr, segment: smb, rate: "8%" }
      - { metric: new-arr, segment: mid-market, rate: "8%" }
`);
    expect(findingsOf(await lintText(text), 'flat-commission')).toEqual([]);
  });

  it('checks every plan separately', async () => {
    const text = policyWith(`compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "20%" }
  - id: smb-desk
    team: sales
    commission:
      - { metric: new-arr, segment: smb, rate: "15%" }
`);
    expect(findingsOf(await lintText(text), 'flat-commission')).toEqual([]);
  });
});

describe('flat-commission, whatever the order of the lines', () => {
  it('compares with the lowest favored segment id when two favored segments pay the same least rate', async () => {
    const lines = [
      '      - { metric: new-arr, segment: mid-market, rate: "8%" }',
      '      - { metric: new-arr, segment: enterprise, rate: "8%" }',
      '      - { metric: new-arr, segment: smb, rate: "6%" }',
    ];
    for (const order of [lines, [...lines].reverse()]) {
      const text = policyWith(`compensation:
  - id: ae-2026
    team: sales
    commission:
${order.join('\n')}
`)
        .replace('favor: { segments: [enterprise]', 'favor: { segments: [mid-market, enterprise]')
        .replace('segments:\n', 'segments:\n  - { id: mid-market }\n');
      expect(findingsOf(await lintText(text), 'flat-commission')).toEqual([
        {
          line: lineOf(text, 'segment: smb'),
          column: 9,
          severity: 'error',
          message:
            'Plan ae-2026 pays smb 6% on new-arr, against 8% for enterprise (1.33×): the strategy favors enterprise, but this commission does not make the trade-off.',
          fix: 'raise enterprise to at least 12% (2 × smb 6%), or lower smb to at most 4%',
        },
      ]);
    }
  });
});
