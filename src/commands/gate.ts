/**
 * `incentive-lint gate [paths…] [--announce YYYY-MM-DD]`: go / no-go before a strategy launch.
 * Exit codes: 0 go, 1 no-go, 2 could not judge (bad input, no announcement date, a failing rule).
 */
import { Option } from 'commander';
import { GATE_FORMATS, renderGate, type GateFormat } from '../gate/render.js';
import { printErr, printOut } from '../output/print.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import type { Diagnostic } from '../diagnostics.js';
import type { GateReport } from '../gate/run.js';
import { todayUtc, type LintResult } from '../lint.js';
import { parseDate, terminalWidth, type CommandRegistration } from './shared.js';

interface GateCommandOptions {
  announce?: string;
  /** false from --no-config. */
  config: boolean;
  format: GateFormat;
  color?: boolean;
  today?: string;
  record?: string;
  force?: boolean;
}

export const registerGate: CommandRegistration = (program, setExitCode) => {
  program
    .command('gate')
    .description('pre-announcement readiness: strict alignment checks, one pass/fail row per step, go / no-go')
    .argument('[paths...]', 'policy files or folders (default: the current folder)')
    .option('--announce <date>', 'the announcement date to judge against, YYYY-MM-DD (default: strategy.announced)', parseDate)
    .addOption(new Option('-f, --format <name>', 'output format').choices(GATE_FORMATS).default('stylish'))
    .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
    .option('--today <date>', 'the current date, YYYY-MM-DD, for waiver expiry (default: the clock)', parseDate)
    .option('--no-config', 'ignore every configuration file (and the plugins it names), as lint does')
    .option(
      '--record <file>',
      'write the decision record (JSON): sha256 of every input, git commit, rules and options, waivers, every step, the verdict and the time',
    )
    .option('--force', 'let --record replace an existing file')
    .addHelpText(
      'after',
      '\nExit codes: 0 go, 1 no-go, 2 could not judge.\nWaivers are honored and listed; inline disable comments are not.',
    )
    .action(async (paths: string[], options: GateCommandOptions) => {
      // Imported when the command runs: a plain lint does not load the gate.
      const { runGate } = await import('../gate/run.js');
      const outcome = await runGate(paths, {
        announce: options.announce,
        today: options.today,
        ...(options.config ? {} : { config: false as const }),
      });
      if (!outcome.report) {
        printDiagnostics(outcome.diagnostics, chooseChalk(process.stderr, options.color));
        printErr('the gate could not judge readiness (exit 2)\n');
        setExitCode(EXIT.untrusted);
        return;
      }
      if (options.record !== undefined) {
        const failure = await writeRecord(options.record, outcome, options);
        if (failure) {
          printDiagnostics([failure], chooseChalk(process.stderr, options.color));
          printErr('the decision record could not be written (exit 2)\n');
          setExitCode(EXIT.untrusted);
          return;
        }
      }
      printOut(
        renderGate(outcome.report, options.format, chooseChalk(process.stdout, options.color), { width: terminalWidth() }),
        options.format === 'stylish' ? 'text' : options.format,
      );
      setExitCode(outcome.report.verdict === 'go' ? EXIT.ok : EXIT.findings);
    });
};

/** Writes the record through the safe writer: never over an input, never over an existing file without --force. */
async function writeRecord(
  file: string,
  outcome: { report: GateReport; lint: LintResult },
  options: { today?: string; force?: boolean },
): Promise<Diagnostic | undefined> {
  const { buildDecisionRecord, decisionRecordText } = await import('../gate/record.js');
  const { writeFileSafely } = await import('../files/write.js');
  const record = buildDecisionRecord(outcome.report, outcome.lint, { cwd: process.cwd(), today: options.today ?? todayUtc() });
  const failure = writeFileSafely(file, decisionRecordText(record), 'the decision record', { createOnly: !options.force });
  return failure?.message.startsWith('already exists')
    ? { ...failure, message: `${failure.message}; pass --force to replace it` }
    : failure;
}
