import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../src/api.js';
import { runGate } from '../src/gate/run.js';
import { policyWith, runCli, tempDir } from './helpers.js';

interface GateJson {
  verdict: 'go' | 'no-go';
  announce: string;
  steps: {
    number: number;
    id: string;
    status: 'pass' | 'fail';
    findings: { rule: string; severity: string; message: string; line: number; column: number }[];
  }[];
  blocking: { rule: string }[];
  waivers: { rule: string; target: string; approved_by: string; expires: string; reason: string; findings: { rule: string }[] }[];
}

/** Every lever rewards enterprise, nothing rewards smb or velocity, every instrument is dated and explained. */
const READY = policyWith(`compensation:
  - id: ae-2026
    team: sales
    effective: 2026-02-16
    variable_share: 0.5
    commission:
      - { metric: enterprise-arr, segment: enterprise, rate: "10%" }
    clawback: { months: 6 }
    rationale: Enterprise deals carry the commission now; SMB deals no longer do.
okrs:
  - id: eng-2026-h1
    team: engineering
    effective: 2026-02-16
    key_results:
      - { metric: enterprise-arr, segment: enterprise, target: "+30%" }
      - { metric: defect-rate, target: "< 2%" }
    rationale: Engineering is measured on enterprise revenue it enables, and on quality.
promotions:
  - id: eng-ladder
    team: engineering
    effective: 2026-02-16
    criteria:
      - { text: Ships what enterprise customers buy, metric: enterprise-arr, segment: enterprise }
    rationale: Promotions reward enterprise impact.
recognition:
  - id: all-hands
    effective: 2026-02-16
    awards:
      - { text: First enterprise deal of the quarter, metric: enterprise-arr, segment: enterprise, teams: [sales, engineering] }
    rationale: We celebrate enterprise wins.
`);

/** Flat commission, a velocity OKR, an SMB award: steps 1, 3 and 4 fail; every instrument is explained, so step 2 passes. */
const UNREADY = policyWith(`compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    commission:
      - { metric: new-arr, segment: enterprise, rate: "8%" }
      - { metric: new-arr, segment: smb, rate: "8%" }
    rationale: FY26 plan.
okrs:
  - id: eng-2026-q1
    team: engineering
    effective: 2026-01-01
    key_results:
      - { metric: velocity, target: "+20%" }
    rationale: Ship faster.
promotions:
  - id: eng-ladder
    team: engineering
    effective: 2026-01-01
    criteria:
      - { text: Ships what enterprise customers buy, metric: enterprise-arr }
    rationale: Promotions reward enterprise impact.
recognition:
  - id: all-hands
    effective: 2026-01-01
    awards:
      - { text: Top SMB closer, metric: new-arr, segment: smb, teams: [sales] }
    rationale: Celebrate the top closer.
`);

const WAIVER = `waivers:
  - rule: flat-commission
    target: ae-2026
    reason: Enterprise motion starts in Q3; plan changes with the Q3 cycle.
    approved_by: CRO
    expires: 2026-09-30
`;

function gateJson(text: string, ...args: string[]) {
  const dir = tempDir({ 'policy.yaml': text });
  const run = runCli(['gate', 'policy.yaml', '--format', 'json', '--today', '2026-06-01', ...args], { cwd: dir });
  return { ...run, dir, report: run.code === 2 ? undefined : (JSON.parse(run.stdout) as GateJson) };
}

const rulesOf = (step: GateJson['steps'][number]) => [...new Set(step.findings.map((finding) => finding.rule))];

describe('incentive-lint gate', () => {
  it('says go (exit 0) for a policy ready to announce, every step passing', () => {
    const { code, report } = gateJson(READY);
    expect(code).toBe(0);
    expect(report!.verdict).toBe('go');
    expect(report!.announce).toBe('2026-03-02');
    expect(report!.steps.map((step) => [step.number, step.id, step.status, step.findings.length])).toEqual([
      [1, 'incentives-updated', 'pass', 0],
      [2, 'changes-explained', 'pass', 0],
      [3, 'priorities-rewarded', 'pass', 0],
      [4, 'recognition-reinforces', 'pass', 0],
    ]);
    expect(report!.blocking).toEqual([]);
  });

  it('reads the nearest configuration as lint does, and none with --no-config', () => {
    const dir = tempDir({ 'policy.yaml': READY, 'incentive-lint.config.yaml': 'rules:\n  not-a-rule: error\n' });
    const withConfig = runCli(['gate', 'policy.yaml', '--format', 'json', '--today', '2026-06-01'], { cwd: dir });
    expect(withConfig.code).toBe(2);
    expect(withConfig.stderr).toContain('error incentive-lint.config.yaml:2:3: unknown rule "not-a-rule"');
    const run = runCli(['gate', 'policy.yaml', '--format', 'json', '--today', '2026-06-01', '--no-config'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as GateJson).verdict).toBe('go');
  });

  it('says no-go (exit 1) for an unready policy, with the findings behind each failing step', () => {
    const { code, report } = gateJson(UNREADY);
    expect(code).toBe(1);
    expect(report!.verdict).toBe('no-go');
    const [updated, explained, rewarded, recognized] = report!.steps;
    expect([updated!.status, explained!.status, rewarded!.status, recognized!.status]).toEqual(['fail', 'pass', 'fail', 'fail']);
    expect(rulesOf(updated!)).toEqual(expect.arrayContaining(['flat-commission', 'okr-old-priority']));
    expect(rulesOf(recognized!)).toEqual(['recognition-mismatch']);
    expect(rewarded!.findings.filter((finding) => finding.rule === 'lever-coverage')).toEqual([
      {
        rule: 'lever-coverage',
        severity: 'error',
        line: 7,
        column: 11,
        message:
          'Priority enterprise-growth is rewarded by no OKR set and no recognition program: teams are told it matters but are not measured or recognized for it.',
        fix: 'reward enterprise-arr or enterprise in an OKR set and a recognition program',
        file: 'policy.yaml',
      },
    ]);
    for (const step of report!.steps) for (const finding of step.findings) expect(finding.severity).toBe('error');
  });

  it('judges lever coverage by the teams a priority concerns: one plan for sales does not make pay a lever every priority needs', () => {
    const policy = `version: 1
strategy:
  announced: 2026-03-02
  priorities:
    - id: enterprise-growth
      favor: { metrics: [enterprise-arr] }
    - id: reliability
      favor: { metrics: [uptime] }
      deprioritize: { metrics: [velocity] }
teams:
  - { id: sales, kind: revenue }
  - { id: engineering, kind: non-revenue }
  - { id: support, kind: non-revenue }
metrics:
  - { id: enterprise-arr, type: outcome, perspective: financial }
  - { id: uptime, type: quality, perspective: customer }
  - { id: velocity, type: speed, perspective: internal }
  - { id: csat, type: quality, perspective: customer }
compensation:
  - id: ae-2026
    team: sales
    effective: 2026-02-16
    commission: [{ metric: enterprise-arr, rate: "10%" }]
    clawback: { months: 6 }
    rationale: Enterprise revenue carries the commission.
okrs:
  - id: eng-2026
    team: engineering
    effective: 2026-02-16
    key_results: [{ metric: uptime, target: "99.95%" }]
    rationale: Reliability first.
  - id: support-2026
    team: support
    effective: 2026-02-16
    key_results: [{ metric: csat, target: "90%" }]
    rationale: Happy customers.
`;
    const coverage = (text: string) =>
      gateJson(text)
        .report!.steps[2]!.findings.filter((finding) => finding.rule === 'lever-coverage')
        .map((finding) => finding.message);
    expect(coverage(policy)).toEqual([]);
    // An OKR set for sales brings the OKR lever to the teams enterprise-growth concerns.
    const salesOkrs = `  - id: sales-2026
    team: sales
    effective: 2026-02-16
    key_results: [{ metric: csat, target: "90%" }]
    rationale: Happy customers.
`;
    expect(coverage(policy + salesOkrs)).toEqual([
      'Priority enterprise-growth is rewarded by no OKR set: teams are told it matters but are not measured for it.',
    ]);
  });

  it('accepts a waiver of lever-coverage that names the priority, and lint knows the id', () => {
    const waiver = `waivers:
  - rule: lever-coverage
    target: enterprise-growth
    reason: Recognition for enterprise-growth starts with the Q3 awards; OKRs follow in H2.
    approved_by: CEO
    expires: 2026-12-31
`;
    const { report } = gateJson(UNREADY + waiver);
    expect(report!.steps[2]!.findings.filter((finding) => finding.rule === 'lever-coverage')).toEqual([]);
    expect(report!.waivers.map((use) => [use.rule, use.target, use.findings.map((finding) => finding.rule)])).toEqual([
      ['lever-coverage', 'enterprise-growth', ['lever-coverage']],
    ]);
    const dir = tempDir({ 'policy.yaml': UNREADY + waiver });
    const lintRun = runCli(['policy.yaml', '--today', '2026-06-01', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(lintRun.stdout) as { findings: Array<{ rule: string }> }).findings.map((finding) => finding.rule)).not.toContain(
      'unknown-reference',
    );
  });

  it('honors a current waiver and lists it with its owner and expiry', () => {
    const { report } = gateJson(UNREADY + WAIVER);
    expect(report!.steps[0]!.findings.map((finding) => finding.rule)).not.toContain('flat-commission');
    expect(report!.waivers).toEqual([
      {
        rule: 'flat-commission',
        target: 'ae-2026',
        reason: 'Enterprise motion starts in Q3; plan changes with the Q3 cycle.',
        approved_by: 'CRO',
        expires: '2026-09-30',
        findings: [expect.objectContaining({ rule: 'flat-commission', line: 29, instrument: 'ae-2026' })],
      },
    ]);
  });

  it('blocks on an integrity error outside the steps', () => {
    const { code, report } = gateJson(
      READY.replace('- { metric: defect-rate, target: "< 2%" }', '- { metric: defect-rat, target: "< 2%" }'),
    );
    expect(code).toBe(1);
    expect(report!.steps.map((step) => step.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(report!.blocking.map((finding) => finding.rule)).toEqual(['unknown-reference']);
  });

  it('judges against --announce in memory, and cannot judge without any announcement date (exit 2)', () => {
    const undated = READY.replace('  announced: 2026-03-02\n', '');
    const without = gateJson(undated);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('policy.yaml:3:1: the gate judges readiness for an announcement date, and there is none');

    const dated = gateJson(undated, '--announce', '2026-04-01');
    expect(dated.code).toBe(0);
    expect(dated.report!.announce).toBe('2026-04-01');
    expect(fs.readFileSync(path.join(dated.dir, 'policy.yaml'), 'utf8')).toBe(undated);

    expect(gateJson(READY, '--announce', '2026-02-30').code).toBe(2);
  });

  it('prints a readiness table and a markdown report to circulate', () => {
    const dir = tempDir({ 'ready.yaml': READY, 'unready.yaml': UNREADY + WAIVER });
    const table = runCli(['gate', 'unready.yaml', '--today', '2026-06-01'], { cwd: dir, env: { COLUMNS: '160' } });
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/│ 4 {2}│ Recognition reinforces the priorities\s+│ fail\s+│ recognition-mismatch ×2\s+│/);
    expect(table.stdout).toMatch(
      /│ flat-commission │ ae-2026 │ CRO\s+│ 2026-09-30 │ 1\s+│ Enterprise motion starts in Q3; plan changes with the Q3 cycle.\s+│/,
    );
    expect(table.stdout).toContain('✖ NO-GO: 3 of 4 steps fail; fix them before announcing on 2026-03-02');

    const markdown = runCli(['gate', 'ready.yaml', '--format', 'markdown'], { cwd: dir });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('## Pre-announcement gate: GO\n');
    expect(markdown.stdout).toContain('| 2 | Every changed instrument explains itself (rationale) | ✅ pass | none |\n');
    expect(markdown.stdout).toContain('**GO: every step passes; the strategy can be announced on 2026-03-02**');
  });

  it('raises every warning and info of the strict categories to an error, and leaves other categories alone', async () => {
    const nudge = (id: string, category: string, severity: 'info' | 'warning') =>
      defineRule({
        meta: { id, category, severity, summary: 'test rule', rationale: 'test', source: 'test' },
        check({ index, report }) {
          const plan = index.instrumentById.get('ae-2026');
          if (plan) report({ node: plan.node, key: 'id', message: `${id} fired`, fix: 'nothing' });
        },
      });
    const dir = tempDir({ 'policy.yaml': READY });
    const outcome = await runGate(['policy.yaml'], {
      cwd: dir,
      today: '2026-06-01',
      plugins: [nudge('test/explain-more', 'communication', 'info'), nudge('test/share-more', 'shared-incentives', 'warning')],
    });
    const report = outcome.report!;
    expect(report.steps[1]!.findings.map(({ rule, severity }) => ({ rule, severity }))).toEqual([
      { rule: 'test/explain-more', severity: 'error' },
    ]);
    expect(report.steps[1]!.status).toBe('fail');
    expect(report.blocking).toEqual([]);
    expect(report.steps.flatMap((step) => step.findings).map((finding) => finding.rule)).not.toContain('test/share-more');
  });

  it('lists the files it did not read, and a step with nothing to judge says so instead of passing (NO-GO)', () => {
    const withoutRecognition = READY.slice(0, READY.indexOf('recognition:\n'));
    // YAML that is no policy content (issue 24 makes a version-less file of policy content an input error instead).
    const dir = tempDir({ 'policy.yaml': withoutRecognition, 'board-notes.yaml': 'meeting: 2026-02-01\nattendees: [cfo, cro]\n' });
    const run = runCli(['gate', '.', '--format', 'json', '--today', '2026-06-01'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Omit<GateJson, 'steps'> & {
      skipped: string[];
      steps: { id: string; status: string; cannotJudge: string[] }[];
    };
    expect(report.skipped).toEqual(['board-notes.yaml']);
    expect(report.verdict).toBe('no-go');
    expect(report.steps.map((step) => [step.id, step.status, step.cannotJudge])).toEqual([
      ['incentives-updated', 'pass', []],
      ['changes-explained', 'pass', []],
      ['priorities-rewarded', 'pass', []],
      ['recognition-reinforces', 'cannot-judge', ['no recognition program declared']],
    ]);
    const table = runCli(['gate', '.', '--today', '2026-06-01'], { cwd: dir });
    expect(table.stdout).toContain('Not read: 1 YAML file without `version: 1` (board-notes.yaml); nothing in it was judged.');
    expect(table.stdout).toMatch(/│ cannot judge │ cannot judge: no recognition\s+│/);
    expect(table.stdout).toContain('✖ NO-GO: 1 of 4 steps cannot be judged;');
    const markdown = runCli(['gate', '.', '--format', 'markdown', '--today', '2026-06-01'], { cwd: dir });
    expect(markdown.stdout).toContain(
      '| 4 | Recognition reinforces the priorities | ⚠️ cannot judge | cannot judge: no recognition program declared |',
    );
    expect(markdown.stdout).toContain('board-notes.yaml');
  });

  it('says GO without a lever the strategy lists under levers_not_used, and only then', () => {
    const withoutRecognition = READY.slice(0, READY.indexOf('recognition:\n'));
    expect(gateJson(withoutRecognition).report!.verdict).toBe('no-go');
    const declared = withoutRecognition.replace('  announced: 2026-03-02\n', '  announced: 2026-03-02\n  levers_not_used: [recognition]\n');
    const { code, report } = gateJson(declared);
    expect(code, JSON.stringify(report)).toBe(0);
    expect(report!.steps.map((step) => step.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    const okrsMissing = declared.slice(0, declared.indexOf('okrs:\n')) + declared.slice(declared.indexOf('promotions:\n'));
    const missing = gateJson(okrsMissing).report as GateJson & { steps: { cannotJudge: string[] }[] };
    expect(missing.steps[0]).toMatchObject({ status: 'cannot-judge', cannotJudge: ['no OKR set declared'] });
  });

  it.each([80, 120])('fits the readiness table in a %i-column terminal, wrapping cells', (columns) => {
    const dir = tempDir({ 'policy.yaml': UNREADY + WAIVER });
    const run = runCli(['gate', 'policy.yaml', '--today', '2026-06-01'], { cwd: dir, env: { COLUMNS: String(columns) } });
    expect(run.code).toBe(1);
    const tableLines = run.stdout.split('\n').filter((line) => /^[┌│├└]/.test(line));
    expect(tableLines.length).toBeGreaterThan(10);
    for (const line of tableLines) expect([...line].length).toBeLessThanOrEqual(columns);
    expect(Math.max(...tableLines.map((line) => [...line].length))).toBe(columns);
    // Wrapped, not cut: every rule of step 1 is still there.
    const step1 = JSON.parse(runCli(['gate', 'policy.yaml', '--today', '2026-06-01', '-f', 'json'], { cwd: dir }).stdout) as GateJson;
    for (const rule of new Set(step1.steps[0]!.findings.map((finding) => finding.rule)))
      expect(run.stdout.replace(/\s*│\s*/g, '')).toContain(rule);
  });
});
