/**
 * The rational choice a plan leaves a seller, and the `simulate` command that prints it: numbers
 * checked by hand, agreement with effort-adjusted-pay on flat rates, and the exit codes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { loadPolicyTexts } from '../../src/load/index.js';
import { buildSimulationReport, simulationExitCode, type SimulationReport } from '../../src/payout/report.js';
import type { SimulationOptions } from '../../src/payout/rational-choice.js';
import { BASE_POLICY, runCli, tempDir } from '../helpers.js';

function simulate(text: string, options: SimulationOptions & { plan?: string } = {}): SimulationReport {
  return buildSimulationReport(loadPolicyTexts([{ path: 'policy.yaml', text }]), { date: '2026-05-01', ...options });
}

const perMonth = (report: SimulationReport, segment: string, level = 0) =>
  report.plans[0]!.choices.find((choice) => choice.segment === segment)!.points[level]!.payPerMonth;

/** BASE_POLICY: enterprise 120,000 over 210 days (7 months), smb 8,000 over 21 days (0.7 months). */
const flatPlan = (enterprise: string, smb: string) =>
  `${BASE_POLICY}compensation:\n  - id: ae-2026\n    team: sales\n    commission:\n      - { metric: new-arr, segment: enterprise, rate: "${enterprise}" }\n      - { metric: new-arr, segment: smb, rate: "${smb}" }\n`;

describe('the rational choice, by hand', () => {
  it('flat rates: rate × deal size ÷ months of cycle, the same at any attainment', () => {
    const report = simulate(flatPlan('8%', '8%'));
    const plan = report.plans[0]!;
    // 120,000 × 8% ÷ 7 = 1,371.43; 8,000 × 8% ÷ 0.7 = 914.29.
    expect(perMonth(report, 'enterprise')).toBeCloseTo(1371.43, 2);
    expect(perMonth(report, 'smb')).toBeCloseTo(914.29, 2);
    expect(plan.levels).toEqual([null]);
    expect(plan.winners).toEqual([
      { attainment: null, metric: 'new-arr', segment: 'enterprise', status: 'favored', payPerMonth: expect.closeTo(1371.43, 2) },
    ]);
    expect(plan.verdict).toBe('aligned');
  });

  it('an accelerator changes the answer with attainment', () => {
    // Base rate 100,000 ÷ 1,000,000 = 10% on enterprise, 3× above quota; SMB a flat 12%.
    const text = `${BASE_POLICY}compensation:
  - id: ae-2026
    team: sales
    ote: 200000
    variable_share: 0.5
    quotas: [{ metric: new-arr, segment: enterprise, amount: 1000000 }]
    curve: { tiers: [{ from: 1, multiplier: 3 }] }
    commission:
      - { metric: new-arr, segment: smb, rate: "12%" }
`;
    const report = simulate(text);
    const plan = report.plans[0]!;
    // Enterprise, 7 months per 120,000 deal: 50% → 500,000 = 4.17 deals = 29.2 months for 50,000: 1,714.29.
    expect(perMonth(report, 'enterprise', 0)).toBeCloseTo(1714.29, 2);
    // 150% → 100,000 + 500,000 × 30% = 250,000 for 1,500,000 (87.5 months): 2,857.14.
    expect(perMonth(report, 'enterprise', 2)).toBeCloseTo(2857.14, 2);
    // SMB: 8,000 × 12% ÷ 0.7 = 1,371.43 at every level. Enterprise wins at every level here…
    expect(perMonth(report, 'smb', 0)).toBeCloseTo(1371.43, 2);
    expect(plan.winners.map((winner) => winner.segment)).toEqual(['enterprise', 'enterprise', 'enterprise', 'enterprise']);
    // …but at 20% SMB, 8,000 × 20% ÷ 0.7 = 2,285.71 beats enterprise below quota and loses above it.
    const steeper = simulate(text.replace('rate: "12%"', 'rate: "20%"'));
    expect(steeper.plans[0]!.winners.map((winner) => `${winner.attainment} ${winner.segment}`)).toEqual([
      '0.5 smb',
      '1 smb',
      '1.5 enterprise',
      '2 enterprise',
    ]);
    expect(steeper.plans[0]!.verdict).toBe('misaligned');
    expect(steeper.plans[0]!.summary).toBe(
      "At 50% and 100% of quota, plan ae-2026 pays most per month of effort for smb, which the strategy deprioritizes (2,286 per month against 1,714 for enterprise): the rational choice is not the strategy's.",
    );
  });

  it('levels are an option', () => {
    const report = simulate(
      flatPlan('8%', '8%').replace(
        '    commission:',
        '    ote: 200000\n    variable_share: 0.5\n    quotas: [{ metric: new-arr, amount: 1000000 }]\n    commission:',
      ),
      { levels: [0.25, 3] },
    );
    expect(report.plans[0]!.levels).toEqual([0.25, 3]);
    expect(report.plans[0]!.choices[0]!.points.map((point) => point.bookings)).toEqual([250000, 3000000]);
  });

  it('says why it cannot judge', () => {
    const noRate = `${BASE_POLICY}compensation:\n  - id: ae-2026\n    quotas: [{ metric: new-arr, amount: 1000000 }]\n`;
    const report = simulate(noRate);
    expect(report.plans[0]!.verdict).toBe('unjudged');
    expect(report.plans[0]!.summary).toBe(
      'plan ae-2026 has a quota but no rate: add ote and variable_share (the base rate is target variable pay ÷ quota), or a rate on each commission line',
    );
    expect(report.plans[0]!.unjudgedBecause).toBe('no-rate');
    // An unjudged plan still says at which levels it would be judged, as the README documents.
    expect(report.plans[0]!.levels).toEqual([0.5, 1, 1.5, 2]);
    expect(simulationExitCode(report)).toBe(2);
    const noEconomics = simulate(flatPlan('8%', '8%').replace(/, sales_cycle_days: \d+, avg_deal_size: \d+/g, ''));
    expect(noEconomics.plans[0]!.summary).toBe(
      'no segment declares both avg_deal_size and sales_cycle_days: add them to the segments plan ae-2026 pays on',
    );
    expect(noEconomics.plans[0]!.levels).toEqual([null]);
  });

  it("does not price a quota that counts things (meetings) as deals of a segment's size", () => {
    const meetings = `${BASE_POLICY}  - { id: meetings, type: activity, perspective: internal, segmented: true }\ncompensation:
  - id: sdr-2026
    ote: 90000
    variable_share: 0.35
    quotas:
      - { metric: meetings, segment: enterprise, amount: 15, period: month }
      - { metric: meetings, segment: smb, amount: 40, period: month }
`;
    const report = simulate(meetings);
    expect(report.plans[0]).toMatchObject({
      verdict: 'unjudged',
      unjudgedBecause: 'counted',
      summary:
        "plan sdr-2026 pays per meetings, a count, not on bookings: deals of a segment's size do not tell what a month of effort earns",
      levels: [0.5, 1, 1.5, 2],
      choices: [],
    });
    expect(simulationExitCode(report)).toBe(0);
  });
});

describe('where the strategy puts a choice', () => {
  /** Mid-market, named by no priority, paid on enterprise-arr, a metric the strategy favors: 40,000 × 10% ÷ 2 months = 2,000 a month. */
  const midMarket = `${BASE_POLICY.replace(
    '  - { id: smb, sales_cycle_days: 21, avg_deal_size: 8000 }\n',
    '  - { id: smb, sales_cycle_days: 21, avg_deal_size: 8000 }\n  - { id: mid-market, sales_cycle_days: 60, avg_deal_size: 40000 }\n',
  )}compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: enterprise-arr, segment: enterprise, rate: "5%" }
      - { metric: enterprise-arr, segment: mid-market, rate: "10%" }
`;

  it("labels a segment neither favored nor deprioritized neutral, even on a favored metric, and does not call its win the strategy's", () => {
    const dir = tempDir({ 'policy.yaml': midMarket });
    const run = runCli(['simulate', 'policy.yaml', '--date', '2026-05-01'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}mid-market {2}· neutral +any +40,000 +4,000 +2\.0 +2,000 +★$/m);
    expect(run.stdout).toMatch(/^ {2}enterprise {2}✔ favored +any /m);
    expect(run.stdout).toContain('  rational choice (★): at any attainment mid-market\n');
    expect(run.stdout).toContain(
      '  · At any attainment, plan ae-2026 pays most per month of effort for mid-market, which the strategy neither favors nor deprioritizes.',
    );
    const json = JSON.parse(
      runCli(['simulate', 'policy.yaml', '-f', 'json', '--date', '2026-05-01'], { cwd: dir }).stdout,
    ) as SimulationReport;
    expect(json.plans[0]!.verdict).toBe('neutral');
    expect(json.plans[0]!.choices.map((choice) => [choice.segment, choice.status])).toEqual([
      ['enterprise', 'favored'],
      ['mid-market', 'neutral'],
    ]);
    expect(json.plans[0]!.winners[0]).toMatchObject({ segment: 'mid-market', status: 'neutral', bestFavored: { segment: 'enterprise' } });
  });

  it('where the strategy favors no segment, a plan paying several metrics is a choice between metrics', () => {
    const text = `version: 1
strategy:
  priorities:
    - id: commitment
      favor: { metrics: [multi-year-arr] }
      deprioritize: { metrics: [monthly-arr] }
segments:
  - { id: mid-market, sales_cycle_days: 60, avg_deal_size: 40000 }
metrics:
  - { id: multi-year-arr, type: outcome, perspective: financial, segmented: true }
  - { id: monthly-arr, type: outcome, perspective: financial, segmented: true }
compensation:
  - id: ae-2026
    commission:
      - { metric: multi-year-arr, rate: "8%" }
      - { metric: monthly-arr, rate: "6%" }
`;
    const plan = simulate(text).plans[0]!;
    expect(plan.choices.map((choice) => [choice.metric, choice.status])).toEqual([
      ['multi-year-arr', 'favored'],
      ['monthly-arr', 'deprioritized'],
    ]);
    expect(plan.verdict).toBe('aligned');
  });
});

describe('with flat rates, simulate agrees with effort-adjusted-pay and flat-commission', () => {
  it('the deprioritized segment wins exactly when effort-adjusted-pay reports it, or flat-commission when the rates do not favor enterprise at all', async () => {
    const percent = fc.integer({ min: 1, max: 3000 }).map((hundredths) => `${hundredths / 100}%`);
    const economics = fc.record({ days: fc.integer({ min: 7, max: 400 }), size: fc.integer({ min: 1000, max: 500000 }) });
    await fc.assert(
      fc.asyncProperty(percent, percent, economics, economics, async (enterpriseRate, smbRate, enterprise, smb) => {
        const text = flatPlan(enterpriseRate, smbRate)
          .replace(
            'sales_cycle_days: 210, avg_deal_size: 120000',
            `sales_cycle_days: ${enterprise.days}, avg_deal_size: ${enterprise.size}`,
          )
          .replace('sales_cycle_days: 21, avg_deal_size: 8000', `sales_cycle_days: ${smb.days}, avg_deal_size: ${smb.size}`);
        const report = simulate(text);
        const { findings } = await lint({ files: [{ path: 'policy.yaml', text }] }, { today: '2026-05-01' });
        // Equal or inverted rates are flat-commission's finding alone (one number per line).
        const favoredRateHigher = Number.parseFloat(enterpriseRate) > Number.parseFloat(smbRate);
        const reported = findings.filter((finding) => finding.rule === (favoredRateHigher ? 'effort-adjusted-pay' : 'flat-commission'));
        const smbWins = report.plans[0]!.winners[0]!.segment === 'smb';
        const monthly = (rate: string, side: { days: number; size: number }) =>
          ((Number.parseFloat(rate) / 100) * side.size) / (side.days / 30);
        expect(perMonth(report, 'enterprise')).toBeCloseTo(monthly(enterpriseRate, enterprise), 6);
        expect(perMonth(report, 'smb')).toBeCloseTo(monthly(smbRate, smb), 6);
        // Ties: effort-adjusted-pay stays silent, and the simulation gives a tie to the favored segment.
        if (favoredRateHigher) expect(reported.length > 0).toBe(smbWins);
        // flat-commission speaks whenever enterprise is not paid more, whoever wins per month.
        else expect(reported.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe('incentive-lint simulate', () => {
  it('exits 1 on examples/quota-plan.yaml, where SMB pays most per month of effort at every level', () => {
    const run = runCli(['simulate', 'examples/quota-plan.yaml', '--plan', 'ae-2026', '--date', '2026-05-01']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('rational choice (★): 50% smb ✖ · 100% smb ✖ · 150% smb ✖ · 200% smb ✖');
    expect(run.stdout).toContain(
      "✖ At 50%, 100%, 150% and 200% of quota, plan ae-2026 pays most per month of effort for smb, which the strategy deprioritizes (1,834 per month against 1,200 for enterprise): the rational choice is not the strategy's.",
    );
    expect(run.stdout).toMatch(/^ {4}enterprise {2}·····▁/m);
  });

  it('judges the date the gate judges: --announce, else strategy.announced, and says which in every format', () => {
    // quota-plan.yaml is announced on 2026-03-02: its year holds the whole Q2 SPIFF (91 days).
    const json = JSON.parse(
      runCli(['simulate', 'examples/quota-plan.yaml', '--plan', 'ae-2026', '-f', 'json']).stdout,
    ) as SimulationReport & { dateSource: string };
    expect([json.date, json.dateSource]).toEqual(['2026-03-02', 'strategy.announced']);
    const smb = json.plans[0]!.choices.find((choice) => choice.segment === 'smb')!;
    // 120,000 + 100 deals × 500 × 91 / 365.
    expect(smb.points[1]!.pay).toBeCloseTo(120000 + (100 * 500 * 91) / 365, 6);
    const stylish = runCli(['simulate', 'examples/quota-plan.yaml', '--plan', 'ae-2026']);
    expect(stylish.stdout.split('\n')[0]).toBe(
      'Simulated year of bookings from 2026-03-02 (the announcement date, strategy.announced); a dated SPIFF or kicker pays only on the deals that close within its dates.',
    );
    const announced = runCli(['simulate', 'examples/quota-plan.yaml', '--plan', 'ae-2026', '-f', 'markdown', '--announce', '2026-07-01']);
    expect(announced.stdout).toContain('Simulated year of bookings from 2026-07-01 (the announcement date, --announce);');
    // A year from July 1 holds none of the Q2 SPIFF: 120,000 at 100%.
    expect(announced.stdout).toContain('| smb | deprioritized | 100% | 1,200,000 | 120,000 | 70.0 | 1,714 ★ |');
  });

  it('outside the SPIFF dates SMB pays less, and still most', () => {
    const run = runCli(['simulate', 'examples/quota-plan.yaml', '--plan', 'ae-2026', '--date', '2026-08-01', '-f', 'json']);
    const report = JSON.parse(run.stdout) as SimulationReport;
    const smb = report.plans[0]!.choices.find((choice) => choice.segment === 'smb')!;
    // 100% of 1,200,000: 100 SMB deals, 70 months, 120,000 without the 500-per-deal SPIFF.
    expect(smb.points[1]).toEqual({
      attainment: 1,
      bookings: 1200000,
      deals: 100,
      effortMonths: expect.closeTo(70, 9),
      pay: expect.closeTo(120000, 6),
      payPerMonth: expect.closeTo(1714.29, 2),
    });
    expect(run.code).toBe(1);
  });

  it('exits 0 on the aligned twin, whose lint has no finding at all', async () => {
    const run = runCli(['simulate', 'examples/quota-plan-aligned.yaml', '-f', 'json', '--date', '2026-05-01']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as SimulationReport;
    expect(report).toMatchObject({ version: 1, date: '2026-05-01', currency: 'USD' });
    expect(report.plans.map((plan) => [plan.plan, plan.verdict, plan.file, plan.line])).toEqual([
      ['ae-2026', 'aligned', 'examples/quota-plan-aligned.yaml', 77],
      ['sales-leadership-2026', 'aligned', 'examples/quota-plan-aligned.yaml', 102],
    ]);
    const enterprise = report.plans[0]!.choices[0]!;
    expect(enterprise.curve[0]).toEqual({ attainment: 0, pay: 0 });
    expect(enterprise.curve.find((point) => point.attainment === 2)!.pay).toBeCloseTo(300000, 6);
    const { findings, diagnostics } = await lint(['examples/quota-plan-aligned.yaml'], { today: '2026-11-23' });
    expect(diagnostics).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('markdown: a table per plan', () => {
    const run = runCli([
      'simulate',
      'examples/quota-plan.yaml',
      '--plan',
      'ae-2026',
      '-f',
      'markdown',
      '--date',
      '2026-05-01',
      '--levels',
      '100',
    ]);
    // 100 SMB deals in the year from 2026-05-01; the Q2 SPIFF (500 a deal to 2026-06-30) pays on the
    // 61 days of May and June: 120,000 + 100 × 500 × 61 / 365 = 128,356, over 70 months of effort.
    expect(run.stdout).toContain('| smb | deprioritized | 100% | 1,200,000 | 128,356 | 70.0 | 1,834 ★ |');
    expect(run.stdout).toContain('Simulated year of bookings from 2026-05-01 (--date);');
    expect(run.code).toBe(1);
  });

  it('exits 0 with one line on a valid policy with no plan to simulate, and the JSON is a document with no plans', () => {
    const onlyBonus = runCli(['simulate', 'examples/non-revenue-teams.yaml']);
    const dateLine =
      'Simulated year of bookings from 2026-01-12 (the announcement date, strategy.announced); a dated SPIFF or kicker pays only on the deals that close within its dates.\n';
    expect(onlyBonus).toEqual({
      code: 0,
      stdout: `${dateLine}No compensation plan pays commission or carries a quota: there is no plan with commission to simulate.\n`,
      stderr: '',
    });
    const json = runCli(['simulate', 'examples/non-revenue-teams.yaml', '-f', 'json', '--date', '2026-05-01']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ version: 1, date: '2026-05-01', dateSource: 'date', currency: null, plans: [] });
    const bonusPlan = runCli(['simulate', 'examples/non-revenue-teams.yaml', '--plan', 'support-2026']);
    expect(bonusPlan).toEqual({
      code: 0,
      stdout: `${dateLine}Plan support-2026 pays no commission and carries no quota: there is nothing to simulate.\n`,
      stderr: '',
    });
  });

  it('prints the table of a plan paying one segment, with no choice to judge (exit 0)', () => {
    const dir = tempDir({
      'policy.yaml': `${BASE_POLICY}compensation:\n  - id: ae-2026\n    team: sales\n    commission:\n      - { metric: new-arr, segment: enterprise, rate: "8%" }\n`,
    });
    const run = runCli(['simulate', 'policy.yaml', '--date', '2026-05-01'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // 120,000 × 8% over 7 months: 1,371 a month.
    expect(run.stdout).toMatch(/^ {2}enterprise {2}✔ favored +any +120,000 +9,600 +7\.0 +1,371$/m);
    expect(run.stdout).toContain(
      '  ? plan ae-2026 pays on one segment with deal economics (enterprise): there is no choice between segments to compare',
    );
    const json = JSON.parse(runCli(['simulate', 'policy.yaml', '-f', 'json'], { cwd: dir }).stdout) as SimulationReport;
    expect(json.plans[0]).toMatchObject({
      plan: 'ae-2026',
      verdict: 'unjudged',
      unjudgedBecause: 'one-segment',
      levels: [null],
      winners: [],
    });
    expect(json.plans[0]!.choices.map((choice) => [choice.segment, choice.status])).toEqual([['enterprise', 'favored']]);
  });

  it('exits 2 when no plan could be simulated for what the policy lacks, and on an unknown plan', () => {
    const dir = tempDir({ 'policy.yaml': flatPlan('8%', '8%').replace(/, sales_cycle_days: \d+, avg_deal_size: \d+/g, '') });
    const noEconomics = runCli(['simulate', 'policy.yaml'], { cwd: dir });
    expect(noEconomics.code).toBe(2);
    expect(noEconomics.stdout).toContain(
      '  ? no segment declares both avg_deal_size and sales_cycle_days: add them to the segments plan ae-2026 pays on',
    );
    expect(noEconomics.stderr).toBe('no plan could be simulated: see why above (exit 2)\n');
    const unknown = runCli(['simulate', 'examples/quota-plan.yaml', '--plan', 'ae-2027']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'incentive-lint simulate: no compensation plan "ae-2027": the plans are ae-2026, sales-leadership-2026, marketing-2026, implementation-2026, cs-2026 (exit 2)',
    );
  });

  it('an unknown plan id is echoed inside its line: a forged workflow command stays text', () => {
    const run = runCli(['simulate', 'examples/quota-plan.yaml', '--plan', 'x\n::error::forged']);
    expect(run.code).toBe(2);
    expect(`${run.stdout}${run.stderr}`.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });

  it('an unknown plan id is echoed with its escape sequences and line breaks shown, never sent to the terminal', () => {
    const run = runCli(['simulate', 'examples/quota-plan.yaml', '--plan', 'ae\u001b[2J\u001b]0;owned\u0007\nx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'incentive-lint simulate: no compensation plan "ae\\u001b[2J\\u001b]0;owned\\u0007\\nx": the plans are ae-2026',
    );
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
