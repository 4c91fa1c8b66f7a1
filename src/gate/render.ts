/**
 * The gate's readiness report, for a terminal (stylish), for circulating (markdown) and for tools
 * (json). Renderers only lay out a GateReport; the verdict is decided in run.ts.
 */
import type { ChalkInstance } from 'chalk';
import type { Finding } from '../engine/run.js';
import { markdownText, textLine } from '../output/neutralize.js';
import { newTable } from '../report/table.js';
import type { GateReport, GateStep } from './run.js';

export const GATE_FORMATS = ['stylish', 'markdown', 'json'] as const;
export type GateFormat = (typeof GATE_FORMATS)[number];

export function renderGate(report: GateReport, format: GateFormat, chalk: ChalkInstance): string {
  if (format === 'json') return `${JSON.stringify(toJson(report))}\n`;
  if (format === 'markdown') return markdown(report);
  return stylish(report, chalk);
}

const where = (finding: Finding) => `${textLine(finding.file)}:${finding.line}:${finding.column}`;

function findingJson(finding: Finding) {
  const { rule, severity, message, fix, file, line, column, instrument } = finding;
  return { rule, severity, message, fix, file, line, column, instrument };
}

/** {verdict, announce, files, steps: [{number, id, title, status, findings, notChecked}], blocking, waivers}. */
function toJson(report: GateReport) {
  return {
    verdict: report.verdict,
    announce: report.announce,
    files: report.files,
    steps: report.steps.map((step) => ({ ...step, findings: step.findings.map(findingJson) })),
    blocking: report.blocking.map(findingJson),
    waivers: report.waivers.map(({ waiver, findings }) => ({ ...waiver, findings: findings.map(findingJson) })),
  };
}

function ruleCounts(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return [...counts].map(([rule, count]) => `${textLine(rule)} ×${count}`).join(', ');
}

function failing(report: GateReport): number {
  return report.steps.filter((step) => step.status === 'fail').length;
}

function verdictLine(report: GateReport): string {
  if (report.verdict === 'go') return `GO: every step passes; the strategy can be announced on ${report.announce}`;
  const reasons = [failing(report) > 0 && `${failing(report)} of ${report.steps.length} steps fail`, report.blocking.length > 0 && `${report.blocking.length} blocking finding${report.blocking.length === 1 ? '' : 's'} outside the steps`];
  return `NO-GO: ${reasons.filter(Boolean).join(' and ')}; fix them before announcing on ${report.announce}`;
}

function stylish(report: GateReport, chalk: ChalkInstance): string {
  const lines: string[] = [chalk.bold(`Pre-announcement gate for ${report.announce} (${report.files.map(textLine).join(', ')})`), ''];
  const style = { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['grey'] : [] };
  const table = newTable({ head: ['#', 'step', 'result', 'findings'], style });
  for (const step of report.steps) {
    const result = step.status === 'pass' ? chalk.green('pass') : chalk.red('fail');
    table.push([step.number, step.title, result, step.findings.length > 0 ? ruleCounts(step.findings) : chalk.dim('none')]);
  }
  lines.push(table.toString(), '');

  const detail = (heading: string, findings: readonly Finding[]) => {
    lines.push(chalk.bold(heading));
    for (const finding of findings) {
      lines.push(`  ${chalk.dim(where(finding))}  ${textLine(finding.message)}  ${chalk.dim(textLine(finding.rule))}`);
      lines.push(`    ${chalk.cyan('fix:')} ${textLine(finding.fix)}`);
    }
    lines.push('');
  };
  for (const step of report.steps) if (step.findings.length > 0) detail(`Step ${step.number}: ${step.title}`, step.findings);
  if (report.blocking.length > 0) detail('Blocking findings outside the steps', report.blocking);

  if (report.waivers.length > 0) {
    lines.push(chalk.bold('Waivers relied on (accepted exceptions)'));
    const waivers = newTable({ head: ['rule', 'target', 'approved by', 'expires', 'findings', 'reason'], style, wordWrap: true, colWidths: [null, null, null, null, null, 50] });
    for (const { waiver, findings } of report.waivers) {
      waivers.push([textLine(waiver.rule), textLine(waiver.target), textLine(waiver.approved_by), waiver.expires, findings.length, textLine(waiver.reason)]);
    }
    lines.push(waivers.toString(), '');
  }
  const unchecked = notCheckedLines(report.steps);
  if (unchecked.length > 0) lines.push(chalk.dim('Not checked (rules not installed):'), ...unchecked.map((line) => chalk.dim(`  ${line}`)), '');
  const verdict = verdictLine(report);
  lines.push(report.verdict === 'go' ? chalk.green.bold(`✔ ${verdict}`) : chalk.red.bold(`✖ ${verdict}`));
  return `${lines.join('\n')}\n`;
}

function notCheckedLines(steps: readonly GateStep[]): string[] {
  return steps.filter((step) => step.notChecked.length > 0).map((step) => `step ${step.number}: ${step.notChecked.map(textLine).join(', ')}`);
}

/** Text from the policy in the Markdown report: escaped as the lint markdown report escapes it. */
function cell(text: string | number): string {
  return markdownText(String(text));
}

function markdown(report: GateReport): string {
  const lines = [
    `## Pre-announcement gate: ${report.verdict === 'go' ? 'GO' : 'NO-GO'}`,
    '',
    `Announcement date: ${report.announce}. Policy: ${report.files.map(cell).join(', ')}.`,
    '',
    '| # | Step | Result | Findings |',
    '| --- | --- | --- | --- |',
    ...report.steps.map((step) => `| ${step.number} | ${cell(step.title)} | ${step.status === 'pass' ? '✅ pass' : '❌ fail'} | ${cell(ruleCounts(step.findings) || 'none')} |`),
    '',
  ];
  const detail = (heading: string, findings: readonly Finding[]) => {
    lines.push(`### ${heading}`, '');
    for (const finding of findings) {
      lines.push(`- ${cell(`${finding.file}:${finding.line}:${finding.column}`)} **${cell(finding.rule)}**: ${cell(finding.message)} *Fix:* ${cell(finding.fix)}`);
    }
    lines.push('');
  };
  for (const step of report.steps) if (step.findings.length > 0) detail(`Step ${step.number}: ${step.title}`, step.findings);
  if (report.blocking.length > 0) detail('Blocking findings outside the steps', report.blocking);
  if (report.waivers.length > 0) {
    lines.push('### Waivers relied on', '', '| Rule | Target | Approved by | Expires | Findings | Reason |', '| --- | --- | --- | --- | --- | --- |');
    for (const { waiver, findings } of report.waivers) {
      lines.push(`| ${cell(waiver.rule)} | ${cell(waiver.target)} | ${cell(waiver.approved_by)} | ${waiver.expires} | ${findings.length} | ${cell(waiver.reason)} |`);
    }
    lines.push('');
  }
  const unchecked = notCheckedLines(report.steps);
  if (unchecked.length > 0) lines.push(`Not checked (rules not installed): ${unchecked.map(cell).join('; ')}.`, '');
  lines.push(`**${verdictLine(report)}**`);
  return `${lines.join('\n')}\n`;
}
