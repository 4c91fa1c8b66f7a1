import { Chalk } from 'chalk';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules, lint, type LintResult } from '../src/index.js';
import { loadFormatter } from '../src/report/index.js';
import { FINGERPRINT_KEY, MAX_RESULTS } from '../src/report/sarif.js';
import { lineHashes } from '../src/report/fingerprints.js';
import { compileFile, SARIF_SCHEMA_PATH } from './json-schema.js';
import { EXAMPLES, policyWith, runCli, tempDir } from './helpers.js';
import { expected, expectedGithub, readGithub, readJunit, readMarkdown, readSarif, type SarifLog } from './report-parsers.js';

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

async function render(format: string, result: LintResult, cwd?: string): Promise<string> {
  const formatter = await loadFormatter(format);
  if (!formatter) throw new Error(`no formatter ${format}`);
  return formatter(result, { chalk: new Chalk({ level: 0 }), ...(cwd ? { cwd } : {}) });
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
    expect(lines[0]).toMatch(
      /^::error file=plan%2C v2%3A q3 #1\.yaml,line=28,col=9,endLine=28,endColumn=54,title=flat-commission::Plan ae-2026 pays smb 8%25/,
    );
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
    expect(suites.map((suite) => [suite.attributes.name, suite.attributes.tests, suite.attributes.failures])).toEqual([
      [AWKWARD_FILE, '3', '1'],
    ]);
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
    expect(findings.map(({ docs, ...finding }) => finding)).toEqual(
      expected(result.findings, ['rule', 'severity', 'file', 'line', 'column', 'message', 'fix']),
    );
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
    expect([driver.name, driver.version, driver.informationUri]).toEqual([
      'incentive-lint',
      packageJson.version,
      'https://github.com/incentive-lint/incentive-lint',
    ]);
    expect(driver.rules.map((rule) => rule.id)).toEqual(result.rules.map((rule) => rule.id));
    expect(driver.rules.find((rule) => rule.id === 'okr-old-priority')!.defaultConfiguration.level).toBe('warning');
    expect(driver.rules.find((rule) => rule.id === 'recognition-mismatch')!.defaultConfiguration.level).toBe('note');
    for (const rule of driver.rules)
      expect(rule.helpUri).toBe(`https://github.com/incentive-lint/incentive-lint/blob/main/docs/rules.md#${rule.id}`);
    for (const sarifResult of log.runs[0]!.results) expect(driver.rules[sarifResult.ruleIndex]!.id).toBe(sarifResult.ruleId);
  });

  it('json: the contract is unchanged by the rule metadata the other formats need', async () => {
    const parsed = JSON.parse(await render('json', result)) as { findings: Record<string, unknown>[]; summary: unknown };
    expect(Object.keys(parsed)).toEqual(['findings', 'summary']);
    const keys = ['rule', 'severity', 'message', 'fix', 'file', 'line', 'column', 'endLine', 'endColumn', 'path'];
    // `priorities` only where the finding says its instrument works against one, `edits` only where the fix is mechanical.
    expect(parsed.findings.map((finding) => Object.keys(finding))).toEqual(
      result.findings.map((finding) => [...keys, ...(finding.priorities ? ['priorities'] : []), ...(finding.edits ? ['edits'] : [])]),
    );
    expect(parsed.findings.filter((finding) => finding.edits).map((finding) => finding.rule)).toEqual(
      result.findings.filter((finding) => finding.edits).map((finding) => finding.rule),
    );
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
    const { log } = readSarif(await render('sarif', result, dir));
    return log.runs[0]!.results.map((sarifResult) => ({
      rule: sarifResult.ruleId,
      line: sarifResult.locations[0]!.physicalLocation.region.startLine,
      hash: sarifResult.partialFingerprints[FINGERPRINT_KEY],
    }));
  }

  it("keep each finding's fingerprint when unrelated lines are added above it", async () => {
    const original = await fingerprints(plans(''));
    // A new metric continues the metrics list above the plans; comments push everything further down.
    const moved = await fingerprints(
      plans('  - { id: csat, type: quality, perspective: customer }\n# Plans for 2026\n# reviewed by finance\n'),
    );
    expect(moved.map((finding) => finding.line)).not.toEqual(original.map((finding) => finding.line));
    expect(moved.map(({ rule, hash }) => ({ rule, hash }))).toEqual(original.map(({ rule, hash }) => ({ rule, hash })));
  });

  it("tell identical findings apart by occurrence, in GitHub's hash:occurrence form", async () => {
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
    expect(changed.find((finding) => finding.rule === 'flat-commission')!.hash).not.toBe(
      original.find((finding) => finding.rule === 'flat-commission')!.hash,
    );
  });
});

describe('sarif for code scanning', () => {
  const validateSarif = compileFile(SARIF_SCHEMA_PATH);
  type Notification = { level: string; message: { text: string }; descriptor?: { id: string } };
  type Log = SarifLog & { runs: { invocations: { toolExecutionNotifications: Notification[] }[] }[] };

  it(`carries its fingerprint under a key of its own (${FINGERPRINT_KEY}), never codeql-action's primaryLocationLineHash`, async () => {
    const dir = tempDir({ 'policy.yaml': policyWith(FLAT_PLAN_AND_VELOCITY_OKR) });
    const result = await lint(['policy.yaml'], { cwd: dir, today: '2026-06-01' });
    const { log } = readSarif(await render('sarif', result, dir));
    expect(log.runs[0]!.results.length).toBeGreaterThan(1);
    for (const sarifResult of log.runs[0]!.results) {
      expect(Object.keys(sarifResult.partialFingerprints)).toEqual([FINGERPRINT_KEY]);
      expect(sarifResult.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{16}:\d+$/);
    }
  });

  it('names files relative to the repository root when run in a subfolder (SARIF and GitLab), and relative to the working folder outside a repository', () => {
    const repo = tempDir({ '.git/HEAD': 'ref: refs/heads/main\n', 'policies/sales/plan.yaml': policyWith(FLAT_PLAN_AND_VELOCITY_OKR) });
    const cwd = path.join(repo, 'policies');
    const run = runCli(['sales/plan.yaml', '--today', '2026-06-01', '-f', 'sarif:out.sarif', '-f', 'gitlab:out.json'], { cwd });
    expect(run.stderr).toBe('');
    const sarifLog = JSON.parse(fs.readFileSync(path.join(cwd, 'out.sarif'), 'utf8')) as Log;
    expect(validateSarif(sarifLog), JSON.stringify(validateSarif.errors)).toBe(true);
    const locations = sarifLog.runs[0]!.results.map((sarifResult) => sarifResult.locations[0]!.physicalLocation.artifactLocation);
    expect(locations.length).toBeGreaterThan(0);
    for (const location of locations) expect(location).toEqual({ uri: 'policies/sales/plan.yaml', uriBaseId: '%SRCROOT%' });
    const gitlab = JSON.parse(fs.readFileSync(path.join(cwd, 'out.json'), 'utf8')) as { location: { path: string } }[];
    expect(new Set(gitlab.map((issue) => issue.location.path))).toEqual(new Set(['policies/sales/plan.yaml']));

    // A worktree's (or submodule's) .git is a file.
    const worktree = tempDir({ '.git': 'gitdir: /elsewhere/.git/worktrees/w\n', 'sub/plan.yaml': policyWith(FLAT_PLAN_AND_VELOCITY_OKR) });
    runCli(['plan.yaml', '--today', '2026-06-01', '-f', 'sarif:out.sarif'], { cwd: path.join(worktree, 'sub') });
    const worktreeLog = JSON.parse(fs.readFileSync(path.join(worktree, 'sub', 'out.sarif'), 'utf8')) as Log;
    expect(worktreeLog.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('sub/plan.yaml');

    const outside = tempDir({ 'sales/plan.yaml': policyWith(FLAT_PLAN_AND_VELOCITY_OKR) });
    runCli(['sales/plan.yaml', '--today', '2026-06-01', '-f', 'sarif:out.sarif'], { cwd: outside });
    const outsideLog = JSON.parse(fs.readFileSync(path.join(outside, 'out.sarif'), 'utf8')) as Log;
    expect(outsideLog.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'sales/plan.yaml',
      uriBaseId: '%SRCROOT%',
    });
  });

  it.skipIf(process.platform === 'win32')('percent-encodes a \\ in a file name (%5C), which outside Windows is no folder separator', () => {
    const dir = tempDir({ 'q3\\plans.yaml': policyWith(FLAT_PLAN_AND_VELOCITY_OKR) });
    const run = runCli(['q3\\plans.yaml', '--today', '2026-06-01', '-f', 'sarif:out.sarif'], { cwd: dir });
    expect(run.stderr).toBe('');
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('q3%5Cplans.yaml');
  });

  it(`keeps at most ${MAX_RESULTS} results, the most severe, and says in a run-level note how many are left out`, async () => {
    const plans = Array.from(
      { length: MAX_RESULTS + 40 },
      (_, n) =>
        `  - { id: ae-${n}, team: sales, commission: [{ metric: new-arr, segment: enterprise, rate: "8%" }, { metric: new-arr, segment: smb, rate: "8%" }] }`,
    ).join('\n');
    // The OKR comes after every plan: its error is the last finding, and is kept over warnings.
    const dir = tempDir({
      'policy.yaml': policyWith(
        `compensation:\n${plans}\nokrs:\n  - id: eng-q3\n    team: engineering\n    key_results:\n      - { metric: velocity, target: "+20%" }\n`,
      ),
    });
    const off = Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, 'off' as const]));
    const result = await lint(['policy.yaml'], {
      cwd: dir,
      today: '2026-06-01',
      rules: { ...off, 'flat-commission': 'warning', 'okr-old-priority': 'error' },
    });
    expect(result.findings).toHaveLength(MAX_RESULTS + 41);
    expect(result.findings.at(-1)!.rule).toBe('okr-old-priority');
    const text = await render('sarif', result, dir);
    const log = JSON.parse(text) as Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const results = log.runs[0]!.results;
    expect(results).toHaveLength(MAX_RESULTS);
    expect(results.at(-1)!.ruleId).toBe('okr-old-priority');
    expect(results.slice(0, -1).every((sarifResult) => sarifResult.ruleId === 'flat-commission')).toBe(true);
    const lines = results.map((sarifResult) => sarifResult.locations[0]!.physicalLocation.region.startLine);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // Identities do not depend on the cut: each kept result has the fingerprint it has in a full run.
    const full = new Map(
      lineHashes(result).map((hash, index) => [`${result.findings[index]!.rule}@${result.findings[index]!.line}`, hash]),
    );
    for (const sarifResult of results)
      expect(sarifResult.partialFingerprints[FINGERPRINT_KEY]).toBe(
        full.get(`${sarifResult.ruleId}@${sarifResult.locations[0]!.physicalLocation.region.startLine}`),
      );
    const notes = log.runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notes).toEqual([
      expect.objectContaining({
        level: 'warning',
        descriptor: { id: 'results-left-out' },
        message: {
          text: `41 of ${MAX_RESULTS + 41} results are left out of this log: GitHub code scanning shows at most ${MAX_RESULTS} per run. The ${MAX_RESULTS} kept are the most severe (errors, then warnings, then infos); --format json lists them all.`,
        },
      }),
    ]);
    // Under the cap, no note.
    const small = await lint(['policy.yaml'], {
      cwd: tempDir({ 'policy.yaml': policyWith(FLAT_PLAN_AND_VELOCITY_OKR) }),
      today: '2026-06-01',
    });
    expect((JSON.parse(await render('sarif', small)) as Log).runs[0]!.invocations[0]!.toolExecutionNotifications).toEqual([]);
  });

  it('fingerprints thousands of findings on one long line, each distinct and each kept when a line is added above (SARIF and GitLab)', async () => {
    // One flow-style line of 3,000 plans (about 400 KB): every flat-commission finding sits on it.
    const plans = Array.from(
      { length: 3000 },
      (_, n) =>
        `{ id: ae-${n}, team: sales, commission: [{ metric: new-arr, segment: enterprise, rate: "8%" }, { metric: new-arr, segment: smb, rate: "8%" }] }`,
    ).join(', ');
    const off = Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, 'off' as const]));
    const fingerprintsOf = async (before: string) => {
      const dir = tempDir({ 'policy.yaml': policyWith(`${before}compensation: [${plans}]\n`) });
      const result = await lint(['policy.yaml'], { cwd: dir, today: '2026-06-01', rules: { ...off, 'flat-commission': 'error' } });
      const sarifLog = JSON.parse(await render('sarif', result, dir)) as Log;
      const gitlab = JSON.parse(await render('gitlab', result, dir)) as { fingerprint: string; location: { lines: { begin: number } } }[];
      return {
        sarif: sarifLog.runs[0]!.results.map((sarifResult) => sarifResult.partialFingerprints[FINGERPRINT_KEY]!),
        gitlab,
        lines: new Set(gitlab.map((issue) => issue.location.lines.begin)),
      };
    };
    const original = await fingerprintsOf('');
    expect(original.sarif).toHaveLength(3000);
    expect(original.lines.size).toBe(1);
    expect(new Set(original.sarif).size).toBe(3000);
    expect(new Set(original.gitlab.map((issue) => issue.fingerprint)).size).toBe(3000);
    const moved = await fingerprintsOf('# reviewed by finance\n');
    expect(moved.lines).not.toEqual(original.lines);
    expect(moved.sarif).toEqual(original.sarif);
    expect(moved.gitlab.map((issue) => issue.fingerprint)).toEqual(original.gitlab.map((issue) => issue.fingerprint));
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
    const run = runCli([
      file,
      '--today',
      '2026-06-01',
      '-f',
      'json',
      ...['sarif', 'github', 'junit', 'markdown'].flatMap((format) => ['-f', `${format}:${path.join(out, format)}`]),
    ]);
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
    expect(junit.suites.map((suite) => [suite.attributes.name, suite.attributes.failures, suite.children.length])).toEqual([
      ['examples/aligned.yaml', '0', 1],
    ]);
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
    const sarif = JSON.parse(fs.readFileSync(`${out}/results.sarif`, 'utf8')) as {
      runs: Array<{ invocations: Array<{ executionSuccessful: boolean }> }>;
    };
    expect(sarif.runs[0]!.invocations.map((invocation) => invocation.executionSuccessful)).toEqual([true]);
  });
});
