/**
 * A diagnostic is a reason the run cannot be trusted (bad input, bad config, a rule that threw):
 * it always leads to exit code 2. Findings about the policy itself are `Finding`s, not diagnostics.
 */
import { textLine } from './output/neutralize.js';

export interface Diagnostic {
  /** Path of the file, relative to the working folder; absent for problems with no file. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** Where the problem comes from: yaml, schema, policy, config, plugin, rule, usage, io. */
  source: DiagnosticSource;
}

type DiagnosticSource = 'yaml' | 'schema' | 'policy' | 'config' | 'plugin' | 'rule' | 'usage' | 'io';

/** `file:line:column: message`, as one line: the file name and message may quote anything. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  let where = diagnostic.file ? textLine(diagnostic.file) : '';
  if (diagnostic.file && diagnostic.line !== undefined) {
    where += `:${diagnostic.line}:${diagnostic.column ?? 1}`;
  }
  const message = textLine(diagnostic.message);
  return where ? `${where}: ${message}` : message;
}

/** Thrown where a run must stop with exit code 2; carries every diagnostic found before stopping. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

/**
 * What a run may spend on "did you mean": DP cells of edit distance left. A policy can hold
 * thousands of unknown ids and thousands of declared ones, each long (a pull request writes them):
 * comparing every pair in full cost minutes (181 KB: 4.5 minutes). When the budget is spent, no more
 * suggestions are made; a policy that needs that many has a problem no suggestion fixes.
 */
export interface DistanceBudget {
  cells: number;
}

/** About a second of suggestions on this project's 2-core machine. */
const SUGGESTION_CELLS = 50_000_000;

export function suggestionBudget(cells = SUGGESTION_CELLS): DistanceBudget {
  return { cells };
}

/** The farthest a suggestion may be: 1 edit for words up to 4 characters, 2 up to 8, else 3. */
const MAX_ALLOWED = 3;
/** A candidate that begins with the word (or the word with it) is suggested up to this many characters longer or shorter. */
const MAX_STEM_GAP = 32;

/** The closest candidate by edit distance, if it is close enough to be what the user meant. */
export function closest(word: string, candidates: Iterable<string>, budget?: DistanceBudget): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  const list = [...candidates];
  for (const candidate of list) {
    const other = candidate.toLowerCase();
    // Only a distance up to MAX_ALLOWED can be suggested (a stem is looked for below): a banded distance with that limit.
    const distance = editDistance(lower, other, Math.min(bestDistance, MAX_ALLOWED), budget);
    if (distance > MAX_ALLOWED) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) {
    const length = Math.min(word.length, best.length);
    const allowed = length <= 4 ? 1 : length <= 8 ? 2 : 3;
    return bestDistance <= allowed || sharesStem(word, best) ? best : undefined;
  }
  // Nothing within MAX_ALLOWED: a candidate the word begins (or that begins with the word), the nearest in length,
  // if no other candidate is nearer still (its distance is the difference in length).
  let stem: string | undefined;
  for (const candidate of list) {
    if (!sharesStem(word, candidate)) continue;
    const gap = Math.abs(candidate.length - word.length);
    if (
      gap <= MAX_STEM_GAP &&
      (stem === undefined || gap < Math.abs(stem.length - word.length) || (gap === Math.abs(stem.length - word.length) && candidate < stem))
    )
      stem = candidate;
  }
  if (stem === undefined) return undefined;
  const gap = Math.abs(stem.length - word.length);
  const nearer = list.some((candidate) => candidate !== stem && editDistance(lower, candidate.toLowerCase(), gap, budget) < gap);
  return nearer ? undefined : stem;
}

function sharesStem(word: string, candidate: string): boolean {
  return Math.min(word.length, candidate.length) >= 3 && (candidate.startsWith(word) || word.startsWith(candidate));
}

/**
 * Damerau–Levenshtein distance (optimal string alignment): a transposition counts as one edit.
 * With a `limit`, only the band of cells within `limit` of the diagonal is computed and any
 * distance above it is reported as `limit + 1` (length × limit, not length², of work). With a
 * `budget`, a comparison the budget cannot pay for is not made: the distance is then Infinity.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY, budget?: DistanceBudget): number {
  if (b.length > a.length) [a, b] = [b, a];
  const over = limit + 1;
  if (a.length - b.length > limit) return over;
  const band = Math.min(a.length, limit);
  if (budget) {
    const cost = (a.length + 1) * (2 * band + 1);
    if (budget.cells < cost) return Number.POSITIVE_INFINITY;
    budget.cells -= cost;
  }
  const cols = b.length + 1;
  const big = a.length + b.length + 1;
  let before = new Int32Array(cols).fill(big);
  let previous = new Int32Array(cols);
  let current = new Int32Array(cols).fill(big);
  for (let j = 0; j < cols; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    // Only the band is computed; the cells just outside it are what the next rows read as "too far".
    current[0] = i;
    if (from > 1) current[from - 1] = big;
    if (to < b.length) current[to + 1] = big;
    let rowMin = from === 1 ? i : big;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // A transposition steps over one row, so a distance above the limit is certain only when two rows in a row exceed it.
    if (rowMin > limit && previousMin > limit) return over;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length]!;
  return distance > limit ? over : distance;
}

export function didYouMean(word: string, candidates: Iterable<string>, budget?: DistanceBudget): string {
  const suggestion = closest(word, candidates, budget);
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}
