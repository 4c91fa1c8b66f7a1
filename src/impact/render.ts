/**
 * `diff --impact` printed: a table for the terminal (the default), Markdown for a pull-request
 * comment, and JSON (a contract: {version: 1, kind: "impact", …} as ImpactReport, fields added never
 * renamed within version 1). Every text from the policy or the command line goes through the
 * medium's one neutralizer (textLine, markdownText): a plan's name cannot format, link or inject.
 */
import { formatMoney, formatShare } from '../engine/format.js';
import { markdownText, textLine } from '../output/neutralize.js';
import { BEHAVIOUR_NOTE } from '../population/report.js';
import type { ChoiceAtLevel, ImpactFinding, ImpactReport, PlanFigures, PlanImpact } from './model.js';
import { plansOverMaxCostChange } from './model.js';

export const IMPACT_FORMATS = ['stylish', 'json', 'markdown'] as const;
export type ImpactFormat = (typeof IMPACT_FORMATS)[number];

/** Lets a bot find and update its earlier comment instead of adding a new one. */
const IMPACT_MARKER = '<!-- incentive-lint impact -->';

export function renderImpact(report: ImpactReport, format: ImpactFormat): string {
  if (format === 'json') return `${JSON.stringify(report)}\n`;
  return format === 'markdown' ? markdown(report) : stylish(report);
}

type Escape = (text: string) => string;

/** +1,234 / -1,234 / 0. */
function signedMoney(value: number): string {
  const shown = formatMoney(value);
  return value > 0 && shown !== '0' ? `+${shown}` : shown;
}

/** Percentage points with two decimals: +1.5 pts. */
function signedPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return `${rounded > 0 ? '+' : ''}${Object.is(rounded, -0) ? 0 : rounded} pts`;
}

function side(figures: PlanFigures | null, pick: (figures: PlanFigures) => number | null | undefined, show: (value: number) => string) {
  if (figures === null) return 'none';
  const value = pick(figures);
  return value === null || value === undefined ? '–' : show(value);
}

/** "60,000 → 66,000 (+6,000)". */
export function payCell(plan: PlanImpact, key: 'p10' | 'p50' | 'p90'): string {
  const before = side(plan.before, (figures) => figures.pay?.[key], formatMoney);
  const after = side(plan.after, (figures) => figures.pay?.[key], formatMoney);
  const delta = plan.delta.pay[key];
  return `${before} → ${after}${delta === null ? '' : ` (${signedMoney(delta)})`}`;
}

/** "9.95% → 10.5% (+0.55 pts)". */
export function costCell(plan: PlanImpact): string {
  const before = side(plan.before, (figures) => figures.costOfSales, formatShare);
  const after = side(plan.after, (figures) => figures.costOfSales, formatShare);
  const delta = plan.delta.costOfSalesPoints;
  return `${before} → ${after}${delta === null ? '' : ` (${signedPoints(delta)})`}${plan.exceedsMaxCostChange ? ', over the limit' : ''}`;
}

function level(attainment: number | null): string {
  return attainment === null ? 'any attainment' : formatShare(attainment);
}

function choiceText(choice: ChoiceAtLevel['before'], neutral: Escape): string {
  return choice === null ? 'none' : `${neutral(choice.segment)} (${neutral(choice.metric)}, ${choice.status})`;
}

function planTitle(plan: PlanImpact, neutral: Escape): string {
  const name = plan.name !== null && plan.name !== plan.plan ? ` "${neutral(plan.name)}"` : '';
  return `plan ${neutral(plan.plan)}${name}${plan.team ? ` (team ${neutral(plan.team)})` : ''}`;
}

function intro(report: ImpactReport, neutral: Escape): string[] {
  const { median, sigma } = report.distribution;
  const changed = report.plans.length;
  return [
    `Compensation impact from ${neutral(report.base)} to ${neutral(report.head)}: ${changed} plan${changed === 1 ? '' : 's'} added, removed, changed or paying differently; ${report.unchangedPlans} unchanged.`,
    `Both versions priced on one sales force (common random numbers): ${report.draws} draws of attainment, lognormal with median ${formatShare(median)} of quota and sigma ${sigma}, seed ${report.seed}; a version's roster replaces the draws for its plans. Simulated and judged on ${report.date}.${report.currency ? ` Money in ${neutral(report.currency)}, per seller per year.` : ''}`,
    BEHAVIOUR_NOTE,
  ];
}

function maxCostLine(report: ImpactReport, neutral: Escape): string | undefined {
  if (report.maxCostChangePoints === null) return undefined;
  const over = plansOverMaxCostChange(report);
  const limit = `--max-cost-change ${report.maxCostChangePoints}`;
  if (over.length === 0) return `${limit}: no plan's cost of sales moved more than ${report.maxCostChangePoints} percentage points.`;
  return `${limit}: the cost of sales of ${over.map((plan) => `${neutral(plan.plan)} (${signedPoints(plan.delta.costOfSalesPoints!)})`).join(', ')} moved more than ${report.maxCostChangePoints} percentage points: the change needs an approver (exit 1).`;
}

function findingLine(sign: string, finding: ImpactFinding, neutral: Escape): string {
  return `${sign} ${finding.severity} ${neutral(finding.rule)}: ${neutral(finding.message)} (${neutral(finding.file)}:${finding.line}:${finding.column})`;
}

// ---------------------------------------------------------------------------------------------

const LEGEND = 'Pay per seller per year; "none": the plan is not in that version (it pays 0 there); "–": not priced (no quota).';

const HEAD = ['plan', 'change', 'pay P10', 'pay P50', 'pay P90', 'cost of sales'];

function stylish(report: ImpactReport): string {
  const lines = [...intro(report, textLine), ''];
  if (report.plans.length > 0) {
    const rows = [
      HEAD,
      ...report.plans.map((plan) => [
        textLine(plan.plan),
        plan.change,
        payCell(plan, 'p10'),
        payCell(plan, 'p50'),
        payCell(plan, 'p90'),
        costCell(plan),
      ]),
    ];
    const widths = HEAD.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows)
      lines.push(
        row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join('  ')
          .trimEnd(),
      );
    for (const plan of report.plans) {
      lines.push(
        '',
        `${planTitle(plan, textLine)}: ${plan.change}${plan.file ? `  ${textLine(plan.file)}:${plan.line}:${plan.column}` : ''}`,
      );
      for (const figures of [plan.before, plan.after]) if (figures?.skipped) lines.push(`  not priced: ${textLine(figures.skipped)}`);
      if (plan.choices.length > 0) {
        lines.push('  rational choice (most pay per month of effort), before → after:');
        for (const choice of plan.choices)
          lines.push(
            `    ${level(choice.attainment).padEnd(6)}  ${choiceText(choice.before, textLine)} → ${choiceText(choice.after, textLine)}${choice.changed ? '' : ' (unchanged)'}`,
          );
      }
      for (const finding of plan.findings.appeared) lines.push(`  ${findingLine('+', finding, textLine)}`);
      for (const finding of plan.findings.disappeared) lines.push(`  ${findingLine('-', finding, textLine)}`);
    }
  }
  if (report.elsewhere.appeared.length + report.elsewhere.disappeared.length > 0) {
    lines.push('', 'Findings about the rest of the policy:');
    for (const finding of report.elsewhere.appeared) lines.push(`  ${findingLine('+', finding, textLine)}`);
    for (const finding of report.elsewhere.disappeared) lines.push(`  ${findingLine('-', finding, textLine)}`);
  }
  const limit = maxCostLine(report, textLine);
  if (limit) lines.push('', limit);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

function markdownFindings(moves: PlanImpact['findings']): string[] {
  return [
    ...moves.appeared.map((finding) => `- ${findingLine('appears:', finding, markdownText)}`),
    ...moves.disappeared.map((finding) => `- ${findingLine('disappears:', finding, markdownText)}`),
  ];
}

function markdown(report: ImpactReport): string {
  const lines = [IMPACT_MARKER, `### Compensation impact: ${markdownText(report.base)} → ${markdownText(report.head)}`, ''];
  // The intro and the limit line quote values through markdownText; the rest is the linter's own words.
  lines.push(intro(report, markdownText).join(' '), '');
  if (report.plans.length > 0) {
    lines.push('| Plan | Change | Pay P10 | Pay P50 | Pay P90 | Cost of sales |', '| --- | --- | ---: | ---: | ---: | ---: |');
    for (const plan of report.plans)
      lines.push(
        `| ${planTitle(plan, markdownText)} | ${plan.change} | ${markdownText(payCell(plan, 'p10'))} | ${markdownText(payCell(plan, 'p50'))} | ${markdownText(payCell(plan, 'p90'))} | ${markdownText(costCell(plan))} |`,
      );
    lines.push('', LEGEND);
    for (const plan of report.plans) {
      const details: string[] = [];
      for (const figures of [plan.before, plan.after])
        if (figures?.skipped) details.push(`Not priced: ${markdownText(figures.skipped)}.`, '');
      if (plan.choices.length > 0) {
        details.push('| Attainment | Rational choice before | After |', '| ---: | --- | --- |');
        for (const choice of plan.choices)
          details.push(
            `| ${level(choice.attainment)} | ${choiceText(choice.before, markdownText)} | ${choiceText(choice.after, markdownText)}${choice.changed ? '' : ' (unchanged)'} |`,
          );
        details.push('');
      }
      details.push(...markdownFindings(plan.findings));
      if (details.length === 0) continue;
      lines.push('', `#### ${planTitle(plan, markdownText)}`, '', ...details);
    }
  }
  const elsewhere = markdownFindings(report.elsewhere);
  if (elsewhere.length > 0) lines.push('', '#### The rest of the policy', '', ...elsewhere);
  const limit = maxCostLine(report, markdownText);
  if (limit) lines.push('', limit);
  return `${lines.join('\n').trimEnd()}\n`;
}
