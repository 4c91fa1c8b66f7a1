/**
 * "Which declarations change which findings": the part of docs/format.md generated from the rules'
 * `meta.reads`, so that an analyst sees what declaring a key buys. The rows follow the schema's
 * order; every path a rule names must be a key of the schema, or the docs are not generated.
 */
import type { AnyRule } from './engine/rule.js';
import { isPolicyKeyPath, policyKeyPaths } from './schema-keys.js';

export const READS_TITLE = 'Which declarations change which findings';
const READS_ANCHOR = 'which-declarations-change-which-findings';

const READS_INTRODUCTION = `Each rule names the keys it reads (\`reads\` in its metadata, \`incentive-lint explain RULE\` prints
them): the keys whose declaration can add, remove or move one of its findings, read directly or
through what the rule asks of the policy (what serves a priority, what a plan pays, what guards a
count). Keys that only appear in a finding's words (a rate quoted in the message, the metric a fix
suggests) or only decide which of two equal lines a finding points at are left out. A section
(\`compensation\`) stands for every key in it. Besides these, every rule's findings on an instrument
that ended (\`until\`) before the date rules judge at, or that names an undeclared id, are left out
(integrity findings stay). A key that is not listed changes no rule's finding; it may still matter
to the gate, the report or \`simulate\`.`;

/** The rules that read each key, in the rules' order, by path; throws on a path that names no key of the schema. */
export function readersByKey(rules: readonly AnyRule[]): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  for (const rule of rules) {
    for (const path of new Set(rule.meta.reads ?? [])) {
      if (!isPolicyKeyPath(path))
        throw new Error(
          `rule ${rule.meta.id} reads "${path}", which is no key of the policy format (write paths such as metrics[].nets_churn)`,
        );
      readers.set(path, [...(readers.get(path) ?? []), rule.meta.id]);
    }
  }
  return readers;
}

/**
 * The section: one row per key some rule reads, in schema order, the key linked to the section of
 * this page that describes it (`sectionOf` gives its anchor) and each rule to docs/rules.md.
 */
export function readsMarkdown(readers: ReadonlyMap<string, readonly string[]>, sectionOf: (path: string) => string | undefined): string[] {
  const lines = [`## ${READS_TITLE}`, '', READS_INTRODUCTION, '', '| key | read by |', '| --- | --- |'];
  for (const path of policyKeyPaths()) {
    const ids = readers.get(path);
    if (!ids) continue;
    const anchor = sectionOf(path);
    const key = anchor === undefined ? `\`${path}\`` : `[\`${path}\`](#${anchor})`;
    lines.push(`| ${key} | ${ids.map((id) => `[${id}](rules.md#${id})`).join(', ')} |`);
  }
  return lines;
}

/** The most rules a key's row in the reference names; a key more rules read points to the table. */
const MOST_NAMED = 6;

/**
 * The "Read by" note of one key's row in the reference. The key sits at `paths` (a section reached
 * from several keys, such as favor and deprioritize, has several): where its readers differ by path,
 * or are many, the note points to the table, which has a row per path.
 */
export function readByNote(readers: ReadonlyMap<string, readonly string[]>, paths: readonly string[]): string {
  const found = paths.map((path) => readers.get(path));
  if (found.every((ids) => ids === undefined)) return '';
  const [first] = found;
  const same = first !== undefined && found.every((ids) => ids !== undefined && ids.join() === first.join());
  if (same && first.length <= MOST_NAMED) return ` Read by: ${first.join(', ')}.`;
  const count = new Set(found.flatMap((ids) => ids ?? [])).size;
  return ` Read by ${count} rule${count === 1 ? '' : 's'}: see [${READS_TITLE}](#${READS_ANCHOR}).`;
}
