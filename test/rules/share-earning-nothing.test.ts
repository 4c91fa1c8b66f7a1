import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

const RULE = 'share-earning-nothing';

/** Plan ae-2026 on one enterprise quota, with this threshold (none when undefined). */
function plan(threshold?: number): string {
  return `compensation:
  - id: ae-2026
    team: sales
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
${threshold === undefined ? '' : `    curve:\n      threshold: ${threshold}\n`}`;
}

const ROSTER = `roster:
${[0.5, 0.7, 0.85, 0.9, 1, 1, 1.1, 1.2, 1.3, 1.6].map((attainment, position) => `  - { person: Seller ${position + 1}, team: sales, plan: ae-2026, attainment: ${attainment} }`).join('\n')}
`;

describe('share-earning-nothing', () => {
  it('fires on the threshold when more than 5% of the roster earns nothing, and lowers it to the 5th-percentile attainment', () =>
    testRule(RULE, {
      invalid: [
        {
          // Below 80%: 0.5 and 0.7, 2 of 10 (20%). The nearest-rank 5th percentile of ten is the 1st value, 0.5.
          policy: plan(0.8) + ROSTER,
          errors: [
            {
              at: 'compensation.0.curve.threshold',
              message:
                "On the roster's attainments, 20% of plan ae-2026's sellers earn no incentive at all, more than 5%: for them the plan has stopped paying for the year, so it no longer steers what they sell.",
              fix: 'lower the threshold of plan ae-2026 from 80% to at most 50% of quota, below which 5% of the force falls, or set quotas the force can reach',
            },
          ],
        },
      ],
    }));

  it('fires on the modelled force (lognormal, median at quota, sigma 0.3, seed 1) when the threshold is at 80%', () =>
    testRule(RULE, {
      invalid: [
        {
          // Analytically P(A < 0.8) = Φ(ln 0.8 ÷ 0.3) = Φ(−0.744) = 22.8%; 10,000 draws give 23.02%, shown rounded up.
          // The 5th percentile is e^(0.3 × −1.645) = 61.1% of quota analytically; the draws agree to the whole percent.
          policy: plan(0.8),
          errors: [
            {
              at: 'compensation.0.curve.threshold',
              message:
                "On the modelled sales force, 24% of plan ae-2026's sellers earn no incentive at all, more than 5%: for them the plan has stopped paying for the year, so it no longer steers what they sell.",
              fix: 'lower the threshold of plan ae-2026 from 80% to at most 61% of quota, below which 5% of the force falls, or set quotas the force can reach',
            },
          ],
        },
      ],
    }));

  it('stays silent on a low threshold, on a plan paying from the first dollar, and under a higher max_share', () =>
    testRule(RULE, {
      valid: [
        // P(A < 0.5) = Φ(−2.31) = 1%.
        { name: 'threshold 50%', policy: plan(0.5) },
        { name: 'no threshold', policy: plan() },
        { name: 'max_share 0.25', policy: plan(0.8) + ROSTER, options: { max_share: 0.25 } },
      ],
    }));
});
