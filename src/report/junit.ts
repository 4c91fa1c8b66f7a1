/**
 * JUnit XML, for CI systems that chart test results (GitLab, Jenkins, Azure Pipelines): one
 * testsuite per policy file, one failing testcase per finding, and one passing testcase for a file
 * without findings so that it counts as checked.
 */
import type { Finding } from '../engine/run.js';
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
  const body = `${finding.severity} ${finding.rule} at ${where}\n${finding.message}\nfix: ${finding.fix}`;
  return [
    `    <testcase classname=${attr(finding.file)} name=${attr(`${finding.rule} at ${finding.line}:${finding.column}`)} file=${attr(finding.file)} line="${finding.line}">`,
    `      <failure type=${attr(finding.severity)} message=${attr(finding.message)}>${text(body)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/** Characters XML 1.0 cannot hold at all, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A quoted attribute value; line breaks are kept as character references, which parsers preserve. */
function attr(value: string): string {
  return `"${text(value).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')}"`;
}
