/**
 * `incentive-lint matrix [paths…]`: one row per priority, one column per team; each cell says
 * whether the team's incentives reinforce the priority, undermine it, both, or neither.
 * Exit codes: 0 the matrix was drawn (it is a report, not a check); 2 the policy could not be read.
 */
import { Option } from 'commander';
import { MATRIX_FORMATS, renderMatrix, type MatrixFormat } from '../matrix/render.js';
import { printOut } from '../output/print.js';
import { chooseChalk, EXIT } from '../terminal.js';
import { todayUtc } from '../lint.js';
import { loadForReport, parseDate, type CommandRegistration } from './shared.js';

interface MatrixCommandOptions {
  format: MatrixFormat;
  announce?: string;
  today?: string;
  color?: boolean;
  /** false from --no-config. */
  config: boolean;
}

export const registerMatrix: CommandRegistration = (program, setExitCode) => {
  program
    .command('matrix')
    .description('table of priorities × teams: is each team rewarded for the priority, against it, both, or neither?')
    .argument('[paths...]', 'policy files or folders (default: the current folder)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(MATRIX_FORMATS).default('stylish'))
    .option(
      '--announce <date>',
      'the announcement date to judge at, as gate and report take it, YYYY-MM-DD (default: strategy.announced)',
      parseDate,
    )
    .option(
      '--today <date>',
      'the current date, YYYY-MM-DD: the date judged at when the strategy has no announcement date (default: the clock)',
      parseDate,
    )
    .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
    .option('--no-config', 'ignore every configuration file, as lint does (here only its ignore globs are read; plugins never load)')
    .action(async (paths: string[], options: MatrixCommandOptions) => {
      // Imported when the command runs: a plain lint does not load the matrix.
      const { buildMatrix } = await import('../matrix/build.js');
      const { RewardModel, modelJson } = await import('../model/index.js');
      const { PolicyIndex } = await import('../engine/lookups/policy-index.js');
      const loaded = loadForReport(paths, 'matrix', options.color, options.config);
      if (!loaded) {
        setExitCode(EXIT.untrusted);
        return;
      }
      // The date every view judges at (model/as-of.ts): --announce, else strategy.announced, else today.
      if (options.announce !== undefined) loaded.policy.strategy.announced = options.announce;
      const model = new RewardModel(new PolicyIndex(loaded.policy, loaded.sections), { today: options.today ?? todayUtc() });
      const matrix = buildMatrix(loaded, model);
      // JSON carries the model itself: every team's reward profile, entry by entry, with positions.
      const output =
        options.format === 'json'
          ? `${JSON.stringify({ ...matrix, model: modelJson(model, loaded) })}\n`
          : renderMatrix(matrix, options.format, chooseChalk(process.stdout, options.color));
      printOut(output, options.format === 'stylish' ? 'text' : options.format);
      setExitCode(EXIT.ok);
    });
};
