/**
 * Which findings two runs share, which are new and which are gone: matched one to one by rule, what
 * they are about (instrument or subject) and message, not by line, so a finding that only moved is
 * unchanged. `report --since` and `diff --impact` both read it.
 */
import type { Finding } from '../engine/run.js';
import { groupBy } from '../group-by.js';

export interface FindingChanges {
  added: Finding[];
  fixed: Finding[];
  unchanged: Finding[];
}

const keyOf = (finding: Finding) => [finding.rule, finding.instrument ?? finding.subject ?? '', finding.message].join('\u0000');

/** Matches findings one to one by key: what is only in `now` is new, only in `then` fixed. */
export function compareFindings(then: readonly Finding[], now: readonly Finding[]): FindingChanges {
  const remaining = groupBy(then, keyOf);
  // How many of each key's earlier findings are matched so far (taking them off the front one by one would cost the square of their number).
  const matched = new Map<string, number>();
  const added: Finding[] = [];
  const unchanged: Finding[] = [];
  for (const finding of now) {
    const key = keyOf(finding);
    const taken = matched.get(key) ?? 0;
    if (taken < (remaining.get(key)?.length ?? 0)) {
      matched.set(key, taken + 1);
      unchanged.push(finding);
    } else added.push(finding);
  }
  return { added, fixed: [...remaining].flatMap(([key, earlier]) => earlier.slice(matched.get(key) ?? 0)), unchanged };
}
