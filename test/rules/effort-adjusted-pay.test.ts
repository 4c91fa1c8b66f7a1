import { describe, expect, it } from 'vitest';
import { BASE_POLICY, findingsOf, lintText, policyWith, salesPlan } from '../helpers.js';

// BASE_POLICY: enterprise deals 120,000 over 210 days (7 months), smb deals 8,000 over 21 days (0.7 months).
const plan = (enterprise: string, smb: string) =>
  policyWith(salesPlan(enterprise, smb));

describe('effort-adjusted-pay', () => {
  it('fires on the smb line when it pays more per month of sales cycle than enterprise', async () => {
    const result = await lintText(plan('4%', '8%'));
    expect(findingsOf(result, 'effort-adjusted-pay')).toEqual([
      {
        line: 28,
        column: 9,
        severity: 'warning',
        message:
          'Per month of sales cycle, plan ae-2026 pays 914 of new-arr commission for smb (8% of 8,000 over 21 days) and 686 for enterprise (4% of 120,000 over 210 days): ' +
          'the rational choice is to close smb deals, which the strategy deprioritizes.',
        // 914.29 × 7 months ÷ 120,000 = 5.333% (rounded up); 685.71 × 0.7 months ÷ 8,000 = 6%.
        fix: 'raise the enterprise rate on new-arr to at least 5.34%, or lower the smb rate to at most 6%',
      },
    ]);
  });

  it('stays silent when the monthly figures are equal (4% vs 6%) and fires just above', async () => {
    expect(findingsOf(await lintText(plan('4%', '6%')), 'effort-adjusted-pay')).toEqual([]);
    expect(findingsOf(await lintText(plan('4%', '6.01%')), 'effort-adjusted-pay')).toHaveLength(1);
  });

  it('with min_ratio 2, needs enterprise to earn twice as much per month', async () => {
    const options = { rules: { 'effort-adjusted-pay': ['warning', { min_ratio: 2 }] as ['warning', Record<string, unknown>] } };
    expect(findingsOf(await lintText(plan('8%', '6%'), options), 'effort-adjusted-pay')).toEqual([]);
    expect(findingsOf(await lintText(plan('7.99%', '6%'), options), 'effort-adjusted-pay')).toEqual([
      {
        line: 28,
        column: 9,
        severity: 'warning',
        message:
          'Per month of sales cycle, plan ae-2026 pays 686 of new-arr commission for smb (6% of 8,000 over 21 days) and 1,370 for enterprise (7.99% of 120,000 over 210 days): ' +
          'the favored enterprise should pay at least 2× as much per month.',
        fix: 'raise the enterprise rate on new-arr to at least 8%, or lower the smb rate to at most 5.99%',
      },
    ]);
  });

  it('measures months with days_per_month', async () => {
    const result = await lintText(plan('4%', '8%'), { rules: { 'effort-adjusted-pay': ['warning', { days_per_month: 60 }] } });
    expect(findingsOf(result, 'effort-adjusted-pay')[0]?.message).toMatch(/^Per month of sales cycle, plan ae-2026 pays 1,829 of new-arr commission for smb .* and 1,371 for enterprise /);
  });

  it('stays silent where a segment does not declare both its sales cycle and its deal size', async () => {
    const noCycle = BASE_POLICY.replace('{ id: smb, sales_cycle_days: 21, avg_deal_size: 8000 }', '{ id: smb, avg_deal_size: 8000 }');
    const noDealSize = BASE_POLICY.replace('{ id: enterprise, sales_cycle_days: 210, avg_deal_size: 120000 }', '{ id: enterprise, sales_cycle_days: 210 }');
    const lines = `
compensation:
  - id: ae-2026
    commission:
      - { metric: new-arr, segment: enterprise, rate: "4%" }
      - { metric: new-arr, segment: smb, rate: "8%" }
`;
    expect(findingsOf(await lintText(noCycle + lines), 'effort-adjusted-pay')).toEqual([]);
    expect(findingsOf(await lintText(noDealSize + lines), 'effort-adjusted-pay')).toEqual([]);
  });

  it('compares lines of the same plan and metric only', async () => {
    const result = await lintText(
      policyWith(`compensation:
  - id: ae-enterprise
    commission:
      - { metric: new-arr, segment: enterprise, rate: "4%" }
      - { metric: enterprise-arr, segment: smb, rate: "8%" }
  - id: ae-smb
    commission:
      - { metric: new-arr, segment: smb, rate: "8%" }
`),
    );
    expect(findingsOf(result, 'effort-adjusted-pay')).toEqual([]);
  });
});
