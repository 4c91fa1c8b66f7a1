/**
 * The goalposts as a user turns them on: `extends: goalposts` in the configuration runs them beside
 * the recommended rules; `recommended`, `strict` and the gate leave them off; and where two rules
 * see one capped quota, one finding stands.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { policyWith, ROOT, runCli, tempDir } from './helpers.js';

const GOALPOSTS = ['share-at-quota', 'share-earning-nothing', 'p90-pay-multiple', 'cap-below-p90', 'no-upside-on-favored', 'pay-mix'];

/** One enterprise plan (the base policy favors enterprise, 210-day cycles) with this variable share and curve. */
function policy(variableShare: number, curve: string): string {
  return policyWith(`compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    rationale: Enterprise-first
    ote: 240000
    variable_share: ${variableShare}
    quotas:
      - { metric: enterprise-arr, segment: enterprise, amount: 1200000 }
    curve:
${curve}
`);
}

interface JsonReport {
  findings: { rule: string; severity: string; line: number }[];
}

function lintWith(config: string | undefined, text: string) {
  const dir = tempDir({ 'policy.yaml': text, ...(config === undefined ? {} : { 'incentive-lint.config.yaml': config }) });
  const run = runCli(['--format', 'json', '--today', '2026-06-01', 'policy.yaml'], { cwd: dir });
  expect(run.stderr).toBe('');
  return { code: run.code, findings: (JSON.parse(run.stdout) as JsonReport).findings.map((finding) => [finding.rule, finding.severity]) };
}

// Threshold 80%: about 23% of the modelled force earns nothing. Cap at 130%: about 19% reach it, above the 90th percentile's
// 146%. No accelerator: the 90th percentile earns 1.3× target (capped). 50% variable on 210-day deals.
const MISSES_EVERY_GOALPOST = policy(0.5, '      threshold: 0.8\n      cap: { attainment: 1.3 }');

describe('the goalposts preset', () => {
  it('extends: goalposts reports each goalpost the plan misses, beside the recommended rules', () => {
    const { code, findings } = lintWith('extends: goalposts\n', MISSES_EVERY_GOALPOST);
    expect(code).toBe(1);
    expect(findings.filter(([rule]) => GOALPOSTS.includes(rule!))).toEqual([
      ['pay-mix', 'warning'],
      ['p90-pay-multiple', 'warning'],
      ['share-earning-nothing', 'warning'],
      ['cap-below-p90', 'error'],
    ]);
    // cap-on-favored sees the same cap and defers to the goalpost, which says how much of the force it stops.
    expect(findings.map(([rule]) => rule)).not.toContain('cap-on-favored');
  });

  it('recommended and strict leave every goalpost off; the static cap-on-favored still reports the cap', () => {
    for (const config of [undefined, 'extends: recommended\n', 'extends: strict\n']) {
      const { findings } = lintWith(config, MISSES_EVERY_GOALPOST);
      expect(
        findings.filter(([rule]) => GOALPOSTS.includes(rule!)),
        config,
      ).toEqual([]);
      expect(
        findings.map(([rule]) => rule),
        config,
      ).toContain('cap-on-favored');
    }
  });

  it('a single goalpost can be turned on by name, at the severity given', () => {
    const { findings } = lintWith('rules:\n  pay-mix: error\n', MISSES_EVERY_GOALPOST);
    expect(findings.filter(([rule]) => GOALPOSTS.includes(rule!))).toEqual([['pay-mix', 'error']]);
  });

  it('a favored quota capped at quota is one finding, no-upside-on-favored, not three', () => {
    const { findings } = lintWith(
      'extends: goalposts\n',
      policy(0.4, '      tiers: [{ from: 0.5, multiplier: 1 }]\n      cap: { attainment: 1 }'),
    );
    expect(findings.filter(([rule]) => ['no-upside-on-favored', 'cap-below-p90', 'cap-on-favored'].includes(rule!))).toEqual([
      ['no-upside-on-favored', 'error'],
    ]);
  });

  it('--print-config says where each goalpost setting comes from', () => {
    const dir = tempDir({ 'incentive-lint.config.yaml': 'extends: goalposts\n' });
    const goalposts = JSON.parse(runCli(['--print-config'], { cwd: dir }).stdout).rules;
    expect(goalposts['cap-below-p90']).toMatchObject({ severity: 'error', severityFrom: 'rule default', options: { percentile: 0.9 } });
    expect(goalposts['flat-commission']).toMatchObject({ severity: 'error' });
    const recommended = JSON.parse(runCli(['--print-config', '--no-config'], { cwd: dir }).stdout).rules;
    expect(recommended['cap-below-p90']).toMatchObject({ severity: 'off', severityFrom: 'extends: recommended' });
  });

  it("judges the force simulate --population prints: one default distribution and seed, so the rule's figure is the command's", () => {
    const dir = tempDir({ 'policy.yaml': MISSES_EVERY_GOALPOST, 'incentive-lint.config.yaml': 'extends: goalposts\n' });
    const simulated = JSON.parse(runCli(['simulate', '--population', '--format', 'json', 'policy.yaml'], { cwd: dir }).stdout) as {
      plans: { plan: string; shareEarningNothing: number; pay: { p90: number } }[];
    };
    const [plan] = simulated.plans;
    const lint = JSON.parse(runCli(['--format', 'json', '--today', '2026-06-01', 'policy.yaml'], { cwd: dir }).stdout) as {
      findings: { rule: string; message: string }[];
    };
    const message = (rule: string) => lint.findings.find((finding) => finding.rule === rule)!.message;
    // The share is shown rounded up to the whole percent, as "more than 5%" reads.
    expect(message('share-earning-nothing')).toContain(
      `${Math.ceil(plan!.shareEarningNothing * 100)}% of plan ae-2026's sellers earn no incentive`,
    );
    expect(message('p90-pay-multiple')).toContain(` ${Math.round(plan!.pay.p90).toLocaleString('en-US')}, `);
  });

  it('the gate does not turn the goalposts on: its go / no-go never rests on the modelled force', () => {
    const dir = tempDir({ 'policy.yaml': MISSES_EVERY_GOALPOST });
    const run = runCli(['gate', '--format', 'json', '--today', '2026-02-01', 'policy.yaml'], { cwd: dir });
    const rules = [...run.stdout.matchAll(/"rule":"([^"]+)"/g)].map((match) => match[1]);
    expect(rules).toContain('cap-on-favored');
    expect(rules.filter((rule) => GOALPOSTS.includes(rule!))).toEqual([]);
  });
});

/** A plugin goalpost: it reads the sales force the built-in rules read, runs only under the goalposts preset, and reports one step milder. */
const PLUGIN = `import { defineRule } from '${pathToFileURL(path.join(ROOT, 'dist', 'src', 'index.js')).href}';
export default defineRule({
  meta: {
    id: 'acme/median-pay', category: 'goalposts', severity: 'error', presets: ['goalposts'],
    summary: 'Says what the median seller earns', rationale: 'A test rule.', source: 'test',
  },
  check({ index, population, report }) {
    for (const plan of index.policy.compensation) {
      const force = population.of(plan);
      if (force) report({ node: plan, milder: true, message: 'median ' + Math.round(force.pay.p50) + ' of ' + force.sellers + ' ' + force.source, fix: 'none' });
    }
  },
});
`;

describe('a plugin goalpost', () => {
  /** A worker thread can take long to start while the suite loads both cores. */
  const UNDER_LOAD_MS = 60_000;

  it(
    'reads the same sales force in its worker, is off under recommended, and reports one step milder under the preset',
    () => {
      const roster = `roster:\n${[0.5, 1, 1.5].map((attainment, position) => `  - { person: Seller ${position + 1}, team: sales, plan: ae-2026, attainment: ${attainment} }`).join('\n')}\n`;
      const text = `${MISSES_EVERY_GOALPOST}${roster}`;
      const plugin = { 'rules/median.mjs': PLUGIN };
      const on = tempDir({
        ...plugin,
        'policy.yaml': text,
        'incentive-lint.config.yaml': 'extends: goalposts\nplugins: [./rules/median.mjs]\n',
      });
      const off = tempDir({ ...plugin, 'policy.yaml': text, 'incentive-lint.config.yaml': 'plugins: [./rules/median.mjs]\n' });
      const findings = (dir: string) => {
        const run = runCli(['--format', 'json', '--today', '2026-06-01', 'policy.yaml'], { cwd: dir });
        expect(run.stderr).toBe('');
        return (JSON.parse(run.stdout) as { findings: { rule: string; severity: string; message: string }[] }).findings
          .filter((finding) => finding.rule.startsWith('acme/'))
          .map((finding) => [finding.severity, finding.message]);
      };
      // The roster's three sellers at 50%, 100% and 150%, below the 80% threshold, at quota, and capped at 130%: 0, 120,000, 156,000.
      expect(findings(on)).toEqual([['warning', 'median 120000 of 3 roster']]);
      expect(findings(off)).toEqual([]);
    },
    UNDER_LOAD_MS,
  );
});
