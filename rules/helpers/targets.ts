/** Whether a key result's target can be checked at the end of the period: shared by unmeasurable-key-result, which reports one that cannot, and gameable-target, which leaves it to that rule. */
import type { KeyResultT } from '../../src/api.js';

/** Words that name a level one can check at the end of the period without a number: a frequency, zero or never. */
const CHECKABLE_WORDS = /\b(?:hourly|daily|weekly|monthly|quarterly|yearly|annually|zero|never)\b/i;

/**
 * A target is measurable when it holds a number ("+20%", "8 per day", 0), a single-letter placeholder
 * for a number kept confidential ("$N", as published OKRs often write it) or a checkable word;
 * "maximize" or "increase" is no target.
 */
export function isMeasurableTarget(target: KeyResultT['target']): boolean {
  if (typeof target === 'number') return Number.isFinite(target);
  if (target === undefined) return false;
  return /\d/.test(target) || /(?:^|[^A-Za-z])[A-Z](?![A-Za-z])/.test(target) || CHECKABLE_WORDS.test(target);
}
