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

export interface GateRenderOptions {
  /** The terminal's width in columns, which the stylish tables fit (default 80). */
  width?: number;
}

export function renderGate(report: GateReport, format: GateFormat, chalk: ChalkInstance, options: GateRenderOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(toJson(report))}\n`;
  if (format === 'markdown') return markdown(report);
  return stylish(report, chalk, Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH));
}

const DEFAULT_WIDTH = 80;
/** Narrower than this, a four-column table cannot show a word per cell. */
const MIN_WIDTH = 60;

/**
 * Column widths (padding included) that make a table of `fixed` columns (a width) and flexible ones
 * (null, sharing what is left by `shares`) exactly `width` wide with its borders.
 */
function fitColumns(width: number, columns: readonly (number | null)[], shares: readonly number[]): number[] {
  const borders = columns.length + 1;
  const fixed = columns.reduce<number>((sum, column) => sum + (column ?? 0), 0);
  const left = Math.max(columns.filter((column) => column === null).length * 8, width - borders - fixed);
  const total = shares.reduce((sum, share) => sum + share, 0);
  let flexible = 0;
  const widths = columns.map((column) => (column === null ? shares[flexible++]! : 0));
  const sized = widths.map((share, index) => columns[index] ?? Math.floor((left * share) / total));
  // Rounding down leaves a column or two over: give them to the last flexible column.
  const lastFlexible = columns.lastIndexOf(null);
  sized[lastFlexible]! += left - sized.filter((_, index) => columns[index] === null).reduce((sum, column) => sum + column, 0);
  return sized;
}

/** What a step could not judge, as one sentence: "cannot judge: no recognition program declared". */
function cannotJudgeText(step: GateStep): string {
  return `cannot judge: ${step.cannotJudge.join('; ')}`;
}

/** The line that says which files were found and not read, or undefined when none was skipped. */
function skippedText(report: GateReport): string | undefined {
  if (report.skipped.length === 0) return undefined;
  const count = report.skipped.length;
  return `Not read: ${count} YAML file${count === 1 ? '' : 's'} without \`version: 1\` (${report.skipped.join(', ')}); nothing in ${count === 1 ? 'it' : 'them'} was judged. Add \`version: 1\` as the first line of a policy file, or move other YAML out of the policy folder.`;
}

const where = (finding: Finding) => `${textLine(finding.file)}:${finding.line}:${finding.column}`;

function findingJson(finding: Finding) {
  const { rule, severity, message, fix, file, line, column, instrument } = finding;
  return { rule, severity, message, fix, file, line, column, instrument };
}

/** {verdict, announce, files, skipped, steps: [{number, id, title, status, findings, cannotJudge, notChecked}], blocking, waivers}. */
function toJson(report: GateReport) {
  return {
    verdict: report.verdict,
    announce: report.announce,
    files: report.files,
    skipped: report.skipped,
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

function unjudged(report: GateReport): number {
  return report.steps.filter((step) => step.status === 'cannot-judge').length;
}

function verdictLine(report: GateReport): string {
  if (report.verdict === 'go') return `GO: every step passes; the strategy can be announced on ${report.announce}`;
  const reasons = [
    failing(report) > 0 && `${failing(report)} of ${report.steps.length} steps fail`,
    unjudged(report) > 0 && `${unjudged(report)} of ${report.steps.length} steps cannot be judged`,
    report.blocking.length > 0 && `${report.blocking.length} blocking finding${report.blocking.length === 1 ? '' : 's'} outside the steps`,
  ];
  const what =
    failing(report) + report.blocking.length > 0
      ? 'fix them'
      : 'declare what is missing, or list a lever the organization does not use under strategy.levers_not_used,';
  return `NO-GO: ${reasons.filter(Boolean).join(' and ')}; ${what} before announcing on ${report.announce}`;
}

function stepCell(step: GateStep, chalk: ChalkInstance): string {
  const parts = [step.findings.length > 0 ? ruleCounts(step.findings) : step.cannotJudge.length > 0 ? '' : chalk.dim('none')];
  if (step.cannotJudge.length > 0) parts.push(chalk.yellow(textLine(cannotJudgeText(step))));
  return parts.filter(Boolean).join('\n');
}

function resultCell(step: GateStep, chalk: ChalkInstance): string {
  if (step.status === 'pass') return chalk.green('pass');
  return step.status === 'fail' ? chalk.red('fail') : chalk.yellow('cannot judge');
}

function stylish(report: GateReport, chalk: ChalkInstance, width: number): string {
  const lines: string[] = [chalk.bold(`Pre-announcement gate for ${report.announce} (${report.files.map(textLine).join(', ')})`), ''];
  const skipped = skippedText(report);
  if (skipped) lines.push(chalk.yellow(textLine(skipped)), '');
  const style = { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['grey'] : [] };
  const table = newTable({
    head: ['#', 'step', 'result', 'findings'],
    style,
    wordWrap: true,
    colWidths: fitColumns(width, [4, null, 14, null], [45, 55]),
  });
  for (const step of report.steps) table.push([step.number, step.title, resultCell(step, chalk), stepCell(step, chalk)]);
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
    // Ids and owners keep their width (up to a third of the line each); the reason wraps in what is left.
    const natural = (values: string[], head: string) =>
      Math.min(Math.floor(width / 3), Math.max(head.length, ...values.map((value) => value.length)) + 2);
    const uses = report.waivers.map(({ waiver }) => waiver);
    const sized = [
      natural(
        uses.map((waiver) => textLine(waiver.rule)),
        'rule',
      ),
      natural(
        uses.map((waiver) => textLine(waiver.target)),
        'target',
      ),
      natural(
        uses.map((waiver) => textLine(waiver.approved_by)),
        'approved by',
      ),
      12,
      10,
      null,
    ];
    const waivers = newTable({
      head: ['rule', 'target', 'approved by', 'expires', 'findings', 'reason'],
      style,
      wordWrap: true,
      colWidths: fitColumns(width, sized, [1]),
    });
    for (const { waiver, findings } of report.waivers) {
      waivers.push([
        textLine(waiver.rule),
        textLine(waiver.target),
        textLine(waiver.approved_by),
        waiver.expires,
        findings.length,
        textLine(waiver.reason),
      ]);
    }
    lines.push(waivers.toString(), '');
  }
  const unchecked = notCheckedLines(report.steps);
  if (unchecked.length > 0)
    lines.push(chalk.dim('Not checked (rules not installed):'), ...unchecked.map((line) => chalk.dim(`  ${line}`)), '');
  const verdict = verdictLine(report);
  lines.push(report.verdict === 'go' ? chalk.green.bold(`✔ ${verdict}`) : chalk.red.bold(`✖ ${verdict}`));
  return `${lines.join('\n')}\n`;
}

function notCheckedLines(steps: readonly GateStep[]): string[] {
  return steps
    .filter((step) => step.notChecked.length > 0)
    .map((step) => `step ${step.number}: ${step.notChecked.map(textLine).join(', ')}`);
}

/** Text from the policy in the Markdown report: escaped as the lint markdown report escapes it. */
function cell(text: string | number): string {
  return markdownText(String(text));
}

const MARKDOWN_RESULT: Record<GateStep['status'], string> = { pass: '✅ pass', fail: '❌ fail', 'cannot-judge': '⚠️ cannot judge' };

function markdown(report: GateReport): string {
  const lines = [
    `## Pre-announcement gate: ${report.verdict === 'go' ? 'GO' : 'NO-GO'}`,
    '',
    `Announcement date: ${report.announce}. Policy: ${report.files.map(cell).join(', ')}.`,
    '',
    ...(skippedText(report) ? [`> ⚠️ ${cell(skippedText(report)!)}`, ''] : []),
    '| # | Step | Result | Findings |',
    '| --- | --- | --- | --- |',
    ...report.steps.map(
      (step) =>
        `| ${step.number} | ${cell(step.title)} | ${MARKDOWN_RESULT[step.status]} | ${cell([ruleCounts(step.findings), step.cannotJudge.length > 0 ? cannotJudgeText(step) : ''].filter(Boolean).join('; ') || 'none')} |`,
    ),
    '',
  ];
  const detail = (heading: string, findings: readonly Finding[]) => {
    lines.push(`### ${heading}`, '');
    for (const finding of findings) {
      lines.push(
        `- ${cell(`${finding.file}:${finding.line}:${finding.column}`)} **${cell(finding.rule)}**: ${cell(finding.message)} *Fix:* ${cell(finding.fix)}`,
      );
    }
    lines.push('');
  };
  for (const step of report.steps) if (step.findings.length > 0) detail(`Step ${step.number}: ${step.title}`, step.findings);
  if (report.blocking.length > 0) detail('Blocking findings outside the steps', report.blocking);
  if (report.waivers.length > 0) {
    lines.push(
      '### Waivers relied on',
      '',
      '| Rule | Target | Approved by | Expires | Findings | Reason |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const { waiver, findings } of report.waivers) {
      lines.push(
        `| ${cell(waiver.rule)} | ${cell(waiver.target)} | ${cell(waiver.approved_by)} | ${waiver.expires} | ${findings.length} | ${cell(waiver.reason)} |`,
      );
    }
    lines.push('');
  }
  const unchecked = notCheckedLines(report.steps);
  if (unchecked.length > 0) lines.push(`Not checked (rules not installed): ${unchecked.map(cell).join('; ')}.`, '');
  lines.push(`**${verdictLine(report)}**`);
  return `${lines.join('\n')}\n`;
}
