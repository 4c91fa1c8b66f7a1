import { EPSILON, compareIds, defineRule, formatPercent, listInOrder, z, type CompensationPlanT } from '../src/api.js';

export default defineRule({
  meta: {
    id: 'too-many-measures',
    category: 'balanced-measurement',
    severity: 'info',
    summary: 'A sales plan pays on more measures than a seller can steer by, or on one too light to matter',
    rationale:
      'Every measure added to a sales plan dilutes the others: a seller steers by two or three, and a measure worth a small slice of variable pay ' +
      'is noticed by nobody, while it still costs a line of the plan and an argument at payout time. The surveys agree: 84.5% of the companies in ' +
      "the Alexander Group's Sales Compensation Trends Survey pay on three measures or fewer, and 71% of the organizations in WorldatWork and OpenSymmetry's " +
      'survey of 246 (mostly large North American) companies do; practitioners add, as a rule of thumb, that none should weigh less than about 15% of variable pay. ' +
      'The rule looks at plans that pay commission or carry a quota; a balanced scorecard of a non-revenue team is another design and is not judged here, ' +
      'and a component shared with another team is sized by shared-portion-range, not by its weight alone.',
    source:
      'The Alexander Group, "Sales Compensation Brief" (https://www.alexandergroup.com/sales-compensation-brief-issue-no-200320/): 84.5% of companies in its Sales Compensation Trends Survey have three or fewer performance measures, "Rule #1: No more than three measures"; ' +
      'WorldatWork and OpenSymmetry, "Sales Compensation Programs and Practices" (2016), as reported in "Keep It Simple for Sales Compensation Success" (http://bullseye.consulting/blog-1/2016/11/16/keep-it-simple-for-sales-compensation-success): 71% use three or fewer measures; ' +
      'the 15% floor on one measure is practitioner guidance, a rule of thumb rather than a survey figure',
    reads: [
      'compensation[].commission[].metric',
      'compensation[].quotas[].metric',
      'compensation[].quotas[].weight',
      'compensation[].bonus[].metric',
      'compensation[].bonus[].weight',
      'compensation[].bonus[].shared_with',
    ],
    options: z.object({
      max: z.number().int().positive().default(3).describe('the most measures (distinct metrics) a sales plan should pay on'),
      min_weight: z.number().min(0).max(1).default(0.15).describe('the smallest share of variable pay one weighted measure should carry'),
    }),
    examples: {
      bad: `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: "10%" }]
    bonus:
      - { metric: enterprise-arr, weight: 0.1 }`,
      good: `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: "10%" }]
    bonus:
      - { metric: enterprise-arr, weight: 0.2 }`,
    },
  },
  check({ index, strategy, options, report }) {
    for (const plan of index.policy.compensation) {
      if (!plan.commission?.length && !plan.quotas?.length) continue;
      const measures = measuresOf(plan);
      if (measures.length > options.max) {
        // What the strategy favors is kept first: the fix never drops it to make room.
        const favoredFirst = [...measures].sort(
          (a, b) => Number(strategy.servesFavoredMetric(b.metric)) - Number(strategy.servesFavoredMetric(a.metric)),
        );
        const keep = new Set(favoredFirst.slice(0, options.max));
        const kept = measures.filter((measure) => keep.has(measure)).map((measure) => measure.metric);
        const dropped = measures.filter((measure) => !keep.has(measure)).map((measure) => measure.metric);
        report({
          node: plan,
          key: 'id',
          message: `Plan ${plan.id} pays on ${measures.length} measures (${listInOrder(
            measures.map((measure) => measure.metric),
            'and',
          )}), more than ${options.max}: each one dilutes the others, and sellers steer by the two or three that pay most.`,
          fix: `keep the ${options.max} measures that carry most pay or serve the strategy (${listInOrder(kept, 'and')}) and drop ${listInOrder(dropped, 'and')} from plan ${plan.id}, or fold ${dropped.length === 1 ? 'it' : 'them'} into the others`,
        });
      }
      for (const measure of measures) {
        if (measure.weight === undefined || measure.weight + EPSILON >= options.min_weight) continue;
        report({
          node: measure.node,
          key: 'weight',
          message: `Plan ${plan.id} puts ${formatPercent(measure.weight)} of variable pay on ${measure.metric}, less than ${formatPercent(options.min_weight)}: too small a share to change what anyone does.`,
          fix: `raise ${measure.metric} to at least ${formatPercent(options.min_weight)} of variable pay in plan ${plan.id}, or drop it and give its ${formatPercent(measure.weight)} to another measure`,
        });
      }
    }
  },
});

interface Measure {
  metric: string;
  /** Share of variable pay, when every line paying the metric gives one and none is shared (bonus components, weighted quotas). */
  weight?: number;
  /** Share of variable pay of all its weighted lines, shared or not, to rank measures; undefined for commission and quotas without weight. */
  share?: number;
  /** The first weighted line on the metric: where a finding about its weight points. */
  node: object;
}

/**
 * The distinct metrics a plan pays on: commission and quota metrics first (they carry what the
 * weights leave), then weighted ones by weight, heaviest first, then by id.
 */
function measuresOf(plan: CompensationPlanT): Measure[] {
  const byMetric = new Map<string, Measure>();
  const unweighted = new Set(
    [...(plan.commission ?? []), ...(plan.quotas ?? []).filter((quota) => quota.weight === undefined)].map((line) => line.metric),
  );
  for (const line of [...(plan.quotas ?? []).filter((quota) => quota.weight !== undefined), ...(plan.bonus ?? [])]) {
    // A component shared with another team is sized for collaboration (shared-portion-range), not to steer a seller alone.
    const shared = 'shared_with' in line && (line.shared_with?.length ?? 0) > 0;
    const known = byMetric.get(line.metric);
    const weight = line.weight!;
    if (!known) byMetric.set(line.metric, { metric: line.metric, share: weight, weight: shared ? undefined : weight, node: line });
    else
      byMetric.set(line.metric, {
        ...known,
        share: known.share! + weight,
        weight: known.weight === undefined || shared ? undefined : known.weight + weight,
      });
  }
  for (const metric of unweighted) byMetric.set(metric, { metric, node: plan });
  return [...byMetric.values()].sort(
    (a, b) =>
      Number(b.share === undefined) - Number(a.share === undefined) || (b.share ?? 0) - (a.share ?? 0) || compareIds(a.metric, b.metric),
  );
}
