/**
 * A Markdown report for a pull-request comment: the total first, then a table per file with each
 * finding's position, severity, rule (linked to its documentation), problem and fix.
 */
import type { Finding } from '../engine/run.js';
import type { RuleInfo } from '../engine/rule-info.js';
import { markdownText } from '../output/neutralize.js';
import { describeTotals, plural } from './summary.js';
import type { Formatter } from './types.js';
import { groupBy } from '../group-by.js';

/** Lets a bot find and update its earlier comment instead of adding a new one. */
export const MARKDOWN_MARKER = '<!-- incentive-lint report -->';

export const markdown: Formatter = (result) => {
  const { errors, warnings, infos } = result.summary;
  const mark = errors > 0 ? '❌' : warnings + infos > 0 ? '⚠️' : '✅';
  const lines = [MARKDOWN_MARKER, `### ${mark} incentive-lint: ${describeTotals(result.summary)}`, ''];

  const docs = new Map(result.rules.map((rule: RuleInfo) => [rule.id, rule.docsUrl]));
  const byFile = groupBy(result.findings, (finding: Finding) => finding.file);
  for (const [file, findings] of byFile) {
    lines.push(`#### ${cell(file)}`, '', '| Line | Severity | Rule | Problem | Fix |', '| ---: | --- | --- | --- | --- |');
    for (const finding of findings) {
      const url = docs.get(finding.rule);
      const rule = url ? `[${cell(finding.rule)}](${url})` : cell(finding.rule);
      lines.push(`| ${finding.line}:${finding.column} | ${finding.severity} | ${rule} | ${cell(finding.message)} | ${cell(finding.fix)} |`);
    }
    lines.push('');
  }
  if (result.skipped.length > 0) {
    lines.push(
      `_Skipped ${plural(result.skipped.length, 'YAML file')} without a version key: ${result.skipped.map(cell).join(', ')}._`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
};

/** Text as one table cell (see markdownText: no formatting, HTML, mention or link gets through). */
export const cell = markdownText;
