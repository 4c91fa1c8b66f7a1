/** `incentive-lint [paths…]` (alias `lint`): lint, print the report, return the exit code. */
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { recordInputPath } from '../files/inputs.js';
import type { Diagnostic } from '../diagnostics.js';
import type { LintResult } from '../lint.js';
import { printErr, printOut } from '../output/print.js';
import { FORMAT_NAMES } from '../report/index.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { sinceCommand } from './diff.js';
import { addSettingsOptions, lintWithSettings, printConfig, type SettingsCliOptions } from './lint-settings.js';
import { emitReports, planTargets } from './report-targets.js';
import { parseDate, type CommandRegistration } from './shared.js';

interface LintCommandOptions extends SettingsCliOptions {
  /** Each `--format NAME[:FILE]`; default stylish on stdout. */
  format?: string | readonly string[];
  /** `--output FILE`: where the report that names no file goes instead of stdout. */
  output?: string;
  color?: boolean;
  today?: string;
  since?: string;
  /** `--stdin`: lint the policy text piped in, such as an editor's unsaved buffer. */
  stdin?: boolean;
  /** `--stdin-filename`: the path that text stands for, in findings and among the paths. */
  stdinFilename?: string;
}

/** The name findings carry for text read from stdin when --stdin-filename does not give one. */
const STDIN_NAME = '<stdin>';

export const registerLint: CommandRegistration = (program, setExitCode) => {
  const addLintOptions = (command: Command) =>
    addSettingsOptions(command)
      .argument('[paths...]', 'policy files or folders (default: the current folder)')
      .option(
        '-f, --format <name[:file]>',
        `output format: ${FORMAT_NAMES.join(', ')} (default: stylish); add :FILE to write it to a file, and repeat to write several reports, such as -f stylish -f sarif:results.sarif`,
        collect,
      )
      .option('-o, --output <file>', 'write the report to FILE instead of stdout (the one report that names no file)')
      .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
      .option('--today <date>', 'the current date, YYYY-MM-DD, for waiver expiry (default: the clock)', parseDate)
      .option(
        '--since <git-ref>',
        'instead of linting, report stale incentives: compare the paths with themselves at this commit (see diff)',
      )
      .option('--stdin', 'lint the policy text read from standard input; paths, if given, are the rest of the policy')
      .option(
        '--stdin-filename <path>',
        `the file that text stands for: findings carry this name, and it replaces that file among the paths (default: ${STDIN_NAME})`,
      )
      .action(async (paths: string[], options: LintCommandOptions) => setExitCode(await lintCommand(paths, options)));
  addLintOptions(program);
  addLintOptions(program.command('lint').description('lint policy files (the default command)'));
};

function stdinUsageProblem(options: LintCommandOptions): string | undefined {
  if (options.stdinFilename !== undefined && !options.stdin)
    return '--stdin-filename names the text read with --stdin: add --stdin, or give the file as a path';
  if (options.stdin && options.since !== undefined)
    return '--stdin cannot be combined with --since: --since reads the files from git; save the file and run again';
  if (options.stdin && (options.cache || options.baselineWrite !== undefined))
    return '--stdin cannot be combined with --cache or --baseline-write: both record files on disk; lint the saved files instead';
  return undefined;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * The formats that carry the problems of a run that could not lint. Not SARIF: code scanning reads
 * a log without results as "every alert fixed", so an unreadable policy writes no SARIF at all.
 */
const FORMATS_FOR_PROBLEMS: ReadonlySet<string> = new Set(['github']);

/** The report of a run that could not lint: no findings, only its problems. */
function problemsOnly(diagnostics: Diagnostic[]): LintResult {
  return {
    findings: [],
    waived: [],
    suppressed: [],
    diagnostics,
    files: [],
    skipped: [],
    summary: { errors: 0, warnings: 0, infos: 0, files: 0 },
    rules: [],
  };
}

async function lintCommand(paths: string[], options: LintCommandOptions): Promise<number> {
  const usageProblem = stdinUsageProblem(options);
  if (usageProblem) {
    printDiagnostics([{ message: usageProblem, source: 'usage' }], chooseChalk(process.stderr, options.color));
    return EXIT.untrusted;
  }
  const errChalk = chooseChalk(process.stderr, options.color);
  const plan = planTargets(typeof options.format === 'string' ? [options.format] : (options.format ?? []), options.output);
  if ('problem' in plan) {
    printDiagnostics([{ message: plan.problem, source: 'usage' }], errChalk);
    return EXIT.untrusted;
  }
  if (options.printConfig) {
    const printed = await printConfig(options);
    if (printed.output) printOut(printed.output, 'json');
    printDiagnostics(printed.diagnostics, errChalk);
    return printed.diagnostics.length > 0 ? EXIT.untrusted : EXIT.ok;
  }
  if (options.since !== undefined) return sinceCommand(options.since, paths, options, plan.targets);
  const stdin = options.stdin ? { path: options.stdinFilename ?? STDIN_NAME, text: fs.readFileSync(0, 'utf8') } : undefined;
  // The file the text stands for is an input of the run: no report may replace it (`-o policy.yaml`).
  if (options.stdinFilename !== undefined)
    recordInputPath(
      path.resolve(options.stdinFilename),
      'policy',
      'the file --stdin-filename names (the policy text read from stdin stands for it)',
    );
  const run = await lintWithSettings(paths, { ...options, stdin });
  if (!run.report) {
    // A pull request shows github annotations, not stderr: they carry the problems, at their lines.
    const reportable = plan.targets.filter((target) => FORMATS_FOR_PROBLEMS.has(target.format));
    const failures = await emitReports(reportable, problemsOnly(run.diagnostics), options.color);
    printDiagnostics([...run.diagnostics, ...failures], errChalk);
    printErr(
      `${run.diagnostics.length === 1 ? '1 problem' : `${run.diagnostics.length} problems`} with the input: the policy could not be linted, so nothing can be trusted (exit 2)\n`,
    );
    return EXIT.untrusted;
  }
  const failures = await emitReports(plan.targets, run.report, options.color);
  for (const note of run.notes) printErr(`${note}\n`);
  if (failures.length > 0) {
    printDiagnostics(failures, errChalk);
    return EXIT.untrusted;
  }
  if (run.diagnostics.length > 0) {
    // A plugin or rule failed: the other rules' findings are above, but they are not the whole story.
    printDiagnostics(run.diagnostics, errChalk);
    printErr(`${run.diagnostics.length === 1 ? '1 problem' : `${run.diagnostics.length} problems`}: some rules did not run, so the findings are incomplete (exit 2)
`);
    return EXIT.untrusted;
  }
  return run.exitCode;
}
