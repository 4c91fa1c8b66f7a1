/** `incentive-lint [paths…]` (alias `lint`): lint, print the report, return the exit code. */
import { Option, type Command } from 'commander';
import { FORMAT_NAMES, loadFormatter } from '../report/index.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { sinceCommand } from './diff.js';
import { addSettingsOptions, lintWithSettings, printConfig, type SettingsCliOptions } from './lint-settings.js';
import { parseDate, type CommandRegistration } from './shared.js';

export interface LintCommandOptions extends SettingsCliOptions {
  format: string;
  color?: boolean;
  today?: string;
  since?: string;
}

export const registerLint: CommandRegistration = (program, setExitCode) => {
  const addLintOptions = (command: Command) =>
    addSettingsOptions(command)
      .argument('[paths...]', 'policy files or folders (default: the current folder)')
      .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
      .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
      .option('--today <date>', 'the current date, YYYY-MM-DD, for waiver expiry (default: the clock)', parseDate)
      .option('--since <git-ref>', 'instead of linting, report stale incentives: compare the paths with themselves at this commit (see diff)')
      .action(async (paths: string[], options: LintCommandOptions) => setExitCode(await lintCommand(paths, options)));
  addLintOptions(program);
  addLintOptions(program.command('lint').description('lint policy files (the default command)'));
};

export async function lintCommand(paths: string[], options: LintCommandOptions): Promise<number> {
  if (options.since !== undefined) return sinceCommand(options.since, paths, options);
  const errChalk = chooseChalk(process.stderr, options.color);
  const formatter = await loadFormatter(options.format);
  if (!formatter) {
    printDiagnostics([{ message: `unknown format "${options.format}": use one of ${FORMAT_NAMES.join(', ')}`, source: 'usage' }], errChalk);
    return EXIT.untrusted;
  }
  if (options.printConfig) {
    const printed = await printConfig(options);
    if (printed.output) process.stdout.write(printed.output);
    printDiagnostics(printed.diagnostics, errChalk);
    return printed.diagnostics.length > 0 ? EXIT.untrusted : EXIT.ok;
  }
  const run = await lintWithSettings(paths, options);
  if (!run.report) {
    printDiagnostics(run.diagnostics, errChalk);
    process.stderr.write(`${run.diagnostics.length === 1 ? '1 problem' : `${run.diagnostics.length} problems`} with the input: the policy could not be linted, so nothing can be trusted (exit 2)\n`);
    return EXIT.untrusted;
  }
  process.stdout.write(formatter(run.report, { chalk: chooseChalk(process.stdout, options.color) }));
  for (const note of run.notes) process.stderr.write(`${note}\n`);
  if (run.diagnostics.length > 0) {
    // A plugin or rule failed: the other rules' findings are above, but they are not the whole story.
    printDiagnostics(run.diagnostics, errChalk);
    process.stderr.write(`${run.diagnostics.length === 1 ? '1 problem' : `${run.diagnostics.length} problems`}: some rules did not run, so the findings are incomplete (exit 2)\n`);
    return EXIT.untrusted;
  }
  return run.exitCode;
}
