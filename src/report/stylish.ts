/**
 * The default report, for people: findings grouped by file, each with its fix, then a table of
 * counts by rule and a one-line total.
 */
import type { ChalkInstance } from 'chalk';
import type { Finding } from '../engine/run.js';
import { textLine } from '../output/neutralize.js';
import { newTable } from './table.js';
import type { Formatter } from './types.js';

export const stylish: Formatter = (result, { chalk }) => {
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }

  for (const [file, findings] of byFile) {
    lines.push(chalk.underline(textLine(file)));
    // A loop, not Math.max(...list): a file with a hundred thousand findings would overflow the stack.
    const positionWidth = findings.reduce((width, f) => Math.max(width, `${f.line}:${f.column}`.length), 0);
    const severityWidth = findings.reduce((width, f) => Math.max(width, f.severity.length), 0);
    const indent = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2);
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
      const severity = paint(chalk, finding.severity, finding.severity.padEnd(severityWidth));
      lines.push(`  ${chalk.dim(position)}  ${severity}  ${textLine(finding.message)}  ${chalk.dim(textLine(finding.rule))}`);
      lines.push(`${indent}${chalk.cyan('fix:')} ${textLine(finding.fix)}`);
    }
    lines.push('');
  }

  if (result.findings.length > 0) {
    lines.push(countsByRule(result.findings, chalk), '');
  }
  lines.push(totals(result, chalk));
  if (result.notJudged !== undefined && result.notJudged.length > 0) {
    lines.push(`(not judged further until their unknown references are fixed: ${result.notJudged.map(textLine).join(', ')})`);
  }
  if (result.skipped.length > 0) {
    lines.push(
      chalk.dim(
        `(skipped ${plural(result.skipped.length, 'YAML file')} without a version key: ${result.skipped.map(textLine).join(', ')})`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
};

function countsByRule(findings: readonly Finding[], chalk: ChalkInstance): string {
  const table = newTable({
    head: ['rule', 'errors', 'warnings', 'infos'],
    style: { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['grey'] : [] },
    colAligns: ['left', 'right', 'right', 'right'],
  });
  const counts = new Map<string, Record<Finding['severity'], number>>();
  for (const finding of findings) {
    const row = counts.get(finding.rule) ?? { error: 0, warning: 0, info: 0 };
    row[finding.severity]++;
    counts.set(finding.rule, row);
  }
  for (const [rule, row] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    table.push([textLine(rule), row.error, row.warning, row.info]);
  }
  return table.toString();
}

function totals(result: Parameters<Formatter>[0], chalk: ChalkInstance): string {
  const { errors, warnings, infos, files } = result.summary;
  const problems = errors + warnings + infos;
  const where = `in ${plural(files, 'file')}`;
  if (problems === 0) return chalk.green(`✔ no problems ${where}`);
  const text = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) ${where}`;
  return errors > 0 ? chalk.red.bold(text) : warnings > 0 ? chalk.yellow.bold(text) : chalk.bold(text);
}

function paint(chalk: ChalkInstance, severity: Finding['severity'], text: string): string {
  return severity === 'error' ? chalk.red(text) : severity === 'warning' ? chalk.yellow(text) : chalk.blue(text);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
