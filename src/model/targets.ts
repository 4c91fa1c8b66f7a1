/**
 * How a target is made, read once for every rule: a level to reach (a number, a placeholder for one, a
 * checkable word), a level relative to a moving reference ("below the same period last year", "set
 * each month"), a deliverable done or not, words of degree with no level ("maximize"), or none.
 * Targets are free text: reading their words is reading what the policy says, not how ids are spelled.
 * A deadline's digits are a date, not a level: "ship the new checkout by 2026-06-30" is a deliverable;
 * so are a version label's ("deliver Rev 3.2 masks to fab by April 9").
 */
export type TargetKind = 'level' | 'relative' | 'deliverable' | 'degree' | 'none';

/** Words that name a level one can check at the end of the period without a digit: a frequency, zero or never, a number in words. */
const CHECKABLE_WORDS =
  /\b(?:hourly|daily|weekly|monthly|quarterly|yearly|annually|zero|never|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half)\b/i;

/** Words of degree with no level: "improve", "increase accuracy", "ensure sufficient capacity", "maximize". */
const DEGREE_WORDS =
  /\b(?:improve[sd]?|improving|increase[sd]?|increasing|reduce[sd]?|reducing|decrease[sd]?|grow|growing|enhance[sd]?|optimi[sz]e[sd]?|maximi[sz]e[sd]?|minimi[sz]e[sd]?|mature|ensure|maintain|boost|strengthen|address|better|more|less|higher|lower)\b/i;

/** A level measured against a reference that moves with the team's own past or a manager's setting. */
const RELATIVE_WORDS =
  /\b(?:last (?:year|quarter|month|week|period)|previous (?:year|quarter|month|period)|prior (?:year|quarter|month|period)|same (?:period|quarter|month|week) (?:last|a) year|year[- ]over[- ]year|baseline|set (?:each|every) (?:week|month|quarter|year|period)|than before)\b/i;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d{2}(?!\\s*[A-Za-z%\\d])';
const PERIOD = "(?:q[1-4]|h[12])(?:\\s*(?:fy)?\\s*'?\\d{2,4})?|fy\\s*'?\\d{2,4}";

/** A deadline: "by 2026-06-30", "no later than June 15", "by end of Q3", "before 2004". Its digits are a date, not a level. */
const DEADLINE = new RegExp(
  `\\b(?:by|before|until|till|no later than|due|on or before|in)\\s+(?:the\\s+)?(?:end of\\s+(?:the\\s+)?)?(?:\\d{4}-\\d{2}-\\d{2}|${PERIOD}|${MONTH}(?:\\s+${DAY})?(?:,?\\s+${YEAR})?|${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?|${YEAR})`,
  'gi',
);

/** A version, revision or release label ("Rev 3.2", "v2.1", "version 3"): it names what is delivered, not a level to reach. */
const VERSION_LABEL = /\b(?:rev(?:ision)?|version|release|v)\.?\s*\d+(?:\.\d+)*[a-z]?\b/gi;

/** The target without its deadline and version labels: what is left says whether it sets a level or names a deliverable. */
function withoutDeadline(target: string): string {
  return target.replace(DEADLINE, ' ').replace(VERSION_LABEL, ' ');
}

export function targetKind(target: string | number | undefined): TargetKind {
  if (target === undefined) return 'none';
  if (typeof target === 'number') return Number.isFinite(target) ? 'level' : 'none';
  if (RELATIVE_WORDS.test(target)) return 'relative';
  target = withoutDeadline(target);
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
