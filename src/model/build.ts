/**
 * The model of what each team is rewarded for, computed once per policy from the merged documents
 * (through the index's lookups): every (metric, segment) each team is rewarded on, through which
 * lever, how strongly, when, how the number is made, what guards it, and which priorities it serves
 * or undermines. Rules, the gate, the matrix, the report and simulate read this one model.
 */
import type { IncentiveLine, InstrumentInfo } from '../engine/lookups/lines.js';
import type { PolicyIndex } from '../engine/lookups/policy-index.js';
import { formatShare } from '../engine/format.js';
import { quotaWeight } from '../payout/model.js';
import {
  DEFAULT_LEVELS,
  paysPerDeal,
  simulatePlan,
  type LevelWinner,
  type PlanSimulation,
  type SimulationOptions,
} from '../payout/rational-choice.js';
import { endedBy } from './as-of.js';
import type { CompensationPlanT, MetricT, PriorityT, QuotaT } from '../schema.js';
import {
  countsOnlyGood,
  deadlineOf,
  isDeliverable,
  stakesOf,
  excludedSegmentsOf,
  perUnitOf,
  poolOf,
  qualityLinkOf,
  rankingOf,
  segmentsOf,
  untilOf,
  windowOf,
  isSampled,
} from './declared.js';
import type { Guard, HowMade, NumberKind, RewardEntry, RewardLever, Strength, TeamProfile } from './entry.js';
import { targetKind } from './targets.js';
import { EPSILON } from '../epsilon.js';

const KIND_OF_TYPE: Readonly<Record<string, NumberKind>> = {
  activity: 'count',
  output: 'count',
  outcome: 'outcome',
  quality: 'quality',
  speed: 'speed',
  behavior: 'behavior',
};

/** Clawback triggers that take back pay earned by gaming a count. */
const GAMING_TRIGGERS: ReadonlySet<string> = new Set(['misconduct', 'refund']);

export interface ModelOptions {
  /** The current date: the date judged at when the strategy has no announcement date. */
  today?: string;
}

/** How the model prices a plan to find its rational choice: rational-choice's defaults, at the model's date. */
const RATIONAL_CHOICE = { levels: DEFAULT_LEVELS, daysPerMonth: 30 } as const;

export class RewardModel {
  readonly entries: RewardEntry[] = [];
  /**
   * The date the strategy is judged at (see as-of.ts): its announcement (the gate's --announce
   * overrides it), else today when the model was given one.
   */
  readonly asOf: string | undefined;
  private readonly byLine = new Map<IncentiveLine, RewardEntry[]>();
  private readonly byNode = new Map<object, RewardEntry[]>();
  private readonly byTeam = new Map<string, RewardEntry[]>();
  private readonly companyWide: RewardEntry[] = [];
  /** By plan, then by options: a plan is priced once per set of options. */
  private readonly simulations = new Map<CompensationPlanT, Map<string, PlanSimulation>>();
  private readonly payExtrasByTeam = new Map<string, readonly PayExtra[]>();

  constructor(
    readonly index: PolicyIndex,
    options: ModelOptions = {},
  ) {
    this.asOf = index.policy.strategy.announced ?? options.today;
    // Instrument by instrument, each line with its place: the same order as index.rewards, and no
    // search for a place (10k plans made that a scan of every instrument per line).
    index.instruments.forEach((instrument, position) => {
      index.rewardsOf(instrument).forEach((line, linePosition) => {
        this.addLine(line, `${instrument.lever}/${position}/${linePosition}`);
      });
    });
    for (const instrument of index.instruments)
      if (instrument.lever === 'compensation' && paysPerDeal(instrument.node)) this.markRationalChoice(instrument);
  }

  /**
   * The simulation rational-choice reports and `simulate` prints, at the model's date: the plan as
   * priced at rational-choice's default levels. Its verdict is the one every view shows.
   */
  rationalChoiceOf(plan: CompensationPlanT, options: Pick<SimulationOptions, 'levels' | 'daysPerMonth'> = {}): PlanSimulation {
    return this.simulationOf(plan, {
      levels: options.levels ?? RATIONAL_CHOICE.levels,
      daysPerMonth: options.daysPerMonth ?? RATIONAL_CHOICE.daysPerMonth,
      date: this.asOf,
      curveStep: 0,
    });
  }

  /** Whether an entry has ended (its `until`) before the date the model judges at: history, it rewards nothing now. */
  ended(entry: RewardEntry): boolean {
    return endedBy(entry.when.until, this.asOf);
  }

  /**
   * What a team's plans (its own, and everyone's) pay on top of their lines, not ended at the model's
   * date: standing SPIFFs and kickers (no end date), and quota credit above 1. They pay for a metric or segment as surely as
   * a line does, so they serve or undermine priorities as the lines do (the matrix shows them).
   */
  payExtrasOf(team: string): readonly PayExtra[] {
    let extras = this.payExtrasByTeam.get(team);
    if (!extras) {
      extras = this.index.instruments.flatMap((instrument) =>
        instrument.lever === 'compensation' &&
        (instrument.team === undefined || instrument.team === team) &&
        !endedBy(untilOf(instrument.node), this.asOf)
          ? this.extrasOfPlan(instrument)
          : [],
      );
      this.payExtrasByTeam.set(team, extras);
    }
    return extras;
  }

  private extrasOfPlan(instrument: Extract<InstrumentInfo, { lever: 'compensation' }>): PayExtra[] {
    const { strategy } = this.index;
    const extra = (label: string, on: { metric?: string; segment?: string }, node: object): PayExtra => ({
      instrument: instrument.id,
      description: `${instrument.id}: ${label} on ${[on.metric, on.segment].filter(Boolean).join(' / ')}`,
      serves: [
        ...new Set(
          [
            ...(on.metric === undefined ? [] : strategy.prioritiesFavoring('metrics', on.metric)),
            ...(on.segment === undefined ? [] : strategy.prioritiesFavoring('segments', on.segment)),
          ].map((priority) => priority.id),
        ),
      ],
      undermines: strategy.prioritiesAgainst(on),
      node,
    });
    const plan = instrument.node;
    return [
      // A SPIFF with an end date is a campaign, judged for its timing (spiff-timing); a standing one is part of the plan.
      ...(plan.spiffs ?? [])
        .filter((spiff) => spiff.end === undefined)
        .map((spiff) => extra(`${spiff.kind === 'kicker' ? 'kicker' : 'SPIFF'}${spiff.id ? ` ${spiff.id}` : ''}`, spiff, spiff)),
      ...(plan.credit ?? []).filter((credit) => credit.multiplier > 1).map((credit) => extra('quota credit', credit, credit)),
    ];
  }

  /** The entries of a team's profile in force at the model's date or later (not ended). */
  currentProfileOf(team: string): TeamProfile {
    const profile = this.profileOf(team);
    return { team, entries: profile.entries.filter((entry) => !this.ended(entry)) };
  }

  /** Every team's profile, in declaration order. */
  profiles(): TeamProfile[] {
    return [...this.index.teams.keys()].map((team) => this.profileOf(team));
  }

  /** What `team` is rewarded on: its own instruments, awards naming it, and company-wide instruments. */
  profileOf(team: string): TeamProfile {
    return { team, entries: [...(this.byTeam.get(team) ?? []), ...this.companyWide] };
  }

  /** The entries one line of the index stands for (one per segment it names). */
  entriesOf(line: IncentiveLine): readonly RewardEntry[] {
    return this.byLine.get(line) ?? [];
  }

  /** The entries whose YAML line is `node`. */
  entriesAt(node: object): readonly RewardEntry[] {
    return this.byNode.get(node) ?? [];
  }

  /** The entries of one instrument. */
  entriesOfInstrument(instrument: InstrumentInfo): RewardEntry[] {
    return this.index.rewardsOf(instrument).flatMap((line) => this.entriesOf(line));
  }

  /** Whether an entry is in force on `date` (effective on or before it, until on or after it). */
  inForce(entry: RewardEntry, date: string | undefined): boolean {
    if (date === undefined) return true;
    return (
      (entry.when.effective === undefined || entry.when.effective <= date) && (entry.when.until === undefined || date <= entry.when.until)
    );
  }

  /** The date a priority is judged at: its own deadline (`by`), else the announcement. */
  dueDateOf(priority: PriorityT): string | undefined {
    return deadlineOf(priority) ?? this.asOf;
  }

  /** The metrics a plan pays on through its pool (pool x rating): the metric that funds it, then each rating component's. */
  pooledMetrics(instrument: InstrumentInfo): string[] {
    const pool = instrument.lever === 'compensation' ? poolOf(instrument.node) : undefined;
    return pool ? [pool.fundedBy, ...pool.rating.map((component) => component.metric)] : [];
  }

  /**
   * The metrics that fund a pool (`pool.funded_by`) of a compensation plan of `team`, or of any
   * plan when `team` is undefined: a pool funded by an outcome rewards it for the team as surely as
   * a line does. Computed once per team: rules ask it for every line.
   */
  poolFundingOf(team: string | undefined): ReadonlySet<string> {
    const key = team ?? ANY_TEAM;
    let funding = this.poolFunding.get(key);
    if (!funding) {
      const found = new Set<string>();
      for (const instrument of team === undefined ? this.index.instruments : this.index.instrumentsOfTeam(team))
        if (instrument.lever === 'compensation' && instrument.node.pool) found.add(instrument.node.pool.funded_by);
      funding = found;
      this.poolFunding.set(key, funding);
    }
    return funding;
  }

  private readonly poolFunding = new Map<string | typeof ANY_TEAM, ReadonlySet<string>>();

  /**
   * Whether a shared bonus component reaches every declared team: its plan belongs to no team (it applies
   * to the whole company), or the plan's team and the teams it is shared with are all of them. A
   * gainshare or profit share split the same way across a plant or company (Scanlon, open-book plans).
   */
  reachesEveryTeam(line: IncentiveLine): boolean {
    const team = line.instrument.team;
    if (team === undefined) return true;
    const reached = new Set([team, ...line.sharedWith]);
    // Fewer teams reached than declared cannot be all of them (and needs no walk of every team).
    if (reached.size < this.index.teams.size) return false;
    return [...this.index.teams.keys()].every((id) => reached.has(id));
  }

  /**
   * A quota or commission plan priced through the payout model: what a seller earns per month of
   * effort on each choice, and whether the best-paid one is the strategy's. Computed once per plan
   * and options, so that rational-choice, simulate and the report agree.
   */
  simulationOf(plan: CompensationPlanT, options: SimulationOptions = {}): PlanSimulation {
    const key = JSON.stringify(options);
    let byOptions = this.simulations.get(plan);
    if (!byOptions) {
      byOptions = new Map();
      this.simulations.set(plan, byOptions);
    }
    let simulation = byOptions.get(key);
    if (!simulation) {
      simulation = simulatePlan(this.index, plan, options);
      byOptions.set(key, simulation);
    }
    return simulation;
  }

  /**
   * A plan whose best-paid choice per month of effort is deprioritized works against the priority
   * that deprioritizes it, whatever its lines say one by one: the lines that pay that choice (its
   * own segment's line, or the segment-blind line or quota that pays every segment) undermine it.
   */
  private markRationalChoice(instrument: Extract<InstrumentInfo, { lever: 'compensation' }>): void {
    const plan = instrument.node;
    const simulation = this.rationalChoiceOf(plan);
    if (simulation.verdict !== 'misaligned') return;
    const entries = this.entriesOfInstrument(instrument).filter((entry) => entry.line.component === 'commission');
    for (const winner of simulation.winners) {
      if (winner.status !== 'deprioritized') continue;
      const against = this.index.policy.strategy.priorities.filter((priority) => deprioritizes(priority, winner));
      const paying = entries.filter((entry) => entry.metric === winner.metric && entry.segment === winner.segment);
      const lines =
        paying.length > 0
          ? paying
          : entries.filter(
              (entry) => entry.metric === winner.metric && entry.segment === undefined && !entry.excludedSegments.includes(winner.segment),
            );
      for (const entry of lines) {
        for (const priority of against) if (!entry.undermines.includes(priority.id)) (entry.undermines as string[]).push(priority.id);
        const paysMost = (entry.paysMostFor ??= []) as string[];
        if (!paysMost.includes(winner.segment)) paysMost.push(winner.segment);
      }
    }
  }

  /** `key`: the line's place, lever/instrument/line (RewardEntry.key without the segment). */
  private addLine(line: IncentiveLine, key: string): void {
    const { index } = this;
    const instrument = line.instrument;
    const metric = line.metric === undefined ? undefined : index.metrics.get(line.metric);
    const segments = segmentsOf(line.node as { segment?: string });
    const lever = leverOf(line);
    const strength = this.strengthOf(line, lever);
    const made = this.howMade(line, metric);
    const guards = this.guardsOf(line, metric);
    const excluded = line.component === 'commission' && 'amount' in line.node ? excludedSegmentsOf(line.node as QuotaT) : [];
    const made_entries: RewardEntry[] = [];
    for (const segment of segments.length > 0 ? segments : [undefined]) {
      const asLine = segment === line.segment ? line : ({ ...line, segment } as IncentiveLine);
      const priorities = index.policy.strategy.priorities;
      const serves: string[] = [];
      const undermines: string[] = [];
      const blindTo: string[] = [];
      const alike: string[] = [];
      for (const priority of priorities) {
        const stance = index.strategy.stanceOf(asLine, priority);
        if (stance.reinforces) serves.push(priority.id);
        if (stance.undermines && !this.outpaidInItsPlan(asLine, priority)) undermines.push(priority.id);
        else if (!stance.undermines && segment === undefined) {
          const paid = this.paysAlike(line, priority, excluded);
          if (paid.length > 0) {
            undermines.push(priority.id);
            for (const id of paid) if (!alike.includes(id)) alike.push(id);
          }
        }
        if (
          !stance.reinforces &&
          !stance.undermines &&
          (priority.deprioritize?.segments ?? []).length > 0 &&
          index.strategy.isSegmentBlind(asLine)
        )
          blindTo.push(priority.id);
      }
      const entry: RewardEntry = {
        key: segment === undefined ? key : `${key}/${segment}`,
        teams: line.teams,
        metric: line.metric,
        segment,
        excludedSegments: excluded,
        lever,
        instrument: instrument.id,
        line: asLine,
        strength,
        when: { effective: instrument.effective, until: untilOf(instrument.node) },
        made,
        guards,
        serves: exact(serves),
        undermines: exact(undermines),
        blindTo: exact(blindTo),
        ...(alike.length > 0 && { paysAlike: exact(alike) }),
        nodes: [line.node, instrument.node],
      };
      made_entries.push(entry);
      this.entries.push(entry);
      if (line.teams.length === 0) this.companyWide.push(entry);
      for (const team of new Set(line.teams)) push(this.byTeam, team, entry);
    }
    this.byLine.set(line, exact(made_entries));
    const atNode = this.byNode.get(line.node);
    if (atNode) atNode.push(...made_entries);
    else this.byNode.set(line.node, exact(made_entries));
  }

  private strengthOf(line: IncentiveLine, lever: RewardLever): Strength {
    const instrument = line.instrument;
    const siblings = this.index.rewardsOf(instrument).filter((other) => other.component === line.component).length || 1;
    if (instrument.lever === 'compensation') {
      const plan = instrument.node;
      const variableShare = plan.variable_share;
      const share =
        line.component === 'commission' && lever === 'quota' && 'amount' in line.node
          ? quotaWeight(plan, line.node as QuotaT)
          : (this.index.variableShareOf(line) ?? 0);
      const basis =
        line.component === 'bonus'
          ? `bonus weight ${formatShare(share)} of variable pay`
          : lever === 'quota'
            ? `quota weight ${formatShare(share)} of target variable pay`
            : `commission: ${formatShare(share)} of variable pay (what the bonus weights leave, split among ${siblings} commission line${siblings === 1 ? '' : 's'})`;
      return variableShare === undefined
        ? { share, basis, stakes: 'pay' }
        : { share, ofOnTargetPay: share * variableShare, basis: `${basis} × variable_share ${formatShare(variableShare)}`, stakes: 'pay' };
    }
    const what = { okrs: 'key results of its OKR set', promotions: 'criteria of its ladder', recognition: 'awards of its program' }[
      instrument.lever
    ];
    const stakes = instrument.lever === 'okrs' ? stakesOf(instrument.node) : instrument.lever === 'promotions' ? 'review' : 'none';
    const decides =
      instrument.lever === 'okrs' && stakes !== 'pay'
        ? stakes === 'none'
          ? '; not used for pay or evaluation (stakes: none)'
          : '; decides reviews, not pay (stakes: review)'
        : '';
    return { share: 1 / siblings, basis: `one of ${siblings} ${what}${decides}`, stakes };
  }

  private howMade(line: IncentiveLine, metric: MetricT | undefined): HowMade {
    const team = line.instrument.team;
    const pool = line.instrument.lever === 'compensation' ? poolOf(line.instrument.node) : undefined;
    const window = windowOf(line.node, metric);
    return {
      kind: metric?.type === undefined ? 'undeclared' : (KIND_OF_TYPE[metric.type] ?? 'undeclared'),
      vanity: metric?.vanity === true,
      target: isDeliverable(metric) ? 'deliverable' : line.component === 'key_result' ? targetKind(line.node.target) : 'level',
      selfReported:
        metric !== undefined &&
        (metric.reported_by ?? []).some((reporter) => (team !== undefined ? reporter === team : line.teams.includes(reporter))),
      rankedAmongPeers: rankingOf(line.node),
      perItem: perUnitOf(line.node),
      ratingMultiplied: pool?.rating.some((component) => component.metric === line.metric) ? { fundedBy: pool.fundedBy } : undefined,
      window: isSampled(window) ? window : undefined,
      netsChurn: metric?.nets_churn === true,
      deliverable: isDeliverable(metric) || (line.component === 'key_result' && targetKind(line.node.target) === 'deliverable'),
    };
  }

  /** What guards the number on this line, as declared or as it stands beside it in the same instrument. */
  private guardsOf(line: IncentiveLine, metric: MetricT | undefined): Guard[] {
    const { index } = this;
    const instrument = line.instrument;
    const guards: Guard[] = [];
    if (!metric) return guards;
    if (countsOnlyGood(metric)) guards.push({ kind: 'counts-only-good', metric: metric.id, sameUnits: true, node: metric });
    const link = qualityLinkOf(metric);
    const siblings = index.rewardsOf(instrument);
    // A quality number the guarded team records itself judges its own work: the evaluator benefits from it, so it guards nothing.
    const judgedByItself = (id: string) =>
      instrument.team !== undefined && (index.metrics.get(id)?.reported_by ?? []).includes(instrument.team);
    for (const other of siblings) {
      if (other === line || other.metric === undefined || judgedByItself(other.metric)) continue;
      const isQuality = index.metrics.get(other.metric)?.type === 'quality';
      const isGuardrail = other.component === 'key_result' && other.node.guardrail === true;
      if (link !== undefined && other.metric === link)
        guards.push({ kind: 'linked-quality', metric: link, share: index.variableShareOf(other), sameUnits: true, node: other.node });
      else if (isGuardrail) guards.push({ kind: 'guardrail', metric: other.metric, sameUnits: link === undefined, node: other.node });
      else if (isQuality)
        guards.push({
          kind: 'quality-beside',
          metric: other.metric,
          share: index.variableShareOf(other),
          sameUnits: false,
          node: other.node,
        });
    }
    // The linked quality metric rewarded for the same team in another of its instruments guards the count too.
    if (link !== undefined && !guards.some((guard) => guard.kind === 'linked-quality') && instrument.team !== undefined) {
      const elsewhere = judgedByItself(link)
        ? undefined
        : index.rewardsForTeam(instrument.team).find((other) => other.metric === link && other.instrument !== instrument);
      if (elsewhere)
        guards.push({
          kind: 'linked-quality',
          metric: link,
          share: index.variableShareOf(elsewhere),
          sameUnits: true,
          node: elsewhere.node,
        });
    }
    const acceptor = metric.accepted_by;
    if (acceptor !== undefined && acceptor !== instrument.team && keepsAnIndependentGate(index, acceptor)) {
      guards.push({ kind: 'accepted', team: acceptor, sameUnits: true, node: metric });
    }
    if (instrument.lever === 'compensation') {
      const clawback = instrument.node.clawback;
      if (clawback !== undefined && (!clawback.triggers?.length || clawback.triggers.some((trigger) => GAMING_TRIGGERS.has(trigger)))) {
        guards.push({ kind: 'clawback', sameUnits: true, node: clawback });
      }
    }
    return exact(guards);
  }

  /**
   * A commission line (or quota) that names no segment pays every segment without a line of its
   * own: the deprioritized segments of `priority` it pays at least as much per dollar (rate × quota
   * credit) as every favored segment, where the plan has no line of their own and does not exclude
   * them. "The same commission for SMB deals as enterprise deals": it undermines the priority, as an
   * equal rate on the deprioritized segment's own line does.
   */
  private paysAlike(line: IncentiveLine, priority: PriorityT, excluded: readonly string[]): string[] {
    const favored = priority.favor?.segments ?? [];
    const deprioritized = priority.deprioritize?.segments ?? [];
    if (line.component !== 'commission' || line.instrument.lever !== 'compensation' || favored.length === 0 || deprioritized.length === 0)
      return [];
    if ('accounts' in line.node && line.node.accounts !== undefined) return [];
    const payout = this.index.payoutOf(line.instrument.node);
    const lines = this.index.rewardsOf(line.instrument).filter((other) => other.component === 'commission' && other.metric === line.metric);
    const own = (segment: string) => lines.filter((other) => segmentsOf(other.node as { segment?: string }).includes(segment));
    const earns = (paying: IncentiveLine, segment: string) => (paying.rate ?? 1) * payout.creditOf(line.metric!, segment);
    const favoredBest = favored.map((segment) =>
      Math.max(...(own(segment).length > 0 ? own(segment) : [line]).map((paying) => earns(paying, segment))),
    );
    return deprioritized.filter(
      (segment) =>
        own(segment).length === 0 && !excluded.includes(segment) && favoredBest.every((best) => best <= earns(line, segment) + EPSILON),
    );
  }

  /**
   * Commission on a deprioritized segment that the same plan outpays for a favored segment on the
   * same metric: the plan makes the trade-off, so the line does not pull against the priority.
   */
  private outpaidInItsPlan(line: IncentiveLine, priority: PriorityT): boolean {
    if (line.component !== 'commission' || line.rate === undefined || !priority.deprioritize?.segments?.includes(line.segment ?? ''))
      return false;
    if (priority.deprioritize?.metrics?.includes(line.metric ?? '')) return false;
    // A favored segment is paid by its own line, else by the plan's line naming no segment; per dollar, rate × quota credit.
    const lines = this.index.rewardsOf(line.instrument).filter((other) => other.component === 'commission' && other.metric === line.metric);
    const general = lines.filter((other) => segmentsOf(other.node as { segment?: string }).length === 0);
    const credit = (segment: string) =>
      line.instrument.lever === 'compensation' ? this.index.payoutOf(line.instrument.node).creditOf(line.metric!, segment) : 1;
    const earns = line.rate * credit(line.segment!);
    return (priority.favor?.segments ?? []).some((favored) => {
      const own = lines.filter((other) => segmentsOf(other.node as { segment?: string }).includes(favored));
      return (own.length > 0 ? own : general).some((other) => (other.rate ?? 0) * credit(favored) > earns);
    });
  }
}

const ANY_TEAM = Symbol('any team');

function deprioritizes(priority: PriorityT, winner: LevelWinner): boolean {
  return (priority.deprioritize?.segments ?? []).includes(winner.segment) || (priority.deprioritize?.metrics ?? []).includes(winner.metric);
}

function leverOf(line: IncentiveLine): RewardLever {
  switch (line.instrument.lever) {
    case 'compensation':
      return line.component === 'commission' && (line.instrument.node.quotas?.length ?? 0) > 0 ? 'quota' : 'pay';
    case 'okrs':
      return 'okr';
    case 'promotions':
      return 'promotion';
    case 'recognition':
      return 'recognition';
  }
}

/**
 * The same items in an array of their own exactly as long: an array grown by push keeps room for
 * 16 more, and the model holds several small arrays per line (about 20 MB at 10k plans).
 */
function exact<T>(items: T[]): T[] {
  return items.length === 0 ? [] : items.slice();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Whether a team that accepts each item before it counts refuses what would not serve the business:
 * it is rewarded on a result or its quality (a sales team accepting opportunities it is paid to
 * close), or on nothing at all (a screening board with no stake in how many pass). A gatekeeper paid
 * only on counts gains from accepting more, so its gate guards nothing.
 */
function keepsAnIndependentGate(index: PolicyIndex, acceptor: string): boolean {
  const rewarded = [...index.metricsRewardedFor(acceptor)];
  return rewarded.length === 0 || rewarded.some((id) => ['outcome', 'quality'].includes(index.metrics.get(id)?.type ?? ''));
}

/** An amount a plan pays beside its lines (a SPIFF or kicker, quota credit above 1), and the priorities it serves or works against. */
export interface PayExtra {
  instrument: string;
  description: string;
  serves: string[];
  undermines: string[];
  node: object;
}
