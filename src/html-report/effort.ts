/**
 * Pay per month of selling effort, per segment, for each flat-rate commission plan: the seller's
 * side of effort-adjusted-pay. The segment that pays most per month is the rational choice; when it
 * is one the strategy deprioritizes, the plan pays sellers to execute the old strategy.
 */
import { commissionPerMonth } from '../engine/effort-pay.js';
import { formatMoney, formatShare } from '../engine/format.js';
import type { FocusStatus } from '../engine/policy-index.js';
import { html, svgNumber, type SafeHtml } from './escape.js';
import type { ReportModel } from './model.js';

export interface EffortLine {
  segment: string;
  focus: FocusStatus;
  rate: number;
  avgDealSize: number;
  salesCycleDays: number;
  perMonth: number;
}

export interface EffortChart {
  plan: string;
  team?: string;
  metric: string;
  lines: EffortLine[];
  /** The line that pays most per month of effort (on a tie, the first declared). */
  choice: EffortLine;
}

/** The rule's own default, used when the configuration does not say. */
const DEFAULT_DAYS_PER_MONTH = 30;

export function effortCharts(model: ReportModel): EffortChart[] {
  const configured = model.ruleOptions['effort-adjusted-pay']?.days_per_month;
  const daysPerMonth = typeof configured === 'number' && configured > 0 ? configured : DEFAULT_DAYS_PER_MONTH;
  const charts: EffortChart[] = [];
  for (const instrument of model.index.instruments) {
    if (instrument.lever !== 'compensation') continue;
    const byMetric = new Map<string, EffortLine[]>();
    for (const reward of model.index.rewardsOf(instrument)) {
      const economics = model.index.dealEconomics(reward.segment);
      if (reward.component !== 'commission' || reward.rate === undefined || reward.metric === undefined || !economics) continue;
      const line: EffortLine = {
        segment: reward.segment!,
        focus: model.index.statusOf('segments', reward.segment!),
        rate: reward.rate,
        avgDealSize: economics.avgDealSize,
        salesCycleDays: economics.salesCycleDays,
        perMonth: commissionPerMonth(reward.rate, economics, daysPerMonth),
      };
      byMetric.set(reward.metric, [...(byMetric.get(reward.metric) ?? []), line]);
    }
    for (const [metric, lines] of byMetric) {
      if (lines.length < 2) continue;
      const choice = lines.reduce((best, line) => (line.perMonth > best.perMonth + 1e-9 ? line : best));
      charts.push({ plan: instrument.id, team: instrument.team, metric, lines, choice });
    }
  }
  return charts;
}

/** Whether the best-paying segment is one the strategy wants less of. */
export function choosesOldStrategy(chart: EffortChart): boolean {
  return chart.choice.focus === 'deprioritized';
}

const FOCUS_LABEL: Record<FocusStatus, string> = { favored: 'favored', deprioritized: 'deprioritized', contested: 'contested', neutral: 'neutral' };

const LAYOUT = { width: 1000, labelWidth: 210, valueWidth: 450, rowHeight: 40, barHeight: 22, top: 8, bottom: 8 };

export function renderEffortChart(chart: EffortChart, position: number): SafeHtml {
  const max = Math.max(...chart.lines.map((line) => line.perMonth));
  const plotRight = LAYOUT.width - LAYOUT.valueWidth;
  const scale = (value: number) => (max > 0 ? (value / max) * (plotRight - LAYOUT.labelWidth) : 0);
  const height = LAYOUT.top + chart.lines.length * LAYOUT.rowHeight + LAYOUT.bottom;
  const titleId = `effort-${position}-title`;
  const rows = chart.lines.map((line, row) => {
    const top = LAYOUT.top + row * LAYOUT.rowHeight;
    const barY = top + (LAYOUT.rowHeight - LAYOUT.barHeight) / 2;
    const textY = top + LAYOUT.rowHeight / 2 + 5;
    const width = Math.max(scale(line.perMonth), 2);
    const chosen = line === chart.choice;
    return html`<g class="effort-row" data-segment="${line.segment}" data-focus="${line.focus}"${chosen ? html` data-choice="rational"` : ''}>
<text class="label" x="${LAYOUT.labelWidth - 10}" y="${svgNumber(textY)}" text-anchor="end">${line.segment}<tspan class="focus focus-${line.focus}"> &#183; ${FOCUS_LABEL[line.focus]}</tspan></text>
<rect class="bar focus-${line.focus}${chosen ? ' chosen' : ''}" x="${LAYOUT.labelWidth}" y="${svgNumber(barY)}" width="${svgNumber(width)}" height="${LAYOUT.barHeight}" rx="3"><title>${line.segment}: ${formatShare(line.rate)} of ${formatMoney(line.avgDealSize)} over ${line.salesCycleDays} days = ${formatMoney(line.perMonth)} per month</title></rect>
<text class="value" x="${svgNumber(LAYOUT.labelWidth + width + 8)}" y="${svgNumber(textY)}">${formatMoney(line.perMonth)} / month<tspan class="detail"> (${formatShare(line.rate)} of ${formatMoney(line.avgDealSize)}, ${line.salesCycleDays}-day cycle)</tspan>${chosen ? html`<tspan class="choice${line.focus === 'deprioritized' ? ' alarm' : ''}"> &#9733; rational choice</tspan>` : ''}</text>
</g>`;
  });
  return html`<figure class="effort" data-plan="${chart.plan}" data-metric="${chart.metric}">
<figcaption><strong>${chart.plan}</strong>${chart.team ? html` (team ${chart.team})` : ''}, commission on ${chart.metric}: ${verdictSentence(chart)}</figcaption>
<svg class="chart" viewBox="0 0 ${LAYOUT.width} ${height}" role="img" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">${chart.plan}: commission on ${chart.metric} per month of selling effort, by segment. ${verdictSentence(chart)}</title>
${rows}
</svg>
</figure>`;
}

export function verdictSentence(chart: EffortChart): string {
  const choice = chart.choice;
  if (choice.focus === 'deprioritized') return `a month of selling pays most on ${choice.segment} deals (${formatMoney(choice.perMonth)}), the segment the strategy deprioritizes.`;
  if (choice.focus === 'favored') return `a month of selling pays most on ${choice.segment} deals (${formatMoney(choice.perMonth)}), the segment the strategy favors.`;
  return `a month of selling pays most on ${choice.segment} deals (${formatMoney(choice.perMonth)}).`;
}
