/**
 * What each plan pays the whole sales force (the model `simulate --population` and the goalpost rules
 * read): a histogram of pay per seller per plan, as inline SVG, and the goalposts as a table, each
 * against the threshold the goalpost rule runs with in this configuration (its default unless the
 * configuration says otherwise), so that the table and `extends: goalposts` tell one story.
 */
import { builtinRules } from '../../rules/index.js';
import { formatMoney, formatShare } from '../engine/format.js';
import { resolveOptions } from '../engine/rule.js';
import { BEHAVIOUR_NOTE } from '../population/report.js';
import { SalesForce } from '../population/sales-force.js';
import type { PopulationStats } from '../population/model.js';
import type { CompensationPlanT } from '../schema.js';
import { html, svgNumber, type SafeHtml } from './escape.js';
import type { ReportModel } from './model.js';
import { namesOf } from './names.js';

type Met = 'yes' | 'no' | 'not-judged';

interface GoalpostCell {
  id: string;
  met: Met;
  figure: string;
}

interface Goalpost {
  id: string;
  /** The column heading: the figure and its goalpost. */
  heading: (options: Record<string, number>) => string;
  judge: (
    plan: CompensationPlanT,
    stats: PopulationStats,
    force: SalesForce,
    model: ReportModel,
    options: Record<string, number>,
  ) => GoalpostCell;
}

const EPSILON = 1e-9;
const percent = (value: number) => formatShare(Math.round(value * 100) / 100);

const GOALPOSTS: readonly Goalpost[] = [
  {
    id: 'share-at-quota',
    heading: (options) => `at or above quota (at least ${formatShare(options.min_share!)})`,
    judge: (_plan, stats, _force, _model, options) =>
      stats.source !== 'roster'
        ? {
            id: 'share-at-quota',
            met: 'not-judged',
            figure: `${percent(stats.shareAtOrAboveQuota)} drawn (the distribution's, not judged)`,
          }
        : {
            id: 'share-at-quota',
            met: stats.shareAtOrAboveQuota + EPSILON >= options.min_share! ? 'yes' : 'no',
            figure: percent(stats.shareAtOrAboveQuota),
          },
  },
  {
    id: 'share-earning-nothing',
    heading: (options) => `earning nothing (at most ${formatShare(options.max_share!)})`,
    judge: (_plan, stats, _force, _model, options) => ({
      id: 'share-earning-nothing',
      met: stats.shareEarningNothing <= options.max_share! + EPSILON ? 'yes' : 'no',
      figure: percent(stats.shareEarningNothing),
    }),
  },
  {
    id: 'p90-pay-multiple',
    heading: (options) => `90th-percentile pay ÷ target incentive (${options.min_multiple}–${options.max_multiple}×)`,
    judge: (_plan, stats, _force, _model, options) => {
      const multiple = stats.p90MultipleOfTarget;
      if (multiple === null) return { id: 'p90-pay-multiple', met: 'not-judged', figure: 'no target incentive (ote × variable_share)' };
      const met = multiple + EPSILON >= options.min_multiple! && multiple <= options.max_multiple! + EPSILON;
      return { id: 'p90-pay-multiple', met: met ? 'yes' : 'no', figure: `${multiple.toFixed(2)}×` };
    },
  },
  {
    id: 'cap-below-p90',
    heading: (options) => `at the cap (at most the top ${formatShare(1 - options.percentile!)})`,
    judge: (plan, _stats, force, _model, options) => {
      const caps = force.capsOf(plan);
      if (caps.length === 0) return { id: 'cap-below-p90', met: 'yes', figure: 'no cap' };
      const widest = caps.reduce((a, b) => (b.shareAtCap > a.shareAtCap ? b : a));
      return {
        id: 'cap-below-p90',
        met: widest.shareAtCap <= 1 - options.percentile! + EPSILON ? 'yes' : 'no',
        figure: `${percent(widest.shareAtCap)} (cap at ${percent(widest.attainment)} of quota)`,
      };
    },
  },
  {
    id: 'no-upside-on-favored',
    heading: (options) => `favored quotas pay past ${formatShare(options.paid_past!)} of quota`,
    judge: (plan, _stats, force, model, options) => {
      const strategy = model.index.strategy;
      const favored = (plan.quotas ?? []).filter(
        (quota) => strategy.isFavoredSegment(quota.segment) || strategy.isFavoredMetric(quota.metric),
      );
      if (favored.length === 0) return { id: 'no-upside-on-favored', met: 'not-judged', figure: 'no favored quota' };
      const stopped = force.capsOf(plan).filter((cap) => favored.includes(cap.quota) && cap.attainment <= options.paid_past! + EPSILON);
      return stopped.length === 0
        ? { id: 'no-upside-on-favored', met: 'yes', figure: 'yes' }
        : { id: 'no-upside-on-favored', met: 'no', figure: `no: capped at ${percent(stopped[0]!.attainment)} of quota` };
    },
  },
  {
    id: 'pay-mix',
    heading: (options) =>
      `variable share (at most ${formatShare(options.max_variable_share!)} on cycles of ${options.long_cycle_days} days or more)`,
    judge: (plan, _stats, _force, model, options) => {
      const share = plan.variable_share;
      if (share === undefined) return { id: 'pay-mix', met: 'not-judged', figure: 'no variable_share' };
      const named = [
        ...(plan.quotas ?? []).map((quota) => quota.segment),
        ...(plan.commission ?? []).flatMap((line) => [line.segment, ...(line.segments ?? [])]),
        ...(plan.bonus ?? []).flatMap((line) => [line.segment, ...(line.segments ?? [])]),
      ].filter((segment): segment is string => segment !== undefined);
      const longest = Math.max(0, ...named.map((segment) => model.index.segments.get(segment)?.sales_cycle_days ?? 0));
      const long = longest >= options.long_cycle_days!;
      return {
        id: 'pay-mix',
        met: !long || share <= options.max_variable_share! + EPSILON ? 'yes' : 'no',
        figure: `${percent(share)}${long ? ` on ${longest}-day cycles` : ''}`,
      };
    },
  },
];

const MET_TEXT: Record<Met, string> = { yes: '✔ met', no: '✖ missed', 'not-judged': '· not judged' };

/** Each goalpost rule's options: as this run's configuration resolved them, else the rule's defaults. */
function goalpostOptions(model: ReportModel, id: string): Record<string, number> {
  const configured = model.ruleOptions[id];
  if (configured) return configured as Record<string, number>;
  const rule = builtinRules.find((candidate) => candidate.meta.id === id);
  const defaults = rule ? resolveOptions(rule) : undefined;
  return (defaults?.success ? defaults.data : {}) as Record<string, number>;
}

export function renderSalesForceSection(model: ReportModel): SafeHtml {
  const force = new SalesForce(model.index, { date: model.gate.announce });
  const plans = model.loaded.policy.compensation
    .map((plan) => ({ plan, stats: force.of(plan) }))
    .filter((entry): entry is { plan: CompensationPlanT; stats: PopulationStats } => entry.stats !== undefined);
  if (plans.length === 0) return html``;
  const names = namesOf(model);
  const currency = names.currency;
  const options = new Map(GOALPOSTS.map((goalpost) => [goalpost.id, goalpostOptions(model, goalpost.id)]));
  const { median, sigma } = force.distribution;
  return html`<section id="sales-force" aria-labelledby="sales-force-heading">
<h2 id="sales-force-heading">What each plan pays the whole sales force</h2>
<p class="lead">Every plan with a quota, priced over ${force.draws.toLocaleString('en-US')} sellers drawn from a lognormal attainment distribution (median ${formatShare(median)} of quota, sigma ${sigma}, seed ${force.seed}), or over the roster's attainments where the policy gives them: what <code>simulate --population</code> prints, and what the goalpost rules (<code>extends: goalposts</code>) judge. ${BEHAVIOUR_NOTE}${currency ? ` Amounts in ${currency}, per seller per year.` : ''}</p>
<table class="goalposts">
<caption>The compensation consultants' goalposts, plan by plan</caption>
<thead><tr><th scope="col">plan</th><th scope="col">sellers</th>${GOALPOSTS.map((goalpost) => html`<th scope="col" data-goalpost="${goalpost.id}">${goalpost.heading(options.get(goalpost.id)!)}</th>`)}</tr></thead>
<tbody>${plans.map(({ plan, stats }) => {
    const cells = GOALPOSTS.map((goalpost) => goalpost.judge(plan, stats, force, model, options.get(goalpost.id)!));
    return html`<tr data-plan="${plan.id}"><th scope="row">${names.instrument(plan.id)}</th><td class="num">${formatMoney(stats.sellers)} ${stats.source === 'roster' ? 'on the roster' : 'drawn'}</td>${cells.map(
      (cell) =>
        html`<td data-goalpost="${cell.id}" data-met="${cell.met}" class="met-${cell.met}">${cell.figure} <span class="goalpost-verdict">${MET_TEXT[cell.met]}</span></td>`,
    )}</tr>`;
  })}</tbody>
</table>
${plans.map(({ plan, stats }, position) => renderHistogram(plan, stats, force.paysOf(plan)!, names.instrument(plan.id), currency, position))}
</section>`;
}

const HISTOGRAM = { width: 1000, height: 280, left: 70, right: 30, top: 40, bottom: 48, bins: 20 };

/** A round step for an axis from 0 to `max` with about `count` steps: 1, 2 or 5 × a power of ten. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= raw)!;
}

interface HistogramBin {
  from: number;
  to: number;
  sellers: number;
}

/** Ascending pays in bins of one round width from 0; a pay on a boundary counts in the bin it starts. */
function payBins(pays: Float64Array, count = HISTOGRAM.bins): HistogramBin[] {
  const max = pays.length > 0 ? pays[pays.length - 1]! : 0;
  const step = max > 0 ? niceStep(max, count) : 1;
  const bins: HistogramBin[] = Array.from({ length: Math.floor(max / step + EPSILON) + 1 }, (_, index) => ({
    from: index * step,
    to: (index + 1) * step,
    sellers: 0,
  }));
  for (const pay of pays) bins[Math.min(bins.length - 1, Math.floor(pay / step + EPSILON))]!.sellers++;
  return bins;
}

function renderHistogram(
  plan: CompensationPlanT,
  stats: PopulationStats,
  pays: Float64Array,
  name: string,
  currency: string | null,
  position: number,
): SafeHtml {
  const bins = payBins(pays);
  const top = bins.at(-1)!.to;
  const most = Math.max(1, ...bins.map((bin) => bin.sellers));
  const plotRight = HISTOGRAM.width - HISTOGRAM.right;
  const plotBottom = HISTOGRAM.height - HISTOGRAM.bottom;
  const x = (pay: number) => HISTOGRAM.left + (pay / top) * (plotRight - HISTOGRAM.left);
  const y = (sellers: number) => plotBottom - (sellers / most) * (plotBottom - HISTOGRAM.top);
  const money = (amount: number) => (currency ? `${currency} ${formatMoney(amount)}` : formatMoney(amount));
  const titleId = `payout-${position}-title`;
  const tickEvery = Math.max(1, Math.ceil(bins.length / 6));
  const markers = [
    ...(stats.targetIncentive !== null ? [{ kind: 'target', label: 'target incentive', pay: stats.targetIncentive }] : []),
    { kind: 'p50', label: 'P50', pay: stats.pay.p50 },
    { kind: 'p90', label: 'P90', pay: stats.pay.p90 },
  ];
  return html`<figure class="payout" data-plan="${plan.id}">
<figcaption><strong>${name}</strong>: pay per seller for the year, ${formatMoney(stats.sellers)} ${stats.source === 'roster' ? 'sellers of the roster' : 'sellers drawn'}; P10 ${money(stats.pay.p10)}, P50 ${money(stats.pay.p50)}, P90 ${money(stats.pay.p90)}${stats.costOfSales === null ? '' : `; cost of sales ${percent(stats.costOfSales)}`}.</figcaption>
<svg class="chart histogram" viewBox="0 0 ${HISTOGRAM.width} ${HISTOGRAM.height}" role="img" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">${name}: how many sellers the plan pays how much, in bins of ${money(bins[0]!.to)}</title>
<line class="axis" x1="${HISTOGRAM.left}" x2="${plotRight}" y1="${plotBottom}" y2="${plotBottom}"/>
${bins.map((bin) => {
  const left = x(bin.from);
  const width = Math.max(x(bin.to) - left - 2, 1);
  return html`<rect class="bin" data-from="${bin.from}" data-to="${bin.to}" data-sellers="${bin.sellers}" x="${svgNumber(left + 1)}" y="${svgNumber(y(bin.sellers))}" width="${svgNumber(width)}" height="${svgNumber(plotBottom - y(bin.sellers))}"><title>${money(bin.from)} to ${money(bin.to)}: ${bin.sellers} ${bin.sellers === 1 ? 'seller' : 'sellers'}</title></rect>`;
})}
${Array.from({ length: Math.floor(bins.length / tickEvery) + 1 }, (_, index) => index * tickEvery * bins[0]!.to).map(
  (edge) => html`<text class="tick" x="${svgNumber(x(edge))}" y="${plotBottom + 18}" text-anchor="middle">${formatMoney(edge)}</text>`,
)}
<text class="tick" x="${HISTOGRAM.left - 8}" y="${svgNumber(y(most) + 4)}" text-anchor="end">${most}</text>
<text class="axis-title" x="${svgNumber((HISTOGRAM.left + plotRight) / 2)}" y="${HISTOGRAM.height - 8}" text-anchor="middle">pay for the year${currency ? ` (${currency})` : ''}</text>
${markers.map(
  (marker, index) =>
    html`<g class="marker marker-${marker.kind}" data-marker="${marker.kind}" data-pay="${svgNumber(marker.pay)}"><line class="level-line" x1="${svgNumber(x(marker.pay))}" x2="${svgNumber(x(marker.pay))}" y1="${HISTOGRAM.top - 6}" y2="${plotBottom}"/><text class="level-detail" x="${svgNumber(x(marker.pay))}" y="${10 + index * 11}" text-anchor="middle">${marker.label}</text></g>`,
)}
</svg>
</figure>`;
}
