import { describe, expect, it } from 'vitest';
import { policyText, remove, set, testRule } from '../../src/testing/index.js';
import { findingsOf, lintText } from '../helpers.js';
import { commissionPlan, salesPlan } from './fragments.js';

// The base policy: enterprise deals 120,000 over 210 days (7 months), smb deals 8,000 over 21 days (0.7 months).
// These tests make smb deals 16,000: at equal rates smb then pays 4/3 as much per month (1% → 229 against 171).
const RULE = 'effort-adjusted-pay';
const SMB_LINE = 'compensation.0.commission.1';
const SMB_16K = set('segments.1.avg_deal_size', 16000);
/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
const RATIONAL = 'the rational choice is to close smb deals, which the strategy deprioritizes.';

describe('effort-adjusted-pay', () => {
  it('fires on the smb line when enterprise has the higher rate but smb pays more per month of sales cycle', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: salesPlan('10%', '8%'),
          edits: [SMB_16K],
          errors: [
            {
              at: SMB_LINE,
              message: `Per month of sales cycle, plan ae-2026 pays 1,829 of new-arr commission for smb (8% of 16,000 over 21 days) and 1,714 for enterprise (10% of 120,000 over 210 days): ${RATIONAL}`,
              // 1,828.57 × 7 months ÷ 120,000 = 10.667% (rounded up); 1,714.29 × 0.7 months ÷ 16,000 = 7.5%.
              fix: 'raise the enterprise rate on new-arr to at least 10.67%, or lower the smb rate to at most 7.5%',
            },
          ],
        },
      ],
    }));

  it('reports equal or inverted rates itself, and leaves them to flat-commission (whose fix asks more: one number per line) only while that rule reports the line', async () => {
    const inverted = `Per month of sales cycle, plan ae-2026 pays 1,829 of new-arr commission for smb (8% of 16,000 over 21 days) and`;
    await testRule(RULE, {
      invalid: [
        {
          name: 'equal',
          policy: salesPlan('8%', '8%'),
          edits: [SMB_16K],
          errors: [
            {
              at: SMB_LINE,
              message: `${inverted} 1,371 for enterprise (8% of 120,000 over 210 days): ${RATIONAL}`,
              fix: 'raise the enterprise rate on new-arr to at least 10.67%, or lower the smb rate to at most 6%',
            },
          ],
        },
        {
          name: 'inverted',
          policy: salesPlan('4%', '8%'),
          edits: [SMB_16K],
          errors: [
            {
              at: SMB_LINE,
              message: `${inverted} 686 for enterprise (4% of 120,000 over 210 days): ${RATIONAL}`,
              fix: 'raise the enterprise rate on new-arr to at least 10.67%, or lower the smb rate to at most 3%',
            },
          ],
        },
      ],
    });
    const text = policyText({ policy: salesPlan('8%', '8%'), edits: [SMB_16K] });
    const both = await lintText(text);
    expect(findingsOf(both, 'flat-commission').map(({ line }) => line)).toEqual([lineOf(text, 'segment: smb')]);
    expect(findingsOf(both, RULE)).toEqual([]);
    const alone = await lintText(text, { rules: { 'flat-commission': 'off' } });
    expect(findingsOf(alone, RULE).map(({ line }) => line)).toEqual([lineOf(text, 'segment: smb')]);
  });

  it('stays silent when the monthly figures are equal (10% vs 7.5%) and fires just above', () =>
    testRule(RULE, {
      valid: [{ policy: salesPlan('10%', '7.5%'), edits: [SMB_16K] }],
      invalid: [
        {
          policy: salesPlan('10%', '7.51%'),
          edits: [SMB_16K],
          errors: [
            {
              at: SMB_LINE,
              message: `Per month of sales cycle, plan ae-2026 pays 1,717 of new-arr commission for smb (7.51% of 16,000 over 21 days) and 1,714 for enterprise (10% of 120,000 over 210 days): ${RATIONAL}`,
              fix: 'raise the enterprise rate on new-arr to at least 10.02%, or lower the smb rate to at most 7.5%',
            },
          ],
        },
      ],
    }));

  it('with min_ratio 2, needs enterprise to earn twice as much per month', () =>
    testRule(RULE, {
      valid: [{ policy: salesPlan('16%', '6%'), edits: [SMB_16K], options: { min_ratio: 2 } }],
      invalid: [
        {
          policy: salesPlan('15.99%', '6%'),
          edits: [SMB_16K],
          options: { min_ratio: 2 },
          errors: [
            {
              at: SMB_LINE,
              message:
                'Per month of sales cycle, plan ae-2026 pays 1,371 of new-arr commission for smb (6% of 16,000 over 21 days) and 2,741 for enterprise (15.99% of 120,000 over 210 days): ' +
                'the favored enterprise should pay at least 2× as much per month.',
              fix: 'raise the enterprise rate on new-arr to at least 16%, or lower the smb rate to at most 5.99%',
            },
          ],
        },
      ],
    }));

  it('measures months with days_per_month', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: salesPlan('10%', '8%'),
          edits: [SMB_16K],
          options: { days_per_month: 60 },
          errors: [
            {
              at: SMB_LINE,
              message: `Per month of sales cycle, plan ae-2026 pays 3,657 of new-arr commission for smb (8% of 16,000 over 21 days) and 3,429 for enterprise (10% of 120,000 over 210 days): ${RATIONAL}`,
              fix: 'raise the enterprise rate on new-arr to at least 10.67%, or lower the smb rate to at most 7.5%',
            },
          ],
        },
      ],
    }));

  it('stays silent where a segment does not declare both its sales cycle and its deal size', () =>
    testRule(RULE, {
      valid: [
        { name: 'smb without a cycle', policy: salesPlan('10%', '8%'), edits: [SMB_16K, remove('segments.1.sales_cycle_days')] },
        { name: 'enterprise without a deal size', policy: salesPlan('10%', '8%'), edits: [SMB_16K, remove('segments.0.avg_deal_size')] },
      ],
    }));

  it('compares lines of the same plan and metric only', () =>
    testRule(RULE, {
      valid: [
        {
          policy: `${commissionPlan('{ metric: new-arr, segment: enterprise, rate: "10%" }', '{ metric: enterprise-arr, segment: smb, rate: "8%" }')}  - id: ae-smb
    commission:
      - { metric: new-arr, segment: smb, rate: "8%" }
`,
          edits: [SMB_16K],
        },
      ],
    }));

  it('leaves a plan with a quota, curve, credit or SPIFF to rational-choice', () =>
    testRule(RULE, {
      valid: [
        {
          policy: `${salesPlan('10%', '8%')}    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
`,
          edits: [SMB_16K],
        },
        {
          policy: `${salesPlan('10%', '8%')}    spiffs:
      - { segment: enterprise, amount: 100 }
`,
          edits: [SMB_16K],
        },
      ],
    }));
});
