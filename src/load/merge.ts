/**
 * One policy from its validated documents: list sections concatenated in load order, exactly one
 * strategy, one organization, and the provenance of every node for positions.
 */
import type { Diagnostic } from '../diagnostics.js';
import { LIST_SECTIONS, type ListSection, type Policy, type PolicyDocument, type StrategyT } from '../schema.js';
import { Provenance } from './provenance.js';
import type { PolicySource } from './source.js';

export interface ValidDocument {
  source: PolicySource;
  value: PolicyDocument;
}

export interface Merged {
  result: { policy: Policy; provenance: Provenance; sources: PolicySource[]; sections: Record<ListSection, object[]> };
  diagnostics: Diagnostic[];
}

/** List sections are concatenated in file order; `strategy` must appear exactly once. */
export function mergeDocuments(documents: ValidDocument[]): Merged {
  const provenance = new Provenance();
  const diagnostics: Diagnostic[] = [];
  const sections = Object.fromEntries(LIST_SECTIONS.map((name) => [name, [] as object[]])) as Record<ListSection, object[]>;
  const lists = Object.fromEntries(LIST_SECTIONS.map((name) => [name, [] as unknown[]])) as Record<ListSection, unknown[]>;
  let strategy: { value: StrategyT; source: PolicySource } | undefined;
  let organization: { value: string; source: PolicySource } | undefined;
  let currency: { value: string; source: PolicySource } | undefined;

  for (const { source, value } of documents) {
    provenance.record(value, source);
    if (value.strategy) {
      if (strategy) {
        diagnostics.push({
          ...source.locate(['strategy']),
          message: secondStrategyMessage(strategy.source, source),
          source: 'policy',
        });
      } else {
        strategy = { value: value.strategy, source };
      }
    }
    if (value.organization !== undefined) {
      if (organization && organization.value !== value.organization) {
        diagnostics.push({
          ...source.locate(['organization']),
          message: `organization "${value.organization}" differs from "${organization.value}" in ${organization.source.file}: a policy describes one organization`,
          source: 'policy',
        });
      }
      organization ??= { value: value.organization, source };
    }
    if (value.currency !== undefined) {
      if (currency && currency.value !== value.currency) {
        diagnostics.push({
          ...source.locate(['currency']),
          message: `currency ${value.currency} differs from ${currency.value} in ${currency.source.file}: every amount of a policy is in one currency; convert the amounts and write currency: ${currency.value}`,
          source: 'policy',
        });
      }
      currency ??= { value: value.currency, source };
    }
    for (const name of LIST_SECTIONS) {
      const section = value[name];
      if (!section) continue;
      sections[name].push(section);
      appendAll(lists[name], section);
    }
  }

  const first = documents[0]!.source;
  if (!strategy) {
    diagnostics.push({
      file: first.file,
      line: 1,
      column: 1,
      message: 'the policy has no strategy: add a `strategy:` section with its priorities (what to favor and what to deprioritize)',
      source: 'policy',
    });
  }
  const policy = {
    version: 1,
    organization: organization?.value,
    ...(currency && { currency: currency.value }),
    strategy: strategy?.value ?? { priorities: [] },
    ...lists,
  } as Policy;
  return { result: { policy, provenance, sources: documents.map((d) => d.source), sections }, diagnostics };
}

/** `target.push(...items)` overflows the call stack past ~100,000 items: a 50 MB policy has more. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The first line init's starter policy carries (src/commands/init-templates.ts). */
const STARTER_MARK = '# A starter policy for incentive-lint';

/**
 * Two strategies: merging is the advice, unless one of them is the starter `init` wrote, whose
 * example strategy was never the user's: then the starter goes.
 */
function secondStrategyMessage(first: PolicySource, second: PolicySource): string {
  const firstAt = `${first.file}:${first.locate(['strategy']).line}`;
  // Still the starter: its mark and its example organization are there (an edited starter is the user's).
  const starter = [first, second].find(
    (source) => source.text.includes(STARTER_MARK) && /^organization: Example Co\s*$/m.test(source.text),
  );
  if (starter) {
    const other = starter === first ? second : first;
    return `a second strategy: ${starter.file} is the starter policy init wrote, and ${other.file} has a strategy of its own: delete ${starter.file}, or replace its content with your policy (a policy has exactly one strategy)`;
  }
  return `a second strategy: a policy has exactly one (the first is in ${firstAt}); merge the priorities into it`;
}
