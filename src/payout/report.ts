/**
 * The simulation of every plan of a loaded policy, as data (`buildSimulationReport`, what the JSON
 * output prints and the HTML report draws from) and as text: a table of choices × attainment levels,
 * the winner at each level, a pay-versus-attainment curve per segment, and a one-line verdict.
 *
 * The JSON shape is a contract: {version: 1, date, currency, plans: [{plan, team, file, line, column,
 * verdict, summary, unjudgedBecause, levels, choices: [{metric, segment, status, avgDealSize,
 * salesCycleDays, rate, credit, annualQuota, points: [{attainment, bookings, deals, effortMonths,
 * pay, payPerMonth}], curve: [{attainment, pay}]}], winners: [{attainment, metric, segment, status,
 * payPerMonth, bestFavored}]}]}. Fields are added, never renamed or removed, within version 1.
 */
import type { ChalkInstance } from 'chalk';
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import { formatMoney, formatShare } from '../engine/format.js';
import { EPSILON } from '../epsilon.js';
import type { LoadedPolicy } from '../load/index.js';
import { markdownText, textLine } from '../output/neutralize.js';
import {
  MISSING_INPUT,
  simulatePolicy,
  type ChoiceStatus,
  type LevelWinner,
  type PlanSimulation,
  type SimulatedChoice,
  type SimulationOptions,
  type Verdict,
} from './rational-choice.js';

const SIMULATE_FORMATS = ['stylish', 'json', 'markdown'] as const;
export type SimulateFormat = (typeof SIMULATE_FORMATS)[number];

export interface PlanReport extends Omit<PlanSimulation, 'node'> {
  file?: string;
  line?: number;
  column?: number;
}

/** Where the simulated date came from: --date, the announcement (--announce or strategy.announced), or the clock. */
export type DateSource = 'date' | 'announce' | 'strategy.announced' | 'announcement' | 'today';

export interface SimulationReport {
  version: 1;
  /** The day SPIFFs were dated against: the first day of the simulated year of bookings. */
  date: string;
  dateSource: DateSource;
  currency: string | null;
  plans: PlanReport[];
}

/** Simulates every plan that pays per deal (or only `plan`), with where each is declared. */
export function buildSimulationReport(
  loaded: LoadedPolicy,
  options: SimulationOptions & { date: string; dateSource?: DateSource; plan?: string },
  index = new PolicyIndex(loaded.policy, loaded.sections),
): SimulationReport {
  const simulations = simulatePolicy(index, options).filter((simulation) => options.plan === undefined || simulation.plan === options.plan);
  return {
    version: 1,
    date: options.date,
    dateSource: options.dateSource ?? 'date',
    currency: loaded.policy.currency ?? null,
    plans: simulations.map(({ node, ...simulation }) => {
      const location = loaded.provenance.locate(node);
      return { ...simulation, ...(location && { file: location.file, line: location.line, column: location.column }) };
    }),
  };
}

/**
 * 1: some rational choice is deprioritized; 0: none is, or there is no choice to judge (no plan
 * pays commission or carries a quota, a plan pays one segment or per thing counted): a valid policy
 * with nothing to simulate; 2: every plan lacks what the simulation needs (deal economics on its
 * segments, a rate for its quota), so it could not run.
 */
export function simulationExitCode(report: SimulationReport): 0 | 1 | 2 {
  if (report.plans.some((plan) => plan.verdict === 'misaligned')) return 1;
  if (report.plans.length === 0) return 0;
  return report.plans.every((plan) => plan.unjudgedBecause !== undefined && MISSING_INPUT.has(plan.unjudgedBecause)) ? 2 : 0;
}

/** The line printed instead of tables when there is nothing to simulate (`plan`: the one --plan asked for). */
function nothingToSimulate(plan?: string): string {
  return plan === undefined
    ? 'No compensation plan pays commission or carries a quota: there is no plan with commission to simulate.'
    : `Plan ${plan} pays no commission and carries no quota: there is nothing to simulate.`;
}

export function renderSimulation(report: SimulationReport, format: SimulateFormat, chalk: ChalkInstance, plan?: string): string {
  if (format === 'json') return `${JSON.stringify(report)}\n`;
  // `plan` is what --plan said (an id the policy declares, but its text comes from the command line): shown, never obeyed.
  if (report.plans.length === 0)
    return `${dateLine(report)}\n${nothingToSimulate(plan === undefined ? undefined : format === 'markdown' ? markdownText(plan) : textLine(plan))}\n`;
  return format === 'markdown' ? markdown(report) : stylish(report, chalk);
}

const DATE_SOURCE: Record<DateSource, string> = {
  date: '--date',
  announce: 'the announcement date, --announce',
  'strategy.announced': 'the announcement date, strategy.announced',
  announcement: 'the announcement date the gate judges',
  today: 'today: the strategy has no announcement date',
};

/** "Simulated year of bookings from 2027-01-01 (the announcement date, strategy.announced)": every format says which day it judged. */
export function dateLine(report: Pick<SimulationReport, 'date' | 'dateSource'>): string {
  return `Simulated year of bookings from ${report.date} (${DATE_SOURCE[report.dateSource]}); a dated SPIFF or kicker pays only on the deals that close within its dates.`;
}

const MARK: Record<Verdict, string> = { misaligned: '✖', aligned: '✔', neutral: '·', unjudged: '?' };
const STATUS_MARK: Record<ChoiceStatus, string> = { favored: '✔ favored', deprioritized: '✖ deprioritized', neutral: '· neutral' };

function levelName(attainment: number | null): string {
  return attainment === null ? 'any' : formatShare(attainment);
}

function winnerLevel(attainment: number | null): string {
  return attainment === null ? 'at any attainment' : formatShare(attainment);
}

function choiceName(plan: PlanReport, choice: { metric: string; segment: string }): string {
  return new Set(plan.choices.map((other) => other.metric)).size > 1 ? `${choice.metric} · ${choice.segment}` : choice.segment;
}

function isWinner(winner: LevelWinner | undefined, choice: SimulatedChoice): boolean {
  return winner !== undefined && winner.metric === choice.metric && winner.segment === choice.segment;
}

/** The rows of a choice: one per level, or one for a metric without a quota (its pay per month is the same at every level). */
function rowsOf(plan: PlanReport, choice: SimulatedChoice): { point: SimulatedChoice['points'][number]; star: string }[] {
  const flat = choice.points.every((point) => point.attainment === null);
  const wins = (position: number) => isWinner(plan.winners[position], choice);
  if (flat)
    return choice.points.length === 0
      ? []
      : [{ point: choice.points[0]!, star: choice.points.some((_, position) => wins(position)) ? ' ★' : '' }];
  return choice.points.map((point, position) => ({ point, star: wins(position) ? ' ★' : '' }));
}

function paintVerdict(chalk: ChalkInstance, verdict: Verdict, text: string): string {
  return verdict === 'misaligned'
    ? chalk.red(text)
    : verdict === 'aligned'
      ? chalk.green(text)
      : verdict === 'unjudged'
        ? chalk.yellow(text)
        : text;
}

function stylish(report: SimulationReport, chalk: ChalkInstance): string {
  const blocks = report.plans.map((plan) => {
    const where = plan.file ? chalk.dim(` ${plan.file}:${plan.line}:${plan.column}`) : '';
    const head = `${chalk.bold(`plan ${plan.plan}`)}${plan.team ? ` (team ${plan.team})` : ''}${where}`;
    const verdict = paintVerdict(chalk, plan.verdict, `${MARK[plan.verdict]} ${plan.summary}`);
    if (plan.choices.length === 0) return [head, `  ${verdict}`].join('\n');
    const rows: string[][] = [];
    for (const choice of plan.choices) {
      rowsOf(plan, choice).forEach(({ point, star }, position) => {
        rows.push([
          position === 0 ? choiceName(plan, choice) : '',
          position === 0 ? STATUS_MARK[choice.status] : '',
          levelName(point.attainment),
          formatMoney(point.bookings),
          formatMoney(point.pay),
          point.effortMonths.toFixed(1),
          formatMoney(point.payPerMonth),
          star.trim(),
        ]);
      });
    }
    const table = columns([TABLE_HEAD, ...rows], chalk);
    const winners = plan.winners.map(
      (winner) =>
        `${winnerLevel(winner.attainment)} ${choiceName(plan, winner)}${winner.status === 'deprioritized' ? ' ✖' : winner.status === 'favored' ? ' ✔' : ''}`,
    );
    const lines = [head, ...table.map((line) => `  ${line}`)];
    if (winners.length > 0) lines.push(`  rational choice (★): ${winners.join(' · ')}`);
    const curves = curveLines(plan);
    if (curves.length > 0)
      lines.push(
        `  pay vs attainment, 0 to ${formatShare(plan.choices.find((choice) => choice.curve.length > 0)!.curve.at(-1)!.attainment)} of quota:`,
        ...curves.map((line) => `    ${line}`),
      );
    lines.push(`  ${verdict}`);
    return lines.join('\n');
  });
  return `${chalk.dim(dateLine(report))}\n\n${blocks.join('\n\n')}\n`;
}

const TABLE_HEAD = ['choice', 'strategy', 'attainment', 'bookings', 'pay', 'effort (months)', 'pay per month', ''];
/** The first two columns are text, the others numbers. */
const LEFT_COLUMNS = 2;

/**
 * Rows as aligned columns, the header in bold: plain padding rather than a boxed table, because a
 * large policy prints thousands of plans and a table library would take longer than the simulation.
 */
function columns(rows: readonly string[][], chalk: ChalkInstance): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row, index) => {
    // The last column (the ★ of the winner) is text too.
    const cells = row.map((cell, column) =>
      column < LEFT_COLUMNS || column === row.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
    );
    const line = cells.join('  ').trimEnd();
    return index === 0 ? chalk.bold(line) : line;
  });
}

/** Nothing paid is a dot, so that a threshold shows; any pay at all is at least the lowest bar. */
const BARS = '·▁▂▃▄▅▆▇█';

/** One row of bars per choice with a quota, every 10% of attainment, on one scale per plan. */
function curveLines(plan: PlanReport): string[] {
  const drawn = plan.choices.filter((choice) => choice.curve.length > 0);
  const sampled = drawn.map((choice) =>
    choice.curve.filter((point) => Math.abs(point.attainment - Math.round(point.attainment * 10) / 10) < EPSILON),
  );
  const top = Math.max(0, ...sampled.flat().map((point) => point.pay));
  if (top <= 0) return [];
  const width = Math.max(...drawn.map((choice) => choiceName(plan, choice).length));
  return drawn.map((choice, position) => {
    const bars = sampled[position]!.map(
      (point) => BARS[point.pay <= 0 ? 0 : Math.max(1, Math.round((point.pay / top) * (BARS.length - 1)))],
    ).join('');
    const last = sampled[position]!.at(-1)!;
    return `${choiceName(plan, choice).padEnd(width)}  ${bars}  ${formatMoney(last.pay)} at ${formatShare(last.attainment)}`;
  });
}

function markdown(report: SimulationReport): string {
  const sections = report.plans.map((plan) => {
    const lines = [`### Plan ${plan.plan}${plan.team ? ` (team ${plan.team})` : ''}`, '', `${MARK[plan.verdict]} ${plan.summary}`];
    if (plan.choices.length === 0) return lines.join('\n');
    lines.push(
      '',
      '| choice | strategy | attainment | bookings | pay | effort (months) | pay per month |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const choice of plan.choices) {
      rowsOf(plan, choice).forEach(({ point, star }) => {
        lines.push(
          `| ${choiceName(plan, choice)} | ${choice.status} | ${levelName(point.attainment)} | ${formatMoney(point.bookings)} | ${formatMoney(point.pay)} | ${point.effortMonths.toFixed(1)} | ${formatMoney(point.payPerMonth)}${star} |`,
        );
      });
    }
    if (plan.winners.length > 0)
      lines.push(
        '',
        `Rational choice (★): ${plan.winners.map((winner) => `${winnerLevel(winner.attainment)} ${choiceName(plan, winner)} (${winner.status})`).join(', ')}.`,
      );
    return lines.join('\n');
  });
  return `## Simulated rational choice\n\n${dateLine(report)}\n\n${sections.join('\n\n')}\n`;
}
