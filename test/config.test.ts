import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule, lint, resolveConfig } from '../src/index.js';
import { FLAT_PLAN, lineOf, STARTER } from './config-helpers.js';
import { runCli, tempDir } from './helpers.js';

interface JsonReport {
  findings: { rule: string; severity: string; line: number; column: number; message: string }[];
  summary: { errors: number; warnings: number; infos: number; files: number };
}

const lintJson = (args: string[], cwd: string) => {
  const run = runCli(['--format', 'json', ...args], { cwd });
  return { ...run, report: run.stdout ? (JSON.parse(run.stdout) as JsonReport) : undefined };
};

describe('configuration file discovery', () => {
  it('finds incentive-lint.config.yaml in a folder above the current one', () => {
    const dir = tempDir({
      'incentive-lint.config.yaml': 'rules:\n  flat-commission: warning\n',
      'policies/q3/policy.yaml': FLAT_PLAN,
    });
    const run = lintJson([], path.join(dir, 'policies', 'q3'));
    expect(run.code).toBe(0);
    expect(run.report!.findings.map((f) => [f.rule, f.severity])).toEqual([['flat-commission', 'warning']]);
  });

  it('also reads .incentive-lint.yaml, and never lints the config file as a policy', () => {
    const dir = tempDir({ '.incentive-lint.yaml': 'rules:\n  flat-commission: info\n', 'policy.yaml': FLAT_PLAN });
    const run = lintJson([], dir);
    expect(run.code).toBe(0);
    expect(run.report!.findings.map((f) => f.severity)).toEqual(['info']);
    expect(run.report!.summary.files).toBe(1);
  });

  it('uses the file given with --config instead of the one found, and none with --no-config', () => {
    const dir = tempDir({
      'incentive-lint.config.yaml': 'rules:\n  flat-commission: off\n',
      'ci/lenient.yaml': 'rules:\n  flat-commission: warning\n',
      'policy.yaml': FLAT_PLAN,
    });
    expect(lintJson([], dir).report!.findings).toEqual([]);
    expect(lintJson(['--config', 'ci/lenient.yaml', 'policy.yaml'], dir).report!.findings.map((f) => f.severity)).toEqual(['warning']);
    // A folder scan does not take the named config file for a YAML file to skip.
    expect(runCli(['--config', 'ci/lenient.yaml'], { cwd: dir }).stdout).not.toContain('skipped');
    const noConfig = lintJson(['--no-config'], dir);
    expect(noConfig.code).toBe(1);
    expect(noConfig.report!.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('skips the files matched by ignore globs, relative to the config file', () => {
    const dir = tempDir({
      'incentive-lint.config.yaml': 'ignore: ["drafts/**", "*.old.yaml"]\n',
      'policy.yaml': STARTER,
      'drafts/next.yaml': 'version: 1\nstrategy: { priorities: [] }\n',
      'archive/2025.old.yaml': 'version: 1\nstrategy: { priorities: [] }\n',
    });
    const run = lintJson([], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.report!.summary.files).toBe(1);
  });
});

describe('bad configuration: exit 2 with file, line, column and a suggestion', () => {
  const failWith = (config: string) => {
    const dir = tempDir({ 'incentive-lint.config.yaml': config, 'policy.yaml': FLAT_PLAN });
    const run = runCli([], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    return run.stderr.split('\n').filter((line) => line.startsWith('error '));
  };

  it('names an unknown rule id at its key', () => {
    expect(failWith('extends: recommended\nrules:\n  flat-comission: warning\n')).toEqual([
      'error incentive-lint.config.yaml:3:3: unknown rule "flat-comission"; did you mean "flat-commission"?',
    ]);
  });

  it('names a bad severity at its value', () => {
    expect(failWith('rules:\n  flat-commission: [warn, { min_ratio: 3 }]\n')).toEqual([
      'error incentive-lint.config.yaml:2:21: rule flat-commission: severity "warn" is not one of off, error, warning, info; did you mean "warning"?',
    ]);
  });

  it("checks options with the rule's own schema, and rejects options it does not have", () => {
    expect(failWith('rules:\n  flat-commission: [error, { min_ratio: -1 }]\n')).toEqual([
      'error incentive-lint.config.yaml:2:41: rule flat-commission: invalid options: min_ratio: Too small: expected number to be >0',
    ]);
    expect(failWith('rules:\n  flat-commission: [error, { min_ration: 3 }]\n')).toEqual([
      'error incentive-lint.config.yaml:2:30: rule flat-commission: invalid options: unknown option "min_ration"; did you mean "min_ratio"? (the options of flat-commission are min_ratio)',
    ]);
  });

  it('names an unknown key, a bad extends and YAML errors', () => {
    expect(failWith('extend: strict\n')).toEqual([
      'error incentive-lint.config.yaml:1:1: unknown key "extend" in the configuration: the keys are extends, rules, plugins, ignore; did you mean "extends"?',
    ]);
    expect(failWith('extends: strickt\n')).toEqual([
      'error incentive-lint.config.yaml:1:10: extends: "strickt" is not one of recommended, strict, goalposts; did you mean "strict"?',
    ]);
    expect(failWith('rules:\n  flat-commission: off\n  flat-commission: error\n')[0]).toMatch(
      /^error incentive-lint\.config\.yaml:3:3: duplicate key "flat-commission"/,
    );
  });

  it('reports a --config file that does not exist', () => {
    const dir = tempDir({ 'policy.yaml': FLAT_PLAN });
    const run = runCli(['--config', 'nope.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error nope.yaml: no such file or folder');
  });
});

describe('command-line overrides', () => {
  it('--rule sets a severity above the config file, and is checked like it', () => {
    const dir = tempDir({ 'incentive-lint.config.yaml': 'rules:\n  flat-commission: off\n', 'policy.yaml': FLAT_PLAN });
    const run = lintJson(['--rule', 'flat-commission=warning', '--rule', 'okr-old-priority=off'], dir);
    expect(run.code).toBe(0);
    expect(run.report!.findings.map((f) => [f.rule, f.severity])).toEqual([['flat-commission', 'warning']]);

    const typo = runCli(['--rule', 'flat-comission=error'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('error unknown rule "flat-comission" in --rule; did you mean "flat-commission"?');
    const malformed = runCli(['--rule', 'flat-commission'], { cwd: dir });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('write it as id=severity');
  });

  it('--max-warnings N exits 1 only when the warnings exceed N, with no errors', () => {
    const dir = tempDir({ 'policy.yaml': FLAT_PLAN });
    const warn = ['--rule', 'flat-commission=warning'];
    expect(runCli([...warn, '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    const over = runCli([...warn, '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warning, more than --max-warnings 0 allows (exit 1)');
    expect(runCli(['--max-warnings', 'many'], { cwd: dir }).code).toBe(2);
  });

  it('--quiet reports errors only, and still counts warnings for --max-warnings', () => {
    const text = FLAT_PLAN.replace('{ metric: defect-escape-rate, target: "< 2%" }', '{ metric: velocity, target: "+20%" }');
    const dir = tempDir({ 'policy.yaml': text });
    const loud = lintJson(['--rule', 'flat-commission=warning'], dir);
    expect(
      loud.report!.findings.map((f) => [f.rule, f.severity]).filter(([rule]) => rule === 'flat-commission' || rule === 'okr-old-priority'),
    ).toEqual([
      ['flat-commission', 'warning'],
      ['okr-old-priority', 'error'],
    ]);
    const quiet = lintJson(['--rule', 'flat-commission=warning', '--quiet'], dir);
    expect(quiet.code).toBe(1);
    expect(quiet.report!.findings.map((f) => f.rule)).toEqual(['okr-old-priority']);
    expect(quiet.report!.summary).toEqual({ errors: 1, warnings: 0, infos: 0, files: 1 });
    expect(
      runCli(['--rule', 'flat-commission=warning', '--rule', 'okr-old-priority=off', '--quiet', '--max-warnings', '0'], { cwd: dir }).code,
    ).toBe(1);
  });
});

describe('extends', () => {
  const warningRule = defineRule({
    meta: { id: 'test/always-warns', category: 'integrity', severity: 'warning', summary: 's', rationale: 'r', source: 'test' },
    check({ policy, report }) {
      report({ node: policy.strategy, message: 'a warning', fix: 'none' });
    },
  });

  it('strict turns every warning into an error; a severity written in the config still wins', async () => {
    const files = [{ path: 'policy.yaml', text: FLAT_PLAN }];
    const severities = async (options: Parameters<typeof lint>[1]) =>
      (await lint({ files }, { config: false, today: '2026-06-01', plugins: [warningRule], ...options })).findings.map(
        (f) => `${f.rule}:${f.severity}`,
      );
    expect(await severities({})).toEqual(['test/always-warns:warning', 'flat-commission:error']);
    expect(await severities({ extends: 'strict' })).toEqual(['test/always-warns:error', 'flat-commission:error']);
    expect(await severities({ extends: 'strict', rules: { 'test/always-warns': 'warning' } })).toEqual([
      'test/always-warns:warning',
      'flat-commission:error',
    ]);
    // infos stay infos
    expect(await severities({ extends: 'strict', rules: { 'test/always-warns': 'info' } })).toEqual([
      'test/always-warns:info',
      'flat-commission:error',
    ]);
  });

  it('a severity-only setting keeps the options given below it', async () => {
    const dir = tempDir({ 'incentive-lint.config.yaml': 'rules:\n  flat-commission: [error, { min_ratio: 3 }]\n' });
    const config = await resolveConfig({ cwd: dir, rules: { 'flat-commission': 'warning' }, rulesOrigin: '--rule' });
    const flat = config.rules.find((entry) => entry.rule.meta.id === 'flat-commission')!;
    expect(flat).toMatchObject({
      severity: 'warning',
      severityFrom: '--rule',
      options: { min_ratio: 3 },
      optionsFrom: 'incentive-lint.config.yaml:2:28',
    });
  });
});

describe('--print-config', () => {
  it("prints every rule's severity and options, and where each came from", () => {
    const dir = tempDir({ 'incentive-lint.config.yaml': 'extends: strict\nrules:\n  flat-commission: [warning, { min_ratio: 3 }]\n' });
    const run = runCli(['--print-config', '--rule', 'okr-old-priority=off'], { cwd: dir });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.configFile).toBe('incentive-lint.config.yaml');
    expect(printed.extends).toEqual({ value: 'strict', from: 'incentive-lint.config.yaml:1:10' });
    expect(printed.rules['flat-commission']).toEqual({
      severity: 'warning',
      severityFrom: 'incentive-lint.config.yaml:3:3',
      options: { min_ratio: 3 },
      optionsFrom: 'incentive-lint.config.yaml:3:30',
    });
    expect(printed.rules['okr-old-priority']).toEqual({
      severity: 'off',
      severityFrom: '--rule',
      options: {},
      optionsFrom: 'rule default',
    });
    expect(printed.rules['recognition-mismatch']).toMatchObject({ severity: 'error', severityFrom: 'rule default' });
    expect(printed.rules['unused-suppression']).toMatchObject({ severity: 'error', severityFrom: 'extends: strict' });
  });

  it('prints the defaults with no config file', () => {
    const dir = tempDir({});
    const printed = JSON.parse(runCli(['--print-config', '--no-config'], { cwd: dir }).stdout);
    expect(printed.configFile).toBeNull();
    expect(printed.extends).toEqual({ value: 'recommended', from: 'default' });
    expect(printed.rules['flat-commission']).toEqual({
      severity: 'error',
      severityFrom: 'rule default',
      options: { min_ratio: 2 },
      optionsFrom: 'rule default',
    });
    expect(printed.rules['suppression-reason']).toMatchObject({ severity: 'off', severityFrom: 'extends: recommended' });
  });
});

describe('lint() on texts in memory', () => {
  it('lints {files} without reading policy files from disk', async () => {
    const dir = tempDir({});
    const result = await lint(
      { files: [{ path: 'plans/not-on-disk.yaml', text: FLAT_PLAN }] },
      { cwd: dir, config: false, today: '2026-06-01' },
    );
    expect(fs.existsSync(path.join(dir, 'plans'))).toBe(false);
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toEqual(['plans/not-on-disk.yaml']);
    expect(result.findings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['flat-commission', 'plans/not-on-disk.yaml', lineOf(FLAT_PLAN, 'segment: smb, rate')],
    ]);
  });
});
