/**
 * The reports CI systems read, checked against what each consumer relies on: GitLab's Code Quality
 * report, JUnit test reports (only what fails the run is a failure), and GitHub annotations
 * (columns only within one line).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAjv } from './json-schema.js';
import { EXAMPLES, runCli, tempDir } from './helpers.js';
import { readJunit } from './report-parsers.js';

interface JsonFinding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix: string;
}

/**
 * GitLab's Code Quality report (docs.gitlab.com/ci/testing/code_quality, "Code Quality report
 * format"): a JSON array of issues, each with a description, a check_name, a fingerprint unique in
 * the report, a severity on GitLab's scale, and a location: the file path relative to the
 * repository and the line the issue begins on. Extra keys are not needed and not written.
 */
const GITLAB_CODE_QUALITY = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', pattern: '^(?!\\./|/)[^\\\\]+$' },
          lines: {
            type: 'object',
            additionalProperties: false,
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
};
const validateGitlab = createAjv().compile(GITLAB_CODE_QUALITY);

interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const EXAMPLE_FILES = fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));
const ENTERPRISE_FIRST = fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8');

/** One run, reports of the same findings: JSON (the contract) and each of `formats` (to check). */
function lintInFormats(
  args: string[],
  formats: readonly string[],
  cwd?: string,
): { json: JsonFinding[]; reports: Record<string, string>; code: number } {
  const out = tempDir();
  const run = runCli(
    [...args, '--today', '2026-06-01', '-f', 'json', ...formats.flatMap((format) => ['-f', `${format}:${path.join(out, format)}`])],
    { cwd },
  );
  expect(run.stderr).toBe('');
  const reports = Object.fromEntries(formats.map((format) => [format, fs.readFileSync(path.join(out, format), 'utf8')]));
  return { json: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings, reports, code: run.code };
}

/** One run, two reports of the same findings: JSON and `format`. */
function lintTwice(args: string[], format: string, cwd?: string): { json: JsonFinding[]; report: string; code: number } {
  const { json, reports, code } = lintInFormats(args, [format], cwd);
  return { json, report: reports[format]!, code };
}

/** An example's JSON and CI reports: one run per example, shared by the tests below. */
const exampleRuns = new Map<string, ReturnType<typeof lintInFormats>>();
function lintExample(example: string, format: 'gitlab' | 'junit' | 'github'): { json: JsonFinding[]; report: string; code: number } {
  if (!exampleRuns.has(example)) exampleRuns.set(example, lintInFormats([`examples/${example}`], ['gitlab', 'junit', 'github']));
  const { json, reports, code } = exampleRuns.get(example)!;
  return { json, report: reports[format]!, code };
}

describe('--format gitlab (GitLab Code Quality)', () => {
  it.each(EXAMPLE_FILES)('%s: a valid report, one issue per finding, fingerprints unique', (example) => {
    const { json, report } = lintExample(example, 'gitlab');
    const issues = JSON.parse(report) as GitlabIssue[];
    expect(validateGitlab(issues), JSON.stringify(validateGitlab.errors, null, 2)).toBe(true);
    const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as Record<string, string>;
    expect(issues.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.lines.begin])).toEqual(
      json.map((finding) => [finding.rule, SEVERITY[finding.severity], finding.file, finding.line]),
    );
    expect(issues.map((issue) => issue.description)).toEqual(json.map((finding) => `${finding.message} Fix: ${finding.fix}`));
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    for (const issue of issues) expect(fs.existsSync(issue.location.path)).toBe(true);
  });

  it('is an empty array for a clean policy (GitLab reads it as "no issues")', () => {
    const { report, code } = lintExample('aligned.yaml', 'gitlab');
    expect(code).toBe(0);
    expect(JSON.parse(report)).toEqual([]);
  });

  it('keeps each fingerprint when lines are added above, so GitLab sees no new issue; a new finding gets a new one', () => {
    const before = JSON.parse(lintTwice(['policy.yaml'], 'gitlab', tempDir({ 'policy.yaml': ENTERPRISE_FIRST })).report) as GitlabIssue[];
    const moved = ENTERPRISE_FIRST.replace('\ncompensation:', '\n# reviewed by finance\n# and by the CRO\ncompensation:');
    const after = JSON.parse(lintTwice(['policy.yaml'], 'gitlab', tempDir({ 'policy.yaml': moved })).report) as GitlabIssue[];
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
    expect(after.find((issue) => issue.check_name === 'flat-commission')!.location.lines.begin).toBe(
      before.find((issue) => issue.check_name === 'flat-commission')!.location.lines.begin + 2,
    );
    // Fixing the flat commission removes its issue and leaves the other fingerprints as they were.
    const fixed = ENTERPRISE_FIRST.replace(
      '{ metric: new-arr, segment: enterprise, rate: "8%" }',
      '{ metric: new-arr, segment: enterprise, rate: "16%" }',
    );
    const remaining = JSON.parse(lintTwice(['policy.yaml'], 'gitlab', tempDir({ 'policy.yaml': fixed })).report) as GitlabIssue[];
    expect(remaining.map((issue) => issue.check_name)).not.toContain('flat-commission');
    const kept = new Set(before.map((issue) => issue.fingerprint));
    expect(remaining.filter((issue) => !kept.has(issue.fingerprint))).toEqual([]);
  });
});

describe('--format junit: only what fails the run is a failure', () => {
  it('errors are <failure>; warnings and infos pass, with their text; names are rule and instrument', () => {
    const { json, report } = lintExample('enterprise-first.yaml', 'junit');
    const { suites, findings } = readJunit(report);
    expect(findings).toEqual(
      json.map(({ rule, severity, file, line, column, message, fix }) => ({ rule, severity, file, line, column, message, fix })),
    );
    const errors = json.filter((finding) => finding.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(json.length);
    expect([suites[0]!.attributes.tests, suites[0]!.attributes.failures]).toEqual([String(json.length), String(errors)]);
    const names = suites[0]!.children.map((testcase) => testcase.attributes.name!);
    expect(names).toContain('flat-commission in ae-2026');
    expect(names).toContain('okr-old-priority in product-2026-q1');
    expect(names).toContain('okr-old-priority in product-2026-q1 (2)');
    for (const name of names) expect(name).not.toMatch(/\d+:\d+/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('a policy with only warnings is a passing test suite', () => {
    const { json, report, code } = lintTwice(
      [
        'examples/enterprise-first.yaml',
        '--rule',
        'flat-commission=warning',
        ...['okr-old-priority', 'pay-old-priority', 'promotion-old-behavior', 'recognition-mismatch', 'gameable-target'].flatMap((rule) => [
          '--rule',
          `${rule}=off`,
        ]),
      ],
      'junit',
    );
    expect(code).toBe(0);
    expect(json.length).toBeGreaterThan(0);
    const { suites } = readJunit(report);
    expect(suites.map((suite) => suite.attributes.failures)).toEqual(['0']);
    expect(report).not.toContain('<failure');
  });

  it('moving a line leaves every test name unchanged', () => {
    const names = (text: string) =>
      readJunit(lintTwice(['policy.yaml'], 'junit', tempDir({ 'policy.yaml': text })).report).suites[0]!.children.map(
        (testcase) => testcase.attributes.name,
      );
    expect(names(ENTERPRISE_FIRST.replace('\ncompensation:', '\n# moved down\ncompensation:'))).toEqual(names(ENTERPRISE_FIRST));
  });
});

describe('--format github: columns only within one line', () => {
  it('drops col and endColumn from annotations that span lines, and keeps them on one-line findings', () => {
    let spanning = 0;
    for (const example of EXAMPLE_FILES) {
      const { json, report } = lintExample(example, 'github');
      const annotations = report.split('\n').filter((line) => line.startsWith('::'));
      expect(annotations.length).toBe(json.length);
      json.forEach((finding, index) => {
        const properties = annotations[index]!.slice(annotations[index]!.indexOf(' ') + 1, annotations[index]!.indexOf('::', 2));
        const keys = properties.split(',').map((pair) => pair.slice(0, pair.indexOf('=')));
        if (finding.line === finding.endLine) {
          expect(keys).toEqual(['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
        } else {
          spanning++;
          expect(keys).toEqual(['file', 'line', 'endLine', 'title']);
        }
      });
    }
    expect(spanning).toBeGreaterThan(0);
  });
});
