/**
 * Structured fixes: a rule describes a change on the policy's own nodes (set a key, append to a
 * list); the engine turns it into text edits on the file, each replacing one span of the original
 * text, so that applying it keeps every comment, blank line and alignment the user wrote (the
 * `yaml` library re-rendering a whole document would not). Only the span of the changed value,
 * or the place a key or item is added, is touched.
 */
import { isCollection, isMap, isSeq, parse, parseDocument, stringify, type Document, type Node } from 'yaml';
import type { LoadedPolicy, PathSegment } from '../load/index.js';
import type { EditTarget } from '../load/source.js';
import { lineIndexAt, lineStartsOf } from '../load/line-starts.js';

/** `safe`: what the user plainly meant (ruff's safe fix); `suggestion`: a business decision for a person to take. */
export type EditSafety = 'safe' | 'suggestion';

export type EditDescriptor =
  /** Sets `key` of the mapping `node` to `value`, adding the key when it is missing. */
  | { set: { node: object; key: string; value: unknown }; safety: EditSafety }
  /** Adds `value` as the last item of the list `node`. */
  | { append: { node: readonly unknown[]; value: unknown }; safety: EditSafety };

export interface Position {
  /** One-based, as every finding's position is. */
  line: number;
  column: number;
}

/** One replacement of the original text: `text` stands where [start, end) stood (an insertion when they are equal). */
export interface TextEdit {
  file: string;
  start: Position;
  end: Position;
  /** Offsets in the file's text, in UTF-16 code units. */
  range: [number, number];
  text: string;
  safety: EditSafety;
}

/**
 * Finds each edited node where its document can give it without a new parse (PolicySource's
 * `editTarget`); otherwise parses its file, once per run, only when a finding brings edits.
 */
export class EditBuilder {
  private readonly documents = new Map<string, Document | undefined>();
  private readonly lineStarts = new Map<string, Int32Array>();

  constructor(private readonly loaded: LoadedPolicy) {}

  /** The text edits of one finding's descriptors, or a reason they cannot be made. */
  build(descriptors: readonly EditDescriptor[]): TextEdit[] | string {
    const edits: TextEdit[] = [];
    for (const descriptor of descriptors) {
      const target = 'set' in descriptor ? descriptor.set.node : 'append' in descriptor ? descriptor.append.node : undefined;
      if (typeof target !== 'object' || target === null)
        return 'an edit needs { set: { node, key, value } } or { append: { node, value } }';
      if (descriptor.safety !== 'safe' && descriptor.safety !== 'suggestion') return 'an edit needs safety: "safe" or "suggestion"';
      const origin = this.loaded.provenance.origin(target);
      if (!origin) return 'an edit was given a node that is not part of the policy';
      const { source, path } = origin;
      const found = this.find(source.file, path, source.editTarget?.(path));
      const node = found?.node as Node | undefined;
      if (!found || !node || !isCollection(node)) return `an edit's node at ${path.join('.')} is not a mapping or list of ${source.file}`;
      const at = { text: found.text, base: found.base };
      const made =
        'set' in descriptor ? setKey(at, node, descriptor.set.key, descriptor.set.value) : appendItem(at, node, descriptor.append.value);
      if (typeof made === 'string') return made;
      const [from, to, text] = made;
      edits.push({
        file: source.file,
        start: this.position(source.file, found.text, from),
        end: this.position(source.file, found.text, to),
        range: [from, to],
        text,
        safety: descriptor.safety,
      });
    }
    return edits;
  }

  /** The node at `path` of `file`, from the document's own reading when it has one, else from a parse of the file. */
  private find(file: string, path: PathSegment[], own: EditTarget | undefined): { node: unknown; text: string; base: number } | undefined {
    const source = this.loaded.sources.find((candidate) => candidate.file === file);
    if (!source) return undefined;
    if (own) return { node: own.node, text: source.text, base: own.base };
    if (!this.documents.has(file)) this.documents.set(file, parseDocument(source.text, { keepSourceTokens: false }));
    const document = this.documents.get(file);
    return document && { node: document.getIn(path, true), text: source.text, base: 0 };
  }

  /** One-based line and column of an offset, as the `yaml` package's LineCounter gives them. */
  private position(file: string, text: string, offset: number): Position {
    let starts = this.lineStarts.get(file);
    if (!starts) {
      starts = lineStartsOf(text);
      this.lineStarts.set(file, starts);
    }
    const line = lineIndexAt(starts, offset);
    return { line: line + 1, column: offset - starts[line]! + 1 };
  }
}

/** The file's text, and the offset in it of the text a node was read from (its ranges are relative to that). */
interface InText {
  text: string;
  base: number;
}

/**
 * A value as one line of YAML, the way policies write it: `{ months: 6 }` and `[churn, non-payment]`
 * (the examples' and the format reference's style), percentages quoted.
 */
function inlineYaml(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineYaml).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${inlineYaml(key)}: ${inlineYaml(item)}`).join(', ')} }`;
  }
  if (typeof value === 'string') {
    // Plain only where it reads back as the same string in a flow collection too (no `,` `:` `#` `%`, not `true` or `12`).
    const plain = /^[A-Za-z_][\w./-]*(?: [\w./-]+)*$/.test(value) && parse(value) === value;
    return plain ? value : JSON.stringify(value);
  }
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

type Splice = [from: number, to: number, text: string] | string;

function setKey(at: InText, map: Node, key: string, value: unknown): Splice {
  if (!isMap(map)) return `an edit sets ${key} on a node that is not a mapping`;
  const pair = map.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
  const rendered = inlineYaml(value);
  const existing = pair?.value as Node | null | undefined;
  if (pair && existing?.range) return [at.base + existing.range[0], at.base + existing.range[1], rendered];
  if (pair) return `an edit sets ${key}, which is written without a value`;
  return insertEntry(at, map, `${key}: ${rendered}`, '}');
}

function appendItem(at: InText, list: Node, value: unknown): Splice {
  if (!isSeq(list)) return 'an edit appends to a node that is not a list';
  return insertEntry(at, list, inlineYaml(value), ']');
}

/** Adds an entry after the last one: inside the brackets of a flow collection, or on a line of its own in a block. */
function insertEntry(
  { text, base }: InText,
  collection: Node & { items: unknown[]; flow?: boolean },
  entry: string,
  closing: '}' | ']',
): Splice {
  const [ownStart, , ownEnd] = collection.range ?? [];
  if (ownStart === undefined || ownEnd === undefined) return 'an edit was given a node without a place in its file';
  const start = base + ownStart;
  const end = base + ownEnd;
  if (collection.flow) {
    const close = text.lastIndexOf(closing, end);
    if (close < start) return 'an edit could not find the end of a flow collection';
    let at = close;
    while (at > start && /[ \t]/.test(text[at - 1]!)) at--;
    return collection.items.length === 0 ? [start + 1, close, ` ${entry} `] : [at, at, `, ${entry}`];
  }
  const first = collection.items[0] as { key?: Node; range?: [number, number, number] } | undefined;
  const firstOwn = isMap(collection) ? (first?.key as Node | undefined)?.range?.[0] : first?.range?.[0];
  const firstStart = firstOwn === undefined ? start : base + firstOwn;
  const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
  // The indentation of the first entry (for a list, up to its dash).
  const prefix = isSeq(collection) ? text.slice(lineStart, text.lastIndexOf('-', firstStart)) : text.slice(lineStart, firstStart);
  // A mapping that starts on its list item's line (`- id: ae-2026`) is indented as far as its first key.
  if (!/^[ \t]*(?:- +)*$/.test(prefix)) return 'an edit could not tell the indentation of a block collection';
  const indent = prefix.replace(/-/g, ' ');
  const line = `${indent}${isSeq(collection) ? '- ' : ''}${entry}`;
  // After the line the last entry ends on (its trailing comment included).
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  const lineEnd = text.indexOf('\n', at);
  // A file written with CRLF gets CRLF: the new line goes before the line's \r\n, not between them.
  if (lineEnd === -1) return [text.length, text.length, `${text.includes('\r\n') ? '\r\n' : '\n'}${line}`];
  const crlf = text[lineEnd - 1] === '\r';
  const splice = crlf ? lineEnd - 1 : lineEnd;
  return [splice, splice, `${crlf ? '\r\n' : '\n'}${line}`];
}

/** Applies non-overlapping edits to one file's text; overlapping ones after the first are left for the next pass. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.range[0] < lastEnd || (edit.range[0] === lastEnd && applied.at(-1)?.range[0] === edit.range[0])) skipped.push(edit);
    else {
      applied.push(edit);
      lastEnd = edit.range[1];
    }
  }
  let out = text;
  for (const edit of [...applied].reverse()) out = out.slice(0, edit.range[0]) + edit.text + out.slice(edit.range[1]);
  return { text: out, applied, skipped };
}

/**
 * What edits write, in words for a quick fix's title or a SARIF fix's description: "Change 8% to
 * "16%"", "Add clawback: { months: 6 }". `texts` holds each file's text as it was linted; without
 * it a replacement is named by what it writes only.
 */
export function describeEdits(edits: readonly TextEdit[], texts: ReadonlyMap<string, string> = new Map()): string {
  return edits
    .map((edit) => {
      const replaced = texts.get(edit.file)?.slice(edit.range[0], edit.range[1]);
      if (edit.range[0] === edit.range[1]) return `Add ${edit.text.trim().replace(/^- /, '')}`;
      return replaced ? `Change ${replaced} to ${edit.text}` : `Write ${edit.text}`;
    })
    .join('; ');
}
