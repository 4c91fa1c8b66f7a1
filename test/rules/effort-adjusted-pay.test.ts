import { describe, it } from 'vitest';
import { remove, testRule } from '../../src/testing/index.js';
import { commissionPlan, salesPlan } from './fragments.js';

// The base policy: enterprise deals 120,000 over 210 days (7 months), smb deals 8,000 over 21 days (0.7 months).
const RULE = 'effort-adjusted-pay';
const SMB_LINE = 'compensation.0.commission.1';
const RATIONAL = 'the rational choice is to close smb deals, which the strategy deprioritizes.';

describe('effort-adjusted-pay', () => {
  it('fires on the smb line when it pays more per month of sales cycle than enterprise', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: salesPlan('4%', '8%'),
          errors: [
            {
              at: SMB_LINE,
              message: `Per month of sales cycle, plan ae-2026 pays 914 of new-arr commission for smb (8% of 8,000 over 21 days) and 686 for enterprise (4% of 120,000 over 210 days): ${RATIONAL}`,
              // 914.29 × 7 months ÷ 120,000 = 5.333% (rounded up); 685.71 × 0.7 months ÷ 8,000 = 6%.
              fix: 'raise the enterprise rate on new-arr to at least 5.34%, or lower the smb rate to at most 6%',
            },
          ],
        },
      ],
    }));

  it('stays silent when the monthly figures are equal (4% vs 6%) and fires just above', () =>
    testRule(RULE, {
      valid: [salesPlan('4%', '6%')],
      invalid: [
        {
          policy: salesPlan('4%', '6.01%'),
          errors: [
            {
              at: SMB_LINE,
              message: `Per month of sales cycle, plan ae-2026 pays 687 of new-arr commission for smb (6.01% of 8,000 over 21 days) and 686 for enterprise (4% of 120,000 over 210 days): ${RATIONAL}`,
              fix: 'raise the enterprise rate on new-arr to at least 4.01%, or lower the smb rate to at most 6%',
            },
          ],
        },
      ],
    }));

  it('with min_ratio 2, needs enterprise to earn twice as much per month', () =>
    testRule(RULE, {
      valid: [{ policy: salesPlan('8%', '6%'), options: { min_ratio: 2 } }],
      invalid: [
        {
          policy: salesPlan('7.99%', '6%'),
          options: { min_ratio: 2 },
          errors: [
            {
              at: SMB_LINE,
              message:
                'Per month of sales cycle, plan ae-2026 pays 686 of new-arr commission for smb (6% of 8,000 over 21 days) and 1,370 for enterprise (7.99% of 120,000 over 210 days): ' +
                'the favored enterprise should pay at least 2× as much per month.',
              fix: 'raise the enterprise rate on new-arr to at least 8%, or lower the smb rate to at most 5.99%',
            },
          ],
        },
      ],
    }));

  it('measures months with days_per_month', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: salesPlan('4%', '8%'),
          options: { days_per_month: 60 },
          errors: [
            {
              at: SMB_LINE,
              message: `Per month of sales cycle, plan ae-2026 pays 1,829 of new-arr commission for smb (8% of 8,000 over 21 days) and 1,371 for enterprise (4% of 120,000 over 210 days): ${RATIONAL}`,
              fix: 'raise the enterprise rate on new-arr to at least 5.34%, or lower the smb rate to at most 6%',
            },
          ],
        },
      ],
    }));

  it('stays silent where a segment does not declare both its sales cycle and its deal size', () =>
    testRule(RULE, {
      valid: [
        { name: 'smb without a cycle', policy: salesPlan('4%', '8%'), edits: [remove('segments.1.sales_cycle_days')] },
        { name: 'enterprise without a deal size', policy: salesPlan('4%', '8%'), edits: [remove('segments.0.avg_deal_size')] },
      ],
    }));

  it('compares lines of the same plan and metric only', () =>
    testRule(RULE, {
      valid: [
        `${commissionPlan('{ metric: new-arr, segment: enterprise, rate: "4%" }', '{ metric: enterprise-arr, segment: smb, rate: "8%" }')}  - id: ae-smb
    commission:
      - { metric: new-arr, segment: smb, rate: "8%" }
`,
      ],
    }));

  it('leaves a plan with a quota, curve, credit or SPIFF to rational-choice', () =>
    testRule(RULE, {
      valid: [
        `${salesPlan('4%', '8%')}    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
`,
        `${salesPlan('4%', '8%')}    spiffs:
      - { segment: enterprise, amount: 100 }
`,
      ],
    }));
});
