/**
 * The outline of a block-style YAML file, from one pass over its lines: where each document, each
 * top-level key and each item of a top-level list begins. The fast loader cuts snippets along it.
 * It returns `undefined` for anything that is not plain block style at the top level (flow or quoted
 * top-level keys, tabs, directives); the loader then takes the exact path.
 */

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

const TOP_LEVEL_KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|\r?$)/;
const SPACE = 0x20;
const DASH = 0x2d;
const HASH = 0x23;

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
      if (text.slice(start + 3, end).trim() !== '' && !text.slice(start + 3, end).trim().startsWith('#')) return undefined;
      closeDocument(start);
    } else if (first === SPACE || first === DASH) {
      let indent = 0;
      while (text.charCodeAt(start + indent) === SPACE) indent++;
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
      const match = TOP_LEVEL_KEY.exec(text.slice(start, end));
      if (!match) return undefined;
      closeKey(start);
      document ??= { keys: new Map() };
      if (document.keys.has(match[1]!)) return undefined;
      key = { start, end: text.length, items: [] };
      document.keys.set(match[1]!, key);
    }
    start = next;
  }
  closeDocument(text.length);
  return documents;
}

function isMarker(line: string, marker: string): boolean {
  return line.startsWith(marker) && (line.length === 3 || isSeparator(line.charCodeAt(3)));
}

function isSeparator(code: number): boolean {
  return Number.isNaN(code) || code === SPACE || code === 0x0a || code === 0x0d || code === 0x09;
}
