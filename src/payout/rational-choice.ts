/**
 * The seller's rational choice under a plan: put all effort into one segment (of one metric the plan
 * pays on), book that segment's average deals, and see what the plan's curve pays per month of
 * effort at each attainment level. Effort is months of sales cycle, as `effort-adjusted-pay`
 * measures it: deals × sales_cycle_days ÷ days per month. The choice paying most per month at a
 * level is the rational choice there. With flat rates, pay per month is rate × deal size ÷ months of
 * cycle at every level, exactly what `effort-adjusted-pay` compares.
 */
import type { PolicyIndex } from '../engine/lookups/policy-index.js';
import { cycleMonths, dealEconomics } from './deal-economics.js';
import { formatMoney as money } from '../engine/format.js';
import { compareIds } from '../engine/order.js';
import type { CompensationPlanT } from '../schema.js';
import { annualQuota, isShareOfBookings, type PlanPayout } from './model.js';
import { EPSILON } from '../epsilon.js';

export const DEFAULT_LEVELS: readonly number[] = [0.5, 1, 1.5, 2];

export interface SimulationOptions {
  /** Attainment levels to compare at, as shares of quota (default 50%, 100%, 150%, 200%). */
  levels?: readonly number[];
  /** Days in a month of sales cycle (default 30, as effort-adjusted-pay). */
  daysPerMonth?: number;
  /** The day the bookings close (YYYY-MM-DD), for SPIFFs with dates. */
  date?: string;
  /** Attainment step of the pay-versus-attainment curve (default 0.1); 0 leaves curves out. */
  curveStep?: number;
}

/** Where the strategy puts a choice: its segment's stance, deprioritized when its metric is too (see statusOf). */
export type ChoiceStatus = 'favored' | 'deprioritized' | 'neutral';

interface ChoicePoint {
  /** Attainment of the quota (1 = 100%); null for a metric the plan pays without a quota (one deal). */
  attainment: number | null;
  bookings: number;
  deals: number;
  /** Months of sales cycle the deals take: deals × sales_cycle_days ÷ days per month. */
  effortMonths: number;
  /** What the plan pays for the bookings, SPIFFs included. */
  pay: number;
  payPerMonth: number;
}

export interface SimulatedChoice {
  metric: string;
  segment: string;
  status: ChoiceStatus;
  avgDealSize: number;
  salesCycleDays: number;
  /** Rate before the curve: the line's rate or the base rate. */
  rate: number;
  /** Quota credit per dollar booked. */
  credit: number;
  /** The year's quota the choice is measured against; absent when the metric has none. */
  annualQuota?: number;
  /** One point per level of the simulation, in its order. */
  points: ChoicePoint[];
  /** Pay for the year against attainment, from 0 in steps (empty without a quota). */
  curve: { attainment: number; pay: number }[];
}

export interface LevelWinner {
  /** The level (null: a plan without quotas, where pay per month does not depend on attainment). */
  attainment: number | null;
  metric: string;
  segment: string;
  status: ChoiceStatus;
  payPerMonth: number;
  /** The best-paid choice the strategy favors, when the winner is not one. */
  bestFavored?: { metric: string; segment: string; payPerMonth: number };
}

/** misaligned: at some level the rational choice is deprioritized (exit 1). */
export type Verdict = 'misaligned' | 'aligned' | 'neutral' | 'unjudged';

export interface PlanSimulation {
  plan: string;
  team?: string;
  node: CompensationPlanT;
  levels: (number | null)[];
  choices: SimulatedChoice[];
  winners: LevelWinner[];
  verdict: Verdict;
  /** One line: is the rational choice the strategy's, or why it cannot be judged. */
  summary: string;
  /**
   * Why an unjudged plan is: it pays one segment (its table has no choice to compare), or per thing
   * counted; or the policy lacks what the simulation needs (a rate for a quota, deal economics).
   */
  unjudgedBecause?: UnjudgedReason;
}

export type UnjudgedReason = 'one-segment' | 'counted' | 'no-rate' | 'no-deal-economics';

/** The reasons a user fixes by adding to the policy: when they are all there is, the simulation could not run. */
export const MISSING_INPUT: ReadonlySet<UnjudgedReason> = new Set(['no-rate', 'no-deal-economics']);

/** Every compensation plan that pays per deal (commission lines or quotas), simulated. */
export function simulatePolicy(index: PolicyIndex, options: SimulationOptions = {}): PlanSimulation[] {
  return index.policy.compensation.filter(paysPerDeal).map((plan) => simulatePlan(index, plan, options));
}

/** A plan that pays commission or carries a quota: one a seller's choice of deals changes. */
export function paysPerDeal(plan: CompensationPlanT): boolean {
  return (plan.commission?.length ?? 0) > 0 || (plan.quotas?.length ?? 0) > 0;
}

export function simulatePlan(index: PolicyIndex, plan: CompensationPlanT, options: SimulationOptions = {}): PlanSimulation {
  const payout = index.payoutOf(plan);
  const daysPerMonth = options.daysPerMonth ?? 30;
  const candidates = choicesOf(index, payout);
  // A quota that counts things (meetings) pays money per thing: deals of a segment's size do not price it.
  const counted = candidates.filter((choice) => !isShareOfBookings(payout.rateOf(choice.metric, choice.segment) ?? 0));
  const priced = candidates.filter((choice) => payout.rateOf(choice.metric, choice.segment) !== undefined && !counted.includes(choice));
  const base = { plan: plan.id, team: plan.team, node: plan };
  // The attainment levels of a plan with a quota, [null] for one without: an unjudged plan has them too.
  const levelsOf = (choices: readonly Candidate[]): (number | null)[] => {
    const hasQuota =
      choices.length > 0
        ? choices.some((choice) => payout.quotaOf(choice.metric, choice.segment) !== undefined)
        : (plan.quotas?.length ?? 0) > 0;
    return hasQuota ? [...(options.levels ?? DEFAULT_LEVELS)] : [null];
  };
  const unjudged = (
    because: UnjudgedReason,
    summary: string,
    choices: SimulatedChoice[] = [],
    levels = levelsOf(candidates),
  ): PlanSimulation => ({
    ...base,
    levels,
    choices,
    winners: [],
    verdict: 'unjudged',
    summary,
    unjudgedBecause: because,
  });

  if (counted.length > 0 && priced.length < 2) {
    return unjudged(
      'counted',
      `plan ${plan.id} pays per ${counted[0]!.metric}, a count, not on bookings: deals of a segment's size do not tell what a month of effort earns`,
    );
  }
  if (candidates.length > priced.length && priced.length < 2) {
    return unjudged(
      'no-rate',
      `plan ${plan.id} has a quota but no rate: add ote and variable_share (the base rate is target variable pay ÷ quota), or a rate on each commission line`,
    );
  }
  if (priced.length === 1) {
    // Nothing to compare, but what the one segment pays per month of effort is still worth a table.
    const levels = levelsOf(priced);
    const only = simulateChoice(payout, priced[0]!, levels, daysPerMonth, options);
    return unjudged(
      'one-segment',
      `plan ${plan.id} pays on one segment with deal economics (${only.segment}): there is no choice between segments to compare`,
      [only],
      levels,
    );
  }
  if (priced.length === 0) {
    const economics = [...index.segments.values()].filter((segment) => dealEconomics(index, segment.id)).map((segment) => segment.id);
    return unjudged(
      'no-deal-economics',
      economics.length === 0
        ? `no segment declares both avg_deal_size and sales_cycle_days: add them to the segments plan ${plan.id} pays on`
        : `plan ${plan.id} pays on no segment that declares both avg_deal_size and sales_cycle_days (${economics.join(', ')} do)`,
    );
  }

  const levels = levelsOf(priced);
  const choices = priced.map((choice) => simulateChoice(payout, choice, levels, daysPerMonth, options));
  const winners = levels.map((level, position) => winnerAt(level, position, choices));
  return { ...base, levels, choices, winners, ...judge(plan, winners, choices) };
}

export interface Candidate {
  metric: string;
  segment: string;
  status: ChoiceStatus;
  avgDealSize: number;
  salesCycleDays: number;
}

/**
 * Every (metric, segment) the plan pays on and whose segment declares deal economics: the segments
 * its lines and quotas name, and every declared segment for a line or quota on all segments.
 */
export function planChoices(index: PolicyIndex, plan: CompensationPlanT): Candidate[] {
  return choicesOf(index, index.payoutOf(plan));
}

function choicesOf(index: PolicyIndex, payout: PlanPayout): Candidate[] {
  const { plan } = payout;
  const found: Candidate[] = [];
  const severalMetrics = payout.metrics.length > 1;
  for (const metric of payout.metrics) {
    const named = [...(plan.commission ?? []), ...(plan.quotas ?? [])].filter((entry) => entry.metric === metric);
    const everySegment = named.some((entry) => entry.segment === undefined);
    const segments = everySegment ? [...index.segments.keys()] : named.map((entry) => entry.segment!);
    for (const segment of [...new Set(segments)].sort(compareIds)) {
      const economics = dealEconomics(index, segment);
      if (!economics) continue;
      found.push({
        metric,
        segment,
        status: statusOf(index, metric, segment, severalMetrics),
        avgDealSize: economics.avgDealSize,
        salesCycleDays: economics.salesCycleDays,
      });
    }
  }
  return found;
}

/**
 * Where the strategy puts a choice. The seller chooses a segment, so the choice stands where its
 * segment does: a segment the strategy neither favors nor deprioritizes (mid-market, between a
 * favored enterprise and a deprioritized smb) is neutral whatever metric it is paid on. A
 * deprioritized metric makes any choice deprioritized. Only when the strategy favors no segment
 * and the plan pays on several metrics is the choice one between metrics: then a favored metric
 * makes it favored.
 */
function statusOf(index: PolicyIndex, metric: string, segment: string, severalMetrics: boolean): ChoiceStatus {
  const { strategy } = index;
  if (strategy.isDeprioritizedSegment(segment) || strategy.isDeprioritizedMetric(metric)) return 'deprioritized';
  if (strategy.isFavoredSegment(segment)) return 'favored';
  if (severalMetrics && strategy.favoredIds('segments').length === 0 && strategy.isFavoredMetric(metric)) return 'favored';
  return 'neutral';
}

function simulateChoice(
  payout: PlanPayout,
  choice: Candidate,
  levels: readonly (number | null)[],
  daysPerMonth: number,
  options: SimulationOptions,
): SimulatedChoice {
  const quota = payout.quotaOf(choice.metric, choice.segment);
  const credit = payout.creditOf(choice.metric, choice.segment);
  const yearly = quota && annualQuota(quota);
  const months = cycleMonths(choice, daysPerMonth);
  const at = (bookings: number): { bookings: number; deals: number; effortMonths: number; pay: number } => {
    const deals = bookings / choice.avgDealSize;
    const pay = payout.pay([{ metric: choice.metric, segment: choice.segment, amount: bookings, deals }], { date: options.date }).total;
    return { bookings, deals, effortMonths: deals * months, pay };
  };
  // Reaching attainment A takes A × quota of credit: A × quota ÷ credit of bookings.
  const bookingsFor = (attainment: number) => (attainment * yearly!) / credit;
  const points = levels.map((level): ChoicePoint => {
    const point = level === null || yearly === undefined ? at(choice.avgDealSize) : at(bookingsFor(level));
    return {
      attainment: yearly === undefined ? null : level,
      ...point,
      payPerMonth: point.effortMonths > 0 ? point.pay / point.effortMonths : 0,
    };
  });
  const step = options.curveStep ?? 0.1;
  const curve: SimulatedChoice['curve'] = [];
  if (yearly !== undefined && step > 0) {
    const top = Math.max(2, ...levels.map((level) => level ?? 0)) * 1.25;
    for (let index = 0; index * step <= top + EPSILON; index++) {
      const attainment = Math.round(index * step * 1e6) / 1e6;
      curve.push({ attainment, pay: attainment === 0 ? 0 : at(bookingsFor(attainment)).pay });
    }
  }
  return {
    ...choice,
    rate: payout.rateOf(choice.metric, choice.segment)!,
    credit,
    ...(yearly !== undefined && { annualQuota: yearly }),
    points,
    curve,
  };
}

const STATUS_RANK: Record<ChoiceStatus, number> = { favored: 0, neutral: 1, deprioritized: 2 };

/** The best-paid choice at one level; a tie goes to the choice the strategy prefers, then to the lowest ids. */
function winnerAt(level: number | null, position: number, choices: readonly SimulatedChoice[]): LevelWinner {
  const perMonth = (choice: SimulatedChoice) => choice.points[position]!.payPerMonth;
  const ranked = [...choices].sort(
    (a, b) =>
      (isTie(perMonth(a), perMonth(b)) ? 0 : perMonth(b) - perMonth(a)) ||
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      compareIds(a.metric, b.metric) ||
      compareIds(a.segment, b.segment),
  );
  const best = ranked[0]!;
  const favored = ranked.find((choice) => choice.status === 'favored');
  return {
    attainment: level,
    metric: best.metric,
    segment: best.segment,
    status: best.status,
    payPerMonth: perMonth(best),
    ...(favored &&
      favored !== best && { bestFavored: { metric: favored.metric, segment: favored.segment, payPerMonth: perMonth(favored) } }),
  };
}

function isTie(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

function judge(
  plan: CompensationPlanT,
  winners: readonly LevelWinner[],
  choices: readonly SimulatedChoice[],
): { verdict: Verdict; summary: string } {
  const oneMetric = new Set(choices.map((choice) => choice.metric)).size === 1;
  const name = (choice: { metric: string; segment: string }) => (oneMetric ? choice.segment : `${choice.metric} in ${choice.segment}`);
  const where = (levels: readonly LevelWinner[]) =>
    levels[0]!.attainment === null ? 'At any attainment' : `At ${listLevels(levels.map((level) => level.attainment!))} of quota`;
  const wrong = winners.filter((winner) => winner.status === 'deprioritized');
  if (wrong.length > 0) {
    const first = wrong[0]!;
    const against = first.bestFavored ? ` against ${money(first.bestFavored.payPerMonth)} for ${name(first.bestFavored)}` : '';
    return {
      verdict: 'misaligned',
      summary: `${where(wrong)}, plan ${plan.id} pays most per month of effort for ${name(first)}, which the strategy deprioritizes (${money(first.payPerMonth)} per month${against}): the rational choice is not the strategy's.`,
    };
  }
  if (winners.every((winner) => winner.status === 'favored')) {
    const names = [...new Set(winners.map(name))];
    return {
      verdict: 'aligned',
      summary: `At every level, plan ${plan.id} pays most per month of effort for ${names.join(' and ')}, which the strategy favors: the rational choice is the strategy's.`,
    };
  }
  const neutral = winners.filter((winner) => winner.status === 'neutral');
  return {
    verdict: 'neutral',
    summary: `${where(neutral)}, plan ${plan.id} pays most per month of effort for ${name(neutral[0]!)}, which the strategy neither favors nor deprioritizes.`,
  };
}

/** [0.5, 1] → "50% and 100%". */
function listLevels(levels: readonly number[]): string {
  const shown = levels.map((level) => `${Math.round(level * 10000) / 100}%`);
  return shown.length <= 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
