/**
 * The analyst's scenario (issue 23): a realistic FY2027 plan pack. Its one file without
 * `version: 1` makes every command refuse the pack, naming it; its three versioned files read the
 * same in lint, gate, simulate and the report: the same date, the same verdict direction, and the
 * Q1-only SPIFF priced within Q1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const PACK = 'test/fixtures/analyst-pack';
const TODAY = '2026-12-07';
const ANNOUNCED = '2027-01-04';

interface GateJson {
  verdict: string;
  announce: string;
  skipped: string[];
  steps: { id: string; status: string; cannotJudge: string[]; findings: { rule: string; instrument?: string }[] }[];
}

describe('the analyst plan pack', () => {
  const packLint = runCli([PACK, '--today', TODAY]);
  const packGate = runCli(['gate', PACK, '--today', TODAY, '-f', 'json']);
  const packSimulate = runCli(['simulate', PACK, '-f', 'json']);
  const packReport = runCli(['report', PACK, '--today', TODAY]);
  const recognition = `${PACK}/recognition.yaml`;
  // The pack is refused (policy content without version: 1 is an input error): the rest of the
  // scenario reads its three versioned files, named on the command line, as the analyst then would.
  const read = ['strategy', 'compensation', 'okrs'].map((name) => `${PACK}/${name}.yaml`);
  const lintJson = runCli([...read, '--today', TODAY, '-f', 'json']);
  const gate = runCli(['gate', ...read, '--today', TODAY, '-f', 'json']);
  const simulate = runCli(['simulate', ...read, '-f', 'json']);
  const simulateText = runCli(['simulate', ...read]);
  const report = runCli(['report', ...read, '--today', TODAY]);

  it('every command refuses the pack, naming the file without version: 1, with exit 2', () => {
    for (const run of [packLint, packGate, packSimulate, packReport]) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`${recognition}:2:1: holds policy content (recognition) but no version key`);
    }
  });

  it('the gate cannot judge recognition without the file, and says NO-GO; the report agrees', () => {
    const result = JSON.parse(gate.stdout) as GateJson;
    expect(gate.code).toBe(1);
    expect([result.verdict, result.announce]).toEqual(['no-go', ANNOUNCED]);
    expect(result.steps.find((step) => step.id === 'recognition-reinforces')).toMatchObject({
      status: 'cannot-judge',
      cannotJudge: ['no recognition program declared'],
    });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('data-verdict="no-go"');
    expect(report.stdout).toContain(`<strong>${ANNOUNCED}</strong>`);
    expect(report.stdout).toMatch(
      /data-step="recognition-reinforces" data-status="cannot-judge"[\s\S]*?Cannot judge: no recognition program declared\./,
    );
  });

  it('lint, gate, simulate and the report judge the AE plan on the announcement date, and all say it pays most for small business', () => {
    const lintFindings = (JSON.parse(lintJson.stdout) as { findings: { rule: string; message: string }[] }).findings;
    expect(lintFindings.find((finding) => finding.rule === 'rational-choice')?.message).toMatch(
      /^At 50%, 100%, 150% and 200% of quota, plan ae-fy2027 pays most per month of effort for smb, which the strategy deprioritizes \(3,341 per month/,
    );
    const gateRules = (JSON.parse(gate.stdout) as GateJson).steps[0]!.findings.filter((finding) => finding.instrument === 'ae-fy2027').map(
      (finding) => finding.rule,
    );
    expect(gateRules).toContain('rational-choice');
    expect(simulate.code).toBe(1);
    const simulated = JSON.parse(simulate.stdout) as {
      date: string;
      dateSource: string;
      currency: string;
      plans: { plan: string; verdict: string; winners: { segment: string }[] }[];
    };
    expect([simulated.date, simulated.dateSource, simulated.currency]).toEqual([ANNOUNCED, 'strategy.announced', 'USD']);
    const ae = simulated.plans.find((plan) => plan.plan === 'ae-fy2027')!;
    expect(ae.verdict).toBe('misaligned');
    expect(new Set(ae.winners.map((winner) => winner.segment))).toEqual(new Set(['smb']));
    expect(simulateText.stdout.split('\n')[0]).toContain(
      `Simulated year of bookings from ${ANNOUNCED} (the announcement date, strategy.announced)`,
    );
    // The report: the same date, the plan by name, in dollars, paying most for small business.
    expect(report.stdout).toContain(`Simulated year of bookings from ${ANNOUNCED} (the announcement date the gate judges)`);
    expect(report.stdout).toContain(
      'Account Executive plan FY2027 pays most per month of effort for Small business, which the strategy deprioritizes, at 50%, 100%, 150% and 200% of quota (USD 3,341 a month against USD 2,400 for Enterprise (1,000+ employees))',
    );
  });

  it('the Q1 small-business SPIFF pays only on the deals of Q1: 87 of the 365 days from the announcement', () => {
    const simulated = JSON.parse(simulate.stdout) as {
      plans: { plan: string; choices: { segment: string; points: { attainment: number; pay: number; deals: number }[] }[] }[];
    };
    const smb = simulated.plans.find((plan) => plan.plan === 'ae-fy2027')!.choices.find((choice) => choice.segment === 'smb')!;
    const atQuota = smb.points.find((point) => point.attainment === 1)!;
    // 1,000,000 of small-business deals of 12,000 (83.3 deals): 120,000 at quota (base rate 12%),
    // and the SPIFF of 500 a deal on the deals of 2027-01-04 to 2027-03-31, 87 days of 365.
    expect(atQuota.pay).toBeCloseTo(120000 + (1000000 / 12000) * 500 * (87 / 365), 6);
    expect(atQuota.pay).toBeCloseTo(129931.51, 2);
    // Applied to every deal of the year it would have been 161,667.
    expect(atQuota.pay).toBeLessThan(120000 + (1000000 / 12000) * 500);
  });

  it('the report names the changes to make first in plain words, ranked by the pay at stake', () => {
    const first = /<ol class="first-changes">([\s\S]*?)<\/ol>/.exec(report.stdout)?.[1] ?? '';
    const items = [...first.matchAll(/<li data-owner="([^"]+)">([^<]*)/g)].map((match) => [match[1], match[2]!.trim()]);
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.length).toBeLessThanOrEqual(3);
    // 40 account executives, all of their variable pay (half of on-target pay) chasing small business.
    expect(items[0]).toEqual([
      'ae-fy2027',
      expect.stringMatching(
        /^Account Executive plan FY2027 \(Account executives, 40 people\): 50% of on-target pay rewards Small business, which Enterprise growth deprioritizes\. /,
      ),
    ]);
    // No article quote on this or any report.
    expect(report.stdout).not.toContain('Rational choice: close SMB deals');
  });

  it('the fixture is the pack the issue describes', () => {
    const files = fs.readdirSync(path.join(ROOT, PACK)).sort();
    expect(files).toEqual(['compensation.yaml', 'okrs.yaml', 'recognition.yaml', 'strategy.yaml']);
    expect(fs.readFileSync(path.join(ROOT, recognition), 'utf8')).not.toMatch(/^version:/m);
  });

  // The heatmap and the timeline read the model, and the model prices the plan as rational-choice
  // and simulate do: the quota on new-arr names no segment, but the plan pays most for small
  // business, so the account executives' cell for enterprise growth is undermined, and the AE plan's
  // bar is drawn against a priority.
  it('the heatmap and the timeline agree with the verdict that the AE plan works against enterprise growth', () => {
    const cell =
      /<td [^>]*data-priority="enterprise-growth" data-team="account-executives" data-status="([^"]+)"[^>]*>([\s\S]*?)<\/td>/.exec(
        report.stdout,
      );
    expect(['undermined', 'both']).toContain(cell?.[1]);
    // The cell links to a finding that says the plan works against enterprise growth (the quota's first: flat-commission's).
    const link = /<li class="against">[\s\S]*?<a href="#(finding-\d+)">ae-fy2027: new-arr, pays most for smb<\/a>/.exec(
      cell?.[2] ?? '',
    )?.[1];
    expect(new RegExp(`id="${link}" data-rule="([^"]+)"`).exec(report.stdout)?.[1]).toBe('flat-commission');
    const bar = /<g class="row" data-instrument="ae-fy2027" data-stance="([^"]+)"/.exec(report.stdout)?.[1];
    expect(['against', 'mixed']).toContain(bar);
    // matrix, on the same date, draws the same cell.
    const matrix = JSON.parse(runCli(['matrix', ...read, '--today', TODAY, '-f', 'json']).stdout) as {
      rows: { priority: string; cells: Record<string, { status: string; underminedBy: string[] }> }[];
    };
    const row = matrix.rows.find((candidate) => candidate.priority === 'enterprise-growth')!;
    expect(row.cells['account-executives']).toMatchObject({ status: cell?.[1], underminedBy: ['ae-fy2027: new-arr, pays most for smb'] });
  });
});
