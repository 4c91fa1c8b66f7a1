/**
 * What guards a count (an activity or output metric) inside one instrument: a quality measure, a
 * guardrail key result, a clawback that takes back what gaming earned, or acceptance by another team. Shared by gameable-target,
 * which reports an unguarded count, and vanity-metric, which leaves such a count to it.
 */
import { sortedIds, type IncentiveLine, type InstrumentInfo, type MetricT, type PolicyIndex } from '../../src/api.js';
import { suggestMetric } from './suggest-metric.js';
import { hasLevel } from './targets.js';

/** A count of things done or produced: the numbers people can raise without the business gaining. */
const COUNT_TYPES: ReadonlySet<string> = new Set(['activity', 'output']);

/** Clawback triggers that take back pay earned by gaming a count. */
const GAMING_TRIGGERS: ReadonlySet<string> = new Set(['misconduct', 'refund']);

export function isCount(metric: MetricT | undefined): metric is MetricT {
  return metric !== undefined && !metric.vanity && COUNT_TYPES.has(metric.type ?? '');
}

/**
 * A count another team accepts item by item before it counts (a sales-accepted opportunity), when
 * that team is rewarded on a result or its quality: it refuses what would not serve that result,
 * so the count carries its own guard.
 */
export function isAcceptedCount(index: PolicyIndex, metric: MetricT, team: string | undefined): boolean {
  const acceptor = metric.accepted_by;
  if (acceptor === undefined || acceptor === team) return false;
  return [...index.metricsRewardedFor(acceptor)].some((id) => ['outcome', 'quality'].includes(index.metrics.get(id)?.type ?? ''));
}

/** A number the team paid on it reports itself (`reported_by`): Campbell's law at its plainest. */
export function isSelfReported(metric: MetricT, team: string | undefined): boolean {
  return team !== undefined && (metric.reported_by ?? []).includes(team);
}

/** A plan's clawback that takes back what misconduct or refunds earned (or names no trigger, so takes back anything). */
export function clawbackGuardsGaming(instrument: InstrumentInfo): boolean {
  if (instrument.lever !== 'compensation') return false;
  const clawback = instrument.node.clawback;
  return clawback !== undefined && (!clawback.triggers?.length || clawback.triggers.some((trigger) => GAMING_TRIGGERS.has(trigger)));
}

/** A line on a quality metric. */
export function isQualityLine(index: PolicyIndex, line: IncentiveLine): boolean {
  return line.metric !== undefined && index.metrics.get(line.metric)?.type === 'quality';
}

/** A key result marked guardrail, or one on a quality metric. */
export function isGuardrail(index: PolicyIndex, line: IncentiveLine): boolean {
  return (line.component === 'key_result' && line.node.guardrail === true) || isQualityLine(index, line);
}

/** Whether an instrument has any guard at all, whatever its weight: a quality line, a guardrail or a clawback. */
export function hasAnyGuard(index: PolicyIndex, instrument: InstrumentInfo): boolean {
  if (instrument.lever === 'compensation' && instrument.node.clawback !== undefined) return true;
  return index.rewardsOf(instrument).some((line) => isGuardrail(index, line));
}

/**
 * The quality metric a fix pairs with an instrument's counts or speed: one its lines are declared to
 * stand for (lowest id: tickets closed for first-contact resolution), else the closest quality metric
 * of the team. One answer for every rule, so two findings on one plan never name two different guards.
 */
export function qualityCounterpart(index: PolicyIndex, instrument: InstrumentInfo): MetricT | undefined {
  // A neighbour's quality measure does not show whether this team's work was done well.
  return proxiedQuality(index, index.rewardsOf(instrument)) ?? suggestMetric(index, instrument.team, (metric) => metric.type === 'quality', { neighbours: false });
}

/** The quality metric some of `lines` are declared to stand for (lowest id): the measure that shows whether that work was done well. */
export function proxiedQuality(index: PolicyIndex, lines: readonly IncentiveLine[]): MetricT | undefined {
  const metrics = lines.flatMap((reward) => index.metrics.get(reward.metric ?? '') ?? []);
  return sortedIds(metrics.flatMap((metric) => metric.proxy_for ?? []))
    .map((id) => index.metrics.get(id))
    .find((target): target is MetricT => target?.type === 'quality' && !target.vanity && !index.strategy.isDeprioritizedMetric(target.id));
}

/**
 * The counts in an instrument that are an unguarded target (and the numbers the team reports itself), with their share of variable pay: a plan
 * with at least `share` of its variable pay on counts and no guard (a quality line of `guard_weight`,
 * a clawback on misconduct or refunds), or an OKR set with a measurable target on a count and no
 * guardrail key result. A count the strategy deprioritizes is the old-priority rules' (their fix stops
 * rewarding it); a count another team accepts item by item carries its own guard; a key result with
 * no level to reach (none, "increase", or a deliverable done or not) sets no number to game.
 */
export function unguardedCounts(
  index: PolicyIndex,
  instrument: InstrumentInfo,
  thresholds: { share: number; guard_weight: number },
): { counts: IncentiveLine[]; share: number } | undefined {
  const counts = index.rewardsOf(instrument).filter((reward) => {
    const metric = index.metrics.get(reward.metric ?? '');
    if (!metric || !(isCount(metric) || isSelfReported(metric, instrument.team))) return false;
    if (isAcceptedCount(index, metric, instrument.team) || index.strategy.deprioritizedMetricBehind(reward.metric)) return false;
    return reward.component !== 'key_result' || hasLevel(reward.node.target);
  });
  if (counts.length === 0) return undefined;
  if (instrument.lever === 'compensation') {
    const share = counts.reduce((sum, reward) => sum + (index.variableShareOf(reward) ?? 0), 0);
    const guarded =
      clawbackGuardsGaming(instrument) || index.rewardsOf(instrument).some((line) => isQualityLine(index, line) && (index.variableShareOf(line) ?? 0) >= thresholds.guard_weight);
    return share >= thresholds.share && !guarded ? { counts, share } : undefined;
  }
  if (instrument.lever === 'okrs' && !index.rewardsOf(instrument).some((reward) => isGuardrail(index, reward))) return { counts, share: 0 };
  return undefined;
}
