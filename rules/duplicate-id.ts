import { defineRule, type Declaration } from '../src/api.js';
import { DECLARED_IDS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'duplicate-id',
    category: 'integrity',
    severity: 'error',
    summary: 'An id is declared twice in the policy',
    rationale:
      'Ids are unique across the whole policy, whatever file they are declared in: a second plan with the same id makes every ' +
      'reference to it (waivers, baselines, diffs) ambiguous. Segments, teams, metrics, priorities and instruments each form one namespace.',
    source: 'policy format v1 (docs/format.md): ids are unique across the whole policy',
    reads: DECLARED_IDS,
    examples: {
      bad: `compensation:
  - { id: ae-2026, team: sales }
okrs:
  - { id: ae-2026, team: sales }`,
      good: `compensation:
  - { id: ae-2026, team: sales }
okrs:
  - { id: sales-2026-q3, team: sales }`,
    },
  },
  check({ index, report }) {
    const first = new Map<string, Declaration>();
    for (const declaration of index.declarations) {
      const key = `${declaration.kind}:${declaration.id}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, declaration);
        continue;
      }
      report({
        node: declaration.node,
        key: 'id',
        message: `The ${declaration.kind} id "${declaration.id}" is declared more than once.`,
        fix: `rename this ${declaration.kind} (for example ${declaration.id}-2) or remove the duplicate`,
      });
    }
  },
});
