import { defineRule, formatPercent, listInOrder, percentileOf, z, type QuotaCap, type QuotaT, type StrategyView } from '../src/api.js';
import { percentileName, wholePercent } from './helpers/figures.js';
import { POPULATION, STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';
import { quotaPlanExample } from './helpers/example-plans.js';

const plan = (cap: number) => quotaPlanExample({ curve: `cap: { attainment: ${cap} }` });

export default defineRule({
  meta: {
    id: 'cap-below-p90',
    category: 'goalposts',
    severity: 'error',
    presets: ['goalposts'],
    summary:
      "A cap binds below the 90th percentile of a plan's sellers: an error on a quota of what the strategy favors, a warning elsewhere",
    rationale:
      'A cap is meant for the windfall nobody plans for, not for the top tenth of the force: where more than a tenth of the sellers reach it, ' +
      'the plan tells its best sellers to stop for the year, and they slow down or push deals into the next period. ' +
      'Compensation consultants advise against caps in most plans (careful cost modelling makes them unnecessary, and salespeople resent them even when nobody reaches them); ' +
      'on a field sales force, removing a ceiling raised revenue by about 9%. On a quota of what the strategy favors the cap stops exactly the sales the strategy wants (error); ' +
      "elsewhere it costs the same effort without working against the strategy (the finding is one step milder). The rule reads the sales-force model (context.population): the roster's attainments where the policy gives them, " +
      'else the documented default force (lognormal, median at quota, sigma 0.3, seed 1, whose 90th percentile is about 147% of quota).',
    source:
      'SalesGlobe, "To Cap or Not to Cap: Practices for Governing Sales Compensation Payouts" (https://www.salesglobe.com/articles/to-cap-or-not-to-cap/): caps are not recommended, largely for motivation reasons; ' +
      'HubSpot, "Capping the Incentive Plan: A Sure-Fire Way to Lower Sales" (https://blog.hubspot.com/sales/capping-the-incentive-plan-a-sure-fire-way-to-lower-sales); ' +
      'Misra, S. and Nair, H. S., "A structural model of sales-force compensation dynamics: estimation and field implementation", Quantitative Marketing and Economics (2011)',
    reads: [...POPULATION, ...STRATEGY_SEGMENTS, ...STRATEGY_METRICS],
    // A favored quota capped at quota is no-upside-on-favored's finding: nothing at all is paid past quota there.
    defersTo: ['no-upside-on-favored'],
    options: z.object({
      percentile: z
        .number()
        .gt(0)
        .lt(1)
        .default(0.9)
        .describe(
          "the percentile of the plan's sellers a cap must lie above: one that more than the rest of the force reaches is reported",
        ),
    }),
    examples: { bad: plan(1.3), good: plan(3) },
  },
  check({ index, strategy, population, options, report }) {
    for (const plan of index.policy.compensation) {
      const force = population.of(plan);
      if (!force) continue;
      // Quotas on one curve share its cap: one finding per cap, as error when any of its quotas is favored.
      const byCap = new Map<object, QuotaCap[]>();
      for (const cap of population.capsOf(plan)) {
        if (cap.shareAtCap <= 1 - options.percentile + 1e-9) continue;
        const node = (cap.quota.curve ?? plan.curve)!.cap!;
        byCap.set(node, [...(byCap.get(node) ?? []), cap]);
      }
      const reach = percentileOf(population.attainmentsOf(plan)!, options.percentile);
      for (const [node, caps] of byCap) {
        const favored = caps.filter(({ quota }) => isFavored(strategy, quota));
        const [first] = caps;
        const share = Math.max(...caps.map((cap) => cap.shareAtCap));
        const what = listInOrder(
          caps.map(({ quota }) => describeQuota(quota)),
          'and',
        );
        const whose = force.source === 'roster' ? "the roster's sellers" : 'the modelled sellers';
        report({
          node,
          milder: favored.length === 0,
          about: caps.map(({ quota }) => quota),
          message:
            `Plan ${plan.id} stops paying ${what} at ${formatPercent(first!.attainment)} of quota, and ${wholePercent(share, 'up')} of ${whose} get there, ` +
            `more than the top ${formatPercent(1 - options.percentile)}: ` +
            (favored.length > 0
              ? `${listInOrder(
                  favored.map(({ quota }) => describeQuota(quota)),
                  'and',
                )} is what the strategy favors, and its best sellers are told to stop for the year.`
              : 'its best sellers are told to stop for the year, and slow down or push deals into the next period.'),
          fix: `remove the cap of plan ${plan.id}, or raise it above the ${wholePercent(reach, 'up')} of quota its ${percentileName(options.percentile)} seller reaches (such as cap: { attainment: ${Math.max(3, Math.ceil(reach * 2))} })`,
        });
      }
    }
  },
});

function isFavored(strategy: StrategyView, quota: QuotaT): boolean {
  return strategy.isFavoredSegment(quota.segment) || strategy.isFavoredMetric(quota.metric);
}

function describeQuota(quota: QuotaT): string {
  return quota.segment === undefined ? quota.metric : `${quota.metric} in ${quota.segment}`;
}
