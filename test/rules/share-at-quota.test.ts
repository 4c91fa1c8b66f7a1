import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

const RULE = 'share-at-quota';

const PLAN = `compensation:
  - id: ae-2026
    team: sales
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
`;

/** Ten sellers on ae-2026, one roster entry per attainment. */
function roster(...attainments: number[]): string {
  return `roster:\n${attainments.map((attainment, position) => `  - { person: Seller ${position + 1}, team: sales, plan: ae-2026, attainment: ${attainment} }`).join('\n')}\n`;
}

describe('share-at-quota', () => {
  it("fires on the plan when fewer than half of the roster's sellers reach quota, and says how far to lower the quotas", () =>
    testRule(RULE, {
      invalid: [
        {
          // At or above 1: 1.0, 1.2, 1.5 = 3 of 10 (30%). Five are needed: the 5th best is 0.9, so quotas at 90% put 5 at quota.
          policy: PLAN + roster(0.4, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0, 1.2, 1.5),
          errors: [
            {
              at: 'compensation.0.id',
              message:
                "On the roster's attainments, 3 of plan ae-2026's 10 sellers (30%) reach quota, fewer than 50%: a quota most of the force misses reads as out of reach, and pays most sellers below their target pay.",
              fix: 'lower the quotas of plan ae-2026 to about 90% of their amounts (the attainment of the 5th best seller), which puts 5 of 10 at quota, or rebalance the territories behind them',
            },
          ],
        },
      ],
    }));

  it('stays silent at half the roster at quota, below min_share, and on drawn attainments (their share at quota is the distribution, not the plan)', () =>
    testRule(RULE, {
      valid: [
        { name: 'five of ten at quota', policy: PLAN + roster(0.4, 0.6, 0.7, 0.8, 0.9, 1.0, 1.0, 1.1, 1.2, 1.5) },
        { name: 'min_share 0.3', policy: PLAN + roster(0.4, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0, 1.2, 1.5), options: { min_share: 0.3 } },
        { name: 'no roster', policy: PLAN },
      ],
    }));
});
