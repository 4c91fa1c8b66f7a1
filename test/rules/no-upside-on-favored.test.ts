import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';
import { ROSTER_OF_TEN as ROSTER, cappedQuotaPlan as plan } from './sales-force-fixtures.js';

// The base policy favors enterprise and deprioritizes smb.
const RULE = 'no-upside-on-favored';

describe('no-upside-on-favored', () => {
  it('fires on a cap at quota on the favored segment, with the share of the modelled force past it', () =>
    testRule(RULE, {
      invalid: [
        {
          // The median of the force is at quota: half of the draws (49.89%) are at or past it.
          policy: plan('{ attainment: 1 }'),
          errors: [
            {
              at: 'compensation.0.curve.cap',
              message:
                'Plan ae-2026 pays nothing on new-arr in enterprise past 100% of quota, and 50% of the modelled sellers get there: the strategy favors it, and the plan tells them to stop selling it for the year and hold the next deal for the next.',
              fix: 'remove the cap of plan ae-2026, or raise it well above quota (such as cap: { attainment: 3 }), so that favored deals past quota still pay',
            },
          ],
        },
      ],
    }));

  it("fires on a cap amount equal to the target incentive, which binds at quota, on the roster's attainments", () =>
    testRule(RULE, {
      invalid: [
        {
          // 10% of 1,200,000 = 120,000 at 100%; the roster has 1.0 to 1.5 there, 6 of 10.
          policy: plan('{ amount: 120000 }') + ROSTER,
          errors: [
            {
              at: 'compensation.0.curve.cap',
              message:
                "Plan ae-2026 pays nothing on new-arr in enterprise past 100% of quota, and 60% of the roster's sellers get there: the strategy favors it, and the plan tells them to stop selling it for the year and hold the next deal for the next.",
              fix: 'remove the cap of plan ae-2026, or raise it well above quota (such as cap: { attainment: 3 }), so that favored deals past quota still pay',
            },
          ],
        },
      ],
    }));

  it('stays silent on a cap well above quota and on a cap at quota on a segment the strategy does not favor', () =>
    testRule(RULE, {
      valid: [
        { name: 'cap at 300%', policy: plan('{ attainment: 3 }') },
        { name: 'cap at quota on smb', policy: plan('{ attainment: 1 }', 'smb') },
      ],
    }));
});
