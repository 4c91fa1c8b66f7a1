/**
 * `incentive-lint schema`: the JSON Schema of format v1, generated from the zod schema the loader
 * validates with, for editors (yaml-language-server) and other tools. `npm run schema` writes the
 * copy the package ships in schema/policy.schema.json.
 */
import { policyJsonSchema } from '../schema.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { printOut } from '../output/print.js';
import { writeOutput } from './report-targets.js';
import type { CommandRegistration } from './shared.js';

export const registerSchema: CommandRegistration = (program, setExitCode) => {
  program
    .command('schema')
    .description('print the JSON Schema of the policy format (v1), for editors and other tools')
    .option('-o, --output <file>', 'write it to FILE instead of stdout')
    .action((options: { output?: string }) => setExitCode(schemaCommand(options)));
};

function schemaCommand(options: { output?: string }): number {
  const text = `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
  if (options.output === undefined) {
    printOut(text, 'json');
    return EXIT.ok;
  }
  const failure = writeOutput(options.output, text, 'the schema');
  if (failure) {
    printDiagnostics([failure], chooseChalk(process.stderr, undefined));
    return EXIT.untrusted;
  }
  return EXIT.ok;
}
