/** Whether a key result's target can be checked at the end of the period (unmeasurable-key-result), and whether it sets a level a count can be gamed toward (gameable-target). */
import type { KeyResultT } from '../../src/api.js';

/** Words that name a level one can check at the end of the period without a number: a frequency, zero or never. */
const CHECKABLE_WORDS = /\b(?:hourly|daily|weekly|monthly|quarterly|yearly|annually|zero|never)\b/i;

/** Words of degree with no level: "improve", "increase accuracy", "ensure sufficient capacity", "maximize". */
const DEGREE_WORDS =
  /\b(?:improve[sd]?|improving|increase[sd]?|increasing|reduce[sd]?|reducing|decrease[sd]?|grow|growing|enhance[sd]?|optimi[sz]e[sd]?|maximi[sz]e[sd]?|minimi[sz]e[sd]?|mature|ensure|maintain|boost|strengthen|address|better|more|less|higher|lower)\b/i;

/**
 * A target is measurable when it holds a number ("+20%", "8 per day", 0), a single-letter placeholder
 * for a number kept confidential ("$N", as published OKRs often write it) or a checkable word; or when
 * it states a deliverable, done or not at the end of the period ("Runway operates production
 * services", "Unify the handbook tools"). Words of degree with no level ("maximize", "increase",
 * "Improve on-call experience") are no target.
 */
export function isMeasurableTarget(target: KeyResultT['target']): boolean {
  return hasLevel(target) || (typeof target === 'string' && !DEGREE_WORDS.test(target));
}

/** A target that sets a level to reach (a number, a placeholder for one, or a checkable word), not only a deliverable: what a count can be gamed toward. */
export function hasLevel(target: KeyResultT['target']): boolean {
  if (typeof target === 'number') return Number.isFinite(target);
  if (target === undefined) return false;
  return /\d/.test(target) || /(?:^|[^A-Za-z])[A-Z](?![A-Za-z])/.test(target) || CHECKABLE_WORDS.test(target);
}

/** A ceiling: "< 2%", "≤ 5", "at most 3", "no more than 1 a week", "below 2%", "under 10". */
const CEILING = /^\s*(?:<|\u2264|=<|at most\b|no more than\b|max(?:imum)?\b|below\b|under\b|fewer than\b|less than\b)/i;

/**
 * Whether a key result limits its metric rather than pushes it: marked guardrail, or a target
 * written as a ceiling. Such a key result on a metric the strategy deprioritizes holds it down.
 */
export function limitsItsMetric(keyResult: Pick<KeyResultT, 'target' | 'guardrail'>): boolean {
  return keyResult.guardrail === true || (typeof keyResult.target === 'string' && CEILING.test(keyResult.target));
}
