/**
 * `simulate --population`: the sales-force model, checked by hand on a roster of ten sellers, by its
 * convergence to the lognormal's analytic median, and by byte-identical output for one seed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawAttainments, percentile, type PopulationStats } from '../src/population/model.js';
import type { PopulationReport } from '../src/population/report.js';
import { BASE_POLICY, runCli, tempDir } from './helpers.js';

/**
 * Plan: OTE 200,000 at 50% variable = 100,000 target incentive on a 1,000,000 yearly quota, so the
 * base rate is 10%. Threshold 50% (below it nothing is paid), 2× on the dollars above quota, capped
 * at 150% attainment. Pay at attainment A: 0 below 0.5; 100,000 × A up to 1; 100,000 + 200,000 ×
 * (A − 1) up to 1.5; 200,000 above 1.5.
 */
const PLAN = `currency: USD
compensation:
  - id: ae-plan
    team: sales
    ote: 200000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, amount: 1000000, period: year }
    curve:
      threshold: 0.5
      tiers:
        - { from: 1, multiplier: 2 }
      cap: { attainment: 1.5 }
`;
const ATTAINMENTS = [0.3, 0.45, 0.6, 0.8, 0.9, 1.0, 1.1, 1.2, 1.6, 2.0];
const ROSTER = `roster:\n${ATTAINMENTS.map((attainment, position) => `  - { person: Seller ${position + 1}, team: sales, plan: ae-plan, attainment: ${attainment} }`).join('\n')}\n`;

function population(text: string, ...args: string[]) {
  const dir = tempDir({ 'policy.yaml': text });
  const run = runCli(['simulate', '--population', '--format', 'json', ...args, 'policy.yaml'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Omit<PopulationReport, 'plans'> & {
    plans: (PopulationReport['plans'][number] & Required<PopulationStats>)[];
  };
}

describe('simulate --population', () => {
  it('prices a roster of ten sellers exactly as computed by hand', () => {
    const [plan] = population(`${BASE_POLICY.replace('organization: Test Co\n', 'organization: Test Co\n')}${PLAN}${ROSTER}`).plans;
    // Pays in attainment order: 0.3 → 0, 0.45 → 0 (below the threshold), 0.6 → 60,000, 0.8 → 80,000,
    // 0.9 → 90,000, 1.0 → 100,000, 1.1 → 100,000 + 20,000 = 120,000, 1.2 → 140,000, 1.6 and 2.0 → capped
    // at 1.5: 200,000 each. Sum 990,000; mean 99,000; the roster's headcount is 10, so the total is 990,000.
    // Nearest rank of ten: P10 the 1st (0), P50 the 5th (90,000), P90 the 9th (200,000).
    expect(plan).toMatchObject({ plan: 'ae-plan', source: 'roster', sellers: 10, totalPayout: 990000 });
    expect(plan!.pay).toEqual({ p10: 0, p50: 90000, p90: 200000, mean: 99000 });
    // Attainments: P10 30%, P50 90%, P90 160%; their sum 9.95, mean 0.995.
    expect(plan!.attainment.p10).toBe(0.3);
    expect(plan!.attainment.p50).toBe(0.9);
    expect(plan!.attainment.p90).toBe(1.6);
    expect(plan!.attainment.mean).toBeCloseTo(0.995, 12);
    // Bookings 9.95 × 1,000,000 = 9,950,000: cost of sales 990,000 ÷ 9,950,000 = 9.9497…%.
    expect(plan!.costOfSales).toBeCloseTo(990000 / 9950000, 12);
    // Nothing for 2 of 10 (0.3, 0.45); at or above quota 5 (1.0 … 2.0); at the cap 2 (1.6, 2.0).
    expect(plan!.shareEarningNothing).toBe(0.2);
    expect(plan!.shareAtOrAboveQuota).toBe(0.5);
    expect(plan!.shareAtCap).toBe(0.2);
    // P90 pay 200,000 ÷ target incentive 100,000 = 2×.
    expect(plan!.targetIncentive).toBe(100000);
    expect(plan!.p90MultipleOfTarget).toBe(2);
    // The shortcut prices the mean seller, 0.995 → 99,500: it overstates the mean pay by 500 ÷ 99,000 = 0.505%.
    expect(plan!.accrual.shortcut).toBeCloseTo(99500, 6);
    expect(plan!.accrual.error).toBeCloseTo(500 / 99000, 12);
  });

  it('draws the force when there is no roster, says behaviour is mechanical, and gives byte-identical output for one seed', () => {
    const dir = tempDir({ 'policy.yaml': `${BASE_POLICY}${PLAN}` });
    const run = (...args: string[]) => runCli(['simulate', '--population', ...args, 'policy.yaml'], { cwd: dir });
    const first = run('--seed', '42', '--draws', '2000');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Behaviour is mechanical');
    expect(first.stdout).toContain('P90 pay ÷ target incentive');
    expect(run('--seed', '42', '--draws', '2000').stdout).toBe(first.stdout);
    expect(run('--seed', '43', '--draws', '2000').stdout).not.toBe(first.stdout);
    const json = population(`${BASE_POLICY}${PLAN}`, '--seed', '42', '--draws', '2000');
    expect(json.behaviour).toBe('mechanical');
    expect(json.plans[0]).toMatchObject({ source: 'distribution', sellers: 2000, totalPayout: null });
  });

  it('rejects a bad --seed, --draws, --median or --sigma with what to write (exit 2)', () => {
    const dir = tempDir({ 'policy.yaml': `${BASE_POLICY}${PLAN}` });
    for (const [option, value, says] of [
      ['--seed', '1.5', 'write seed as a whole number'],
      ['--draws', '0', 'write draws as a whole number'],
      ['--median', 'high', 'write median in % of quota'],
      ['--sigma', '-1', 'write sigma as a number'],
    ] as const) {
      const run = runCli(['simulate', '--population', option, value, 'policy.yaml'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(says);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('the seeded lognormal', () => {
  // Tolerance: the sample median of n = 20,000 lognormal draws has a relative standard error of about
  // 1.2533 × sigma ÷ √n (0.27% at sigma 0.3, 0.53% at 0.6); 2.5% is more than four standard errors at any sigma here.
  it('converges: the P50 of 20,000 draws is within 2.5% of the analytic median, and one seed gives the same draws', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2147483648, max: 2147483647 }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        (seed, median, sigma) => {
          const draws = drawAttainments({ median, sigma }, 20_000, seed);
          const p50 = percentile(Float64Array.from(draws).sort(), 0.5);
          expect(Math.abs(p50 / median - 1)).toBeLessThan(0.025);
          expect(drawAttainments({ median, sigma }, 20_000, seed)).toEqual(draws);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('the README section on simulate --population', () => {
  it('runs every command it shows, as written, on the bundled example', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('./helpers.js');
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const section = readme.slice(readme.indexOf('### The sales force: `simulate --population'), readme.indexOf('## CI integration'));
    const commands = section.split('\n').filter((line) => line.startsWith('npx --no-install incentive-lint '));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) {
      const run = runCli(command.replace('npx --no-install incentive-lint ', '').split(' '));
      expect(run.code, command).toBe(0);
      expect(run.stdout).toMatch(/mechanical/);
    }
  });
});
