import { defineRule, didYouMean, editDistance, suggestionBudget, type DistanceBudget, type Reference } from '../src/api.js';
import { DECLARED_IDS, REFERENCES } from './helpers/reads.js';

const SECTION: Record<Reference['kind'], string> = {
  metric: 'metrics',
  segment: 'segments',
  team: 'teams',
  instrument: 'compensation, okrs, promotions or recognition',
};

/**
 * "; the closest declared id is "x"", only when it is close: at most half of the id's characters
 * differ. A far id ("engineering" for "sales") sends people looking in the wrong place. `sorted`
 * is in code-point order, so that a tie goes to the first; the budget bounds the run's work.
 */
function nearestDeclared(id: string, sorted: readonly string[], budget: DistanceBudget, what = 'declared id'): string {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of sorted) {
    const limit = Math.min(bestDistance - 1, Math.floor(Math.max(id.length, candidate.length) / 2));
    if (limit < 0) break;
    const distance = editDistance(id, candidate, limit, budget);
    if (distance <= limit) [best, bestDistance] = [candidate, distance];
  }
  return best === undefined ? '' : ` (the closest ${what} is "${best}")`;
}

/**
 * A suggestion for every kind of id: a near spelling, else the one declared id that holds the
 * words of this one or whose words it holds ("support" for customer-support, "smb" for
 * smb-small), else the ids that are declared, so the reader never has to look them up.
 */
function suggestFor(
  id: string,
  kind: Reference['kind'],
  declared: ReadonlySet<string>,
  sorted: readonly string[],
  budget: DistanceBudget,
): string {
  const near = didYouMean(id, declared, budget) || nearestDeclared(id, sorted, budget);
  if (near) return near;
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const own = words(id);
  const holding = [...declared].filter((candidate) => {
    const theirs = words(candidate);
    return own.every((word) => theirs.includes(word)) || theirs.every((word) => own.includes(word));
  });
  if (holding.length === 1) return `; did you mean "${holding[0]}"?`;
  if (kind === 'instrument') return '';
  const ids = sorted;
  if (ids.length === 0) return `; no ${kind} is declared yet`;
  return `; the declared ${kind}s are ${ids.length > 12 ? `${ids.slice(0, 12).join(', ')} and ${ids.length - 12} more` : ids.join(', ')}`;
}

export default defineRule({
  meta: {
    id: 'unknown-reference',
    category: 'integrity',
    severity: 'error',
    summary: 'An id is used that the policy does not declare, or a waiver names a rule that does not exist',
    rationale:
      'A reference to an undeclared metric, segment, team or instrument is almost always a typo, and every rule that follows ' +
      'the reference silently skips it: a misspelled metric in a commission line escapes every alignment check. ' +
      'A waiver that names a misspelled rule accepts nothing, while its owner believes the exception is recorded.',
    source: 'policy format v1 (docs/format.md): every id a policy uses is declared once',
    reads: [...DECLARED_IDS, ...REFERENCES],
    examples: {
      bad: `metrics:
  - { id: new-arr }
compensation:
  - id: ae-2026
    commission:
      - { metric: new-ar, rate: "8%" }`,
      good: `compensation:
  - id: ae-2026
    commission:
      - { metric: new-arr, rate: "8%" }`,
    },
  },
  check({ policy, index, ruleIds, report }) {
    const declared: Record<Reference['kind'], ReadonlySet<string>> = {
      metric: new Set(index.metrics.keys()),
      segment: new Set(index.segments.keys()),
      team: new Set(index.teams.keys()),
      // Only waivers name instruments; a waiver of a finding about a team or priority names that instead.
      instrument: new Set([
        ...index.instrumentById.keys(),
        ...index.teams.keys(),
        ...index.segments.keys(),
        ...index.metrics.keys(),
        ...index.priorities.keys(),
      ]),
    };
    // A misspelled id tends to repeat; each one is compared with the declared ids once, within one budget for the run.
    const suggestions = new Map<string, string>();
    const budget = suggestionBudget();
    const sorted = new Map<Reference['kind'], string[]>();
    const sortedOf = (kind: Reference['kind']) => sorted.get(kind) ?? sorted.set(kind, [...declared[kind]].sort()).get(kind)!;
    for (const reference of index.references) {
      if (declared[reference.kind].has(reference.id)) continue;
      const key = `${reference.kind}:${reference.id}`;
      let suggestion = suggestions.get(key);
      if (suggestion === undefined) {
        suggestion = suggestFor(reference.id, reference.kind, declared[reference.kind], sortedOf(reference.kind), budget);
        suggestions.set(key, suggestion);
      }
      report({
        node: reference.node,
        key: reference.key,
        message: `Unknown ${reference.kind} "${reference.id}"${suggestion}`,
        fix: suggestion.startsWith('; did you mean')
          ? `write ${/"(.*)"/.exec(suggestion)![1]}, or declare ${reference.id} under ${SECTION[reference.kind]}`
          : `declare ${reference.id} under ${SECTION[reference.kind]}, or use an id declared there`,
      });
    }
    // A waiver names a rule too: one that names no rule that exists never applies, silently.
    for (const waiver of policy.waivers) {
      if (ruleIds.has(waiver.rule)) continue;
      const suggestion = didYouMean(waiver.rule, ruleIds, budget) || nearestDeclared(waiver.rule, [...ruleIds].sort(), budget, 'rule id');
      report({
        node: waiver,
        key: 'rule',
        message: `Unknown rule "${waiver.rule}" in the waiver for ${waiver.target}, so the waiver accepts no finding${suggestion}`,
        fix: suggestion.startsWith('; did you mean')
          ? `write ${/"(.*)"/.exec(suggestion)![1]}`
          : 'name a rule that exists (`incentive-lint rules` lists them), or remove the waiver',
      });
    }
  },
});
