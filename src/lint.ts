/**
 * One lint run, without printing or exiting: paths → load → policy → rules → findings.
 * The CLI and the programmatic API both call this; formatters and exit codes come after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../rules/index.js';
import { InputError, type Diagnostic } from './diagnostics.js';
import { configureRules, type RuleOverrides } from './engine/config.js';
import type { AnyRule } from './engine/rule.js';
import { runRules, type Finding, type WaivedFinding } from './engine/run.js';
import type { PhaseTimings } from './timing.js';
import { DEFAULT_CACHE_LOCATION, loadPolicy, ParseCache, type LoadedPolicy, type LoadOptions } from './load/index.js';

export interface LintOptions {
  /** Folder that relative paths and reported file names are relative to. Default: process.cwd(). */
  cwd?: string;
  /** The current date, YYYY-MM-DD; decides which waivers have expired. Default: today (UTC). */
  today?: string;
  /** Severity and options per rule id, as in the configuration file. */
  rules?: RuleOverrides;
  /** Rules from plugins, run beside the built-in ones. */
  plugins?: readonly AnyRule[];
  /** How YAML is read (see LoadOptions.loader); the findings are the same either way. */
  loader?: LoadOptions['loader'];
  /** Collects the time spent in each phase, for the benchmark. */
  timings?: PhaseTimings;
  /** Keep parsed files in a cache and re-read only the files that changed (ESLint's --cache). */
  cache?: boolean;
  /** The cache file, or a folder to keep it in. Default: .incentive-lint-cache in `cwd`. */
  cacheLocation?: string;
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
    loaded = loadPolicy(paths, { cwd: options.cwd, loader: options.loader, timings: options.timings, cache: openCache(options) });
  } catch (error) {
    if (error instanceof InputError) return emptyResult(error.diagnostics);
    throw error;
  }
  const rulesStart = performance.now();
  const run = await runRules(loaded, rules, { today });
  if (options.timings) options.timings.rules += performance.now() - rulesStart;
  return {
    findings: run.findings,
    waived: run.waived,
    diagnostics: run.diagnostics,
    files: loaded.files,
    skipped: loaded.skipped,
    summary: summarize(run.findings, loaded.files.length),
    loaded,
  };
}

function openCache(options: LintOptions): ParseCache | undefined {
  if (!options.cache) return undefined;
  const cwd = options.cwd ?? process.cwd();
  let location = path.resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION);
  if (isFolder(location)) location = path.join(location, DEFAULT_CACHE_LOCATION);
  const settings = { rules: options.rules ?? {}, plugins: (options.plugins ?? []).map((rule) => rule.meta.id), loader: options.loader ?? 'auto' };
  return new ParseCache(location, settings);
}

function isFolder(location: string): boolean {
  try {
    return fs.statSync(location).isDirectory();
  } catch {
    return false;
  }
}

function emptyResult(diagnostics: Diagnostic[]): LintResult {
  return { findings: [], waived: [], diagnostics, files: [], skipped: [], summary: summarize([], 0) };
}

export function summarize(findings: readonly Finding[], files: number): Summary {
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), files };
}
