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

describe('flat-commission, a line that names no segment', () => {
  const plan = (...lines: string[]) =>
    policyWith(`compensation:
  - id: ae-2026
    team: sales
    commission:
${lines.map((line) => `      - ${line}`).join('\n')}
`);

  it('fires on one rate for every segment: the same commission for SMB deals as enterprise deals', async () => {
    const text = plan('{ metric: new-arr, rate: "8%" }');
    expect(findingsOf(await lintText(text), 'flat-commission')).toEqual([
      {
        line: lineOf(text, 'rate: "8%"'),
        column: 9,
        severity: 'error',
        message:
          'Plan ae-2026 pays 8% on new-arr whatever the segment (this line names none), so smb earns as much as enterprise: the strategy favors enterprise, but this commission does not make the trade-off.',
        fix: 'name the segments on separate lines, such as { metric: new-arr, segment: enterprise, rate: "16%" } and { metric: new-arr, segment: smb, rate: "8%" }',
      },
    ]);
  });

  it('lets it pay the segments without a line of their own: silent when the favored line pays 2 × that', async () => {
    expect(findingsOf(await lintText(plan('{ metric: new-arr, segment: enterprise, rate: "16%" }', '{ metric: new-arr, rate: "8%" }')), 'flat-commission')).toEqual([]);
  });

  it('fires on it when it pays the deprioritized segment too much against the favored line', async () => {
    const text = plan('{ metric: new-arr, segment: enterprise, rate: "10%" }', '{ metric: new-arr, rate: "8%" }');
    expect(findingsOf(await lintText(text), 'flat-commission').map(({ line, message, fix }) => ({ line, message, fix }))).toEqual([
      {
        line: lineOf(text, 'rate: "8%"'),
        message:
          'Plan ae-2026 pays 8% on new-arr whatever the segment (this line names none), so smb earns 8%, against 10% for enterprise: the strategy favors enterprise, but this commission does not make the trade-off.',
        fix: 'add { metric: new-arr, segment: smb, rate: "5%" } (at most 5%), or raise enterprise to at least 16%',
      },
    ]);
  });

  it('compares a deprioritized line with the rate it leaves the favored segment', async () => {
    const text = plan('{ metric: new-arr, segment: smb, rate: "8%" }', '{ metric: new-arr, rate: "8%" }');
    expect(findingsOf(await lintText(text), 'flat-commission').map(({ line, message }) => ({ line, message }))).toEqual([
      {
        line: lineOf(text, 'segment: smb'),
        message: 'Plan ae-2026 pays smb 8% on new-arr, against 8% for enterprise (1×): the strategy favors enterprise, but this commission does not make the trade-off.',
      },
    ]);
  });

  it('stays silent when the strategy does not rank segments both ways', async () => {
    const text = plan('{ metric: new-arr, rate: "8%" }').replace('deprioritize: { segments: [smb], metrics: [velocity] }', 'deprioritize: { metrics: [velocity] }');
    expect(findingsOf(await lintText(text), 'flat-commission')).toEqual([]);
  });
});

describe('flat-commission, bounds in the fix', () => {
  it('rounds a bound toward what satisfies it, and never shows a ratio under min_ratio as min_ratio', async () => {
    const findings = findingsOf(await lintText(policyWith(salesPlan('9.99%', '5%'))), 'flat-commission');
    expect(findings.map(({ message, fix }) => ({ message, fix }))).toEqual([
      {
        message: 'Plan ae-2026 pays smb 5% on new-arr, against 9.99% for enterprise (1.99×): the strategy favors enterprise, but this commission does not make the trade-off.',
        fix: 'raise enterprise to at least 10% (2 × smb 5%), or lower smb to at most 4.99%',
      },
    ]);
    const strict = await lintText(policyWith(salesPlan('14.9%', '5%')), { rules: { 'flat-commission': ['error', { min_ratio: 3 }] } });
    expect(findingsOf(strict, 'flat-commission').map((finding) => finding.fix)).toEqual(['raise enterprise to at least 15% (3 × smb 5%), or lower smb to at most 4.96%']);
    // Following that fix silences the rule.
    const fixed = await lintText(policyWith(salesPlan('14.9%', '4.96%')), { rules: { 'flat-commission': ['error', { min_ratio: 3 }] } });
    expect(findingsOf(fixed, 'flat-commission')).toEqual([]);
  });
});
