/**
 * The lookups every rule needs, computed once per run: declared things by id, what the strategy
 * favors and deprioritizes, every instrument, and every place an instrument rewards a metric or a
 * segment, with the node to report on. Rules read this index; they never re-scan the policy.
 */
import type {
  CompensationPlanT,
  InstrumentT,
  Lever,
  ListSection,
  MetricT,
  OkrSetT,
  Policy,
  PriorityT,
  PromotionLadderT,
  RecognitionProgramT,
  SegmentT,
  TeamT,
} from '../schema.js';
import { lineRate, PlanPayout } from '../payout/model.js';
import { compareIds, least, sortedIds } from './order.js';

export interface InstrumentInfo {
  lever: Lever;
  id: string;
  node: InstrumentT;
  team?: string;
  effective?: string;
  rationale?: string;
}

export type RewardComponent = 'commission' | 'bonus' | 'key_result' | 'criterion' | 'award';

/** One place where an instrument pays, measures, promotes or celebrates something. */
export interface Reward {
  instrument: InstrumentInfo;
  component: RewardComponent;
  /** The line itself (commission line, bonus component, key result, criterion, award). */
  node: object;
  metric?: string;
  segment?: string;
  /** Teams this reward applies to; empty means the whole company. */
  teams: string[];
  /** For bonus components: the teams the component is shared with. */
  sharedWith: string[];
  rate?: number;
  weight?: number;
}

/** What a deal in a segment is worth and how long it takes to close, when the segment declares both. */
export interface DealEconomics {
  salesCycleDays: number;
  avgDealSize: number;
}

/** The reward components that pay a team or measure it (awards and promotion criteria excluded). */
const PAY_AND_MEASURE: ReadonlySet<RewardComponent> = new Set(['commission', 'bonus', 'key_result']);

export type ReferenceKind = 'metric' | 'segment' | 'team' | 'instrument';

/** A place where the policy names an id that must be declared elsewhere. */
export interface Reference {
  kind: ReferenceKind;
  id: string;
  /** The object or list holding the id, and the key (or index) where it stands. */
  node: object;
  key: string | number;
}

export type DeclarationKind = 'segment' | 'team' | 'metric' | 'priority' | 'instrument';

export interface Declaration {
  kind: DeclarationKind;
  id: string;
  node: object;
}

/** Which priorities favor or deprioritize an id. */
export type PriorityMap = ReadonlyMap<string, readonly PriorityT[]>;

/** The deprioritized metric and segment of a reward line, and what the strategy favors instead. */
export interface OldFocus {
  metric?: string;
  /** The metric the line names, when it pays `metric` as its declared proxy. */
  via?: string;
  segment?: string;
  /** "metric velocity and segment smb". */
  description: string;
  instead: { metrics: string[]; segments: string[] };
}

export interface Handoff {
  from: TeamT;
  to: string;
  /** The team's `hands_off_to` list and the index of this entry in it. */
  node: string[];
  index: number;
}

/** The scorecard perspectives a revenue team's work moves directly. */
const REVENUE_PERSPECTIVES: ReadonlySet<string> = new Set(['financial', 'customer']);

const LEVER_ORDER: readonly Lever[] = ['compensation', 'okrs', 'promotions', 'recognition'];

/** Where the strategy puts a metric or segment: wanted more, wanted less, both (two priorities disagree), or not named. */
export type FocusStatus = 'favored' | 'deprioritized' | 'contested' | 'neutral';

/** How one reward line stands toward one priority. */
export interface Stance {
  /** It rewards a metric or segment the priority favors. */
  reinforces: boolean;
  /** It rewards a metric or segment the priority deprioritizes. */
  undermines: boolean;
}

export class PolicyIndex {
  readonly segments = new Map<string, SegmentT>();
  readonly teams = new Map<string, TeamT>();
  readonly metrics = new Map<string, MetricT>();
  readonly priorities = new Map<string, PriorityT>();
  readonly instruments: InstrumentInfo[] = [];
  readonly instrumentById = new Map<string, InstrumentInfo>();
  readonly rewards: Reward[] = [];
  readonly references: Reference[] = [];
  readonly declarations: Declaration[] = [];
  readonly handoffs: Handoff[] = [];
  readonly favoredMetrics: PriorityMap;
  readonly deprioritizedMetrics: PriorityMap;
  readonly favoredSegments: PriorityMap;
  readonly deprioritizedSegments: PriorityMap;

  /** Keyed by the instrument itself, so that two instruments sharing an id never pool their lines. */
  private readonly rewardsByInstrument = new Map<InstrumentInfo, Reward[]>();
  private readonly rewardsByTeamId = new Map<string, Reward[]>();
  private readonly rewardsByMetricId = new Map<string, Reward[]>();
  private readonly instrumentsByTeamId = new Map<string, InstrumentInfo[]>();
  private readonly upstreamByTeamId = new Map<string, TeamT[]>();
  private readonly handoffsByFromId = new Map<string, Handoff[]>();
  private readonly neighboursByTeamId = new Map<string, Set<string>>();
  private readonly rewardsSharedWithTeamId = new Map<string, Reward[]>();
  private readonly rewardsBySegmentId = new Map<string, Reward[]>();
  // Answers computed on first use: rules ask the same question once per finding or per team.
  private readonly metricsRewardedForTeamId = new Map<string, ReadonlySet<string>>();
  private companyWide: readonly Reward[] | undefined;
  private readonly proxyTargetsCache = new Map<string, readonly string[]>();
  private proxiedByRewards: ReadonlySet<string> | undefined;
  private extras: { metrics: ReadonlySet<string>; segments: ReadonlySet<string> } | undefined;
  private levers: Lever[] | undefined;

  constructor(
    readonly policy: Policy,
    /** Each list section as written in each document (for findings about a whole section). */
    readonly sections: Readonly<Record<ListSection, readonly object[]>>,
  ) {
    this.indexDeclarations();
    this.favoredMetrics = this.byPriority('favor', 'metrics');
    this.deprioritizedMetrics = this.byPriority('deprioritize', 'metrics');
    this.favoredSegments = this.byPriority('favor', 'segments');
    this.deprioritizedSegments = this.byPriority('deprioritize', 'segments');
    for (const lever of LEVER_ORDER) {
      for (const node of policy[lever]) this.indexInstrument(lever, node);
    }
  }

  /** A metric the strategy wants less of (and that no priority favors at the same time). */
  isDeprioritizedMetric(id: string | undefined): boolean {
    return id !== undefined && this.deprioritizedMetrics.has(id) && !this.favoredMetrics.has(id);
  }

  isFavoredMetric(id: string | undefined): boolean {
    return id !== undefined && this.favoredMetrics.has(id) && !this.deprioritizedMetrics.has(id);
  }

  isDeprioritizedSegment(id: string | undefined): boolean {
    return id !== undefined && this.deprioritizedSegments.has(id) && !this.favoredSegments.has(id);
  }

  isFavoredSegment(id: string | undefined): boolean {
    return id !== undefined && this.favoredSegments.has(id) && !this.deprioritizedSegments.has(id);
  }

  /**
   * The metrics `id` is declared to stand for, following proxy_for through chains (X stands for Y,
   * Y for Z), nearest first, without `id` itself; a cycle stops where it closes.
   */
  proxyTargetsOf(id: string | undefined): readonly string[] {
    if (id === undefined) return NONE;
    let targets = this.proxyTargetsCache.get(id);
    if (!targets) {
      const found: string[] = [];
      const seen = new Set([id]);
      const queue = [...(this.metrics.get(id)?.proxy_for ?? [])];
      while (queue.length > 0) {
        const next = queue.shift()!;
        if (seen.has(next)) continue;
        seen.add(next);
        found.push(next);
        queue.push(...(this.metrics.get(next)?.proxy_for ?? []));
      }
      targets = found;
      this.proxyTargetsCache.set(id, targets);
    }
    return targets;
  }

  /**
   * The deprioritized metric a reward on `id` pays for: `id` itself, or, when the strategy does not
   * favor `id`, the nearest metric it is declared a proxy for that the strategy deprioritizes (a
   * reward on X, declared a proxy for Y, is a reward on Y). `via` names the proxy.
   */
  deprioritizedMetricBehind(id: string | undefined): { metric: string; via?: string } | undefined {
    if (id === undefined) return undefined;
    if (this.isDeprioritizedMetric(id)) return { metric: id };
    if (this.favoredMetrics.has(id)) return undefined;
    const target = this.proxyTargetsOf(id).find((candidate) => this.isDeprioritizedMetric(candidate));
    return target === undefined ? undefined : { metric: target, via: id };
  }

  /** Whether a reward on `id` rewards a metric the strategy favors: `id` itself, or one it stands for. */
  servesFavoredMetric(id: string | undefined): boolean {
    return id !== undefined && (this.isFavoredMetric(id) || (!this.deprioritizedMetrics.has(id) && this.proxyTargetsOf(id).some((target) => this.isFavoredMetric(target))));
  }

  /**
   * What a reward line pays or celebrates that the strategy deprioritizes (its metric, its segment or
   * both), with what those priorities favor instead; undefined when the line is not about the old.
   */
  oldFocusOf(reward: Reward): OldFocus | undefined {
    const behind = this.deprioritizedMetricBehind(reward.metric);
    const metric = behind?.metric;
    const segment = this.isDeprioritizedSegment(reward.segment) ? reward.segment : undefined;
    if (!metric && !segment) return undefined;
    return {
      metric,
      segment,
      via: behind?.via,
      description: [metric && (behind?.via ? `metric ${metric} (through ${behind.via}, declared a proxy for it)` : `metric ${metric}`), segment && `segment ${segment}`]
        .filter(Boolean)
        .join(' and '),
      instead: { metrics: metric ? this.alternativesTo(metric) : [], segments: segment ? this.alternativesTo(segment, 'segments') : [] },
    };
  }

  /** The favored metrics of the priorities that deprioritize `metricOrSegment`, alphabetically: what to reward instead. */
  alternativesTo(metricOrSegment: string, kind: 'metrics' | 'segments' = 'metrics'): string[] {
    const against = (kind === 'metrics' ? this.deprioritizedMetrics : this.deprioritizedSegments).get(metricOrSegment) ?? [];
    return sortedIds(against.flatMap((priority) => priority.favor?.[kind] ?? []));
  }

  statusOf(kind: 'metrics' | 'segments', id: string): FocusStatus {
    const favored = (kind === 'metrics' ? this.favoredMetrics : this.favoredSegments).has(id);
    const deprioritized = (kind === 'metrics' ? this.deprioritizedMetrics : this.deprioritizedSegments).has(id);
    return favored && deprioritized ? 'contested' : favored ? 'favored' : deprioritized ? 'deprioritized' : 'neutral';
  }

  /** Every metric and segment some priority favors or deprioritizes. */
  focusIds(kind: 'metrics' | 'segments'): Set<string> {
    const maps = kind === 'metrics' ? [this.favoredMetrics, this.deprioritizedMetrics] : [this.favoredSegments, this.deprioritizedSegments];
    return new Set(maps.flatMap((map) => [...map.keys()]));
  }

  /** A reward on a proxy stands toward a priority as a reward on what it stands for (see proxyTargetsOf). */
  stanceOf(reward: Reward, priority: PriorityT): Stance {
    const names = (list: string[] | undefined, id: string | undefined) => id !== undefined && (list ?? []).includes(id);
    const metrics = reward.metric === undefined ? [] : [reward.metric, ...this.proxyTargetsOf(reward.metric)];
    const namesMetric = (list: string[] | undefined) => metrics.some((id) => names(list, id));
    return {
      reinforces: namesMetric(priority.favor?.metrics) || names(priority.favor?.segments, reward.segment),
      undermines: namesMetric(priority.deprioritize?.metrics) || names(priority.deprioritize?.segments, reward.segment),
    };
  }

  /**
   * A pay or measure line (commission, bonus, key result) that names no segment, on a metric that
   * cannot tell customer segments apart ("MQL targets don't distinguish customer size"): declared
   * `segmented: false`, or silent about it and a count (activity or output) unless `assume` says
   * otherwise. A metric the strategy favors is never blind: it is what the strategy asks for.
   */
  isSegmentBlind(reward: Reward, assume: { undeclared?: boolean; undeclaredVolume?: boolean } = {}): boolean {
    if (reward.segment !== undefined || reward.metric === undefined || !PAY_AND_MEASURE.has(reward.component)) return false;
    if (this.favoredMetrics.has(reward.metric)) return false;
    const metric = this.metrics.get(reward.metric);
    if (!metric) return false;
    if (metric.segmented !== undefined) return !metric.segmented;
    const isVolume = metric.type === 'activity' || metric.type === 'output';
    return assume.undeclared === true || (isVolume && assume.undeclaredVolume !== false);
  }

  /** The levers (compensation, okrs, promotions, recognition) the policy has at least one instrument of. */
  leversInUse(): Lever[] {
    if (!this.levers) {
      const present = new Set(this.instruments.map((instrument) => instrument.lever));
      this.levers = LEVER_ORDER.filter((lever) => present.has(lever));
    }
    return [...this.levers];
  }

  /** Rewards of instruments that apply to every team: no `team`, and (for awards) no `teams`. */
  companyWideRewards(): readonly Reward[] {
    return (this.companyWide ??= this.rewards.filter((reward) => reward.teams.length === 0));
  }

  /** The lines of one instrument (given by id: the first instrument declared with it). */
  rewardsOf(instrument: InstrumentInfo | string): readonly Reward[] {
    const info = typeof instrument === 'string' ? this.instrumentById.get(instrument) : instrument;
    return (info && this.rewardsByInstrument.get(info)) ?? [];
  }

  /** Rewards that name `team`, through the instrument's team or an award's `teams`. */
  rewardsForTeam(team: string): readonly Reward[] {
    return this.rewardsByTeamId.get(team) ?? [];
  }

  rewardsOfMetric(metric: string): readonly Reward[] {
    return this.rewardsByMetricId.get(metric) ?? [];
  }

  instrumentsOfTeam(team: string): readonly InstrumentInfo[] {
    return this.instrumentsByTeamId.get(team) ?? [];
  }

  /**
   * What `team` is paid or measured on: commission lines, bonus components and key results of the
   * instruments that belong to it (awards and promotion criteria are left out).
   */
  paidOrMeasured(team: string): readonly Reward[] {
    return this.instrumentsOfTeam(team).flatMap((instrument) => this.rewardsOf(instrument).filter((reward) => PAY_AND_MEASURE.has(reward.component)));
  }

  /** The sales cycle and deal size of `segment`, or undefined unless it declares both. */
  dealEconomics(segment: string | undefined): DealEconomics | undefined {
    const declared = segment === undefined ? undefined : this.segments.get(segment);
    if (declared?.sales_cycle_days === undefined || declared.avg_deal_size === undefined) return undefined;
    return { salesCycleDays: declared.sales_cycle_days, avgDealSize: declared.avg_deal_size };
  }

  /** What a compensation plan pays for a year's bookings (quota, curve, credit, SPIFFs), built once per plan. */
  payoutOf(plan: CompensationPlanT): PlanPayout {
    let payout = this.payouts.get(plan);
    if (!payout) {
      payout = new PlanPayout(plan, (segment) => this.dealEconomics(segment)?.avgDealSize);
      this.payouts.set(plan, payout);
    }
    return payout;
  }

  private readonly payouts = new Map<CompensationPlanT, PlanPayout>();

  /** Whether any reward of any lever is on a metric or segment `priority` favors: what makes it more than words. */
  isServed(priority: PriorityT): boolean {
    const extras = this.payoutExtras();
    return (
      (priority.favor?.metrics ?? []).some((metric) => this.rewardsByMetricId.has(metric) || this.proxiesRewarded().has(metric) || extras.metrics.has(metric)) ||
      (priority.favor?.segments ?? []).some((segment) => this.rewardsBySegmentId.has(segment) || extras.segments.has(segment))
    );
  }

  /** The metrics and segments that plans pay extra for: SPIFFs and kickers, and quota-credit multipliers above 1. */
  private payoutExtras(): { metrics: ReadonlySet<string>; segments: ReadonlySet<string> } {
    if (!this.extras) {
      const metrics = new Set<string>();
      const segments = new Set<string>();
      for (const plan of this.policy.compensation) {
        const extras = [...(plan.spiffs ?? []), ...(plan.credit ?? []).filter((credit) => credit.multiplier > 1)];
        for (const extra of extras) {
          if (extra.metric !== undefined) metrics.add(extra.metric);
          if (extra.segment !== undefined) segments.add(extra.segment);
        }
      }
      this.extras = { metrics, segments };
    }
    return this.extras;
  }

  /** Every metric some rewarded metric is declared a proxy for (through chains): rewarded through its proxy. */
  private proxiesRewarded(): ReadonlySet<string> {
    if (!this.proxiedByRewards) {
      const found = new Set<string>();
      for (const metric of this.rewardsByMetricId.keys()) for (const target of this.proxyTargetsOf(metric)) found.add(target);
      this.proxiedByRewards = found;
    }
    return this.proxiedByRewards;
  }

  /** Teams that hand off to `team`. */
  upstreamOf(team: string): TeamT[] {
    return [...(this.upstreamByTeamId.get(team) ?? [])];
  }

  /** The handoffs `team` makes (its `hands_off_to` entries), in declaration order. */
  handoffsFrom(team: string): readonly Handoff[] {
    return this.handoffsByFromId.get(team) ?? [];
  }

  // --- Shared incentives and balanced measurement: lookups about teams working together. ---

  /**
   * A metric about keeping customers: it nets churn (`nets_churn`, its own retention guard), its id or
   * name says retention or churn, or it is a customer outcome.
   */
  isRetentionMetric(id: string | undefined): boolean {
    if (id === undefined) return false;
    const metric = this.metrics.get(id);
    if (metric?.nets_churn) return true;
    const words = `${id} ${metric?.name ?? ''}`.toLowerCase();
    if (words.includes('retention') || words.includes('churn')) return true;
    return metric?.type === 'outcome' && metric.perspective === 'customer';
  }

  /** The compensation plans that belong to `team`. */
  compensationPlansOf(team: string): InstrumentInfo[] {
    return this.instrumentsOfTeam(team).filter((instrument) => instrument.lever === 'compensation');
  }

  /** Whether a compensation plan pays any commission (so that its bonus weights need not add up to 1). */
  hasCommission(instrument: InstrumentInfo | string): boolean {
    return this.rewardsOfComponent(instrument, 'commission').length > 0;
  }

  /** The rewards of one kind in an instrument, such as the bonus components of a plan. */
  rewardsOfComponent(instrument: InstrumentInfo | string, component: RewardComponent): Reward[] {
    return this.rewardsOf(instrument).filter((reward) => reward.component === component);
  }

  /**
   * The share of a plan's variable pay that one of its lines carries: a bonus component its weight,
   * a commission line an equal part of what the bonus weights leave (commission takes the rest).
   * Undefined for lines of other instruments.
   */
  variableShareOf(reward: Reward): number | undefined {
    if (reward.component === 'bonus') return reward.weight ?? 0;
    if (reward.component !== 'commission') return undefined;
    const bonus = this.rewardsOfComponent(reward.instrument, 'bonus').reduce((sum, line) => sum + (line.weight ?? 0), 0);
    return Math.max(0, 1 - bonus) / this.rewardsOfComponent(reward.instrument, 'commission').length;
  }

  /** The bonus components of a plan that are shared with another team: the shared part of its variable pay. */
  sharedComponentsOf(instrument: InstrumentInfo | string): Reward[] {
    return this.rewardsOfComponent(instrument, 'bonus').filter((reward) => reward.sharedWith.length > 0);
  }

  /** Bonus components of any plan that name `team` in their `shared_with`. */
  componentsSharedWith(team: string): Reward[] {
    return [...(this.rewardsSharedWithTeamId.get(team) ?? [])];
  }

  /**
   * Whether two teams are both rewarded on something yet share nothing: no metric rewarded to both,
   * no bonus component of one shared with the other (siloed-handoff reports such a handoff;
   * individual-only leaves it to that finding).
   */
  isSiloed(team: string, partner: string): boolean {
    const mine = this.metricsRewardedFor(team);
    const theirs = this.metricsRewardedFor(partner);
    if (mine.size === 0 || theirs.size === 0 || [...mine].some((metric) => theirs.has(metric))) return false;
    const shares = (owner: string, other: string) => this.componentsSharedWith(other).some((reward) => reward.instrument.team === owner);
    return !shares(team, partner) && !shares(partner, team);
  }

  /** Declared teams joined to `team` by a handoff, either way, in declaration order. */
  handoffNeighbours(team: string): string[] {
    return [...(this.neighboursByTeamId.get(team) ?? [])];
  }

  /** The ids of the metrics any instrument rewards `team` on (its own instruments and awards naming it). */
  metricsRewardedFor(team: string): ReadonlySet<string> {
    let metrics = this.metricsRewardedForTeamId.get(team);
    if (!metrics) {
      const found = new Set<string>();
      for (const reward of this.rewardsForTeam(team)) if (reward.metric !== undefined) found.add(reward.metric);
      metrics = found;
      this.metricsRewardedForTeamId.set(team, metrics);
    }
    return metrics;
  }

  /**
   * The declared metric to suggest to `team` among those `accept` allows, for a fix: one that
   * belongs to the team, or none (the fix then says what to declare). Never a vanity or
   * deprioritized metric. Closest first: already rewarded for the team, then for a team it hands
   * off to or receives from, then rewarded nowhere and of the team's kind and perspective (see
   * fitsTeam); for an instrument of no team, any metric, unrewarded first. Ties go to a metric
   * the strategy favors, then to a quality metric, then to the lowest id (never to declaration order).
   */
  suggestMetric(team: string | undefined, accept: (metric: MetricT) => boolean): MetricT | undefined {
    const { own, near } = this.metricsAround(team);
    const fits = (metric: MetricT | undefined): metric is MetricT => metric !== undefined && this.isSuggestable(metric) && accept(metric);
    const closest = (ids: ReadonlySet<string>) => least([...ids].map((id) => this.metrics.get(id)).filter(fits), this.compareSuggestions);
    const { unrewarded, rewarded } = this.suggestionOrder();
    if (team === undefined) return unrewarded.find((metric) => accept(metric)) ?? rewarded.find((metric) => accept(metric));
    // Another team's metric is no fix (paying marketing on support's ticket times); a metric nobody
    // is rewarded on fits when it is of the team's kind and perspective.
    return closest(own) ?? closest(near) ?? unrewarded.find((metric) => this.fitsTeam(metric, team, own) && accept(metric));
  }

  /**
   * Whether a metric nobody is rewarded on suits `team`: one of the perspectives the team is measured
   * on already, or any that its kind works on (a revenue team the financial and customer ones, whose
   * results it moves; a team of another kind any); a metric of no declared perspective suits all.
   */
  private fitsTeam(metric: MetricT, team: string, own: ReadonlySet<string>): boolean {
    if (metric.perspective === undefined || this.teams.get(team)?.kind !== 'revenue') return true;
    if (REVENUE_PERSPECTIVES.has(metric.perspective)) return true;
    return [...own].some((id) => this.metrics.get(id)?.perspective === metric.perspective);
  }

  // --- End of shared incentives and balanced measurement lookups. ---

  private suggestionCache?: { unrewarded: MetricT[]; rewarded: MetricT[] };
  private readonly metricsAroundTeam = new Map<string, { own: ReadonlySet<string>; near: ReadonlySet<string> }>();

  private isSuggestable(metric: MetricT): boolean {
    return !metric.vanity && !this.isDeprioritizedMetric(metric.id);
  }

  /** Favored first, then quality, then the lowest id. */
  private readonly compareSuggestions = (a: MetricT, b: MetricT): number =>
    Number(this.isFavoredMetric(b.id)) - Number(this.isFavoredMetric(a.id)) ||
    Number(b.type === 'quality') - Number(a.type === 'quality') ||
    compareIds(a.id, b.id);

  /** Every suggestable metric in suggestion order, split by whether anything rewards it; computed once, so a suggestion stops at the first fit. */
  private suggestionOrder(): { unrewarded: MetricT[]; rewarded: MetricT[] } {
    if (!this.suggestionCache) {
      const ranked = [...this.metrics.values()].filter((metric) => this.isSuggestable(metric)).sort(this.compareSuggestions);
      this.suggestionCache = {
        unrewarded: ranked.filter((metric) => this.rewardsOfMetric(metric.id).length === 0),
        rewarded: ranked.filter((metric) => this.rewardsOfMetric(metric.id).length > 0),
      };
    }
    return this.suggestionCache;
  }

  /** The metrics `team` is rewarded on, and those its handoff neighbours are rewarded on (once per team). */
  private metricsAround(team: string | undefined): { own: ReadonlySet<string>; near: ReadonlySet<string> } {
    if (team === undefined) return { own: new Set(), near: new Set() };
    let around = this.metricsAroundTeam.get(team);
    if (!around) {
      const own = this.metricsRewardedFor(team);
      const near = new Set(this.handoffNeighbours(team).flatMap((neighbour) => [...this.metricsRewardedFor(neighbour)]).filter((id) => !own.has(id)));
      around = { own, near };
      this.metricsAroundTeam.set(team, around);
    }
    return around;
  }

  private indexDeclarations(): void {
    const { policy } = this;
    const declare = <T extends { id: string }>(kind: DeclarationKind, items: readonly T[], map?: Map<string, T>) => {
      for (const item of items) {
        this.declarations.push({ kind, id: item.id, node: item });
        if (map && !map.has(item.id)) map.set(item.id, item);
      }
    };
    declare('segment', policy.segments, this.segments);
    declare('team', policy.teams, this.teams);
    declare('metric', policy.metrics, this.metrics);
    declare('priority', policy.strategy.priorities, this.priorities);
    for (const lever of LEVER_ORDER) declare('instrument', policy[lever]);

    for (const priority of policy.strategy.priorities) {
      for (const focus of [priority.favor, priority.deprioritize]) {
        this.referList('segment', focus?.segments);
        this.referList('metric', focus?.metrics);
      }
    }
    for (const team of policy.teams) {
      this.referList('team', team.hands_off_to);
      (team.hands_off_to ?? []).forEach((to, index) => {
        const handoff = { from: team, to, node: team.hands_off_to!, index };
        this.handoffs.push(handoff);
        push(this.upstreamByTeamId, to, team);
        push(this.handoffsByFromId, team.id, handoff);
        // Neighbours in declaration order: a team is its own neighbour never, an undeclared team only upstream.
        if (team.id === to) return;
        if (this.teams.has(to)) addTo(this.neighboursByTeamId, team.id, to);
        addTo(this.neighboursByTeamId, to, team.id);
      });
    }
    for (const team of policy.teams) this.referList('team', team.leads);
    for (const priority of policy.strategy.priorities) {
      for (const preference of priority.prefer ?? []) {
        this.references.push({ kind: 'metric', id: preference.metric, node: preference, key: 'metric' });
        this.references.push({ kind: 'metric', id: preference.over, node: preference, key: 'over' });
      }
    }
    for (const metric of policy.metrics) this.referList('metric', metric.proxy_for);
    for (const waiver of policy.waivers) this.references.push({ kind: 'instrument', id: waiver.target, node: waiver, key: 'target' });
  }

  /** The metric and segment a SPIFF or credit multiplier names, which must be declared. */
  private referIds(node: { metric?: string; segment?: string }): void {
    if (node.metric !== undefined) this.references.push({ kind: 'metric', id: node.metric, node, key: 'metric' });
    if (node.segment !== undefined) this.references.push({ kind: 'segment', id: node.segment, node, key: 'segment' });
  }

  private referList(kind: ReferenceKind, list: string[] | undefined): void {
    list?.forEach((id, index) => this.references.push({ kind, id, node: list, key: index }));
  }

  private byPriority(side: 'favor' | 'deprioritize', kind: 'metrics' | 'segments'): PriorityMap {
    const map = new Map<string, PriorityT[]>();
    for (const priority of this.policy.strategy.priorities) {
      for (const id of priority[side]?.[kind] ?? []) {
        const list = map.get(id) ?? [];
        if (!list.includes(priority)) list.push(priority);
        map.set(id, list);
      }
    }
    return map;
  }

  private indexInstrument(lever: Lever, node: InstrumentT): void {
    const info: InstrumentInfo = { lever, id: node.id, node, team: node.team, effective: node.effective, rationale: node.rationale };
    this.instruments.push(info);
    if (!this.instrumentById.has(info.id)) this.instrumentById.set(info.id, info);
    if (info.team) {
      push(this.instrumentsByTeamId, info.team, info);
      this.references.push({ kind: 'team', id: info.team, node, key: 'team' });
    }
    const teams = info.team ? [info.team] : [];
    const lines: Reward[] = [];
    this.rewardsByInstrument.set(info, lines);
    const add = (component: RewardComponent, line: { metric?: string; segment?: string }, rate?: number, weight?: number, sharedWith: string[] = NONE, rewardTeams = teams) => {
      // One object shape for every reward: a large policy has hundreds of thousands of them.
      const reward: Reward = { instrument: info, component, node: line, metric: line.metric, segment: line.segment, teams: rewardTeams, sharedWith, rate, weight };
      this.rewards.push(reward);
      lines.push(reward);
      for (const team of unique(rewardTeams)) push(this.rewardsByTeamId, team, reward);
      if (reward.metric) push(this.rewardsByMetricId, reward.metric, reward);
      if (reward.segment !== undefined) push(this.rewardsBySegmentId, reward.segment, reward);
      for (const team of unique(sharedWith)) push(this.rewardsSharedWithTeamId, team, reward);
      if (line.metric !== undefined) this.references.push({ kind: 'metric', id: line.metric, node: line, key: 'metric' });
      if (line.segment !== undefined) this.references.push({ kind: 'segment', id: line.segment, node: line, key: 'segment' });
    };

    switch (lever) {
      case 'compensation': {
        const plan = node as CompensationPlanT;
        // A quota plan may omit rates: the line pays the base rate, target variable pay ÷ quota.
        for (const line of plan.commission ?? []) add('commission', line, line.rate ?? lineRate(plan, line));
        // A quota no commission line prices pays its base rate on its metric (and segment): a commission reward.
        for (const quota of plan.quotas ?? []) {
          if (!plan.commission?.some((line) => line.metric === quota.metric && line.segment === quota.segment)) add('commission', quota, this.payoutOf(plan).rateOf(quota.metric, quota.segment));
        }
        for (const extra of [...(plan.spiffs ?? []), ...(plan.credit ?? [])]) this.referIds(extra);
        for (const line of plan.bonus ?? []) {
          add('bonus', line, undefined, line.weight, line.shared_with);
          this.referList('team', line.shared_with);
        }
        break;
      }
      case 'okrs':
        for (const line of (node as OkrSetT).key_results) add('key_result', line);
        break;
      case 'promotions':
        for (const line of (node as PromotionLadderT).criteria) add('criterion', line);
        break;
      case 'recognition':
        for (const line of (node as RecognitionProgramT).awards) {
          add('award', line, undefined, undefined, undefined, line.teams ?? teams);
          this.referList('team', line.teams);
        }
        break;
    }
  }
}

const NONE: string[] = [];

/** The ids of a list once each; most lists have one id or none, and need no set. */
function unique(ids: readonly string[]): readonly string[] {
  return ids.length < 2 ? ids : [...new Set(ids)];
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
