import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, lineOf, ROOT, runCli } from './helpers.js';

const enterpriseFirst = fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8');

describe('incentive-lint on the bundled examples', () => {
  it('reports the three headline rules on enterprise-first.yaml and exits 1', () => {
    const run = runCli(['examples/enterprise-first.yaml', '--today', '2026-03-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('examples/enterprise-first.yaml\n');
    for (const rule of ['flat-commission', 'okr-old-priority', 'recognition-mismatch']) expect(run.stdout).toContain(rule);
    const smbLine = lineOf(enterpriseFirst, 'segment: smb, rate: "8%"');
    expect(run.stdout).toMatch(
      new RegExp(
        `^  ${smbLine}:9 +error +Plan ae-2026 pays smb 8% on new-arr, against 8% for enterprise \\(1×\\): the strategy favors enterprise, but this commission does not make the trade-off\\.  flat-commission$`,
        'm',
      ),
    );
    expect(run.stdout).toContain('fix: raise enterprise to at least 16% (2 × smb 8%), or lower smb to at most 4%');
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings?, \d+ infos?\) in 1 file/);
  });

  it('reports nothing on aligned.yaml and exits 0', () => {
    const run = runCli(['examples/aligned.yaml', '--today', '2026-03-01']);
    expect(run.stdout).toBe('✔ no problems in 1 file\n');
    expect(run.code).toBe(0);
  });

  it('prints the JSON contract, with relative paths and document paths, parsed back', () => {
    const run = runCli(['examples/enterprise-first.yaml', '--format', 'json', '--today', '2026-03-01']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Record<string, unknown>[]; summary: Record<string, number> };
    expect(Object.keys(report)).toEqual(['findings', 'summary']);
    expect(Object.keys(report.summary)).toEqual(['errors', 'warnings', 'infos', 'files']);
    expect(report.summary.files).toBe(1);
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
    for (const finding of report.findings) {
      // `priorities` only on a finding that says its instrument works against one, `edits` only on one whose fix is mechanical.
      expect(Object.keys(finding)).toEqual([
        'rule',
        'severity',
        'message',
        'fix',
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'path',
        ...(finding.priorities ? ['priorities'] : []),
        ...(finding.edits ? ['edits'] : []),
      ]);
    }
    // The cells of the matrix they mark: pay-old-priority on customer-count works against enterprise-growth.
    expect(report.findings.filter((f) => f.rule === 'pay-old-priority').map((f) => f.priorities)).toEqual([
      ['enterprise-growth'],
      ['enterprise-growth'],
    ]);
    expect(report.findings.find((f) => f.rule === 'missing-rationale')).not.toHaveProperty('priorities');
    const flat = report.findings.find((f) => f.rule === 'flat-commission');
    const enterpriseLine = lineOf(enterpriseFirst, 'segment: enterprise, rate: "8%"');
    const enterpriseRate = {
      line: enterpriseLine,
      column: enterpriseFirst.split('\n')[enterpriseLine - 1]!.indexOf('"8%"') + 1,
      offset: enterpriseFirst.indexOf('segment: enterprise, rate: "8%"') + 'segment: enterprise, rate: '.length,
    };
    expect(flat).toEqual({
      rule: 'flat-commission',
      severity: 'error',
      message:
        'Plan ae-2026 pays smb 8% on new-arr, against 8% for enterprise (1×): the strategy favors enterprise, but this commission does not make the trade-off.',
      fix: 'raise enterprise to at least 16% (2 × smb 8%), or lower smb to at most 4%',
      file: 'examples/enterprise-first.yaml',
      line: lineOf(enterpriseFirst, 'segment: smb, rate: "8%"'),
      column: 9,
      endLine: lineOf(enterpriseFirst, 'segment: smb, rate: "8%"'),
      endColumn: enterpriseFirst.split('\n')[lineOf(enterpriseFirst, 'segment: smb, rate: "8%"') - 1]!.indexOf('}') + 2,
      path: ['compensation', 0, 'commission', 1],
      // The matrix cell it marks: the sales team against enterprise-growth.
      priorities: ['enterprise-growth'],
      // The fix's first way, a suggestion: enterprise's rate (the line above) raised to 16%.
      edits: [
        {
          file: 'examples/enterprise-first.yaml',
          start: { line: enterpriseRate.line, column: enterpriseRate.column },
          end: { line: enterpriseRate.line, column: enterpriseRate.column + 4 },
          range: [enterpriseRate.offset, enterpriseRate.offset + 4],
          text: '"16%"',
          safety: 'suggestion',
        },
      ],
    });
  });

  it('paths are relative to the working folder', () => {
    const run = runCli(['enterprise-first.yaml', '--format', 'json'], { cwd: EXAMPLES });
    const report = JSON.parse(run.stdout) as { findings: { file: string }[] };
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['enterprise-first.yaml']));
  });

  it('`lint` is an alias of the default command', () => {
    const direct = runCli(['examples/enterprise-first.yaml', '--format', 'json', '--today', '2026-03-01']);
    const alias = runCli(['lint', 'examples/enterprise-first.yaml', '--format', 'json', '--today', '2026-03-01']);
    expect(alias.stdout).toBe(direct.stdout);
    expect(alias.code).toBe(direct.code);
  });

  it('--help shows examples and exit codes; --version prints the package version', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit codes:');
    const version = runCli(['--version']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
    expect(version.code).toBe(0);
  });

  it('usage errors exit 2 without a stack trace', () => {
    for (const args of [['--frobnicate'], ['--format', 'xml', 'examples/aligned.yaml'], ['--today', '2026-02-30', 'examples']]) {
      const run = runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/error/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('colors only when asked: NO_COLOR and non-terminals get plain text, FORCE_COLOR gets ANSI', () => {
    const plain = runCli(['examples/enterprise-first.yaml']);
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const forced = runCli(['examples/enterprise-first.yaml'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const off = runCli(['examples/enterprise-first.yaml', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(off.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('README', () => {
  it('shows the real output of the quick start command', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const sample =
      /<!-- sample:start -->\n```text\n\$ npx --no-install incentive-lint examples\/enterprise-first\.yaml\n([\s\S]*?)```\n<!-- sample:end -->/.exec(
        readme,
      );
    expect(sample, 'the README has its sample block').not.toBeNull();
    const run = runCli(['examples/enterprise-first.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(sample![1]);
  });
});
