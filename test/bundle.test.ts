/**
 * The CLI as installed: bin/incentive-lint.js runs the single-file bundle (dist/incentive-lint.cjs)
 * with the V8 code cache the build wrote beside it, and falls back cleanly when the cache is stale or
 * damaged, or the bundle is missing. Each case runs a copy of the built package in a temporary folder,
 * so that nothing here depends on the repository's own layout.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STARTER } from './config-helpers.js';
import { cliEnvironment, EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';

const BUNDLE = path.join('dist', 'incentive-lint.cjs');
const CACHE = `${BUNDLE}.cache`;
const EXAMPLE = path.join(EXAMPLES, 'enterprise-first.yaml');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** What a user who installed the package has: package.json, bin/, dist/, schema/ and the dependencies. */
function installedCopy(): { root: string; bin: string } {
  const root = tempDir();
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  for (const folder of ['bin', 'dist', 'schema']) fs.cpSync(path.join(ROOT, folder), path.join(root, folder), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { root, bin: path.join(root, 'bin', 'incentive-lint.js') };
}

/** The same run through the repository's build, for comparison: each command line is run once. */
const references = new Map<string, ReturnType<typeof runCli>>();
function reference(args: string[]): ReturnType<typeof runCli> {
  const key = JSON.stringify(args);
  if (!references.has(key)) references.set(key, runCli(args));
  return references.get(key)!;
}

describe('the built CLI', () => {
  it('is built as one bundle with its code cache', () => {
    expect(fs.statSync(path.join(ROOT, BUNDLE)).size).toBeGreaterThan(0);
    expect(fs.statSync(path.join(ROOT, CACHE)).size).toBeGreaterThan(0);
  });

  it('runs from the bundle alone: lint, --version and init need nothing from dist/src', () => {
    const { root, bin } = installedCopy();
    fs.rmSync(path.join(root, 'dist', 'src'), { recursive: true });
    fs.rmSync(path.join(root, 'node_modules'));

    const lint = runCli([EXAMPLE], { bin });
    expect(lint).toEqual(reference([EXAMPLE]));
    expect(lint.code).toBe(1);
    expect(runCli(['--version'], { bin })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });

    // init points the policy at where a local install puts the schema, never at the copy that is
    // running (for npx or a global install, that is outside the repository).
    const dir = tempDir();
    expect(runCli(['init'], { bin, cwd: dir }).code).toBe(0);
    const schemaLine = /^# yaml-language-server: \$schema=(\S+)\n/.exec(fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8'));
    expect(schemaLine![1]).toBe('./node_modules/incentive-lint/schema/policy.schema.json');
  });

  it('runs plugin rules in workers from the bundle, with the worker of the copy that is running', () => {
    const { root, bin } = installedCopy();
    const api = pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href;
    const dir = tempDir({
      'incentive-lint.config.yaml': 'plugins: [./plan-counter.mjs]\n',
      'plan-counter.mjs': `import { defineRule, z } from '${api}';
export default defineRule({
  meta: { id: 'team/plan-counter', category: 'integrity', severity: 'warning', summary: 'Counts plans', rationale: 'A test rule.', source: 'test', options: z.object({}) },
  check({ index, report }) {
    for (const instrument of index.instruments) if (instrument.lever === 'compensation') report({ node: instrument.node, message: 'plan ' + instrument.id, fix: 'none' });
  },
});
`,
      'policy.yaml': STARTER,
    });
    // A loaded machine can take longer than the default 5 s to start the worker: the timeout is not under test here.
    const run = runCli(['--format', 'json', '--rule-timeout', '20000', 'policy.yaml'], { bin, cwd: dir });
    expect(run.stderr).toBe('');
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] }).findings.filter(
      (f) => f.rule === 'team/plan-counter',
    );
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.message.startsWith('plan '))).toBe(true);
  });

  describe('falls back without a word, and prints the same, when', () => {
    const cases: Record<string, (root: string) => void> = {
      'the code cache is garbage': (root) => fs.writeFileSync(path.join(root, CACHE), 'not a code cache\n'),
      'the code cache is from another build': (root) => {
        const bytes = fs.readFileSync(path.join(root, CACHE));
        bytes[0] = bytes[0] === 0x30 ? 0x31 : 0x30;
        fs.writeFileSync(path.join(root, CACHE), bytes);
      },
      'the code cache names this build but V8 rejects its data': (root) => {
        const bytes = fs.readFileSync(path.join(root, CACHE));
        const header = bytes.indexOf(0x0a) + 1;
        fs.writeFileSync(path.join(root, CACHE), Buffer.concat([bytes.subarray(0, header), Buffer.alloc(4096, 0x5a)]));
      },
      "the code cache names this build but its data is damaged past V8's header (V8 does not check it and would crash)": (root) => {
        const bytes = fs.readFileSync(path.join(root, CACHE));
        for (let at = Math.floor(bytes.length * 0.7); at < Math.floor(bytes.length * 0.7) + 64; at++) bytes[at]! ^= 0x5a;
        fs.writeFileSync(path.join(root, CACHE), bytes);
      },
      'the code cache is cut short': (root) => {
        const bytes = fs.readFileSync(path.join(root, CACHE));
        fs.writeFileSync(path.join(root, CACHE), bytes.subarray(0, bytes.length - 1000));
      },
      'the code cache was made with other Node.js flags': (root) => {
        const bytes = fs.readFileSync(path.join(root, CACHE));
        const header = bytes.indexOf(0x0a);
        const flagged = bytes.toString('utf8', 0, header).replace('"flags":[]', '"flags":["--no-opt"]');
        fs.writeFileSync(path.join(root, CACHE), Buffer.concat([Buffer.from(flagged), bytes.subarray(header)]));
      },
      'the code cache is missing': (root) => fs.rmSync(path.join(root, CACHE)),
      'the bundle is missing (dist/src is run instead)': (root) => fs.rmSync(path.join(root, BUNDLE)),
    };
    for (const [name, damage] of Object.entries(cases)) {
      it(name, () => {
        const { root, bin } = installedCopy();
        damage(root);
        for (const args of [[EXAMPLE], ['--format', 'json', EXAMPLE], ['--version']]) {
          expect(runCli(args, { bin })).toEqual(reference(args));
        }
      });
    }
  });

  describe('with another Node.js release than the one that made the code cache (both directions)', () => {
    // test/e2e/fetch-other-node.sh fetches it from the npm registry; .ci/run does so before the tests.
    const otherNode = path.join(ROOT, 'test-artifacts', 'other-node', 'bin', 'node');
    const present = fs.existsSync(otherNode);
    if (!present && process.env.CI === 'true') {
      it('has the other Node.js (run test/e2e/fetch-other-node.sh: CI must run these tests)', () => {
        expect.fail(`${otherNode} is missing: run test/e2e/fetch-other-node.sh before the tests`);
      });
      return;
    }
    const title = (name: string) => (present ? name : `${name} (skipped: ${otherNode} is missing; run test/e2e/fetch-other-node.sh)`);

    it.skipIf(!present)(title("the other release refuses this build's cache and prints the same (it crashed with SIGSEGV)"), () => {
      const { bin } = installedCopy();
      const other = runCli(['--version'], { bin, node: otherNode });
      expect(other).toEqual(reference(['--version']));
      for (const args of [[EXAMPLE], ['--format', 'json', EXAMPLE]])
        expect(runCli(args, { bin, node: otherNode })).toEqual(reference(args));
    });

    it.skipIf(!present)(title('this release refuses a cache the other one made, and prints the same'), () => {
      const { root, bin } = installedCopy();
      fs.mkdirSync(path.join(root, 'scripts'));
      fs.copyFileSync(path.join(ROOT, 'scripts', 'code-cache.mjs'), path.join(root, 'scripts', 'code-cache.mjs'));
      const written = spawnSync(otherNode, [path.join(root, 'scripts', 'code-cache.mjs'), EXAMPLE], {
        encoding: 'utf8',
        env: cliEnvironment(),
      });
      expect(written.stderr).toBe('');
      expect(written.status).toBe(0);
      expect(fs.readFileSync(path.join(root, CACHE), 'latin1')).toContain(
        `"node":"${spawnSync(otherNode, ['--version'], { encoding: 'utf8' }).stdout.trim()}"`,
      );
      for (const args of [[EXAMPLE], ['--format', 'json', EXAMPLE], ['--version']]) expect(runCli(args, { bin })).toEqual(reference(args));
      // The other release still uses its own cache (its data is checked, not ignored).
      expect(runCli([EXAMPLE], { bin, node: otherNode })).toEqual(reference([EXAMPLE]));
    });
  });

  it('says how to build it when neither the bundle nor dist/src is there', () => {
    const { root, bin } = installedCopy();
    fs.rmSync(path.join(root, 'dist'), { recursive: true });
    expect(runCli([EXAMPLE], { bin })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'incentive-lint is not built: run `npm install` (or `npm run build`) in its folder first.\n',
    });
  });
});
