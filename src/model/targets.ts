/**
 * How a target is made, read once for every rule: a level to reach (a number, a placeholder for one, a
 * checkable word), a level relative to a moving reference ("below the same period last year", "set
 * each month"), a deliverable done or not, words of degree with no level ("maximize"), or none.
 * Targets are free text: reading their words is reading what the policy says, not how ids are spelled.
 */
export type TargetKind = 'level' | 'relative' | 'deliverable' | 'degree' | 'none';

/** Words that name a level one can check at the end of the period without a number: a frequency, zero or never. */
const CHECKABLE_WORDS = /\b(?:hourly|daily|weekly|monthly|quarterly|yearly|annually|zero|never)\b/i;

/** Words of degree with no level: "improve", "increase accuracy", "ensure sufficient capacity", "maximize". */
const DEGREE_WORDS =
  /\b(?:improve[sd]?|improving|increase[sd]?|increasing|reduce[sd]?|reducing|decrease[sd]?|grow|growing|enhance[sd]?|optimi[sz]e[sd]?|maximi[sz]e[sd]?|minimi[sz]e[sd]?|mature|ensure|maintain|boost|strengthen|address|better|more|less|higher|lower)\b/i;

/** A level measured against a reference that moves with the team's own past or a manager's setting. */
const RELATIVE_WORDS =
  /\b(?:last (?:year|quarter|month|week|period)|previous (?:year|quarter|month|period)|prior (?:year|quarter|month|period)|same (?:period|quarter|month|week) (?:last|a) year|year[- ]over[- ]year|baseline|set (?:each|every) (?:week|month|quarter|year|period)|than before)\b/i;

export function targetKind(target: string | number | undefined): TargetKind {
  if (target === undefined) return 'none';
  if (typeof target === 'number') return Number.isFinite(target) ? 'level' : 'none';
  if (RELATIVE_WORDS.test(target)) return 'relative';
  if (/\d/.test(target) || /(?:^|[^A-Za-z])[A-Z](?![A-Za-z])/.test(target) || CHECKABLE_WORDS.test(target)) return 'level';
  return DEGREE_WORDS.test(target) ? 'degree' : 'deliverable';
}

/** A target that sets a level to reach, absolute or relative: what a count can be gamed toward. */
export function setsLevel(target: string | number | undefined): boolean {
  const kind = targetKind(target);
  return kind === 'level' || kind === 'relative';
}

/** A target one can check at the end of the period: a level (absolute or relative) or a deliverable. */
export function isCheckable(target: string | number | undefined): boolean {
  const kind = targetKind(target);
  return kind === 'level' || kind === 'relative' || kind === 'deliverable';
}
