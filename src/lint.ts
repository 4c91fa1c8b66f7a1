/**
 * One lint run, without printing or exiting: paths → load → policy → rules → findings.
 * The CLI and the programmatic API both call this; formatters and exit codes come after.
 */
import { builtinRules } from '../rules/index.js';
import { InputError, type Diagnostic } from './diagnostics.js';
import { configureRules, type RuleOverrides } from './engine/config.js';
import type { AnyRule } from './engine/rule.js';
import { describeRule, type RuleInfo } from './engine/rule-info.js';
import { runRules, type Finding, type WaivedFinding } from './engine/run.js';
import { loadPolicy, type LoadedPolicy } from './load/index.js';

export interface LintOptions {
  /** Folder that relative paths and reported file names are relative to. Default: process.cwd(). */
  cwd?: string;
  /** The current date, YYYY-MM-DD; decides which waivers have expired. Default: today (UTC). */
  today?: string;
  /** Severity and options per rule id, as in the configuration file. */
  rules?: RuleOverrides;
  /** Rules from plugins, run beside the built-in ones. */
  plugins?: readonly AnyRule[];
  /** Overrides the strategy's announcement date for this run, in memory only (the gate's --announce). */
  announced?: string;
  /** An earlier version of the policy to compare with (`diff`, `--since`): rules see `context.diff`. */
  baseline?: LoadedPolicy;
  /**
   * Honor inline `# incentive-lint-disable-next-line` comments (default true). The gate turns them
   * off: only waivers, which are owned, expiring and auditable, may accept an exception there.
   */
  inlineSuppressions?: boolean;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
}

export interface LintResult {
  findings: Finding[];
  waived: WaivedFinding[];
  /** Problems that make the run untrustworthy (bad input, bad config, a failing rule): exit code 2. */
  diagnostics: Diagnostic[];
  files: string[];
  skipped: string[];
  summary: Summary;
  /** The rules that ran, at the severity they ran at (for reports that describe them, such as SARIF). */
  rules: RuleInfo[];
  /** The loaded policy, when loading succeeded. */
  loaded?: LoadedPolicy;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function lint(paths: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const today = options.today ?? todayUtc();
  let loaded: LoadedPolicy;
  let rules;
  try {
    rules = configureRules([...builtinRules, ...(options.plugins ?? [])], options.rules);
    loaded = loadPolicy(paths, { cwd: options.cwd });
  } catch (error) {
    if (error instanceof InputError) return emptyResult(error.diagnostics);
    throw error;
  }
  if (options.announced !== undefined) loaded.policy.strategy.announced = options.announced;
  const run = await runRules(loaded, rules, { today, baseline: options.baseline });
  return {
    findings: run.findings,
    waived: run.waived,
    diagnostics: run.diagnostics,
    files: loaded.files,
    skipped: loaded.skipped,
    summary: summarize(run.findings, loaded.files.length),
    rules: rules.map(describeRule),
    loaded,
  };
}

export function emptyResult(diagnostics: Diagnostic[]): LintResult {
  return { findings: [], waived: [], diagnostics, files: [], skipped: [], summary: summarize([], 0), rules: [] };
}

export function summarize(findings: readonly Finding[], files: number): Summary {
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), files };
}
