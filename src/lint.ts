/**
 * One lint run, without printing or exiting: configuration → paths → load → policy → rules → findings.
 * The CLI and the programmatic API both call this; formatters and exit codes come after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, type Diagnostic } from './diagnostics.js';
import { CHECK_IDS } from './engine/check-ids.js';
import { runnableRules } from './engine/config.js';
import type { AnyRule } from './engine/rule.js';
import { IMPORT_TODO_RULES } from './engine/import-todos.js';
import { describeRule, type RuleInfo } from './engine/rule-info.js';
import type { RewardModel } from './model/build.js';
import { runRules, type Finding, type WaivedFinding } from './engine/run.js';
import {
  DEFAULT_CACHE_LOCATION,
  loadPolicy,
  loadPolicyTexts,
  ParseCache,
  type LoadedPolicy,
  type LoadOptions,
  type PolicyText,
} from './load/index.js';
import { resolveConfig, type ConfigOptions, type ResolvedConfig } from './resolve-config.js';
import type { PhaseTimings } from './timing.js';
import { builtinRules } from '../rules/index.js';

export interface LintOptions extends ConfigOptions {
  /** The current date, YYYY-MM-DD; decides which waivers have expired. Default: today (UTC). */
  today?: string;
  /** Overrides the strategy's announcement date for this run, in memory only (the gate's --announce). */
  announced?: string;
  /** An earlier version of the policy to compare with (`diff`, `--since`): rules see `context.diff`. */
  baseline?: LoadedPolicy;
  /**
   * Honor inline `# incentive-lint-disable-next-line` comments (default true). The gate turns them
   * off: only waivers, which are owned, expiring and auditable, may accept an exception there.
   */
  inlineSuppressions?: boolean;
  /** How long each plugin rule may run, in milliseconds (default 5000); it runs in a worker thread. */
  ruleTimeoutMs?: number;
  /** How YAML is read (see LoadOptions.loader); the findings are the same either way. */
  loader?: LoadOptions['loader'];
  /** Collects the time spent in each phase, for the benchmark. */
  timings?: PhaseTimings;
  /** Keep parsed files in a cache and re-read only the files that changed (ESLint's --cache). */
  cache?: boolean;
  /** The cache file, or a folder to keep it in. Default: .incentive-lint-cache in `cwd`. */
  cacheLocation?: string;
  /** See LoadOptions.maxExactItems (`--max-exact-items`). */
  maxExactItems?: number;
  /**
   * The configuration, already resolved from these options (diff and `--since` resolve it first, to
   * load the earlier version with the same `ignore`), so that its plugins are loaded once.
   */
  resolvedConfig?: ResolvedConfig;
}

/**
 * Paths of policy files or folders, or policy texts held in memory (nothing is read from disk),
 * or both: `{ files, paths }` reads the paths, with each text standing in for the file at its path.
 */
export type LintInput = readonly string[] | { files: readonly PolicyText[]; paths?: readonly string[] };

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
}

export interface LintResult {
  findings: Finding[];
  waived: WaivedFinding[];
  /** Findings silenced by `# incentive-lint-disable-…` comments: never counted. */
  suppressed: Finding[];
  /** Problems that make the run untrustworthy (bad input, bad config, a failing rule or plugin): exit code 2. */
  diagnostics: Diagnostic[];
  files: string[];
  skipped: string[];
  /** Instruments left unjudged because they name undeclared ids (see engine/run.ts). */
  notJudged?: string[];
  summary: Summary;
  /** The rules that ran, at the severity they ran at (for reports that describe them, such as SARIF). */
  rules: RuleInfo[];
  /** The loaded policy, when loading succeeded (the rules ran, even if some failed). */
  loaded?: LoadedPolicy;
  /** The configuration the run used, when it was valid. */
  config?: ResolvedConfig;
  /** What each team is rewarded for, as the rules read it (when loading succeeded): the gate, matrix, report and simulate read the same. */
  model?: RewardModel;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function lint(input: LintInput, options: LintOptions = {}): Promise<LintResult> {
  const today = options.today ?? todayUtc();
  const cwd = options.cwd ?? process.cwd();
  let config: ResolvedConfig | undefined;
  let loaded: LoadedPolicy;
  try {
    config = options.resolvedConfig ?? (await resolveConfig({ ...options, cwd }));
    const loadOptions = { cwd, loader: options.loader, timings: options.timings, maxExactItems: options.maxExactItems };
    if (!isTexts(input)) loaded = loadPolicy(input, { ...loadOptions, ignore: config.isIgnored, cache: openCache(options, cwd, config) });
    else if (input.paths && input.paths.length > 0)
      loaded = loadPolicy(input.paths, { ...loadOptions, ignore: config.isIgnored, texts: input.files });
    else loaded = loadPolicyTexts(input.files, loadOptions);
  } catch (error) {
    if (error instanceof InputError) return emptyResult([...(config?.diagnostics ?? []), ...error.diagnostics], config);
    throw error;
  }
  if (options.announced !== undefined) loaded.policy.strategy.announced = options.announced;
  const rules = runnableRules(config.rules);
  // A waiver may also name a check of the gate (lever-coverage).
  const knownRuleIds = new Set([...config.rules.map((entry) => entry.rule.meta.id), ...CHECK_IDS]);
  // The clock only when timing: the first use of `performance` loads perf_hooks.
  const rulesStart = options.timings ? performance.now() : 0;
  const run = await runRules(loaded, rules, {
    today,
    knownRuleIds,
    baseline: options.baseline,
    inlineSuppressions: options.inlineSuppressions,
    ruleTimeoutMs: options.ruleTimeoutMs,
  });
  if (options.timings) options.timings.rules += performance.now() - rulesStart;
  return {
    findings: run.findings,
    waived: run.waived,
    suppressed: run.suppressed,
    diagnostics: [...config.diagnostics, ...run.diagnostics],
    files: loaded.files,
    skipped: loaded.skipped,
    notJudged: run.notJudged,
    summary: summarize(run.findings, loaded.files.length),
    rules: rules.map((entry) => describeRule(entry, documentedRules())),
    loaded,
    config,
    model: run.model,
  };
}

let documented: ReadonlySet<AnyRule> | undefined;

/** The rules with a page in docs/rules.md: the built-in rules and the engine's own checks. */
function documentedRules(): ReadonlySet<AnyRule> {
  return (documented ??= new Set([...builtinRules, ...IMPORT_TODO_RULES]));
}

function isTexts(input: LintInput): input is { files: readonly PolicyText[]; paths?: readonly string[] } {
  return !Array.isArray(input) && typeof input === 'object' && input !== null && 'files' in input;
}

/** The result of a run that could not lint anything: only its diagnostics. */
export function emptyResult(diagnostics: Diagnostic[], config?: ResolvedConfig): LintResult {
  return { findings: [], waived: [], suppressed: [], diagnostics, files: [], skipped: [], summary: summarize([], 0), rules: [], config };
}

function openCache(options: LintOptions, cwd: string, config: ResolvedConfig): ParseCache | undefined {
  if (!options.cache) return undefined;
  let location = path.resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION);
  if (isFolder(location)) location = path.join(location, DEFAULT_CACHE_LOCATION);
  return new ParseCache(location, cacheSettings(config, options.loader));
}

/** What, besides a file's content and the tool version, decides whether its cached parse is reused. */
export function cacheSettings(config: ResolvedConfig, loader: LintOptions['loader']): Record<string, unknown> {
  return { rules: config.rules.map((entry) => [entry.rule.meta.id, entry.severity, entry.options]), loader: loader ?? 'auto' };
}

function isFolder(location: string): boolean {
  try {
    return fs.statSync(location).isDirectory();
  } catch {
    return false;
  }
}

export function summarize(findings: readonly Finding[], files: number): Summary {
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), files };
}
