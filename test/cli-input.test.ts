/**
 * What the command line accepts besides plain files and folders: globs, a policy on stdin, the
 * ESLint conventions `--max-warnings -1`, and the Node.js floor that package.json states.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAT_PLAN } from './config-helpers.js';
import { EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';

interface JsonReport {
  findings: { rule: string; file: string; line: number; column: number }[];
  summary: { errors: number; warnings: number; infos: number; files: number };
}

const ENTERPRISE_FIRST = fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8');
const ALIGNED = fs.readFileSync(path.join(EXAMPLES, 'aligned.yaml'), 'utf8');

/** The enterprise-first policy split in two: the strategy and its vocabulary, and the instruments. */
function splitPolicy(): { head: string; instruments: string } {
  const at = ENTERPRISE_FIRST.indexOf('\ncompensation:');
  return { head: ENTERPRISE_FIRST.slice(0, at + 1), instruments: `version: 1\n${ENTERPRISE_FIRST.slice(at + 1)}` };
}

describe('globs on the command line', () => {
  const dir = tempDir({
    'policy/strategy.yaml': splitPolicy().head,
    'policy/plans/sales.yaml': splitPolicy().instruments,
    'policy/notes.txt': 'not yaml',
    'policy/.github/workflow.yaml': 'on: push\n',
    'other/aligned.yaml': ALIGNED,
  });

  it('expands * and ** to the YAML files they match, beside plain paths, as ESLint does', () => {
    const run = runCli(['policy/*.yaml', 'policy/**/sales.yaml', '-f', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary.files).toBe(2);
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['policy/strategy.yaml', 'policy/plans/sales.yaml']));
    expect(run.code).toBe(1);
  });

  it('matches * within one folder only, as a shell does', () => {
    const run = runCli(['policy/*.yaml', '-f', 'json'], { cwd: dir });
    // The strategy alone: no instrument, so nothing pays on the old priorities.
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).summary.files).toBe(1);
  });

  it('names a glob that matches nothing, and a glob under a folder that does not exist (exit 2)', () => {
    const none = runCli(['policy/*.yml'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error policy/*.yml: no YAML file matches this glob');
    const missing = runCli(['nowhere/**/*.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error nowhere/**/*.yaml: no such folder: nowhere');
  });

  it('takes a path that exists as written, even with a * in its name', () => {
    const literal = tempDir({ 'plan*.yaml': ALIGNED, 'plan-b.yaml': ENTERPRISE_FIRST });
    expect(runCli(['plan*.yaml'], { cwd: literal }).code).toBe(0);
  });
});

describe("--stdin and --stdin-filename (ESLint's names)", () => {
  it('lints the text piped in; findings carry the given file name', () => {
    const dir = tempDir();
    const run = runCli(['--stdin', '--stdin-filename', 'policy/unsaved.yaml', '-f', 'json'], { cwd: dir, input: ENTERPRISE_FIRST });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.find((finding) => finding.rule === 'flat-commission')).toMatchObject({
      file: 'policy/unsaved.yaml',
      line: 76,
      column: 9,
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('names the text <stdin> without --stdin-filename, and reports bad input at its line', () => {
    const clean = runCli(['--stdin'], { cwd: tempDir(), input: ALIGNED });
    expect(clean.code).toBe(0);
    const typo = runCli(['--stdin'], { cwd: tempDir(), input: ALIGNED.replace('    commission:', '    comission:') });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^error <stdin>:\d+:5: unknown key "comission" in a compensation plan; did you mean "commission"\?/m);
  });

  it('stands in for the saved file of that name when paths give the rest of the policy', () => {
    const { head, instruments } = splitPolicy();
    const dir = tempDir({ 'policy/strategy.yaml': head, 'policy/plans.yaml': instruments });
    // The unsaved buffer has the flat commission fixed: the saved file on disk still has it.
    const fixed = instruments.replace(
      '{ metric: new-arr, segment: enterprise, rate: "8%" }',
      '{ metric: new-arr, segment: enterprise, rate: "16%" }',
    );
    expect(fixed).not.toBe(instruments);
    const saved = JSON.parse(runCli(['policy/', '-f', 'json'], { cwd: dir }).stdout) as JsonReport;
    expect(saved.findings.map((finding) => finding.rule)).toContain('flat-commission');
    const run = runCli(['--stdin', '--stdin-filename', 'policy/plans.yaml', 'policy/', '-f', 'json'], { cwd: dir, input: fixed });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary.files).toBe(2);
    expect(report.findings.map((finding) => finding.rule)).not.toContain('flat-commission');
    expect(report.findings.filter((finding) => finding.rule === 'okr-old-priority').map((finding) => finding.file)).toEqual([
      'policy/plans.yaml',
      'policy/plans.yaml',
    ]);
  });

  it('refuses --stdin-filename without --stdin (exit 2)', () => {
    const run = runCli(['--stdin-filename', 'policy.yaml'], { cwd: tempDir({ 'policy.yaml': ALIGNED }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--stdin-filename names the text read with --stdin');
  });
});

describe('--max-warnings -1', () => {
  it('means no limit, as in ESLint; other negative numbers are refused', () => {
    const dir = tempDir({ 'policy.yaml': FLAT_PLAN });
    const warn = ['--rule', 'flat-commission=warning'];
    expect(runCli([...warn, '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    const unlimited = runCli([...warn, '--max-warnings', '-1'], { cwd: dir });
    expect(unlimited.code).toBe(0);
    expect(unlimited.stdout).toContain('flat-commission');
    const bad = runCli([...warn, '--max-warnings', '-2'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('or -1 for no limit');
  });
});

describe('the Node.js floor in package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };

  it('is where require() of this ES module package works: Node 20.19 (or 22.12), not 20.0', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    const require = (flags: string[]) =>
      spawnSync(process.execPath, [...flags, '-e', 'process.stdout.write(typeof require("incentive-lint").lint)'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    expect(require([]).stdout).toBe('function');
    // Before 20.19, Node had no require() of ES modules: this flag restores that behavior.
    const older = require(['--no-experimental-require-module']);
    expect(older.status).not.toBe(0);
    expect(older.stderr).toContain('ERR_REQUIRE_ESM');
  });
});
