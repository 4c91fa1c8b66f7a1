/**
 * JUnit XML, for CI systems that chart test results (GitLab, Jenkins, Azure Pipelines): one
 * testsuite per policy file and one testcase per finding. Only error-level findings, the ones that
 * fail the run, are failures; warnings and infos are passing testcases that carry their text, so a
 * job that passes shows no failed test. A file without findings has one passing testcase, so that it
 * counts as checked. Test names say what a finding is about (rule and instrument), never where it
 * stands: moving a line does not read as one test fixed and another failing.
 */
import type { Finding } from '../engine/run.js';
import { textLine, xmlAttr as attr, xmlText as text } from '../output/neutralize.js';
import type { Formatter } from './types.js';
import { groupBy } from '../group-by.js';

export const junit: Formatter = (result) => {
  const byFile = groupBy(result.findings, (finding) => finding.file, new Map<string, Finding[]>(result.files.map((file) => [file, []])));

  const suites = [...byFile].map(([file, findings]) => {
    const names = testNames(findings);
    const cases =
      findings.length === 0
        ? [`    <testcase classname=${attr(file)} name="incentive-lint" file=${attr(file)}/>`]
        : findings.map((finding, index) => testcase(finding, names[index]!));
    const tests = Math.max(findings.length, 1);
    return [
      `  <testsuite name=${attr(file)} tests="${tests}" failures="${failures(findings)}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = [...byFile.values()].reduce((sum, findings) => sum + Math.max(findings.length, 1), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="incentive-lint" tests="${tests}" failures="${failures(result.findings)}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

/** What fails the run: error-level findings. */
function failures(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.severity === 'error').length;
}

/**
 * `RULE in INSTRUMENT` (or the team, metric, segment or section the finding is about); a second
 * finding with the same name in one file is numbered, `RULE in INSTRUMENT (2)`.
 */
function testNames(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const name = `${finding.rule} in ${finding.instrument ?? finding.subject ?? String(finding.path[0] ?? 'the policy')}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function testcase(finding: Finding, name: string): string {
  const where = `${finding.file}:${finding.line}:${finding.column}`;
  // One line each: a line break in the policy's text must not add lines that look like the report's own.
  const body = `${finding.severity} ${finding.rule} at ${textLine(where)}\n${textLine(finding.message)}\nfix: ${textLine(finding.fix)}`;
  return [
    `    <testcase classname=${attr(finding.file)} name=${attr(name)} file=${attr(finding.file)} line="${finding.line}">`,
    finding.severity === 'error'
      ? `      <failure type=${attr(finding.severity)} message=${attr(finding.message)}>${text(body)}</failure>`
      : `      <system-out>${text(body)}</system-out>`,
    '    </testcase>',
  ].join('\n');
}
