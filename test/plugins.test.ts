import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { FLAT_PLAN, lineOf, STARTER } from './config-helpers.js';
import { EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';

const API = pathToFileURL(path.join(ROOT, 'dist', 'src', 'index.js')).href;

/** A worker thread can take more than the default 5 s to start while the whole suite loads both cores; these tests are about findings, not the timeout. */
const UNDER_LOAD_MS = 60_000;

/** A plugin file reporting every compensation plan, built with the package's own defineRule. */
const PLAN_COUNTER = (id: string, importFrom: string) => `import { defineRule, z } from '${importFrom}';
export default defineRule({
  meta: {
    id: '${id}',
    category: 'integrity',
    severity: 'warning',
    summary: 'Reports every compensation plan',
    rationale: 'A test rule.',
    source: 'test',
    options: z.object({ prefix: z.string().default('plan') }),
  },
  check({ index, options, report }) {
    for (const instrument of index.instruments) {
      if (instrument.lever === 'compensation') report({ node: instrument.node, message: options.prefix + ' ' + instrument.id, fix: 'none' });
    }
  },
});
`;

interface JsonReport {
  findings: { rule: string; severity: string; line: number; message: string }[];
}

const rulesOf = (stdout: string, prefix = '') =>
  (JSON.parse(stdout) as JsonReport).findings
    .filter((f) => f.rule.startsWith(prefix))
    .map((f) => `${f.rule} ${f.severity} ${f.line} ${f.message}`);

describe('plugins', () => {
  it('examples/plugins loads its rule through its config and reports the SPIFF on smb', () => {
    const folder = path.join(EXAMPLES, 'plugins');
    const run = runCli(['--format', 'json'], { cwd: folder });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const policy = fs.readFileSync(path.join(folder, 'policy.yaml'), 'utf8');
    const smbLine =
      policy.split('\n').findIndex((line, index) => index > lineOf(policy, 'id: spiff-q3-blitz') && line.includes('segment: smb')) + 1;
    expect(rulesOf(run.stdout, 'acme/')).toEqual([
      `acme/no-spiff-on-smb error ${smbLine} SPIFF spiff-q3-blitz pays 1% on new-arr in smb, a segment the strategy deprioritizes: the contest rewards the old strategy.`,
    ]);
  });

  it('loads a rule from a file, relative to the config file, with options from the config', () => {
    const dir = tempDir({
      'incentive-lint.config.yaml': 'plugins: [./rules/plan-counter.mjs]\nrules:\n  team/plan-counter: [error, { prefix: counted }]\n',
      'rules/plan-counter.mjs': PLAN_COUNTER('team/plan-counter', API),
      'policies/policy.yaml': STARTER,
    });
    const run = runCli(['--format', 'json', 'policies'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(rulesOf(run.stdout, 'team/')).toEqual([
      `team/plan-counter error ${lineOf(STARTER, 'id: ae-2026')} counted ae-2026`,
      `team/plan-counter error ${lineOf(STARTER, 'id: cs-2026')} counted cs-2026`,
    ]);
  });

  it('loads an ESM-only npm package from node_modules beside the config', () => {
    const dir = tempDir({
      'incentive-lint.config.yaml': 'plugins: [acme-incentive-rules]\n',
      'node_modules/acme-incentive-rules/package.json': JSON.stringify({
        name: 'acme-incentive-rules',
        type: 'module',
        exports: { import: './index.js' },
      }),
      'node_modules/acme-incentive-rules/index.js': PLAN_COUNTER('acme/plan-counter', 'incentive-lint'),
      'policy.yaml': STARTER,
    });
    // The package imports defineRule from incentive-lint, as a published plugin would.
    fs.symlinkSync(ROOT, path.join(dir, 'node_modules', 'incentive-lint'), 'dir');
    const run = runCli(['--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(rulesOf(run.stdout, 'acme/')).toEqual([
      `acme/plan-counter warning ${lineOf(STARTER, 'id: ae-2026')} plan ae-2026`,
      `acme/plan-counter warning ${lineOf(STARTER, 'id: cs-2026')} plan cs-2026`,
    ]);
  });

  it('reports a plugin that fails to load with its place and cause; the other rules still run; exit 2', () => {
    const dir = tempDir({
      'incentive-lint.config.yaml':
        'plugins:\n  - ./missing.js\n  - ./broken.mjs\n  - not-installed-plugin\n  - ./plain.mjs\nrules:\n  acme/from-broken: error\n',
      'broken.mjs': 'export default {;\n',
      'plain.mjs':
        "export default { meta: { id: 'no-namespace', category: 'integrity', severity: 'error', summary: 's', rationale: 'r', source: 's' }, check() {} };\n",
      'policy.yaml': FLAT_PLAN,
    });
    const run = runCli(['--format', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(rulesOf(run.stdout, 'flat-commission')).toHaveLength(1);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error '));
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe(
      `error incentive-lint.config.yaml:2:5: plugin ./missing.js: could not be loaded: no such file: ${path.join(dir, 'missing.js')}; its rules do not run, so this run cannot be trusted`,
    );
    expect(errors[1]).toMatch(
      /^error incentive-lint\.config\.yaml:3:5: plugin \.\/broken\.mjs: could not be loaded: .+; its rules do not run/,
    );
    expect(errors[2]).toContain(
      'incentive-lint.config.yaml:4:5: plugin not-installed-plugin: could not be loaded: cannot find package "not-installed-plugin"',
    );
    expect(errors[3]).toBe(
      'error incentive-lint.config.yaml:5:5: plugin ./plain.mjs: rule no-namespace: plugin rule ids are namespaced, such as acme/no-namespace: rename it to <your-namespace>/no-namespace; its rules do not run, so this run cannot be trusted',
    );
    expect(run.stderr).toContain('4 problems: some rules did not run, so the findings are incomplete (exit 2)');
  });

  it('a rule that throws is reported with its id and cause; the other rules still report; exit 2', async () => {
    const dir = tempDir({
      'incentive-lint.config.yaml': 'plugins: [./throws.mjs]\n',
      'throws.mjs': `import { defineRule } from '${API}';
export default [defineRule({
  meta: { id: 'acme/throws', category: 'integrity', severity: 'error', summary: 's', rationale: 'r', source: 's' },
  check({ policy }) { return policy.compensation[0].missing.field; },
})];
`,
      'policy.yaml': FLAT_PLAN,
    });
    const run = runCli([], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('flat-commission');
    expect(run.stderr).toContain(
      "error rule acme/throws failed: Cannot read properties of undefined (reading 'field'); its findings are left out, so this run cannot be trusted",
    );

    const result = await lint(['policy.yaml'], { cwd: dir, today: '2026-06-01' });
    expect(result.findings.map((f) => f.rule)).toContain('flat-commission');
    expect(result.diagnostics.map((d) => [d.source, d.message.slice(0, 25)])).toEqual([['rule', 'rule acme/throws failed: ']]);
  });

  it('a second rule with an id already taken is refused; the first still runs', async () => {
    const dir = tempDir({
      'incentive-lint.config.yaml': 'plugins: [./clash.mjs]\n',
      'clash.mjs': PLAN_COUNTER('acme/plan-counter', API)
        .replace('export default defineRule({', 'const rule = defineRule({')
        .replace(/\}\);\n$/, '});\nexport default [rule, rule];\n'),
      'policy.yaml': STARTER,
    });
    const result = await lint(['policy.yaml'], { cwd: dir, today: '2026-06-01', ruleTimeoutMs: UNDER_LOAD_MS });
    expect(result.findings.map((f) => f.rule)).toEqual(['acme/plan-counter', 'acme/plan-counter']);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'plugin ./clash.mjs: rule acme/plan-counter is already defined by plugin ./clash.mjs: give it another id; its rules do not run, so this run cannot be trusted',
    ]);
  });
});

describe("a plugin rule's edits and message ids (from its worker thread)", () => {
  /** Reports the smb commission line of the starter and suggests paying it as enterprise does. */
  const SEGMENT_MOVER = `import { defineRule } from '${API}';
export default defineRule({
  meta: { id: 'acme/smb-line', category: 'integrity', severity: 'error', summary: 'An smb line', rationale: 'A test rule.', source: 'test', messages: { paysSmb: 'pays {{segment}} on {{metric}}' } },
  check({ index, report }) {
    for (const instrument of index.instruments)
      for (const reward of index.rewardsOf(instrument))
        if (reward.segment === 'smb') report({ node: reward.node, messageId: 'paysSmb', data: { segment: reward.segment, metric: reward.metric }, fix: 'pay it on enterprise', edits: [{ set: { node: reward.node, key: 'segment', value: 'enterprise' }, safety: 'safe' }] });
  },
});
`;

  it("reach the JSON report (the message filled from its template, with its id) and incentive-lint fix, which applies the edits as it does the built-in rules'", () => {
    const dir = tempDir({
      'incentive-lint.config.yaml': 'plugins: [./rules/smb-line.mjs]\nrules:\n  acme/smb-line: error\n',
      'rules/smb-line.mjs': SEGMENT_MOVER,
      'policy.yaml': STARTER,
    });
    const lintRun = runCli(['--format', 'json', '--rule-timeout', String(UNDER_LOAD_MS), 'policy.yaml'], { cwd: dir });
    const findings = (
      JSON.parse(lintRun.stdout) as {
        findings: { rule: string; message: string; messageId?: string; edits?: { text: string; safety: string }[] }[];
      }
    ).findings.filter((finding) => finding.rule === 'acme/smb-line');
    expect(findings.map((finding) => [finding.messageId, finding.message])).toEqual([['paysSmb', 'pays smb on new-arr']]);
    expect(findings.map((finding) => finding.edits?.map((edit) => `${edit.safety} ${edit.text}`))).toEqual([['safe enterprise']]);
    const fixRun = runCli(['fix', '--rule-timeout', String(UNDER_LOAD_MS), 'policy.yaml'], { cwd: dir });
    expect(fixRun.stderr).toMatch(/^changed 1 file \(1 edit\): policy\.yaml;/);
    const fixed = fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8');
    expect(fixed).toBe(
      STARTER.replace('{ metric: new-arr, segment: smb, rate: "5%" }', '{ metric: new-arr, segment: enterprise, rate: "5%" }'),
    );
  });
});
