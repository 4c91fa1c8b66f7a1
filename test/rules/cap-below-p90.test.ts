import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';
import { ROSTER_OF_TEN as ROSTER, cappedQuotaPlan as plan } from './sales-force-fixtures.js';

// The base policy favors enterprise and deprioritizes smb.
const RULE = 'cap-below-p90';

describe('cap-below-p90', () => {
  it('is an error on a quota of the favored segment that more than a tenth of the force reaches', () =>
    testRule(RULE, {
      invalid: [
        {
          // Analytically P(A ≥ 1.3) = 1 − Φ(ln 1.3 ÷ 0.3) = 1 − Φ(0.875) = 19.1%; the draws give 18.86%, shown rounded up.
          policy: plan('{ attainment: 1.3 }'),
          errors: [
            {
              at: 'compensation.0.curve.cap',
              message:
                'Plan ae-2026 stops paying new-arr in enterprise at 130% of quota, and 19% of the modelled sellers get there, more than the top 10%: new-arr in enterprise is what the strategy favors, and its best sellers are told to stop for the year.',
              fix: 'remove the cap of plan ae-2026, or raise it above the 147% of quota its 90th-percentile seller reaches (such as cap: { attainment: 3 })',
            },
          ],
        },
      ],
    }));

  it('is one step milder (a warning) on a quota the strategy does not favor', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: plan('{ attainment: 1.3 }', 'smb'),
          errors: [
            {
              at: 'compensation.0.curve.cap',
              severity: 'warning',
              message:
                'Plan ae-2026 stops paying new-arr in smb at 130% of quota, and 19% of the modelled sellers get there, more than the top 10%: its best sellers are told to stop for the year, and slow down or push deals into the next period.',
              fix: 'remove the cap of plan ae-2026, or raise it above the 147% of quota its 90th-percentile seller reaches (such as cap: { attainment: 3 })',
            },
          ],
        },
      ],
    }));

  it("finds where a cap amount binds, on the roster's attainments", () =>
    testRule(RULE, {
      invalid: [
        {
          // 10% of bookings reaches 150,000 at 1,500,000 = 125% of quota: 1.3, 1.4 and 1.5 are there, 3 of 10. P90 is the 9th, 140%.
          policy: plan('{ amount: 150000 }') + ROSTER,
          errors: [
            {
              at: 'compensation.0.curve.cap',
              message:
                "Plan ae-2026 stops paying new-arr in enterprise at 125% of quota, and 30% of the roster's sellers get there, more than the top 10%: new-arr in enterprise is what the strategy favors, and its best sellers are told to stop for the year.",
              fix: 'remove the cap of plan ae-2026, or raise it above the 140% of quota its 90th-percentile seller reaches (such as cap: { attainment: 3 })',
            },
          ],
        },
      ],
    }));

  it('stays silent on a cap above the 90th percentile, and under a lower percentile option', () =>
    testRule(RULE, {
      valid: [
        { name: 'cap at 300%', policy: plan('{ attainment: 3 }') },
        // P(A ≥ 1.3) is 19%, inside the top 20%.
        { name: 'percentile 0.8', policy: plan('{ attainment: 1.3 }'), options: { percentile: 0.8 } },
        // Only 1.5 of the roster reaches 150%: 1 of 10, not more than a tenth.
        { name: 'one seller of ten at the cap', policy: plan('{ attainment: 1.5 }') + ROSTER },
      ],
    }));
});
