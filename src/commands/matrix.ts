/**
 * `incentive-lint matrix [paths…]`: one row per priority, one column per team; each cell says
 * whether the team's incentives reinforce the priority, undermine it, both, or neither.
 * Exit codes: 0 the matrix was drawn (it is a report, not a check); 2 the policy could not be read.
 */
import { Option } from 'commander';
import { MATRIX_FORMATS, renderMatrix, type MatrixFormat } from '../matrix/render.js';
import { printOut } from '../output/print.js';
import { chooseChalk, EXIT } from '../terminal.js';
import { loadForReport, type CommandRegistration } from './shared.js';

interface MatrixCommandOptions {
  format: MatrixFormat;
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
    .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
    .option('--no-config', 'ignore every configuration file, as lint does (here only its ignore globs are read; plugins never load)')
    .action(async (paths: string[], options: MatrixCommandOptions) => {
      // Imported when the command runs: a plain lint does not load the matrix.
      const { buildMatrix } = await import('../matrix/build.js');
      const loaded = loadForReport(paths, 'matrix', options.color, options.config);
      if (!loaded) {
        setExitCode(EXIT.untrusted);
        return;
      }
      printOut(renderMatrix(buildMatrix(loaded), options.format, chooseChalk(process.stdout, options.color)), options.format === 'stylish' ? 'text' : options.format);
      setExitCode(EXIT.ok);
    });
};
