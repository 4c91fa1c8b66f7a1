/**
 * `incentive-lint matrix [paths…]`: one row per priority, one column per team; each cell says
 * whether the team's incentives reinforce the priority, undermine it, both, or neither.
 * Exit codes: 0 the matrix was drawn (it is a report, not a check); 2 the policy could not be read.
 */
import { Option } from 'commander';
import { InputError } from '../diagnostics.js';
import { loadPolicy, type LoadedPolicy } from '../load/index.js';
import { MATRIX_FORMATS, renderMatrix, type MatrixFormat } from '../matrix/render.js';
import { printErr, printOut } from '../output/print.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import type { CommandRegistration } from './shared.js';

interface MatrixCommandOptions {
  format: MatrixFormat;
  color?: boolean;
}

export const registerMatrix: CommandRegistration = (program, setExitCode) => {
  program
    .command('matrix')
    .description('table of priorities × teams: is each team rewarded for the priority, against it, both, or neither?')
    .argument('[paths...]', 'policy files or folders (default: the current folder)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(MATRIX_FORMATS).default('stylish'))
    .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
    .action(async (paths: string[], options: MatrixCommandOptions) => {
      // Imported when the command runs: a plain lint does not load the matrix.
      const { buildMatrix } = await import('../matrix/build.js');
      let loaded: LoadedPolicy;
      try {
        loaded = loadPolicy(paths);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        printDiagnostics(error.diagnostics, chooseChalk(process.stderr, options.color));
        printErr('the policy could not be read, so there is no matrix (exit 2)\n');
        setExitCode(EXIT.untrusted);
        return;
      }
      printOut(renderMatrix(buildMatrix(loaded), options.format, chooseChalk(process.stdout, options.color)), options.format === 'stylish' ? 'text' : options.format);
      setExitCode(EXIT.ok);
    });
};
