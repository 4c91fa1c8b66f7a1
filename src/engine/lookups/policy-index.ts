/**
 * The lookups every rule needs, computed once per run: declared things by id, every instrument,
 * every line through which an instrument rewards a metric or a segment (with the node to report
 * on), references and handoffs. What the strategy favors is the strategy view (`index.strategy`).
 * Rules read this index; they never re-scan the policy.
 */
import type {
  CompensationPlanT,
  InstrumentT,
  Lever,
  ListSection,
  MetricT,
  Policy,
  PoolT,
  PriorityT,
  SegmentT,
  TeamT,
} from '../../schema.js';
import { dealEconomics } from '../../payout/deal-economics.js';
import { isShareOfBookings, lineRate, PlanPayout } from '../../payout/model.js';
import { StrategyView, type PriorityMap } from '../strategy/strategy-view.js';
import type {
  Declaration,
  DeclarationKind,
  Handoff,
  IncentiveLine,
  InstrumentInfo,
  LineOf,
  Reference,
  ReferenceKind,
  RewardComponent,
} from './lines.js';

/** The lines that pay a team or measure it (awards and promotion criteria excluded). */
const PAY_AND_MEASURE: ReadonlySet<RewardComponent> = new Set(['commission', 'bonus', 'key_result']);

const LEVER_ORDER: readonly Lever[] = ['compensation', 'okrs', 'promotions', 'recognition'];

export class PolicyIndex {
  readonly segments = new Map<string, SegmentT>();
  readonly teams = new Map<string, TeamT>();
  readonly metrics = new Map<string, MetricT>();
  readonly priorities = new Map<string, PriorityT>();
  readonly instruments: InstrumentInfo[] = [];
  readonly instrumentById = new Map<string, InstrumentInfo>();
  readonly rewards: IncentiveLine[] = [];
  readonly references: Reference[] = [];
  readonly declarations: Declaration[] = [];
  readonly handoffs: Handoff[] = [];
  /** What the strategy favors and deprioritizes, and how a line stands toward it. */
  readonly strategy: StrategyView;

  /** Keyed by the instrument itself, so that two instruments sharing an id never pool their lines. */
  private readonly rewardsByInstrument = new Map<InstrumentInfo, IncentiveLine[]>();
  private readonly rewardsByTeamId = new Map<string, IncentiveLine[]>();
  private readonly rewardsByMetricId = new Map<string, IncentiveLine[]>();
  private readonly instrumentsByTeamId = new Map<string, InstrumentInfo[]>();
  private readonly handoffsByFromId = new Map<string, Handoff[]>();
  private readonly neighboursByTeamId = new Map<string, Set<string>>();
  private readonly rewardsSharedWithTeamId = new Map<string, IncentiveLine[]>();
  private readonly rewardsBySegmentId = new Map<string, IncentiveLine[]>();
  // Answers computed on first use: rules ask the same question once per finding or per team.
  private readonly metricsRewardedForTeamId = new Map<string, ReadonlySet<string>>();
  private companyWide: readonly IncentiveLine[] | undefined;
  private levers: Lever[] | undefined;

  constructor(
    readonly policy: Policy,
    /** Each list section as written in each document (for findings about a whole section). */
    readonly sections: Readonly<Record<ListSection, readonly object[]>>,
  ) {
    this.indexDeclarations();
    for (const lever of LEVER_ORDER) {
      for (const node of policy[lever]) this.indexInstrument(lever, node);
    }
    this.strategy = new StrategyView(policy, this);
  }

  // Kept for plugins written before the strategy view: contested ids included, as in 0.1.
  /** @deprecated Use `strategy.favoredIds('metrics')` (uncontested) or `strategy.namedBy('favor', 'metrics')`. */
  get favoredMetrics(): PriorityMap {
    return this.strategy.namedBy('favor', 'metrics');
  }

  /** @deprecated Use `strategy.deprioritizedIds('metrics')` or `strategy.namedBy('deprioritize', 'metrics')`. */
  get deprioritizedMetrics(): PriorityMap {
    return this.strategy.namedBy('deprioritize', 'metrics');
  }

  /** @deprecated Use `strategy.favoredIds('segments')` or `strategy.namedBy('favor', 'segments')`. */
  get favoredSegments(): PriorityMap {
    return this.strategy.namedBy('favor', 'segments');
  }

  /** @deprecated Use `strategy.deprioritizedIds('segments')` or `strategy.namedBy('deprioritize', 'segments')`. */
  get deprioritizedSegments(): PriorityMap {
    return this.strategy.namedBy('deprioritize', 'segments');
  }

  /** @deprecated Use `strategy.isDeprioritizedMetric` (the rule context's `strategy`). */
  isDeprioritizedMetric(id: string | undefined): boolean {
    return this.strategy.isDeprioritizedMetric(id);
  }

  /** @deprecated Use `strategy.isFavoredMetric`. */
  isFavoredMetric(id: string | undefined): boolean {
    return this.strategy.isFavoredMetric(id);
  }

  /** @deprecated Use `strategy.isDeprioritizedSegment`. */
  isDeprioritizedSegment(id: string | undefined): boolean {
    return this.strategy.isDeprioritizedSegment(id);
  }

  /** @deprecated Use `strategy.isFavoredSegment`. */
  isFavoredSegment(id: string | undefined): boolean {
    return this.strategy.isFavoredSegment(id);
  }

  /** The levers (compensation, okrs, promotions, recognition) the policy has at least one instrument of. */
  leversInUse(): Lever[] {
    if (!this.levers) {
      const present = new Set(this.instruments.map((instrument) => instrument.lever));
      this.levers = LEVER_ORDER.filter((lever) => present.has(lever));
    }
    return [...this.levers];
  }

  /** Lines of instruments that apply to every team: no `team`, and (for awards) no `teams`. */
  companyWideRewards(): readonly IncentiveLine[] {
    return (this.companyWide ??= this.rewards.filter((reward) => reward.teams.length === 0));
  }

  /** The lines of one instrument (given by id: the first instrument declared with it). */
  rewardsOf(instrument: InstrumentInfo | string): readonly IncentiveLine[] {
    const info = typeof instrument === 'string' ? this.instrumentById.get(instrument) : instrument;
    return (info && this.rewardsByInstrument.get(info)) ?? [];
  }

  /** Lines that name `team`, through the instrument's team or an award's `teams`. */
  rewardsForTeam(team: string): readonly IncentiveLine[] {
    return this.rewardsByTeamId.get(team) ?? [];
  }

  rewardsOfMetric(metric: string): readonly IncentiveLine[] {
    return this.rewardsByMetricId.get(metric) ?? [];
  }

  rewardsOfSegment(segment: string): readonly IncentiveLine[] {
    return this.rewardsBySegmentId.get(segment) ?? [];
  }

  instrumentsOfTeam(team: string): readonly InstrumentInfo[] {
    return this.instrumentsByTeamId.get(team) ?? [];
  }

  /**
   * What `team` is paid or measured on: commission lines, bonus components and key results of the
   * instruments that belong to it (awards and promotion criteria are left out).
   */
  paidOrMeasured(team: string): readonly IncentiveLine[] {
    return this.instrumentsOfTeam(team).flatMap((instrument) =>
      this.rewardsOf(instrument).filter((reward) => PAY_AND_MEASURE.has(reward.component)),
    );
  }

  /** The handoffs `team` makes (its `hands_off_to` entries), in declaration order. */
  handoffsFrom(team: string): readonly Handoff[] {
    return this.handoffsByFromId.get(team) ?? [];
  }

  /** The compensation plans that belong to `team`. */
  compensationPlansOf(team: string): Extract<InstrumentInfo, { lever: 'compensation' }>[] {
    return this.instrumentsOfTeam(team).filter((instrument) => instrument.lever === 'compensation');
  }

  /** Whether a compensation plan pays any commission (so that its bonus weights need not add up to 1). */
  hasCommission(instrument: InstrumentInfo | string): boolean {
    return this.rewardsOfComponent(instrument, 'commission').length > 0;
  }

  /** The lines of one component in an instrument, such as the bonus components of a plan. */
  rewardsOfComponent<Component extends RewardComponent>(instrument: InstrumentInfo | string, component: Component): LineOf<Component>[] {
    return this.rewardsOf(instrument).filter((reward): reward is LineOf<Component> => reward.component === component);
  }

  /** The bonus components of a plan that are shared with another team: the shared part of its variable pay. */
  sharedComponentsOf(instrument: InstrumentInfo | string): LineOf<'bonus'>[] {
    return this.rewardsOfComponent(instrument, 'bonus').filter((reward) => reward.sharedWith.length > 0);
  }

  /** Bonus components of any plan that name `team` in their `shared_with`. */
  componentsSharedWith(team: string): IncentiveLine[] {
    return [...(this.rewardsSharedWithTeamId.get(team) ?? [])];
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
    for (const metric of policy.metrics) {
      this.referList('metric', metric.proxy_for);
      this.referList('team', metric.reported_by);
      if (metric.accepted_by !== undefined)
        this.references.push({ kind: 'team', id: metric.accepted_by, node: metric, key: 'accepted_by' });
      if (metric.quality_measured_by !== undefined)
        this.references.push({ kind: 'metric', id: metric.quality_measured_by, node: metric, key: 'quality_measured_by' });
    }
    for (const waiver of policy.waivers) this.references.push({ kind: 'instrument', id: waiver.target, node: waiver, key: 'target' });
    for (const entry of policy.roster ?? []) {
      if (entry.team !== undefined) this.references.push({ kind: 'team', id: entry.team, node: entry, key: 'team' });
      if (entry.plan !== undefined) this.references.push({ kind: 'instrument', id: entry.plan, node: entry, key: 'plan' });
    }
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

  private readonly proxyTargetsCache = new Map<string, readonly string[]>();
  private proxiedByRewards: ReadonlySet<string> | undefined;
  private extras: { metrics: ReadonlySet<string>; segments: ReadonlySet<string> } | undefined;

  /** Every metric some rewarded metric is declared a proxy for (through chains): rewarded through its proxy. */
  proxiesRewarded(): ReadonlySet<string> {
    if (!this.proxiedByRewards) {
      const found = new Set<string>();
      for (const metric of this.rewardsByMetricId.keys()) for (const target of this.proxyTargetsOf(metric)) found.add(target);
      this.proxiedByRewards = found;
    }
    return this.proxiedByRewards;
  }

  /**
   * Whether a plan's commission depends on the customer staying: a deferral, or a clawback that names
   * churn or no trigger at all (it takes commission back whatever the cause). Earned on collection does
   * not: a customer who pays the first invoice can still leave.
   */
  dependsOnStaying(plan: CompensationPlanT): boolean {
    const { clawback } = plan;
    return (
      plan.deferral !== undefined || (clawback !== undefined && (clawback.triggers === undefined || clawback.triggers.includes('churn')))
    );
  }

  /** A metric about keeping customers: it declares that it nets churn (`nets_churn`). Never read from its id or name: `nrr` and `net-retention` are the same metric. */
  isRetentionMetric(id: string | undefined): boolean {
    return id !== undefined && this.metrics.get(id)?.nets_churn === true;
  }

  /** Whether a metric is cash collected (`measures_collection`): commission earned on collection rewards it. Never read from its id or name. */
  isCollectionMetric(id: string): boolean {
    return this.metrics.get(id)?.measures_collection === true;
  }

  /**
   * The metrics and segments that plans pay extra for: SPIFFs and kickers, quota-credit multipliers above 1,
   * a pool's funding metric and its rating's metrics and segments (and what they are declared to stand for),
   * cash collected where commission is earned on collection, and keeping customers where commission
   * depends on it (a deferral, a clawback on churn).
   */
  payoutExtras(): { metrics: ReadonlySet<string>; segments: ReadonlySet<string> } {
    if (!this.extras) {
      const metrics = new Set<string>();
      const segments = new Set<string>();
      let paysOnCollection = false;
      let paysOnStaying = false;
      for (const plan of this.policy.compensation) {
        const paysCommission = Boolean(plan.commission?.length || plan.quotas?.length);
        // Commission earned only once the customer pays rewards collecting the cash: a priority on it is served.
        paysOnCollection ||= paysCommission && plan.earned_on === 'collection';
        // Commission that depends on the customer staying (a deferral, or a clawback on churn) rewards keeping customers.
        paysOnStaying ||= paysCommission && this.dependsOnStaying(plan);
        const extras = [...(plan.spiffs ?? []), ...(plan.credit ?? []).filter((credit) => credit.multiplier > 1)];
        for (const extra of extras) {
          if (extra.metric !== undefined) metrics.add(extra.metric);
          if (extra.segment !== undefined) segments.add(extra.segment);
        }
        // A pool pays on the metric that funds it, and on each component of the rating that splits it (pool x rating).
        if (plan.pool) {
          for (const metric of [plan.pool.funded_by, ...plan.pool.rating.map((component) => component.metric)]) {
            metrics.add(metric);
            for (const target of this.proxyTargetsOf(metric)) metrics.add(target);
          }
          for (const component of plan.pool.rating)
            for (const segment of [component.segment, ...(component.segments ?? [])]) if (segment !== undefined) segments.add(segment);
        }
      }
      // Each metric is named once, whatever the number of plans: 10k plans must not scan the metrics 10k times.
      for (const metric of this.policy.metrics) {
        if ((paysOnCollection && this.isCollectionMetric(metric.id)) || (paysOnStaying && this.isRetentionMetric(metric.id)))
          metrics.add(metric.id);
      }
      this.extras = { metrics, segments };
    }
    return this.extras;
  }

  /**
   * The share of a plan's variable pay that one of its lines carries: a bonus component its weight,
   * a commission line an equal part of what the bonus weights leave (commission takes the rest).
   * Undefined for lines of other instruments.
   */
  variableShareOf(line: IncentiveLine): number | undefined {
    if (line.component === 'bonus') return line.weight ?? 0;
    if (line.component !== 'commission') return undefined;
    const bonus = this.rewardsOfComponent(line.instrument, 'bonus').reduce((sum, other) => sum + (other.weight ?? 0), 0);
    return Math.max(0, 1 - bonus) / this.rewardsOfComponent(line.instrument, 'commission').length;
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
    const shares = (owner: string, other: string) => this.componentsSharedWith(other).some((line) => line.instrument.team === owner);
    return !shares(team, partner) && !shares(partner, team);
  }

  /** What a compensation plan pays for a year's bookings (quota, curve, credit, SPIFFs), built once per plan. */
  payoutOf(plan: CompensationPlanT): PlanPayout {
    let payout = this.payouts.get(plan);
    if (!payout) {
      payout = new PlanPayout(plan, (segment) => dealEconomics(this, segment)?.avgDealSize);
      this.payouts.set(plan, payout);
    }
    return payout;
  }

  private readonly payouts = new Map<CompensationPlanT, PlanPayout>();

  /** The metric and segment a SPIFF or credit multiplier names, which must be declared. */
  private referIds(node: { metric?: string; segment?: string }): void {
    if (node.metric !== undefined) this.references.push({ kind: 'metric', id: node.metric, node, key: 'metric' });
    if (node.segment !== undefined) this.references.push({ kind: 'segment', id: node.segment, node, key: 'segment' });
  }

  /** A pool's funding metric and its rating's metrics and segments, which must be declared (the rating is no line of its own yet). */
  private referPool(pool: PoolT): void {
    this.references.push({ kind: 'metric', id: pool.funded_by, node: pool, key: 'funded_by' });
    for (const component of pool.rating) {
      this.referIds(component);
      this.referList('segment', component.segments);
    }
  }

  private referList(kind: ReferenceKind, list: string[] | undefined): void {
    list?.forEach((id, index) => {
      this.references.push({ kind, id, node: list, key: index });
    });
  }

  private indexInstrument(lever: Lever, node: InstrumentT): void {
    const info = { lever, id: node.id, node, team: node.team, effective: node.effective, rationale: node.rationale } as InstrumentInfo;
    this.instruments.push(info);
    if (!this.instrumentById.has(info.id)) this.instrumentById.set(info.id, info);
    if (info.team) {
      push(this.instrumentsByTeamId, info.team, info);
      this.references.push({ kind: 'team', id: info.team, node, key: 'team' });
    }
    const teams = info.team ? [info.team] : [];
    const lines: IncentiveLine[] = [];
    this.rewardsByInstrument.set(info, lines);
    const add = (reward: IncentiveLine) => {
      this.rewards.push(reward);
      lines.push(reward);
      for (const team of unique(reward.teams)) push(this.rewardsByTeamId, team, reward);
      if (reward.metric) push(this.rewardsByMetricId, reward.metric, reward);
      if (reward.segment !== undefined) push(this.rewardsBySegmentId, reward.segment, reward);
      for (const team of unique(reward.sharedWith)) push(this.rewardsSharedWithTeamId, team, reward);
      if (reward.metric !== undefined) this.references.push({ kind: 'metric', id: reward.metric, node: reward.node, key: 'metric' });
      if (reward.segment !== undefined) this.references.push({ kind: 'segment', id: reward.segment, node: reward.node, key: 'segment' });
      if ('segments' in reward.node) this.referList('segment', reward.node.segments);
    };
    // Every line is built with the same keys in the same order: a large policy has hundreds of
    // thousands of them, and one object shape keeps property access fast.
    switch (info.lever) {
      case 'compensation':
        // A quota plan may omit rates: the line pays the base rate, target variable pay ÷ quota.
        for (const line of info.node.commission ?? []) {
          add({
            instrument: info,
            component: 'commission',
            node: line,
            metric: line.metric,
            segment: line.segment,
            teams,
            sharedWith: NONE,
            rate: line.rate ?? asShare(lineRate(info.node, line)),
            weight: undefined,
          });
        }
        // A quota that no commission line prices pays its base rate on its metric (and segment).
        for (const quota of info.node.quotas ?? []) {
          if (info.node.commission?.some((line) => line.metric === quota.metric && line.segment === quota.segment)) continue;
          const rate = asShare(this.payoutOf(info.node).rateOf(quota.metric, quota.segment));
          add({
            instrument: info,
            component: 'commission',
            node: quota,
            metric: quota.metric,
            segment: quota.segment,
            teams,
            sharedWith: NONE,
            rate,
            weight: undefined,
          });
        }
        for (const extra of [...(info.node.spiffs ?? []), ...(info.node.credit ?? [])]) this.referIds(extra);
        for (const quota of info.node.quotas ?? []) this.referList('segment', quota.excludes);
        if (info.node.pool) this.referPool(info.node.pool);
        for (const line of info.node.bonus ?? []) {
          add({
            instrument: info,
            component: 'bonus',
            node: line,
            metric: line.metric,
            segment: line.segment,
            teams,
            sharedWith: line.shared_with ?? NONE,
            rate: undefined,
            weight: line.weight,
          });
          this.referList('team', line.shared_with);
        }
        break;
      case 'okrs':
        for (const line of info.node.key_results) {
          add({
            instrument: info,
            component: 'key_result',
            node: line,
            metric: line.metric,
            segment: line.segment,
            teams,
            sharedWith: NONE,
            rate: undefined,
            weight: undefined,
          });
        }
        break;
      case 'promotions':
        for (const line of info.node.criteria) {
          add({
            instrument: info,
            component: 'criterion',
            node: line,
            metric: line.metric,
            segment: line.segment,
            teams,
            sharedWith: NONE,
            rate: undefined,
            weight: undefined,
          });
        }
        break;
      case 'recognition':
        for (const line of info.node.awards) {
          add({
            instrument: info,
            component: 'award',
            node: line,
            metric: line.metric,
            segment: line.segment,
            teams: line.teams ?? teams,
            sharedWith: NONE,
            rate: undefined,
            weight: undefined,
          });
          this.referList('team', line.teams);
        }
        break;
    }
  }
}

const NONE: string[] = [];

/** The rate as a share of bookings, undefined when it is money per thing counted (see isShareOfBookings). */
function asShare(rate: number | undefined): number | undefined {
  return rate !== undefined && isShareOfBookings(rate) ? rate : undefined;
}

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
