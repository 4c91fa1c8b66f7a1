/**
 * Positions without a parser, for the shapes that most findings of a large policy point at: a list
 * item written as a one-line flow mapping (`- { metric: new-arr, rate: "8%" }`) or a key of one,
 * a scalar after `key:` on its own line, and a key whose block list or mapping follows on the next
 * lines. Re-reading even one line with the `yaml` package costs tens of microseconds; a policy with
 * 40,000 findings would spend seconds there.
 *
 * Each function returns the offsets the exact path's `SourceDocument.locate` would give, or
 * `undefined` for anything it does not fully recognize (comments, nested flow collections, quoting
 * it cannot follow, a value that disagrees with js-yaml's reading); the caller then re-reads the
 * snippet with the exact parser. `test/fast-loader.test.ts` compares both for every node.
 */

import { indentAt, isMapping, lineAfter, lineEndOf, SPACE, type LineBlock } from './scan.js';

export type Span = readonly [start: number, end: number];

const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** Characters that start something other than a plain scalar (or may, depending on what follows). */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');
const WHITESPACE = /\s/;

/**
 * Where the node `inner` (a path relative to the block's own node) stands, when the block's node is
 * `value` as js-yaml read it. `key` is the block's key for an `entry` block.
 */
export function locateInBlock(
  text: string,
  block: LineBlock,
  value: unknown,
  inner: readonly (string | number)[],
  key?: string,
): Span | undefined {
  const lineEnd = lineEndOf(text, block.start, block.end);
  const indent = indentAt(text, block.start);
  if (block.kind === 'item') {
    const at = block.start + indent;
    if (text.charCodeAt(at) !== 0x2d || text.charCodeAt(at + 1) !== SPACE) return undefined;
    const content = skipSpaces(text, at + 2, lineEnd);
    if (text.charCodeAt(content) === 0x7b) {
      if (!onlyBlankAfter(text, content, lineEnd, block.end)) return undefined;
      return locateInFlowMapping(text, content, lineEnd, value, inner);
    }
    if (inner.length === 0)
      return isMapping(value) && keyAt(text, content, lineEnd) ? blockCollection(text, content, block.end) : undefined;
    // `- key: scalar` on the item's line: the first key of a block mapping.
    const [first] = inner;
    if (inner.length !== 1 || typeof first !== 'string' || !isMapping(value)) return undefined;
    const found = keyAt(text, content, lineEnd);
    if (found?.key !== first || !isScalarValue(value[first])) return undefined;
    return scalarToLineEnd(text, found.valueStart, lineEnd, block.end, content - block.start);
  }
  // An entry: `key: value` or `key:` with the value on the lines below.
  const found = keyAt(text, block.start + indent, lineEnd);
  if (!found || found.key !== key) return undefined;
  const keyStart = block.start + indent;
  if (found.valueStart >= lineEnd || isSpaceOnly(text, found.valueStart, lineEnd)) {
    return inner.length === 0 && typeof value === 'object' && value !== null ? blockCollection(text, keyStart, block.end) : undefined;
  }
  if (text.charCodeAt(found.valueStart) === 0x7b) {
    if (!onlyBlankAfter(text, found.valueStart, lineEnd, block.end)) return undefined;
    const span = locateInFlowMapping(text, found.valueStart, lineEnd, value, inner);
    // The mapping is the value of a key: its position runs from the key, as for any collection.
    return span && inner.length === 0 ? [keyStart, span[1]] : span;
  }
  if (inner.length !== 0 || !isScalarValue(value)) return undefined;
  return scalarToLineEnd(text, found.valueStart, lineEnd, block.end, indent);
}

/** `{ key: value, … }` on one line, then nothing but spaces: the mapping itself, or one key's value. */
function locateInFlowMapping(
  text: string,
  open: number,
  lineEnd: number,
  value: unknown,
  inner: readonly (string | number)[],
): Span | undefined {
  if (!isMapping(value) || inner.length > 1) return undefined;
  const mapping = scanFlowMapping(text, open, lineEnd);
  if (!mapping || !isSpaceOnly(text, mapping.end, lineEnd)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== mapping.entries.length || mapping.entries.some((entry, index) => entry.key !== keys[index])) return undefined;
  if (inner.length === 0) return [open, mapping.end];
  const entry = mapping.entries.find((candidate) => candidate.key === inner[0]);
  if (!entry) return undefined;
  const entryValue = value[entry.key];
  if (entry.collection !== Array.isArray(entryValue) || (!entry.collection && !isScalarValue(entryValue))) return undefined;
  // A collection that is the value of a key is located from its key, a scalar by its own text.
  return entry.collection ? [entry.keyStart, entry.valueEnd] : [entry.valueStart, entry.valueEnd];
}

interface FlowEntry {
  key: string;
  keyStart: number;
  valueStart: number;
  /** End of the value's text (a closing quote or bracket included, trailing spaces not). */
  valueEnd: number;
  /** The value is a flow list `[…]`. */
  collection: boolean;
}

/** A one-line flow mapping of plain keys whose values are scalars or flow lists of scalars. */
function scanFlowMapping(text: string, open: number, lineEnd: number): { end: number; entries: FlowEntry[] } | undefined {
  const entries: FlowEntry[] = [];
  let at = skipSpaces(text, open + 1, lineEnd);
  while (at < lineEnd) {
    if (text.charCodeAt(at) === 0x7d) return { end: at + 1, entries };
    const found = keyAt(text, at, lineEnd);
    if (!found || found.valueStart >= lineEnd) return undefined;
    const value = scanFlowValue(text, found.valueStart, lineEnd);
    if (!value) return undefined;
    entries.push({ key: found.key, keyStart: at, valueStart: found.valueStart, valueEnd: value.end, collection: value.collection });
    at = skipSpaces(text, value.end, lineEnd);
    if (text.charCodeAt(at) === 0x2c) at = skipSpaces(text, at + 1, lineEnd);
    else if (text.charCodeAt(at) !== 0x7d) return undefined;
  }
  return undefined;
}

function scanFlowValue(text: string, start: number, lineEnd: number): { end: number; collection: boolean } | undefined {
  if (text.charCodeAt(start) !== 0x5b) {
    const end = scanFlowScalar(text, start, lineEnd);
    return end === undefined ? undefined : { end, collection: false };
  }
  let at = skipSpaces(text, start + 1, lineEnd);
  while (at < lineEnd) {
    if (text.charCodeAt(at) === 0x5d) return { end: at + 1, collection: true };
    const end = scanFlowScalar(text, at, lineEnd);
    if (end === undefined) return undefined;
    at = skipSpaces(text, end, lineEnd);
    if (text.charCodeAt(at) === 0x2c) at = skipSpaces(text, at + 1, lineEnd);
    else if (text.charCodeAt(at) !== 0x5d) return undefined;
  }
  return undefined;
}

/** A quoted or plain scalar inside a flow collection: the end of its text. */
function scanFlowScalar(text: string, start: number, lineEnd: number): number | undefined {
  const quoted = scanQuoted(text, start, lineEnd);
  if (quoted !== 'plain') return quoted;
  if (INDICATORS.has(text.charAt(start))) return undefined;
  let at = start;
  while (at < lineEnd) {
    const char = text.charAt(at);
    if (char === ',' || char === ']' || char === '}') break;
    // A colon, a comment or a nested collection inside a plain scalar: left to the exact parser.
    if (char === ':' || char === '#' || char === '[' || char === '{') return undefined;
    at++;
  }
  return trimEnd(text, start, at);
}

/** A scalar that runs to the end of its line and has no continuation below (up to `blockEnd`). */
function scalarToLineEnd(text: string, start: number, lineEnd: number, blockEnd: number, keyIndent: number): Span | undefined {
  const quoted = scanQuoted(text, start, lineEnd);
  let end: number;
  if (quoted === 'plain') {
    if (INDICATORS.has(text.charAt(start))) return undefined;
    for (let at = start; at < lineEnd; at++) if (text.charCodeAt(at) === 0x23) return undefined;
    end = trimEnd(text, start, lineEnd);
  } else {
    if (quoted === undefined || !isSpaceOnly(text, quoted, lineEnd)) return undefined;
    end = quoted;
  }
  // A plain scalar goes on over deeper lines (even after blank ones): the next line with content
  // must stand no deeper than the key.
  let line = lineAfter(lineEnd, blockEnd);
  while (line < blockEnd) {
    const lineStop = lineEndOf(text, line, blockEnd);
    if (!isSpaceOnly(text, line, lineStop)) {
      if (indentAt(text, line) > keyIndent) return undefined;
      break;
    }
    line = lineAfter(lineStop, blockEnd);
  }
  return [start, end];
}

/** `"…"` or `'…'` closed on the same line: the offset after the closing quote; 'plain' for an unquoted scalar. */
function scanQuoted(text: string, start: number, lineEnd: number): number | undefined | 'plain' {
  const quote = text.charCodeAt(start);
  if (quote === 0x22) {
    for (let at = start + 1; at < lineEnd; at++) {
      const char = text.charCodeAt(at);
      if (char === 0x5c) at++;
      else if (char === 0x22) return at + 1;
    }
    return undefined;
  }
  if (quote === 0x27) {
    for (let at = start + 1; at < lineEnd; at++) {
      if (text.charCodeAt(at) !== 0x27) continue;
      if (text.charCodeAt(at + 1) === 0x27) at++;
      else return at + 1;
    }
    return undefined;
  }
  return 'plain';
}

/**
 * A block collection that begins at `start` (its key, or its first entry) and runs to the last
 * character of the block. Comments are left to the exact parser: whether one belongs to the
 * collection's range is its call.
 */
function blockCollection(text: string, start: number, blockEnd: number): Span | undefined {
  for (let at = start; at < blockEnd; at++) if (text.charCodeAt(at) === 0x23) return undefined;
  return [start, trimEnd(text, start, blockEnd)];
}

/** `key:` followed by a space or the end of the line, at `start`. */
function keyAt(text: string, start: number, lineEnd: number): { key: string; valueStart: number } | undefined {
  KEY.lastIndex = start;
  const match = KEY.exec(text);
  if (!match) return undefined;
  const colon = start + match[0].length;
  if (colon >= lineEnd || text.charCodeAt(colon) !== 0x3a) return undefined;
  const after = colon + 1;
  if (after < lineEnd && text.charCodeAt(after) !== SPACE && text.charCodeAt(after) !== 0x0d) return undefined;
  return { key: match[0], valueStart: skipSpaces(text, after, lineEnd) };
}

function onlyBlankAfter(text: string, from: number, lineEnd: number, blockEnd: number): boolean {
  for (let at = lineEnd; at < blockEnd; at++) if (!WHITESPACE.test(text.charAt(at))) return false;
  return from < lineEnd;
}

function isSpaceOnly(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (!WHITESPACE.test(text.charAt(at))) return false;
  return true;
}

/** The end of `[start, end)` without trailing whitespace, as `SourceDocument` trims a range. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && WHITESPACE.test(text.charAt(at - 1))) at--;
  return at;
}

function skipSpaces(text: string, from: number, lineEnd: number): number {
  let at = from;
  while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** A value js-yaml read as a scalar that has text of its own (an empty value is left to the parser). */
function isScalarValue(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value !== 'object';
}
