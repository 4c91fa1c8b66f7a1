/**
 * paths → files → YAML documents with positions → validated documents → one merged policy.
 * Every problem found on the way is collected, and the load fails with all of them at once.
 */
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { LIST_SECTIONS, type ListSection, type Policy, type PolicyDocument } from '../schema.js';
import { discoverFiles, displayPath, ioDiagnostic, type CandidateFile, type Discovery } from './discover.js';
import { ParseCache } from './cache.js';
import { exactSourcesFor } from './cached-source.js';
import { startsWithUtf16Bom, firstInvalidUtf8Offset, positionOfByte } from './encoding.js';
import { chooseLoader, parseFast, sourcesFor, validateFast, type LoaderChoice } from './fast/index.js';
import { isMapping } from './fast/scan.js';
import { mergeDocuments, type ValidDocument } from './merge.js';
import { parseYaml } from './parse.js';
import { printable, UNPRINTABLE } from './printable.js';
import type { Provenance } from './provenance.js';
import type { PolicySource } from './source.js';
import { readInputFile, UnreadableFile } from '../files/read.js';
import { timed, type PhaseTimings } from '../timing.js';
import { validateDocument, type ValidationResult } from './validate.js';

export type { Location, PathSegment } from './source.js';
export { SourceDocument } from './source.js';
export { DEFAULT_CACHE_LOCATION, ParseCache } from './cache.js';
export { firstInvalidUtf8Offset } from './encoding.js';

export interface LoadedPolicy {
  policy: Policy;
  provenance: Provenance;
  /** Every document of the policy, in load order. */
  sources: PolicySource[];
  /** The policy files read, as shown to the user. */
  files: string[];
  /** YAML files found in folder scans that are not policy files (no `version` key). */
  skipped: string[];
  /** Each list section as it was written in each document, for findings about a whole section. */
  sections: Record<ListSection, object[]>;
}

export interface LoadOptions {
  cwd?: string;
  /** Files not to load (the configuration's `ignore` globs), given their absolute path. */
  ignore?: (absolutePath: string) => boolean;
  /**
   * How YAML is read: `exact` (the yaml package, every diagnostic), `fast` (js-yaml, positions on
   * demand; anything unusual still goes exact), or `auto` (default): fast for large policies only.
   */
  loader?: LoaderChoice;
  /** Collects the time spent parsing and validating, for the benchmark. */
  timings?: PhaseTimings;
  /** Reuses the documents of files whose content has not changed since the cache was written. */
  cache?: ParseCache;
  /**
   * The most items (lines plus commas) a file may hold when it needs the exact reader: its cost per
   * item is high, so a few megabytes of `[1, 1, …]` would take a minute and gigabytes. Default
   * DEFAULT_MAX_EXACT_ITEMS; `--max-exact-items` raises it.
   */
  maxExactItems?: number;
  /**
   * Texts held in memory (an editor's unsaved buffer, `--stdin`): each stands in for the file at its
   * path among the files found, or joins them when the paths do not reach it.
   */
  texts?: readonly PolicyText[];
}

/** About ten seconds and a gigabyte of the exact reader on the development machine. */
export const DEFAULT_MAX_EXACT_ITEMS = 400_000;

/** A policy file given as text rather than read from disk. */
export interface PolicyText {
  path: string;
  text: string;
}

export function loadPolicy(paths: readonly string[], options: LoadOptions = {}): LoadedPolicy {
  const cwd = options.cwd ?? process.cwd();
  const discovery = discoverFiles(paths.length > 0 ? paths : ['.'], cwd);
  if (options.ignore) discovery.files = discovery.files.filter((file) => !options.ignore!(file.absolute));
  for (const given of options.texts ?? []) {
    const absolute = path.resolve(cwd, given.path);
    const onDisk = discovery.files.findIndex((file) => file.absolute === absolute);
    const inMemory = { absolute, display: displayPath(absolute, cwd), explicit: true, text: given.text };
    if (onDisk === -1) discovery.files.push(inMemory);
    else discovery.files[onDisk] = inMemory;
  }
  return loadDiscovered(discovery, paths, options);
}

/** Loads policy texts held in memory (editors, tests, other tools): nothing is read from disk. */
export function loadPolicyTexts(texts: readonly PolicyText[], options: LoadOptions = {}): LoadedPolicy {
  const cwd = options.cwd ?? process.cwd();
  const files = texts.map(({ path: given, text }) => {
    const absolute = path.resolve(cwd, given);
    return { absolute, display: displayPath(absolute, cwd), explicit: true, text };
  });
  return loadDiscovered(
    { files, diagnostics: [] },
    texts.map((text) => text.path),
    options,
  );
}

function loadDiscovered(discovery: Discovery, paths: readonly string[], options: LoadOptions): LoadedPolicy {
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];
  const documents: ValidDocument[] = [];
  const files: string[] = [];
  const skipped: string[] = [];
  const loader = chooseLoader(options.loader, discovery.files);

  for (const file of discovery.files) {
    const read = readPolicyFile(file, {
      loader,
      timings: options.timings,
      cache: options.cache,
      maxExactItems: options.maxExactItems ?? DEFAULT_MAX_EXACT_ITEMS,
    });
    if (read.kind === 'skipped') {
      skipped.push(file.display);
      continue;
    }
    files.push(file.display);
    if (read.kind === 'invalid') {
      appendAll(diagnostics, capPerFile(read.diagnostics));
      continue;
    }
    appendAll(documents, read.documents);
  }

  if (diagnostics.length === 0 && files.length === 0) {
    diagnostics.push({
      file: paths.join(', ') || '.',
      message: `no policy files found${skipped.length ? ` (skipped ${skipped.length} YAML file${skipped.length === 1 ? '' : 's'} without a version key)` : ''}: a policy file is a .yaml file that starts with version: 1; run \`incentive-lint init\` to write one`,
      source: 'io',
    });
  }
  const cacheProblem = options.cache?.save();
  if (cacheProblem) diagnostics.push(cacheProblem);
  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics).map(printableDiagnostic));

  const merged = timed(options.timings, 'rules', () => mergeDocuments(documents));
  if (merged.diagnostics.length > 0) throw new InputError(merged.diagnostics.map(printableDiagnostic));
  return { ...merged.result, files, skipped };
}

type FileRead = { kind: 'skipped' } | { kind: 'invalid'; diagnostics: Diagnostic[] } | { kind: 'policy'; documents: ValidDocument[] };

interface ReadOptions {
  loader: 'fast' | 'exact';
  timings?: PhaseTimings;
  cache?: ParseCache;
  maxExactItems: number;
}

function readPolicyFile(file: CandidateFile & { text?: string }, { loader, timings, cache, maxExactItems }: ReadOptions): FileRead {
  let bytes: Buffer;
  try {
    bytes = file.text === undefined ? readInputFile(file.absolute, 'policy') : Buffer.from(file.text, 'utf8');
  } catch (error) {
    const diagnostic =
      error instanceof UnreadableFile && !error.code
        ? { file: file.display, message: error.message, source: 'io' as const }
        : ioDiagnostic(file.display, error);
    return { kind: 'invalid', diagnostics: [diagnostic] };
  }
  const fail = (message: string, line?: number, column?: number): FileRead => ({
    kind: 'invalid',
    diagnostics: [{ file: file.display, line, column: line === undefined ? undefined : (column ?? 1), message, source: 'io' }],
  });
  if (startsWithUtf16Bom(bytes)) {
    return file.explicit
      ? fail('the file is UTF-16 text: save it as UTF-8 (most editors offer the encoding when saving)')
      : { kind: 'skipped' };
  }
  if (bytes.includes(0)) {
    return file.explicit ? fail('this is a binary file, not YAML text: give the path of a policy .yaml file') : { kind: 'skipped' };
  }
  // The native check answers for almost every file; the scan only finds where an invalid byte is.
  const invalidAt = isUtf8(bytes) ? -1 : firstInvalidUtf8Offset(bytes);
  if (invalidAt >= 0) {
    const { line, column } = positionOfByte(bytes, invalidAt);
    return fail(
      `byte 0x${bytes[invalidAt]!.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 text: save the file as UTF-8`,
      line,
      column,
    );
  }
  const text = bytes.toString('utf8');
  if (!cache) return readText(file, text, loader, timings, maxExactItems);

  const hash = ParseCache.hash(bytes);
  const cached = cache.get(file.absolute, hash);
  if (cached?.kind === 'policy') {
    // A small policy stays on the exact path, cached or not: the fast path's positions are for large ones.
    const sources =
      loader === 'fast' ? sourcesFor(file.display, text, cached.values) : exactSourcesFor(file.display, text, cached.values.length);
    return {
      kind: 'policy',
      documents: cached.values.map((value, index) => ({ source: sources[index]!, value: value as PolicyDocument })),
    };
  }
  if (cached?.kind === 'skipped' && !file.explicit) return { kind: 'skipped' };
  const read = readText(file, text, loader, timings, maxExactItems);
  if (read.kind === 'policy') cache.set(file.absolute, hash, { kind: 'policy', values: read.documents.map((document) => document.value) });
  if (read.kind === 'skipped') cache.set(file.absolute, hash, { kind: 'skipped' });
  return read;
}

function readText(
  file: CandidateFile,
  text: string,
  loader: 'fast' | 'exact',
  timings: PhaseTimings | undefined,
  maxExactItems: number,
): FileRead {
  // Escapes and control characters are judged by the exact path alone (see printable.ts).
  if (loader === 'fast' && !text.includes('\\') && !UNPRINTABLE.test(text)) {
    const fast = timed(timings, 'parse', () => parseFast(file.display, text));
    // Any problem is reported by the exact path, so that messages never depend on the loader.
    const read = fast && interpretFile(file, text, fast, (value) => timed(timings, 'validate', () => validateFast(value)));
    if (read && read.kind !== 'invalid') return read;
  }
  const items = countItems(text, maxExactItems);
  if (items > maxExactItems) {
    return {
      kind: 'invalid',
      diagnostics: [
        {
          file: file.display,
          message: `this file needs the exact YAML reader (it has an error, an escape or a YAML feature the fast reader leaves to it) and holds more than ${maxExactItems} items (lines plus commas), more than it reads in reasonable time: split the file, write long flow lists [a, b, …] as block lists, or raise the limit with --max-exact-items`,
          source: 'io',
        },
      ],
    };
  }
  const parsed = timed(timings, 'parse', () => parseYaml(file.display, text));
  return interpretFile(file, text, parsed, (value, source) => timed(timings, 'validate', () => validateDocument(value, source)));
}

/** Lines plus commas, counted up to just past `limit`: a bound of the exact reader's work. */
function countItems(text: string, limit: number): number {
  let count = 0;
  for (let at = 0; at < text.length && count <= limit; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 44) count++;
  }
  return count;
}

interface ParsedDocuments<Source extends PolicySource> {
  documents: Source[];
  values: unknown[];
  diagnostics: Diagnostic[];
}

function interpretFile<Source extends PolicySource>(
  file: CandidateFile,
  text: string,
  parsed: ParsedDocuments<Source>,
  validate: (value: unknown, source: Source) => ValidationResult,
): FileRead {
  const fail = (message: string, line?: number): FileRead => ({
    kind: 'invalid',
    diagnostics: [{ file: file.display, line, column: line === undefined ? undefined : 1, message, source: 'io' }],
  });
  if (!file.explicit && !looksLikePolicy(text, parsed.values)) return { kind: 'skipped' };
  if (parsed.diagnostics.length > 0) return { kind: 'invalid', diagnostics: parsed.diagnostics };
  if (parsed.documents.length === 0) {
    const what = text.trim() === '' ? 'the file is empty' : 'the file holds only comments';
    return fail(`${what}: a policy file starts with version: 1 (run \`incentive-lint init\` for a starter)`, 1);
  }

  const diagnostics: Diagnostic[] = [];
  const documents: ValidDocument[] = [];
  parsed.documents.forEach((source, index) => {
    const value = parsed.values[index];
    // Later documents of a multi-document file inherit the version of the first one.
    const withVersion = index > 0 && isMapping(value) && !('version' in value) ? { version: 1, ...value } : value;
    if (index === 0 && !(isMapping(value) && 'version' in value)) {
      diagnostics.push({
        ...source.locate([]),
        message: isMapping(value)
          ? holdsPolicyContent(value)
            ? `holds policy content (${Object.keys(value)
                .filter((key) => KNOWN_TOP_KEYS.has(key))
                .join(', ')}) but no version key, so it cannot be read as part of the policy: add \`version: 1\` as its first line`
            : 'not a policy file: it has no version key; add `version: 1` as its first line'
          : 'not a policy file: a policy file is a mapping of keys that starts with `version: 1`',
        source: 'schema',
      });
      return;
    }
    const result = validate(withVersion, source);
    if (result.ok) documents.push({ source, value: result.value });
    else appendAll(diagnostics, result.diagnostics);
  });
  const valid = diagnostics.length === 0 && documents.length === parsed.documents.length;
  return valid ? { kind: 'policy', documents } : { kind: 'invalid', diagnostics };
}

const KNOWN_TOP_KEYS = new Set(['organization', 'currency', 'strategy', ...LIST_SECTIONS]);

/**
 * A scanned YAML file is part of the policy when it has a top-level `version` key, unless it is
 * clearly another tool's file (docker-compose's `version: "3"` with none of our sections).
 */
function looksLikePolicy(text: string, values: unknown[]): boolean {
  const first = values[0];
  if (!isMapping(first)) return values.length === 0 && /^version\s*:/m.test(text);
  if (!('version' in first)) return holdsPolicyContent(first);
  return first.version === 1 || Object.keys(first).some((key) => KNOWN_TOP_KEYS.has(key));
}

/**
 * Policy content without `version: 1` (a strategy, a plan, OKRs …) is a forgotten version line, not
 * another tool's file: reading on without it would judge a policy with a part missing. A lone
 * `teams:` or `metrics:` key is common in other tools' YAML, so those count only together.
 */
const POLICY_CONTENT_KEYS = new Set(['strategy', 'compensation', 'okrs', 'promotions', 'recognition', 'roster', 'waivers']);
const DECLARATION_KEYS = ['teams', 'segments', 'metrics'];

function holdsPolicyContent(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.some((key) => POLICY_CONTENT_KEYS.has(key)) || keys.filter((key) => DECLARATION_KEYS.includes(key)).length >= 2;
}

/** More problems than anyone reads in one file: a generated or badly broken file would flood the log. */
const MAX_DIAGNOSTICS_PER_FILE = 100;

function capPerFile(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const sorted = sortDiagnostics(diagnostics);
  const firstLeftOut = sorted[MAX_DIAGNOSTICS_PER_FILE]!;
  const more = sorted.length - MAX_DIAGNOSTICS_PER_FILE;
  return [
    ...sorted.slice(0, MAX_DIAGNOSTICS_PER_FILE),
    {
      file: firstLeftOut.file,
      line: firstLeftOut.line,
      column: firstLeftOut.column,
      message: `${more} more problem${more === 1 ? '' : 's'} from here on are not shown: fix the ones above and run again`,
      source: firstLeftOut.source,
    },
  ];
}

/**
 * Messages quote the user's keys and text: nothing in them may drive the terminal, and a quoted
 * value of a megabyte is cut to what it takes to find it.
 */
/** A quoted value of 60 characters or more: opens after a space or "(", closes before a space, punctuation or the end. */
const LONG_QUOTE = /(^|[\s(])"([^"\n]{60,})"(?=$|[\s:;,.)?])/g;

function printableDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const message = printable(diagnostic.message).replace(
    LONG_QUOTE,
    (_quoted, before: string, inner: string) => `${before}"${inner.slice(0, 40)}…"`,
  );
  return { ...diagnostic, message, ...(diagnostic.file === undefined ? {} : { file: printable(diagnostic.file) }) };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/** `target.push(...items)` overflows the call stack past ~100,000 items: a 50 MB policy has more. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
