/**
 * YAML text → documents with source positions, or diagnostics. YAML 1.2 core schema only: no merge
 * keys (an old route around alias limits), no tags (policy files are data), few aliases.
 */
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  visit,
  type Document,
  type ErrorCode,
  type Node,
  type YAMLError,
} from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { codePointName, UNPRINTABLE } from './printable.js';
import { SourceDocument } from './source.js';

/** Aliases a document may expand: enough for shared snippets, far too few for "billion laughs". */
const MAX_ALIAS_COUNT = 50;

export interface ParsedFile {
  documents: SourceDocument[];
  /** The plain value of each document, in the same order as `documents`. */
  values: unknown[];
  diagnostics: Diagnostic[];
}

const BOM = '\uFEFF';

export function parseYaml(file: string, rawText: string): ParsedFile {
  const text = rawText.startsWith(BOM) ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number, message: string): Diagnostic => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col, message, source: 'yaml' };
  };

  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, {
      lineCounter,
      merge: false,
      // Duplicate keys are found by findDuplicateKeys: the parser's own check is quadratic in the size of a mapping.
      uniqueKeys: false,
      prettyErrors: false,
      logLevel: 'silent',
      version: '1.2',
      schema: 'core',
    }) as Document.Parsed[];
  } catch (error) {
    return { documents: [], values: [], diagnostics: [fromThrown(file, error)] };
  }

  // A tag is written with "!", and a control character either as itself or as a "\" escape: text
  // without them needs no walk over its nodes to look for either.
  const mayHoldTags = text.includes('!');
  const mayHoldUnprintable = text.includes('\\') || UNPRINTABLE.test(text);
  const documents: SourceDocument[] = [];
  const values: unknown[] = [];
  parsed.forEach((document, index) => {
    const problems = [...document.errors, ...document.warnings];
    if (problems.length > 0) {
      // A tab in the indentation throws off the lines around it, and the parser's other complaints
      // about them are noise: the tabs are what to fix.
      const tabs = problems.filter((problem) => problem.code === 'TAB_AS_INDENT');
      // One syntax error usually sets off more on the same line; the first one is the one to fix.
      const linesSeen = new Set<number>();
      const found: Diagnostic[] = [];
      for (const problem of tabs.length > 0 ? tabs : problems) {
        const { offset, message } = overIndented(problem, text) ?? describeYamlError(problem, document);
        const diagnostic = at(offset, message);
        if (linesSeen.has(diagnostic.line!)) continue;
        linesSeen.add(diagnostic.line!);
        found.push(diagnostic);
      }
      // Every tab is its own mistake; other syntax errors cascade (one pasted line breaks the
      // structure of everything below it), so the first is the cause and the rest are counted.
      diagnostics.push(...(tabs.length > 0 ? found : capFollowOn(found)));
      return;
    }
    try {
      const tagged = mayHoldTags ? findTags(document, text) : undefined;
      if (tagged) {
        diagnostics.push(at(tagged.offset, tagMessage(tagged.tag)));
        return;
      }
      const duplicates = findDuplicateKeys(document);
      if (duplicates.length > 0) {
        for (const { key, offset } of duplicates) diagnostics.push(at(offset, `duplicate key "${key}": ${HINTS.DUPLICATE_KEY}`));
        return;
      }
      const unprintable = mayHoldUnprintable ? findUnprintable(document) : undefined;
      if (unprintable) {
        diagnostics.push(
          at(
            unprintable.offset,
            `this text contains the control character ${codePointName(unprintable.character)}: remove it (policy text is printed in terminals and CI logs, where such characters can rewrite what is shown)`,
          ),
        );
        return;
      }
      values.push(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
      documents.push(new SourceDocument(file, index, document, lineCounter, text));
    } catch (error) {
      const diagnostic = fromThrown(file, error);
      const offset = error instanceof ReferenceError ? aliasOffset(document, unresolvedAliasName(error)) : undefined;
      diagnostics.push(offset === undefined ? diagnostic : at(offset, diagnostic.message));
    }
  });
  return { documents, values, diagnostics };
}

/** The first syntax error of a document, and one line for the errors it most likely set off below it. */
function capFollowOn(found: readonly Diagnostic[]): Diagnostic[] {
  const [first, next, ...rest] = found;
  if (!first || !next) return [...found];
  const count = rest.length + 1;
  return [
    first,
    {
      ...next,
      message: `${count} more YAML ${count === 1 ? 'error follows' : 'errors follow'} from here on, most likely set off by the one at line ${first.line}: fix that line first and run again`,
    },
  ];
}

const TOO_DEEP = 'the YAML is nested too deeply to read: a policy needs only a few levels; flatten the structure';

function fromThrown(file: string, error: unknown): Diagnostic {
  const whole = (message: string): Diagnostic => ({ file, line: 1, column: 1, message, source: 'yaml' });
  if (error instanceof ReferenceError) {
    const name = unresolvedAliasName(error);
    if (name !== undefined) {
      return whole(`the alias *${name} names no anchor defined before it: define &${name} above it, or write the value out`);
    }
    if (/alias/i.test(error.message)) {
      return whole(
        `too many aliases: a document may expand at most ${MAX_ALIAS_COUNT} aliases (*name); write the values out instead of nesting aliases`,
      );
    }
    return whole(`cannot resolve the YAML: ${error.message}`);
  }
  if (error instanceof RangeError) return whole(TOO_DEEP);
  throw error;
}

function unresolvedAliasName(error: unknown): string | undefined {
  return error instanceof ReferenceError ? /^Unresolved alias[^:]*: (.*)$/.exec(error.message)?.[1] : undefined;
}

function tagMessage(tag: string | undefined): string {
  return `YAML tag${tag ? ` ${tag}` : ''} is not allowed: a policy file is plain data and no tag is ever run; remove the tag and write the value itself`;
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: 'a key may appear once in a mapping: remove or rename the second one',
  TAB_AS_INDENT: 'YAML indents with spaces, not tabs: replace the tab with spaces',
  BAD_INDENT: 'the indentation does not line up with the lines above: indent items of one list or mapping by the same number of spaces',
  MISSING_CHAR: 'a character YAML needs here is missing: check for a missing colon, comma or closing bracket',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span several lines: put the key and its colon on one line',
  MULTILINE_IMPLICIT_KEY:
    'this line is not a `key: value` pair: write the key, a colon and a space, then the value (such as name: Enterprise-first), or quote text that runs over several lines',
  UNEXPECTED_TOKEN: 'unexpected text here: check for a missing colon, dash or quote',
  BAD_SCALAR_START: 'quote the value, such as "@acme"',
  BAD_ALIAS: 'this alias names no anchor defined before it: define &name first, or write the value out',
  BAD_DQ_ESCAPE: 'inside double quotes write \\\\ for a backslash, or use single quotes',
  BAD_DIRECTIVE: 'remove the % directive line: policy files are YAML 1.2 and need no directives',
  KEY_OVER_1024_CHARS: 'a key may be at most 1024 characters long: shorten it',
  NON_STRING_KEY: 'keys must be plain words: quote the key',
  RESOURCE_EXHAUSTION: TOO_DEEP,
};

/**
 * Whole messages for YAML's messages in its own jargon ("implicit keys", "compact mappings"), where
 * one error code covers several different mistakes.
 */
const PLAIN_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/^Implicit keys need to be on a single line/, HINTS.MULTILINE_IMPLICIT_KEY!],
  [
    /^Nested mappings are not allowed in compact mappings/,
    'a value that contains ": " must be quoted: write it in double quotes, such as name: "Enterprise: first"',
  ],
  [
    /^A block sequence may not be used as an implicit map key/,
    'a "- item" list cannot stand beside the keys of a mapping: put it under its own key (key: then the items indented below)',
  ],
  [/^Implicit map keys need to be followed by map values/, 'a key needs a colon and a value: write key: value (a colon and a space)'],
  [/^Missing space after :/, 'write a space after the colon: key: value'],
  [/^Missing ,/, 'separate the items with commas, such as [a, b] or { id: a, kind: revenue }'],
  [/^Comments must be separated/, 'put a space before the # of a comment, or quote a value that contains #'],
  [/^Sequence item without - indicator/, 'start each list item with "- "'],
];

/**
 * One space too many before a key (`  - id: sales` then `     kind: revenue`) makes YAML read the
 * line as the rest of the value above, and it reports "nested mappings" at that value. Say what
 * happened, at the line that is indented too far.
 */
function overIndented(problem: YAMLError, text: string): { offset: number; message: string } | undefined {
  if (!/^(Nested mappings are not allowed in compact mappings|Implicit keys need to be on a single line)/.test(problem.message))
    return undefined;
  const lineStart = text.lastIndexOf('\n', problem.pos[0] - 1) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) return undefined;
  const above = /^(\s*(?:- +)*)([^\s#:][^:#]*?):[ \t]+\S/.exec(text.slice(lineStart, lineEnd));
  // The next line that is not blank or a comment.
  let nextStart = lineEnd + 1;
  let next = '';
  while (nextStart < text.length) {
    const end = text.indexOf('\n', nextStart);
    next = text.slice(nextStart, end < 0 ? undefined : end);
    if (next.trim() !== '' && !next.trimStart().startsWith('#')) break;
    nextStart = end < 0 ? text.length : end + 1;
  }
  const below = /^( +)([^\s#:-][^:#]*?):(?:[ \t]|$)/.exec(next);
  if (!above || !below) return undefined;
  const keyColumn = above[1]!.length;
  const extra = below[1]!.length - keyColumn;
  if (extra <= 0) return undefined;
  const spaces = extra === 1 ? '1 space' : `${extra} spaces`;
  return {
    offset: nextStart + below[1]!.length,
    message: `${below[2]}: is indented ${spaces} more than ${above[2]}: on the line above, so YAML reads it as part of that value: start ${below[2]}: in column ${keyColumn + 1}, under ${above[2]}:`,
  };
}

/** The message and the offset to report it at: for an unclosed quote or bracket, where it opens. */
function describeYamlError(problem: YAMLError, document: Document.Parsed): { offset: number; message: string } {
  const yamlSays = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const offset = problem.pos[0];
  if (problem.code === 'TAG_RESOLVE_FAILED') {
    const tag = /tag:? ?(\S+)/i.exec(yamlSays)?.[1];
    return { offset, message: tagMessage(tag?.replace('tag:yaml.org,2002:', '!!')) };
  }
  const unclosed = unclosedOpener(yamlSays, offset, document);
  if (unclosed) return unclosed;
  if (problem.code === 'RESOURCE_EXHAUSTION') return { offset, message: TOO_DEEP };
  const plain = PLAIN_MESSAGES.find(([pattern]) => pattern.test(yamlSays))?.[1];
  if (plain) return { offset, message: plain };
  const hint = HINTS[problem.code];
  return { offset, message: hint ? `${lowerFirst(yamlSays)}: ${hint}` : `invalid YAML: ${lowerFirst(yamlSays)}` };
}

const UNCLOSED: ReadonlyArray<{ pattern: RegExp; matches: (node: Node) => boolean; message: string }> = [
  {
    pattern: /^Missing closing "quote/,
    matches: (node) => isScalar(node) && node.type === 'QUOTE_DOUBLE',
    message: 'this double-quoted text is never closed: add the closing " where the text ends (write \\" for a quote inside it)',
  },
  {
    pattern: /^Missing closing 'quote/,
    matches: (node) => isScalar(node) && node.type === 'QUOTE_SINGLE',
    message: "this single-quoted text is never closed: add the closing ' where the text ends (write '' for a quote inside it)",
  },
  {
    pattern: /end with a \]/,
    matches: (node) => isSeq(node) && node.flow === true,
    message: 'this [ list is never closed: end it with ], such as [enterprise, smb]',
  },
  {
    pattern: /end with a \}/,
    matches: (node) => isMap(node) && node.flow === true,
    message: 'this { mapping } is never closed: end it with }, such as { id: sales, kind: revenue }',
  },
];

/** YAML notices an unclosed quote or bracket where the file or block ends; people need its start. */
function unclosedOpener(yamlSays: string, offset: number, document: Document.Parsed): { offset: number; message: string } | undefined {
  const kind = UNCLOSED.find(({ pattern }) => pattern.test(yamlSays));
  if (!kind) return undefined;
  let opener: number | undefined;
  try {
    visit(document, (_key, node) => {
      if (isNode(node) && node.range && node.range[1] === offset && kind.matches(node)) opener = node.range[0];
      return undefined;
    });
  } catch {
    // Too deep to walk: report where YAML noticed it.
  }
  return { offset: opener ?? offset, message: kind.message };
}

/**
 * Every second occurrence of a key in one mapping, in one pass. Keys are compared as the text they
 * become (`1` and "1" are the same key once loaded).
 */
function findDuplicateKeys(document: Document.Parsed): Array<{ key: string; offset: number }> {
  const duplicates: Array<{ key: string; offset: number }> = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (seen.has(key)) duplicates.push({ key: key.length > 40 ? `${key.slice(0, 40)}…` : key, offset: item.key.range?.[0] ?? 0 });
        seen.add(key);
      }
    },
  });
  return duplicates;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

/** The first explicit tag other than the core schema's own (`!!str` and the like). */
function findTags(document: Document.Parsed, text: string): { tag: string; offset: number } | undefined {
  let found: { tag: string; offset: number } | undefined;
  visit(document, (_key, node) => {
    if (isNode(node) && node.tag && !CORE_TAGS.has(node.tag)) {
      found = { tag: node.tag.replace('tag:yaml.org,2002:', '!!'), offset: tagOffset(text, node.range?.[0] ?? 0) };
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/** The first key or text value holding a control character (written as an escape such as "\e"). */
function findUnprintable(document: Document.Parsed): { character: string; offset: number } | undefined {
  let found: { character: string; offset: number } | undefined;
  visit(document, (_key, node) => {
    if (isScalar(node) && typeof node.value === 'string') {
      const character = UNPRINTABLE.exec(node.value)?.[0];
      if (character !== undefined) {
        found = { character, offset: node.range?.[0] ?? 0 };
        return visit.BREAK;
      }
    }
    return undefined;
  });
  return found;
}

/** A node's range starts at its value; the tag written before it (`!!binary aGk=`) is what to point at. */
function tagOffset(text: string, valueOffset: number): number {
  let bang = text.lastIndexOf('!', valueOffset - 1);
  if (bang < 0 || valueOffset - bang > 1100) return valueOffset;
  while (bang > 0 && text.charAt(bang - 1) === '!') bang--;
  return bang;
}

/** The offset of the alias `*name` (or of the first alias when no name is given). */
function aliasOffset(document: Document.Parsed, name: string | undefined): number | undefined {
  let offset: number | undefined;
  try {
    visit(document, (_key, node) => {
      if (isAlias(node) && (name === undefined || node.source === name)) {
        offset = node.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    });
  } catch {
    return undefined;
  }
  return offset;
}
