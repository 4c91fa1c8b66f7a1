/**
 * `incentive-lint report [paths…] [--announce YYYY-MM-DD] [-o report.html]`: the gate's verdict as
 * one self-contained HTML page for leadership, with the pictures that explain it.
 * Exit codes: 0 the report was written (it is a document, not a check: `gate` is the check);
 * 2 it could not be (bad input, no announcement date, a failing rule, an unwritable file).
 */
import { textLine } from '../output/neutralize.js';
import { printErr, printOut } from '../output/print.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { writeFileSafely } from '../files/write.js';
import { writeOutput } from './report-targets.js';
import { parseDate, type CommandRegistration } from './shared.js';

interface ReportCommandOptions {
  announce?: string;
  output?: string;
  color?: boolean;
  today?: string;
  /** false from --no-config. */
  config: boolean;
  since?: string;
  record?: string;
  force?: boolean;
}

export const registerReport: CommandRegistration = (program, setExitCode) => {
  program
    .command('report')
    .description(
      'the gate as one self-contained HTML page for leadership: verdict, checklist, heatmap, timeline, pay per segment, findings, waivers',
    )
    .argument('[paths...]', 'policy files or folders (default: the current folder)')
    .option('--announce <date>', 'the announcement date to judge against, YYYY-MM-DD (default: strategy.announced)', parseDate)
    .option('-o, --output <file>', 'write the HTML to this file (default: standard output)')
    .option('--no-color', 'turn colors off in messages (also: NO_COLOR=1)')
    .option('--no-config', 'ignore every configuration file (and the plugins it names), as lint does')
    .option('--today <date>', 'the current date, YYYY-MM-DD, for waiver expiry (default: the clock)', parseDate)
    .option(
      '--since <git-ref>',
      'also show which findings are new, fixed and unchanged since the policy at this commit, and the verdict then and now',
    )
    .option('--record <file>', 'also write the decision record (JSON) shown in the footer')
    .option('--force', 'let --record replace an existing file')
    .addHelpText(
      'after',
      '\nExit codes: 0 the report was written (whatever the verdict; `gate` is the check), 2 it could not be.\nThe page has no script and loads nothing: open it offline, attach it, or print it to PDF.',
    )
    .action(async (paths: string[], options: ReportCommandOptions) => {
      // Imported when the command runs: a plain lint does not load the report.
      const { runHtmlReport } = await import('../html-report/run.js');
      const outcome = await runHtmlReport(paths, {
        announce: options.announce,
        today: options.today,
        since: options.since,
        ...(options.config ? {} : { config: false as const }),
      });
      const chalk = chooseChalk(process.stderr, options.color);
      if (outcome.html === undefined) {
        printDiagnostics(outcome.diagnostics, chalk);
        printErr('the report could not be made (exit 2)\n');
        setExitCode(EXIT.untrusted);
        return;
      }
      if (options.record !== undefined) {
        const { decisionRecordText } = await import('../gate/record.js');
        const failure = writeFileSafely(options.record, decisionRecordText(outcome.record), 'the decision record', {
          createOnly: !options.force,
        });
        if (failure) {
          printDiagnostics(
            [
              failure.message.startsWith('already exists')
                ? { ...failure, message: `${failure.message}; pass --force to replace it` }
                : failure,
            ],
            chalk,
          );
          setExitCode(EXIT.untrusted);
          return;
        }
      }
      if (options.output === undefined) {
        // Markup: a legacy `##[` command is broken by a character reference, which the browser reads the same.
        printOut(outcome.html, 'xml');
        setExitCode(EXIT.ok);
        return;
      }
      const failure = writeOutput(options.output, outcome.html, 'the HTML report');
      if (failure) {
        printDiagnostics([failure], chalk);
        setExitCode(EXIT.untrusted);
        return;
      }
      printOut(`wrote ${textLine(options.output)}: ${outcome.verdict === 'go' ? 'GO' : 'NO-GO'} for the announcement\n`);
      setExitCode(EXIT.ok);
    });
};
