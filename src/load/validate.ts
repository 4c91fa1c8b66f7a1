/**
 * Validates one YAML document against format v1 and turns zod's issues into diagnostics that say, in
 * a plain sentence at the right line, what is wrong and what to write instead.
 */
import { isMap, isScalar, type Pair } from 'yaml';
import type * as z from 'zod';
import { didYouMean, type Diagnostic } from '../diagnostics.js';
import { PolicyDocumentSchema, type PolicyDocument } from '../schema.js';
import { isShareKey, pastedNumberMessage } from './pasted-number.js';
import type { NodePath, PathSegment, SourceDocument } from './source.js';

export type ValidationResult = { ok: true; value: PolicyDocument } | { ok: false; diagnostics: Diagnostic[] };

/** Words people write for an allowed value that no edit distance finds ("annual" for year). */
const SYNONYMS: Readonly<Record<string, string>> = {
  annual: 'year',
  annually: 'year',
  yearly: 'year',
  monthly: 'month',
  quarterly: 'quarter',
  'semi-annual': 'half',
  semiannual: 'half',
  'half-year': 'half',
};

export function validateDocument(value: unknown, source: SourceDocument): ValidationResult {
  const result = PolicyDocumentSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, diagnostics: describeIssues(result.error.issues, source) };
}

function describeIssues(issues: readonly z.core.$ZodIssue[], source: SourceDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const misspelled = new Set<string>();
  // The pieces of a value cut by commas: one message for the value, none for each piece.
  const splitPieces = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeysAt(issue.path);
    for (const key of issue.keys) {
      if (splitPieces.has(pathKey([...issue.path, key]))) continue;
      const split = commaSplitValue(source, issue.path, key);
      if (split) {
        for (const piece of split.pieces) splitPieces.add(pathKey([...issue.path, piece]));
        diagnostics.push(at(source, [...issue.path, split.key], split.message));
        continue;
      }
      const suggestion = didYouMean(key, known);
      if (suggestion) misspelled.add(pathKey([...issue.path, /"(.*)"/.exec(suggestion)![1]!]));
      diagnostics.push(at(source, [...issue.path, key], unknownKeyMessage(key, issue.path, known, suggestion), 'key'));
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    // A missing key that the user wrote with a typo is reported once, as the typo.
    if (isMissing(issue) && misspelled.has(pathKey(issue.path))) continue;
    // A piece of a cut value that happens to be a known key (`name: Ops, description`) is part of the value too.
    if (splitPieces.has(pathKey(issue.path))) continue;
    const path = isMissing(issue) ? issue.path.slice(0, -1) : issue.path;
    diagnostics.push(at(source, path, issueMessage(issue)));
  }
  return diagnostics;
}

function at(source: SourceDocument, path: readonly PropertyKey[], message: string, point: 'node' | 'key' = 'node'): Diagnostic {
  const segments = path.filter(isSegment);
  const location = point === 'key' ? source.locateKey(segments) : source.locate(segments);
  return {
    file: location.file,
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
    message,
    source: 'schema',
  };
}

function isSegment(value: PropertyKey): value is PathSegment {
  return typeof value === 'string' || typeof value === 'number';
}

function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map(String));
}

/** A required key that is absent: zod reports it as a wrong type, or (for a rate or weight, which are unions) a failed union, of no input. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined;
}

/**
 * In a `{ … }` mapping a comma ends the value: `{ name: Bookings, net of margin }` is read as
 * name: Bookings and a key "net of margin" with no value. Such keys, right after a plain text value,
 * are the user's text cut in pieces: say to quote the whole of it (every piece up to the next real
 * `key: value` or the closing brace) rather than call each piece an unknown key. `pieces` are the
 * keys the text was cut into, which no other message should report.
 */
function commaSplitValue(
  source: SourceDocument,
  path: readonly PropertyKey[],
  key: string,
): { key: string; pieces: string[]; message: string } | undefined {
  const map = source.nodeAt(path.filter(isSegment));
  if (!isMap(map) || !map.flow) return undefined;
  const items = map.items as Pair[];
  const isPiece = (pair: Pair | undefined) => pair !== undefined && pair.value === null && isScalar(pair.key) && pair.key.type === 'PLAIN';
  let first = items.findIndex((item) => isScalar(item.key) && String(item.key.value) === key);
  if (!isPiece(items[first])) return undefined;
  while (isPiece(items[first - 1])) first--;
  const before = items[first - 1];
  if (!before || !isScalar(before.key) || !isScalar(before.value)) return undefined;
  // `amount: 1,300,000` is read as amount: 1 and keys "300" and "0".
  if (before.value.type !== 'PLAIN' || !['string', 'number'].includes(typeof before.value.value)) return undefined;
  let last = first;
  while (isPiece(items[last + 1])) last++;
  const pieces = items.slice(first, last + 1).map((pair) => String((pair.key as { value: unknown }).value));
  const previousKey = String(before.key.value);
  // The text as written, from the value to the last piece (so "1,000" stays "1,000").
  const start = before.value.range?.[0];
  const lastKey = items[last]!.key;
  const end = isScalar(lastKey) ? lastKey.range?.[1] : undefined;
  const whole = start !== undefined && end !== undefined ? source.text.slice(start, end) : [before.value.value, ...pieces].join(', ');
  const shown = (whole.length > 60 ? `${whole.slice(0, 60)}…` : whole).replace(/["\\]/g, (character) => `\\${character}`);
  // The pieces as written: YAML reads the key 000 as the number 0.
  const written = items.slice(first, last + 1).map((pair) => {
    const range = (pair.key as { range?: [number, number, number] }).range;
    return range ? source.text.slice(range[0], range[1]) : String((pair.key as { value: unknown }).value);
  });
  const pasted = pastedNumberMessage(previousKey, whole, written);
  if (pasted) return { key: previousKey, pieces, message: pasted };
  if (typeof before.value.value !== 'string') return undefined;
  const readAs = pieces.length === 1 ? `"${pieces[0]}" was read as a key` : `${listQuoted(pieces)} were read as keys`;
  return {
    key: previousKey,
    pieces,
    message: `${previousKey}: the comma after "${before.value.value}" ends the value inside { }, so ${readAs}: quote the whole text, such as ${previousKey}: "${shown}"`,
  };
}

/** ["a", "b", "c"] → '"a", "b" and "c"'. */
function listQuoted(items: readonly string[]): string {
  const quoted = items.map((item) => `"${item}"`);
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

function unknownKeyMessage(key: string, path: readonly PropertyKey[], known: string[], suggestion: string): string {
  const where = describePlace(path);
  if (key === '<<') {
    return `merge keys (<<) are not supported in ${where}: write the keys out`;
  }
  // A hostile file can hold 1,024-character keys: the message quotes enough to find it.
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  if (suggestion) return `unknown key "${shown}" in ${where}${suggestion}`;
  return `unknown key "${shown}" in ${where}: the keys allowed here are ${known.join(', ')}`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const key = lastKey(issue.path);
  const where = describePlace(isMissing(issue) ? issue.path.slice(0, -1) : issue.path.slice(0, -1));
  const input = (issue as { input?: unknown }).input;
  if (typeof input === 'number' && !Number.isFinite(input)) return withLabel(key, nonFiniteMessage(input, key, issue.path));
  if (isMissing(issue)) {
    const example = EXAMPLES[key ?? ''];
    return `${where} has no "${key}": add it${example ? `, such as ${key}: ${example}` : ''}`;
  }
  if (key === 'team' && Array.isArray(input)) return oneTeamMessage(issue.path, input);
  // A number written as a spreadsheet shows it ($260,000, 260k, 1,5) where an amount or a rate goes.
  if (
    typeof input === 'string' &&
    key !== undefined &&
    ((issue.code === 'invalid_type' && issue.expected === 'number') || isShareKey(key))
  ) {
    const pasted = pastedNumberMessage(key, input);
    if (pasted) return pasted;
  }
  if ((key === 'clawback' || key === 'deferral') && typeof input === 'number') return windowMessage(key, input);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping of keys' : `a ${issue.expected}`;
      if (issue.message && !issue.message.startsWith('Invalid input')) return withLabel(key, issue.message);
      return `${label(key)}expected ${expected}, found ${describeValue(issue.input)}${EXAMPLES[key ?? ''] ? `; write it such as ${key}: ${EXAMPLES[key ?? '']}` : ''}`;
    }
    case 'invalid_value': {
      if (issue.values.length === 1 && key === 'version') {
        return `version is ${describeValue(issue.input)}: this tool reads format version 1; write version: 1`;
      }
      const options = issue.values.map(String);
      const synonym = SYNONYMS[String(issue.input).trim().toLowerCase()];
      const hint =
        synonym !== undefined && options.includes(synonym)
          ? `; write ${key ?? 'it'}: ${synonym}`
          : didYouMean(String(issue.input), options);
      return `${label(key)}${describeValue(issue.input)} is not one of ${options.join(', ')}${hint}`;
    }
    default:
      return withLabel(key, issue.message);
  }
}

/** `team: [sales, sdr]`: an instrument belongs to one team; say how to cover several. */
function oneTeamMessage(path: readonly PropertyKey[], teams: readonly unknown[]): string {
  const section = typeof path[0] === 'string' ? path[0] : '';
  const ids = teams.map(String);
  const first = ids[0] ?? 'sales';
  const others = ids.slice(1).join(', ') || 'sdr';
  const what = INSTRUMENT_NOUN[section] ?? 'an instrument';
  const each = `write one ${what.replace(/^an? /, '')} per team (team: ${first}, then a copy with team: ${ids[1] ?? others})`;
  const shared =
    section === 'compensation' ? `, or keep team: ${first} and share a bonus component with the others (shared_with: [${others}])` : '';
  const awards = section === 'recognition' ? `, or name the teams on each award (teams: [${ids.join(', ')}])` : '';
  return `team: ${what} belongs to one team, and this names ${ids.length}: ${each}${shared}${awards}`;
}

const INSTRUMENT_NOUN: Record<string, string> = {
  compensation: 'a plan',
  okrs: 'an OKR set',
  promotions: 'a promotion ladder',
  recognition: 'a recognition program',
};

/** `clawback: 6` means six months: show the mapping it belongs in. */
function windowMessage(key: 'clawback' | 'deferral', value: number): string {
  const months = Number.isInteger(value) && value > 0 ? value : 6;
  const written = key === 'clawback' ? `{ months: ${months} }` : `{ share: 0.3, months: ${months} }`;
  return `${key} is a mapping, not a number: write ${key}: ${written}`;
}

function label(key: string | undefined): string {
  return key ? `${key}: ` : '';
}

/** "rate: …", unless the message already starts with the key ("sales_cycle_days must be …"). */
function withLabel(key: string | undefined, message: string): string {
  return key && (message.startsWith(`${key} `) || message.startsWith(`${key}:`)) ? message : `${label(key)}${message}`;
}

/**
 * YAML reads .inf, .nan and numbers beyond a double (1e400) as Infinity or NaN: never a meaningful
 * amount, rate or count. The message names the problem without printing "Infinity" or "NaN".
 */
function nonFiniteMessage(value: number, key: string | undefined, path: readonly PropertyKey[]): string {
  const example = path.includes('key_results') && key === 'target' ? '"+20%"' : EXAMPLES[key ?? ''];
  const instead = `write a finite number${example ? `, such as ${key}: ${example}` : ''}`;
  return Number.isNaN(value)
    ? `.nan is not a number: ${instead}`
    : `the number is infinite or too large (such as .inf or 1e400): ${instead}`;
}

function lastKey(path: readonly PropertyKey[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') return path[i] as string;
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' && !Number.isFinite(value)) return 'an infinite number';
  return String(value);
}

const NOUNS: Record<string, string> = {
  strategy: 'the strategy',
  priorities: 'a priority',
  favor: "a priority's favor list",
  deprioritize: "a priority's deprioritize list",
  segments: 'a segment',
  teams: 'a team',
  metrics: 'a metric',
  compensation: 'a compensation plan',
  commission: 'a commission line',
  bonus: 'a bonus component',
  clawback: 'a clawback',
  deferral: 'a deferral',
  okrs: 'an OKR set',
  key_results: 'a key result',
  promotions: 'a promotion ladder',
  criteria: 'a promotion criterion',
  recognition: 'a recognition program',
  awards: 'an award',
  waivers: 'a waiver',
  roster: 'a roster entry',
  quotas: 'a quota',
  curve: 'the attainment curve',
  tiers: 'a tier',
  cap: 'a cap',
  credit: 'a credit multiplier',
  spiffs: 'a SPIFF',
  ramp: 'a ramp step',
  guarantee: 'a guarantee',
};

/** "a commission line", "the policy file": what the object at `path` is, in the user's words. */
function describePlace(path: readonly PropertyKey[]): string {
  const key = lastKey(path);
  return key === undefined ? 'the policy file' : (NOUNS[key] ?? `"${key}"`);
}

const EXAMPLES: Record<string, string> = {
  version: '1',
  id: 'enterprise-growth',
  metric: 'new-arr',
  segment: 'enterprise',
  team: 'sales',
  rate: '"8%"',
  weight: '0.2',
  share: '0.3',
  months: '6',
  variable_share: '0.5',
  effective: '2026-01-01',
  announced: '2026-03-02',
  expires: '2026-09-30',
  text: 'Closes the first enterprise deal',
  rule: 'flat-commission',
  target: 'ae-2026',
  reason: 'Plan changes with the Q3 cycle',
  approved_by: 'CRO',
  clawback: '{ months: 6 }',
  deferral: '{ share: 0.3, months: 6 }',
  sales_cycle_days: '210',
  avg_deal_size: '120000',
  amount: '1200000',
  multiplier: '1.5',
  from: '1',
  quota_share: '0.5',
  ote: '180000',
  currency: 'USD',
};

type SchemaNode = z.core.$ZodType;

/** The keys format v1 allows at `path`, read from the zod schema itself. */
function knownKeysAt(path: NodePath | readonly PropertyKey[]): string[] {
  let schema: SchemaNode | undefined = PolicyDocumentSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    const def = schema?._zod.def as { type: string; shape?: Record<string, SchemaNode>; element?: SchemaNode };
    if (def?.type === 'object' && typeof segment === 'string') schema = def.shape?.[segment];
    else if (def?.type === 'array') schema = def.element;
    else return [];
  }
  const def = unwrap(schema)?._zod.def as { type: string; shape?: Record<string, SchemaNode> } | undefined;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(schema: SchemaNode | undefined): SchemaNode | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._zod.def as { type: string; innerType?: SchemaNode; in?: SchemaNode };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}
