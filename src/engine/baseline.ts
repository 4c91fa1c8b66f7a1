/**
 * A baseline: the findings a policy repository had when it adopted the linter, so that only new ones
 * are reported. Entries are keyed by rule, file and instrument id, never by line, so edits elsewhere
 * in a file do not break them; each entry counts its findings. When a key has more findings than its
 * entry counts, all of them are reported (which one is new cannot be told), as ESLint does.
 */
import * as z from 'zod';
import type { Finding } from './run.js';
import { groupBy } from '../group-by.js';

export const BaselineSchema = z.strictObject({
  version: z.literal(1),
  entries: z.array(
    z.strictObject({
      rule: z.string().min(1),
      /** Relative to the baseline file's folder, with forward slashes. */
      file: z.string().min(1),
      instrument: z.string().nullable(),
      count: z.number().int().positive(),
    }),
  ),
});

export type Baseline = z.output<typeof BaselineSchema>;
export type BaselineEntry = Baseline['entries'][number];

/** Turns a finding's file (as reported) into the path the baseline stores. */
export type BaselinePath = (findingFile: string) => string;

function keyOf(rule: string, file: string, instrument: string | null | undefined): string {
  return JSON.stringify([rule, file, instrument ?? null]);
}

export function buildBaseline(findings: readonly Finding[], toBaselinePath: BaselinePath): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const file = toBaselinePath(finding.file);
    const key = keyOf(finding.rule, file, finding.instrument);
    const entry = counts.get(key) ?? { rule: finding.rule, file, instrument: finding.instrument ?? null, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const entries = [...counts.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.instrument ?? '', b.instrument ?? ''),
  );
  return { version: 1, entries };
}

export interface BaselineOutcome {
  /** Findings the baseline does not cover: reported. */
  fresh: Finding[];
  /** Findings the baseline covers: hidden. */
  known: Finding[];
  /** Entries that count more findings than there are now (fixed ones); `count` is how many are gone. */
  stale: BaselineEntry[];
  /** The baseline without what is stale: what --baseline-prune writes. */
  pruned: Baseline;
}

export function applyBaseline(findings: readonly Finding[], baseline: Baseline, toBaselinePath: BaselinePath): BaselineOutcome {
  const groups = groupBy(findings, (finding) => keyOf(finding.rule, toBaselinePath(finding.file), finding.instrument));
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  const stale: BaselineEntry[] = [];
  const kept: BaselineEntry[] = [];
  const allowed = new Map(baseline.entries.map((entry) => [keyOf(entry.rule, entry.file, entry.instrument), entry]));

  for (const finding of findings) {
    const key = keyOf(finding.rule, toBaselinePath(finding.file), finding.instrument);
    const entry = allowed.get(key);
    if (entry && groups.get(key)!.length <= entry.count) known.push(finding);
    else fresh.push(finding);
  }
  for (const entry of baseline.entries) {
    const now = groups.get(keyOf(entry.rule, entry.file, entry.instrument))?.length ?? 0;
    if (now < entry.count) stale.push({ ...entry, count: entry.count - now });
    if (now > 0) kept.push({ ...entry, count: Math.min(entry.count, now) });
  }
  return { fresh, known, stale, pruned: { version: 1, entries: kept } };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
