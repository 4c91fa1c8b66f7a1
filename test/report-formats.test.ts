import { Chalk } from 'chalk';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules, lint, type LintResult } from '../src/index.js';
import { loadFormatter } from '../src/report/index.js';
import { compileFile, SARIF_SCHEMA_PATH } from './json-schema.js';
import { EXAMPLES, policyWith, runCli, tempDir } from './helpers.js';
import { expected, expectedGithub, readGithub, readJunit, readMarkdown, readSarif } from './report-parsers.js';

/** A file name and an award text full of what each format must escape. */
const AWKWARD_FILE = 'plan, v2: q3 #1.yaml';
const AWKWARD_AWARD = 'Top | closer, 100%: <b>A&B</b> \\"quoted\\"\\nsecond line `code` *star* \\\\ back_slash %0A';

/** A flat commission and an OKR on velocity: findings of two rules every format must carry. */
const FLAT_PLAN_AND_VELOCITY_OKR = `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "8%" }
      - { metric: new-arr, segment: smb, rate: "8%" }
okrs:
  - id: eng-q3
    team: engineering
    key_results:
      - { metric: velocity, target: "+20%" }
`;

const AWKWARD_POLICY = policyWith(`${FLAT_PLAN_AND_VELOCITY_OKR}recognition:
  - id: awards
    awards:
      - { text: Enterprise win of the month, segment: enterprise }
      - text: "${AWKWARD_AWARD}"
        segment: smb
`);

async function render(format: string, result: LintResult): Promise<string> {
  const formatter = await loadFormatter(format);
  if (!formatter) throw new Error(`no formatter ${format}`);
  return formatter(result, { chalk: new Chalk({ level: 0 }) });
}

describe('report formats, read back', () => {
  let result: LintResult;
  beforeAll(async () => {
    const dir = tempDir({ [AWKWARD_FILE]: AWKWARD_POLICY });
    // Three rules, one per severity, so that every level of every format is exercised.
    const off = Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, 'off' as const]));
    result = await lint([AWKWARD_FILE], {
      cwd: dir,
      today: '2026-06-01',
      rules: { ...off, 'flat-commission': 'error', 'okr-old-priority': 'warning', 'recognition-mismatch': 'info' },
    });
  });

  it('has an error, a warning and an info finding, one with a two-line message', () => {
    expect(result.findings.map((finding) => [finding.rule, finding.severity])).toEqual([
      ['flat-commission', 'error'],
      ['okr-old-priority', 'warning'],
      ['recognition-mismatch', 'info'],
    ]);
    expect(result.findings[2]!.message).toContain('A&B</b> "quoted"\nsecond line');
  });

  it('github: one workflow command per finding, decoded exactly as the runner decodes them', async () => {
    const text = await render('github', result);
    expect(readGithub(text)).toEqual(expectedGithub(result.findings));
    const lines = text.trimEnd().split('\n');
    expect(lines.map((line) => line.slice(0, line.indexOf(' ')))).toEqual(['::error', '::warning', '::notice', 'incentive-lint:']);
    expect(lines[0]).toMatch(/^::error file=plan%2C v2%3A q3 #1\.yaml,line=28,col=9,endLine=28,endColumn=54,title=flat-commission::Plan ae-2026 pays smb 8%25/);
    // The message's own line break and "%0A" stay inside the one command.
    expect(lines[2]).toContain('"quoted"%0Asecond line');
    expect(lines[2]).toContain('back_slash %250A');
    expect(lines[3]).toBe('incentive-lint: 3 problems (1 error, 1 warning, 1 info) in 1 file');
  });

  it('junit: one testsuite per file, one testcase per finding, only errors fail, well-formed XML', async () => {
    const { suites, findings } = readJunit(await render('junit', result));
    // A line break inside policy text is shown as \n, so that it cannot forge a line of the report.
    const shown = result.findings.map((finding) => ({ ...finding, message: finding.message.replaceAll('\n', '\\n') }));
    expect(findings).toEqual(expected(shown, ['rule', 'severity', 'file', 'line', 'column', 'message', 'fix']));
    expect(suites.map((suite) => [suite.attributes.name, suite.attributes.tests, suite.attributes.failures])).toEqual([[AWKWARD_FILE, '3', '1']]);
    // Named by rule and instrument, never by position: a moved line is the same test.
    expect(suites[0]!.children.map((testcase) => [testcase.attributes.name, testcase.children.map((child) => child.name)])).toEqual([
      ['flat-commission in ae-2026', ['failure']],
      ['okr-old-priority in eng-q3', ['system-out']],
      ['recognition-mismatch in awards', ['system-out']],
    ]);
  });

  it('markdown: a summary line, then a table per file with each fix, cells escaped', async () => {
    const text = await render('markdown', result);
    const { summary, findings } = readMarkdown(text);
    expect(summary).toBe('### ❌ incentive-lint: 3 problems (1 error, 1 warning, 1 info) in 1 file');
    expect(findings.map(({ docs, ...finding }) => finding)).toEqual(expected(result.findings, ['rule', 'severity', 'file', 'line', 'column', 'message', 'fix']));
    expect(findings[0]!.docs).toBe('https://github.com/incentive-lint/incentive-lint/blob/main/docs/rules.md#flat-commission');
    // Every table row has exactly the five cells: no `|` of a message leaks out as a column.
    const rows = text.split('\n').filter((line) => line.startsWith('| '));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(text).not.toMatch(/<b>|(?<!\\)\*star/);
  });

  it('sarif: one result per finding, levels error/warning/note, and valid against the SARIF 2.1.0 schema', async () => {
    const text = await render('sarif', result);
    const validate = compileFile(SARIF_SCHEMA_PATH);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const { log, findings } = readSarif(text);
    expect(findings).toEqual(expected(result.findings));
    const run = log.runs[0]!;
    expect(run.results.map((sarifResult) => sarifResult.level)).toEqual(['error', 'warning', 'note']);
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('plan%2C%20v2%3A%20q3%20%231.yaml');
    expect(run.results.map((sarifResult) => sarifResult.properties.fix)).toEqual(result.findings.map((finding) => finding.fix));
  });

  it('sarif: tool.driver names the tool and lists every rule that ran, at the level it ran at', async () => {
    const { log } = readSarif(await render('sarif', result));
    const { driver } = log.runs[0]!.tool;
    const packageJson = JSON.parse(fs.readFileSync(path.join(EXAMPLES, '..', 'package.json'), 'utf8')) as { version: string };
    expect([driver.name, driver.version, driver.informationUri]).toEqual(['incentive-lint', packageJson.version, 'https://github.com/incentive-lint/incentive-lint']);
    expect(driver.rules.map((rule) => rule.id)).toEqual(result.rules.map((rule) => rule.id));
    expect(driver.rules.find((rule) => rule.id === 'okr-old-priority')!.defaultConfiguration.level).toBe('warning');
    expect(driver.rules.find((rule) => rule.id === 'recognition-mismatch')!.defaultConfiguration.level).toBe('note');
    for (const rule of driver.rules) expect(rule.helpUri).toBe(`https://github.com/incentive-lint/incentive-lint/blob/main/docs/rules.md#${rule.id}`);
    for (const sarifResult of log.runs[0]!.results) expect(driver.rules[sarifResult.ruleIndex]!.id).toBe(sarifResult.ruleId);
  });

  it('json: the contract is unchanged by the rule metadata the other formats need', async () => {
    const parsed = JSON.parse(await render('json', result)) as { findings: Record<string, unknown>[]; summary: unknown };
    expect(Object.keys(parsed)).toEqual(['findings', 'summary']);
    const keys = ['rule', 'severity', 'message', 'fix', 'file', 'line', 'column', 'endLine', 'endColumn', 'path'];
    // `edits` only where the fix is mechanical.
    expect(parsed.findings.map((finding) => Object.keys(finding))).toEqual(result.findings.map((finding) => (finding.edits ? [...keys, 'edits'] : keys)));
    expect(parsed.findings.filter((finding) => finding.edits).map((finding) => finding.rule)).toEqual(result.findings.filter((finding) => finding.edits).map((finding) => finding.rule));
    expect(parsed.findings.some((finding) => finding.edits)).toBe(true);
    expect(parsed.summary).toEqual({ errors: 1, warnings: 1, infos: 1, files: 1 });
  });
});

describe('sarif fingerprints', () => {
  const plans = (before: string) =>
    policyWith(`${before}${FLAT_PLAN_AND_VELOCITY_OKR}      - { metric: velocity, target: "+20%" }
`);

  async function fingerprints(text: string) {
    const dir = tempDir({ 'policy.yaml': text });
    const result = await lint(['policy.yaml'], { cwd: dir, today: '2026-06-01' });
    expect(result.diagnostics).toEqual([]);
    const { log } = readSarif(await render('sarif', result));
    return log.runs[0]!.results.map((sarifResult) => ({
      rule: sarifResult.ruleId,
      line: sarifResult.locations[0]!.physicalLocation.region.startLine,
      hash: sarifResult.partialFingerprints.primaryLocationLineHash,
    }));
  }

  it('keep each finding\'s fingerprint when unrelated lines are added above it', async () => {
    const original = await fingerprints(plans(''));
    // A new metric continues the metrics list above the plans; comments push everything further down.
    const moved = await fingerprints(plans('  - { id: csat, type: quality, perspective: customer }\n# Plans for 2026\n# reviewed by finance\n'));
    expect(moved.map((finding) => finding.line)).not.toEqual(original.map((finding) => finding.line));
    expect(moved.map(({ rule, hash }) => ({ rule, hash }))).toEqual(original.map(({ rule, hash }) => ({ rule, hash })));
  });

  it('tell identical findings apart by occurrence, in GitHub\'s hash:occurrence form', async () => {
    const found = await fingerprints(plans(''));
    const okr = found.filter((finding) => finding.rule === 'okr-old-priority').map((finding) => finding.hash);
    expect(okr).toHaveLength(2);
    expect(okr[0]).toMatch(/^[0-9a-f]{16}:1$/);
    expect(okr[1]).toBe(okr[0]!.replace(/:1$/, ':2'));
    expect(new Set(found.map((finding) => finding.hash)).size).toBe(found.length);
  });

  it('change when the flagged line itself changes', async () => {
    const original = await fingerprints(plans(''));
    const changed = await fingerprints(plans('').replace('segment: smb, rate: "8%"', 'segment: smb, rate: "9%"'));
    expect(changed.find((finding) => finding.rule === 'flat-commission')!.hash).not.toBe(original.find((finding) => finding.rule === 'flat-commission')!.hash);
  });
});

describe('every example, through the CLI, in every format at once', () => {
  const examples = fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));
  const validateSarif = compileFile(SARIF_SCHEMA_PATH);

  it('the SARIF schema really checks: an empty object and a log without runs fail it', () => {
    expect(validateSarif({})).toBe(false);
    expect(validateSarif({ version: '2.1.0' })).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [] })).toBe(true);
  });

  it.each(examples)('%s: each report agrees with the JSON findings, and the SARIF validates', (example) => {
    const out = tempDir();
    const file = `examples/${example}`;
    const run = runCli([file, '--today', '2026-06-01', '-f', 'json', ...['sarif', 'github', 'junit', 'markdown'].flatMap((format) => ['-f', `${format}:${path.join(out, format)}`])]);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as { findings: Parameters<typeof expected>[0]; summary: { errors: number } };
    expect(run.code).toBe(json.summary.errors > 0 ? 1 : 0);
    const read = (format: string) => fs.readFileSync(path.join(out, format), 'utf8');

    const sarif = JSON.parse(read('sarif')) as object;
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    expect(readSarif(read('sarif')).findings).toEqual(expected(json.findings));
    expect(readGithub(read('github'))).toEqual(expectedGithub(json.findings));
    const junit = readJunit(read('junit'));
    expect(junit.findings).toEqual(expected(json.findings, ['rule', 'severity', 'file', 'line', 'column', 'message', 'fix']));
    expect(junit.suites.map((suite) => suite.attributes.name)).toEqual([file]);
    expect(readMarkdown(read('markdown')).findings.map(({ docs, ...finding }) => finding)).toEqual(
      expected(json.findings, ['rule', 'severity', 'file', 'line', 'column', 'message', 'fix']),
    );
  });

  it('a clean policy gives a passing testcase per file, an empty SARIF run and a clean summary', () => {
    const out = tempDir();
    const run = runCli(['examples/aligned.yaml', '-f', `junit:${out}/junit.xml`, '-f', `sarif:${out}/results.sarif`, '-f', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('<!-- incentive-lint report -->\n### ✅ incentive-lint: no problems in 1 file\n');
    const junit = readJunit(fs.readFileSync(`${out}/junit.xml`, 'utf8'));
    expect(junit.suites.map((suite) => [suite.attributes.name, suite.attributes.failures, suite.children.length])).toEqual([['examples/aligned.yaml', '0', 1]]);
    const { log } = readSarif(fs.readFileSync(`${out}/results.sarif`, 'utf8'));
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules.length).toBeGreaterThan(0);
  });
});

describe('a run that could not lint, in the formats CI reads', () => {
  const broken = `${policyWith()}compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: smb, rate: 12 }
`;

  it('github annotates the line to fix; no SARIF (code scanning would read it as every alert fixed) and no JSON', () => {
    const dir = tempDir({ 'policy.yaml': broken });
    const line = broken.split('\n').findIndex((text) => text.includes('rate: 12')) + 1;
    const column = broken.split('\n')[line - 1]!.indexOf('12 }') + 1;
    const run = runCli(['policy.yaml', '-f', 'github', '-f', 'sarif:out/results.sarif', '-f', 'json:out/results.json'], { cwd: dir });
    expect(run.code).toBe(2);
    const message = 'rate: 12 (1200%) is above 100%: if you meant 12%, write 0.12 or "12%"';
    expect(run.stdout).toBe(
      `::error file=policy.yaml,line=${line},col=${column},endLine=${line},endColumn=${column + 2},title=incentive-lint::${message.replace(/%/g, '%25')}\n` +
        'incentive-lint: 1 problem with the run (exit 2)\n',
    );
    expect(run.stderr).toContain(`error policy.yaml:${line}:${column}: ${message}`);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('SARIF says whether the execution succeeded', () => {
    const out = tempDir();
    runCli(['examples/aligned.yaml', '-f', `sarif:${out}/results.sarif`]);
    const sarif = JSON.parse(fs.readFileSync(`${out}/results.sarif`, 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean }> }> };
    expect(sarif.runs[0]!.invocations.map((invocation) => invocation.executionSuccessful)).toEqual([true]);
  });
});
