/**
 * What a compensation plan pays for a year's bookings, by metric and segment: a stylized model whose
 * every number can be checked by hand.
 *
 * - A booking earns quota credit: its amount times every credit multiplier that matches its metric
 *   and segment (annual prepaid 1.25×…). Credited dollars count toward quota and are paid on.
 * - A booking is measured against the plan's quota on its metric and segment (else the quota on its
 *   metric for every segment). Attainment = credited bookings ÷ the year's quota; bookings are taken
 *   as spread evenly over the year, so a quarterly quota sees a quarter of them each quarter.
 * - Its rate is its commission line's rate, else the base rate: target variable pay (ote ×
 *   variable_share, times the quota's weight) ÷ the year's quota.
 * - Dollars of several rates on one quota climb the curve best-paid first.
 * - The curve (the quota's own, else the plan's): nothing below the threshold (once reached, every dollar from the first is paid); each
 *   tier's multiplier applies to the dollars inside the tier (1 below the first tier); a retroactive
 *   tier, once reached, re-prices every dollar below it at its own multiplier; nothing is paid on
 *   attainment above the cap, and no quota pays more than its cap amount per period.
 * - Bookings of a metric with no quota are paid their line's rate, without a curve.
 * - SPIFFs and kickers pay on top: an amount per deal, a rate of each deal's bookings, or an amount
 *   once (on the first deal, or on reaching `at`). The bookings are a year's from the date, spread
 *   evenly over its 365 days, so a dated SPIFF pays only on the share of them that closes within its
 *   dates (a Q1 SPIFF, 90 days of the year, on 90/365 of the deals), and a kicker on reaching `at`
 *   pays when the year's attainment reaches `at` within its dates.
 * Ramps and guarantees are not modelled: the model is a seller past the ramp.
 */
import type { CommissionLineT, CompensationPlanT, CreditT, CurveT, QuotaT, SpiffT } from '../schema.js';
import { MONTHS_IN, quotaFor } from './schema.js';
import { EPSILON } from '../epsilon.js';

/** A year's bookings of one metric (and segment), optionally with the number of deals. */
export interface Booking {
  metric: string;
  segment?: string;
  amount: number;
  /** Number of deals; without it, amount ÷ the segment's average deal size (for per-deal SPIFFs). */
  deals?: number;
}

export interface PayoutOptions {
  /** The first day of the year of bookings, YYYY-MM-DD: a dated SPIFF pays on the bookings within its dates. Without it, only undated SPIFFs pay. */
  date?: string;
}

export interface QuotaPayout {
  quota: QuotaT;
  /** Credited bookings measured against the quota. */
  credited: number;
  /** Credited bookings ÷ the year's quota (1 = 100%). */
  attainment: number;
  pay: number;
}

interface SpiffPayout {
  spiff: SpiffT;
  pay: number;
}

export interface Payout {
  /** Everything the bookings pay: commission on quotas, commission without a quota, SPIFFs. */
  total: number;
  quotas: QuotaPayout[];
  /** Commission of metrics that have no quota (flat rate, no curve). */
  flat: number;
  spiffs: SpiffPayout[];
}

/** Target variable pay of a plan per year (ote × variable_share), when it gives both. */
export function targetVariablePay(plan: CompensationPlanT): number | undefined {
  return plan.ote !== undefined && plan.variable_share !== undefined ? plan.ote * plan.variable_share : undefined;
}

/**
 * A plan that pays flat rates only: no quota, curve, credit multiplier or SPIFF. Its rational choice
 * is what `effort-adjusted-pay` compares line by line; every other plan is judged on its whole curve
 * by `rational-choice`, so that one cause is never reported twice.
 */
export function isFlatRatePlan(plan: CompensationPlanT): boolean {
  return !plan.quotas?.length && plan.curve === undefined && !plan.credit?.length && !plan.spiffs?.length;
}

/** The quota amount for a year. */
export function annualQuota(quota: QuotaT): number {
  return quota.amount * (12 / MONTHS_IN[quota.period]);
}

/** The share of target variable pay riding on `quota`: its weight, else an equal part of what weighted quotas leave. */
export function quotaWeight(plan: CompensationPlanT, quota: QuotaT): number {
  if (quota.weight !== undefined) return quota.weight;
  const quotas = plan.quotas ?? [];
  const unweighted = quotas.filter((other) => other.weight === undefined).length;
  const given = quotas.reduce((sum, other) => sum + (other.weight ?? 0), 0);
  return Math.max(0, 1 - given) / Math.max(1, unweighted);
}

/** Base rate of a quota: target variable pay × weight ÷ the year's quota; undefined without ote and variable_share. */
export function baseRate(plan: CompensationPlanT, quota: QuotaT): number | undefined {
  const target = targetVariablePay(plan);
  return target === undefined ? undefined : (target * quotaWeight(plan, quota)) / annualQuota(quota);
}

/** The commission line paying bookings of `metric` and `segment`: the one on the segment, else the one on every segment. */
function commissionLineFor(plan: CompensationPlanT, metric: string, segment: string | undefined): CommissionLineT | undefined {
  const lines = plan.commission ?? [];
  return (
    lines.find((line) => line.metric === metric && line.segment !== undefined && line.segment === segment) ??
    lines.find((line) => line.metric === metric && line.segment === undefined)
  );
}

/** A base rate is a share of bookings unless the quota counts things (5 meetings a month): then it is money per thing, not a rate. */
export function isShareOfBookings(rate: number): boolean {
  return rate <= 1;
}

/**
 * The rate a commission line pays: its own, else the base rate of the quota it is measured against
 * (what the linter uses everywhere a rate is used).
 */
export function lineRate(plan: CompensationPlanT, line: CommissionLineT): number | undefined {
  if (line.rate !== undefined) return line.rate;
  // A piece rate (per_unit) is money per unit counted, never a share of bookings.
  if (line.per_unit !== undefined) return undefined;
  const quota = quotaFor(plan.quotas ?? [], line.metric, line.segment);
  return quota && baseRate(plan, quota);
}

/**
 * ∫₀ᴬ of the curve's multiplier, in units of attainment: what one dollar of base rate per dollar of
 * quota earns at attainment A, before the threshold, cap and retroactive tiers.
 */
function multiplierIntegral(curve: CurveT | undefined, attainment: number): number {
  const tiers = curve?.tiers ?? [];
  let total = 0;
  let from = 0;
  let multiplier = 1;
  for (const tier of tiers) {
    if (tier.from >= attainment) break;
    total += (tier.from - from) * multiplier;
    from = tier.from;
    multiplier = tier.multiplier;
  }
  return total + (attainment - from) * multiplier;
}

/**
 * The curve at attainment A, as G(x): what the dollars of quota from 0 to x (x ≤ A, in units of
 * attainment) earn per dollar of base rate. The threshold, a retroactive tier reached and the
 * attainment cap depend on A; the tiers' multipliers apply to the dollars inside them.
 */
function curveAt(curve: CurveT | undefined, attainment: number): (position: number) => number {
  if (attainment <= 0 || (curve?.threshold !== undefined && attainment + EPSILON < curve.threshold)) return () => 0;
  const cap = curve?.cap?.attainment ?? Number.POSITIVE_INFINITY;
  const plain = (position: number) => multiplierIntegral(curve, Math.min(position, cap));
  const retroactive = [...(curve?.tiers ?? [])].reverse().find((tier) => tier.retroactive && attainment + EPSILON >= tier.from);
  if (!retroactive) return plain;
  // Every dollar below the retroactive tier is re-priced at its multiplier; the dollars above keep theirs.
  const below = plain(retroactive.from);
  return (position) =>
    position <= retroactive.from ? position * retroactive.multiplier : retroactive.from * retroactive.multiplier + plain(position) - below;
}

/** What the curve pays at attainment A per dollar of base rate, as a multiple of quota: rate × quota × curveFactor(A) is the pay of one rate. */
export function curveFactor(curve: CurveT | undefined, attainment: number): number {
  return curveAt(curve, attainment)(attainment);
}

/** The product of the credit multipliers matching a booking (1 when none does). */
function creditMultiplier(credits: readonly CreditT[] | undefined, metric: string, segment: string | undefined): number {
  let product = 1;
  for (const credit of credits ?? []) {
    if ((credit.metric === undefined || credit.metric === metric) && (credit.segment === undefined || credit.segment === segment))
      product *= credit.multiplier;
  }
  return product;
}

/**
 * Dollars of several rates on one quota climb the curve best-paid first: then more bookings never
 * pay less (a dollar added anywhere only moves better-paid dollars down the curve).
 */
function piecesPay(pieces: { credited: number; rate: number }[], yearlyQuota: number, curve: (position: number) => number): number {
  const ordered = pieces.length > 1 ? [...pieces].sort((a, b) => b.rate - a.rate) : pieces;
  let pay = 0;
  let position = 0;
  for (const piece of ordered) {
    const next = position + piece.credited / yearlyQuota;
    pay += piece.rate * yearlyQuota * (curve(next) - curve(position));
    position = next;
  }
  return pay;
}

const DAYS_IN_YEAR = 365;
const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * The part of the year of bookings from `date` that a SPIFF's dates cover, as shares of the year
 * [from, to) (0 to 1 for an undated SPIFF); undefined when its dates miss the year, or when the
 * SPIFF is dated and there is no date to place the year.
 */
function spiffWindow(spiff: SpiffT, date: string | undefined): { from: number; to: number } | undefined {
  if (spiff.start === undefined && spiff.end === undefined) return { from: 0, to: 1 };
  if (date === undefined) return undefined;
  const first = dayNumber(date);
  const from = spiff.start === undefined ? 0 : Math.max(0, dayNumber(spiff.start) - first);
  const to = spiff.end === undefined ? DAYS_IN_YEAR : Math.min(DAYS_IN_YEAR, dayNumber(spiff.end) - first + 1);
  return to > from ? { from: from / DAYS_IN_YEAR, to: to / DAYS_IN_YEAR } : undefined;
}

/** A plan ready to price bookings; build it once per plan (`PolicyIndex.payoutOf`). */
export class PlanPayout {
  /** Target variable pay per year, when the plan gives ote and variable_share. */
  readonly targetVariable: number | undefined;
  /** The metrics the plan pays commission on: its quotas' and its commission lines'. */
  readonly metrics: readonly string[];

  constructor(
    readonly plan: CompensationPlanT,
    /** A segment's average deal size, for per-deal SPIFFs when a booking does not count its deals. */
    private readonly dealSize: (segment: string | undefined) => number | undefined = () => undefined,
  ) {
    this.targetVariable = targetVariablePay(plan);
    this.metrics = [
      ...new Set([...(plan.quotas ?? []).map((quota) => quota.metric), ...(plan.commission ?? []).map((line) => line.metric)]),
    ];
  }

  /** The quota bookings of `metric` and `segment` count toward, if any. */
  quotaOf(metric: string, segment: string | undefined): QuotaT | undefined {
    return this.termsOf(metric, segment).quota;
  }

  /** The rate bookings of `metric` and `segment` earn before the curve; undefined when the plan does not pay them. */
  rateOf(metric: string, segment: string | undefined): number | undefined {
    return this.termsOf(metric, segment).rate;
  }

  /** Whether the plan pays bookings of `metric` and `segment` at all (a line or a quota covers them). */
  pays(metric: string, segment: string | undefined): boolean {
    return commissionLineFor(this.plan, metric, segment) !== undefined || this.quotaOf(metric, segment) !== undefined;
  }

  /** Quota credit per dollar booked of `metric` and `segment`. */
  creditOf(metric: string, segment: string | undefined): number {
    return this.termsOf(metric, segment).credit;
  }

  // Simulating a plan prices the same metric and segment dozens of times: its terms are looked up once.
  private readonly terms = new Map<string, { quota?: QuotaT; rate?: number; credit: number }>();

  private termsOf(metric: string, segment: string | undefined): { quota?: QuotaT; rate?: number; credit: number } {
    const key = segment === undefined ? metric : `${metric}\u0000${segment}`;
    let terms = this.terms.get(key);
    if (!terms) {
      const quota = quotaFor(this.plan.quotas ?? [], metric, segment);
      const found = commissionLineFor(this.plan, metric, segment);
      // A segment the quota excludes earns nothing from its base rate: only a line of its own, or one with a rate of its own, pays it.
      const line =
        found && found.segment === undefined && found.rate === undefined && excludedByQuota(this.plan, metric, segment) ? undefined : found;
      const rate = line ? lineRate(this.plan, line) : quota && baseRate(this.plan, quota);
      terms = { quota, rate, credit: creditMultiplier(this.plan.credit, metric, segment) };
      this.terms.set(key, terms);
    }
    return terms;
  }

  /** What `bookings` (a year's) pay under the plan. */
  pay(bookings: readonly Booking[], options: PayoutOptions = {}): Payout {
    const pools: { quota: QuotaT; credited: number; pieces: { credited: number; rate: number }[] }[] = [];
    let flat = 0;
    for (const booking of bookings) {
      if (!(booking.amount > 0)) continue;
      const { quota, rate, credit } = this.termsOf(booking.metric, booking.segment);
      if (rate === undefined) continue;
      const credited = booking.amount * credit;
      if (!quota) {
        flat += credited * rate;
        continue;
      }
      let pool = pools.find((candidate) => candidate.quota === quota);
      if (!pool) pools.push((pool = { quota, credited: 0, pieces: [] }));
      pool.credited += credited;
      pool.pieces.push({ credited, rate });
    }
    let total = flat;
    const quotas: QuotaPayout[] = [];
    for (const { quota, credited, pieces } of pools) {
      const yearly = annualQuota(quota);
      const attainment = credited / yearly;
      const curve = quota.curve ?? this.plan.curve;
      let pay = piecesPay(pieces, yearly, curveAt(curve, attainment));
      const capAmount = curve?.cap?.amount;
      if (capAmount !== undefined) pay = Math.min(pay, capAmount * (12 / MONTHS_IN[quota.period]));
      quotas.push({ quota, credited, attainment, pay });
      total += pay;
    }
    const spiffs: SpiffPayout[] = [];
    for (const spiff of this.plan.spiffs ?? []) {
      const window = spiffWindow(spiff, options.date);
      if (!window) continue;
      const pay = this.spiffPay(spiff, bookings, quotas, window);
      spiffs.push({ spiff, pay });
      total += pay;
    }
    return { total, quotas, flat, spiffs };
  }

  private spiffPay(
    spiff: SpiffT,
    bookings: readonly Booking[],
    quotas: readonly QuotaPayout[],
    window: { from: number; to: number },
  ): number {
    const matching = bookings.filter(
      (booking) =>
        booking.amount > 0 &&
        (spiff.metric === undefined ? this.metrics.includes(booking.metric) : booking.metric === spiff.metric) &&
        (spiff.segment === undefined || booking.segment === spiff.segment),
    );
    if (spiff.per === 'once') {
      if (spiff.at === undefined) return matching.length > 0 ? (spiff.amount ?? 0) : 0;
      const measured = quotas.find(
        (paid) =>
          (spiff.metric === undefined || paid.quota.metric === spiff.metric) &&
          (spiff.segment === undefined || paid.quota.segment === undefined || paid.quota.segment === spiff.segment),
      );
      if (!measured || measured.attainment <= 0) return 0;
      // Attainment grows evenly over the year: it reaches `at` at this share of the year.
      const reached = spiff.at / measured.attainment;
      return reached <= window.to + EPSILON && reached + EPSILON >= window.from ? (spiff.amount ?? 0) : 0;
    }
    // Only the deals that close within the SPIFF's dates qualify.
    const share = window.to - window.from;
    let pay = 0;
    for (const booking of matching) {
      if (spiff.rate !== undefined) pay += booking.amount * spiff.rate;
      else {
        const size = this.dealSize(booking.segment);
        const deals = booking.deals ?? (size ? booking.amount / size : 0);
        pay += deals * (spiff.amount ?? 0);
      }
    }
    return pay * share;
  }
}

/** Whether the plan's quota on every segment of `metric` leaves `segment` out (`excludes`). */
export function excludedByQuota(plan: CompensationPlanT, metric: string, segment: string | undefined): boolean {
  if (segment === undefined) return false;
  return (plan.quotas ?? []).some(
    (quota) => quota.metric === metric && quota.segment === undefined && (quota.excludes ?? []).includes(segment),
  );
}
