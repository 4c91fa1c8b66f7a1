/** `incentive-lint [paths…]`: lint, print the report, return the exit code. */
import { lint } from '../lint.js';
import { FORMAT_NAMES, loadFormatter } from '../report/index.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';

export interface LintCommandOptions {
  format: string;
  color?: boolean;
  today?: string;
}

export async function lintCommand(paths: string[], options: LintCommandOptions): Promise<number> {
  const errChalk = chooseChalk(process.stderr, options.color);
  const formatter = await loadFormatter(options.format);
  if (!formatter) {
    printDiagnostics([{ message: `unknown format "${options.format}": use one of ${FORMAT_NAMES.join(', ')}`, source: 'usage' }], errChalk);
    return EXIT.untrusted;
  }
  const result = await lint(paths, { today: options.today });
  if (result.diagnostics.length > 0) {
    printDiagnostics(result.diagnostics, errChalk);
    process.stderr.write(`${result.diagnostics.length === 1 ? '1 problem' : `${result.diagnostics.length} problems`} with the input: nothing was linted, so nothing can be trusted (exit 2)\n`);
    return EXIT.untrusted;
  }
  process.stdout.write(formatter(result, { chalk: chooseChalk(process.stdout, options.color) }));
  return result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
}
