import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { lineOf, runCli, salesPlan, tempDir } from './helpers.js';
import { git } from './git-fixture.js';

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

const strategy = (priorities: string) => `version: 1
strategy:
  name: Test
  announced: 2026-03-02
  priorities:
${priorities}
segments:
  - { id: enterprise }
  - { id: smb }
teams:
  - { id: sales }
  - { id: product }
metrics:
  - { id: new-arr, segmented: true }
  - { id: velocity }
  - { id: defect-rate }
`;

const OLD_STRATEGY = strategy(`    - id: growth
      favor: { metrics: [new-arr] }`);
const NEW_STRATEGY = strategy(`    - id: enterprise-growth
      favor: { segments: [enterprise], metrics: [new-arr] }
      deprioritize: { segments: [smb] }
    - id: quality
      favor: { metrics: [defect-rate] }
      deprioritize: { metrics: [velocity] }`);

const SALES_PLAN = `version: 1\n${salesPlan()}`;
const PRODUCT_OKRS = `version: 1
okrs:
  - id: product-q1
    team: product
    key_results:
      - { metric: velocity, target: "+20%" }
`;
const PRODUCT_OKRS_UPDATED = `version: 1
okrs:
  - id: product-q1
    team: product
    key_results:
      - { metric: defect-rate, target: "-30%" }
    rationale: Quality over speed.
`;

/**
 * Commit 1: the old strategy, the plans in two files under policy/.
 * Commit 2: the strategy changes, plans/sales.yaml is renamed to incentives/sales-comp.yaml
 * (same content), the product OKRs are rewritten for the new strategy.
 */
function repositoryWithStrategyChange(): string {
  const repo = tempDir({
    'policy/strategy.yaml': OLD_STRATEGY,
    'policy/plans/sales.yaml': SALES_PLAN,
    'policy/plans/product.yaml': PRODUCT_OKRS,
    'README.md': 'not a policy\n',
  });
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'old strategy');
  write(repo, 'policy/strategy.yaml', NEW_STRATEGY);
  fs.mkdirSync(path.join(repo, 'policy/incentives'));
  git(repo, 'mv', 'policy/plans/sales.yaml', 'policy/incentives/sales-comp.yaml');
  write(repo, 'policy/plans/product.yaml', PRODUCT_OKRS_UPDATED);
  git(repo, 'commit', '-q', '-a', '-m', 'enterprise-first');
  return repo;
}

describe('incentive-lint --since', () => {
  it('reports the renamed, unchanged plan as stale and not the rewritten OKRs', () => {
    const repo = repositoryWithStrategyChange();
    const run = runCli(['--since', 'HEAD~1', 'policy', '--format', 'json'], { cwd: repo });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: { rule: string; severity: string; file: string; line: number; column: number; message: string }[];
    };
    expect(
      report.findings.map(({ rule, severity, file, line, column, message }) => ({ rule, severity, file, line, column, message })),
    ).toEqual([
      {
        rule: 'stale-incentive',
        severity: 'warning',
        file: 'policy/incentives/sales-comp.yaml',
        line: 6,
        column: 9,
        message:
          'ae-2026 is unchanged, but the strategy changed what it rewards: segment enterprise (neutral → favored) and segment smb (neutral → deprioritized). Teams keep doing what it still pays for.',
      },
    ]);

    // Named file by file, the renamed file has no namesake at HEAD~1: git's rename detection finds it.
    const files = ['policy/strategy.yaml', 'policy/incentives/sales-comp.yaml', 'policy/plans/product.yaml'];
    const byFile = runCli(['--since', 'HEAD~1', ...files, '--format', 'json'], { cwd: repo });
    expect(byFile.code).toBe(1);
    expect(JSON.parse(byFile.stdout).findings.map((finding: { file: string; line: number }) => `${finding.file}:${finding.line}`)).toEqual([
      'policy/incentives/sales-comp.yaml:6',
    ]);
  });

  it('reports uncommitted work against HEAD: the strategy edit on disk makes the committed plans stale', () => {
    const repo = tempDir({ 'strategy.yaml': OLD_STRATEGY, 'product.yaml': PRODUCT_OKRS });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    write(repo, 'strategy.yaml', NEW_STRATEGY);
    const run = runCli(['--since', 'HEAD'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Strategy changes from HEAD to the working tree:\n');
    expect(run.stdout).toContain('  - priority growth removed\n');
    expect(run.stdout).toContain('  + priority enterprise-growth added\n');
    expect(run.stdout).toContain('  metric velocity: neutral → deprioritized\n');
    expect(run.stdout).toMatch(
      /product\.yaml\n {2}6:9 {2}warning {2}product-q1 is unchanged, but the strategy changed what it rewards: metric velocity \(neutral → deprioritized\)/,
    );
  });

  it('is clean after a third commit updates the last plan, and says so when the strategy did not change', () => {
    const repo = repositoryWithStrategyChange();
    write(
      repo,
      'policy/incentives/sales-comp.yaml',
      SALES_PLAN.replace('segment: enterprise, rate: "8%"', 'segment: enterprise, rate: "16%"'),
    );
    git(repo, 'commit', '-q', '-a', '-m', 'pay enterprise 2x');

    const sinceOld = runCli(['--since', 'HEAD~2', 'policy', '--format', 'json'], { cwd: repo });
    expect(sinceOld.code).toBe(0);
    expect(JSON.parse(sinceOld.stdout).findings).toEqual([]);

    const sinceNew = runCli(['--since', 'HEAD~1', 'policy'], { cwd: repo });
    expect(sinceNew.code).toBe(0);
    expect(sinceNew.stdout).toContain('The strategy did not change between HEAD~1 and the working tree: no incentive can be stale.');
  });

  it('notices a changed favor list of a priority that kept its id', () => {
    const repo = tempDir({ 'policy.yaml': NEW_STRATEGY + SALES_PLAN.replace('version: 1\n', '') });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    write(
      repo,
      'policy.yaml',
      (NEW_STRATEGY + SALES_PLAN.replace('version: 1\n', '')).replace(
        'deprioritize: { segments: [smb] }',
        'deprioritize: { segments: [] }',
      ),
    );
    const run = runCli(['--since', 'HEAD', 'policy.yaml'], { cwd: repo });
    expect(run.stdout).toContain('  ~ priority enterprise-growth: deprioritize.segments -smb\n');
    expect(run.stdout).toContain('  segment smb: deprioritized → neutral\n');
    expect(run.stdout).toContain('ae-2026 is unchanged, but the strategy changed what it rewards: segment smb (deprioritized → neutral).');
    expect(run.code).toBe(1);
  });

  it('still counts a plan as unchanged when only the order of its lines changed', () => {
    const policy = NEW_STRATEGY + SALES_PLAN.replace('version: 1\n', '');
    const repo = tempDir({ 'policy.yaml': policy.replace('deprioritize: { segments: [smb] }', 'deprioritize: { segments: [] }') });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    const smbLine = '      - { metric: new-arr, segment: smb, rate: "8%" }\n';
    const reordered = policy.replace(smbLine, '').replace('    commission:\n', `    commission:\n${smbLine}`);
    expect(reordered).not.toBe(policy);
    write(repo, 'policy.yaml', reordered);
    const run = runCli(['--since', 'HEAD', 'policy.yaml', '--format', 'json'], { cwd: repo });
    expect(run.stderr).toBe('');
    const stale = JSON.parse(run.stdout).findings.filter((finding: { rule: string }) => finding.rule === 'stale-incentive');
    expect(stale.map(({ line, message }: { line: number; message: string }) => [line, message])).toEqual([
      [
        lineOf(reordered, 'segment: smb'),
        'ae-2026 is unchanged, but the strategy changed what it rewards: segment smb (neutral → deprioritized). Teams keep doing what it still pays for.',
      ],
    ]);
  });

  it('exits 2 with a clear message outside a git repository and for an unknown ref', () => {
    const plain = tempDir({ 'policy.yaml': NEW_STRATEGY });
    const outside = runCli(['--since', 'HEAD', 'policy.yaml'], { cwd: plain });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(
      `--since reads the policy at an earlier commit from the git repository of the working folder, but ${fs.realpathSync(plain)} is not inside one: run incentive-lint in the repository that holds the policy`,
    );

    const repo = repositoryWithStrategyChange();
    const unknown = runCli(['--since', 'v9.9', 'policy'], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown git ref "v9.9": name a commit, branch or tag of this repository');
    expect(unknown.stdout).toBe('');
  });

  it('names the file at the commit when the earlier version is invalid', () => {
    const repo = tempDir({ 'policy.yaml': NEW_STRATEGY.replace('priorities:', 'priorites:') });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'typo');
    write(repo, 'policy.yaml', NEW_STRATEGY);
    const run = runCli(['--since', 'HEAD', 'policy.yaml'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/HEAD:policy\.yaml:5:3: unknown key "priorites" in the strategy; did you mean "priorities"\?/);
  });
});

describe('incentive-lint diff BASE HEAD', () => {
  it('matches instruments by id across a policy that was split into several files', () => {
    const dir = tempDir({
      'before/policy.yaml': OLD_STRATEGY + SALES_PLAN.replace('version: 1\n', '') + PRODUCT_OKRS.replace('version: 1\n', ''),
      'after/strategy.yaml': NEW_STRATEGY,
      'after/sales.yaml': SALES_PLAN,
      'after/product.yaml': PRODUCT_OKRS_UPDATED,
    });
    const run = runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings as { rule: string; file: string; line: number }[];
    expect(findings.map(({ rule, file, line }) => ({ rule, file, line }))).toEqual([
      { rule: 'stale-incentive', file: 'after/sales.yaml', line: 6 },
    ]);
  });

  it('accepts an unchanged instrument that a current waiver covers', () => {
    const waiver = `waivers:
  - { rule: stale-incentive, target: ae-2026, reason: Plan changes with the Q3 cycle, approved_by: CRO, expires: 2026-09-30 }
`;
    const dir = tempDir({
      'before.yaml': OLD_STRATEGY + SALES_PLAN.replace('version: 1\n', ''),
      'after.yaml': NEW_STRATEGY + SALES_PLAN.replace('version: 1\n', '') + waiver,
    });
    expect(runCli(['diff', 'before.yaml', 'after.yaml', '--today', '2026-06-01'], { cwd: dir }).code).toBe(0);
    expect(runCli(['diff', 'before.yaml', 'after.yaml', '--today', '2026-10-01'], { cwd: dir }).code).toBe(1);
  });

  it('exits 2 when a version cannot be read', () => {
    const dir = tempDir({ 'after.yaml': NEW_STRATEGY });
    const run = runCli(['diff', 'missing.yaml', 'after.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.yaml: no such file or folder: check the path');
  });
});

describe('stale-incentive outside diff', () => {
  it('stays silent in a plain lint run, which has no earlier version to compare with', async () => {
    const dir = tempDir({ 'policy.yaml': NEW_STRATEGY + SALES_PLAN.replace('version: 1\n', '') });
    const result = await lint(['policy.yaml'], { cwd: dir, today: '2026-06-01' });
    expect(result.findings.filter((finding) => finding.rule === 'stale-incentive')).toEqual([]);
    expect(result.findings.map((finding) => finding.rule)).toContain('flat-commission');
  });
});
