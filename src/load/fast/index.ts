/**
 * The fast load path, for large policies. The `yaml` package builds a full document with positions
 * for every node, and its cost grows faster than the file (about 9 s for a 6 MB policy); js-yaml
 * reads the same values in a tenth of that. Positions are needed only for the few nodes a finding
 * points at, so this path reads values with js-yaml and, when a position is asked for, re-reads with
 * the exact `yaml` parser only the top-level item that holds the node (one plan, one OKR set). A
 * snippet starts at the beginning of a line, so its lines and columns map back by a line offset.
 *
 * Only plain block-style data takes this path. Anything the exact path treats specially (tags,
 * anchors, aliases, merge keys, directives) or cannot read, returns `undefined`, and the caller
 * reads the file with the exact path, which owns every diagnostic.
 */
import fs from 'node:fs';
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../../diagnostics.js';
import { PolicyDocumentSchema } from '../../schema.js';
import type { CandidateFile } from '../discover.js';
import { parseYaml } from '../parse.js';
import { SourceDocument, type EditTarget, type Location, type NodePath, type PathSegment, type PolicySource } from '../source.js';
import type { ValidationResult } from '../validate.js';
import { locateInBlock } from './locate.js';
import { blockEntries, firstKeyOfItem, outlineDocuments, type BlockEntries, type DocumentOutline, type TopLevelKey } from './outline.js';
import { indentAt, isMapping, nextLineOf, type LineBlock } from './scan.js';
import { FAST_SCHEMA } from './schema.js';
import { lineIndexAt, lineStartsOf } from '../line-starts.js';

export type LoaderChoice = 'auto' | 'fast' | 'exact';

/**
 * Below this many bytes of YAML the exact path costs a few milliseconds, and reading small files
 * exactly keeps every hand-written policy on the path that owns the diagnostics.
 */
export const FAST_LOAD_THRESHOLD = 256 * 1024;

export function chooseLoader(choice: LoaderChoice = 'auto', files: readonly CandidateFile[]): 'fast' | 'exact' {
  if (choice !== 'auto') return choice;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.statSync(file.absolute).size;
    } catch {
      // unreadable: the read reports it
    }
    if (bytes >= FAST_LOAD_THRESHOLD) return 'fast';
  }
  return 'exact';
}

/** Validation without messages: a document that fails is read again on the exact path, which explains. */
export function validateFast(value: unknown): ValidationResult {
  const result = PolicyDocumentSchema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, diagnostics: [] };
}

export interface FastParsedFile {
  documents: FastSource[];
  values: unknown[];
  diagnostics: Diagnostic[];
}

const BOM = '\uFEFF';

/**
 * A tag (`!x`), an anchor (`&x`) or an alias (`*x`) where a node may start. Plain text such as
 * "R&D" or "5 * 3" does not match; text such as "be *bold*" does, and merely takes the exact path.
 */
const NODE_PROPERTY = /(?:^|[\s[\]{},:?-])[!&*][^\s,[\]{}]/m;
const DIRECTIVE_OR_MERGE = /^%|<</m;

export function parseFast(file: string, rawText: string): FastParsedFile | undefined {
  const text = rawText.startsWith(BOM) ? rawText.slice(1) : rawText;
  if (NODE_PROPERTY.test(text) || DIRECTIVE_OR_MERGE.test(text)) return undefined;
  let values: unknown[];
  try {
    values = jsYaml.loadAll(text, undefined, { schema: FAST_SCHEMA, filename: file });
  } catch {
    return undefined;
  }
  const outlines = outlineDocuments(text);
  if (!outlines || outlines.length !== values.length || values.length === 0) return undefined;
  if (!values.every(isMapping)) return undefined;
  const shared = new SharedFile(file, text);
  const documents = outlines.map((outline, index) => new FastSource(shared, index, outline, values[index] as Record<string, unknown>));
  if (!documents.every((document) => document.outlineMatches())) return undefined;
  return { documents, values, diagnostics: [] };
}

/**
 * Sources for documents whose values are already known (read from the cache): positions come from
 * snippets where the outline fits the values, and from the exact parser of the file otherwise.
 */
export function sourcesFor(file: string, rawText: string, values: readonly Record<string, unknown>[]): PolicySource[] {
  const text = rawText.startsWith(BOM) ? rawText.slice(1) : rawText;
  const shared = new SharedFile(file, text);
  const outlines = outlineDocuments(text);
  return values.map((value, index) => {
    const outline = outlines?.length === values.length ? outlines[index] : undefined;
    const source = new FastSource(shared, index, outline, value);
    return outline && source.outlineMatches() ? source : new FastSource(shared, index, undefined, value);
  });
}

/** What the documents of one file share: the text, its line starts, and the exact parse if ever needed. */
class SharedFile {
  private lineStarts: Int32Array | undefined;
  private exact: SourceDocument[] | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** The position of [start, end) as the exact parser gives it: 1-based lines and columns. */
  span(start: number, end: number, path: NodePath): Location {
    const line = this.lineOf(start);
    const endLine = this.lineOf(end);
    const starts = this.lineStarts!;
    return {
      file: this.file,
      line,
      column: start - starts[line - 1]! + 1,
      endLine,
      endColumn: end - starts[endLine - 1]! + 1,
      path: [...path],
    };
  }

  /** 1-based line of `offset`. */
  lineOf(offset: number): number {
    return lineIndexAt((this.lineStarts ??= lineStartsOf(this.text)), offset) + 1;
  }

  /** The exact reading of the whole file: the answer for the rare path no snippet can locate. */
  exactDocument(index: number): SourceDocument | undefined {
    this.exact ??= parseYaml(this.file, this.text).documents;
    return this.exact.find((document) => document.index === index);
  }
}

interface Snippet {
  document: SourceDocument;
  /** Offset in the file of the snippet's first character (always the start of a line). */
  base: number;
}

const SNIPPET_OPTIONS = {
  merge: false,
  uniqueKeys: true,
  prettyErrors: false,
  logLevel: 'silent',
  version: '1.2',
  schema: 'core',
} as const;

export class FastSource implements PolicySource {
  private readonly snippets = new Map<string, Snippet | null>();
  private readonly entries = new Map<number, { end: number; entries: BlockEntries | undefined }>();

  constructor(
    private readonly shared: SharedFile,
    readonly index: number,
    /** Absent when the file is not plain block style: every position then comes from the exact parser. */
    private readonly outline: DocumentOutline | undefined,
    private readonly value: Record<string, unknown>,
  ) {}

  get file(): string {
    return this.shared.file;
  }

  get text(): string {
    return this.shared.text;
  }

  /** The outline found every top-level key, and one item per element of each list. */
  outlineMatches(): boolean {
    if (!this.outline) return false;
    const keys = Object.keys(this.value);
    if (keys.length !== this.outline.keys.size) return false;
    for (const key of keys) {
      const found = this.outline.keys.get(key);
      if (!found) return false;
      const section = this.value[key];
      if (Array.isArray(section) && section.length > 0 && found.items.length !== section.length) return false;
    }
    return true;
  }

  locate(path: NodePath): Location {
    return this.locateBySnippet(path) ?? this.locateExactly(path);
  }

  /**
   * The node at `path` read from the snippet of its top-level entry or list item: a parse of a few
   * lines, where a parse of the whole file of a large policy takes seconds. Only the first
   * document (as a parse of the whole file gives it), and only a snippet without comments: which
   * node a comment belongs to, and so where an added line goes, is the whole file's call.
   */
  editTarget(path: NodePath): EditTarget | undefined {
    const [head, item] = path;
    if (this.index !== 0 || !this.outline || typeof head !== 'string') return undefined;
    const key = this.outline.keys.get(head);
    if (!key) return undefined;
    const list = this.value[head];
    let start = key.start;
    let end = key.end;
    let inner: PathSegment[] = [...path];
    if (Array.isArray(list)) {
      if (typeof item !== 'number' || item < 0 || item >= list.length || key.items.length !== list.length) return undefined;
      start = key.items[item]!;
      end = itemEnd(key, item);
      inner = [0, ...path.slice(2)];
    }
    // The comment and blank lines after the entry (`# plans 51-100` before the next item) belong to what follows.
    end = endOfContent(this.text, start, end);
    if (end === start || this.text.slice(start, end).includes('#')) return undefined;
    const snippet = this.snippet(start, end);
    return snippet && { node: snippet.document.document.getIn(inner, true), base: start };
  }

  private locateExactly(path: NodePath): Location {
    const exact = this.shared.exactDocument(this.index);
    if (!exact) throw new Error(`cannot locate ${JSON.stringify(path)} in ${this.file}: the file no longer reads as YAML`);
    return exact.locate(path);
  }

  private locateBySnippet(path: NodePath): Location | undefined {
    const [head, item] = path;
    if (typeof head !== 'string' || !this.outline) return undefined;
    const key = this.outline.keys.get(head);
    if (!key) return undefined;
    const list = this.value[head];
    if (Array.isArray(list) && list.length > 0) {
      if (path.length === 1) return this.locateList(head, key, list.length);
      if (typeof item !== 'number' || item < 0 || item >= list.length) return undefined;
      const { block, value } = this.narrow({ start: key.items[item]!, end: itemEnd(key, item), kind: 'item', depth: 2 }, list[item], path);
      const inner = path.slice(block.depth);
      const entryKey = block.kind === 'entry' ? String(path[block.depth - 1]) : undefined;
      const span = locateInBlock(this.text, block, value, inner, entryKey);
      if (span) return this.shared.span(span[0], span[1], path);
      const snippet = this.snippet(block.start, block.end);
      return (
        snippet &&
        this.translate(snippet, snippet.document.locate(block.kind === 'item' ? [0, ...inner] : [path[block.depth - 1]!, ...inner]), path)
      );
    }
    const snippet = this.snippet(key.start, key.end);
    return snippet && this.translate(snippet, snippet.document.locate(path), path);
  }

  /**
   * The smallest block of whole lines that holds the node at `path`, and that block's value, starting
   * from `block`, which holds `path[0 .. block.depth)` and whose value is `value`. Smaller snippets keep
   * locating cheap (the exact parser costs about a microsecond per byte), and most blocks end up as
   * one line that `locateInBlock` reads without a parser. Each step checks that the lines found
   * agree with the value (one line per list item, one per key), or stays where it is.
   */
  private narrow(block: Block, value: unknown, path: NodePath): { block: Block; value: unknown } {
    let current = block;
    let node = value;
    while (current.depth < path.length) {
      const segment = path[current.depth]!;
      const inner = this.childBlock(current, node, segment);
      if (!inner) break;
      current = inner;
      node = (node as Record<string | number, unknown>)[segment];
    }
    return { block: current, value: node };
  }

  /** The entries on the lines after the block's first line; kept, as an item usually has several findings. */
  private entriesBelow(block: Block): BlockEntries | undefined {
    const kept = this.entries.get(block.start);
    if (kept?.end === block.end) return kept.entries;
    const entries = blockEntries(this.text, nextLineOf(this.text, block.start, block.end), block.end);
    this.entries.set(block.start, { end: block.end, entries });
    return entries;
  }

  private childBlock(block: Block, value: unknown, segment: PathSegment): Block | undefined {
    const text = this.text;
    const depth = block.depth + 1;
    if (block.kind === 'item') {
      // `- first: …` then the other keys on their own lines: only those can be cut out.
      if (!isMapping(value) || typeof segment !== 'string') return undefined;
      const first = firstKeyOfItem(text, block.start);
      if (!first || first.key === segment) return undefined;
      const rest = this.entriesBelow(block);
      if (rest?.kind !== 'map' || rest.indent !== first.indent) return undefined;
      const names = [first.key, ...rest.names];
      if (names.length !== Object.keys(value).length) return undefined;
      const at = rest.names.indexOf(segment);
      return at === -1 ? undefined : { start: rest.starts[at]!, end: rest.starts[at + 1] ?? block.end, kind: 'entry', depth };
    }
    // A key whose value starts on the next lines: a block list or a block mapping.
    if (!keyLineIsBare(text, block.start)) return undefined;
    const entries = this.entriesBelow(block);
    if (!entries || entries.indent < indentAt(text, block.start) || entries.starts.length === 0) return undefined;
    if (entries.kind === 'seq' && Array.isArray(value) && typeof segment === 'number' && entries.starts.length === value.length) {
      return { start: entries.starts[segment]!, end: entries.starts[segment + 1] ?? block.end, kind: 'item', depth };
    }
    if (entries.kind === 'map' && isMapping(value) && typeof segment === 'string' && entries.indent > indentAt(text, block.start)) {
      if (entries.names.length !== Object.keys(value).length) return undefined;
      const at = entries.names.indexOf(segment);
      return at === -1 ? undefined : { start: entries.starts[at]!, end: entries.starts[at + 1] ?? block.end, kind: 'entry', depth };
    }
    return undefined;
  }

  /** A whole list section is located from its key (at the start of its line) to the end of its last item. */
  private locateList(head: string, key: TopLevelKey, length: number): Location | undefined {
    const last = this.snippet(key.items[length - 1]!, itemEnd(key, length - 1));
    if (!last) return undefined;
    const end = last.document.locate([]);
    const lines = this.lineOffset(last);
    return {
      file: this.file,
      line: this.shared.lineOf(key.start),
      column: 1,
      endLine: end.endLine + lines,
      endColumn: end.endColumn,
      path: [head],
    };
  }

  private snippet(start: number, end: number): Snippet | undefined {
    const id = `${start}:${end}`;
    let snippet = this.snippets.get(id);
    if (snippet === undefined) {
      const text = this.text.slice(start, end);
      const lineCounter = new LineCounter();
      const document = parseDocument(text, { ...SNIPPET_OPTIONS, lineCounter });
      snippet =
        document.errors.length === 0
          ? { document: new SourceDocument(this.file, this.index, document, lineCounter, text), base: start }
          : null;
      this.snippets.set(id, snippet);
    }
    return snippet ?? undefined;
  }

  private lineOffset(snippet: Snippet): number {
    return this.shared.lineOf(snippet.base) - 1;
  }

  private translate(snippet: Snippet, location: Location, path: NodePath): Location {
    const lines = this.lineOffset(snippet);
    return { ...location, line: location.line + lines, endLine: location.endLine + lines, path: [...path] };
  }
}

/** The end of the last line in [start, end) that holds more than spaces or a comment (the end of that line's newline). */
function endOfContent(text: string, start: number, end: number): number {
  let stop = end;
  while (stop > start) {
    const lineStart = text.lastIndexOf('\n', stop - 2) + 1;
    const line = text.slice(Math.max(lineStart, start), stop).trim();
    if (line !== '' && !line.startsWith('#')) return stop;
    stop = Math.max(lineStart, start);
  }
  return stop;
}

function itemEnd(key: TopLevelKey, item: number): number {
  return key.items[item + 1] ?? key.end;
}

/**
 * Lines [start, end) of the file: an `item` block holds one list item (its snippet reads as a
 * one-item list), an `entry` block one key of a mapping (its snippet reads as a one-key mapping).
 * `depth` is how many segments of the path the block's own node stands for.
 */
interface Block extends LineBlock {
  depth: number;
}

/** `key:` with nothing after it but spaces or a comment: the value is on the lines below. */
function keyLineIsBare(text: string, line: number): boolean {
  const newline = text.indexOf('\n', line);
  const content = text.slice(line, newline === -1 ? text.length : newline);
  return /^\s*[A-Za-z_][A-Za-z0-9_-]*[ \t]*:[ \t]*(?:#.*)?\r?$/.test(content);
}
