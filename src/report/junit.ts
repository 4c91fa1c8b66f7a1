/**
 * JUnit XML, for CI systems that chart test results (GitLab, Jenkins, Azure Pipelines): one
 * testsuite per policy file, one failing testcase per finding, and one passing testcase for a file
 * without findings so that it counts as checked.
 */
import type { Finding } from '../engine/run.js';
import { textLine, xmlAttr as attr, xmlText as text } from '../output/neutralize.js';
import type { Formatter } from './types.js';

export const junit: Formatter = (result) => {
  const byFile = new Map<string, Finding[]>(result.files.map((file) => [file, []]));
  for (const finding of result.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);

  const suites = [...byFile].map(([file, findings]) => {
    const cases = findings.length === 0 ? [`    <testcase classname=${attr(file)} name="incentive-lint" file=${attr(file)}/>`] : findings.map(testcase);
    const tests = Math.max(findings.length, 1);
    return [
      `  <testsuite name=${attr(file)} tests="${tests}" failures="${findings.length}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = [...byFile.values()].reduce((sum, findings) => sum + Math.max(findings.length, 1), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="incentive-lint" tests="${tests}" failures="${result.findings.length}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function testcase(finding: Finding): string {
  const where = `${finding.file}:${finding.line}:${finding.column}`;
  // One line each: a line break in the policy's text must not add lines that look like the report's own.
  const body = `${finding.severity} ${finding.rule} at ${textLine(where)}\n${textLine(finding.message)}\nfix: ${textLine(finding.fix)}`;
  return [
    `    <testcase classname=${attr(finding.file)} name=${attr(`${finding.rule} at ${finding.line}:${finding.column}`)} file=${attr(finding.file)} line="${finding.line}">`,
    `      <failure type=${attr(finding.severity)} message=${attr(finding.message)}>${text(body)}</failure>`,
    '    </testcase>',
  ].join('\n');
}
