/**
 * One date for every view (issue 22, item 5): lint, matrix, gate and simulate judge at the same date
 * (the announcement, else --today) and read the same windows: an instrument whose `until` is before
 * that date is history in all of them, one still in force is judged by all of them.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const policy = (announced: string | undefined, until: string) => `version: 1
strategy:
  name: Enterprise first
${announced ? `  announced: ${announced}\n` : ''}  priorities:
    - id: enterprise-growth
      favor: { segments: [enterprise], metrics: [enterprise-arr] }
      deprioritize: { segments: [smb], metrics: [customer-count] }
segments:
  - { id: enterprise, sales_cycle_days: 210, avg_deal_size: 120000 }
  - { id: smb, sales_cycle_days: 21, avg_deal_size: 8000 }
teams:
  - { id: sales, kind: revenue, customer_facing: true }
metrics:
  - { id: new-arr, type: outcome, perspective: financial, segmented: true }
  - { id: enterprise-arr, type: outcome, perspective: financial, segmented: true }
  - { id: customer-count, type: output, perspective: customer, segmented: true }
compensation:
  - id: ae-2025
    team: sales
    effective: 2025-01-01
    until: ${until}
    rationale: Last year's plan.
    variable_share: 0.5
    bonus:
      - { metric: customer-count, weight: 0.5 }
      - { metric: enterprise-arr, segment: enterprise, weight: 0.5 }
  - id: ae-2026
    team: sales
    effective: 2025-01-01
    rationale: This year's plan pays enterprise.
    variable_share: 0.5
    bonus:
      - { metric: enterprise-arr, segment: enterprise, weight: 1 }
`;

interface MatrixJson {
  rows: { priority: string; cells: Record<string, { status: string; underminedBy: string[] }> }[];
  model: { asOf: string };
}

function views(text: string, today: string) {
  const cwd = tempDir({ 'policy.yaml': text });
  const lint = runCli(['policy.yaml', '--today', today, '-f', 'json'], { cwd });
  const matrix = runCli(['matrix', 'policy.yaml', '--today', today, '-f', 'json'], { cwd });
  const simulate = runCli(['simulate', 'policy.yaml', '--today', today, '-f', 'json'], { cwd });
  const rules = (JSON.parse(lint.stdout) as { findings: { rule: string; line: number }[] }).findings.map(
    (finding) => `${finding.rule}:${finding.line}`,
  );
  const parsed = JSON.parse(matrix.stdout) as MatrixJson;
  return {
    rules,
    cell: parsed.rows[0]!.cells.sales!,
    asOf: parsed.model.asOf,
    simulate: JSON.parse(simulate.stdout) as { date: string; dateSource: string },
  };
}

describe('one date and one window for every view', () => {
  it('a plan that ended before the announcement is history for lint and the matrix alike', () => {
    const ended = views(policy('2026-03-02', '2025-12-31'), '2026-06-01');
    expect(ended.rules).toEqual([]);
    expect(ended.cell).toEqual({ status: 'reinforced', reinforcedBy: ['ae-2026: enterprise-arr / enterprise'], underminedBy: [] });
    expect(ended.asOf).toBe('2026-03-02');
    const running = views(policy('2026-03-02', '2026-12-31'), '2026-06-01');
    expect(running.rules).toEqual(['pay-old-priority:26']);
    expect(running.cell).toMatchObject({ status: 'both', underminedBy: ['ae-2025: customer-count'] });
  });

  it('without an announcement every view judges at --today: lint, matrix and simulate', () => {
    const text = policy(undefined, '2026-03-31');
    const before = views(text, '2026-02-01');
    expect([before.asOf, before.simulate.date, before.simulate.dateSource]).toEqual(['2026-02-01', '2026-02-01', 'today']);
    expect(before.rules).toContain('pay-old-priority:25');
    expect(before.cell.status).toBe('both');
    const after = views(text, '2026-06-01');
    expect([after.asOf, after.simulate.date]).toEqual(['2026-06-01', '2026-06-01']);
    expect(after.rules.filter((rule) => rule.startsWith('pay-old-priority'))).toEqual([]);
    expect(after.cell.status).toBe('reinforced');
  });

  it('the gate judges the ended plan as lint does, and the matrix follows --announce', () => {
    const cwd = tempDir({ 'policy.yaml': policy('2026-03-02', '2026-03-31') });
    const gate = JSON.parse(
      runCli(['gate', 'policy.yaml', '--announce', '2026-06-01', '--today', '2026-06-01', '-f', 'json'], { cwd }).stdout,
    ) as { steps: { findings: { rule: string }[] }[] };
    expect(gate.steps.flatMap((step) => step.findings.map((finding) => finding.rule))).not.toContain('pay-old-priority');
    const matrix = JSON.parse(runCli(['matrix', 'policy.yaml', '--announce', '2026-06-01', '-f', 'json'], { cwd }).stdout) as MatrixJson;
    expect([matrix.model.asOf, matrix.rows[0]!.cells.sales!.status]).toEqual(['2026-06-01', 'reinforced']);
    // The report draws the ended plan's bar up to its last day, neither for nor against: the matrix's evidence leaves it out.
    const report = runCli(['report', 'policy.yaml', '--announce', '2026-06-01', '--today', '2026-06-01'], { cwd }).stdout;
    expect(report).toMatch(
      /<g class="row" data-instrument="ae-2025" data-stance="neutral">[\s\S]*?from 2025-01-01 to 2026-03-31 · neither/,
    );
    expect(report).toMatch(/<g class="row" data-instrument="ae-2026" data-stance="for">/);
    const early = JSON.parse(runCli(['gate', 'policy.yaml', '--today', '2026-06-01', '-f', 'json'], { cwd }).stdout) as {
      steps: { findings: { rule: string }[] }[];
    };
    expect(early.steps.flatMap((step) => step.findings.map((finding) => finding.rule))).toContain('pay-old-priority');
  });
});
