import { defineRule, type KeyResultT } from '../src/api.js';

/**
 * A target is measurable when it holds a number ("+20%", "8 per day", 0) or a single-letter
 * placeholder for a number kept confidential ("$N", as published OKRs often write it).
 */
/** Words that name a level one can check at the end of the period without a number: a frequency, zero or never. */
const CHECKABLE_WORDS = /\b(?:hourly|daily|weekly|monthly|quarterly|yearly|annually|zero|never)\b/i;

function isMeasurable(target: KeyResultT['target']): boolean {
  if (typeof target === 'number') return Number.isFinite(target);
  if (target === undefined) return false;
  return /\d/.test(target) || /(?:^|[^A-Za-z])[A-Z](?![A-Za-z])/.test(target) || CHECKABLE_WORDS.test(target);
}

export default defineRule({
  meta: {
    id: 'unmeasurable-key-result',
    category: 'balanced-measurement',
    severity: 'warning',
    summary: 'A key result has no measurable target: none, or words such as "maximize" or "increase"',
    rationale:
      'A key result is how the objective is measured: "if it does not have a number, it is not a key result" (Doerr, Measure What Matters). ' +
      'Without a target nobody can tell at the end of the quarter whether it was met, so the metric is watched but not managed, and the ' +
      'grading turns into a negotiation. "Maximize" is the worst case: a target with no upper bound invites trading everything else for it.',
    source: 'Doerr (2018), Measure What Matters; Grove (1983), High Output Management',
    examples: {
      bad: `okrs:
  - id: web-2026-q4
    key_results:
      - { metric: filter-usage, target: increase }`,
      good: `okrs:
  - id: web-2026-q4
    key_results:
      - { metric: filter-usage, target: "30% of searches" }`,
    },
  },
  check({ index, report }) {
    for (const reward of index.rewards) {
      if (reward.component !== 'key_result') continue;
      const line = reward.node;
      if (isMeasurable(line.target)) continue;
      const said = line.target === undefined ? 'no target' : `the target "${line.target}", which is not a number`;
      report({
        node: reward.node,
        ...(line.target === undefined ? {} : { key: 'target' }),
        message: `OKR set ${reward.instrument.id} has a key result on ${line.metric} with ${said}: nobody can tell at the end of the period whether it was met.`,
        fix: `write the level to reach, such as target: "+20%" or target: "95% within 14 days", on the key result on ${line.metric} in ${reward.instrument.id}`,
      });
    }
  },
});
