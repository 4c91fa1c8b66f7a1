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

export interface Handoff {
  from: TeamT;
  to: string;
  /** The team's `hands_off_to` list and the index of this entry in it. */
  node: string[];
  index: number;
}

const LEVER_ORDER: readonly Lever[] = ['compensation', 'okrs', 'promotions', 'recognition'];

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

  private readonly rewardsByInstrument = new Map<string, Reward[]>();
  private readonly rewardsByTeamId = new Map<string, Reward[]>();
  private readonly rewardsByMetricId = new Map<string, Reward[]>();
  private readonly instrumentsByTeamId = new Map<string, InstrumentInfo[]>();
  private readonly upstreamByTeamId = new Map<string, TeamT[]>();

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

  /** The favored metrics of the priorities that deprioritize `metricOrSegment`: what to reward instead. */
  alternativesTo(metricOrSegment: string, kind: 'metrics' | 'segments' = 'metrics'): string[] {
    const against = (kind === 'metrics' ? this.deprioritizedMetrics : this.deprioritizedSegments).get(metricOrSegment) ?? [];
    const alternatives = new Set<string>();
    for (const priority of against) for (const id of priority.favor?.[kind] ?? []) alternatives.add(id);
    return [...alternatives];
  }

  rewardsOf(instrument: InstrumentInfo | string): readonly Reward[] {
    return this.rewardsByInstrument.get(typeof instrument === 'string' ? instrument : instrument.id) ?? [];
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

  /** Teams that hand off to `team`. */
  upstreamOf(team: string): TeamT[] {
    return [...(this.upstreamByTeamId.get(team) ?? [])];
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
        this.handoffs.push({ from: team, to, node: team.hands_off_to!, index });
        push(this.upstreamByTeamId, to, team);
      });
    }
    for (const metric of policy.metrics) this.referList('metric', metric.proxy_for);
    for (const waiver of policy.waivers) this.references.push({ kind: 'instrument', id: waiver.target, node: waiver, key: 'target' });
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
    const add = (component: RewardComponent, line: { metric?: string; segment?: string }, extra: Partial<Reward> = {}) => {
      const reward: Reward = { instrument: info, component, node: line, metric: line.metric, segment: line.segment, teams, sharedWith: [], ...extra };
      this.rewards.push(reward);
      push(this.rewardsByInstrument, info.id, reward);
      for (const team of new Set(reward.teams)) push(this.rewardsByTeamId, team, reward);
      if (reward.metric) push(this.rewardsByMetricId, reward.metric, reward);
      if (line.metric !== undefined) this.references.push({ kind: 'metric', id: line.metric, node: line, key: 'metric' });
      if (line.segment !== undefined) this.references.push({ kind: 'segment', id: line.segment, node: line, key: 'segment' });
    };

    switch (lever) {
      case 'compensation': {
        const plan = node as CompensationPlanT;
        for (const line of plan.commission ?? []) add('commission', line, { rate: line.rate });
        for (const line of plan.bonus ?? []) {
          add('bonus', line, { weight: line.weight, sharedWith: line.shared_with ?? [] });
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
          add('award', line, { teams: line.teams ?? teams });
          this.referList('team', line.teams);
        }
        break;
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
