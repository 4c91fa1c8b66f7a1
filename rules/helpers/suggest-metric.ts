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
 * The declared metric to suggest to `team` among those `accept` allows, for a fix: one that
 * belongs to the team, or none (the fix then says what to declare). Never a vanity or
 * deprioritized metric. Closest first: already rewarded for the team, then for a team it hands
 * off to or receives from (unless `neighbours` is false: a neighbour's operational measure is no
 * part of this team's scorecard), then rewarded nowhere and of the team's kind and perspective (see
 * fitsTeam); for an instrument of no team, any metric, unrewarded first. Ties go to a metric
 * the strategy favors, then to a quality metric, then to the lowest id (never to declaration order).
 */
export function suggestMetric(
  index: PolicyIndex,
  team: string | undefined,
  accept: (metric: MetricT) => boolean,
  { neighbours = true }: { neighbours?: boolean } = {},
): MetricT | undefined {
  const { strategy } = index;
  const suggestable = (metric: MetricT) => !metric.vanity && !strategy.isDeprioritizedMetric(metric.id);
  const compare = (a: MetricT, b: MetricT): number =>
    Number(strategy.isFavoredMetric(b.id)) - Number(strategy.isFavoredMetric(a.id)) ||
    Number(b.type === 'quality') - Number(a.type === 'quality') ||
    compareIds(a.id, b.id);
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
  if (team === undefined)
    return suggestions.unrewarded.find((metric) => accept(metric)) ?? suggestions.rewarded.find((metric) => accept(metric));
  const { own, near } = metricsAround(index, suggestions, team);
  const fits = (metric: MetricT | undefined): metric is MetricT => metric !== undefined && suggestable(metric) && accept(metric);
  const closest = (ids: ReadonlySet<string>) => least([...ids].map((id) => index.metrics.get(id)).filter(fits), compare);
  // Another team's metric is no fix (paying marketing on support's ticket times); a metric nobody
  // is rewarded on fits when it is of the team's kind and perspective.
  return (
    closest(own) ??
    (neighbours ? closest(near) : undefined) ??
    suggestions.unrewarded.find((metric) => fitsTeam(index, metric, team, own) && accept(metric))
  );
}

/** The scorecard perspectives a revenue team's work moves directly. */
const REVENUE_PERSPECTIVES: ReadonlySet<string> = new Set(['financial', 'customer']);

/**
 * Whether a metric nobody is rewarded on suits `team`: one of the perspectives the team is measured
 * on already, or any that its kind works on (a revenue team the financial and customer ones, whose
 * results it moves; a team of another kind any); a metric of no declared perspective, or one the
 * strategy favors, suits all.
 */
function fitsTeam(index: PolicyIndex, metric: MetricT, team: string, own: ReadonlySet<string>): boolean {
  // What the strategy asks for suits any team it asks it of (a store crew's delivery safety).
  if (index.strategy.isFavoredMetric(metric.id)) return true;
  if (metric.perspective === undefined || index.teams.get(team)?.kind !== 'revenue') return true;
  if (REVENUE_PERSPECTIVES.has(metric.perspective)) return true;
  return [...own].some((id) => index.metrics.get(id)?.perspective === metric.perspective);
}

function metricsAround(
  index: PolicyIndex,
  suggestions: Suggestions,
  team: string | undefined,
): { own: ReadonlySet<string>; near: ReadonlySet<string> } {
  if (team === undefined) return { own: new Set(), near: new Set() };
  let around = suggestions.around.get(team);
  if (!around) {
    const own = index.metricsRewardedFor(team);
    const near = new Set(
      index
        .handoffNeighbours(team)
        .flatMap((neighbour) => [...index.metricsRewardedFor(neighbour)])
        .filter((id) => !own.has(id)),
    );
    around = { own, near };
    suggestions.around.set(team, around);
  }
  return around;
}
