/**
 * `incentive-lint diff BASE HEAD` and `incentive-lint --since GIT_REF [paths…]`: what changed in the
 * strategy, and every instrument that rewards a changed metric or segment but did not change itself.
 *
 * Exit codes: 0 no stale incentive; 1 at least one stale-incentive finding (whatever its severity:
 * CI runs diff as a check, and a waiver is the way to accept an unchanged instrument); 2 the
 * versions could not be compared (bad input, not a git repository, unknown ref).
 */
import { Option } from 'commander';
import type { ChalkInstance } from 'chalk';
import type { BaseVersion } from '../diff/run.js';
import type { PolicyDiff, PriorityChange } from '../engine/policy-diff.js';
import { textLine } from '../output/neutralize.js';
import { printErr } from '../output/print.js';
import { FORMAT_NAMES } from '../report/index.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { lintWithSettings, type SettingsCliOptions } from './lint-settings.js';
import { emitReports, type ReportTarget } from './report-targets.js';
import { parseDate, type CommandRegistration } from './shared.js';

export interface DiffCommandOptions extends SettingsCliOptions {
  color?: boolean;
  today?: string;
}

export const registerDiff: CommandRegistration = (program, setExitCode) => {
  program
    .command('diff')
    .description('report instruments that did not change although the strategy changed what they reward')
    .argument('<base>', 'the earlier policy: a file or folder')
    .argument('<head>', 'the current policy: a file or folder')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-c, --config <file>', 'configuration file (default: the nearest incentive-lint.config.yaml upward)')
    .option('--no-config', 'ignore every configuration file (and the plugins it names), as lint does')
    .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
    .option('--today <date>', 'the current date, YYYY-MM-DD, for waiver expiry (default: the clock)', parseDate)
    .addHelpText('after', '\nSee also: incentive-lint --since GIT_REF [paths...] compares the paths with themselves at a git commit.')
    .action(async (base: string, head: string, options: DiffCommandOptions & { format: string }) => {
      setExitCode(await diffCommand({ paths: [base] }, [head], options, [{ format: options.format }], { base, head }));
    });
};

/**
 * The lint command's `--since GIT_REF`: the same paths at that commit are the earlier version. Every
 * option of the lint run holds for it (`targets` are its planned reports).
 */
export async function sinceCommand(
  ref: string,
  paths: string[],
  options: DiffCommandOptions,
  targets: readonly ReportTarget[],
): Promise<number> {
  return diffCommand({ ref }, paths, options, targets, { base: ref, head: 'the working tree' });
}

async function diffCommand(
  base: BaseVersion,
  headPaths: string[],
  options: DiffCommandOptions,
  targets: readonly ReportTarget[],
  labels: { base: string; head: string },
): Promise<number> {
  const errChalk = chooseChalk(process.stderr, options.color);
  if (options.baselineWrite !== undefined || options.baselinePrune) {
    const flag = options.baselineWrite !== undefined ? '--baseline-write' : '--baseline-prune';
    printDiagnostics(
      [
        {
          message: `${flag} cannot be combined with --since: a comparison reports stale incentives only, so it would drop every other entry; write the baseline with a plain lint run`,
          source: 'usage',
        },
      ],
      errChalk,
    );
    return EXIT.untrusted;
  }
  // Imported when a comparison runs: a plain lint does not load git or the diff.
  const { runDiff, STALE_INCENTIVE } = await import('../diff/run.js');
  let compared: { diff?: PolicyDiff; note?: string } = {};
  const run = await lintWithSettings(headPaths, options, {
    lint: async (_input, lintOptions) => {
      const outcome = await runDiff(base, headPaths, lintOptions);
      compared = outcome;
      return outcome.result;
    },
    reports: (rule) => rule === STALE_INCENTIVE,
  });
  if (!run.report) {
    printDiagnostics(run.diagnostics, errChalk);
    printErr(`the two versions could not be compared, so nothing can be trusted (exit 2)\n`);
    return EXIT.untrusted;
  }
  const { diff, note } = compared;
  const failures = await emitReports(targets, run.report, options.color, (format, chalk) => {
    if (format !== 'stylish') return '';
    const intro = note ? [chalk.dim(textLine(note))] : diff ? describeChanges(diff, labels, chalk) : [];
    return `${intro.join('\n')}\n\n`;
  });
  for (const line of run.notes) printErr(`${line}\n`);
  if (failures.length > 0 || run.diagnostics.length > 0) {
    printDiagnostics([...run.diagnostics, ...failures], errChalk);
    if (run.diagnostics.length > 0) printErr(`some rules did not run, so the comparison is incomplete (exit 2)\n`);
    return EXIT.untrusted;
  }
  // Any stale incentive reported fails the check, whatever its severity; --max-warnings may too.
  return run.report.findings.length > 0 ? EXIT.findings : run.exitCode;
}

function describeChanges(diff: PolicyDiff, labels: { base: string; head: string }, chalk: ChalkInstance): string[] {
  const base = textLine(labels.base);
  const head = textLine(labels.head);
  if (!diff.strategyChanged) return [chalk.dim(`The strategy did not change between ${base} and ${head}: no incentive can be stale.`)];
  const lines = [chalk.bold(`Strategy changes from ${base} to ${head}:`)];
  for (const change of diff.priorityChanges) lines.push(`  ${describePriorityChange(change, chalk)}`);
  for (const change of diff.statusChanges) {
    lines.push(
      `  ${change.kind === 'metrics' ? 'metric' : 'segment'} ${textLine(change.id)}: ${textLine(String(change.before))} → ${chalk.bold(textLine(String(change.after)))}`,
    );
  }
  return lines;
}

function describePriorityChange(change: PriorityChange, chalk: ChalkInstance): string {
  const priority = textLine(change.priority);
  if (change.change === 'added') return `${chalk.green('+')} priority ${priority} added`;
  if (change.change === 'removed') return `${chalk.red('-')} priority ${priority} removed`;
  const parts = [
    ...change.added.map((id) => chalk.green(`+${textLine(id)}`)),
    ...change.removed.map((id) => chalk.red(`-${textLine(id)}`)),
  ];
  return `${chalk.yellow('~')} priority ${priority}: ${change.list} ${parts.join(' ')}`;
}
