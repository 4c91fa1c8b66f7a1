import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyWith, runCli, tempDir } from './helpers.js';

const FLAT = policyWith(`compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "8%" }
      - { metric: new-arr, segment: smb, rate: "8%" }
recognition:
  - id: awards
    awards: [{ text: Enterprise win of the month, segment: enterprise }]
`);
const FLAT_FINDING = /28:9\s+error\s+Plan ae-2026 pays smb 8%/;

/** A folder with a policy in policy/ and nothing else, and the list of its files after a run. */
function workspace() {
  const dir = tempDir({ 'policy/plan.yaml': FLAT });
  const files = () => listFiles(dir);
  return { dir, files };
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)]))
    .sort();
}

describe('--output and --format NAME:FILE', () => {
  it('--output writes the report to the file, prints nothing, and keeps the exit code', () => {
    const { dir, files } = workspace();
    const run = runCli(['policy', '--format', 'json', '--output', 'out/report.json'], { cwd: dir });
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', '']);
    expect(files()).toEqual(['out/report.json', 'policy/plan.yaml']);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'out/report.json'), 'utf8')) as { findings: { rule: string; line: number }[] };
    expect(report.findings.map((finding) => [finding.rule, finding.line])).toContainEqual(['flat-commission', 28]);
  });

  it('writes several reports in one run: stylish on the terminal, SARIF and JUnit to files', () => {
    const { dir, files } = workspace();
    const run = runCli(['policy', '-f', 'stylish', '-f', 'sarif:results.sarif', '--format', 'junit:reports/junit.xml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^policy\/plan\.yaml\n/);
    expect(run.stdout).toMatch(FLAT_FINDING);
    expect(files()).toEqual(['policy/plan.yaml', 'reports/junit.xml', 'results.sarif']);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'results.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toContain('flat-commission');
    expect(fs.readFileSync(path.join(dir, 'reports/junit.xml'), 'utf8')).toContain('name="flat-commission in ae-2026"');
  });

  it('a report written to a file has no color codes, even when the terminal forces color', () => {
    const { dir } = workspace();
    const run = runCli(['policy', '-o', 'report.txt'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '3' } });
    expect(run.code).toBe(1);
    const text = fs.readFileSync(path.join(dir, 'report.txt'), 'utf8');
    expect(text).toMatch(FLAT_FINDING);
    expect(text).not.toContain('\u001b[');
  });

  it('a clean policy exits 0 whatever the destination', () => {
    const dir = tempDir({ 'plan.yaml': policyWith('') });
    expect(runCli(['plan.yaml', '-f', 'sarif:r.sarif', '--today', '2026-06-01'], { cwd: dir }).code).toBe(
      runCli(['plan.yaml', '--today', '2026-06-01'], { cwd: dir }).code,
    );
  });

  it('also works after the explicit lint command', () => {
    const { dir } = workspace();
    const run = runCli(['lint', 'policy', '-f', 'json', '-f', 'github:annotations.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { findings: { rule: string; line: number }[] };
    expect(json.findings.map((finding) => [finding.rule, finding.line])).toContainEqual(['flat-commission', 28]);
    expect(fs.readFileSync(path.join(dir, 'annotations.txt'), 'utf8')).toContain(
      '::error file=policy/plan.yaml,line=28,col=9,endLine=28,endColumn=54,title=flat-commission::',
    );
  });

  it.each([
    [
      ['-f', 'pdf'],
      'unknown format "pdf" in --format pdf: use one of stylish, json, sarif, github, gitlab, junit, markdown, compact, unix, csv, optionally followed by :FILE',
    ],
    [['-f', 'sarif:'], '--format sarif: names no file: write --format sarif:results.sarif, or leave out the colon to print it'],
    [
      ['-f', 'json', '-f', 'github'],
      '2 reports would be printed together (json, github): give all but one a file, such as --format github:report.out',
    ],
    [
      ['-f', 'json:a.json', '-o', 'b.json'],
      '--output b.json takes the one report that names no file, but 0 do: write each as --format NAME:FILE instead',
    ],
    [
      ['-f', 'json:same.out', '-f', 'sarif:same.out'],
      'the json and sarif reports would both be written to same.out: give each its own file',
    ],
  ])('%j is a usage error: exit 2, one clear message, nothing written', (args, message) => {
    const { dir, files } = workspace();
    const run = runCli(['policy', ...args], { cwd: dir });
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `error ${message}\n`]);
    expect(files()).toEqual(['policy/plan.yaml']);
  });

  it('an unwritable output path is a clear message and exit 2, not a stack trace', () => {
    const { dir } = workspace();
    fs.writeFileSync(path.join(dir, 'not-a-folder'), '');
    const run = runCli(['policy', '-f', 'sarif:not-a-folder/results.sarif'], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(
      'error not-a-folder/results.sarif: cannot write the sarif report here (a part of the path is a file, not a folder): choose a writable file\n',
    );

    const intoFolder = runCli(['policy', '-o', 'policy'], { cwd: dir });
    expect([intoFolder.code, intoFolder.stderr]).toEqual([
      2,
      'error policy: is a folder: give the stylish report a file name, such as policy/report.out\n',
    ]);
  });

  it('never overwrites a policy file it is linting', () => {
    const { dir } = workspace();
    const run = runCli(['policy', '-f', 'json:policy/plan.yaml'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([
      2,
      'error policy/plan.yaml: is a policy file this run reads: the json report will not overwrite it; choose another file\n',
    ]);
    expect(fs.readFileSync(path.join(dir, 'policy/plan.yaml'), 'utf8')).toBe(FLAT);
  });

  it('writes nothing when the input is invalid (exit 2)', () => {
    const dir = tempDir({ 'plan.yaml': 'version: 1\nteams: [{ id: Sales }]\n' });
    const run = runCli(['plan.yaml', '-f', 'sarif:results.sarif'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'results.sarif'))).toBe(false);
  });

  it('--help documents the syntax', () => {
    const help = runCli(['--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(
      '-f, --format <name[:file]> output format: stylish, json, sarif, github, gitlab, junit, markdown, compact, unix, csv (default: stylish); add :FILE to write it to a file, and repeat to write several reports, such as -f stylish -f sarif:results.sarif',
    );
    expect(help).toContain('-o, --output <file> write the report to FILE instead of stdout');
  });
});
