/**
 * Policies for rule tests, built from data rather than by editing text: a fragment merged onto the
 * base policy, then structured edits (set or delete the value at a path), then written out as YAML
 * in one fixed layout. An edit whose path does not exist fails loudly instead of doing nothing.
 */
import { Document, isMap, isSeq, parse, visit } from 'yaml';
import { LIST_SECTIONS } from '../schema.js';
import { BASE_POLICY } from './base-policy.js';

/** Part of a policy: YAML text (a mapping) or the same as data. */
export type PolicyFragment = string | Record<string, unknown>;

/** A path into the policy: `"strategy.priorities.0.favor"` or `["strategy", "priorities", 0, "favor"]`. */
export type PolicyPath = string | readonly (string | number)[];

export type PolicyEdit = { path: PolicyPath; set: unknown } | { path: PolicyPath; delete: true };

/** Sets the value at `path` (its parent must exist; a list index may be one past the end, to append). */
export function set(path: PolicyPath, value: unknown): PolicyEdit {
  return { path, set: value };
}

/** Deletes the key (or list item) at `path`, which must exist. */
export function remove(path: PolicyPath): PolicyEdit {
  return { path, delete: true };
}

const LISTS: ReadonlySet<string> = new Set(LIST_SECTIONS);

/**
 * The base policy with `fragment` merged in: list sections (segments, teams, metrics, the four
 * levers, waivers) are appended to, except that an item whose id is already in the base list takes
 * its place (once: a second item with that id is appended); `strategy` is merged key by key (a
 * fragment's `priorities` replaces the base's); any other key replaces the base's value.
 */
export function mergeFragment(fragment: PolicyFragment = {}, base: PolicyFragment = BASE_POLICY): Record<string, unknown> {
  const merged = structuredClone(asMapping(base, 'the base policy'));
  for (const [key, value] of Object.entries(asMapping(fragment, 'the fragment'))) {
    const current = merged[key];
    if (LISTS.has(key) && Array.isArray(current) && Array.isArray(value)) merged[key] = mergeList(current, value);
    else if (key === 'strategy' && isRecord(current) && isRecord(value)) merged[key] = { ...current, ...value };
    else merged[key] = value;
  }
  return merged;
}

function mergeList(base: unknown[], items: unknown[]): unknown[] {
  const result = [...base];
  const replaced = new Set<string>();
  for (const item of items) {
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
    const at = id === undefined || replaced.has(id) ? -1 : base.findIndex((old) => isRecord(old) && old.id === id);
    if (at >= 0) {
      result[at] = item;
      replaced.add(id!);
    } else {
      result.push(item);
    }
  }
  return result;
}

/** Applies edits in order, to a copy. */
export function applyEdits(policy: Record<string, unknown>, edits: readonly PolicyEdit[] = []): Record<string, unknown> {
  const result = structuredClone(policy);
  for (const edit of edits) {
    const path = toPath(edit.path);
    if (path.length === 0) throw new Error('an edit needs a path');
    const parent = path.slice(0, -1).reduce<unknown>((node, key, index) => {
      const next = childOf(node, key);
      if (next === undefined)
        throw new Error(`edit of ${describePath(edit.path)}: there is nothing at ${describePath(path.slice(0, index + 1))}`);
      return next;
    }, result);
    const key = path[path.length - 1]!;
    if ('delete' in edit) {
      if (childOf(parent, key) === undefined) throw new Error(`cannot delete ${describePath(edit.path)}: there is nothing there`);
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[String(key)];
    } else if (Array.isArray(parent)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index > parent.length)
        throw new Error(`cannot set ${describePath(edit.path)}: the list has ${parent.length} items`);
      // A copy: a later edit inside it must not change the edit's own value, which other cases may share.
      parent[index] = structuredClone(edit.set);
    } else if (isRecord(parent)) {
      parent[String(key)] = structuredClone(edit.set);
    } else {
      throw new Error(`cannot set ${describePath(edit.path)}: its parent is not a mapping or a list`);
    }
  }
  return result;
}

/**
 * The policy as YAML in one fixed layout: short mappings and lists of plain values on one line
 * (`- { metric: new-arr, segment: smb, rate: 8% }`), everything else as blocks.
 */
export function renderPolicy(policy: Record<string, unknown>): string {
  const document = new Document(policy);
  visit(document, {
    Map(_key, node, path) {
      if (
        path.length > 1 &&
        JSON.stringify(node.toJSON()).length <= 100 &&
        node.items.every((pair) => !isSeq(pair.value) || pair.value.items.every((item) => !isMap(item)))
      ) {
        node.flow = true;
      }
    },
    Seq(_key, node) {
      if (node.items.every((item) => !isMap(item) && !isSeq(item))) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: true });
}

function asMapping(fragment: PolicyFragment, what: string): Record<string, unknown> {
  const value = typeof fragment === 'string' ? (parse(fragment, { version: '1.2', schema: 'core' }) ?? {}) : fragment;
  if (!isRecord(value)) throw new Error(`${what} must be a mapping of policy keys`);
  return value;
}

function toPath(path: PolicyPath): (string | number)[] {
  return typeof path === 'string' ? path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [...path];
}

function describePath(path: PolicyPath): string {
  return typeof path === 'string' ? path : path.join('.');
}

function childOf(node: unknown, key: string | number): unknown {
  if (Array.isArray(node)) return typeof key === 'number' || /^\d+$/.test(key) ? node[Number(key)] : undefined;
  return isRecord(node) && Object.hasOwn(node, key) ? node[String(key)] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
