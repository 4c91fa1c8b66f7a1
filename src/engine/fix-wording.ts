/**
 * Examples in fix texts, derived from the policy's own metrics rather than borrowed from one
 * industry: a steel mill is not told to measure "accounts still used after 90 days", nor a school
 * district to claw back pay on refunds. Each helper names the policy's own metrics (by id, as every
 * fix does) and otherwise uses words every incentive system shares.
 */
import { listIds } from './format.js';

/**
 * A quality measure of the same units a count counts: "the share of what solutions-sold counts that
 * later proves wrong, reversed or unwanted, checked by someone other than the team".
 */
export function qualityOfCountedExample(metrics: readonly string[]): string {
  return `such as the share of what ${listIds(metrics, 'and')} ${new Set(metrics).size === 1 ? 'counts' : 'count'} that later proves wrong, reversed or unwanted, checked by someone other than the team`;
}

/** An integrity measure of a number the team reports itself: an independent check of that number. */
export function independentCheckExample(metrics: readonly string[]): string {
  return `such as an independent check of ${listIds(metrics, 'and')} as the team reports ${new Set(metrics).size === 1 ? 'it' : 'them'}`;
}

/** The clawback that takes back what gaming a count earned: misconduct is the trigger every system shares. */
export const GAMING_CLAWBACK = 'clawback: { months: 12, triggers: [misconduct] }';

/**
 * Targets that set a level of the key result's own metric, a change or an amount, both of which a
 * key result accepts as measurable: target: "+20%" or target: "at least 120".
 */
export function targetExamples(): string {
  return 'target: "+20%" (a change from where it stands) or target: "at least 120" (a level, in the unit the metric is counted in)';
}
