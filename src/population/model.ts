/**
 * The sales force on a plan, not one stylized seller: what every plan pays a population of sellers
 * whose attainments are drawn from a distribution (seeded, so a run is reproducible) or read from the
 * policy's roster. Behaviour is mechanical: attainment does not respond to the plan (the research on
 * how much people respond to pay is mixed), so the figures are what this plan would pay this force.
 *
 * - Attainment is lognormal by default: right-skewed, median `median` (of quota), spread `sigma`
 *   (the standard deviation of its logarithm). pure-rand draws the uniforms; the normal deviate is
 *   Box–Muller's (pure-rand has uniform distributions only).
 * - Every plan sees the same draws (one generator per plan from the same seed): two plans, or two
 *   versions of one plan, are compared on one sales force (common random numbers).
 * - A seller at attainment A books A × the year's quota on every quota of the plan, on its metric and
 *   segment (less its credit multiplier, so credited bookings are A × quota), and is paid what
 *   PlanPayout pays for those bookings.
 * - Percentiles are nearest-rank: the P-th percentile of n values is the ⌈P·n⌉-th smallest, so every
 *   figure of a small roster can be checked by hand.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { CompensationPlanT, RosterEntryT } from '../schema.js';
import { annualQuota, type Booking, type PlanPayout } from '../payout/model.js';
import { EPSILON } from '../epsilon.js';

export interface AttainmentDistribution {
  /** Median attainment, 1 = quota. */
  median: number;
  /** Standard deviation of ln(attainment). */
  sigma: number;
}

/** The documented default: median at quota, and a spread that puts about a tenth of the force below 68% and a tenth above 147%. */
export const DEFAULT_DISTRIBUTION: AttainmentDistribution = { median: 1, sigma: 0.3 };
export const DEFAULT_DRAWS = 10_000;
export const DEFAULT_SEED = 1;

/** What the plan pays the force. Money is per seller per year, in the policy currency. */
export interface PopulationStats {
  /** Sellers modelled: draws, or the roster's headcount on the plan. */
  sellers: number;
  source: 'distribution' | 'roster';
  /** Pay per seller at the 10th, 50th and 90th percentile, and its mean. */
  pay: { p10: number; p50: number; p90: number; mean: number };
  /** Attainment at the 10th, 50th and 90th percentile. */
  attainment: { p10: number; p50: number; p90: number; mean: number };
  /** The whole force's pay ÷ its bookings. */
  costOfSales: number | null;
  /** Pay for the whole force: the mean times the roster's headcount on the plan, when there is a roster. */
  totalPayout: number | null;
  /** Share of sellers paid nothing (below every threshold). */
  shareEarningNothing: number;
  shareAtOrAboveQuota: number;
  /** Share at or past the cap of the plan's first quota (attainment cap or amount cap). */
  shareAtCap: number | null;
  /** Target variable pay per year (ote × variable_share), when the plan gives both. */
  targetIncentive: number | null;
  /** Pay at the 90th percentile ÷ target incentive. */
  p90MultipleOfTarget: number | null;
  /** The average-attainment shortcut: the pay of a seller at the mean attainment, and its error against the mean pay ((shortcut − mean) ÷ mean). */
  accrual: { shortcut: number; error: number | null };
}

/** A standard normal deviate from two uniforms of pure-rand (Box–Muller); 1 − u keeps the logarithm finite. */
function normal(next: () => number): number {
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** `count` attainments drawn from the lognormal, in draw order; the same seed gives the same draws. */
export function drawAttainments(distribution: AttainmentDistribution, count: number, seed: number): Float64Array {
  const rng = xoroshiro128plus(seed);
  const next = () => uniformFloat64(rng);
  const draws = new Float64Array(count);
  for (let position = 0; position < count; position++) draws[position] = distribution.median * Math.exp(distribution.sigma * normal(next));
  return draws;
}

/** The roster's sellers on `plan` with an attainment, one value per head. */
export function rosterAttainments(roster: readonly RosterEntryT[], plan: string): number[] | undefined {
  const values: number[] = [];
  for (const entry of roster) {
    if (entry.plan !== plan || entry.attainment === undefined) continue;
    for (let head = 0; head < (entry.headcount ?? 1); head++) values.push(entry.attainment);
  }
  return values.length > 0 ? values : undefined;
}

/** The roster's headcount on `plan`, with or without attainment. */
export function rosterHeadcount(roster: readonly RosterEntryT[], plan: string): number | undefined {
  const count = roster.filter((entry) => entry.plan === plan).reduce((sum, entry) => sum + (entry.headcount ?? 1), 0);
  return count > 0 ? count : undefined;
}

/** Whether the population model can price the plan: it needs a quota to measure attainment against. */
export function canModel(plan: CompensationPlanT): boolean {
  return (plan.quotas ?? []).length > 0;
}

/** The nearest-rank percentile of ascending `sorted` values (P in 0–1). */
export function percentile(sorted: ArrayLike<number>, share: number): number {
  const rank = Math.max(1, Math.ceil(share * sorted.length - EPSILON));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

interface SellerPay {
  pay: number;
  bookings: number;
  capped: boolean;
}

/**
 * What one seller at an attainment is paid, as a function built once per plan: the bookings of
 * every quota are the same objects, refilled per seller, for a force is priced thousands of times.
 */
function sellerPricer(payout: PlanPayout, date: string | undefined): (attainment: number) => SellerPay {
  const plan = payout.plan;
  const quotas = plan.quotas ?? [];
  const bookings: Booking[] = quotas.map((quota) => ({
    metric: quota.metric,
    ...(quota.segment !== undefined && { segment: quota.segment }),
    amount: 0,
  }));
  // A seller at attainment A books A × the year's quota, less the credit multiplier, on every quota.
  const yearly = quotas.map((quota) => annualQuota(quota));
  const credits = quotas.map((quota) => payout.creditOf(quota.metric, quota.segment) || 1);
  const options = date === undefined ? {} : { date };
  return (attainment) => {
    let booked = 0;
    for (let position = 0; position < bookings.length; position++) {
      const amount = (attainment * yearly[position]!) / credits[position]!;
      bookings[position]!.amount = amount;
      booked += amount;
    }
    const result = payout.pay(bookings, options);
    const first = result.quotas[0];
    const curve = first && (first.quota.curve ?? plan.curve);
    const capAttainment = curve?.cap?.attainment;
    const capAmount = curve?.cap?.amount;
    const capped =
      first !== undefined &&
      ((capAttainment !== undefined && first.attainment + EPSILON >= capAttainment) ||
        (capAmount !== undefined && first.pay + EPSILON >= (capAmount * annualQuota(first.quota)) / first.quota.amount));
    return { pay: result.total, bookings: booked, capped };
  };
}

/** Whether the plan's first quota has a cap at all (else the share at the cap is not a figure). */
function hasCap(plan: CompensationPlanT): boolean {
  const first = plan.quotas?.[0];
  const curve = first && (first.curve ?? plan.curve);
  return curve?.cap !== undefined;
}

/** A plan priced over a force: its figures, and every seller's pay and attainment for whoever draws them. */
export interface PricedForce {
  stats: PopulationStats;
  /** Pay per seller, ascending. */
  pays: Float64Array;
  /** Attainment per seller, ascending. */
  attainments: Float64Array;
}

/** What the plan pays a force at `attainments`, with the sorted pays behind the figures. */
export function priceForce(
  payout: PlanPayout,
  attainments: ArrayLike<number>,
  options: { date?: string; source: PopulationStats['source']; headcount?: number },
): PricedForce {
  const count = attainments.length;
  const pays = new Float64Array(count);
  let payTotal = 0;
  let bookedTotal = 0;
  let nothing = 0;
  let atQuota = 0;
  let atCap = 0;
  let attainmentTotal = 0;
  const sellerPay = sellerPricer(payout, options.date);
  for (let position = 0; position < count; position++) {
    const attainment = attainments[position]!;
    const seller = sellerPay(attainment);
    pays[position] = seller.pay;
    payTotal += seller.pay;
    bookedTotal += seller.bookings;
    attainmentTotal += attainment;
    if (seller.pay <= EPSILON) nothing++;
    if (attainment + EPSILON >= 1) atQuota++;
    if (seller.capped) atCap++;
  }
  pays.sort();
  const sortedAttainment = Float64Array.from(attainments).sort();
  const mean = payTotal / count;
  const meanAttainment = attainmentTotal / count;
  const shortcut = sellerPay(meanAttainment).pay;
  const target = payout.targetVariable;
  const p90 = percentile(pays, 0.9);
  const stats: PopulationStats = {
    sellers: count,
    source: options.source,
    pay: { p10: percentile(pays, 0.1), p50: percentile(pays, 0.5), p90, mean },
    attainment: {
      p10: percentile(sortedAttainment, 0.1),
      p50: percentile(sortedAttainment, 0.5),
      p90: percentile(sortedAttainment, 0.9),
      mean: meanAttainment,
    },
    costOfSales: bookedTotal > 0 ? payTotal / bookedTotal : null,
    totalPayout: options.headcount !== undefined ? mean * options.headcount : null,
    shareEarningNothing: nothing / count,
    shareAtOrAboveQuota: atQuota / count,
    shareAtCap: hasCap(payout.plan) ? atCap / count : null,
    targetIncentive: target ?? null,
    p90MultipleOfTarget: target !== undefined && target > 0 ? p90 / target : null,
    accrual: { shortcut, error: mean > 0 ? (shortcut - mean) / mean : null },
  };
  return { stats, pays, attainments: sortedAttainment };
}
