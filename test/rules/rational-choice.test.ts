import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';
import { salesPlan } from './fragments.js';

// The base policy: enterprise deals of 120,000 over 210 days (7 months), smb deals of 8,000 over 21 days.
const RULE = 'rational-choice';

/** Plan ae-2026: OTE 240,000 at 50% variable on one 1,200,000 quota on all new-arr (base rate 10%), threshold 50%, 1.5× above quota. */
const QUOTA_PLAN = `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, amount: 1200000 }
    curve:
      threshold: 0.5
      tiers: [{ from: 1, multiplier: 1.5 }]
`;

/** SMB deals of 12,000 that close in 14 days: 25,714 of bookings per month of effort, against 17,143 for enterprise. */
const FAST_SMB = 'segments:\n  - { id: smb, sales_cycle_days: 14, avg_deal_size: 12000 }\n';

/** A Q2 SPIFF of 2,000 a small-business deal: in the year from the announcement (2026-03-02) it pays on 91 days of 365. */
const SPIFF = '    spiffs:\n      - { segment: smb, amount: 2000, start: 2026-04-01, end: 2026-06-30 }\n';

describe('rational-choice', () => {
  it('fires on the quota when a deprioritized segment pays most per month of effort at some level', () =>
    testRule(RULE, {
      invalid: [
        {
          // At 100%: smb 100 deals × 14/30 months = 46.7 months for 120,000 (2,571 a month); enterprise 10 deals × 7 = 70 months (1,714). 2,571 ÷ 1,714 = 1.5.
          policy: FAST_SMB + QUOTA_PLAN,
          errors: [
            {
              at: 'compensation.0.quotas.0',
              message:
                'At 50%, 100%, 150% and 200% of quota, plan ae-2026 pays most per month of effort for smb, which the strategy deprioritizes (2,571 per month against 1,714 for enterprise): the rational choice is not the strategy\'s.',
              fix: 'add - { segment: enterprise, multiplier: 1.5 } to the credit of plan ae-2026, so that enterprise pays at least as much per month of effort as smb at every level; or pay smb outside the quota, at a rate of its own',
            },
          ],
        },
      ],
    }));

  it('counts a SPIFF on the deals within its dates, in the year from the announcement: it can make the deprioritized choice win', () =>
    testRule(RULE, {
      valid: [{ name: 'a SPIFF that ended before the year', policy: QUOTA_PLAN + SPIFF.replace('2026-04-01, end: 2026-06-30', '2025-04-01, end: 2025-06-30') }, { name: 'no SPIFF', policy: QUOTA_PLAN }],
      invalid: [
        {
          // At 100%: smb 150 deals over 105 months pay 120,000 + 150 × 2,000 × 91/365 = 194,795 (1,855 a month); enterprise 1,714.
          // At 200% enterprise's accelerator wins.
          policy: QUOTA_PLAN + SPIFF,
          errors: [
            {
              at: 'compensation.0.quotas.0',
              message:
                'At 50%, 100% and 150% of quota, plan ae-2026 pays most per month of effort for smb, which the strategy deprioritizes (1,855 per month against 1,714 for enterprise): the rational choice is not the strategy\'s.',
              fix: 'add - { segment: enterprise, multiplier: 1.09 } to the credit of plan ae-2026, so that enterprise pays at least as much per month of effort as smb at every level; or pay smb outside the quota, at a rate of its own',
            },
          ],
        },
      ],
    }));

  it('stays silent when the favored segment pays most, and leaves flat-rate plans to effort-adjusted-pay', () =>
    testRule(RULE, {
      valid: [
        {
          name: 'quota on enterprise, smb at a low flat rate',
          policy: `${FAST_SMB}compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
    commission:
      - { metric: new-arr, segment: smb, rate: "3%" }
`,
        },
        { name: 'flat rates only (effort-adjusted-pay reports it)', policy: salesPlan('4%', '8%') },
      ],
    }));
});
