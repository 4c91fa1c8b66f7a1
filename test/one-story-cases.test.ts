/**
 * Classes where lint and the matrix used to tell different stories (issue 22, item 5), each held to
 * one: what lint reports against a priority, the matrix marks, and what it marks, lint reports.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const STRATEGY = `version: 1
strategy:
  name: Enterprise first
  announced: 2026-03-02
  priorities:
    - id: enterprise-growth
      favor: { segments: [enterprise], metrics: [enterprise-arr] }
      deprioritize: { segments: [smb] }
segments:
  - { id: enterprise }
  - { id: smb }
teams:
  - { id: sales, kind: revenue, customer_facing: true }
metrics:
  - { id: new-arr, type: outcome, perspective: financial, segmented: true }
  - { id: enterprise-arr, type: outcome, perspective: financial, segmented: true }
`;

const plan = (lines: string) => `${STRATEGY}compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    rationale: One quota.
    ote: 240000
    variable_share: 0.5
${lines}    clawback: { months: 6 }
`;

function story(text: string) {
  const cwd = tempDir({ 'policy.yaml': text });
  const lint = JSON.parse(runCli(['policy.yaml', '--today', '2026-06-01', '-f', 'json'], { cwd }).stdout) as {
    findings: { rule: string; priorities?: string[] }[];
  };
  const matrix = JSON.parse(runCli(['matrix', 'policy.yaml', '--today', '2026-06-01', '-f', 'json'], { cwd }).stdout) as {
    rows: { cells: Record<string, { status: string; underminedBy: string[] }> }[];
  };
  return {
    against: lint.findings.filter((finding) => finding.priorities?.includes('enterprise-growth')).map((finding) => finding.rule),
    cell: matrix.rows[0]!.cells.sales!,
  };
}

describe('a line that names no segment', () => {
  it('pays the deprioritized segment as much as the favored one: flat-commission reports it and the matrix marks it, without any deal economics', () => {
    const { against, cell } = story(plan('    quotas:\n      - { metric: new-arr, amount: 1200000 }\n'));
    expect(against).toEqual(['flat-commission']);
    expect(cell).toMatchObject({ status: 'undermined', underminedBy: ['ae-2026: new-arr, pays smb alike'] });
  });

  it('with the favored segment credited 2x toward quota, or smb excluded from it, neither says anything against the priority', () => {
    for (const quota of [
      '    quotas:\n      - { metric: new-arr, amount: 1200000 }\n    credit: [{ segment: enterprise, multiplier: 2 }]\n',
      '    quotas:\n      - { metric: new-arr, amount: 1200000, excludes: [smb] }\n',
    ]) {
      const { against, cell } = story(plan(quota));
      expect(against, quota).toEqual([]);
      expect(cell.underminedBy, quota).toEqual([]);
    }
  });

  it('beside a lower line of its own for smb, pays smb through that line: the general line undermines nothing', () => {
    const { against, cell } = story(
      plan('    commission:\n      - { metric: new-arr, rate: "10%" }\n      - { metric: new-arr, segment: smb, rate: "4%" }\n'),
    );
    expect(against).toEqual([]);
    expect(cell.underminedBy).toEqual([]);
  });
});
