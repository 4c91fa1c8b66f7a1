import { defineRule, formatPercent, z } from '../src/api.js';
import { ordinal, wholePercent } from './helpers/figures.js';
import { POPULATION } from './helpers/reads.js';
import { quotaPlanExample } from './helpers/example-plans.js';

/** A roster of ten on plan ae-2026: `below` sellers at 80% of quota, `above` at 110%. */
const roster = (below: number, above: number) => `roster:
  - { role: Enterprise AE, headcount: ${below}, team: sales, plan: ae-2026, attainment: 0.8 }
  - { role: Senior enterprise AE, headcount: ${above}, team: sales, plan: ae-2026, attainment: 1.1 }`;

const PLAN = quotaPlanExample();

export default defineRule({
  meta: {
    id: 'share-at-quota',
    category: 'goalposts',
    severity: 'warning',
    presets: ['goalposts'],
    summary: "On the roster's attainments, fewer of a plan's sellers reach quota than the goalpost (at least half)",
    rationale:
      'Compensation consultants audit a plan by the share of its sellers at or above quota: a quota most of the force misses reads as out of reach, ' +
      'pays most sellers below their target pay, and points at quota setting, coverage or the sales strategy rather than at the sellers. ' +
      'Practitioners put the healthy range at 50-70% of the force at quota, and note that most companies land near 50%. ' +
      "The rule judges only plans whose roster gives attainments: on drawn attainments (simulate --population's default force, " +
      'its median at quota) the share at quota is the distribution, not the plan, so it would say nothing about the plan.',
    source:
      'Sales & Marketing Management, "Incentive Insights: How Many Salespeople Should Meet Their Quota?" (http://www.salesandmarketing.com/article/incentive-insights-how-many-salespeople-should-meet-their-quota): 60-70% at goal is the motivational aim, most companies are near 50%; ' +
      'The Cygnal Group, "What is the ideal quota attainment distribution?" (http://cygnalgroup.com/what-is-ideal-quota-attainment-distribution/): more than half of the people should hit or exceed their goal',
    reads: POPULATION,
    options: z.object({
      min_share: z
        .number()
        .min(0)
        .max(1)
        .default(0.5)
        .describe("the smallest share of a plan's sellers (on the roster's attainments) that should reach quota"),
    }),
    examples: {
      bad: `${PLAN}\n${roster(6, 4)}`,
      good: `${PLAN}\n${roster(4, 6)}`,
    },
  },
  check({ index, population, options, report }) {
    for (const plan of index.policy.compensation) {
      const force = population.of(plan);
      if (force?.source !== 'roster' || force.shareAtOrAboveQuota + 1e-9 >= options.min_share) continue;
      const atQuota = Math.round(force.shareAtOrAboveQuota * force.sellers);
      const needed = Math.ceil(options.min_share * force.sellers - 1e-9);
      // Scaling every quota by the needed-th best attainment puts exactly that many sellers at quota.
      const attainments = population.attainmentsOf(plan)!;
      const scale = attainments[attainments.length - needed]!;
      report({
        node: plan,
        key: 'id',
        message:
          `On the roster's attainments, ${atQuota} of plan ${plan.id}'s ${force.sellers} sellers (${wholePercent(force.shareAtOrAboveQuota, 'down')}) reach quota, fewer than ${formatPercent(options.min_share)}: ` +
          'a quota most of the force misses reads as out of reach, and pays most sellers below their target pay.',
        fix:
          `lower the quotas of plan ${plan.id} to about ${wholePercent(scale, 'down')} of their amounts (the attainment of the ${ordinal(needed)} best seller), ` +
          `which puts ${needed} of ${force.sellers} at quota, or rebalance the territories behind them`,
      });
    }
  },
});
