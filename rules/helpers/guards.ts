/**
 * What guards a count (an activity or output metric) inside one instrument: a quality measure, a
 * guardrail key result, a clawback that takes back what gaming earned, or acceptance by another team. Shared by gameable-target,
 * which reports an unguarded count, and vanity-metric, which leaves such a count to it.
 */
import {
  EPSILON,
  isDeliverable,
  sortedIds,
  type Guard,
  type IncentiveLine,
  type InstrumentInfo,
  type MetricT,
  type PolicyIndex,
  type RewardModel,
} from '../../src/api.js';
import { suggestMetric } from './suggest-metric.js';
import { hasLevel, limitsItsMetric } from './targets.js';

/** A count of things done or produced: the numbers people can raise without the business gaining. */
const COUNT_TYPES: ReadonlySet<string> = new Set(['activity', 'output']);

/** A count: an activity or output metric that is not declared vanity, nor a named deliverable done or not by its date. */
export function isCount(metric: MetricT | undefined): metric is MetricT {
  return metric !== undefined && !metric.vanity && COUNT_TYPES.has(metric.type ?? '') && !isDeliverable(metric);
}

/** A count another team accepts item by item before it counts, a gate the model credits (see the model's 'accepted' guard). */
export function isAcceptedCount(model: RewardModel, line: IncentiveLine): boolean {
  return hasGuardOf(model, line, ACCEPTED);
}

/** A number the team paid on it reports itself (`reported_by`): Campbell's law at its plainest. */
function isSelfReported(metric: MetricT, team: string | undefined): boolean {
  return team !== undefined && (metric.reported_by ?? []).includes(team);
}

/** A line on a quality metric. */
function isQualityLine(index: PolicyIndex, line: IncentiveLine): boolean {
  return line.metric !== undefined && index.metrics.get(line.metric)?.type === 'quality';
}

/** A key result marked guardrail, or one on a quality metric. */
function isGuardrail(index: PolicyIndex, line: IncentiveLine): boolean {
  return (line.component === 'key_result' && line.node.guardrail === true) || isQualityLine(index, line);
}

/** Whether an instrument has any guard at all, whatever its weight: a quality line, a guardrail or a clawback. */
export function hasAnyGuard(index: PolicyIndex, instrument: InstrumentInfo): boolean {
  if (instrument.lever === 'compensation' && instrument.node.clawback !== undefined) return true;
  // A quality number the team records itself judges its own work (the evaluator benefits from it): no guard.
  return index
    .rewardsOf(instrument)
    .some((line) => isGuardrail(index, line) && !isSelfReported(index.metrics.get(line.metric ?? '') ?? { id: '' }, instrument.team));
}

/**
 * The quality metric a fix pairs with an instrument's counts or speed: one its lines are declared to
 * stand for (lowest id: tickets closed for first-contact resolution), else the closest quality metric
 * of the team. One answer for every rule, so two findings on one plan never name two different guards.
 */
export function qualityCounterpart(index: PolicyIndex, instrument: InstrumentInfo): MetricT | undefined {
  // A neighbour's quality measure does not show whether this team's work was done well.
  // Nor does one the team records itself.
  const independent = (metric: MetricT) => !isSelfReported(metric, instrument.team);
  const proxied = proxiedQuality(index, index.rewardsOf(instrument));
  return (
    (proxied && independent(proxied) ? proxied : undefined) ??
    suggestMetric(index, instrument.team, (metric) => metric.type === 'quality' && independent(metric), { neighbours: false })
  );
}

/** The quality metric some of `lines` are declared to stand for (lowest id): the measure that shows whether that work was done well. */
export function proxiedQuality(index: PolicyIndex, lines: readonly IncentiveLine[]): MetricT | undefined {
  const metrics = lines.flatMap((reward) => index.metrics.get(reward.metric ?? '') ?? []);
  return sortedIds(metrics.flatMap((metric) => metric.proxy_for ?? []))
    .map((id) => index.metrics.get(id))
    .find((target): target is MetricT => target?.type === 'quality' && !target.vanity && !index.strategy.isDeprioritizedMetric(target.id));
}

/** An OKR set whose key results the policy declares used for neither pay nor evaluation (stakes: none), read from the model's strength. */
export function decidesNothing(model: RewardModel, instrument: InstrumentInfo): boolean {
  if (instrument.lever !== 'okrs') return false;
  const entries = model.entriesOfInstrument(instrument);
  return entries.length > 0 && entries.every((entry) => entry.strength.stakes === 'none');
}

/** Whether the model says the count on `line` carries its own guard, whatever any weight: it counts only good units, another team accepts it, its declared quality metric is rewarded beside it, or a clawback takes back what gaming earned. */
export function hasOwnGuard(model: RewardModel, line: IncentiveLine): boolean {
  return hasGuardOf(model, line, OWN_GUARDS);
}

/** Whether the units the count on `line` counts are themselves guarded: only good ones counted, accepted by another team, or their declared quality measure rewarded. */
export function hasUnitGuard(model: RewardModel, line: IncentiveLine): boolean {
  return hasGuardOf(model, line, UNIT_GUARDS);
}

const ACCEPTED: ReadonlySet<Guard['kind']> = new Set(['accepted']);
const UNIT_GUARDS: ReadonlySet<Guard['kind']> = new Set(['counts-only-good', 'accepted', 'linked-quality']);
/** A clawback of the plan guards the count too, by taking back what bad units paid. */
const OWN_GUARDS: ReadonlySet<Guard['kind']> = new Set([...UNIT_GUARDS, 'clawback']);

function hasGuardOf(model: RewardModel, line: IncentiveLine, kinds: ReadonlySet<Guard['kind']>): boolean {
  return model.entriesOf(line).some((entry) => entry.guards.some((guard) => kinds.has(guard.kind)));
}

/** The thresholds gameable-target (and only it) passes in from its own options. */
export interface GuardThresholds {
  /** Share of variable pay (of a ladder's criteria, of a program's awards) on counts from which the instrument needs a guard. */
  share: number;
  /** Share a quality measure needs to count as a guard. */
  guard_weight: number;
  /** Share on counts from which a plan with no guard of any kind, and no outcome of real weight, is reported too. */
  share_without_any_guard: number;
  /** Share on counts from which a plan with no guard of any kind is reported when one unguarded count is its largest lever, outcome beside it or not. */
  largest_lever_share: number;
}

/**
 * Whether the model says the count on `line` is guarded, as its own declarations say: a count of good
 * units only, one another team accepts, a clawback of the plan; with a declared quality link
 * (`quality_measured_by`), only that metric rewarded for the same team with real weight; with none, a
 * quality line of real weight beside it (a guardrail in an OKR set), as before the links existed.
 */
function isGuardedCount(model: RewardModel, line: IncentiveLine, guardWeight: number): boolean {
  const guards = model.entriesOf(line)[0]?.guards ?? [];
  const linked = model.index.metrics.get(line.metric ?? '')?.quality_measured_by !== undefined;
  const real = (guard: Guard) => guard.share === undefined || guard.share >= guardWeight;
  return guards.some((guard) => {
    switch (guard.kind) {
      case 'counts-only-good':
      case 'accepted':
      case 'clawback':
        return true;
      case 'linked-quality':
        return real(guard);
      case 'guardrail':
        return !linked;
      case 'quality-beside':
        return !linked && (line.instrument.lever !== 'compensation' || real(guard));
      default:
        return false;
    }
  });
}

/** A quality, guardrail or clawback anywhere in the instrument, at any weight, or an outcome line of real weight (the count is tied to a result). */
function hasAnyGuardOrOutcome(index: PolicyIndex, instrument: InstrumentInfo, guardWeight: number): boolean {
  if (hasAnyGuard(index, instrument)) return true;
  return index
    .rewardsOf(instrument)
    .some((line) => index.metrics.get(line.metric ?? '')?.type === 'outcome' && (index.variableShareOf(line) ?? 1) >= guardWeight);
}

/** The share a line carries in its instrument: of variable pay for a plan, of its criteria for a ladder, of its awards for a program. */
function shareInInstrument(model: RewardModel, line: IncentiveLine): number {
  if (line.instrument.lever === 'compensation') return model.index.variableShareOf(line) ?? 0;
  return model.entriesOf(line)[0]?.strength.share ?? 0;
}

/**
 * The counts in an instrument that are an unguarded target (and the numbers the team reports itself), with their share: a plan,
 * promotion ladder or recognition program with at least `share` on counts no declaration or line
 * guards (see isGuardedCount), or a plan with `share_without_any_guard` on them and no guard or
 * outcome of any weight; an OKR set with a measurable target on a count and no guardrail key result.
 * A count the strategy deprioritizes is the old-priority rules' (their fix stops rewarding it); a
 * key result with no level to reach (none, "increase", or a deliverable done or not) sets no number to game.
 */
export function unguardedCounts(
  model: RewardModel,
  instrument: InstrumentInfo,
  thresholds: GuardThresholds,
): { counts: IncentiveLine[]; share: number } | undefined {
  const { index } = model;
  const counts = index.rewardsOf(instrument).filter((reward) => {
    const metric = index.metrics.get(reward.metric ?? '');
    if (!metric || !(isCount(metric) || isSelfReported(metric, instrument.team))) return false;
    // A key result that pushes down a number the team reports itself (fewer recorded crimes than last year) is gamed by not
    // recording: no old-priority rule reports it (it limits the metric), so it is judged here even when the strategy deprioritizes it.
    const pushedDownByReporter =
      reward.component === 'key_result' &&
      limitsItsMetric(reward.node) &&
      reward.node.guardrail !== true &&
      isSelfReported(metric, instrument.team);
    if (index.strategy.deprioritizedMetricBehind(reward.metric) && !pushedDownByReporter) return false;
    // A count of a deprioritized segment alone is the old-priority rules' (their fix rewards the favored segment instead).
    if (
      reward.instrument.lever !== 'compensation' &&
      reward.instrument.lever !== 'okrs' &&
      index.strategy.isDeprioritizedSegment(reward.segment)
    )
      return false;
    if (reward.component === 'key_result' && !hasLevel(reward.node.target)) return false;
    return !isGuardedCount(model, reward, thresholds.guard_weight);
  });
  if (counts.length === 0) return undefined;
  if (instrument.lever === 'okrs') return { counts, share: 0 };
  const share = counts.reduce((sum, reward) => sum + shareInInstrument(model, reward), 0);
  if (share >= thresholds.share - EPSILON) return { counts, share };
  if (instrument.lever !== 'compensation') return undefined;
  const bare = !hasAnyGuardOrOutcome(index, instrument, thresholds.guard_weight);
  if (bare && share >= thresholds.share_without_any_guard - EPSILON) return { counts, share };
  // The largest lever of a plan with no guard at all is an unguarded count: an outcome beside it does not stop people raising it.
  const heaviest = Math.max(...counts.map((line) => shareInInstrument(model, line)));
  const largest = index.rewardsOf(instrument).every((line) => counts.includes(line) || shareInInstrument(model, line) < heaviest - EPSILON);
  return !hasAnyGuard(index, instrument) && largest && share >= thresholds.largest_lever_share - EPSILON ? { counts, share } : undefined;
}
