import { defineRule, formatPercent, z } from '../src/api.js';

export default defineRule({
  meta: {
    id: 'weights-sum',
    category: 'integrity',
    severity: 'error',
    summary: 'Bonus weights do not add up to the variable pay they divide',
    rationale:
      "Bonus weights are fractions of the plan's variable pay. In a plan without commission they must add up to 1; in a plan with " +
      'commission, commission takes the rest, so they add up to at most 1. Weights that add to more promise pay that does not exist; ' +
      'weights that add to less leave part of the variable pay tied to nothing.',
    source: 'policy format v1 (docs/format.md): bonus weights are fractions of variable pay',
    reads: [
      'compensation[].bonus[].weight',
      'compensation[].pool',
      'compensation[].pool.weight',
      'compensation[].commission',
      'compensation[].quotas',
    ],
    options: z.object({
      tolerance: z.number().min(0).default(0.001).describe('how far from the target sum rounding may take the weights'),
    }),
    examples: {
      bad: `compensation:
  - id: cs-2026
    bonus:
      - { metric: net-retention, weight: 0.5 }
      - { metric: csat, weight: 0.3 }`,
      good: `compensation:
  - id: cs-2026
    bonus:
      - { metric: net-retention, weight: 0.6 }
      - { metric: csat, weight: 0.4 }`,
    },
  },
  check({ index, options, report }) {
    for (const instrument of index.instruments) {
      if (instrument.lever !== 'compensation') continue;
      const rewards = index.rewardsOf(instrument);
      const weights = index.rewardsOfComponent(instrument, 'bonus').map((component) => component.weight);
      if (weights.length === 0) continue;
      const plan = instrument.node;
      // A pool is a share of variable pay beside the bonus (its weight), or takes what the weights leave, as commission does.
      const poolWeight = plan.pool === undefined ? 0 : (plan.pool.weight ?? 0);
      const sum = weights.reduce((total, weight) => total + weight, poolWeight);
      const rest = rewards.some((reward) => reward.component === 'commission')
        ? 'commission'
        : plan.pool !== undefined && plan.pool.weight === undefined
          ? 'the pool'
          : undefined;
      const hasCommission = rest !== undefined;
      if (hasCommission && sum > 1 + options.tolerance) {
        report({
          node: plan,
          key: 'bonus',
          message: `Bonus weights of plan ${instrument.id} add up to ${formatPercent(sum)} of variable pay, more than all of it, and ${rest} still takes a share.`,
          fix: `lower the weights by ${formatPercent(sum - 1)} in total, so that they add up to at most 100% and ${rest} takes the rest`,
        });
      } else if (!hasCommission && Math.abs(sum - 1) > options.tolerance) {
        report({
          node: plan,
          key: 'bonus',
          message: `${plan.pool ? "Bonus weights and the pool's weight" : 'Bonus weights'} of plan ${instrument.id} add up to ${formatPercent(sum)}; with no commission they must add up to 100% of variable pay.`,
          fix:
            sum < 1
              ? `add ${formatPercent(1 - sum)} to the weights (or a component for it)`
              : `lower the weights by ${formatPercent(sum - 1)} in total`,
        });
      }
    }
  },
});
