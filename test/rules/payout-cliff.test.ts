import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

// The base policy: enterprise deals of 120,000, smb deals of 8,000.
const RULE = 'payout-cliff';

/** Plan ae-2026: 120,000 of target variable pay on a 1,200,000 quota on all new-arr (base rate 10%), with these keys. */
function quotaPlan(extra: string): string {
  return `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, amount: 1200000 }
${extra}
`;
}

const RETROACTIVE = quotaPlan('    curve:\n      tiers: [{ from: 1, multiplier: 1.25, retroactive: true }]');
const STEP_BONUS = quotaPlan('    spiffs:\n      - { id: quota-club, metric: new-arr, amount: 20000, per: once, at: 1 }');

describe('payout-cliff', () => {
  it('fires on a retroactive tier, for the segment whose deal crossing it is worth most times a normal one', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: RETROACTIVE,
          errors: [
            {
              // The smb deal from 1,192,000 to 1,200,000 pays 150,000 − 119,200 = 30,800; the one before pays 800 (38.5×).
              // An enterprise deal crossing it pays 42,000 against 12,000 (3.5×).
              at: 'compensation.0.curve.tiers.0.retroactive',
              message:
                'Plan ae-2026 re-prices every dollar below 100% of quota at 1.25× once it is reached: the smb deal of 8,000 that crosses it pays 30,800, against 800 for the deal before (38.5×), ' +
                'so sellers time, split and discount deals around the step.',
              fix: 'remove retroactive: true from the tier of plan ae-2026, so that 1.25× pays the dollars above 100% of quota only',
            },
          ],
        },
      ],
    }));

  it('fires on a step bonus paid once on reaching an attainment', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: STEP_BONUS,
          errors: [
            {
              // The smb deal reaching 100% pays 800 + 20,000 (26×); at most 2 × 800 keeps it under 3×.
              at: 'compensation.0.spiffs.0.at',
              message:
                'Plan ae-2026 pays the SPIFF quota-club (20,000 once at 100% of quota on new-arr): the smb deal of 8,000 that crosses it pays 20,800, against 800 for the deal before (26×), ' +
                'so sellers time, split and discount deals around the step.',
              fix: 'lower the amount to at most 1,600 (2 times what a normal smb deal pays there), or pay it as a rate on the bookings above 100% of quota',
            },
          ],
        },
      ],
    }));

  it('fires on a step bonus at the threshold too, where the deal before pays nothing: the deal after it is the normal one', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: quotaPlan(
            '    curve: { threshold: 1 }\n    spiffs:\n      - { id: quota-club, metric: new-arr, amount: 20000, per: once, at: 1 }',
          ),
          errors: [
            {
              // Reaching 100% pays every dollar below it (120,000) and the 20,000 step; the smb deal after pays 800.
              at: 'compensation.0.spiffs.0.at',
              message:
                'Plan ae-2026 pays the SPIFF quota-club (20,000 once at 100% of quota on new-arr): the smb deal of 8,000 that crosses it pays 140,000, against 800 for the deal after it (below the threshold the deal before pays nothing) (175×), ' +
                'so sellers time, split and discount deals around the step.',
              fix:
                'move the threshold of plan ae-2026 below 100% of quota (the threshold pays every dollar below it at once, on the same deal), and ' +
                'lower the amount to at most 1,600 (2 times what a normal smb deal pays there), or pay it as a rate on the bookings above 100% of quota',
            },
          ],
        },
      ],
    }));

  it('stays silent on a tier that is not retroactive, and below max_ratio', () =>
    testRule(RULE, {
      valid: [
        { name: 'not retroactive', policy: quotaPlan('    curve:\n      tiers: [{ from: 1, multiplier: 1.25 }]') },
        { name: 'max_ratio 40', policy: RETROACTIVE, options: { max_ratio: 40 } },
        { name: 'a threshold', policy: quotaPlan('    curve:\n      threshold: 0.5') },
      ],
    }));
});
