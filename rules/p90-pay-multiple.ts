import { defineRule, formatMoney, roundRate, z } from '../src/api.js';
import { wholePercent } from './helpers/figures.js';
import { POPULATION } from './helpers/reads.js';
import { quotaPlanExample } from './helpers/example-plans.js';

export default defineRule({
  meta: {
    id: 'p90-pay-multiple',
    category: 'goalposts',
    severity: 'warning',
    presets: ['goalposts'],
    summary: 'A plan pays its 90th-percentile seller less than 2× or more than 3× the target incentive (the upside goalpost)',
    rationale:
      "Compensation consultants size a plan's upside at the excellence point, the 90th-percentile performer, as a multiple of target incentive: " +
      'typically 2× (a 50/50 plan whose top tenth earns twice the variable pay at risk), up to 3× where the market for top sellers is tight. ' +
      'Below 2× the plan only pays up to quota and the seller carries the risk without the reward, so the best leave; above 3× it pays a windfall ' +
      "that the margins rarely sustain. The rule reads the sales-force model (context.population): the roster's attainments where the policy gives them, " +
      'else the documented default force (lognormal, median at quota, sigma 0.3, seed 1, whose 90th percentile is about 147% of quota).',
    source:
      'SalesGlobe, "The Importance Of Differentiating Top Performers" (https://www.salesglobe.com/blog/the-importance-of-differentiating-top-performers/): upside at the 90th percentile is set as a multiple of target incentive, such as 200% or 300%; ' +
      'Bob Malandruccolo, "Sales Compensation Plans, Step 5: Set the Upside", Ecsell Institute (https://www.ecsellinstitute.com/coaching-effect-blog/blog/bid/47422/sales-compensation-plans-step-5-set-the-upside): a 2 to 1 ratio of upside to target incentive is what market data often shows',
    reads: POPULATION,
    options: z.object({
      min_multiple: z
        .number()
        .positive()
        .default(2)
        .describe('the least the 90th-percentile seller should earn, in multiples of target incentive'),
      max_multiple: z
        .number()
        .positive()
        .default(3)
        .describe('the most the 90th-percentile seller should earn, in multiples of target incentive'),
    }),
    examples: { bad: quotaPlanExample(), good: quotaPlanExample({ curve: 'tiers: [{ from: 1, multiplier: 3 }]' }) },
  },
  check({ index, population, options, report }) {
    for (const plan of index.policy.compensation) {
      const force = population.of(plan);
      const multiple = force?.p90MultipleOfTarget;
      if (!force || multiple === null || multiple === undefined || force.targetIncentive === null) continue;
      const low = multiple + 1e-9 < options.min_multiple;
      if (!low && multiple <= options.max_multiple + 1e-9) continue;
      const target = force.targetIncentive;
      const p90 = force.attainment.p90;
      const bound = low ? options.min_multiple : options.max_multiple;
      // Above quota, a multiplier m pays target × (1 + m × (A − 1)) at attainment A: the one that pays `bound` × target at P90, rounded toward the goalpost.
      const multiplier = p90 > 1 ? roundRate((bound - 1) / (p90 - 1), low ? 'up' : 'down', 1) : undefined;
      const whose = force.source === 'roster' ? "the roster's" : 'the modelled';
      // To the hundredth, never rounded onto the goalpost it misses (1.996× is shown as 1.99×, not 2.00×).
      const nearest = roundRate(multiple, 'nearest', 2);
      const shown = low
        ? nearest >= options.min_multiple
          ? roundRate(multiple, 'down', 2)
          : nearest
        : nearest <= options.max_multiple
          ? roundRate(multiple, 'up', 2)
          : nearest;
      report({
        node: plan.curve ?? plan,
        key: plan.curve ? undefined : 'id',
        message:
          `Plan ${plan.id} pays ${whose} 90th-percentile seller (${wholePercent(p90)} of quota) ${formatMoney(force.pay.p90)}, ${shown.toFixed(2)}× the ${formatMoney(target)} target incentive, ` +
          (low
            ? `less than ${options.min_multiple}×: the best sellers earn little more than an average one for the risk they carry, so they are the ones who leave.`
            : `more than ${options.max_multiple}×: a windfall for the top tenth that raises the cost of sales faster than the bookings.`),
        fix: low
          ? `raise what plan ${plan.id} pays above quota until the 90th-percentile seller earns at least ${formatMoney(bound * target)}${multiplier ? ` (such as an accelerator tiers: [{ from: 1, multiplier: ${multiplier} }])` : ''}, and lift any cap below ${wholePercent(p90, 'up')} of quota`
          : `lower the accelerators of plan ${plan.id} until the 90th-percentile seller earns at most ${formatMoney(bound * target)}${multiplier !== undefined && multiplier > 1 ? ` (such as tiers: [{ from: 1, multiplier: ${multiplier} }])` : ''}`,
      });
    }
  },
});
