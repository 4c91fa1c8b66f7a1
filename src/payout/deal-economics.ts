/** What a deal in a segment is worth and how long it takes to close: the effort side of the rational choice. */
import type { PolicyIndex } from '../engine/lookups/policy-index.js';

export interface DealEconomics {
  salesCycleDays: number;
  avgDealSize: number;
}

/** The sales cycle and deal size of `segment`, or undefined unless it declares both. */
export function dealEconomics(index: PolicyIndex, segment: string | undefined): DealEconomics | undefined {
  const declared = segment === undefined ? undefined : index.segments.get(segment);
  if (declared?.sales_cycle_days === undefined || declared.avg_deal_size === undefined) return undefined;
  return { salesCycleDays: declared.sales_cycle_days, avgDealSize: declared.avg_deal_size };
}
