/** `incentive-lint [paths…]` (alias `lint`): lint, print the report, return the exit code. */
import { Option, type Command } from 'commander';
import { lint } from '../lint.js';
import { FORMAT_NAMES, loadFormatter } from '../report/index.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { parseDate, type CommandRegistration } from './shared.js';

export interface LintCommandOptions {
  format: string;
  color?: boolean;
  today?: string;
  cache?: boolean;
  cacheLocation?: string;
}

export const registerLint: CommandRegistration = (program, setExitCode) => {
  const addLintOptions = (command: Command) =>
    command
      .argument('[paths...]', 'policy files or folders (default: the current folder)')
      .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
      .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
      .option('--today <date>', 'the current date, YYYY-MM-DD, for waiver expiry (default: the clock)', parseDate)
      .option('--cache', 'keep parsed files in a cache and re-read only the files that changed')
      .option('--cache-location <path>', 'the cache file, or a folder for it (default: .incentive-lint-cache)')
      .action(async (paths: string[], options: LintCommandOptions) => setExitCode(await lintCommand(paths, options)));
  addLintOptions(program);
  addLintOptions(program.command('lint').description('lint policy files (the default command)'));
};

export async function lintCommand(paths: string[], options: LintCommandOptions): Promise<number> {
  const errChalk = chooseChalk(process.stderr, options.color);
  const formatter = await loadFormatter(options.format);
  if (!formatter) {
    printDiagnostics([{ message: `unknown format "${options.format}": use one of ${FORMAT_NAMES.join(', ')}`, source: 'usage' }], errChalk);
    return EXIT.untrusted;
  }
  const result = await lint(paths, { today: options.today, cache: options.cache, cacheLocation: options.cacheLocation });
  if (result.diagnostics.length > 0) {
    printDiagnostics(result.diagnostics, errChalk);
    process.stderr.write(`${result.diagnostics.length === 1 ? '1 problem' : `${result.diagnostics.length} problems`} with the input: the policy could not be linted, so nothing can be trusted (exit 2)\n`);
    return EXIT.untrusted;
  }
  process.stdout.write(formatter(result, { chalk: chooseChalk(process.stdout, options.color) }));
  return result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
}
