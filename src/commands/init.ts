/**
 * `incentive-lint init`: writes a commented starter policy and a configuration file into the current
 * folder. Refuses, writing nothing at all, when any of them exists, unless --force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RefusedWrite, replaceFile } from '../files/write.js';
import { CONFIG_FILE_NAMES } from '../load/discover.js';
import { packageFile } from '../package-root.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { printOut } from '../output/print.js';
import { STARTER_CONFIG, starterPolicy } from './init-templates.js';
import type { CommandRegistration } from './shared.js';

export const POLICY_FILE = 'policy.yaml';
export const CONFIG_FILE = CONFIG_FILE_NAMES[0]!;

interface InitOptions {
  force?: boolean;
}

export const registerInit: CommandRegistration = (program, setExitCode) => {
  program
    .command('init')
    .description(`write a commented starter ${POLICY_FILE} and ${CONFIG_FILE} into the current folder`)
    .option('--force', 'overwrite the files if they exist')
    .action((options: InitOptions) => setExitCode(initCommand(process.cwd(), options)));
};

export function initCommand(folder: string, options: InitOptions): number {
  const errChalk = chooseChalk(process.stderr, undefined);
  // Any configuration file counts: a second one beside it would be confusing.
  // lstat, not exists: a dangling symbolic link is there too, and would be written through.
  const existing = [POLICY_FILE, ...CONFIG_FILE_NAMES].filter((name) => lexists(path.join(folder, name)));
  if (existing.length > 0 && !options.force) {
    printDiagnostics(
      existing.map((name) => ({ file: name, message: 'already exists: nothing was written; run `incentive-lint init --force` to overwrite it', source: 'usage' })),
      errChalk,
    );
    return EXIT.untrusted;
  }
  const files: [string, string][] = [
    [POLICY_FILE, starterPolicy(schemaReference(folder))],
    [CONFIG_FILE, STARTER_CONFIG],
  ];
  for (const [name, text] of files) {
    try {
      replaceFile(path.join(folder, name), text, `the starter ${name}`, { createOnly: !options.force });
    } catch (error) {
      const refused = error instanceof RefusedWrite;
      printDiagnostics([{ file: name, message: refused ? error.message : `cannot write here: ${(error as Error).message}`, source: refused ? 'usage' : 'io' }], errChalk);
      return EXIT.untrusted;
    }
  }
  printOut(`wrote ${POLICY_FILE} and ${CONFIG_FILE}\nnext: replace the examples with your strategy and incentives, then run: npx incentive-lint\n`);
  return EXIT.ok;
}

function lexists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

const SCHEMA_IN_PACKAGE = path.join('schema', 'policy.schema.json');

/**
 * The path editors follow to the JSON Schema: the project's own installed copy when there is one
 * (node_modules/incentive-lint), otherwise the copy of the incentive-lint that is running.
 */
export function schemaReference(folder: string): string {
  let schema = packageFile(SCHEMA_IN_PACKAGE);
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    const installed = path.join(dir, 'node_modules', 'incentive-lint', SCHEMA_IN_PACKAGE);
    if (fs.existsSync(installed)) {
      schema = installed;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  const relative = path.relative(folder, schema).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
