import { defineRule, targetExamples } from '../src/api.js';
import { isMeasurableTarget } from './helpers/targets.js';

export default defineRule({
  meta: {
    id: 'unmeasurable-key-result',
    category: 'balanced-measurement',
    severity: 'warning',
    summary: 'A key result has no measurable target: none, or words such as "maximize" or "increase"',
    rationale:
      'A key result is how the objective is measured: "if it does not have a number, it is not a key result" (Doerr, Measure What Matters). ' +
      'Without a target nobody can tell at the end of the quarter whether it was met, so the metric is watched but not managed, and the ' +
      'grading turns into a negotiation. "Maximize" is the worst case: a target with no upper bound invites trading everything else for it. ' +
      'A deliverable, done or not at the end of the period ("Runway operates production services"), is checkable; words of degree with ' +
      'no level ("Improve on-call experience", "Ensure sufficient capacity") are not.',
    source: 'Doerr (2018), Measure What Matters; Grove (1983), High Output Management',
    reads: ['okrs[].key_results[].target'],
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
      if (isMeasurableTarget(line.target)) continue;
      const said = line.target === undefined ? 'no target' : `the target "${line.target}", which is not a number`;
      report({
        node: reward.node,
        ...(line.target === undefined ? {} : { key: 'target' }),
        message: `OKR set ${reward.instrument.id} has a key result on ${line.metric} with ${said}: nobody can tell at the end of the period whether it was met.`,
        fix: `write the level of ${line.metric} to reach, such as ${targetExamples()}, on the key result on ${line.metric} in ${reward.instrument.id}`,
      });
    }
  },
});
