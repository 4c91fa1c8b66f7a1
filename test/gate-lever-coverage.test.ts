/**
 * The gate's step 3 (`lever-coverage`) as a user meets it: which priorities a lever must reward,
 * and what counts as rewarding one. Each case runs the built CLI and reads its JSON back.
 */
import { describe, expect, it } from 'vitest';
import { leverCoverageDoc } from '../src/gate/lever-coverage.js';
import { policyWith, runCli, tempDir } from './helpers.js';

interface GateJson {
  verdict: 'go' | 'no-go';
  steps: {
    number: number;
    status: 'pass' | 'fail';
    findings: { rule: string; message: string; fix: string; line: number; column: number }[];
  }[];
}

function gate(text: string) {
  const run = runCli(['gate', 'policy.yaml', '--format', 'json', '--today', '2026-06-01'], { cwd: tempDir({ 'policy.yaml': text }) });
  const report = JSON.parse(run.stdout) as GateJson;
  const coverage = report.steps[2]!.findings.filter((finding) => finding.rule === 'lever-coverage');
  return { code: run.code, verdict: report.verdict, coverage };
}

/**
 * A subscription business: priority annual-plans favors segment annual-plan and prefers metric
 * annual-plan-conversions over monthly-plan-conversions. Two bonus plans and an OKR set pay the
 * preferred metric (without naming the segment); an award names the segment.
 */
const PREFERENCE_PAID = `version: 1
strategy:
  announced: 2026-03-16
  levers_not_used: [promotions]
  priorities:
    - id: annual-plans
      favor: { segments: [annual-plan] }
      deprioritize: { segments: [promo-trial] }
      prefer:
        - { metric: annual-plan-conversions, over: monthly-plan-conversions }
segments:
  - { id: annual-plan }
  - { id: monthly-plan }
  - { id: promo-trial }
teams:
  - { id: growth-marketing, kind: non-revenue }
  - { id: lifecycle-marketing, kind: non-revenue }
metrics:
  - { id: annual-plan-conversions, type: outcome, perspective: financial, segmented: true }
  - { id: monthly-plan-conversions, type: outcome, perspective: financial, segmented: true }
  - { id: subscriber-ltv, type: outcome, perspective: financial, segmented: true }
compensation:
  - id: growth-marketing-2026
    team: growth-marketing
    effective: 2026-01-01
    bonus:
      - { metric: subscriber-ltv, weight: 0.6 }
      - { metric: annual-plan-conversions, weight: 0.4 }
    rationale: Paid for subscribers who stay, and for moving them to annual plans.
  - id: lifecycle-marketing-2026
    team: lifecycle-marketing
    effective: 2026-01-01
    bonus:
      - { metric: subscriber-ltv, weight: 0.6 }
      - { metric: annual-plan-conversions, segment: monthly-plan, weight: 0.4 }
    rationale: Paid when monthly subscribers move to an annual plan.
okrs:
  - id: lifecycle-2026-h1
    team: lifecycle-marketing
    effective: 2026-01-01
    key_results:
      - { metric: annual-plan-conversions, segment: monthly-plan, target: "18% of month-3 subscribers" }
    rationale: Annual members stay longer.
recognition:
  - id: member-awards
    effective: 2026-01-01
    awards:
      - { text: Annual-plan champion, metric: annual-plan-conversions, segment: annual-plan, teams: [lifecycle-marketing] }
    rationale: We celebrate moving members to annual plans.
`;

describe('gate lever-coverage', () => {
  it('counts a metric the priority prefers (prefer: [{ metric, over }]) as one it favors: paid and measured, the priority is covered', () => {
    const { code, verdict, coverage } = gate(PREFERENCE_PAID);
    expect(coverage).toEqual([]);
    expect(verdict).toBe('go');
    expect(code).toBe(0);
  });

  it('does not count the metric it is preferred over: paying only that one leaves the priority unrewarded there', () => {
    const overOnly = PREFERENCE_PAID.replace(
      /metric: annual-plan-conversions, weight: 0\.4/,
      'metric: monthly-plan-conversions, weight: 0.4',
    ).replace(
      /metric: annual-plan-conversions, segment: monthly-plan, weight: 0\.4/,
      'metric: monthly-plan-conversions, segment: monthly-plan, weight: 0.4',
    );
    const { code, coverage } = gate(overOnly);
    expect(code).toBe(1);
    expect(coverage.map(({ message, fix, line, column }) => ({ message, fix, line, column }))).toEqual([
      {
        message: 'Priority annual-plans is rewarded by no compensation plan: teams are told it matters but are not paid for it.',
        fix: 'reward annual-plan-conversions or annual-plan in a compensation plan',
        line: 6,
        column: 11,
      },
    ]);
  });

  it('judges a lever only over the teams a priority concerns: a ladder of plant operations is not needed for a sales segment', () => {
    const { code, verdict, coverage } = gate(CONTRACT_CUSTOMERS);
    expect(coverage).toEqual([]);
    expect(verdict).toBe('go');
    expect(code).toBe(0);
  });

  it('still demands the ladder of a team the priority concerns: a sales ladder silent about OEM contracts', () => {
    const { code, coverage } = gate(
      CONTRACT_CUSTOMERS.replace(
        '    team: operations\n    effective: 2026-01-01\n    criteria:',
        '    team: sales\n    effective: 2026-01-01\n    criteria:',
      ),
    );
    expect(code).toBe(1);
    expect(coverage.map(({ message, fix, line, column }) => ({ message, fix, line, column }))).toEqual([
      {
        message: 'Priority contract-customers is rewarded by no promotion ladder: teams are told it matters but are not promoted for it.',
        fix: 'reward oem-contract in a promotion ladder',
        line: 5,
        column: 11,
      },
    ]);
  });

  it('reports the example `explain lever-coverage` shows as reported, and accepts the one it shows as accepted', () => {
    const { bad, good } = leverCoverageDoc.meta.examples!;
    expect(gate(policyWith(bad)).coverage.map((finding) => finding.message)).toEqual([
      'Priority enterprise-growth is rewarded by no OKR set: teams are told it matters but are not measured for it.',
    ]);
    expect(gate(policyWith(good)).coverage).toEqual([]);
  });
});

/**
 * A manufacturer: priority contract-customers favors segment oem-contract. Sales is paid on it and
 * logistics measured on it; the only promotion ladder is plant operations', which the segment does
 * not concern; a company-wide award for on-time OEM deliveries names operations among its teams.
 */
const CONTRACT_CUSTOMERS = `version: 1
strategy:
  announced: 2026-04-01
  priorities:
    - id: contract-customers
      favor: { segments: [oem-contract] }
      deprioritize: { segments: [spot] }
segments:
  - { id: oem-contract }
  - { id: spot }
teams:
  - { id: sales, kind: revenue, customer_facing: true }
  - { id: operations, kind: non-revenue }
  - { id: logistics, kind: non-revenue, customer_facing: true }
metrics:
  - { id: contract-revenue, type: outcome, perspective: financial, segmented: true }
  - { id: otif, type: outcome, perspective: customer, segmented: true }
  - { id: first-pass-yield, type: quality, perspective: internal }
compensation:
  - id: key-account-sales-2026
    team: sales
    effective: 2026-01-01
    bonus:
      - { metric: contract-revenue, segment: oem-contract, weight: 0.7 }
      - { metric: otif, segment: oem-contract, weight: 0.3 }
    rationale: Paid on multi-year OEM agreements, and on the on-time delivery those customers get.
okrs:
  - id: logistics-2026-q2
    team: logistics
    effective: 2026-01-01
    key_results:
      - { metric: otif, segment: oem-contract, target: ">= 97%" }
    rationale: OEM lines stop when we are late.
promotions:
  - id: operations-ladder
    team: operations
    effective: 2026-01-01
    criteria:
      - { text: Raises first-pass yield on the lines they own, metric: first-pass-yield }
      - { text: Keeps their lines on the promised schedule, metric: otif }
    rationale: We promote people who make quality better for everyone.
recognition:
  - id: plant-recognition
    effective: 2026-01-01
    awards:
      - { text: Perfect OTIF month for an OEM account, metric: otif, segment: oem-contract, teams: [logistics, operations, sales] }
    rationale: We celebrate on-time delivery, because it is what our customers buy from us.
`;
