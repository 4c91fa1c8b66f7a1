/**
 * YAML text → documents with source positions, or diagnostics. YAML 1.2 core schema only: no merge
 * keys (an old route around alias limits), no tags (policy files are data), few aliases.
 */
import { isAlias, isNode, LineCounter, parseAllDocuments, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { SourceDocument } from './source.js';

/** Aliases a document may expand: enough for shared snippets, far too few for "billion laughs". */
export const MAX_ALIAS_COUNT = 50;

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
      uniqueKeys: true,
      prettyErrors: false,
      logLevel: 'silent',
      version: '1.2',
      schema: 'core',
    }) as Document.Parsed[];
  } catch (error) {
    return { documents: [], values: [], diagnostics: [fromThrown(file, error)] };
  }

  const documents: SourceDocument[] = [];
  const values: unknown[] = [];
  parsed.forEach((document, index) => {
    const problems = [...document.errors, ...document.warnings];
    if (problems.length > 0) {
      diagnostics.push(...problems.map((problem) => at(problem.pos[0], describeYamlError(problem, text))));
      return;
    }
    try {
      const tagged = findTags(document);
      if (tagged) {
        diagnostics.push(at(tagged.offset, `YAML tag ${tagged.tag} is not allowed: a policy file is plain data; remove the tag and write the value itself`));
        return;
      }
      values.push(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
      documents.push(new SourceDocument(file, index, document, lineCounter, text));
    } catch (error) {
      const diagnostic = fromThrown(file, error);
      const offset = error instanceof ReferenceError ? firstAliasOffset(document) : undefined;
      diagnostics.push(offset === undefined ? diagnostic : at(offset, diagnostic.message));
    }
  });
  return { documents, values, diagnostics };
}

function fromThrown(file: string, error: unknown): Diagnostic {
  if (error instanceof ReferenceError && /alias/i.test(error.message)) {
    return {
      file,
      line: 1,
      column: 1,
      message: `too many aliases: a document may expand at most ${MAX_ALIAS_COUNT} aliases (*name); write the values out instead of nesting aliases`,
      source: 'yaml',
    };
  }
  if (error instanceof RangeError) {
    return {
      file,
      line: 1,
      column: 1,
      message: 'the YAML is nested too deeply to read: a policy needs only a few levels; flatten the structure',
      source: 'yaml',
    };
  }
  if (error instanceof ReferenceError) {
    return { file, line: 1, column: 1, message: `cannot resolve the YAML: ${error.message}`, source: 'yaml' };
  }
  throw error;
}

const HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'a key may appear once in a mapping: remove or rename the second one',
  TAB_AS_INDENT: 'YAML indents with spaces, not tabs: replace the tab with spaces',
  BAD_INDENT: 'the indentation does not line up with the lines above: indent items of one list or mapping by the same number of spaces',
  MISSING_CHAR: 'a closing bracket, brace or quote is missing: close what was opened',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span several lines: put the key and its colon on one line',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span several lines: put the key and its colon on one line, or quote the text',
  UNEXPECTED_TOKEN: 'unexpected text here: check for a missing colon, dash or quote',
  BAD_SCALAR_START: 'a plain value cannot start with this character: quote the value',
  TAG_RESOLVE_FAILED: 'YAML tags are not allowed: a policy file is plain data; remove the tag',
  BAD_ALIAS: 'this alias names no anchor defined before it: define &name first, or write the value out',
  BAD_DQ_ESCAPE: 'invalid escape in a double-quoted string: use \\\\ for a backslash, or single quotes',
  KEY_OVER_1024_CHARS: 'a key may be at most 1024 characters long: shorten it',
  NON_STRING_KEY: 'keys must be plain words: quote the key',
};

function describeYamlError(problem: YAMLError, text: string): string {
  const yamlSays = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (problem.code === 'DUPLICATE_KEY') {
    const key = keyAt(text, problem.pos[0]);
    return `duplicate key${key ? ` "${key}"` : ''}: ${HINTS.DUPLICATE_KEY}`;
  }
  if (problem.code === 'TAG_RESOLVE_FAILED') {
    const tag = /tag:? ?(\S+)/i.exec(yamlSays)?.[1];
    return `YAML tag${tag ? ` ${tag.replace('tag:yaml.org,2002:', '!!')}` : ''} is not allowed: a policy file is plain data; remove the tag`;
  }
  const hint = HINTS[problem.code];
  return hint ? `${lowerFirst(yamlSays)}: ${hint}` : `invalid YAML: ${lowerFirst(yamlSays)}`;
}

function keyAt(text: string, offset: number): string | undefined {
  return /^["']?([^:"'\n]+)/.exec(text.slice(offset, offset + 200))?.[1]?.trim();
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
function findTags(document: Document.Parsed): { tag: string; offset: number } | undefined {
  let found: { tag: string; offset: number } | undefined;
  visit(document, (_key, node) => {
    if (isNode(node) && node.tag && !CORE_TAGS.has(node.tag)) {
      found = { tag: node.tag.replace('tag:yaml.org,2002:', '!!'), offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

function firstAliasOffset(document: Document.Parsed): number | undefined {
  let offset: number | undefined;
  try {
    visit(document, (_key, node) => {
      if (isAlias(node)) {
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
