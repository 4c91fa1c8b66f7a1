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

export type DiagnosticSource = 'yaml' | 'schema' | 'policy' | 'config' | 'plugin' | 'rule' | 'usage' | 'io';

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

/** The closest candidate by edit distance, if it is close enough to be what the user meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    // The length difference is a lower bound of the distance: a candidate that cannot win is skipped.
    const other = candidate.toLowerCase();
    if (Math.abs(other.length - lower.length) > bestDistance) continue;
    const distance = editDistance(lower, other);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const length = Math.min(word.length, best.length);
  const allowed = length <= 4 ? 1 : length <= 8 ? 2 : 3;
  const sharesStem = length >= 3 && (best.startsWith(word) || word.startsWith(best));
  return bestDistance <= allowed || sharesStem ? best : undefined;
}

/** Damerau–Levenshtein distance (optimal string alignment): a transposition counts as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const suggestion = closest(word, candidates);
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}
