import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, policyWith, runCli, tempDir } from './helpers.js';

interface MatrixJson {
  teams: string[];
  rows: { priority: string; cells: Record<string, { status: string; reinforcedBy: string[]; underminedBy: string[] }> }[];
}

function matrixOf(file: string): MatrixJson {
  const run = runCli(['matrix', file, '--format', 'json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as MatrixJson;
}

const grid = (matrix: MatrixJson) =>
  Object.fromEntries(matrix.rows.map((row) => [row.priority, matrix.teams.map((team) => row.cells[team]!.status)]));

describe('incentive-lint matrix', () => {
  it('shows the four undermined teams of the enterprise-first pattern (sales, product, marketing, customer success)', () => {
    const matrix = matrixOf(path.join(EXAMPLES, 'enterprise-first.yaml'));
    expect(matrix.teams).toEqual(['sales', 'marketing', 'product', 'customer-success', 'implementation']);
    expect(grid(matrix)).toEqual({
      // Sales is paid on enterprise and SMB alike and celebrated for SMB; marketing and CS on metrics blind to size.
      'enterprise-growth': ['both', 'undermined', 'nothing', 'undermined', 'nothing'],
      // Product's velocity and feature-count OKRs, next to the enterprise OKRs that only start in Q3.
      'enterprise-product': ['nothing', 'nothing', 'both', 'nothing', 'nothing'],
      // Promotions go to solo delivery.
      'cross-functional': ['nothing', 'nothing', 'undermined', 'nothing', 'nothing'],
    });
    const growth = matrix.rows[0]!.cells;
    expect(growth.sales!.underminedBy).toEqual(['ae-2026: new-arr / smb', 'all-hands-awards: deals-closed / smb']);
    expect(growth.marketing!.underminedBy).toEqual([
      'marketing-2026: mqls, blind to segments',
      'marketing-2026: mql-to-sql-rate, blind to segments',
    ]);
    expect(growth['customer-success']!.underminedBy).toEqual([
      'cs-2026: csat, blind to segments',
      'cs-2026: customer-count',
      'cs-2026: accounts-per-csm', // declared a proxy for customer-count: it undermines the priority as customer-count does
    ]);
  });

  it('has no undermined cell for the aligned policy, where SMB commission is outpaid 3x by enterprise', () => {
    const matrix = matrixOf(path.join(EXAMPLES, 'aligned.yaml'));
    const statuses = Object.values(grid(matrix)).flat();
    expect(statuses).not.toContain('undermined');
    expect(statuses).not.toContain('both');
    expect(matrix.rows.find((row) => row.priority === 'enterprise-growth')!.cells.sales!.status).toBe('reinforced');
  });

  it('counts a segment-blind metric against a priority only for a customer-facing team', () => {
    const text = policyWith(`compensation:
  - id: ae-2026
    team: sales
    bonus:
      - { metric: velocity-blind, weight: 1 }
  - id: eng-2026
    team: engineering
    bonus:
      - { metric: velocity-blind, weight: 1 }
`).replace('  - { id: defect-rate', '  - { id: velocity-blind, type: output }\n  - { id: defect-rate');
    const dir = tempDir({ 'policy.yaml': text });
    const run = runCli(['matrix', 'policy.yaml', '--format', 'json'], { cwd: dir });
    expect(grid(JSON.parse(run.stdout) as MatrixJson)).toEqual({ 'enterprise-growth': ['undermined', 'nothing'] });
  });

  it('draws a colored table and a markdown table', () => {
    const file = path.join(EXAMPLES, 'enterprise-first.yaml');
    const colored = runCli(['matrix', file], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain('\u001b[31m✖ undermined\u001b[39m');
    expect(colored.stdout).toContain('\u001b[33m± both\u001b[39m');

    const plain = runCli(['matrix', file]);
    expect(plain.stdout).toMatch(/│ enterprise-growth\s+│ ± both\s+│ ✖ undermined │ · nothing\s+│ ✖ undermined\s+│ · nothing\s+│/);
    expect(plain.stdout).not.toContain('\u001b[');

    const markdown = runCli(['matrix', file, '--format', 'markdown']);
    expect(markdown.stdout.split('\n').slice(0, 3)).toEqual([
      '| Priority | sales | marketing | product | customer-success | implementation |',
      '| --- | --- | --- | --- | --- | --- |',
      '| enterprise-growth | ± both | ✖ undermined | · nothing | ✖ undermined | · nothing |',
    ]);
  });

  it('exits 2 on a policy it cannot read', () => {
    const dir = tempDir({ 'policy.yaml': 'version: 1\nstrategy: [\n' });
    const run = runCli(['matrix', 'policy.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('policy.yaml:');
    expect(run.stdout).toBe('');
  });
});
