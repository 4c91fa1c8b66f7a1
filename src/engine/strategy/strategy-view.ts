/**
 * The strategy as rules ask about it: what it favors and deprioritizes, and how a line of an
 * instrument stands toward it. An id that one priority favors and another deprioritizes is
 * contested: the favored and deprioritized queries leave it out, so no rule has to.
 */
import type { MetricT, Policy, PriorityT } from '../../schema.js';
import type { IncentiveLine, InstrumentInfo, RewardComponent } from '../lookups/lines.js';
import { sortedIds } from '../order.js';
import { isDeliverable } from '../../model/declared.js';
import { targetKind } from '../../model/targets.js';

export type FocusKind = 'metrics' | 'segments';

/** Where the strategy puts a metric or segment: wanted more, wanted less, both (two priorities disagree), or not named. */
export type FocusStatus = 'favored' | 'deprioritized' | 'contested' | 'neutral';

/** How one line stands toward one priority. */
export interface Stance {
  /** It rewards a metric or segment the priority favors. */
  reinforces: boolean;
  /** It rewards a metric or segment the priority deprioritizes. */
  undermines: boolean;
}

/** The deprioritized metric and segment of a line, and what the strategy favors instead. */
export interface OldFocus {
  metric?: string;
  /** The metric the line names, when it pays `metric` as its declared proxy. */
  via?: string;
  segment?: string;
  /** "metric velocity and segment smb". */
  description: string;
  instead: { metrics: string[]; segments: string[] };
}

/** Which priorities favor or deprioritize an id. */
export type PriorityMap = ReadonlyMap<string, readonly PriorityT[]>;

/** The lines that pay a team or measure it (awards and promotion criteria excluded). */
const PAY_AND_MEASURE: ReadonlySet<RewardComponent> = new Set(['commission', 'bonus', 'key_result']);

const NO_PRIORITIES: readonly PriorityT[] = [];

/**
 * What the view asks of the policy's lookups; a `PolicyIndex` answers all of it. Named here rather
 * than importing the index, so that the index builds its view with no import cycle between them.
 */
export interface StrategyLookups {
  readonly policy: Policy;
  readonly metrics: ReadonlyMap<string, MetricT>;
  proxyTargetsOf(id: string | undefined): readonly string[];
  proxiesRewarded(): ReadonlySet<string>;
  rewardsOfMetric(metric: string): readonly IncentiveLine[];
  rewardsOfSegment(segment: string): readonly IncentiveLine[];
  payoutExtras(): { metrics: ReadonlySet<string>; segments: ReadonlySet<string> };
  readonly instruments: readonly InstrumentInfo[];
  rewardsOf(instrument: InstrumentInfo): readonly IncentiveLine[];
}

export class StrategyView {
  private readonly favored: Record<FocusKind, PriorityMap>;
  private readonly deprioritized: Record<FocusKind, PriorityMap>;

  constructor(
    policy: Policy,
    private readonly index: StrategyLookups,
  ) {
    this.favored = { metrics: byPriority(policy, 'favor', 'metrics'), segments: byPriority(policy, 'favor', 'segments') };
    this.deprioritized = {
      metrics: byPriority(policy, 'deprioritize', 'metrics'),
      segments: byPriority(policy, 'deprioritize', 'segments'),
    };
  }

  /** The metrics or segments the strategy favors and no priority deprioritizes, in the order the priorities name them. */
  favoredIds(kind: FocusKind): string[] {
    return [...this.favored[kind].keys()].filter((id) => !this.deprioritized[kind].has(id));
  }

  /** The metrics or segments the strategy deprioritizes and no priority favors, in the order the priorities name them. */
  deprioritizedIds(kind: FocusKind): string[] {
    return [...this.deprioritized[kind].keys()].filter((id) => !this.favored[kind].has(id));
  }

  isFavored(kind: FocusKind, id: string | undefined): boolean {
    return id !== undefined && this.favored[kind].has(id) && !this.deprioritized[kind].has(id);
  }

  isDeprioritized(kind: FocusKind, id: string | undefined): boolean {
    return id !== undefined && this.deprioritized[kind].has(id) && !this.favored[kind].has(id);
  }

  isFavoredMetric(id: string | undefined): boolean {
    return this.isFavored('metrics', id);
  }

  isFavoredSegment(id: string | undefined): boolean {
    return this.isFavored('segments', id);
  }

  isDeprioritizedMetric(id: string | undefined): boolean {
    return this.isDeprioritized('metrics', id);
  }

  isDeprioritizedSegment(id: string | undefined): boolean {
    return this.isDeprioritized('segments', id);
  }

  /** The priorities that favor `id`, in declaration order (contested or not). */
  prioritiesFavoring(kind: FocusKind, id: string): readonly PriorityT[] {
    return this.favored[kind].get(id) ?? NO_PRIORITIES;
  }

  /** The priorities that deprioritize `id`, in declaration order (contested or not). */
  prioritiesDeprioritizing(kind: FocusKind, id: string): readonly PriorityT[] {
    return this.deprioritized[kind].get(id) ?? NO_PRIORITIES;
  }

  /** The ids of the priorities that deprioritize the metric (or a metric it is a declared proxy for) or the segment: what a line on them works against. */
  prioritiesAgainst(entry: { metric?: string; segment?: string }): string[] {
    const metrics = entry.metric === undefined ? [] : [entry.metric, ...this.index.proxyTargetsOf(entry.metric)];
    const against = [
      ...metrics.flatMap((id) => this.prioritiesDeprioritizing('metrics', id)),
      ...(entry.segment === undefined ? [] : this.prioritiesDeprioritizing('segments', entry.segment)),
    ];
    return [...new Set(against.map((priority) => priority.id))];
  }

  /** Every id one side of the priorities names, with those priorities: contested ids included, as written. */
  namedBy(side: 'favor' | 'deprioritize', kind: FocusKind): PriorityMap {
    return (side === 'favor' ? this.favored : this.deprioritized)[kind];
  }

  statusOf(kind: FocusKind, id: string): FocusStatus {
    const favored = this.favored[kind].has(id);
    const deprioritized = this.deprioritized[kind].has(id);
    return favored && deprioritized ? 'contested' : favored ? 'favored' : deprioritized ? 'deprioritized' : 'neutral';
  }

  /** Every metric or segment some priority favors or deprioritizes. */
  focusIds(kind: FocusKind): Set<string> {
    return new Set([...this.favored[kind].keys(), ...this.deprioritized[kind].keys()]);
  }

  /**
   * What a line pays or celebrates that the strategy deprioritizes (its metric, its segment or
   * both), with what those priorities favor instead; undefined when the line is not about the old.
   */
  oldFocusOf(line: IncentiveLine): OldFocus | undefined {
    const behind = this.deprioritizedMetricBehind(line.metric);
    const metric = behind?.metric;
    const segment = this.isDeprioritizedSegment(line.segment) ? line.segment : undefined;
    if (!metric && !segment) return undefined;
    return {
      metric,
      segment,
      via: behind?.via,
      description: [
        metric && (behind?.via ? `metric ${metric} (through ${behind.via}, declared a proxy for it)` : `metric ${metric}`),
        segment && `segment ${segment}`,
      ]
        .filter(Boolean)
        .join(' and '),
      instead: { metrics: metric ? this.alternativesTo(metric) : [], segments: segment ? this.alternativesTo(segment, 'segments') : [] },
    };
  }

  /**
   * The deprioritized metric a reward on `id` pays for: `id` itself, or, when the strategy does not
   * favor `id`, the nearest metric it is declared a proxy for that the strategy deprioritizes (a
   * reward on X, declared a proxy for Y, is a reward on Y). `via` names the proxy.
   */
  deprioritizedMetricBehind(id: string | undefined): { metric: string; via?: string } | undefined {
    if (id === undefined) return undefined;
    if (this.isDeprioritizedMetric(id)) return { metric: id };
    if (this.favored.metrics.has(id)) return undefined;
    const target = this.index.proxyTargetsOf(id).find((candidate) => this.isDeprioritizedMetric(candidate));
    return target === undefined ? undefined : { metric: target, via: id };
  }

  /** Whether a reward on `id` rewards a metric the strategy favors: `id` itself, or one it stands for. */
  servesFavoredMetric(id: string | undefined): boolean {
    return (
      id !== undefined &&
      (this.isFavoredMetric(id) ||
        (!this.deprioritized.metrics.has(id) && this.index.proxyTargetsOf(id).some((target) => this.isFavoredMetric(target))))
    );
  }

  /** The favored metrics (or segments) of the priorities that deprioritize `metricOrSegment`, alphabetically: what to reward instead. */
  alternativesTo(metricOrSegment: string, kind: FocusKind = 'metrics'): string[] {
    return sortedIds(this.prioritiesDeprioritizing(kind, metricOrSegment).flatMap((priority) => priority.favor?.[kind] ?? []));
  }

  /**
   * A line on a proxy stands toward a priority as a line on what it stands for (see
   * PolicyIndex.proxyTargetsOf); a line on a metric the priority prefers (`prefer: [{ metric }]`)
   * reinforces it as a line on a metric it favors.
   */
  stanceOf(line: IncentiveLine, priority: PriorityT): Stance {
    // Asked for every line and priority (gate, matrix, report): the priorities a metric stands toward are
    // computed once per metric, through its proxies, not once per line and priority (49 KB: more than 90 s).
    const metric = line.metric === undefined ? undefined : this.metricStance(line.metric);
    const segments = this.segmentSets(priority);
    return {
      reinforces: metric?.reinforces.has(priority) === true || (line.segment !== undefined && segments.favor.has(line.segment)),
      undermines: metric?.undermines.has(priority) === true || (line.segment !== undefined && segments.deprioritize.has(line.segment)),
    };
  }

  private readonly metricStances = new Map<string, { reinforces: Set<PriorityT>; undermines: Set<PriorityT> }>();
  private readonly segmentsByPriority = new Map<PriorityT, { favor: ReadonlySet<string>; deprioritize: ReadonlySet<string> }>();
  private wantedMetrics: Map<string, PriorityT[]> | undefined;
  private sharedGainMetrics: readonly string[] | undefined;

  /** The priorities that a line on `id` (or on what it is declared a proxy for) reinforces and undermines. */
  private metricStance(id: string): { reinforces: Set<PriorityT>; undermines: Set<PriorityT> } {
    let stance = this.metricStances.get(id);
    if (!stance) {
      if (!this.wantedMetrics) {
        this.wantedMetrics = new Map();
        for (const priority of this.index.policy.strategy.priorities) {
          for (const metric of this.wantedMetricsOf(priority)) {
            const wanting = this.wantedMetrics.get(metric);
            if (wanting) wanting.push(priority);
            else this.wantedMetrics.set(metric, [priority]);
          }
        }
      }
      stance = { reinforces: new Set(), undermines: new Set() };
      for (const metric of [id, ...this.index.proxyTargetsOf(id)]) {
        for (const priority of this.wantedMetrics.get(metric) ?? NO_PRIORITIES) stance.reinforces.add(priority);
        for (const priority of this.deprioritized.metrics.get(metric) ?? NO_PRIORITIES) stance.undermines.add(priority);
      }
      this.metricStances.set(id, stance);
    }
    return stance;
  }

  private segmentSets(priority: PriorityT): { favor: ReadonlySet<string>; deprioritize: ReadonlySet<string> } {
    let sets = this.segmentsByPriority.get(priority);
    if (!sets) {
      sets = { favor: new Set(priority.favor?.segments ?? []), deprioritize: new Set(priority.deprioritize?.segments ?? []) };
      this.segmentsByPriority.set(priority, sets);
    }
    return sets;
  }

  /**
   * The metrics a line on which serves `priority`: those it favors or prefers, and what each is declared
   * to stand for (`proxy_for`, through chains). A priority on a proxy is served by paying for what the
   * proxy measures: it was named for that. Only wanting follows proxies this way; deprioritizing a
   * proxy says nothing against what it stands for.
   */
  private wantedMetricsOf(priority: PriorityT): string[] {
    const favored = favoredMetricsOf(priority);
    return [...new Set([...favored, ...favored.flatMap((metric) => this.index.proxyTargetsOf(metric))])];
  }

  /** Whether any line of any lever is on a metric or segment `priority` wants (see wantedMetricsOf): what makes it more than words. */
  isServed(priority: PriorityT): boolean {
    const extras = this.index.payoutExtras();
    return (
      this.wantedMetricsOf(priority).some(
        (metric) => this.index.rewardsOfMetric(metric).length > 0 || this.index.proxiesRewarded().has(metric) || extras.metrics.has(metric),
      ) ||
      (priority.favor?.segments ?? []).some((segment) => this.index.rewardsOfSegment(segment).length > 0 || extras.segments.has(segment))
    );
  }

  /**
   * The outcomes the whole workforce shares in, when a shared gain is all the policy pays or measures
   * anyone on: every plan, OKR set and ladder is a plan of everyone (it names no team), and each pays only on outcomes (a bonus on the gain, a pool funded by it; a pool's
   * rating may split it by anything). Such a design (a Scanlon bonus, a profit-sharing foundation) pays
   * no one for the means to that outcome, on purpose: whether a priority names such a means is a
   * declaration (proxy_for), not something the linter can see. Empty for any other policy.
   */
  sharedGain(): readonly string[] {
    if (this.sharedGainMetrics) return this.sharedGainMetrics;
    const isOutcome = (id: string | undefined) => this.index.metrics.get(id ?? '')?.type === 'outcome';
    const gain = new Set<string>();
    let sharedOnly = true;
    for (const instrument of this.index.instruments) {
      if (instrument.lever === 'recognition') continue;
      // Only a plan that names no team is everyone's: a policy's one team may be one group among many it leaves out
      // (retention agents paid on the lines they keep are paid on their own result, not on a shared gain).
      const everyone = instrument.team === undefined;
      const lines = this.index.rewardsOf(instrument);
      const pool = instrument.lever === 'compensation' ? instrument.node.pool : undefined;
      // Commission and quotas pay each person for their own bookings: a shared gain is a bonus on it or a pool funded by it.
      if (
        !everyone ||
        instrument.lever !== 'compensation' ||
        !lines.every((line) => line.component === 'bonus' && isOutcome(line.metric))
      ) {
        sharedOnly = false;
        break;
      }
      for (const line of lines) gain.add(line.metric!);
      if (pool && isOutcome(pool.funded_by)) gain.add(pool.funded_by);
    }
    this.sharedGainMetrics = sharedOnly ? sortedIds([...gain]) : [];
    return this.sharedGainMetrics;
  }

  /**
   * A pay or measure line (commission, bonus, key result) that names no segment, on a metric that
   * cannot tell customer segments apart ("MQL targets don't distinguish customer size"): declared
   * `segmented: false`, or silent about it and a count (activity or output) of the customer or
   * financial perspective (or none) unless `assume` says otherwise. A metric the strategy favors is never blind: it is what the strategy asks for.
   */
  isSegmentBlind(line: IncentiveLine, assume: { undeclared?: boolean; undeclaredVolume?: boolean } = {}): boolean {
    if (line.segment !== undefined || line.metric === undefined || !PAY_AND_MEASURE.has(line.component)) return false;
    if (this.favored.metrics.has(line.metric)) return false;
    const metric = this.index.metrics.get(line.metric);
    if (!metric) return false;
    if (metric.segmented !== undefined) return !metric.segmented;
    // An internal or learning measure (knowledge-base articles written) has no customer segment to tell apart.
    if (metric.perspective === 'internal' || metric.perspective === 'learning') return false;
    // A named deliverable (done or not by its date) is no volume that counts every customer alike.
    const deliverable = isDeliverable(metric) || (line.component === 'key_result' && targetKind(line.node.target) === 'deliverable');
    const isVolume = (metric.type === 'activity' || metric.type === 'output') && !deliverable;
    return assume.undeclared === true || (isVolume && assume.undeclaredVolume !== false);
  }
}

/**
 * The metrics a priority wants more of: those it favors, then those it prefers over another
 * (`prefer: [{ metric, over }]`), which it wants more of too. The metric it prefers them over is
 * still wanted, only less: it is neither.
 */
export function favoredMetricsOf(priority: PriorityT): string[] {
  const favored = priority.favor?.metrics ?? [];
  const preferred = (priority.prefer ?? []).map((preference) => preference.metric);
  return [...new Set([...favored, ...preferred])];
}

function byPriority(policy: Policy, side: 'favor' | 'deprioritize', kind: FocusKind): PriorityMap {
  const map = new Map<string, PriorityT[]>();
  for (const priority of policy.strategy.priorities) {
    for (const id of priority[side]?.[kind] ?? []) {
      const list = map.get(id) ?? [];
      if (!list.includes(priority)) list.push(priority);
      map.set(id, list);
    }
  }
  return map;
}
