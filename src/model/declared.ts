/**
 * The optional keys of issue 22 item 4 (until, by, segments, quality_measured_by, counts_only_good,
 * ranked, per_unit, pool, excludes, window), read in one place. They are declared by the schema of
 * the format-additions work; this module reads them as plain data so that the model does not depend
 * on the order in which the schema gains them, and a policy without them reads as before.
 */
import type { MetricT, PriorityT, QuotaT } from '../schema.js';

type Loose = Record<string, unknown>;
const loose = (node: object | undefined): Loose => (node ?? {}) as Loose;

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const asIds = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;

/** The last day an instrument is in force (`until`), inclusive. */
export function untilOf(instrument: object): string | undefined {
  return asString(loose(instrument).until);
}

/** A priority's own deadline (`by`): timing is judged against it rather than the announcement. */
export function deadlineOf(priority: PriorityT): string | undefined {
  return asString(loose(priority).by);
}

/** The segments one line names: `segments: [a, b]`, or `segment: a`; empty means every segment. */
export function segmentsOf(line: { segment?: string }): string[] {
  const many = asIds(loose(line).segments);
  if (many && many.length > 0) return many;
  return line.segment === undefined ? [] : [line.segment];
}

/** The quality metric that measures the same units a count counts (`quality_measured_by`). */
export function qualityLinkOf(metric: MetricT | undefined): string | undefined {
  return asString(loose(metric).quality_measured_by);
}

/** The count counts only good units (`counts_only_good: true`): its quality gate is inside its definition. */
export function countsOnlyGood(metric: MetricT | undefined): boolean {
  return loose(metric).counts_only_good === true;
}

export interface Ranking {
  within: 'team' | 'company';
  top?: number;
  bottom?: number;
}

/** A rank against peers (`ranked: { within, top, bottom }`): a forced distribution. */
export function rankingOf(line: object): Ranking | undefined {
  const ranked = loose(line).ranked;
  if (typeof ranked !== 'object' || ranked === null) return undefined;
  const value = ranked as Loose;
  return {
    within: value.within === 'company' ? 'company' : 'team',
    top: typeof value.top === 'number' ? value.top : undefined,
    bottom: typeof value.bottom === 'number' ? value.bottom : undefined,
  };
}

/** A fixed amount per item counted (`per_unit`), instead of a share of an amount booked. */
export function perUnitOf(line: object): number | undefined {
  const value = loose(line).per_unit;
  return typeof value === 'number' ? value : undefined;
}

export interface Pool {
  fundedBy: string;
  share?: number;
  /** The share of variable pay the pool is, beside bonus components or commission; absent: what they leave. */
  weight?: number;
  rating: readonly (Loose & { metric: string; weight: number })[];
}

/** A pool funded by a metric and split by a rating (`pool: { funded_by, share, rating }`): pool × rating. */
export function poolOf(plan: object): Pool | undefined {
  const pool = loose(plan).pool;
  if (typeof pool !== 'object' || pool === null) return undefined;
  const value = pool as Loose;
  const fundedBy = asString(value.funded_by);
  if (fundedBy === undefined) return undefined;
  const rating = Array.isArray(value.rating) ? (value.rating as Pool['rating']) : [];
  return {
    fundedBy,
    share: typeof value.share === 'number' ? value.share : undefined,
    weight: typeof value.weight === 'number' ? value.weight : undefined,
    rating,
  };
}

/** The segments a quota leaves out (`excludes`). */
export function excludedSegmentsOf(quota: QuotaT | object): string[] {
  return asIds(loose(quota).excludes) ?? [];
}

export interface MeasurementWindow {
  days: number;
  every: string;
}

const PERIOD_DAYS: Readonly<Record<string, number>> = { week: 7, month: 31, quarter: 92, half: 184, year: 366 };

/** The measurement window of a line, else of its metric (`window: { days, every }`). */
export function windowOf(line: object | undefined, metric: MetricT | undefined): MeasurementWindow | undefined {
  for (const node of [line, metric]) {
    const window = loose(node).window;
    if (typeof window === 'object' && window !== null) {
      const value = window as Loose;
      if (typeof value.days === 'number' && typeof value.every === 'string') return { days: value.days, every: value.every };
    }
  }
  return undefined;
}

/** A window shorter than its period: a sample, which can be raised for the window alone. */
export function isSampled(window: MeasurementWindow | undefined): boolean {
  if (!window) return false;
  const period = PERIOD_DAYS[window.every];
  return period !== undefined && window.days < period - (window.every === 'month' ? 3 : window.every === 'year' ? 1 : 0);
}

/** The metric is a named deliverable done or not by its date (`deliverable: true`): a milestone, not a count to inflate or a pace. */
export function isDeliverable(metric: MetricT | undefined): boolean {
  return loose(metric).deliverable === true;
}

export type Stakes = 'pay' | 'review' | 'none';

/** What an OKR set's key results decide (`stakes`); absent: judged as if they decided pay. */
export function stakesOf(instrument: object): Stakes {
  const stakes = loose(instrument).stakes;
  return stakes === 'review' || stakes === 'none' ? stakes : 'pay';
}
