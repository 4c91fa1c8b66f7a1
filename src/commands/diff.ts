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
import { printErr, printOut } from '../output/print.js';
import { FORMAT_NAMES, loadFormatter, mediumOf } from '../report/index.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { parseDate, type CommandRegistration } from './shared.js';

export interface DiffCommandOptions {
  format: string;
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
    .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
    .option('--today <date>', 'the current date, YYYY-MM-DD, for waiver expiry (default: the clock)', parseDate)
    .addHelpText('after', '\nSee also: incentive-lint --since GIT_REF [paths...] compares the paths with themselves at a git commit.')
    .action(async (base: string, head: string, options: DiffCommandOptions) => {
      setExitCode(await diffCommand({ paths: [base] }, [head], options, { base, head }));
    });
};

/** The lint command's `--since GIT_REF`: the same paths at that commit are the earlier version. */
export async function sinceCommand(ref: string, paths: string[], options: DiffCommandOptions): Promise<number> {
  return diffCommand({ ref }, paths, options, { base: ref, head: 'the working tree' });
}

async function diffCommand(base: BaseVersion, headPaths: string[], options: DiffCommandOptions, labels: { base: string; head: string }): Promise<number> {
  const errChalk = chooseChalk(process.stderr, options.color);
  const formatter = await loadFormatter(options.format);
  if (!formatter) {
    printDiagnostics([{ message: `unknown format "${textLine(options.format)}": use one of ${FORMAT_NAMES.join(', ')}`, source: 'usage' }], errChalk);
    return EXIT.untrusted;
  }
  // Imported when a comparison runs: a plain lint does not load git or the diff.
  const { runDiff } = await import('../diff/run.js');
  const { result, diff, note } = await runDiff(base, headPaths, { today: options.today });
  if (result.diagnostics.length > 0) {
    printDiagnostics(result.diagnostics, errChalk);
    printErr(`the two versions could not be compared, so nothing can be trusted (exit 2)\n`);
    return EXIT.untrusted;
  }
  const chalk = chooseChalk(process.stdout, options.color);
  if (options.format === 'stylish') {
    const intro = note ? [chalk.dim(textLine(note))] : diff ? describeChanges(diff, labels, chalk) : [];
    printOut(`${intro.join('\n')}\n\n`);
  }
  printOut(formatter(result, { chalk }), mediumOf(options.format));
  return result.findings.length > 0 ? EXIT.findings : EXIT.ok;
}

export function describeChanges(diff: PolicyDiff, labels: { base: string; head: string }, chalk: ChalkInstance): string[] {
  const base = textLine(labels.base);
  const head = textLine(labels.head);
  if (!diff.strategyChanged) return [chalk.dim(`The strategy did not change between ${base} and ${head}: no incentive can be stale.`)];
  const lines = [chalk.bold(`Strategy changes from ${base} to ${head}:`)];
  for (const change of diff.priorityChanges) lines.push(`  ${describePriorityChange(change, chalk)}`);
  for (const change of diff.statusChanges) {
    lines.push(`  ${change.kind === 'metrics' ? 'metric' : 'segment'} ${textLine(change.id)}: ${textLine(String(change.before))} → ${chalk.bold(textLine(String(change.after)))}`);
  }
  return lines;
}

function describePriorityChange(change: PriorityChange, chalk: ChalkInstance): string {
  const priority = textLine(change.priority);
  if (change.change === 'added') return `${chalk.green('+')} priority ${priority} added`;
  if (change.change === 'removed') return `${chalk.red('-')} priority ${priority} removed`;
  const parts = [...change.added.map((id) => chalk.green(`+${textLine(id)}`)), ...change.removed.map((id) => chalk.red(`-${textLine(id)}`))];
  return `${chalk.yellow('~')} priority ${priority}: ${change.list} ${parts.join(' ')}`;
}
