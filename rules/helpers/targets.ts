/** Whether a key result's target can be checked at the end of the period, and whether it sets a level a count can be gamed toward: the model's one reading of a target. */
import { isCheckable, setsLevel, type KeyResultT } from '../../src/api.js';

/** A target one can check at the end of the period (unmeasurable-key-result). */
export function isMeasurableTarget(target: KeyResultT['target']): boolean {
  return isCheckable(target);
}

/** A target that sets a level to reach, absolute or relative to a moving reference (gameable-target, vanity-metric). */
export function hasLevel(target: KeyResultT['target']): boolean {
  return setsLevel(target);
}

/** A ceiling: "< 2%", "≤ 5", "at most 3", "no more than 1 a week", "below 2%", "under 10"; or a push down: "reduce by 10%", "fewer than last year". */
const CEILING =
  /^\s*(?:<|\u2264|=<|at most\b|no more than\b|max(?:imum)?\b|below\b|under\b|fewer\b|less than\b|reduce[sd]?\b|cut\b|lower\b|decrease[sd]?\b|halve\b|-\s*\d)/i;

/**
 * Whether a key result limits its metric rather than pushes it: marked guardrail, or a target
 * written as a ceiling. Such a key result on a metric the strategy deprioritizes holds it down.
 */
export function limitsItsMetric(keyResult: Pick<KeyResultT, 'target' | 'guardrail'>): boolean {
  return keyResult.guardrail === true || (typeof keyResult.target === 'string' && CEILING.test(keyResult.target));
}
