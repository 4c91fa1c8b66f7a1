/**
 * Large policies must lint, not crash. The 50 MB case is generated at test time and linted with the
 * heap capped at 1 GB (the fast load path takes a few seconds; the `yaml` package alone took 35-45 s
 * and 3.2 GB). The other cases: 150,000 list items (more than `Array.prototype.push(...items)` takes as arguments, which once crashed the
 * merge) and a 50,000-key mapping (once quadratic: 80,000 keys took 160 s).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers.js';
import { expectNoStackTrace, folderWith, runCliAsync } from './harness.js';

const metricLine = (i: number) =>
  `  - { id: generated-metric-${i}, name: Generated metric ${i}, type: outcome, perspective: financial, segmented: true }\n`;

/** examples/aligned.yaml (zero findings) plus a second document of generated metrics, `bytes` long in all. */
function writeLargePolicy(dir: string, bytes: number): string {
  const file = path.join(dir, 'large.yaml');
  const fd = fs.openSync(file, 'w');
  let written = fs.writeSync(fd, `${fs.readFileSync(path.join(EXAMPLES, 'aligned.yaml'), 'utf8')}---\nmetrics:\n`);
  let chunk = '';
  for (let i = 0; written + chunk.length < bytes; i++) {
    chunk += metricLine(i);
    if (chunk.length > 1 << 20) {
      written += fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return file;
}

describe('large policies', () => {
  it('150,000 list items lint (no call-stack overflow in the merge)', async () => {
    const items = Array.from({ length: 150_000 }, (_, i) => `  - id: m${i}\n`).join('');
    const dir = folderWith({ 'policy.yaml': `version: 1\nstrategy: { priorities: [] }\nmetrics:\n${items}` });
    const run = await runCliAsync(['policy.yaml', '--format', 'json'], { cwd: dir, timeout: 60_000 });
    expectNoStackTrace(run.stderr);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0, files: 1 });
  }, 70_000);

  it('a mapping of 50,000 keys ends well within the timeout (duplicate checks and lookups are not quadratic)', async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: 1\n`).join('');
    const [unknown, duplicate] = await Promise.all(
      [`version: 1\n${keys}`, `version: 1\n${keys}k7: 2\n`].map((text) =>
        runCliAsync(['policy.yaml'], { cwd: folderWith({ 'policy.yaml': text }) }),
      ),
    );
    for (const run of [unknown!, duplicate!]) {
      expectNoStackTrace(run.stderr);
      expect(run.code).toBe(2);
    }
    expect(unknown!.stderr).toContain('error policy.yaml:2:1: unknown key "k0" in the policy file');
    expect(unknown!.stderr).toContain('error policy.yaml:102:1: 49900 more problems from here on are not shown');
    expect(duplicate!.stderr).toContain(
      'error policy.yaml:50002:1: duplicate key "k7": a key may appear once in a mapping: remove or rename the second one',
    );
  });

  it('a 50 MB policy lints within a 1 GB heap', async (context) => {
    const dir = folderWith({});
    context.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = writeLargePolicy(dir, 50 * 1024 * 1024);
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const started = Date.now();
    const run = await runCliAsync(['large.yaml', '--format', 'json'], {
      cwd: dir,
      timeout: 300_000,
      nodeFlags: ['--max-old-space-size=1024'],
    });
    await context.annotate(
      `linted ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expectNoStackTrace(run.stderr);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0, files: 1 });
  }, 310_000);
});
