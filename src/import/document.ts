/**
 * The policy file an import writes, and how a re-run updates it. The file is one YAML document:
 * a header naming the export, version: 1, the teams, segments and metrics the rows name (unless the
 * policy already declares them), the strategy when the policy has none, and the imported section.
 *
 * A re-run merges into the file as it is now (the yaml Document API keeps every comment): an item is
 * found again by its id (plans, teams, metrics, OKR sets), its person or role (roster), or its
 * metric and segment (lines, quotas, key results). A value that carries a provenance comment naming
 * this export is the import's, and is updated or, when the export no longer has it, removed; every
 * other value, item and comment is the user's and is kept. Deleting a provenance comment makes the
 * value the user's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, isMap, isPair, isScalar, isSeq, Pair, parseAllDocuments as parseAll, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { IMPORT_TODO, provenance, type Built } from './build.js';
import type { LayoutName } from './layouts.js';
import type { Table } from './read-table.js';

const HEADER_MARK = 'Written by incentive-lint import';

export interface Declared {
  teams: Set<string>;
  segments: Set<string>;
  metrics: Set<string>;
  strategy: boolean;
}

const METRIC_TYPES = 'outcome, output, activity, quality, speed or behavior';

/** What the policy beside the output already declares (every version: 1 YAML file under `folder` but the output). */
export function declaredBeside(folder: string, output: string): Declared {
  const declared: Declared = { teams: new Set(), segments: new Set(), metrics: new Set(), strategy: false };
  const skip = path.resolve(output);
  const visit = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < 6 && !entry.name.startsWith('.') && entry.name !== 'node_modules') visit(full, depth + 1);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name) && full !== skip) {
        let documents: Document[];
        try {
          documents = parseAllDocuments(fs.readFileSync(full, 'utf8'));
        } catch {
          continue;
        }
        for (const document of documents) {
          const value = document.toJS() as Record<string, unknown> | null;
          if (!value || typeof value !== 'object' || value.version !== 1) continue;
          if (value.strategy !== undefined) declared.strategy = true;
          for (const kind of ['teams', 'segments', 'metrics'] as const) {
            for (const item of Array.isArray(value[kind]) ? (value[kind] as unknown[]) : []) {
              const id = (item as { id?: unknown } | null)?.id;
              if (typeof id === 'string') declared[kind].add(id);
            }
          }
        }
      }
    }
  };
  visit(folder, 0);
  return declared;
}

function parseAllDocuments(text: string): Document[] {
  const result = parseAll(text);
  return Array.isArray(result) ? (result as Document[]) : [];
}

/** The imported file, fresh: what a first import writes and --force rewrites. */
export function freshDocument(table: Table, layout: LayoutName, built: Built, declared: Declared, schema: string | undefined): Document {
  const doc = new Document(new YAMLMap());
  doc.commentBefore =
    `${schema ? ` yaml-language-server: $schema=${schema}\n` : ''}` +
    ` ${HEADER_MARK} from ${path.basename(table.file)}${table.sheet ? `, sheet ${table.sheet}` : ''} (layout ${layout}).\n` +
    ' Re-run the same command to update the values that carry a provenance comment (# file, row N);\n' +
    ' everything else you write here, and any value whose comment you delete, is kept.\n' +
    ` Lint reports every ${IMPORT_TODO} comment until you answer it and delete the comment.`;
  const root = doc.contents as YAMLMap;
  root.set('version', 1);
  if (!declared.strategy) {
    const strategy = new YAMLMap();
    strategy.set('priorities', new YAMLSeq());
    const pair = new Pair(new Scalar('strategy'), strategy);
    (pair.key as Scalar).commentBefore =
      ` ${IMPORT_TODO} a spreadsheet cannot say the strategy's stance: write its priorities, each with what it favors and\n` +
      ' what it deprioritizes (segments, metrics), such as - { id: enterprise-growth, favor: { segments: [enterprise] } },\n' +
      ' then delete this comment (or delete this strategy if another policy file has one)';
    root.items.push(pair);
  }
  const declare = (kind: 'teams' | 'segments' | 'metrics') => {
    const ids = [...built.referenced[kind]].filter(([id]) => !declared[kind].has(id));
    if (ids.length === 0) return;
    const seq = new YAMLSeq();
    for (const [id, rows] of ids) {
      const item = new YAMLMap();
      const scalar = new Scalar(id);
      scalar.comment = provenance(table, rows);
      item.set('id', scalar);
      if (kind === 'metrics')
        item.commentBefore = ` ${IMPORT_TODO} what does ${id} count? write type: ${METRIC_TYPES}, then delete this comment`;
      seq.items.push(item);
    }
    root.set(kind, seq);
  };
  declare('teams');
  declare('segments');
  declare('metrics');
  for (const [section, items] of built.sections) {
    const seq = new YAMLSeq();
    seq.items.push(...items);
    root.set(section, seq);
  }
  return doc;
}

export function isImportOutput(text: string): boolean {
  return text.split('\n', 6).some((line) => line.includes(HEADER_MARK));
}

export interface MergeCount {
  changed: number;
  added: number;
  removed: number;
}

/** Merges a fresh import into the file as it is, in place (see the module comment). */
export function mergeInto(existing: Document, fresh: Document): MergeCount {
  const count: MergeCount = { changed: 0, added: 0, removed: 0 };
  const owned = (node: unknown): boolean => {
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (typeof node.comment === 'string' && isProvenance(node.comment)) return true;
    }
    if (isMap(node) && !node.flow) return owned(node.get('id', true));
    return false;
  };
  const mergeMap = (old: YAMLMap, next: YAMLMap) => {
    for (const pair of next.items) {
      const key = keyOf(pair);
      const oldPair = old.items.find((candidate) => isPair(candidate) && keyOf(candidate) === key);
      if (!oldPair) {
        old.items.push(pair);
        count.added++;
        continue;
      }
      oldPair.value = mergeValue(oldPair.value as Node, pair.value as Node);
    }
    const keys = new Set(next.items.map(keyOf));
    old.items = old.items.filter((pair) => {
      const keep = keys.has(keyOf(pair)) || !owned(pair.value);
      if (!keep) count.removed++;
      return keep;
    });
  };
  const mergeValue = (old: Node, next: Node): Node => {
    if (isScalar(next)) {
      if (!isScalar(old)) return old;
      // A value without its provenance comment (deleted, or never there) is the user's.
      if (next.comment !== undefined && !owned(old)) return old;
      if (old.value !== next.value) {
        old.value = next.value;
        count.changed++;
      }
      if (next.comment !== undefined) old.comment = next.comment;
      return old;
    }
    if (isMap(next) && isMap(old)) {
      if (next.flow) {
        if (!owned(old)) return old;
        if (JSON.stringify(old.toJSON()) !== JSON.stringify(next.toJSON())) count.changed++;
        old.items = next.items;
        old.comment = next.comment;
        return old;
      }
      mergeMap(old, next);
      return old;
    }
    if (isSeq(next) && isSeq(old)) {
      mergeSeq(old, next);
      return old;
    }
    return old;
  };
  const mergeSeq = (old: YAMLSeq, next: YAMLSeq) => {
    const matched = new Set<unknown>();
    for (const item of next.items) {
      const identity = identityOf(item);
      const match = old.items.find((candidate) => !matched.has(candidate) && identity !== undefined && identityOf(candidate) === identity);
      if (match) {
        matched.add(match);
        const merged = mergeValue(match as Node, item as Node);
        old.items[old.items.indexOf(match)] = merged;
      } else {
        old.items.push(item);
        matched.add(item);
        count.added++;
      }
    }
    old.items = old.items.filter((item) => {
      const keep = matched.has(item) || !owned(item);
      if (!keep) count.removed++;
      return keep;
    });
  };
  mergeValue(existing.contents as Node, fresh.contents as Node);
  return count;
}

/**
 * A provenance comment of any export (`plans.csv, rows 2-3`, `plans.xlsx, sheet Plans, row 12`):
 * the next month's export often has another name, and its values are still the import's.
 */
function isProvenance(comment: string): boolean {
  return /^[^#\n]+\.(?:csv|txt|xlsx), (?:sheet .+, )?rows? \d+/i.test(comment.trim());
}

/** The layout the header of an imported file names, if any. */
export function headerLayout(text: string): string | undefined {
  return new RegExp(`${HEADER_MARK} from .* \\(layout (\\w+)\\)`).exec(text.split('\n', 6).join('\n'))?.[1];
}

/** The header of a re-run names the export it was updated from. */
export function renameHeader(existing: Document, fresh: Document): void {
  const line = (comment: string | null | undefined) => comment?.split('\n').find((text) => text.includes(HEADER_MARK));
  const old = line(existing.commentBefore);
  const next = line(fresh.commentBefore);
  if (old && next && existing.commentBefore) existing.commentBefore = existing.commentBefore.replace(old, next);
}

/** A pair's key as text: a parsed file has Scalar keys, a built document (map.set) plain ones. */
function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** What finds an item again on a re-run. */
function identityOf(node: unknown): string | undefined {
  if (isScalar(node)) return `=${String(node.value)}`;
  if (!isMap(node)) return undefined;
  const get = (key: string) => {
    const value = node.get(key);
    return value === undefined || value === null ? '' : String(value);
  };
  if (node.has('id')) return `id:${get('id')}`;
  if (node.has('person')) return `person:${get('person')}`;
  if (node.has('role')) return `role:${get('role')}`;
  if (node.has('metric')) return `metric:${get('metric')}\u0000${get('segment')}\u0000${get('description')}`;
  return undefined;
}
