import { EPSILON, compareMetrics, compareRewards, defineRule, formatPercent, least, listIds, z, type IncentiveLine } from '../src/api.js';
import { isCount } from './helpers/guards.js';
import { COUNT, COUNT_GUARDS, LINE_METRICS, REWARDED_TEAMS, STRATEGY_METRICS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'undeclared-quality-link',
    category: 'balanced-measurement',
    severity: 'info',
    summary: 'Most of a plan rides on a count guarded only by a quality measure that no declaration ties to the units counted',
    rationale:
      'A quality measure guards a count only when it measures the same units: a general customer survey beside a daily count of ' +
      "products sold measures nothing about the products counted, and Wells Fargo's branches kept such a survey while opening " +
      "accounts nobody asked for (CFPB consent order 2016-CFPB-0015). Where the policy does not say what a count's quality is " +
      'measured by, the linter accepts any quality line of real weight as its guard, as it always has; this says once what to declare ' +
      'so that the judgement rests on the policy, not on that assumption.',
    source: 'Goodhart / Campbell (1979); CFPB consent order 2016-CFPB-0015 (Wells Fargo, 2016)',
    // Plans only: a guardrail key result guards no plan's count.
    reads: [
      ...STRATEGY_METRICS,
      'metrics[].proxy_for',
      ...COUNT,
      ...COUNT_GUARDS.filter((key) => !key.endsWith('.guardrail')),
      ...REWARDED_TEAMS,
      ...LINE_METRICS,
    ],
    options: z.object({
      share: z
        .number()
        .min(0)
        .max(1)
        .default(0.5)
        .describe("share of a plan's variable pay on such counts from which the missing declaration matters"),
      guard_weight: z
        .number()
        .min(0)
        .max(1)
        .default(0.1)
        .describe('share of variable pay of the quality line that stands in for the guard'),
    }),
    examples: {
      bad: `metrics:
  - { id: products-sold, type: output }
  - { id: customer-survey, type: quality }
compensation:
  - id: branch-bonus
    bonus: [{ metric: products-sold, weight: 0.8 }, { metric: customer-survey, weight: 0.2 }]`,
      good: `metrics:
  - { id: products-sold, type: output, quality_measured_by: accounts-used-90-days }
  - { id: accounts-used-90-days, type: quality }
compensation:
  - id: branch-bonus
    bonus: [{ metric: products-sold, weight: 0.8 }, { metric: accounts-used-90-days, weight: 0.2 }]`,
    },
  },
  check({ index, model, options, report }) {
    // The plans whose counts' only guard is a quality line beside them that nothing links to their units.
    const plans: { lines: IncentiveLine[]; share: number; surveys: string[] }[] = [];
    for (const instrument of index.instruments) {
      if (instrument.lever !== 'compensation') continue;
      const lines: IncentiveLine[] = [];
      const surveys = new Set<string>();
      for (const line of index.rewardsOf(instrument)) {
        const metric = index.metrics.get(line.metric ?? '');
        if (!isCount(metric) || metric.quality_measured_by !== undefined || index.strategy.deprioritizedMetricBehind(metric.id)) continue;
        const guards = model.entriesOf(line)[0]?.guards ?? [];
        if (guards.some((guard) => guard.sameUnits)) continue;
        const survey = guards.find((guard) => guard.kind === 'quality-beside' && (guard.share ?? 0) >= options.guard_weight);
        if (survey?.metric === undefined) continue;
        lines.push(line);
        surveys.add(survey.metric);
      }
      const share = lines.reduce((sum, line) => sum + (index.variableShareOf(line) ?? 0), 0);
      if (share >= options.share - EPSILON) plans.push({ lines, share, surveys: [...surveys].sort() });
    }
    const [plan, ...others] = plans;
    if (!plan) return;
    // One finding for the policy: the declaration is one fact per metric, written where the metric is declared.
    const counts = [...new Set(plan.lines.map((line) => line.metric!))].sort();
    // Written at the count that carries most of the plan (by what its line says, not by its id: renaming it moves nothing).
    const shareOf = (line: IncentiveLine) => index.variableShareOf(line) ?? 0;
    const metricOf = (line: IncentiveLine) => index.metrics.get(line.metric!)!;
    const first = metricOf(
      least(plan.lines, (a, b) => shareOf(b) - shareOf(a) || compareMetrics(metricOf(a), metricOf(b)) || compareRewards(a, b))!,
    );
    const more =
      others.length > 0
        ? ` (and ${others.length} more plan${others.length === 1 ? '' : 's'} alike: ${listIds(
            others.map((other) => other.lines[0]!.instrument.id),
            'and',
          )})`
        : '';
    report({
      node: first,
      key: 'id',
      about: plans.flatMap((each) => each.lines.map((line) => line.node)),
      message:
        `Plan ${plan.lines[0]!.instrument.id} puts ${formatPercent(plan.share)} of variable pay on ${counts.length === 1 ? 'a count' : 'counts'} (${listIds(counts, 'and')}) guarded only by ` +
        `${listIds(plan.surveys, 'and')}, which no declaration ties to the units counted${more}: a quality measure of other things (a general survey beside a count of products sold) does not guard a count.`,
      fix:
        `declare what measures the quality of the units counted on metric ${first.id}: quality_measured_by: ${plan.surveys[0]} if it does, another quality metric if not, ` +
        `or counts_only_good: true if only good units are counted`,
    });
  },
});
