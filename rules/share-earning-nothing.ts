import { defineRule, formatPercent, percentileOf, z, type CompensationPlanT } from '../src/api.js';
import { wholePercent } from './helpers/figures.js';
import { POPULATION } from './helpers/reads.js';
import { quotaPlanExample } from './helpers/example-plans.js';

const plan = (threshold: number) => quotaPlanExample({ curve: `threshold: ${threshold}` });

export default defineRule({
  meta: {
    id: 'share-earning-nothing',
    category: 'goalposts',
    severity: 'warning',
    presets: ['goalposts'],
    summary: "More of a plan's sellers earn no incentive at all than the goalpost (under 5%)",
    rationale:
      'A threshold keeps the plan from paying for sales that would have come anyway, but every seller below it earns nothing for the year: ' +
      'for them the plan has stopped working, and the longer the year runs the less a deal is worth to them. ' +
      'Compensation consultants set the threshold from the attainment distribution so that only a few fall below it, ' +
      'hoping to see no more than 5 or 10% of participants there. The rule reads the sales-force model (context.population): ' +
      "the roster's attainments where the policy gives them, else the documented default force (lognormal, median at quota, sigma 0.3, seed 1).",
    source:
      'Clinton Gott, "Should we use thresholds in our sales incentive plans?", Better Sales Comp (https://bettersalescomp.com/2010/11/18/should-we-use-thresholds-in-our-sales-incentive-plans/): the goal is not to see more than 5 or 10% of participants fall below a threshold; ' +
      'The Alexander Group, "Careful About That Threshold" (https://alexandergroup.com/insights/sales-compensation-careful-about-that-threshold)',
    reads: POPULATION,
    options: z.object({
      max_share: z.number().min(0).max(1).default(0.05).describe("the largest share of a plan's sellers that should earn no incentive"),
    }),
    examples: { bad: plan(0.8), good: plan(0.5) },
  },
  check({ index, population, options, report }) {
    for (const plan of index.policy.compensation) {
      const force = population.of(plan);
      if (!force || force.shareEarningNothing <= options.max_share + 1e-9) continue;
      const threshold = thresholdOf(plan);
      // Below the attainment of the max_share-th percentile seller, at most max_share of the force earns nothing.
      const suggested = percentileOf(population.attainmentsOf(plan)!, options.max_share);
      const whose = force.source === 'roster' ? "on the roster's attainments" : 'on the modelled sales force';
      report({
        node: threshold?.node ?? plan,
        key: threshold ? 'threshold' : 'id',
        message:
          `${capitalize(whose)}, ${wholePercent(force.shareEarningNothing, 'up')} of plan ${plan.id}'s sellers earn no incentive at all, more than ${formatPercent(options.max_share)}: ` +
          'for them the plan has stopped paying for the year, so it no longer steers what they sell.',
        fix:
          threshold && suggested < threshold.value
            ? `lower the threshold of plan ${plan.id} from ${formatPercent(threshold.value)} to at most ${wholePercent(suggested, 'down')} of quota, below which ${formatPercent(options.max_share)} of the force falls, or set quotas the force can reach`
            : `pay plan ${plan.id} from a lower attainment, or set quotas the force can reach, so that at most ${formatPercent(options.max_share)} of its sellers earn nothing`,
      });
    }
  },
});

/** The threshold of the plan's first quota (its own curve's, else the plan's), with the curve that holds it. */
function thresholdOf(plan: CompensationPlanT): { node: object; value: number } | undefined {
  const first = plan.quotas?.[0];
  const curve = first?.curve ?? plan.curve;
  return curve?.threshold === undefined ? undefined : { node: curve, value: curve.threshold };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
