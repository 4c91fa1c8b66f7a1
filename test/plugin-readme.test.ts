/**
 * The README's plugin example, as written, where users put it: a default `npm init` repository
 * (CommonJS) with incentive-lint installed, and a repository without it, linted by a copy installed
 * elsewhere, as the GitHub Action runs (node $GITHUB_ACTION_PATH/bin/incentive-lint.js).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_POLICY, BIN, ROOT, runCli, tempDir } from './helpers.js';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const PLUGIN = /```js\n(\/\/ (rules\/no-spiff-on-smb\.m?js)\n[\s\S]*?)```/.exec(README);
const CONFIG = /```yaml\n(extends: recommended[\s\S]*?)```/.exec(README);

const POLICY = `${BASE_POLICY}
compensation:
  - id: spiff-q3
    team: sales
    commission:
      - { metric: new-arr, segment: smb, rate: "5%" }
`;

/** A repository as `npm init -y` leaves it (CommonJS: no "type"), with the README's plugin and a configuration naming it. */
function repository(packageJson?: Record<string, unknown>): { dir: string; pluginFile: string } {
  const [, source, pluginFile] = PLUGIN!;
  const dir = tempDir({ '.git/HEAD': 'ref: refs/heads/main\n', [pluginFile!]: source!, 'policy.yaml': POLICY });
  fs.writeFileSync(path.join(dir, 'incentive-lint.config.yaml'), `plugins: [./${pluginFile}]\nrules:\n  acme/no-spiff-on-smb: error\n`);
  if (packageJson) fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(packageJson, null, 2));
  else expect(spawnSync('npm', ['init', '-y'], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
  return { dir, pluginFile: pluginFile! };
}

/** incentive-lint installed in the repository: the files the package ships, in node_modules/incentive-lint. */
function install(dir: string): string {
  const installed = path.join(dir, 'node_modules', 'incentive-lint');
  fs.mkdirSync(installed, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(installed, 'package.json'));
  for (const folder of ['bin', 'dist', 'schema']) fs.cpSync(path.join(ROOT, folder), path.join(installed, folder), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(installed, 'node_modules'), 'dir');
  return path.join(installed, 'bin', 'incentive-lint.js');
}

function spiffFindings(run: ReturnType<typeof runCli>) {
  expect(run.stderr).toBe('');
  const { findings } = JSON.parse(run.stdout) as { findings: { rule: string; line: number; message: string; fix: string }[] };
  return findings.filter((finding) => finding.rule === 'acme/no-spiff-on-smb').map(({ line, message, fix }) => ({ line, message, fix }));
}

const EXPECTED = [
  {
    line: POLICY.split('\n').findIndex((line) => line.includes('segment: smb, rate: "5%"')) + 1,
    message: 'SPIFF spiff-q3 pays on smb',
    fix: 'run it on a favored segment',
  },
];

describe("the README's plugin example", () => {
  it('is an .mjs module named so in the example configuration', () => {
    expect(PLUGIN?.[2]).toBe('rules/no-spiff-on-smb.mjs');
    expect(CONFIG?.[1]).toContain(`- ./${PLUGIN![2]}\n`);
  });

  it('loads in a default npm init repository (CommonJS) that installs incentive-lint', () => {
    const { dir } = repository();
    // npm 11 writes "type": "commonjs", earlier npm no type: CommonJS either way.
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).type ?? 'commonjs').toBe('commonjs');
    const bin = install(dir);
    const run = runCli(['--format', 'json', '--rule-timeout', '20000', 'policy.yaml'], { bin, cwd: dir });
    expect(spiffFindings(run)).toEqual(EXPECTED);
    expect(run.code).toBe(1);
  });

  it('loads under the GitHub Action: the repository has no incentive-lint, the running copy provides the import', () => {
    const { dir } = repository();
    const run = runCli(['--format', 'json', '--rule-timeout', '20000', 'policy.yaml'], { bin: BIN, cwd: dir });
    expect(spiffFindings(run)).toEqual(EXPECTED);
    expect(run.code).toBe(1);
  });

  it('loads as a .js file where package.json says "type": "module", under the Action too', () => {
    const { dir, pluginFile } = repository({ name: 'policies', version: '1.0.0', type: 'module' });
    const jsFile = pluginFile.replace(/\.mjs$/, '.js');
    fs.renameSync(path.join(dir, pluginFile), path.join(dir, jsFile));
    fs.writeFileSync(path.join(dir, 'incentive-lint.config.yaml'), `plugins: [./${jsFile}]\nrules:\n  acme/no-spiff-on-smb: error\n`);
    expect(spiffFindings(runCli(['--format', 'json', '--rule-timeout', '20000', 'policy.yaml'], { bin: BIN, cwd: dir }))).toEqual(EXPECTED);
  });

  it('named .js in a CommonJS repository, fails with exit 2 and says to name it .mjs or set "type": "module"', () => {
    const { dir, pluginFile } = repository();
    const jsFile = pluginFile.replace(/\.mjs$/, '.js');
    fs.renameSync(path.join(dir, pluginFile), path.join(dir, jsFile));
    fs.writeFileSync(path.join(dir, 'incentive-lint.config.yaml'), `plugins: [./${jsFile}]\nrules:\n  acme/no-spiff-on-smb: error\n`);
    const run = runCli(['--format', 'json', 'policy.yaml'], { bin: BIN, cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `incentive-lint.config.yaml:1:11: plugin ./${jsFile}: could not be loaded: Cannot use import statement outside a module (Node.js reads this .js file as CommonJS: name the plugin .mjs, or add "type": "module" to the nearest package.json)`,
    );
  });

  it('still reports a plugin whose own import is missing, naming the package', () => {
    const { dir, pluginFile } = repository();
    fs.appendFileSync(path.join(dir, pluginFile), "import 'acme-missing-helper';\n");
    const run = runCli(['--format', 'json', '--rule-timeout', '20000', 'policy.yaml'], { bin: BIN, cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('acme-missing-helper');
  });
});
