/** What a deal in a segment is worth and how long it takes to close: the effort side of the rational choice. */
import type { SegmentT } from '../schema.js';

export interface DealEconomics {
  salesCycleDays: number;
  avgDealSize: number;
}

/**
 * The sales cycle and deal size of `segment`, or undefined unless it declares both. It needs only the
 * declared segments (a `PolicyIndex` has them), so the index can price plans without a cycle back here.
 */
export function dealEconomics(
  declarations: { readonly segments: ReadonlyMap<string, SegmentT> },
  segment: string | undefined,
): DealEconomics | undefined {
  const declared = segment === undefined ? undefined : declarations.segments.get(segment);
  if (declared?.sales_cycle_days === undefined || declared.avg_deal_size === undefined) return undefined;
  return { salesCycleDays: declared.sales_cycle_days, avgDealSize: declared.avg_deal_size };
}

/** Months of sales cycle a deal takes, with `daysPerMonth` days to a month. */
export function cycleMonths(economics: DealEconomics, daysPerMonth: number): number {
  return economics.salesCycleDays / daysPerMonth;
}

/**
 * Commission earned per month of sales cycle: rate × average deal size ÷ cycle months. What a
 * seller compares between segments ("Enterprise deals take 6-9 months. SMB deals close in 3 weeks.
 * Rational choice: close SMB deals"); effort-adjusted-pay judges it.
 */
export function commissionPerMonth(rate: number, economics: DealEconomics, daysPerMonth: number): number {
  return (rate * economics.avgDealSize) / cycleMonths(economics, daysPerMonth);
}
