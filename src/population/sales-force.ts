/**
 * The sales force every rule may read (`context.population`): what each plan pays its sellers,
 * priced the first time a rule asks for that plan and kept for the rest of the run. A lint run whose
 * rules never ask draws nothing. The force is the documented default (DEFAULT_DISTRIBUTION,
 * DEFAULT_DRAWS, DEFAULT_SEED: what `simulate --population` draws without options), so a finding
 * is the same on every run; a plan the roster gives attainments for is priced on those instead.
 */
import type { PolicyIndex } from '../engine/lookups/policy-index.js';
import { annualQuota } from '../payout/model.js';
import type { CompensationPlanT, QuotaT } from '../schema.js';
import {
  canModel,
  DEFAULT_DISTRIBUTION,
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  drawAttainments,
  priceForce,
  rosterAttainments,
  rosterHeadcount,
  type AttainmentDistribution,
  type PopulationStats,
  type PricedForce,
} from './model.js';

export interface SalesForceOptions {
  /** The first day of the modelled year, for dated SPIFFs (the date the run judges at). */
  date?: string;
  distribution?: AttainmentDistribution;
  draws?: number;
  seed?: number;
  /** Draw every plan's force, even where the roster gives attainments. */
  ignoreRoster?: boolean;
}

/** Where one quota of a plan stops paying, and how much of the force gets there. */
export interface QuotaCap {
  quota: QuotaT;
  /** The attainment at which the quota pays nothing more: its cap as attainment, or where its pay reaches the cap amount. */
  attainment: number;
  /** Share of the force at or past that attainment. */
  shareAtCap: number;
}

const EPSILON = 1e-9;

export class SalesForce {
  readonly distribution: AttainmentDistribution;
  readonly draws: number;
  readonly seed: number;
  readonly date: string | undefined;
  private readonly ignoreRoster: boolean;
  private drawn: Float64Array | undefined;
  private readonly priced = new Map<CompensationPlanT, PricedForce | null>();

  constructor(
    private readonly index: PolicyIndex,
    options: SalesForceOptions = {},
  ) {
    this.distribution = options.distribution ?? DEFAULT_DISTRIBUTION;
    this.draws = options.draws ?? DEFAULT_DRAWS;
    this.seed = options.seed ?? DEFAULT_SEED;
    this.date = options.date;
    this.ignoreRoster = options.ignoreRoster ?? false;
  }

  /** What the plan pays the force; undefined when the plan has no quota to measure attainment against. */
  of(plan: CompensationPlanT): PopulationStats | undefined {
    return this.force(plan)?.stats;
  }

  /** Pay per seller on the plan, ascending (for a histogram); undefined as for `of`. */
  paysOf(plan: CompensationPlanT): Float64Array | undefined {
    return this.force(plan)?.pays;
  }

  /** Attainment per seller on the plan, ascending; undefined as for `of`. */
  attainmentsOf(plan: CompensationPlanT): Float64Array | undefined {
    return this.force(plan)?.attainments;
  }

  /** Every quota of the plan that stops paying at some attainment (a cap on its curve), with the share of the force there. */
  capsOf(plan: CompensationPlanT): QuotaCap[] {
    const force = this.force(plan);
    if (!force) return [];
    const caps: QuotaCap[] = [];
    for (const quota of plan.quotas ?? []) {
      const attainment = this.capAttainment(plan, quota);
      if (attainment === undefined) continue;
      caps.push({ quota, attainment, shareAtCap: shareAtOrAbove(force.attainments, attainment) });
    }
    return caps;
  }

  private force(plan: CompensationPlanT): PricedForce | undefined {
    let force = this.priced.get(plan);
    if (force === undefined) {
      force = canModel(plan) ? this.price(plan) : null;
      this.priced.set(plan, force);
    }
    return force ?? undefined;
  }

  private price(plan: CompensationPlanT): PricedForce {
    const roster = this.index.policy.roster ?? [];
    const fromRoster = this.ignoreRoster ? undefined : rosterAttainments(roster, plan.id);
    const headcount = rosterHeadcount(roster, plan.id);
    // One set of draws serves every plan: the same sales force, and the cost of drawing it paid once.
    const attainments = fromRoster ?? (this.drawn ??= sharedDraws(this.distribution, this.draws, this.seed));
    return priceForce(this.index.payoutOf(plan), attainments, {
      source: fromRoster ? 'roster' : 'distribution',
      ...(this.date !== undefined && { date: this.date }),
      ...(headcount !== undefined && { headcount }),
    });
  }

  /** Where the quota's curve stops paying, by 1,000% of quota; the pay never decreases with attainment, so an amount cap is found by bisection. */
  private capAttainment(plan: CompensationPlanT, quota: QuotaT): number | undefined {
    const cap = (quota.curve ?? plan.curve)?.cap;
    if (!cap) return undefined;
    if (cap.attainment !== undefined) return cap.attainment;
    const payout = this.index.payoutOf(plan);
    const payAt = (attainment: number) => {
      const amount = (attainment * annualQuota(quota)) / (payout.creditOf(quota.metric, quota.segment) || 1);
      const result = payout.pay([{ metric: quota.metric, ...(quota.segment !== undefined && { segment: quota.segment }), amount }]);
      return result.quotas.find((entry) => entry.quota === quota)?.pay ?? 0;
    };
    const TOP = 10;
    const ceiling = payAt(TOP);
    // Paying the same at 1,000% as just below it: the cap amount binds somewhere below.
    if (!(ceiling > 0) || payAt(TOP - 0.01) + EPSILON < ceiling) return undefined;
    let low = 0;
    let high = TOP;
    for (let step = 0; step < 50; step++) {
      const middle = (low + high) / 2;
      if (payAt(middle) + EPSILON >= ceiling) high = middle;
      else low = middle;
    }
    return Math.round(high * 10000) / 10000;
  }
}

/**
 * The draws of one (distribution, count, seed), kept across runs: an editor or a test lints many
 * policies in one process, and the same seed gives the same sellers for every one of them. Nothing
 * writes to a set of draws (pricing sorts a copy), so sharing it is safe; the last few are kept.
 */
const DRAWS_KEPT = 4;
const drawsByKey = new Map<string, Float64Array>();

function sharedDraws(distribution: AttainmentDistribution, count: number, seed: number): Float64Array {
  const key = `${distribution.median}\u0000${distribution.sigma}\u0000${count}\u0000${seed}`;
  let draws = drawsByKey.get(key);
  if (!draws) {
    draws = drawAttainments(distribution, count, seed);
    if (drawsByKey.size >= DRAWS_KEPT) drawsByKey.delete(drawsByKey.keys().next().value!);
    drawsByKey.set(key, draws);
  }
  return draws;
}

/** Share of ascending `sorted` values at or above `value`. */
function shareAtOrAbove(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! + EPSILON >= value) high = middle;
    else low = middle + 1;
  }
  return (sorted.length - low) / sorted.length;
}
