/**
 * `incentive-lint init`: writes a commented starter policy and a configuration file into the current
 * folder. Refuses, writing nothing at all, when any of them exists, unless --force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RefusedWrite, replaceFile } from '../files/write.js';
import { CONFIG_FILE_NAMES } from '../load/discover.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { printOut } from '../output/print.js';
import { STARTER_CONFIG, starterPolicy } from './init-templates.js';
import type { CommandRegistration } from './shared.js';

const POLICY_FILE = 'policy.yaml';
const CONFIG_FILE = CONFIG_FILE_NAMES[0]!;

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

function initCommand(folder: string, options: InitOptions): number {
  const errChalk = chooseChalk(process.stderr, undefined);
  // Any configuration file counts: a second one beside it would be confusing.
  // lstat, not exists: a dangling symbolic link is there too, and would be written through.
  const existing = [POLICY_FILE, ...CONFIG_FILE_NAMES].filter((name) => lexists(path.join(folder, name)));
  if (existing.length > 0 && !options.force) {
    printDiagnostics(
      existing.map((name) => ({
        file: name,
        message: 'already exists: nothing was written; run `incentive-lint init --force` to overwrite it',
        source: 'usage',
      })),
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
      printDiagnostics(
        [
          {
            file: name,
            message: refused ? error.message : `cannot write here: ${(error as Error).message}`,
            source: refused ? 'usage' : 'io',
          },
        ],
        errChalk,
      );
      return EXIT.untrusted;
    }
  }
  printOut(
    `wrote ${POLICY_FILE} and ${CONFIG_FILE}\nnext: replace the examples with your strategy and incentives, then run: npx --no-install incentive-lint\n`,
  );
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
const INSTALLED_SCHEMA = path.join('node_modules', 'incentive-lint', SCHEMA_IN_PACKAGE);

/**
 * The path editors follow to the JSON Schema, relative to the policy's folder: the project's own
 * installed copy (node_modules/incentive-lint), where `npm install --save-dev incentive-lint` puts
 * it. Never the copy that happens to be running, which for npx or a global install lies outside the
 * repository. The project is the nearest folder upward with an installed copy, else with a
 * package.json, else the policy's folder itself.
 */
export function schemaReference(folder: string): string {
  const start = path.resolve(folder);
  const upward = (test: (dir: string) => boolean): string | undefined => {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (test(dir)) return dir;
      if (path.dirname(dir) === dir) return undefined;
    }
  };
  const installed = upward((dir) => fs.existsSync(path.join(dir, INSTALLED_SCHEMA)));
  const project = installed ?? upward((dir) => fs.existsSync(path.join(dir, 'package.json')));
  let schema = path.join(project ?? start, INSTALLED_SCHEMA);
  // In a clone of incentive-lint itself, the schema is its own.
  if (!installed && project && isIncentiveLint(path.join(project, 'package.json'))) schema = path.join(project, SCHEMA_IN_PACKAGE);
  const relative = path.relative(start, schema).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function isIncentiveLint(packageJson: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { name?: unknown }).name === 'incentive-lint';
  } catch {
    return false;
  }
}
