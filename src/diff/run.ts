/**
 * `diff` and `--since`: load the earlier version of the policy, lint the current one with it as the
 * baseline, and keep the findings of stale-incentive, the rule that compares the two. Both versions
 * are read under one configuration (the run's: `--config`, `--no-config`, `--rule` and the rest), so
 * a file its `ignore` leaves out is left out of both, and its plugins are loaded once.
 */
import path from 'node:path';
import { InputError } from '../diagnostics.js';
import { PolicyDiff } from '../engine/policy-diff.js';
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import { emptyResult, lint, summarize, type LintOptions, type LintResult } from '../lint.js';
import { loadPolicy, type LoadedPolicy } from '../load/index.js';
import { resolveConfig, type ResolvedConfig } from '../resolve-config.js';
import { snapshotAt } from './git.js';

export const STALE_INCENTIVE = 'stale-incentive';

/** The earlier version: other paths on disk (`diff BASE HEAD`), or the same paths at a commit (`--since`). */
export type BaseVersion = { paths: string[] } | { ref: string };

/** The lint options of the run (every one holds for both versions), without the baseline it makes. */
export type DiffOptions = Omit<LintOptions, 'baseline' | 'resolvedConfig'>;

export interface DiffOutcome {
  /** The current version's lint result, holding only stale-incentive findings, and both sides' diagnostics. */
  result: LintResult;
  /** What changed; absent when the run could not compare (diagnostics, or no policy at the commit). */
  diff?: PolicyDiff;
  /** Why nothing was compared although the input was fine. */
  note?: string;
}

export async function runDiff(base: BaseVersion, headPaths: string[], options: DiffOptions = {}): Promise<DiffOutcome> {
  const cwd = options.cwd ?? process.cwd();
  let config: ResolvedConfig | undefined;
  let baseline: LoadedPolicy | undefined;
  let note: string | undefined;
  try {
    config = await resolveConfig({ ...options, cwd });
    if ('paths' in base) {
      baseline = loadPolicy(base.paths, { cwd, ignore: config.isIgnored, maxExactItems: options.maxExactItems });
    } else {
      baseline = loadAtCommit(base.ref, headPaths, cwd, config, options);
      if (!baseline) note = `no policy files under ${headPaths.join(', ') || '.'} at ${base.ref}: nothing to compare with`;
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { result: emptyResult([...(config?.diagnostics ?? []), ...error.diagnostics], config) };
  }

  const result = staleOnly(await lint(headPaths, { ...options, cwd, baseline, resolvedConfig: config }));
  if (result.diagnostics.length > 0 || !baseline || !result.loaded) return { result, note };
  const diff = new PolicyDiff(
    new PolicyIndex(baseline.policy, baseline.sections),
    new PolicyIndex(result.loaded.policy, result.loaded.sections),
  );
  return { result, diff };
}

/** The result with only what a comparison reports: stale-incentive findings (and their waivers). */
function staleOnly(result: LintResult): LintResult {
  const findings = result.findings.filter((finding) => finding.rule === STALE_INCENTIVE);
  return {
    ...result,
    findings,
    waived: result.waived.filter((waived) => waived.finding.rule === STALE_INCENTIVE),
    suppressed: result.suppressed.filter((finding) => finding.rule === STALE_INCENTIVE),
    summary: summarize(findings, result.files.length),
  };
}

function loadAtCommit(ref: string, paths: string[], cwd: string, config: ResolvedConfig, options: DiffOptions): LoadedPolicy | undefined {
  const snapshot = snapshotAt(ref, paths, cwd);
  try {
    if (snapshot.paths.length === 0) return undefined;
    // A file of the snapshot is ignored when the same path in the work tree is.
    const ignore = (absolute: string) => config.isIgnored(path.join(snapshot.top, path.relative(snapshot.dir, absolute)));
    try {
      return loadPolicy(snapshot.paths, { cwd: snapshot.dir, ignore, maxExactItems: options.maxExactItems });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // Name the files as they were at the commit, not as they sit in the temporary folder.
      const origin = (file: string | undefined) => (file === undefined ? undefined : (snapshot.origins.get(file) ?? `${ref}:${file}`));
      throw new InputError(error.diagnostics.map((diagnostic) => ({ ...diagnostic, file: origin(diagnostic.file) })));
    }
  } finally {
    snapshot.dispose();
  }
}
