/**
 * `diff --impact BASE HEAD`: two commits of a fixture repository, every figure computed here by hand
 * (a roster of ten sellers) or from the seeded draws with the plan's curve written out in the test,
 * never by the code under test; the Markdown neutralized; --max-cost-change on both sides of its
 * boundary; one seed, one output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISTRIBUTION, drawAttainments, percentile } from '../src/population/model.js';
import type { ImpactReport } from '../src/impact/model.js';
import { BASE_POLICY, runCli, tempDir } from './helpers.js';
import { git } from './git-fixture.js';

/** A plan name written to break out of a Markdown table and to format, link, mention and inject HTML. */
const HOSTILE_NAME = 'AE <b>plan</b> | *bold* [click](https://evil.example) @sales-leads <!-- hide';

/**
 * The account executives' plan: OTE 200,000 at 50% variable = 100,000 of target incentive on a
 * 1,000,000 enterprise quota, so the base rate is 10%; nothing below 50% of quota. SMB is paid a
 * flat rate outside the quota (the population model books the quota, so the SMB line moves only
 * the rational choice).
 */
const aePlan = (options: { multiplier: number; cap: number; smbRate: string; name?: string }) => `  - id: ae-plan
${options.name ? `    name: ${JSON.stringify(options.name)}\n` : ''}    team: sales
    ote: 200000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1000000, period: year }
    commission:
      - { metric: new-arr, segment: smb, rate: "${options.smbRate}" }
    curve:
      threshold: 0.5
      tiers:
        - { from: 1, multiplier: ${options.multiplier} }
      cap: { attainment: ${options.cap} }
`;

/** Ten sellers; the attainments add up to 10.0, so the force books 10,000,000. */
const ATTAINMENTS = [0.3, 0.45, 0.6, 0.8, 0.9, 1.0, 1.1, 1.2, 1.6, 2.05];
const ROSTER = `roster:\n${ATTAINMENTS.map((attainment, position) => `  - { person: Seller ${position + 1}, team: sales, plan: ae-plan, attainment: ${attainment} }`).join('\n')}\n`;

const BASE = `${BASE_POLICY}currency: USD
compensation:
${aePlan({ multiplier: 2, cap: 1.5, smbRate: '25%' })}${ROSTER}`;

/** The other plans, in a file of their own (so that the AE plan can be compared alone, by path). */
const LEGACY_PLAN = `version: 1
compensation:
  - id: legacy-plan
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "5%" }
`;

/** The added plan: 50,000 of target incentive on a 500,000 quota, nothing below 50%, no tier, no cap. */
const ADDED_PLAN = `version: 1
compensation:
  - id: se-plan
    team: sales
    ote: 100000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 500000, period: year }
    curve:
      threshold: 0.5
`;

const HEAD = `${BASE_POLICY}currency: USD
compensation:
${aePlan({ multiplier: 3, cap: 2, smbRate: '5%', name: HOSTILE_NAME })}${ROSTER}`;

/** Commit 1: BASE; commit 2: the AE plan's accelerator and cap raised, SMB cut to 5%, legacy-plan removed, se-plan added. */
function fixtureRepository(): string {
  const repo = tempDir({ 'policy/comp.yaml': BASE, 'policy/other.yaml': LEGACY_PLAN });
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'plans of 2026');
  fs.writeFileSync(path.join(repo, 'policy/comp.yaml'), HEAD);
  fs.writeFileSync(path.join(repo, 'policy/other.yaml'), ADDED_PLAN);
  git(repo, 'commit', '-q', '-a', '-m', 'accelerate enterprise');
  return repo;
}

const DRAWS = 2000;

function impact(repo: string, ...args: string[]) {
  const paths = args.includes('policy/comp.yaml') ? [] : ['policy'];
  return runCli(['diff', '--impact', 'HEAD~1', 'HEAD', ...paths, '--draws', String(DRAWS), ...args], { cwd: repo });
}

function impactJson(repo: string, ...args: string[]): ImpactReport {
  const run = impact(repo, '--format', 'json', ...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ImpactReport;
}

describe('diff --impact BASE HEAD', () => {
  const repo = fixtureRepository();

  it('prices the changed plan on the roster exactly as computed by hand, before and after', () => {
    const report = impactJson(repo);
    expect(report).toMatchObject({ kind: 'impact', base: 'HEAD~1', head: 'HEAD', seed: 1, draws: DRAWS, behaviour: 'mechanical' });
    expect(report.plans.map((plan) => [plan.plan, plan.change])).toEqual([
      ['ae-plan', 'changed'],
      ['se-plan', 'added'],
      ['legacy-plan', 'removed'],
    ]);
    const ae = report.plans[0]!;
    expect(ae.name).toBe(HOSTILE_NAME);
    // Before (2× above quota, capped at 150%): 0.3 → 0, 0.45 → 0 (below the threshold), 0.6 → 60,000,
    // 0.8 → 80,000, 0.9 → 90,000, 1.0 → 100,000, 1.1 → 100,000 + 2 × 10,000 = 120,000, 1.2 → 140,000,
    // 1.6 and 2.05 → capped at 1.5: 200,000. Sum 990,000 on 10,000,000 booked: cost of sales 9.9%.
    // Nearest rank of ten: P10 the 1st (0), P50 the 5th (90,000), P90 the 9th (200,000); mean 99,000.
    expect(ae.before!.pay).toEqual({ p10: 0, p50: 90000, p90: 200000, mean: 99000 });
    expect(ae.before!.costOfSales).toBeCloseTo(0.099, 12);
    // After (3× above quota, capped at 200%): 1.1 → 100,000 + 3 × 10,000 = 130,000, 1.2 → 160,000,
    // 1.6 → 280,000, 2.05 → capped at 2.0: 400,000; below quota as before. Sum 1,300,000: 13%.
    expect(ae.after!.pay).toEqual({ p10: 0, p50: 90000, p90: 280000, mean: 130000 });
    expect(ae.after!.costOfSales).toBeCloseTo(0.13, 12);
    // The deltas: P90 +80,000, mean +31,000, cost of sales 13% − 9.9% = +3.1 points.
    expect(ae.delta.pay).toEqual({ p10: 0, p50: 0, p90: 80000, mean: 31000 });
    expect(ae.delta.costOfSalesPoints).toBeCloseTo(3.1, 9);
    expect(ae.exceedsMaxCostChange).toBe(false);
  });

  it('shows the rational choice moving from the deprioritized smb to the favored enterprise at every level', () => {
    const [ae] = impactJson(repo).plans;
    // Per month of effort (enterprise: 120,000 deals over 210 days = 7 months; smb: 8,000 over 0.7 months).
    // Before, smb's flat 25% pays 2,000 a deal, 2,857 a month; the enterprise quota pays 10% of 120,000
    // over 7 months, 1,714 a month up to quota, and at most 2,286 (at 150%, 200,000 for 87.5 months).
    // After, smb's 5% pays 571 a month, below enterprise's 1,714 at every level.
    expect(ae!.choices).toEqual(
      [0.5, 1, 1.5, 2].map((attainment) => ({
        attainment,
        before: { metric: 'new-arr', segment: 'smb', status: 'deprioritized' },
        after: { metric: 'new-arr', segment: 'enterprise', status: 'favored' },
        changed: true,
      })),
    );
    // The rational-choice warning on smb is gone with it; none appears.
    expect(ae!.findings.disappeared.map((finding) => finding.rule)).toContain('rational-choice');
    expect(ae!.findings.disappeared.every((finding) => finding.file.startsWith('HEAD~1:policy/comp.yaml'))).toBe(true);
    expect(ae!.findings.appeared.map((finding) => finding.rule)).not.toContain('rational-choice');
  });

  it('prices the added plan on the same draws as simulate would, from 0; the removed plan has no figure to move', () => {
    const [, added, removed] = impactJson(repo).plans;
    // The added plan, by hand on the seeded force: 50,000 × A from 50% of quota, nothing below.
    const draws = drawAttainments(DEFAULT_DISTRIBUTION, DRAWS, 1);
    const pays = Float64Array.from(draws, (attainment) => (attainment < 0.5 ? 0 : 50000 * attainment)).sort();
    const booked = draws.reduce((sum, attainment) => sum + attainment * 500000, 0);
    const paid = pays.reduce((sum, pay) => sum + pay, 0);
    expect(added!.before).toBeNull();
    expect(added!.after!.pay!.p50).toBeCloseTo(percentile(pays, 0.5), 6);
    expect(added!.after!.pay!.p90).toBeCloseTo(percentile(pays, 0.9), 6);
    expect(added!.delta.pay.p50).toBeCloseTo(percentile(pays, 0.5), 6);
    expect(added!.delta.costOfSalesPoints).toBeCloseTo((paid / booked) * 100, 9);
    // legacy-plan has no quota: the model does not price it, so it has no cost of sales and no move.
    expect(removed!.after).toBeNull();
    expect(removed!.before!.skipped).toContain('no quota');
    expect(removed!.delta.costOfSalesPoints).toBeNull();
  });

  it('prints the figures in the human table by default', () => {
    const run = impact(repo);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Behaviour is mechanical');
    expect(run.stdout).toMatch(
      /^ae-plan +changed +0 → 0 \(0\) +90,000 → 90,000 \(0\) +200,000 → 280,000 \(\+80,000\) +9\.9% → 13% \(\+3\.1 pts\)$/m,
    );
    expect(run.stdout).toContain('    100%    smb (new-arr, deprioritized) → enterprise (new-arr, favored)\n');
  });

  it('neutralizes the plan name in the Markdown comment: no HTML, formatting, link or mention gets through', () => {
    const run = impact(repo, '--format', 'markdown');
    expect(run.code).toBe(0);
    const markdown = run.stdout;
    expect(markdown.startsWith('<!-- incentive-lint impact -->\n')).toBe(true);
    // The link's address is shown as code (the neutralizer takes the closing parenthesis with it), never linked.
    expect(markdown).toContain('AE \\<b\\>plan\\</b\\> \\| \\*bold\\* \\[click\\](`https://evil.example)` `@sales-leads` \\<!-- hide');
    const body = markdown.slice(markdown.indexOf('\n'));
    expect(body).not.toMatch(/(?<!\\)<(?!br>)[a-z!/]/i);
    expect(body).not.toMatch(/(?<!\\)\[click(?<!\\)\]\(/);
    expect(body).not.toMatch(/(?<![`\w])@sales-leads/);
    // The plan's row keeps its seven cell borders: the name's `|` is escaped.
    const row = markdown.split('\n').find((line) => line.startsWith('| plan ae-plan'))!;
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(7);
    expect(row).toContain('| 9.9% → 13% (+3.1 pts) |');
  });

  it('--max-cost-change PCT is absolute percentage points: a move of exactly 3.1 passes, one past 3.09 exits 1', () => {
    // The AE plan alone (its file): 9.9% → 13% is 3.1 points, whatever 9.9% was (relative, it would be 31%).
    const alone = (limit: string, ...args: string[]) => impact(repo, 'policy/comp.yaml', '--max-cost-change', limit, ...args);
    const atLimit = alone('3.1');
    expect(atLimit.code).toBe(0);
    expect(atLimit.stdout).toContain("--max-cost-change 3.1: no plan's cost of sales moved more than 3.1 percentage points.");
    const over = alone('3.09');
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('--max-cost-change 3.09: the cost of sales of ae-plan (+3.1 pts) moved more than 3.09 percentage points');
    const json = JSON.parse(alone('3.09', '--format', 'json').stdout) as ImpactReport;
    expect(json.maxCostChangePoints).toBe(3.09);
    expect(json.plans.map((plan) => [plan.plan, plan.exceedsMaxCostChange])).toEqual([['ae-plan', true]]);
    // An added plan moves its whole cost of sales from 0: by hand, se-plan pays 10% of every dollar it
    // pays on, so its move is just under 10 points (the sellers below the threshold earn nothing).
    const all = impact(repo, '--max-cost-change', '3.1', '--format', 'json');
    expect(all.code).toBe(1);
    const moved = (JSON.parse(all.stdout) as ImpactReport).plans.filter((plan) => plan.exceedsMaxCostChange);
    expect(moved.map((plan) => plan.plan)).toEqual(['se-plan']);
    expect(impact(repo, '--max-cost-change', '10').code).toBe(0);
  });

  it('gives byte-identical output for one seed, and another for another seed', () => {
    for (const format of ['stylish', 'markdown']) {
      const first = impact(repo, '--seed', '42', '--format', format);
      expect(first.code).toBe(0);
      expect(impact(repo, '--seed', '42', '--format', format).stdout).toBe(first.stdout);
    }
    // Another seed draws another force for the added plan; the roster's plan keeps its figures.
    const [seed42, seed43] = ['42', '43'].map((seed) => impactJson(repo, '--seed', seed));
    expect(seed43!.plans[1]!.after!.pay).not.toEqual(seed42!.plans[1]!.after!.pay);
    expect(seed43!.plans[0]!.after!.pay).toEqual(seed42!.plans[0]!.after!.pay);
  });

  it('lists a plan whose declaration is the same but whose roster moved as affected, and leaves an untouched plan out', () => {
    const repo = tempDir({ 'comp.yaml': BASE, 'other.yaml': LEGACY_PLAN });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    fs.writeFileSync(path.join(repo, 'comp.yaml'), BASE.replace('attainment: 2.05', 'attainment: 1.05'));
    git(repo, 'commit', '-q', '-a', '-m', 'the best seller had a worse year');
    const run = runCli(['diff', '--impact', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ImpactReport;
    expect(report.unchangedPlans).toBe(1);
    expect(report.plans.map((plan) => [plan.plan, plan.change])).toEqual([['ae-plan', 'affected']]);
    // 2.05 (capped: 200,000) becomes 1.05 (100,000 + 2 × 5,000 = 110,000): 900,000 paid on 9,000,000
    // booked is 10%, against 990,000 on 10,000,000 = 9.9% before: +0.1 points; the mean 99,000 → 90,000.
    // Sorted pay after: 0, 0, 60,000, 80,000, 90,000, 100,000, 110,000, 120,000, 140,000, 200,000: the
    // 9th (P90) is 140,000, where it was 200,000 (1.6 and 2.05 both capped); the 5th stays 90,000.
    const [ae] = report.plans;
    expect(ae!.after!.costOfSales).toBeCloseTo(0.1, 12);
    expect(ae!.delta.costOfSalesPoints).toBeCloseTo(0.1, 9);
    expect(ae!.delta.pay).toEqual({ p10: 0, p50: 0, p90: -60000, mean: -9000 });
  });

  it('report --since shows the same figures in its impact section, the plan name escaped', () => {
    const page = runCli(['report', '--since', 'HEAD~1', 'policy'], { cwd: repo });
    expect(page.stderr).toBe('');
    expect(page.code).toBe(0);
    const section = page.stdout.slice(
      page.stdout.indexOf('<section id="impact"'),
      page.stdout.indexOf('</section>', page.stdout.indexOf('<section id="impact"')),
    );
    expect(section).toContain('What the change to the plans since HEAD~1 costs');
    // The roster's plan, by hand as above; the page quotes the name as text, never as markup.
    expect(section).toContain(
      '<tr data-plan="ae-plan" data-change="changed"><th scope="row">AE &lt;b&gt;plan&lt;/b&gt; | *bold* [click](https://evil.example) @sales-leads &lt;!-- hide (ae-plan)</th><td>changed</td><td>0 → 0 (0)</td><td>90,000 → 90,000 (0)</td><td>200,000 → 280,000 (+80,000)</td><td>9.9% → 13% (+3.1 pts)</td></tr>',
    );
    expect(section).not.toContain('<b>');
    // The drawn plan: the cells diff --impact prints for the working tree's commit, on the same default force.
    const command = runCli(['diff', '--impact', 'HEAD~1', 'HEAD', 'policy', '--format', 'json'], { cwd: repo });
    const added = (JSON.parse(command.stdout) as ImpactReport).plans.find((plan) => plan.plan === 'se-plan')!;
    const row = /<tr data-plan="se-plan" data-change="added">(.*?)<\/tr>/.exec(section)![1]!;
    expect(row).toContain(`<td>none → ${added.after!.pay!.p50.toLocaleString('en-US', { maximumFractionDigits: 0 })} (+`);
    expect(section).toContain('<li data-impact-finding="disappears">disappears: <span class="rule">rational-choice</span>');
  });

  it('names a bad file as it is at the revision, never by the temporary folder it was read from (exit 2)', () => {
    const repo = tempDir({ 'comp.yaml': BASE });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    // The loader refuses a control character in policy text: it would rewrite a terminal.
    fs.writeFileSync(path.join(repo, 'comp.yaml'), BASE.replace('  - id: ae-plan\n', '  - id: ae-plan\n    name: "AE \\e[2J plan"\n'));
    git(repo, 'commit', '-q', '-a', '-m', 'renamed');
    const run = runCli(['diff', '--impact', 'HEAD~1', 'HEAD'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `HEAD:comp.yaml:${BASE.split('\n').indexOf('  - id: ae-plan') + 2}:11: this text contains the control character U+001B`,
    );
    expect(run.stderr).not.toContain('incentive-lint-since-');
  });

  it('refuses bad input with a clear message and exit 2', () => {
    const cases: [readonly string[], string][] = [
      [['diff', '--impact', 'no-such-ref', 'HEAD', 'policy'], 'unknown git ref "no-such-ref"'],
      [['diff', '--impact', 'HEAD~1', 'HEAD', 'policy', '--max-cost-change', 'two'], 'write the most percentage points'],
      [['diff', '--impact', 'HEAD~1', 'HEAD', 'policy', '--max-cost-change', '-1'], 'write the most percentage points'],
      [['diff', '--impact', 'HEAD~1', 'HEAD', 'policy', '--format', 'sarif'], 'is not one of stylish, json, markdown'],
      [['diff', 'HEAD~1', 'HEAD', 'policy'], 'a third path (policy) goes with --impact'],
      [['diff', 'a.yaml', 'b.yaml', '--max-cost-change', '2'], '--max-cost-change goes with --impact'],
      [['diff', '--impact', 'HEAD~1', 'HEAD', 'no-such-folder'], 'no policy files under no-such-folder at HEAD~1 or at HEAD'],
      [['diff', '--impact', 'HEAD~1', 'HEAD', '--cwd-outside'], 'diff --impact reads both revisions from the git repository'],
    ];
    for (const [args, says] of cases) {
      const outside = args.includes('--cwd-outside');
      const run = runCli(outside ? args.filter((arg) => arg !== '--cwd-outside') : args, { cwd: outside ? tempDir() : repo });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(says);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
