/** The metric a fix suggests: shared by the rules that propose a metric to pay or measure instead. */
import { compareIds, least, type MetricT, type PolicyIndex } from '../../src/api.js';

interface Suggestions {
  /** Every suggestable metric in suggestion order, split by whether anything rewards it; so a suggestion stops at the first fit. */
  unrewarded: MetricT[];
  rewarded: MetricT[];
  /** The metrics each team is rewarded on, and those its handoff neighbours are rewarded on. */
  around: Map<string, { own: ReadonlySet<string>; near: ReadonlySet<string> }>;
}

// Computed once per index: rules ask for a suggestion once per finding.
const computed = new WeakMap<PolicyIndex, Suggestions>();

/**
 * The declared metric to suggest to `team` among those `accept` allows, for a fix. Never a vanity
 * or deprioritized metric. Closest first: already rewarded for the team, then for a team it hands
 * off to or receives from, then rewarded nowhere, then (for an instrument of no team, or a metric
 * the strategy favors) rewarded elsewhere; ties go to a metric the strategy favors, then to a
 * quality metric, then to the lowest id (never to declaration order).
 */
export function suggestMetric(index: PolicyIndex, team: string | undefined, accept: (metric: MetricT) => boolean): MetricT | undefined {
  const { strategy } = index;
  const suggestable = (metric: MetricT) => !metric.vanity && !strategy.isDeprioritizedMetric(metric.id);
  const compare = (a: MetricT, b: MetricT): number =>
    Number(strategy.isFavoredMetric(b.id)) - Number(strategy.isFavoredMetric(a.id)) || Number(b.type === 'quality') - Number(a.type === 'quality') || compareIds(a.id, b.id);
  let suggestions = computed.get(index);
  if (!suggestions) {
    const ranked = [...index.metrics.values()].filter(suggestable).sort(compare);
    suggestions = {
      unrewarded: ranked.filter((metric) => index.rewardsOfMetric(metric.id).length === 0),
      rewarded: ranked.filter((metric) => index.rewardsOfMetric(metric.id).length > 0),
      around: new Map(),
    };
    computed.set(index, suggestions);
  }
  const { own, near } = metricsAround(index, suggestions, team);
  const fits = (metric: MetricT | undefined): metric is MetricT => metric !== undefined && suggestable(metric) && accept(metric);
  const closest = (ids: ReadonlySet<string>) => least([...ids].map((id) => index.metrics.get(id)).filter(fits), compare);
  // Another, unrelated team's metric only when it is one the strategy favors, or the instrument
  // belongs to no team: paying support on sales' win rate is no fix.
  const sharedEnough = (metric: MetricT) => team === undefined || strategy.isFavoredMetric(metric.id);
  return (
    closest(own) ??
    closest(near) ??
    suggestions.unrewarded.find((metric) => accept(metric)) ??
    suggestions.rewarded.find((metric) => !own.has(metric.id) && !near.has(metric.id) && sharedEnough(metric) && accept(metric))
  );
}

function metricsAround(index: PolicyIndex, suggestions: Suggestions, team: string | undefined): { own: ReadonlySet<string>; near: ReadonlySet<string> } {
  if (team === undefined) return { own: new Set(), near: new Set() };
  let around = suggestions.around.get(team);
  if (!around) {
    const own = index.metricsRewardedFor(team);
    const near = new Set(index.handoffNeighbours(team).flatMap((neighbour) => [...index.metricsRewardedFor(neighbour)]).filter((id) => !own.has(id)));
    around = { own, near };
    suggestions.around.set(team, around);
  }
  return around;
}
