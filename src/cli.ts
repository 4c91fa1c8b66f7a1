/**
 * The command line: parses arguments with commander and hands each command to its module.
 * Every failure ends in a message and exit code 2, never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { registerDiff } from './commands/diff.js';
import { registerFix } from './commands/fix.js';
import { registerGate } from './commands/gate.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerLint } from './commands/lint.js';
import { registerLsp } from './commands/lsp.js';
import { registerRules } from './commands/rules.js';
import { registerMatrix } from './commands/matrix.js';
import { registerReport } from './commands/report.js';
import { registerSchema } from './commands/schema.js';
import { registerSimulate } from './commands/simulate.js';
import type { CommandRegistration } from './commands/shared.js';
import { VERSION } from './project.js';
import { printable, textLine } from './output/neutralize.js';
import { printErr, printOut } from './output/print.js';
import { EXIT } from './terminal.js';

/** Every command, in the order `--help` lists them. Each module registers one command. */
const COMMANDS: readonly CommandRegistration[] = [
  registerLint,
  registerRules,
  registerInit,
  registerImport,
  registerGate,
  registerReport,
  registerDiff,
  registerMatrix,
  registerSimulate,
  registerSchema,
  registerFix,
  registerLsp,
];

const EXAMPLES = `
Examples:
  $ incentive-lint                                  lint every policy file under the current folder
  $ incentive-lint policy/ --format json            machine-readable findings for CI
  $ incentive-lint policy/ -f github -f sarif:results.sarif   annotations in the log, SARIF for code scanning
  $ incentive-lint examples/enterprise-first.yaml   lint one file

Exit codes:
  0  no error-level findings
  1  error-level findings
  2  the run could not be trusted: unreadable or invalid input, bad usage, a rule that failed`;

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('incentive-lint')
    .description(
      'Lint incentive systems: find where commission plans, OKRs, promotion criteria and recognition reward something other than the strategy.',
    )
    .version(VERSION, '-v, --version')
    .showSuggestionAfterError(true)
    // The lint options live on the program itself (the default command); without this, they would
    // also swallow a subcommand's options of the same name (`lint -f json`, `schema --output`).
    .enablePositionalOptions()
    .addHelpText('after', EXAMPLES);

  for (const register of COMMANDS) register(program, setExitCode);
  return program;
}

function commanderError(text: string): string {
  return printable(text).replace(/\n(?!$|\(Did you mean )/g, '\\n');
}

export async function main(argv: readonly string[] = process.argv): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  program.exitOverride();
  // Commander quotes the arguments in its errors: they are shown escaped (a line break in an argument
  // as \n; only the message's own break before its suggestion stays), and guarded like all output.
  const output = {
    writeOut: (text: string) => printOut(text),
    writeErr: (text: string) => printErr(text),
    outputError: (text: string) => printErr(commanderError(text)),
  };
  program.configureOutput(output);
  for (const command of program.commands) command.exitOverride().configureOutput(output);
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every usage error is "could not be trusted".
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? EXIT.ok
        : EXIT.untrusted;
    }
    const message = error instanceof Error ? error.message : String(error);
    printErr(
      `incentive-lint: internal error: ${textLine(message)}\nThis is a bug in incentive-lint; please report it with the command you ran.\n`,
    );
    return EXIT.untrusted;
  }
}
