/**
 * `diff` and `--since`: load the earlier version of the policy, lint the current one with it as the
 * baseline, and keep the findings of stale-incentive, the rule that compares the two.
 */
import { InputError } from '../diagnostics.js';
import { PolicyDiff } from '../engine/policy-diff.js';
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import { emptyResult, lint, summarize, type LintResult } from '../lint.js';
import { loadPolicy, type LoadedPolicy } from '../load/index.js';
import { snapshotAt } from './git.js';

export const STALE_INCENTIVE = 'stale-incentive';

/** The earlier version: other paths on disk (`diff BASE HEAD`), or the same paths at a commit (`--since`). */
export type BaseVersion = { paths: string[] } | { ref: string };

export interface DiffOptions {
  cwd?: string;
  today?: string;
}

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
  let baseline: LoadedPolicy | undefined;
  let note: string | undefined;
  try {
    if ('paths' in base) {
      baseline = loadPolicy(base.paths, { cwd });
    } else {
      baseline = loadAtCommit(base.ref, headPaths, cwd);
      if (!baseline) note = `no policy files under ${headPaths.join(', ') || '.'} at ${base.ref}: nothing to compare with`;
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { result: emptyResult(error.diagnostics) };
  }

  const result = await lint(headPaths, { cwd, today: options.today, baseline });
  if (result.diagnostics.length > 0 || !baseline || !result.loaded) return { result, note };
  const findings = result.findings.filter((finding) => finding.rule === STALE_INCENTIVE);
  const diff = new PolicyDiff(new PolicyIndex(baseline.policy, baseline.sections), new PolicyIndex(result.loaded.policy, result.loaded.sections));
  return {
    result: {
      ...result,
      findings,
      waived: result.waived.filter((waived) => waived.finding.rule === STALE_INCENTIVE),
      summary: summarize(findings, result.files.length),
    },
    diff,
  };
}

function loadAtCommit(ref: string, paths: string[], cwd: string): LoadedPolicy | undefined {
  const snapshot = snapshotAt(ref, paths, cwd);
  try {
    if (snapshot.paths.length === 0) return undefined;
    try {
      return loadPolicy(snapshot.paths, { cwd: snapshot.dir });
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

