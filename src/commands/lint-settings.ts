/**
 * The lint command's configuration options: --config/--no-config, --rule, --quiet, --max-warnings,
 * the baseline (--baseline, --baseline-write, --baseline-prune) and --print-config. Kept apart from
 * the command itself so that output options and these grow independently.
 */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { applyBaseline, BaselineSchema, buildBaseline, type Baseline, type BaselineEntry } from '../engine/baseline.js';
import type { RuleOverrides, RuleSetting } from '../engine/config.js';
import { DEFAULT_RULE_TIMEOUT_MS } from '../engine/isolation.js';
import { readInputText } from '../files/read.js';
import { writeFileSafely } from '../files/write.js';
import { DEFAULT_MAX_EXACT_ITEMS } from '../load/index.js';
import { lint, summarize, type LintInput, type LintOptions, type LintResult } from '../lint.js';
import type { PolicyText } from '../load/index.js';
import { describeConfig, resolveConfig } from '../resolve-config.js';
import { plural } from '../report/stylish.js';
import { textLine } from '../output/neutralize.js';
import { EXIT } from '../terminal.js';

export interface SettingsCliOptions {
  /** A path, or false from --no-config. */
  config?: string | false;
  rule?: RuleOverrides;
  quiet?: boolean;
  /** The most warnings that still exit 0; -1 (or absent): no limit. */
  maxWarnings?: number;
  baseline?: string;
  baselineWrite?: string;
  baselinePrune?: boolean;
  printConfig?: boolean;
  ruleTimeout?: number;
  cache?: boolean;
  cacheLocation?: string;
  maxExactItems?: number;
}

export function addSettingsOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'configuration file (default: the nearest incentive-lint.config.yaml upward)')
    .option('--no-config', 'ignore every configuration file')
    .option('--rule <id=severity>', "set a rule's severity: off, info, warning or error (repeatable)", collectRule)
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings; -1: no limit (the default)', parseWarningLimit)
    .option('--baseline <file>', 'report only findings that are not in this baseline')
    .option('--baseline-write <file>', 'record every current finding in a baseline file')
    .option('--baseline-prune', 'remove the entries of --baseline that no longer match a finding')
    .option('--print-config', 'print the resolved configuration as JSON and exit')
    .option('--cache', 'keep parsed files in a cache and re-read only the files that changed')
    .option('--cache-location <path>', 'the cache file, or a folder for it (default: .incentive-lint-cache)')
    .option('--rule-timeout <ms>', `stop a plugin rule that runs longer than this (default ${DEFAULT_RULE_TIMEOUT_MS})`, parseMilliseconds)
    .option(
      '--max-exact-items <n>',
      `the most lines plus commas a file may hold when it needs the exact YAML reader (it has an error or unusual YAML), which is slow on huge files (default ${DEFAULT_MAX_EXACT_ITEMS})`,
      parseItems,
    );
}

function collectRule(value: string, previous: RuleOverrides = {}): RuleOverrides {
  const match = /^([^=\s]+)=([a-z]+)$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError('write it as id=severity, such as --rule flat-commission=warning');
  return { ...previous, [match[1]!]: match[2] as RuleSetting };
}

export function parseMilliseconds(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('write a whole number of milliseconds, such as --rule-timeout 5000');
  return Number(value);
}

function parseItems(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('write a whole number of items, such as --max-exact-items 2000000');
  return Number(value);
}

const NO_WARNING_LIMIT = -1;

/** A whole number of warnings; -1 means no limit, as in ESLint (so a script can always pass the flag). */
function parseWarningLimit(value: string): number {
  if (value.trim() === '-1') return NO_WARNING_LIMIT;
  if (!/^\d+$/.test(value))
    throw new InvalidArgumentError('write a whole number of warnings, such as --max-warnings 0, or -1 for no limit');
  return Number(value);
}

/** The lint() options these command-line options stand for. */
function lintSettings(
  options: SettingsCliOptions,
): Pick<LintOptions, 'config' | 'rules' | 'rulesOrigin' | 'ruleTimeoutMs' | 'cache' | 'cacheLocation' | 'maxExactItems'> {
  return {
    config: options.config,
    rules: options.rule,
    rulesOrigin: '--rule',
    ruleTimeoutMs: options.ruleTimeout,
    cache: options.cache,
    cacheLocation: options.cacheLocation,
    maxExactItems: options.maxExactItems,
  };
}

export async function printConfig(options: SettingsCliOptions): Promise<{ output?: string; diagnostics: Diagnostic[] }> {
  try {
    const config = await resolveConfig(lintSettings(options));
    return { output: `${JSON.stringify(describeConfig(config), null, 2)}\n`, diagnostics: config.diagnostics };
  } catch (error) {
    if (error instanceof InputError) return { diagnostics: error.diagnostics };
    throw error;
  }
}

export interface SettledRun {
  /** What the formatter shows: the findings left after the baseline and --quiet. */
  report?: LintResult;
  /** The exit code when no diagnostic says otherwise. */
  exitCode: number;
  diagnostics: Diagnostic[];
  /** Lines for stderr: baseline bookkeeping, the warning limit. */
  notes: string[];
}

/**
 * What runs the lint of `lintWithSettings`: lint() itself, or a run that reports only some rules'
 * findings (diff and `--since` report stale-incentive only).
 */
export interface LintRunner {
  lint(input: LintInput, options: LintOptions): Promise<LintResult>;
  /** Whether the run reports findings of this rule; baseline entries of other rules are left alone. */
  reports(rule: string): boolean;
}

const PLAIN_LINT: LintRunner = { lint, reports: () => true };

/**
 * Runs lint with the settings, then applies the baseline, --quiet and --max-warnings. `stdin` is a
 * policy text read from standard input: it stands in for the file at its path among `paths`.
 */
export async function lintWithSettings(
  paths: string[],
  options: SettingsCliOptions & { today?: string; stdin?: PolicyText },
  runner: LintRunner = PLAIN_LINT,
): Promise<SettledRun> {
  const cwd = process.cwd();
  const usage = (message: string): SettledRun => ({ exitCode: EXIT.untrusted, diagnostics: [{ message, source: 'usage' }], notes: [] });
  if (options.baselinePrune && !options.baseline) return usage('--baseline-prune needs --baseline <file>: the baseline to prune');

  let baseline: Baseline | undefined;
  if (options.baseline && !options.baselineWrite) {
    const read = readBaseline(path.resolve(cwd, options.baseline), options.baseline);
    if ('diagnostic' in read) return { exitCode: EXIT.untrusted, diagnostics: [read.diagnostic], notes: [] };
    baseline = { ...read.baseline, entries: read.baseline.entries.filter((entry) => runner.reports(entry.rule)) };
  }

  const input = options.stdin ? { files: [options.stdin], paths } : paths;
  const result = await runner.lint(input, { today: options.today, ...lintSettings(options) });
  if (!result.loaded) return { exitCode: EXIT.untrusted, diagnostics: result.diagnostics, notes: [] };

  const notes: string[] = [];
  let findings = result.findings;
  const baselineFile = options.baselineWrite ?? options.baseline;
  if (baselineFile) {
    const absolute = path.resolve(cwd, baselineFile);
    const toBaselinePath = (file: string) => path.relative(path.dirname(absolute), path.resolve(cwd, file)).split(path.sep).join('/');
    if (options.baselineWrite) {
      if (result.diagnostics.length > 0) {
        notes.push(`baseline not written: this run had problems (below), so its findings are incomplete`);
      } else {
        const written = writeBaseline(baselineFile, buildBaseline(findings, toBaselinePath));
        if ('diagnostic' in written) return { exitCode: EXIT.untrusted, diagnostics: [written.diagnostic], notes };
        baseline = written.baseline;
        notes.push(`wrote ${textLine(baselineFile)}: ${plural(findings.length, 'finding')} in ${entries(baseline.entries.length)}`);
      }
    }
    if (baseline) {
      const outcome = applyBaseline(findings, baseline, toBaselinePath);
      findings = outcome.fresh;
      if (outcome.stale.length > 0) {
        if (options.baselinePrune) {
          const written = writeBaseline(baselineFile, outcome.pruned);
          if ('diagnostic' in written) return { exitCode: EXIT.untrusted, diagnostics: [written.diagnostic], notes };
          notes.push(`pruned ${entries(outcome.stale.length, 'stale ')} from ${textLine(baselineFile)}`);
        } else {
          notes.push(
            `${textLine(baselineFile)}: ${entries(outcome.stale.length, 'stale ')} no longer match${outcome.stale.length === 1 ? 'es' : ''} a finding (fixed, or the rule is off); remove ${outcome.stale.length === 1 ? 'it' : 'them'} with --baseline-prune:`,
            ...outcome.stale.map(describeEntry),
          );
        }
      }
    }
  }

  const counted = summarize(findings, result.summary.files);
  const shown = options.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;
  let exitCode: number = counted.errors > 0 ? EXIT.findings : EXIT.ok;
  if (options.maxWarnings !== undefined && options.maxWarnings !== NO_WARNING_LIMIT && counted.warnings > options.maxWarnings) {
    notes.push(`${plural(counted.warnings, 'warning')}, more than --max-warnings ${options.maxWarnings} allows (exit 1)`);
    exitCode = EXIT.findings;
  }
  return {
    report: { ...result, findings: shown, summary: summarize(shown, result.summary.files) },
    exitCode,
    diagnostics: result.diagnostics,
    notes,
  };
}

/** A stale entry, quoted from the baseline file (repository content): one line, shown escaped. */
function describeEntry(entry: BaselineEntry): string {
  return `  ${textLine(entry.rule)} in ${textLine(entry.file)}${entry.instrument ? ` (${textLine(entry.instrument)})` : ''}${entry.count > 1 ? `, ${entry.count} findings` : ''}`;
}

function readBaseline(absolute: string, shown: string): { baseline: Baseline } | { diagnostic: Diagnostic } {
  let text: string;
  try {
    text = readInputText(absolute, 'baseline');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      diagnostic: {
        file: shown,
        message: missing
          ? 'no such baseline file: write one with --baseline-write <file>'
          : `cannot read the baseline: ${(error as Error).message}`,
        source: 'io',
      },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      diagnostic: { file: shown, message: 'the baseline is not valid JSON: write it again with --baseline-write <file>', source: 'io' },
    };
  }
  const parsed = BaselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      diagnostic: {
        file: shown,
        message: `not a baseline written by --baseline-write (${issue.path.join('.') || 'top level'}: ${issue.message}): write it again with --baseline-write <file>`,
        source: 'io',
      },
    };
  }
  return { baseline: parsed.data };
}

/** Writes the baseline; it may replace the baseline this run read (--baseline-prune), no other input. */
function writeBaseline(shown: string, baseline: Baseline): { baseline: Baseline } | { diagnostic: Diagnostic } {
  const failure = writeFileSafely(shown, `${JSON.stringify(baseline, null, 2)}\n`, 'the baseline', { replaces: ['baseline'] });
  return failure ? { diagnostic: failure } : { baseline };
}

function entries(count: number, adjective = ''): string {
  return `${count} ${adjective}${count === 1 ? 'entry' : 'entries'}`;
}
