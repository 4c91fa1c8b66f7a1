import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLAT_PLAN } from './config-helpers.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const API = pathToFileURL(path.join(ROOT, 'dist', 'src', 'index.js')).href;

/** A plugin module with one rule per misbehaviour, and one well-behaved rule beside them. */
const PLUGIN = `import { defineRule } from '${API}';
const meta = (id) => ({ id: 'acme/' + id, category: 'integrity', severity: 'error', summary: 's', rationale: 'r', source: 's' });
export default [
  defineRule({ meta: meta('good'), check({ policy, report }) {
    report({ node: policy.compensation[0], key: 'id', message: 'first plan seen', fix: 'nothing to do' });
  } }),
  defineRule({ meta: meta('throws'), check() { throw new Error('boom'); } }),
  defineRule({ meta: meta('no-node'), check({ report }) { report({ message: 'where?', fix: 'somewhere' }); } }),
  defineRule({ meta: meta('foreign-node'), check({ report }) { report({ node: { id: 'x' }, message: 'elsewhere', fix: 'f' }); } }),
  defineRule({ meta: meta('number-message'), check({ policy, report }) { report({ node: policy.compensation[0], message: 42, fix: 'f' }); } }),
  defineRule({ meta: meta('endless'), check() { for (;;) {} } }),
];
`;

describe('plugin rules are isolated', () => {
  it('throwing, garbage-reporting and endless rules are reported by id; the others still report; exit 2', () => {
    const dir = tempDir({ 'incentive-lint.config.yaml': 'plugins: [./acme.mjs]\n', 'acme.mjs': PLUGIN, 'policy.yaml': FLAT_PLAN });
    const run = runCli(['--rule-timeout', '1500', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] };
    expect(report.findings.filter((f) => f.rule.startsWith('acme/'))).toMatchObject([{ rule: 'acme/good', message: 'first plan seen' }]);
    expect(report.findings.some((f) => f.rule === 'flat-commission')).toBe(true);
    const problems = run.stderr.split('\n').filter((line) => line.startsWith('error rule '));
    expect(problems).toEqual([
      'error rule acme/throws failed: boom; its findings are left out, so this run cannot be trusted',
      'error rule acme/no-node failed: report() needs the node of the policy the finding is about; its findings are left out, so this run cannot be trusted',
      'error rule acme/foreign-node failed: report() was given a node that is not part of the policy; its findings are left out, so this run cannot be trusted',
      'error rule acme/number-message failed: report() needs a non-empty message string; its findings are left out, so this run cannot be trusted',
      'error rule acme/endless failed: did not finish within 1500 ms (raise --rule-timeout if it is only slow); its findings are left out, so this run cannot be trusted',
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a plugin finding names the priorities it works against, across the worker (only strings cross)', () => {
    const plugin = `import { defineRule } from '${API}';
export default defineRule({ meta: { id: 'acme/against', category: 'strategic-alignment', severity: 'warning', summary: 's', rationale: 'r', source: 's' },
  check({ policy, report }) { report({ node: policy.compensation[0], key: 'id', priorities: ['enterprise-growth', 42], message: 'against', fix: 'change it' }); } });
`;
    const dir = tempDir({ 'incentive-lint.config.yaml': 'plugins: [./acme.mjs]\n', 'acme.mjs': plugin, 'policy.yaml': FLAT_PLAN });
    const run = runCli(['--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { findings: { rule: string; priorities?: string[] }[] };
    expect(report.findings.find((finding) => finding.rule === 'acme/against')?.priorities).toEqual(['enterprise-growth']);
  });

  it('--rule-timeout takes a whole number of milliseconds', () => {
    const run = runCli(['--rule-timeout', 'soon', 'examples/aligned.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('write a whole number of milliseconds, such as --rule-timeout 5000');
  });
});
