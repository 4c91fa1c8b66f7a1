import {
  defineRule,
  describeInstrument,
  listMetricsAndSegments,
  z,
  type InstrumentInfo,
  type PolicyIndex,
  type PriorityT,
  type RewardModel,
} from '../src/api.js';
import { LINE_METRICS, LINE_SEGMENTS, STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export default defineRule({
  meta: {
    id: 'incentive-after-announcement',
    category: 'strategic-alignment',
    severity: 'warning',
    summary:
      'An instrument takes effect after the strategy is announced, or has no effective date while the strategy has an announcement date',
    rationale:
      'Timing lag: "Leaders announce strategy immediately. Updating comp plans, OKRs, and promotion criteria takes time and coordination. ' +
      'By the time incentives are updated, teams have spent 2-3 months executing the old strategy under new labels." ' +
      'Organizations that align well "Update incentives before communicating strategy": "Comp plans, OKRs, and promotion criteria ' +
      'change first. Strategy announcement comes second." A priority with its own deadline (`by`: no one waits more than four hours by 2004) ' +
      'is not expected earlier: an instrument that is the first to reward it is on time on or before that day, and judged against it after. ' +
      'An instrument that ended (`until`) before the announcement is neither in force at it nor late for it.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "Why Leaders Don\'t Update Incentives", reason 1: timing lag; "What Good Incentive Alignment Looks Like"',
    reads: [
      ...STRATEGY_SEGMENTS,
      ...STRATEGY_METRICS,
      'strategy.announced',
      'strategy.priorities[].by',
      ...['compensation', 'okrs', 'promotions', 'recognition'].flatMap((lever) => [`${lever}[].effective`, `${lever}[].until`]),
      ...LINE_METRICS,
      ...LINE_SEGMENTS,
    ],
    options: z.object({
      every_instrument: z
        .boolean()
        .default(false)
        .describe(
          "report every instrument that starts after the announcement; by default only one that is the first to reward something the strategy favors (a routine Q3 OKR set continuing Q2's is not a timing lag)",
        ),
    }),
    examples: {
      bad: `strategy:
  announced: 2026-03-02
okrs:
  - id: product-2026-q3
    effective: 2026-07-01
    key_results:
      - { metric: enterprise-arr, target: "+20%" }`,
      good: `okrs:
  - id: product-2026-h1
    effective: 2026-02-16
    key_results:
      - { metric: enterprise-arr, target: "+20%" }`,
    },
  },
  check({ policy, index, model, options, report }) {
    // Read from the policy, so that the gate can check against another announcement date.
    const announced = policy.strategy.announced;
    // With no announcement date there is no lag to measure: an undated plan is not late for anything (gate --announce supplies one).
    if (announced === undefined) return;
    // An instrument that ended before the announcement (until) is neither in force at it nor late for it.
    const instruments = index.instruments.filter((instrument) => (untilOf(instrument) ?? announced) >= announced);
    const inForce = favoredRewardedBy(
      index,
      instruments.filter((i) => i.effective !== undefined && i.effective <= announced),
    );
    // A policy that dates none of its instruments has one gap, not one per instrument.
    const undated = instruments.filter((instrument) => instrument.effective === undefined);
    if (undated.length > 1 && undated.length === instruments.length) {
      report({
        node: undated[0]!.node,
        key: 'id',
        message: `No instrument of the policy has an effective date (${undated.length} instruments): nobody can tell which of them are in force when the strategy is announced (${announced}).`,
        fix: `add effective: YYYY-MM-DD to every plan, OKR set, promotion ladder and recognition program, starting with ${undated[0]!.id}`,
      });
      return;
    }
    for (const instrument of instruments) {
      const name = () => describeInstrument(instrument, { sentenceStart: true });
      if (instrument.effective === undefined) {
        report({
          node: instrument.node,
          key: 'id',
          message: `${name()} has no effective date: nobody can tell whether it is in force when the strategy is announced (${announced}).`,
          fix: `add effective: ${announced} (or the earlier date it took effect)`,
        });
      } else if (instrument.effective > announced) {
        const effective = instrument.effective;
        const rewarded = favoredRewardedBy(index, [instrument]);
        const all = {
          metrics: [...rewarded.metrics].filter((id) => !inForce.metrics.has(id)),
          segments: [...rewarded.segments].filter((id) => !inForce.segments.has(id)),
        };
        // A first incentive for what only priorities due later (by) favor is on time for them: the strategy does not expect it earlier.
        const late = (kind: 'metrics' | 'segments', id: string) =>
          dueDate(model, policy.strategy.priorities, kind, id, announced) < effective;
        const firsts = {
          metrics: all.metrics.filter((id) => late('metrics', id)),
          segments: all.segments.filter((id) => late('segments', id)),
        };
        const hasFirsts = firsts.metrics.length + firsts.segments.length > 0;
        const onTime = !hasFirsts && all.metrics.length + all.segments.length > 0;
        if (onTime || (!options.every_instrument && !hasFirsts)) continue;
        // Judged against the earliest date something it rewards first was due: the announcement, or a priority's own deadline.
        const due =
          [
            ...firsts.metrics.map((id) => dueDate(model, policy.strategy.priorities, 'metrics', id, announced)),
            ...firsts.segments.map((id) => dueDate(model, policy.strategy.priorities, 'segments', id, announced)),
          ].sort()[0] ?? announced;
        const dueText = due === announced ? `the strategy is announced (${announced})` : `the priorities that favor it are due (${due})`;
        const first = hasFirsts
          ? `, and it is the first incentive for ${listMetricsAndSegments(firsts.metrics, firsts.segments, 'and')}`
          : '';
        report({
          node: instrument.node,
          key: 'effective',
          message: `${name()} takes effect on ${effective}, ${days(daysBetween(due, effective))} after ${dueText}${first}: until then teams execute the old strategy under new labels.`,
          fix:
            due === announced
              ? `make ${instrument.id} effective on or before ${announced}, or announce the strategy no earlier than ${effective}`
              : `make ${instrument.id} effective on or before ${due}`,
        });
      }
    }
  },
});

/**
 * The day a favored metric or segment is due: the earliest day a priority that favors it is due (its
 * own deadline, by, else the announcement).
 */
function dueDate(
  model: RewardModel,
  priorities: readonly PriorityT[],
  kind: 'metrics' | 'segments',
  id: string,
  announced: string,
): string {
  const dates = priorities
    .filter((priority) => priority.favor?.[kind]?.includes(id))
    .map((priority) => model.dueDateOf(priority) ?? announced);
  return dates.map((date) => (date < announced ? announced : date)).sort()[0] ?? announced;
}

/** The last day an instrument is in force (until), if it says. */
function untilOf(instrument: InstrumentInfo): string | undefined {
  const until = (instrument.node as { until?: unknown }).until;
  return typeof until === 'string' ? until : undefined;
}

function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

interface Focus {
  metrics: Set<string>;
  segments: Set<string>;
}

function noFocus(): Focus {
  return { metrics: new Set(), segments: new Set() };
}

/** The favored metrics and segments that `instruments` reward. */
function favoredRewardedBy(index: PolicyIndex, instruments: readonly InstrumentInfo[]): Focus {
  const favored = noFocus();
  for (const instrument of instruments) {
    for (const reward of index.rewardsOf(instrument)) {
      if (index.strategy.isFavoredMetric(reward.metric)) favored.metrics.add(reward.metric!);
      if (index.strategy.isFavoredSegment(reward.segment)) favored.segments.add(reward.segment!);
    }
  }
  return favored;
}
