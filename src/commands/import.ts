/** `incentive-lint import <export>`: a spreadsheet export to a policy file (see src/import/run.ts). */
import path from 'node:path';
import { Option } from 'commander';
import { LAYOUT_NAMES, type LayoutName } from '../import/layouts.js';
import { runImport } from '../import/run.js';
import { printErr, printOut } from '../output/print.js';
import { textLine } from '../output/neutralize.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { schemaReference } from './init.js';
import type { CommandRegistration } from './shared.js';

interface ImportCommandOptions {
  output: string;
  layout?: LayoutName;
  mapping?: string;
  sheet?: string;
  force?: boolean;
}

export const registerImport: CommandRegistration = (program, setExitCode) => {
  program
    .command('import')
    .description('write policy YAML from a CSV or XLSX export: plan components, a roster or OKRs, each value with the row it came from')
    .argument('<export>', 'the CSV or XLSX file to read (never written)')
    .requiredOption('-o, --output <file>', 'the policy file to write, or to update when an import wrote it')
    .addOption(new Option('--layout <name>', 'what the rows are').choices(LAYOUT_NAMES))
    .option('--mapping <file>', 'a mapping file (YAML): which column is which field, which value is which id')
    .option('--sheet <name>', "the sheet of an XLSX workbook (default: the first, or the mapping's)")
    .option('--force', 'replace an output the import did not write, or rewrite one from the export alone')
    .action(async (input: string, options: ImportCommandOptions) => {
      const outcome = await runImport({ input, ...options, schema: schemaReference(path.dirname(path.resolve(options.output))) });
      for (const note of outcome.notes) printErr(`note: ${textLine(note)}\n`);
      if (outcome.diagnostics.length > 0) {
        printDiagnostics(outcome.diagnostics, chooseChalk(process.stderr, undefined));
        printErr('nothing was written (exit 2)\n');
        setExitCode(EXIT.untrusted);
        return;
      }
      printOut(`${textLine(outcome.summary ?? '')}\n`);
      setExitCode(EXIT.ok);
    });
};
