import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

const RULE = 'weights-sum';
const METRICS = ['enterprise-arr', 'defect-rate', 'new-arr'];

/** Plan cs-2026 with these bonus weights, with or without a commission line. */
const plan = (weights: number[], commission: boolean) => ({
  policy: {
    compensation: [
      {
        id: 'cs-2026',
        team: 'sales',
        ...(commission ? { commission: [{ metric: 'enterprise-arr', segment: 'enterprise', rate: '10%' }] } : {}),
        bonus: weights.map((weight, index) => ({ metric: METRICS[index], weight })),
      },
    ],
  },
});

describe('weights-sum', () => {
  it('accepts 0.4 + 0.3 + 0.3 as 1 (floating point) in a plan without commission', () =>
    testRule(RULE, { valid: [plan([0.4, 0.3, 0.3], false)] }));

  it('fires when weights of a plan without commission do not add up to 1', () =>
    testRule(RULE, {
      invalid: [
        {
          ...plan([0.5, 0.3], false),
          errors: [
            {
              at: 'compensation.0.bonus',
              message: 'Bonus weights of plan cs-2026 add up to 80%; with no commission they must add up to 100% of variable pay.',
              fix: 'add 20% to the weights (or a component for it)',
            },
          ],
        },
      ],
    }));

  it('allows less than 1 beside commission, and fires above 1', () =>
    testRule(RULE, {
      valid: [plan([0.2], true), plan([1], true)],
      invalid: [
        {
          ...plan([0.7, 0.4], true),
          errors: [
            {
              at: 'compensation.0.bonus',
              message:
                'Bonus weights of plan cs-2026 add up to 110% of variable pay, more than all of it, and commission still takes a share.',
              fix: 'lower the weights by 10% in total, so that they add up to at most 100% and commission takes the rest',
            },
          ],
        },
      ],
    }));

  it('does not pool the lines of two instruments that share an id (duplicate-id reports them)', () =>
    testRule(RULE, {
      valid: [
        `compensation:
  - id: finance-2026
    team: sales
    bonus:
      - { metric: enterprise-arr, weight: 0.5 }
      - { metric: defect-rate, weight: 0.5 }
  - id: finance-2026
    team: sales
    bonus:
      - { metric: enterprise-arr, weight: 1 }
`,
      ],
    }));
  it('holds the weights to a tenth of a percent by default: 99.95% is rounding, 99% and 101% are not', () =>
    testRule(RULE, {
      valid: [plan([0.4995, 0.5], false), plan([0.5, 0.5005], false), plan([0.6, 0.4005], true)],
      invalid: [
        {
          ...plan([0.49, 0.5], false),
          errors: [
            {
              at: 'compensation.0.bonus',
              message: 'Bonus weights of plan cs-2026 add up to 99%; with no commission they must add up to 100% of variable pay.',
              fix: 'add 1% to the weights (or a component for it)',
            },
          ],
        },
        {
          ...plan([0.6, 0.41], true),
          errors: [
            {
              at: 'compensation.0.bonus',
              message:
                'Bonus weights of plan cs-2026 add up to 101% of variable pay, more than all of it, and commission still takes a share.',
              fix: 'lower the weights by 1% in total, so that they add up to at most 100% and commission takes the rest',
            },
          ],
        },
      ],
    }));

  it('accepts a sum exactly `tolerance` away from its target, and reports one beyond it', () => {
    const tolerance = { tolerance: 0.25 };
    return testRule(RULE, {
      valid: [
        { ...plan([0.75, 0.5], true), options: tolerance },
        { ...plan([0.75, 0.5], false), options: tolerance },
        { ...plan([0.5, 0.25], false), options: tolerance },
      ],
      invalid: [
        {
          ...plan([0.5, 0.125], false),
          options: tolerance,
          errors: [
            {
              at: 'compensation.0.bonus',
              message: 'Bonus weights of plan cs-2026 add up to 62.5%; with no commission they must add up to 100% of variable pay.',
              fix: 'add 37.5% to the weights (or a component for it)',
            },
          ],
        },
      ],
    });
  });

  it('asks to lower weights that add up to more than 1 in a plan without commission', () =>
    testRule(RULE, {
      invalid: [
        {
          ...plan([0.7, 0.5], false),
          errors: [
            {
              at: 'compensation.0.bonus',
              message: 'Bonus weights of plan cs-2026 add up to 120%; with no commission they must add up to 100% of variable pay.',
              fix: 'lower the weights by 20% in total',
            },
          ],
        },
      ],
    }));

  it("adds a pool's weight to the bonus weights, and lets a pool without a weight take the rest, as commission does", () => {
    const pooled = (weights: number[], pool: Record<string, unknown>) => {
      const base = plan(weights, false);
      base.policy.compensation[0] = {
        ...base.policy.compensation[0]!,
        pool: { funded_by: 'new-arr', rating: [{ metric: 'defect-rate', weight: 1 }], ...pool },
      } as (typeof base.policy.compensation)[0];
      return base;
    };
    return testRule(RULE, {
      valid: [pooled([0.5], { weight: 0.5 }), pooled([0.5], {})],
      invalid: [
        {
          ...pooled([0.5], { weight: 0.3 }),
          errors: [
            {
              at: 'compensation.0.bonus',
              message:
                "Bonus weights and the pool's weight of plan cs-2026 add up to 80%; with no commission they must add up to 100% of variable pay.",
              fix: 'add 20% to the weights (or a component for it)',
            },
          ],
        },
        {
          ...pooled([0.7, 0.5], {}),
          errors: [
            {
              at: 'compensation.0.bonus',
              message:
                'Bonus weights of plan cs-2026 add up to 120% of variable pay, more than all of it, and the pool still takes a share.',
              fix: 'lower the weights by 20% in total, so that they add up to at most 100% and the pool takes the rest',
            },
          ],
        },
      ],
    });
  });
});
