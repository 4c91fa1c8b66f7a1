/**
 * The command line: parses arguments with commander and hands each command to its module.
 * Every failure ends in a message and exit code 2, never a stack trace.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createRequire } from 'node:module';
import { EXIT } from './terminal.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: string): string {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('write the date as YYYY-MM-DD, such as 2026-03-02.');
  }
  return value;
}

const EXAMPLES = `
Examples:
  $ incentive-lint                                  lint every policy file under the current folder
  $ incentive-lint policy/ --format json            machine-readable findings for CI
  $ incentive-lint examples/enterprise-first.yaml   lint one file

Exit codes:
  0  no error-level findings
  1  error-level findings
  2  the run could not be trusted: unreadable or invalid input, bad usage, a rule that failed`;

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('incentive-lint')
    .description('Lint incentive systems: find where commission plans, OKRs, promotion criteria and recognition reward something other than the strategy.')
    .version(version, '-v, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXAMPLES);

  const addLintOptions = (command: Command) =>
    command
      .argument('[paths...]', 'policy files or folders (default: the current folder)')
      .addOption(new Option('-f, --format <name>', 'output format').choices(['stylish', 'json']).default('stylish'))
      .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
      .option('--today <date>', 'the current date, YYYY-MM-DD (waiver expiry); default: the clock', parseDate)
      .action(async (paths: string[], options) => {
        const { lintCommand } = await import('./commands/lint.js');
        setExitCode(await lintCommand(paths, options));
      });

  addLintOptions(program);
  addLintOptions(program.command('lint').description('lint policy files (the default command)'));
  return program;
}

export async function main(argv: readonly string[] = process.argv): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  program.exitOverride();
  program.configureOutput({ outputError: (text, write) => write(text) });
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every usage error is "could not be trusted".
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.untrusted;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`incentive-lint: internal error: ${message}\nThis is a bug in incentive-lint; please report it with the command you ran.\n`);
    return EXIT.untrusted;
  }
}
