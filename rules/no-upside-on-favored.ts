import { defineRule, formatPercent, z, type QuotaT } from '../src/api.js';
import { wholePercent } from './helpers/figures.js';
import { POPULATION, STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';
import { quotaPlanExample } from './helpers/example-plans.js';

const plan = (cap: number) => quotaPlanExample({ curve: `cap: { attainment: ${cap} }` });

export default defineRule({
  meta: {
    id: 'no-upside-on-favored',
    category: 'goalposts',
    severity: 'error',
    presets: ['goalposts'],
    summary: 'A quota of what the strategy favors pays nothing past 100% of quota (a cap at or below quota)',
    rationale:
      'Without upside, "the incentive compensation plan favors the company because it only pays up to quota": the seller carries the risk of missing ' +
      'and earns nothing for beating it. On a quota of what the strategy favors, that is a plan telling its sellers to stop selling the strategy ' +
      'once they are at quota, and to hold the next favored deal for next year. The rule reads the sales-force model (context.population) for how many sellers ' +
      "pass quota and are paid nothing for it: the roster's attainments where the policy gives them, else the documented default force (lognormal, median at quota, sigma 0.3, seed 1).",
    source:
      'SalesGlobe, "The Importance Of Differentiating Top Performers" (https://www.salesglobe.com/blog/the-importance-of-differentiating-top-performers/): without upside potential the plan only pays up to quota and the rep assumes all the risk; ' +
      'Misra, S. and Nair, H. S., "A structural model of sales-force compensation dynamics: estimation and field implementation", Quantitative Marketing and Economics (2011)',
    reads: [...POPULATION, ...STRATEGY_SEGMENTS, ...STRATEGY_METRICS],
    options: z.object({
      paid_past: z
        .number()
        .positive()
        .default(1)
        .describe('the attainment of quota past which a favored quota must still pay (1 = quota): a cap at or below it is reported'),
    }),
    examples: { bad: plan(1), good: plan(3) },
  },
  check({ index, strategy, population, options, report }) {
    for (const plan of index.policy.compensation) {
      for (const cap of population.capsOf(plan)) {
        const { quota } = cap;
        if (cap.attainment > options.paid_past + 1e-9) continue;
        if (!strategy.isFavoredSegment(quota.segment) && !strategy.isFavoredMetric(quota.metric)) continue;
        const force = population.of(plan)!;
        const whose = force.source === 'roster' ? "of the roster's sellers" : 'of the modelled sellers';
        report({
          node: (quota.curve ?? plan.curve)!.cap!,
          about: [quota],
          message:
            `Plan ${plan.id} pays nothing on ${describeQuota(quota)} past ${formatPercent(cap.attainment)} of quota, and ${wholePercent(cap.shareAtCap)} ${whose} get there: ` +
            'the strategy favors it, and the plan tells them to stop selling it for the year and hold the next deal for the next.',
          fix: `remove the cap of plan ${plan.id}, or raise it well above quota (such as cap: { attainment: 3 }), so that favored deals past quota still pay`,
        });
      }
    }
  },
});

function describeQuota(quota: QuotaT): string {
  return quota.segment === undefined ? quota.metric : `${quota.metric} in ${quota.segment}`;
}
