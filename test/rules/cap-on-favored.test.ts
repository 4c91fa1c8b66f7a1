import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

// The base policy favors enterprise (deals of 120,000) and deprioritizes smb.
const RULE = 'cap-on-favored';

/** Plan ae-2026: 120,000 of target variable pay on a 1,200,000 quota of `segment` (base rate 10%), with this curve. */
function quotaPlan(curve: string, segment = 'enterprise'): string {
  return `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: ${segment}, amount: 1200000 }
    curve:
${curve}
`;
}

const SLOW_DOWN = 'the favored enterprise is where the largest deals are, and its best sellers';

describe('cap-on-favored', () => {
  it('fires on a cap as attainment at or below max_attainment', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: quotaPlan('      cap: { attainment: 1.5 }'),
          errors: [
            {
              // 150% of 1,200,000 = 1,800,000 = 15 deals of 120,000.
              at: 'compensation.0.curve.cap',
              message: `Plan ae-2026 stops paying at 150% of quota, which a seller of enterprise reaches with 15 deals of 120,000: ${SLOW_DOWN} earn nothing for the next one, so they slow down or push deals into the next period.`,
              fix: 'remove the cap from plan ae-2026, or raise it above 200% of quota (such as attainment: 3)',
            },
          ],
        },
      ],
    }));

  it('fires on a cap as an amount, at the attainment where the plan pays it', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: quotaPlan('      cap: { amount: 150000 }'),
          errors: [
            {
              // 10% of bookings reaches 150,000 at 1,500,000 (125%, 12.5 deals); 200% pays 240,000.
              at: 'compensation.0.curve.cap',
              message: `Plan ae-2026 stops paying at 150,000 per year (125% of quota), which a seller of enterprise reaches with 13 deals of 120,000: ${SLOW_DOWN} earn nothing for the next one, so they slow down or push deals into the next period.`,
              fix: 'remove the cap from plan ae-2026, or raise its amount above 240,000 (what 200% of quota pays per year)',
            },
          ],
        },
      ],
    }));

  it('fires on a decelerator', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: quotaPlan('      tiers: [{ from: 1.5, multiplier: 0.5 }]'),
          errors: [
            {
              at: 'compensation.0.curve.tiers.0',
              message: `Plan ae-2026 pays 0.5× the base rate from 150% of quota, which a seller of enterprise reaches with 15 deals of 120,000: ${SLOW_DOWN} are paid less for each deal past that point, so they slow down or push deals into the next period.`,
              fix: 'remove the decelerator from plan ae-2026, or start it above 200% of quota (such as from: 3)',
            },
          ],
        },
      ],
    }));

  it('stays silent on a cap no realistic seller reaches, on a cap only on the deprioritized segment, and below max_attainment', () =>
    testRule(RULE, {
      valid: [
        { name: 'cap at 300%', policy: quotaPlan('      cap: { attainment: 3 }') },
        { name: 'cap on the smb quota', policy: quotaPlan('      cap: { attainment: 1.5 }', 'smb') },
        { name: 'an accelerator', policy: quotaPlan('      tiers: [{ from: 1, multiplier: 1.5 }]') },
        { name: 'max_attainment 1.4', policy: quotaPlan('      cap: { attainment: 1.5 }'), options: { max_attainment: 1.4 } },
      ],
    }));
});
