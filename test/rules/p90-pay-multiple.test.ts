import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

const RULE = 'p90-pay-multiple';

/** Plan ae-2026: 120,000 target incentive on a 1,200,000 quota (base rate 10%), with this curve text. */
function plan(curve = '', ote = '    ote: 240000\n    variable_share: 0.5\n'): string {
  return `compensation:
  - id: ae-2026
    team: sales
${ote}    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
${curve}`;
}

const ROSTER = `roster:
${[0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5].map((attainment, position) => `  - { person: Seller ${position + 1}, team: sales, plan: ae-2026, attainment: ${attainment} }`).join('\n')}
`;

describe('p90-pay-multiple', () => {
  it("fires on a linear plan: the roster's 90th-percentile seller is paid 1.4× target incentive", () =>
    testRule(RULE, {
      invalid: [
        {
          // P90 of ten is the 9th value, 140%: pay 10% × 1,680,000 = 168,000 = 1.40 × 120,000. An accelerator m above quota pays
          // 120,000 × (1 + m × 0.4) there: 2× needs m = 1 ÷ 0.4 = 2.5.
          policy: plan() + ROSTER,
          errors: [
            {
              at: 'compensation.0.id',
              message:
                "Plan ae-2026 pays the roster's 90th-percentile seller (140% of quota) 168,000, 1.40× the 120,000 target incentive, less than 2×: the best sellers earn little more than an average one for the risk they carry, so they are the ones who leave.",
              fix: 'raise what plan ae-2026 pays above quota until the 90th-percentile seller earns at least 240,000 (such as an accelerator tiers: [{ from: 1, multiplier: 2.5 }]), and lift any cap below 140% of quota',
            },
          ],
        },
      ],
    }));

  it('fires on a windfall: 6× above quota pays the modelled 90th percentile (146% of quota) 3.77× target incentive', () =>
    testRule(RULE, {
      invalid: [
        {
          // The drawn P90 is 146.18% (analytically e^(0.3 × 1.2816) = 146.9%): 1 + 6 × 0.4618 = 3.77. 3× needs m = 2 ÷ 0.4618 = 4.33, rounded down.
          policy: plan('    curve:\n      tiers: [{ from: 1, multiplier: 6 }]\n'),
          errors: [
            {
              at: 'compensation.0.curve',
              message:
                'Plan ae-2026 pays the modelled 90th-percentile seller (146% of quota) 452,529, 3.77× the 120,000 target incentive, more than 3×: a windfall for the top tenth that raises the cost of sales faster than the bookings.',
              fix: 'lower the accelerators of plan ae-2026 until the 90th-percentile seller earns at most 360,000 (such as tiers: [{ from: 1, multiplier: 4.3 }])',
            },
          ],
        },
      ],
    }));

  it('stays silent between 2× and 3×, at exactly 2×, and on a plan without a target incentive', () =>
    testRule(RULE, {
      valid: [
        // 1 + 3 × 0.4618 = 2.39×.
        { name: '3× above quota', policy: plan('    curve:\n      tiers: [{ from: 1, multiplier: 3 }]\n') },
        // The roster's P90 at 140% with 2.5× above quota: 1 + 2.5 × 0.4 = 2.00×.
        { name: 'the suggested accelerator', policy: plan('    curve:\n      tiers: [{ from: 1, multiplier: 2.5 }]\n') + ROSTER },
        { name: 'no ote', policy: plan('', '') },
      ],
    }));
});
