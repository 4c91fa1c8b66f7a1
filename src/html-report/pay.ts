/**
 * What a seller earns by doing what the strategy wants, drawn from `simulate`'s data: for a quota
 * plan, pay against attainment per segment with the rational choice marked at each level; for a
 * flat-rate plan, pay per month of effort per segment. The choice paying most per month of effort
 * is the rational one; when the strategy deprioritizes it, the plan pays for the old strategy.
 */
import { formatMoney, formatShare } from '../engine/format.js';
import type { PlanReport, SimulationReport } from '../payout/report.js';
import { buildSimulationReport, dateLine } from '../payout/report.js';
import type { ChoiceStatus, LevelWinner, SimulatedChoice } from '../payout/rational-choice.js';
import { html, svgNumber, type SafeHtml } from './escape.js';
import type { ReportModel } from './model.js';
import type { Names } from './names.js';
import { EPSILON } from '../epsilon.js';

/** The rule's own default, used when the configuration does not say. */
const DEFAULT_DAYS_PER_MONTH = 30;

/** Every plan that pays per deal, simulated on the announcement day (SPIFFs running then count). */
export function simulatePay(model: ReportModel): SimulationReport {
  const configured = model.ruleOptions['effort-adjusted-pay']?.days_per_month;
  const daysPerMonth = typeof configured === 'number' && configured > 0 ? configured : DEFAULT_DAYS_PER_MONTH;
  return buildSimulationReport(model.loaded, { date: model.gate.announce, dateSource: 'announcement', daysPerMonth }, model.index);
}

const STATUS_SYMBOL: Record<ChoiceStatus, string> = { favored: '✔', deprioritized: '✖', neutral: '·' };

/** Set by the section being drawn: names and the currency of the policy (ids and bare numbers without one). */
let names: Names | undefined;

function choiceName(plan: PlanReport, choice: { metric: string; segment: string }): string {
  if (names) return names.choice(plan, choice);
  return new Set(plan.choices.map((other) => other.metric)).size === 1 ? choice.segment : `${choice.metric} in ${choice.segment}`;
}

const planName = (plan: PlanReport) => names?.instrument(plan.plan) ?? plan.plan;
const teamName = (team: string) => names?.team(team) ?? team;
const summaryOf = (plan: PlanReport) => names?.planSummary(plan) ?? plan.summary;

function wins(winner: LevelWinner | undefined, choice: SimulatedChoice): boolean {
  return winner !== undefined && winner.metric === choice.metric && winner.segment === choice.segment;
}

function money(amount: number, currency: string | null): string {
  return currency ? `${currency} ${formatMoney(amount)}` : formatMoney(amount);
}

function renderPlan(plan: PlanReport, currency: string | null, position: number): SafeHtml {
  const flat = plan.levels.length === 1 && plan.levels[0] === null;
  return html`<figure class="pay-plan verdict-${plan.verdict}" data-plan="${plan.plan}" data-verdict="${plan.verdict}">
<figcaption><strong>${planName(plan)}</strong>${plan.team ? html` (${teamName(plan.team)})` : ''}: <span class="${plan.verdict === 'misaligned' ? 'alarm' : plan.verdict === 'aligned' ? 'fine' : ''}">${summaryOf(plan)}</span></figcaption>
${flat ? renderPerMonthBars(plan, currency, position) : html`${renderCurves(plan, currency, position)}${coincide(plan) ? html`<p class="note">The curves coincide: the same attainment pays the same in every segment. What differs is how many months of selling the attainment takes, which the table below compares.</p>` : ''}${renderLevelTable(plan, currency)}`}
</figure>`;
}

/** Whether every curve pays the same at every attainment (one quota on all segments, one rate). */
function coincide(plan: PlanReport): boolean {
  const [first, ...others] = plan.choices.filter((choice) => choice.curve.length > 0);
  return (
    first !== undefined &&
    others.length > 0 &&
    others.every(
      (choice) =>
        choice.curve.length === first.curve.length &&
        choice.curve.every((point, index) => Math.abs(point.pay - first.curve[index]!.pay) < 0.5),
    )
  );
}

const BARS = { width: 1000, labelWidth: 210, valueWidth: 480, rowHeight: 40, barHeight: 22, top: 8, bottom: 8 };

/** A flat-rate plan: one bar per choice, its commission per month of effort; the rational choice starred. */
function renderPerMonthBars(plan: PlanReport, currency: string | null, position: number): SafeHtml {
  const perMonth = (choice: SimulatedChoice) => choice.points[0]!.payPerMonth;
  const max = Math.max(...plan.choices.map(perMonth));
  const plotRight = BARS.width - BARS.valueWidth;
  const scale = (value: number) => (max > 0 ? (value / max) * (plotRight - BARS.labelWidth) : 0);
  const height = BARS.top + plan.choices.length * BARS.rowHeight + BARS.bottom;
  const titleId = `pay-${position}-title`;
  const rows = plan.choices.map((choice, row) => {
    const top = BARS.top + row * BARS.rowHeight;
    const barY = top + (BARS.rowHeight - BARS.barHeight) / 2;
    const textY = top + BARS.rowHeight / 2 + 5;
    const width = Math.max(scale(perMonth(choice)), 2);
    const chosen = wins(plan.winners[0], choice);
    return html`<g class="pay-row" data-segment="${choice.segment}" data-status="${choice.status}"${chosen ? html` data-choice="rational"` : ''}>
<text class="label" x="${BARS.labelWidth - 10}" y="${svgNumber(textY)}" text-anchor="end">${choiceName(plan, choice)}<tspan class="focus focus-${choice.status}"> &#183; ${choice.status}</tspan></text>
<rect class="bar focus-${choice.status}${chosen ? ' chosen' : ''}" x="${BARS.labelWidth}" y="${svgNumber(barY)}" width="${svgNumber(width)}" height="${BARS.barHeight}" rx="3"><title>${choiceName(plan, choice)}: ${formatShare(choice.rate)} of ${money(choice.avgDealSize, currency)} over ${choice.salesCycleDays} days = ${money(perMonth(choice), currency)} per month</title></rect>
<text class="value" x="${svgNumber(BARS.labelWidth + width + 8)}" y="${svgNumber(textY)}">${money(perMonth(choice), currency)} / month<tspan class="detail"> (${formatShare(choice.rate)} of ${money(choice.avgDealSize, currency)}, ${choice.salesCycleDays}-day cycle)</tspan>${
      chosen ? html`<tspan class="choice${choice.status === 'deprioritized' ? ' alarm' : ''}"> &#9733; rational choice</tspan>` : ''
    }</text>
</g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${BARS.width} ${height}" role="img" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">${planName(plan)}: commission per month of selling effort, by segment. ${summaryOf(plan)}</title>
${rows}
</svg>`;
}

const CURVES = { width: 1000, left: 90, right: 200, top: 58, bottom: 44, height: 330 };

/** A round step for an axis from 0 to `max` with about `count` ticks: 1, 2 or 5 × a power of ten. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= raw)!;
}

/** Spreads label positions so that no two are closer than `gap`, keeping their order. */
function spread(positions: readonly number[], gap: number): number[] {
  const order = positions.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const placed: number[] = [];
  for (const item of order) placed.push(placed.length === 0 ? item.value : Math.max(item.value, placed[placed.length - 1]! + gap));
  const result: number[] = new Array(positions.length);
  order.forEach((item, rank) => {
    result[item.index] = placed[rank]!;
  });
  return result;
}

/** A quota plan: pay for the year against attainment, one curve per choice; the rational choice marked at each level. */
function renderCurves(plan: PlanReport, currency: string | null, position: number): SafeHtml {
  const drawn = plan.choices.filter((choice) => choice.curve.length > 0);
  const maxAttainment = Math.max(...drawn.map((choice) => choice.curve.at(-1)!.attainment));
  const maxPay = Math.max(1, ...drawn.flatMap((choice) => choice.curve.map((point) => point.pay)));
  const payStep = niceStep(maxPay, 5);
  const payTop = Math.ceil(maxPay / payStep) * payStep;
  const plotRight = CURVES.width - CURVES.right;
  const plotBottom = CURVES.height - CURVES.bottom;
  const x = (attainment: number) => CURVES.left + (attainment / maxAttainment) * (plotRight - CURVES.left);
  const y = (pay: number) => plotBottom - (pay / payTop) * (plotBottom - CURVES.top);
  const titleId = `curves-${position}-title`;

  const yTicks = Array.from({ length: Math.round(payTop / payStep) + 1 }, (_, index) => index * payStep).map(
    (pay) =>
      html`<line class="grid" x1="${CURVES.left}" x2="${plotRight}" y1="${svgNumber(y(pay))}" y2="${svgNumber(y(pay))}"/><text class="tick" x="${CURVES.left - 8}" y="${svgNumber(y(pay) + 4)}" text-anchor="end">${formatMoney(pay)}</text>`,
  );
  const xTicks = Array.from({ length: Math.floor(maxAttainment / 0.5 + EPSILON) + 1 }, (_, index) => index * 0.5).map(
    (attainment) =>
      html`<text class="tick" x="${svgNumber(x(attainment))}" y="${plotBottom + 18}" text-anchor="middle">${formatShare(attainment)}</text>`,
  );
  const ends = spread(
    drawn.map((choice) => y(choice.curve.at(-1)!.pay)),
    17,
  );
  const lines = drawn.map(
    (choice, index) => html`<g class="curve" data-segment="${choice.segment}" data-status="${choice.status}">
<polyline class="line status-line-${choice.status}" points="${choice.curve.map((point) => `${svgNumber(x(point.attainment))},${svgNumber(y(point.pay))}`).join(' ')}"><title>${choiceName(plan, choice)} (${choice.status}): pay for the year against attainment of the quota</title></polyline>
<text class="curve-label focus-text-${choice.status}" x="${plotRight + 8}" y="${svgNumber(ends[index]! + 4)}">${STATUS_SYMBOL[choice.status]} ${choiceName(plan, choice)} (${choice.status})</text>
</g>`,
  );
  const marks = plan.winners.map((winner, index) => {
    const attainment = winner.attainment!;
    const choice = drawn.find((candidate) => wins(winner, candidate));
    const point = choice?.points[index];
    const markX = x(attainment);
    return html`<g class="level" data-level="${formatShare(attainment)}" data-choice="${winner.segment}" data-status="${winner.status}">
<line class="level-line" x1="${svgNumber(markX)}" x2="${svgNumber(markX)}" y1="${CURVES.top - 4}" y2="${plotBottom}"/>
${point ? html`<circle class="winner-dot focus-${winner.status}" cx="${svgNumber(markX)}" cy="${svgNumber(y(point.pay))}" r="6"/>` : ''}
<text class="level-label${winner.status === 'deprioritized' ? ' alarm' : ''}" x="${svgNumber(markX)}" y="${CURVES.top - 30}" text-anchor="middle">&#9733; ${choiceName(plan, winner)}</text>
<text class="level-detail" x="${svgNumber(markX)}" y="${CURVES.top - 14}" text-anchor="middle">${money(winner.payPerMonth, currency)} / month</text>
</g>`;
  });
  return html`<svg class="chart curves" viewBox="0 0 ${CURVES.width} ${CURVES.height}" role="img" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">${planName(plan)}: pay for the year against attainment of quota, by segment, with the rational choice (most pay per month of effort) at ${plan.levels.map((level) => formatShare(level!)).join(', ')} of quota. ${summaryOf(plan)}</title>
${yTicks}${xTicks}
<line class="axis" x1="${CURVES.left}" x2="${plotRight}" y1="${plotBottom}" y2="${plotBottom}"/>
<text class="axis-title" x="${svgNumber((CURVES.left + plotRight) / 2)}" y="${CURVES.height - 6}" text-anchor="middle">attainment of quota</text>
<text class="axis-title" x="14" y="${svgNumber((CURVES.top + plotBottom) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${svgNumber((CURVES.top + plotBottom) / 2)})">pay for the year${currency ? ` (${currency})` : ''}</text>
${lines}${marks}
</svg>`;
}

/** The numbers behind the marks: pay per month of effort per choice and level, the rational choice starred. */
function renderLevelTable(plan: PlanReport, currency: string | null): SafeHtml {
  return html`<table class="levels">
<caption>Pay per month of selling effort${currency ? ` (${currency})` : ''} at each attainment level; &#9733; the rational choice</caption>
<thead><tr><th scope="col">choice</th>${plan.levels.map((level) => html`<th scope="col" class="num">${formatShare(level!)} of quota</th>`)}</tr></thead>
<tbody>${plan.choices.map(
    (choice) =>
      html`<tr data-segment="${choice.segment}"><th scope="row">${choiceName(plan, choice)} <span class="sub">${STATUS_SYMBOL[choice.status]} ${choice.status}</span></th>${choice.points.map(
        (point, index) => {
          const chosen = wins(plan.winners[index], choice);
          return html`<td class="num${chosen ? ` chosen status-${choice.status}` : ''}">${formatMoney(point.payPerMonth)}${chosen ? html` <span class="star">&#9733;</span><span class="visually-hidden"> rational choice</span>` : ''}</td>`;
        },
      )}</tr>`,
  )}</tbody>
</table>`;
}

export function renderPaySection(report: SimulationReport, policyNames?: Names): SafeHtml {
  names = policyNames;
  if (report.plans.length === 0) return html``;
  const judged = report.plans.filter((plan) => plan.verdict !== 'unjudged');
  const unjudged = report.plans.filter((plan) => plan.verdict === 'unjudged');
  return html`<section id="pay" aria-labelledby="pay-heading">
<h2 id="pay-heading">What a seller earns by doing what the strategy wants</h2>
<p class="lead">A seller who puts a month of effort into one segment books that segment's average deals; the plan turns the bookings into pay. The segment that pays most per month of effort is the rational choice (&#9733;): what a seller who follows the money will do. ${dateLine(report)}${report.currency ? ` Amounts in ${report.currency}.` : ''}</p>
${judged.map((plan, position) => renderPlan(plan, report.currency, position))}
${unjudged.length > 0 ? html`<ul class="unjudged">${unjudged.map((plan) => html`<li><strong>${planName(plan)}</strong>: not simulated: ${plan.summary}</li>`)}</ul>` : ''}
</section>`;
}
