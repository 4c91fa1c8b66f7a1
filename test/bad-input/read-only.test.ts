/**
 * Read-only guarantee: no command writes to, touches, adds to or removes from the user's files and
 * folders, whether the policy is valid or broken. Every file and folder under the working folder is
 * snapshotted (content hash, size, mode, modification time, folder listing) before and after; and
 * each command, run again under Node's permission model with writes forbidden, prints the same.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { EXAMPLES } from '../helpers.js';
import { expectNoStackTrace, folderWith, runCliAsync } from './harness.js';

/** A command as a user runs it, given the policy folder (relative to the working folder). */
interface ReadingCommand {
  name: string;
  args: (policy: string) => string[];
}

/** Every command there is. A command that lands adds one line here. */
const COMMANDS: ReadingCommand[] = [
  ...FORMAT_NAMES.map((format) => ({ name: `lint --format ${format}`, args: (policy: string) => [policy, '--format', format] })),
  { name: 'lint (named)', args: (policy) => ['lint', policy] },
  { name: 'gate', args: (policy) => ['gate', policy, '--announce', '2026-03-02'] },
  { name: 'diff', args: (policy) => ['diff', policy, policy] },
  { name: 'matrix', args: (policy) => ['matrix', policy] },
  { name: 'schema', args: () => ['schema'] },
  { name: 'rules', args: () => ['rules'] },
  { name: 'explain', args: () => ['explain', 'flat-commission'] },
];

type Snapshot = Record<string, string>;

/** Every entry under `root` (links not followed), with what would change if anything wrote to it. */
function snapshot(root: string): Snapshot {
  const entries: Snapshot = {};
  const visit = (full: string) => {
    const stat = fs.lstatSync(full);
    const key = path.relative(root, full) || '.';
    const common = `mode=${stat.mode} mtime=${stat.mtimeMs} size=${stat.size}`;
    if (stat.isSymbolicLink()) {
      entries[key] = `link -> ${fs.readlinkSync(full)} ${common}`;
    } else if (stat.isDirectory()) {
      const names = fs.readdirSync(full).sort();
      entries[key] = `folder [${names.join(', ')}] ${common}`;
      for (const name of names) visit(path.join(full, name));
    } else {
      entries[key] = `file sha256=${createHash('sha256').update(fs.readFileSync(full)).digest('hex')} ${common}`;
    }
  };
  visit(root);
  return entries;
}

const examples = Object.fromEntries(
  fs
    .readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => [`policy/${name.replace('.yaml', '')}/policy.yaml`, fs.readFileSync(path.join(EXAMPLES, name))]),
);

const INPUTS: Record<string, () => string> = {
  'a valid policy with a config file and other YAML beside it': () =>
    folderWith({
      'policy/policy.yaml': fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml')),
      'policy/incentive-lint.config.yaml': 'extends: recommended\n',
      'policy/.github/workflows/ci.yaml': 'on: push\n',
      'policy/notes.md': '# notes\n',
    }),
  'every example as one folder of folders': () => folderWith({ ...examples, 'policy/README.md': 'examples\n' }),
  'a broken policy': () =>
    folderWith({ 'policy/policy.yaml': 'version: 1\nstrategy:\n  name: "unclosed\n', 'policy/teams.yaml': 'version: 1\nteams: [\n' }),
};

describe('the snapshot', () => {
  it('notices a touched file, a rewritten byte and a new file', () => {
    const cwd = INPUTS['a broken policy']!();
    const file = path.join(cwd, 'policy', 'policy.yaml');
    const before = snapshot(cwd);
    fs.utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(snapshot(cwd)).not.toEqual(before);
    const touched = snapshot(cwd);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('unclosed', 'unclosef'));
    fs.utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(snapshot(cwd)).not.toEqual(touched);
    const rewritten = snapshot(cwd);
    fs.writeFileSync(path.join(cwd, '.incentive-lint-cache'), '');
    expect(snapshot(cwd)).not.toEqual(rewritten);
  });
});

/**
 * Node's permission model with read access only: any attempt to write a file, anywhere, throws.
 * (`--permission` from Node 22.13 / 23.5, `--experimental-permission` before.)
 */
const READ_ONLY_NODE = [
  process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission',
  '--allow-fs-read=*',
];

describe.concurrent('no command writes to its input', () => {
  for (const [input, makeFolder] of Object.entries(INPUTS)) {
    for (const command of COMMANDS) {
      it(`${command.name}: ${input}; with file writes forbidden it prints the same`, async () => {
        const cwd = makeFolder();
        const before = snapshot(cwd);
        const [run, readOnly] = await Promise.all([
          runCliAsync(command.args('policy'), { cwd }),
          runCliAsync(command.args('policy'), { cwd, nodeFlags: READ_ONLY_NODE, env: { NODE_NO_WARNINGS: '1' } }),
        ]);
        expectNoStackTrace(run.stderr);
        expect([0, 1, 2]).toContain(run.code);
        expect(run.stdout.length + run.stderr.length).toBeGreaterThan(0);
        expect(snapshot(cwd)).toEqual(before);
        expect(readOnly).toEqual(run);
      });
    }
  }
});
