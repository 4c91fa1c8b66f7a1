/**
 * `incentive-lint simulate [paths…]`: per compensation plan, what a seller earns per month of effort
 * by putting all effort into each segment, at several attainment levels, and whether the best-paid
 * choice is the strategy's. Exit codes: 0 no rational choice deprioritized (nothing to simulate
 * included); 1 some rational choice is deprioritized; 2 the policy could not be read, --plan names
 * no plan, or no plan could be simulated for lack of deal economics or a rate.
 */
import { InvalidArgumentError, Option } from 'commander';
import { todayUtc } from '../lint.js';
import { resolveAsOf } from '../model/as-of.js';
import { textLine } from '../output/neutralize.js';
import { printErr, printOut } from '../output/print.js';
import { chooseChalk, EXIT } from '../terminal.js';
import { loadForReport, parseDate, type CommandRegistration } from './shared.js';

const FORMATS = ['stylish', 'json', 'markdown'] as const;

interface SimulateCommandOptions {
  format: (typeof FORMATS)[number];
  plan?: string;
  levels?: number[];
  date?: string;
  announce?: string;
  today?: string;
  color?: boolean;
  /** false from --no-config. */
  config: boolean;
  population?: boolean;
  seed: number;
  draws: number;
  median: number;
  sigma: number;
  roster: boolean;
}

export const registerSimulate: CommandRegistration = (program, setExitCode) => {
  program
    .command('simulate')
    .description("per plan, pay per month of effort for each segment at 50–200% of quota: is the rational choice the strategy's?")
    .argument('[paths...]', 'policy files or folders (default: the current folder)')
    .option('--plan <id>', 'simulate this compensation plan only')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('--levels <percentages>', 'attainment levels, in % of quota (default: 50,100,150,200)', parseLevels)
    .option(
      '--date <date>',
      'the first day of the simulated year of bookings, YYYY-MM-DD, for SPIFFs with dates (default: the date the gate judges: --announce, else strategy.announced, else today)',
      parseDate,
    )
    .option('--announce <date>', 'the announcement date, as gate and report take it, YYYY-MM-DD', parseDate)
    .option(
      '--population',
      'model the whole sales force: per plan, pay at P10/P50/P90, cost of sales, who earns nothing, who hits the cap, the accrual error of average attainment',
    )
    .option(
      '--seed <integer>',
      'with --population: the seed of the draws; one seed gives byte-identical output',
      parseInteger('seed', -2147483648, 2147483647),
      1,
    )
    .option('--draws <count>', 'with --population: sellers drawn per plan', parseInteger('draws', 1, 10_000_000), 10_000)
    .option('--median <percentage>', 'with --population: median attainment of the lognormal, in % of quota', parsePercentage('median'), 1)
    .option('--sigma <number>', 'with --population: spread of the lognormal (standard deviation of ln attainment)', parseSigma, 0.3)
    .option('--no-roster', "with --population: draw every plan's force, even where the roster gives attainments")
    .option(
      '--today <date>',
      'the current date, YYYY-MM-DD, as lint, gate and report take it: the date judged at when there is no announcement date (default: the clock)',
      parseDate,
    )
    .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
    .option('--no-config', 'ignore every configuration file, as lint does (here only its ignore globs are read; plugins never load)')
    .action(async (paths: string[], options: SimulateCommandOptions) => {
      // Imported when the command runs: a plain lint does not load the simulation.
      const { buildSimulationReport, renderSimulation, simulationExitCode } = await import('../payout/report.js');
      const loaded = loadForReport(paths, 'simulation', options.color, options.config);
      if (!loaded) {
        setExitCode(EXIT.untrusted);
        return;
      }
      if (options.plan !== undefined && !loaded.policy.compensation.some((plan) => plan.id === options.plan)) {
        const ids = loaded.policy.compensation.map((plan) => plan.id);
        printErr(
          `incentive-lint simulate: no compensation plan "${textLine(options.plan)}"${ids.length > 0 ? `: the plans are ${ids.join(', ')}` : ''} (exit 2)\n`,
        );
        setExitCode(EXIT.untrusted);
        return;
      }
      // The date every view judges at (model/as-of.ts); --date moves only the simulated year.
      const { date, source: dateSource } = resolveAsOf({
        date: options.date,
        announce: options.announce,
        announced: loaded.policy.strategy.announced,
        today: options.today ?? todayUtc(),
      });
      if (options.population) {
        const { buildPopulationReport, renderPopulation } = await import('../population/report.js');
        const population = buildPopulationReport(loaded, {
          seed: options.seed,
          draws: options.draws,
          distribution: { median: options.median, sigma: options.sigma },
          date,
          ...(options.plan !== undefined && { plan: options.plan }),
          ignoreRoster: !options.roster,
        });
        printOut(renderPopulation(population, options.format), options.format === 'stylish' ? 'text' : options.format);
        setExitCode(EXIT.ok);
        return;
      }
      const report = buildSimulationReport(loaded, { date, dateSource, plan: options.plan, levels: options.levels });
      printOut(
        renderSimulation(report, options.format, chooseChalk(process.stdout, options.color), options.plan),
        options.format === 'stylish' ? 'text' : options.format,
      );
      const code = simulationExitCode(report);
      if (code === EXIT.untrusted && options.format !== 'json') printErr('no plan could be simulated: see why above (exit 2)\n');
      setExitCode(code);
    });
};

/** "50,100,150" → [0.5, 1, 1.5]. */
export function parseLevels(value: string): number[] {
  const levels = value.split(',').map((part) => Number(part.trim().replace(/%$/, '')));
  if (levels.length === 0 || levels.some((level) => !Number.isFinite(level) || level <= 0 || level > 1000)) {
    throw new InvalidArgumentError('write attainment levels in % of quota, separated by commas, such as 50,100,150,200.');
  }
  return [...new Set(levels)].sort((a, b) => a - b).map((level) => level / 100);
}

export function parseInteger(what: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max)
      throw new InvalidArgumentError(`write ${what} as a whole number from ${min} to ${max}, such as ${Math.max(min, 1)}.`);
    return number;
  };
}

export function parsePercentage(what: string): (value: string) => number {
  return (value) => {
    const number = Number(value.trim().replace(/%$/, ''));
    if (!Number.isFinite(number) || number <= 0 || number > 1000)
      throw new InvalidArgumentError(`write ${what} in % of quota, such as 100.`);
    return number / 100;
  };
}

export function parseSigma(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 3)
    throw new InvalidArgumentError('write sigma as a number from 0 to 3, such as 0.3.');
  return number;
}
