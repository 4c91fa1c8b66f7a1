/**
 * `report --since GIT_REF`: the gate at an earlier commit beside today's (real git, a temporary
 * repository), and the decision record in the report's footer.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyWith, runCli, tempDir } from './helpers.js';

const PLAN = (smbRate: string) => `compensation:
  - id: ae-2026
    team: sales
    effective: 2026-02-16
    commission:
      - { metric: enterprise-arr, segment: enterprise, rate: "10%" }
      - { metric: new-arr, segment: smb, rate: "${smbRate}" }
    clawback: { months: 6 }
    rationale: Enterprise deals carry the commission now.
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
`;
const RECOGNITION_SMB = `recognition:
  - id: all-hands
    effective: 2026-02-16
    awards:
      - { text: Top SMB closer, metric: new-arr, segment: smb, teams: [sales] }
    rationale: We celebrate the top closer.
`;
const RECOGNITION_ENTERPRISE = `recognition:
  - id: all-hands
    effective: 2026-02-16
    awards:
      - { text: First enterprise deal of the quarter, metric: enterprise-arr, segment: enterprise, teams: [sales, engineering] }
    rationale: We celebrate enterprise wins.
`;

const sectionCount = (html: string, kind: string) =>
  Number(new RegExp(`data-since="${kind}"><h3>[A-Za-z]+ <span class="count">(\\d+)</span>`).exec(html)?.[1]);

describe('report --since', () => {
  it('lists the findings new, fixed and unchanged since the commit, and the verdict then and now', () => {
    const dir = tempDir({ 'policy.yaml': policyWith(PLAN('8%'), RECOGNITION_SMB) });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'v1');
    const gateThen = JSON.parse(runCli(['gate', 'policy.yaml', '-f', 'json', '--today', '2026-06-01'], { cwd: dir }).stdout) as {
      verdict: string;
      steps: { findings: { rule: string }[] }[];
    };
    // v2: the SMB award becomes an enterprise one; the SMB commission line is dropped to 0.5%.
    fs.writeFileSync(path.join(dir, 'policy.yaml'), policyWith(PLAN('0.5%'), RECOGNITION_ENTERPRISE));
    const gateNow = JSON.parse(
      runCli(['gate', 'policy.yaml', '-f', 'json', '--today', '2026-06-01'], { cwd: dir }).stdout,
    ) as typeof gateThen;
    const rules = (report: typeof gateThen) => report.steps.flatMap((step) => step.findings.map((finding) => finding.rule));
    const run = runCli(['report', 'policy.yaml', '--since', 'HEAD', '--today', '2026-06-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const html = run.stdout;
    expect(html).toContain(`data-then="${gateThen.verdict}" data-now="${gateNow.verdict}"`);
    expect(gateThen.verdict).toBe('no-go');
    // What then held and now does not is fixed; what only now holds is new.
    const then = rules(gateThen);
    const now = rules(gateNow);
    expect(then).toContain('recognition-mismatch');
    expect(now).not.toContain('recognition-mismatch');
    const fixed = sectionCount(html, 'fixed');
    const added = sectionCount(html, 'new');
    const unchanged = sectionCount(html, 'unchanged');
    expect(added + unchanged).toBe(now.length);
    expect(fixed + unchanged).toBe(then.length);
    expect(fixed).toBeGreaterThanOrEqual(then.filter((rule) => rule === 'recognition-mismatch').length);
    expect(html).toMatch(/data-since="fixed">[\s\S]*recognition-mismatch[\s\S]*data-since="unchanged"/);
    expect(html).toContain('HEAD:policy.yaml:');
  });

  it('an unknown ref is a usage error (exit 2), no HTML', () => {
    const dir = tempDir({ 'policy.yaml': policyWith(PLAN('8%'), RECOGNITION_SMB) });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const run = runCli(['report', 'policy.yaml', '--since', 'no-such-ref', '--today', '2026-06-01'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown git ref "no-such-ref"');
  });

  it('puts the decision record in the footer and writes it with --record, never over a file without --force', () => {
    const dir = tempDir({ 'policy.yaml': policyWith(PLAN('8%'), RECOGNITION_SMB) });
    const run = runCli(['report', 'policy.yaml', '--today', '2026-06-01', '-o', 'launch.html', '--record', 'record.json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'record.json'), 'utf8')) as {
      digest: string;
      files: { file: string; sha256: string }[];
    };
    const html = fs.readFileSync(path.join(dir, 'launch.html'), 'utf8');
    expect(html).toContain(`data-digest="${record.digest}"`);
    expect(html).toContain(`<td>policy.yaml</td><td>policy</td><td><code>${record.files[0]!.sha256}</code></td>`);
    const again = runCli(['report', 'policy.yaml', '--today', '2026-06-01', '-o', 'launch2.html', '--record', 'record.json'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('pass --force to replace it');
  });
});
