/**
 * The outline of a block-style YAML file, from one pass over its lines: where each document, each
 * top-level key and each item of a top-level list begins. The fast loader cuts snippets along it.
 * It returns `undefined` for anything that is not plain block style at the top level (flow or quoted
 * top-level keys, tabs, directives); the loader then takes the exact path.
 */
import { DASH, HASH, indentAt, isSeparator, lineAfter, lineEndOf, SPACE, TAB } from './scan.js';

export interface TopLevelKey {
  /** Offset of the key's line (the key stands at column 1). */
  start: number;
  /** Offset where the next top-level key or document begins. */
  end: number;
  /** Offset of the line of each item, when the value is a block sequence. */
  items: number[];
}

export interface DocumentOutline {
  keys: Map<string, TopLevelKey>;
}

export function outlineDocuments(text: string): DocumentOutline[] | undefined {
  const documents: DocumentOutline[] = [];
  let document: DocumentOutline | undefined;
  let key: TopLevelKey | undefined;
  let itemIndent = -1;

  const closeKey = (at: number) => {
    if (key) key.end = at;
    key = undefined;
    itemIndent = -1;
  };
  const closeDocument = (at: number) => {
    closeKey(at);
    if (document && document.keys.size > 0) documents.push(document);
    document = undefined;
  };

  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const next = newline === -1 ? text.length : newline + 1;
    const first = text.charCodeAt(start);
    const line = text.slice(start, Math.min(end, start + 4));

    if (isMarker(line, '---') || isMarker(line, '...')) {
      if (
        text.slice(start + 3, end).trim() !== '' &&
        !text
          .slice(start + 3, end)
          .trim()
          .startsWith('#')
      )
        return undefined;
      closeDocument(start);
    } else if (first === SPACE || first === DASH) {
      const indent = indentAt(text, start);
      const marker = text.charCodeAt(start + indent);
      if (marker === DASH && isSeparator(text.charCodeAt(start + indent + 1))) {
        if (!key) return undefined;
        if (itemIndent === -1) itemIndent = indent;
        if (indent === itemIndent) key.items.push(start);
      } else if (indent === 0) {
        return undefined;
      }
    } else if (first === HASH || first === 0x0a || (first === 0x0d && text.charCodeAt(start + 1) === 0x0a)) {
      // comment or blank line
    } else {
      const name = keyOfLine(text, start, end);
      if (name === undefined) return undefined;
      closeKey(start);
      document ??= { keys: new Map() };
      if (document.keys.has(name)) return undefined;
      key = { start, end: text.length, items: [] };
      document.keys.set(name, key);
    }
    start = next;
  }
  closeDocument(text.length);
  return documents;
}

function isMarker(line: string, marker: string): boolean {
  return line.startsWith(marker) && (line.length === 3 || isSeparator(line.charCodeAt(3)));
}

/** The entries of one nested block: the line where each list item or each key begins. */
export interface BlockEntries {
  kind: 'seq' | 'map';
  indent: number;
  starts: number[];
  /** For a mapping, the key of each entry. */
  names: string[];
}

const KEY_NAME = /[A-Za-z_][A-Za-z0-9_-]*/y;

/**
 * The plain key that starts at `start` in the line ending at `lineEnd` (`name:` then a space, a tab
 * or the end of the line), read in place: this runs once per line of a large policy.
 */
function keyOfLine(text: string, start: number, lineEnd: number): string | undefined {
  KEY_NAME.lastIndex = start;
  const name = KEY_NAME.exec(text)?.[0];
  if (name === undefined) return undefined;
  let at = start + name.length;
  while (at < lineEnd && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++;
  if (at >= lineEnd || text.charCodeAt(at) !== 0x3a) return undefined;
  const next = at + 1;
  const after = text.charCodeAt(next);
  return next === lineEnd || after === SPACE || after === TAB || (after === 0x0d && next + 1 === lineEnd) ? name : undefined;
}

/**
 * The entries of the block made of the lines in [start, end): every line at the indentation of the
 * first content line starts an entry, and must be a list item or a plain key; deeper lines belong
 * to the entry above. Anything else (a flow collection or a scalar spread over lines) is `undefined`.
 */
export function blockEntries(text: string, start: number, end: number): BlockEntries | undefined {
  let block: BlockEntries | undefined;
  for (let line = start; line < end; ) {
    const lineEnd = lineEndOf(text, line, end);
    const next = lineAfter(lineEnd, end);
    const indent = indentAt(text, line);
    const first = text.charCodeAt(line + indent);
    const blank = line + indent >= lineEnd || first === HASH || first === 0x0d;
    if (!blank) {
      if (block && indent < block.indent) return undefined;
      if (!block || indent === block.indent) {
        const isItem = first === DASH && isSeparator(text.charCodeAt(line + indent + 1));
        const key = isItem ? undefined : keyOfLine(text, line + indent, lineEnd);
        block ??= { kind: isItem ? 'seq' : 'map', indent, starts: [], names: [] };
        if (block.kind === 'seq' ? !isItem : key === undefined) return undefined;
        block.starts.push(line);
        if (key !== undefined) block.names.push(key);
      }
    }
    line = next;
  }
  return block;
}

/** The text after `- ` on an item's line, when it opens a block mapping with a plain key. */
export function firstKeyOfItem(text: string, itemLine: number): { key: string; indent: number } | undefined {
  const indent = indentAt(text, itemLine);
  const after = itemLine + indent + 2;
  if (text.charCodeAt(after - 1) !== SPACE) return undefined;
  const newline = text.indexOf('\n', after);
  const key = keyOfLine(text, after, newline === -1 ? text.length : newline);
  return key === undefined ? undefined : { key, indent: indent + 2 };
}
