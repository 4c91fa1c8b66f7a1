import {
  defineRule,
  describeInstrument,
  listInOrder,
  z,
  type InstrumentInfo,
  type MetricT,
  type PolicyIndex,
  type RewardModel,
} from '../src/api.js';
import { suggestMetric } from './helpers/suggest-metric.js';
import { SUGGESTED_METRIC } from './helpers/reads.js';

const PERSPECTIVES = ['financial', 'customer', 'internal', 'learning'] as const;

/** What can balance a scorecard: a result or a quality measure, not one more count or speed. */
const BALANCING_TYPES: ReadonlySet<string> = new Set(['outcome', 'quality']);

export default defineRule({
  meta: {
    id: 'unbalanced-scorecard',
    category: 'balanced-measurement',
    severity: 'info',
    summary: 'A plan or OKR set measures fewer than min perspectives of the balanced scorecard',
    rationale:
      'Amplify\'s "Performance Incentives Beyond Sales" recommends a "Balanced Scorecard Approach" for non-revenue teams: financial impact, the customer perspective, internal ' +
      'process excellence, and learning and growth. A plan that pays on one perspective alone (only internal reliability, only new revenue) ' +
      "leaves the others unrewarded, so they are the first to be traded away. A sales team's commission plan is left out by default: it pays " +
      "on financial outputs by design (WorldatWork and Alexander Group sales compensation guidance), and its balance comes from the team's other instruments. " +
      'An OKR set whose key results measure one metric is focused, not unbalanced. Balance is judged over what the same people receive: a ' +
      'perspective that another plan, OKR set or promotion ladder of the same team (or of everyone) covers is on their scorecard. The rule names a declared result or quality metric of a missing perspective ' +
      'that suits the team; where the policy declares none, balance is a choice of the whole organization (a public health system has no ' +
      'financial measure to add), and adding another count would balance nothing.',
    source:
      '"Performance Incentives Beyond Sales: Motivating Non-Revenue Teams" (Amplify), section "Strategic Framework for Non-Revenue Incentives": Balanced Scorecard Approach',
    reads: [
      'metrics[].perspective',
      'compensation[].pool.funded_by',
      'compensation[].pool.rating[].metric',
      'compensation[].commission',
      ...SUGGESTED_METRIC,
    ],
    options: z.object({
      min_perspectives: z
        .number()
        .int()
        .min(1)
        .max(4)
        .default(2)
        .describe('how many scorecard perspectives each plan or OKR set should cover'),
      sales_commission_plans: z
        .boolean()
        .default(false)
        .describe(
          'also judge the commission plans of revenue teams, which pay on financial outputs by design (WorldatWork, Alexander Group)',
        ),
    }),
    examples: {
      bad: `metrics:
  - { id: system-uptime, type: quality, perspective: internal }
  - { id: change-failure-rate, type: quality, perspective: internal }
  - { id: it-user-satisfaction, type: quality, perspective: customer }
okrs:
  - id: it-2026-h1
    key_results:
      - { metric: system-uptime }
      - { metric: change-failure-rate }`,
      good: `metrics:
  - { id: system-uptime, type: quality, perspective: internal }
  - { id: it-user-satisfaction, type: quality, perspective: customer }
okrs:
  - id: it-2026-h1
    key_results:
      - { metric: system-uptime }
      - { metric: it-user-satisfaction }`,
    },
  },
  check({ index, model, options, report }) {
    // A pool pays on the metric that funds it and on its rating's components (pool x rating): they are on the scorecard too.
    const metricsOf = (one: InstrumentInfo) =>
      [...index.rewardsOf(one).map((reward) => reward.metric), ...model.pooledMetrics(one)].flatMap(
        (id) => index.metrics.get(id ?? '') ?? [],
      );
    const balancing = balancingPerspectives(index, model, metricsOf);
    for (const instrument of index.instruments) {
      if (instrument.lever !== 'compensation' && instrument.lever !== 'okrs') continue;
      if (instrument.lever === 'okrs' && new Set(index.rewardsOf(instrument).map((reward) => reward.metric)).size < 2) continue;
      // A sales plan pays on bookings by design; its balance comes from the other instruments.
      if (!options.sales_commission_plans && isSalesCommissionPlan(index, instrument)) continue;
      const covered = new Set(metricsOf(instrument).flatMap((metric) => metric.perspective ?? []));
      // No metric says its perspective: the scorecard cannot be judged.
      if (covered.size === 0 || covered.size >= options.min_perspectives) continue;
      // The same people's other plans, OKR sets and ladders (their own, or everyone's) balance this one: a
      // profit share beside an on-time bonus, a promotion gate on customer satisfaction beside a profit share.
      // A plan of everyone is balanced when every team's scorecard with it is.
      const scorecardOf = (team: string | undefined) =>
        new Set([...covered, ...(balancing.get(undefined) ?? []), ...(team === undefined ? [] : (balancing.get(team) ?? []))]);
      const teams = instrument.team === undefined && index.teams.size > 0 ? [...index.teams.keys()] : [instrument.team];
      if (teams.every((team) => scorecardOf(team).size >= options.min_perspectives)) continue;
      const missing = PERSPECTIVES.filter((perspective) => !covered.has(perspective));
      const suggestion = suggestMetric(
        index,
        instrument.team,
        (metric: MetricT) =>
          BALANCING_TYPES.has(metric.type ?? '') && metric.perspective !== undefined && missing.includes(metric.perspective),
        // A neighbour's operational measure (the warehouse's safety rate) is no part of this team's scorecard.
        { neighbours: false },
      );
      if (!suggestion) continue;
      const how = instrument.lever === 'okrs' ? `a key result { metric: ${suggestion.id} }` : `a bonus component on ${suggestion.id}`;
      report({
        node: instrument.node,
        key: 'id',
        message: `${describeInstrument(instrument, { sentenceStart: true })} measures only the ${listInOrder([...covered].sort(byScorecard), 'and')} perspective${covered.size > 1 ? 's' : ''} of the balanced scorecard (fewer than ${options.min_perspectives}).`,
        fix: `add ${how} (perspective: ${suggestion.perspective}); missing perspectives: ${listInOrder(missing, 'and')}`,
      });
    }
  },
});

/**
 * The perspectives each team's plans, OKR sets and ladders in force at the judged date cover through a
 * result or a quality measure the strategy still wants (not one more count), by team; `undefined` holds
 * everyone's. Only what is in force: next quarter's OKR set does not balance this one. Read once per run.
 */
function balancingPerspectives(
  index: PolicyIndex,
  model: RewardModel,
  metricsOf: (instrument: InstrumentInfo) => MetricT[],
): Map<string | undefined, Set<string>> {
  const byTeam = new Map<string | undefined, Set<string>>();
  for (const instrument of index.instruments) {
    if (instrument.lever === 'recognition') continue;
    if (!model.entriesOfInstrument(instrument).some((entry) => model.inForce(entry, model.asOf))) continue;
    const perspectives = byTeam.get(instrument.team) ?? new Set<string>();
    for (const metric of metricsOf(instrument)) {
      if (BALANCING_TYPES.has(metric.type ?? '') && !index.strategy.isDeprioritizedMetric(metric.id) && metric.perspective)
        perspectives.add(metric.perspective);
    }
    byTeam.set(instrument.team, perspectives);
  }
  return byTeam;
}

/** A compensation plan of a revenue team that pays commission. */
function isSalesCommissionPlan(index: PolicyIndex, instrument: InstrumentInfo): boolean {
  const team = instrument.team === undefined ? undefined : index.teams.get(instrument.team);
  return instrument.lever === 'compensation' && team?.kind === 'revenue' && index.hasCommission(instrument);
}

function byScorecard(a: string, b: string): number {
  return PERSPECTIVES.indexOf(a as (typeof PERSPECTIVES)[number]) - PERSPECTIVES.indexOf(b as (typeof PERSPECTIVES)[number]);
}
