/**
 * The installs CI performs end to end (test/e2e/, run by .ci/run after the suite, minutes each): that
 * .ci/run runs them, with both pre-commit clients, that they know every install line of the README,
 * and what a git install relies on (prepare starts with Node.js alone; the runtime dependencies are
 * bundled, so a global git install writes nothing beside the package while npm prepares it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const CI_RUN = read('.ci/run');
const README = read('README.md');
const README_INSTALLS = read('test/e2e/readme-installs.sh');
const packageJson = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  bundleDependencies?: string[];
  scripts: Record<string, string>;
};

/** The commands .ci/run runs, one per line, without comments. */
const ciCommands = CI_RUN.split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** The README's install lines, as readme-installs.sh finds them: npm/npx lines of three sections' blocks, and the GitLab job's npm lines. */
function readmeInstallLines(): string[] {
  const lines: string[] = [];
  let section = '';
  let fenced = false;
  let gitlab = false;
  for (const line of README.split('\n')) {
    if (line.startsWith('## ')) section = line;
    if (line.startsWith('### ')) gitlab = line.startsWith('### GitLab CI');
    if (line.startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (fenced && ['## Install', '## Quick start', '## Development'].includes(section) && /^(npm|npx) /.test(line)) lines.push(line);
    if (gitlab && /^ {4}- npm /.test(line)) lines.push(line.replace(/^ {4}- /, ''));
  }
  return [...new Set(lines.map((line) => line.replace(/\s+#\s.*$/, '')))];
}

describe('.ci/run', () => {
  it('installs pre-commit 4 from PyPI into a venv, every version pinned, beside Debian pre-commit', () => {
    expect(ciCommands).toContain('apt-get update -qq && apt-get install -y -qq pre-commit >/dev/null');
    expect(ciCommands).toContain(
      '"$PRE_COMMIT_4/bin/pip" install -q --disable-pip-version-check -r test/e2e/pre-commit-4-requirements.txt',
    );
    const requirements = read('test/e2e/pre-commit-4-requirements.txt')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(requirements).toContain('pre_commit==4.6.2');
    for (const requirement of requirements) expect(requirement).toMatch(/^[\w.-]+==[\w.]+$/);
  });

  it('runs the pre-commit hook end to end with both clients, after the suite', () => {
    const suite = ciCommands.indexOf('npm test');
    expect(suite).toBeGreaterThan(-1);
    expect(ciCommands.indexOf('test/e2e/pre-commit.sh')).toBeGreaterThan(suite);
    expect(ciCommands.indexOf('PRE_COMMIT="$PRE_COMMIT_4/bin/pre-commit" test/e2e/pre-commit.sh')).toBeGreaterThan(suite);
  });

  it("performs the README's install lines (test/e2e/readme-installs.sh), after the suite", () => {
    expect(ciCommands.indexOf('test/e2e/readme-installs.sh')).toBeGreaterThan(ciCommands.indexOf('npm test'));
  });
});

describe("the README's install lines", () => {
  const lines = readmeInstallLines();

  it('are found where readme-installs.sh looks', () => {
    expect(lines).toEqual([
      'npm install',
      'npm install --save-dev git+https://github.com/incentive-lint/incentive-lint.git#v0.1.0',
      'npx --no-install incentive-lint examples/enterprise-first.yaml',
      'npm test',
      'npm ci',
    ]);
  });

  it('each has a case in readme-installs.sh, which replaces only the GitHub URL and tag', () => {
    const gitUrl = /^GIT_URL='(.*)'$/m.exec(README_INSTALLS)?.[1];
    expect(gitUrl).toBe('git+https://github.com/incentive-lint/incentive-lint.git#v0.1.0');
    const cases = [...README_INSTALLS.matchAll(/^ {4}(['"])(.+?)\1\)/gm)].map(([, , pattern]) => pattern!.replace('$GIT_URL', gitUrl!));
    for (const line of lines) expect(cases).toContain(line);
  });
});

describe('a git install', () => {
  it('prepare runs with Node.js alone: it imports only built-in modules', () => {
    expect(packageJson.scripts.prepare).toBe('node scripts/prepare.mjs');
    const imports = [...read('scripts/prepare.mjs').matchAll(/^import .* from '([^']+)';$/gm)].map(([, specifier]) => specifier!);
    expect(imports.length).toBeGreaterThan(0);
    for (const specifier of imports) expect(specifier).toMatch(/^node:/);
  });

  // npm pack walks every bundled package (about 8 s alone); beside the other test files on two cores it needs more than the default 30 s.
  it('bundles every runtime dependency, and npm pack ships them', { timeout: 120_000 }, () => {
    expect(packageJson.bundleDependencies).toEqual(Object.keys(packageJson.dependencies));
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const [{ bundled, files }] = JSON.parse(pack.stdout) as [{ bundled: string[]; files: { path: string }[] }];
    for (const name of Object.keys(packageJson.dependencies)) {
      expect(bundled).toContain(name);
      expect(files.map((file) => file.path)).toContain(`node_modules/${name}/package.json`);
    }
  });
});
