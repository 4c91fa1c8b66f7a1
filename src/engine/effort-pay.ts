/**
 * Commission per month of selling effort: what a seller compares between segments ("Enterprise
 * deals take 6-9 months. SMB deals close in 3 weeks. Rational choice: close SMB deals"). One formula,
 * used by the effort-adjusted-pay rule and by the HTML report's chart, so they never disagree.
 */
import type { DealEconomics } from './policy-index.js';

/** Months of sales cycle a deal of `economics` takes, with `daysPerMonth` days to a month. */
export function cycleMonths(economics: DealEconomics, daysPerMonth: number): number {
  return economics.salesCycleDays / daysPerMonth;
}

/** Commission earned per month of sales cycle: rate × average deal size ÷ cycle months. */
export function commissionPerMonth(rate: number, economics: DealEconomics, daysPerMonth: number): number {
  return (rate * economics.avgDealSize) / cycleMonths(economics, daysPerMonth);
}
