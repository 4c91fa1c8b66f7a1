/**
 * `incentive-lint diff BASE HEAD` and `incentive-lint --since GIT_REF [paths…]`: what changed in the
 * strategy, and every instrument that rewards a changed metric or segment but did not change itself.
 *
 * Exit codes: 0 no stale incentive; 1 at least one stale-incentive finding (whatever its severity:
 * CI runs diff as a check, and a waiver is the way to accept an unchanged instrument); 2 the
 * versions could not be compared (bad input, not a git repository, unknown ref).
 *
 * `incentive-lint diff --impact BASE HEAD [paths…]` compares two git revisions of the compensation
 * plans instead (src/impact/): 0 it ran, 1 a cost of sales moved more than --max-cost-change, 2 bad
 * input or an unknown revision.
 */
import { InvalidArgumentError, Option } from 'commander';
import type { ChalkInstance } from 'chalk';
import type { BaseVersion } from '../diff/run.js';
import type { PolicyDiff, PriorityChange } from '../engine/policy-diff.js';
import { textLine } from '../output/neutralize.js';
import { printErr, printOut } from '../output/print.js';
import { FORMAT_NAMES } from '../report/index.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { lintWithSettings, type SettingsCliOptions } from './lint-settings.js';
import { emitReports, type ReportTarget } from './report-targets.js';
import { parseDate, type CommandRegistration } from './shared.js';
import { parseInteger, parseLevels, parsePercentage, parseSigma } from './simulate.js';

export interface DiffCommandOptions extends SettingsCliOptions {
  color?: boolean;
  today?: string;
}

export const registerDiff: CommandRegistration = (program, setExitCode) => {
  program
    .command('diff')
    .description('report instruments that did not change although the strategy changed what they reward')
    .argument('<base>', 'the earlier policy: a file or folder (with --impact: a git revision)')
    .argument('<head>', 'the current policy: a file or folder (with --impact: a git revision)')
    .argument('[paths...]', 'with --impact: the policy files or folders to compare at both revisions (default: the current folder)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-c, --config <file>', 'configuration file (default: the nearest incentive-lint.config.yaml upward)')
    .option('--no-config', 'ignore every configuration file (and the plugins it names), as lint does')
    .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
    .option('--today <date>', 'the current date, YYYY-MM-DD, for waiver expiry (default: the clock)', parseDate)
    .option(
      '--impact',
      'compare two git revisions of the compensation plans: pay at P10/P50/P90, cost of sales, the rational choice and the findings of each plan added, removed or changed',
    )
    .option(
      '--max-cost-change <points>',
      "with --impact: exit 1 when a plan's cost of sales (pay ÷ bookings) moves more than this many percentage points (8% → 10% is 2)",
      parseCostPoints,
    )
    .option('--seed <integer>', 'with --impact: the seed of the draws (default 1)', parseInteger('seed', -2147483648, 2147483647))
    .option('--draws <count>', 'with --impact: sellers drawn (default 10000)', parseInteger('draws', 1, 10_000_000))
    .option(
      '--median <percentage>',
      'with --impact: median attainment of the lognormal, in % of quota (default 100)',
      parsePercentage('median'),
    )
    .option('--sigma <number>', 'with --impact: spread of the lognormal (default 0.3)', parseSigma)
    .option('--no-roster', "with --impact: draw every plan's force, even where the roster gives attainments")
    .option(
      '--levels <percentages>',
      'with --impact: attainment levels of the rational choice, in % of quota (default 50,100,150,200)',
      parseLevels,
    )
    .option(
      '--date <date>',
      "with --impact: the day both versions are simulated and judged at, YYYY-MM-DD (default: the later version's strategy.announced, else today)",
      parseDate,
    )
    .addHelpText(
      'after',
      '\nSee also: incentive-lint --since GIT_REF [paths...] compares the paths with themselves at a git commit.\nWith --impact: exit 0 the comparison ran, 1 a cost of sales moved more than --max-cost-change, 2 bad input or an unknown revision.',
    )
    .action(async (base: string, head: string, paths: string[], options: DiffCommandOptions & ImpactCliOptions & { format: string }) => {
      if (options.impact) {
        setExitCode(await impactCommand(base, head, paths, options));
        return;
      }
      const misplaced = impactOnly(paths, options);
      if (misplaced) {
        printErr(`incentive-lint diff: ${misplaced} goes with --impact, which compares two git revisions (exit 2)\n`);
        setExitCode(EXIT.untrusted);
        return;
      }
      setExitCode(await diffCommand({ paths: [base] }, [head], options, [{ format: options.format }], { base, head }));
    });
};

interface ImpactCliOptions {
  impact?: boolean;
  maxCostChange?: number;
  seed?: number;
  draws?: number;
  median?: number;
  sigma?: number;
  /** false from --no-roster. */
  roster?: boolean;
  levels?: number[];
  date?: string;
}

/** The first option of --impact given without it (a plain diff compares folders, with none of them). */
function impactOnly(paths: readonly string[], options: ImpactCliOptions): string | undefined {
  if (paths.length > 0) return `a third path (${textLine(paths[0]!)})`;
  const given: [keyof ImpactCliOptions, string][] = [
    ['maxCostChange', '--max-cost-change'],
    ['seed', '--seed'],
    ['draws', '--draws'],
    ['median', '--median'],
    ['sigma', '--sigma'],
    ['levels', '--levels'],
    ['date', '--date'],
  ];
  if (options.roster === false) return '--no-roster';
  return given.find(([key]) => options[key] !== undefined)?.[1];
}

/** "2", "0.5": percentage points of cost of sales, absolute (8% → 10% moves 2 points, whatever 8% was). */
function parseCostPoints(value: string): number {
  const points = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(points) || points < 0 || points > 100)
    throw new InvalidArgumentError(
      'write the most percentage points a cost of sales may move, a number from 0 to 100, such as 2 (8% → 10% moves 2 points)',
    );
  return points;
}

/** `diff --impact BASE HEAD [paths…]`: 0 the comparison ran, 1 a cost of sales moved past --max-cost-change, 2 it could not run. */
async function impactCommand(
  base: string,
  head: string,
  paths: string[],
  options: DiffCommandOptions & ImpactCliOptions & { format: string },
): Promise<number> {
  const { IMPACT_FORMATS, renderImpact } = await import('../impact/render.js');
  const format = IMPACT_FORMATS.find((name) => name === options.format);
  if (!format) {
    printErr(`incentive-lint diff --impact: --format ${textLine(options.format)} is not one of ${IMPACT_FORMATS.join(', ')} (exit 2)\n`);
    return EXIT.untrusted;
  }
  const { runImpact } = await import('../impact/run.js');
  const { plansOverMaxCostChange } = await import('../impact/model.js');
  const { DEFAULT_DISTRIBUTION } = await import('../population/model.js');
  const outcome = await runImpact({ ref: base }, { ref: head }, paths, {
    ...(options.config !== undefined && { config: options.config }),
    ...(options.today !== undefined && { today: options.today }),
    ...(options.date !== undefined && { date: options.date }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.draws !== undefined && { draws: options.draws }),
    distribution: { median: options.median ?? DEFAULT_DISTRIBUTION.median, sigma: options.sigma ?? DEFAULT_DISTRIBUTION.sigma },
    ...(options.roster === false && { ignoreRoster: true }),
    ...(options.levels !== undefined && { levels: options.levels }),
    ...(options.maxCostChange !== undefined && { maxCostChangePoints: options.maxCostChange }),
  });
  if ('diagnostics' in outcome) {
    printDiagnostics(outcome.diagnostics, chooseChalk(process.stderr, options.color));
    printErr('the two revisions could not be compared (exit 2)\n');
    return EXIT.untrusted;
  }
  printOut(renderImpact(outcome.report, format), format === 'stylish' ? 'text' : format);
  return plansOverMaxCostChange(outcome.report).length > 0 ? EXIT.findings : EXIT.ok;
}

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
