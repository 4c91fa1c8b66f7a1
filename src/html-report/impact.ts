/**
 * `report --since GIT_REF`: what the change to the compensation plans since that commit costs and
 * whom it pays, the figures of `diff --impact REF` (src/impact/) against the working tree, judged on
 * the gate's announcement date: per plan added, removed, changed or paying differently, pay at
 * P10/P50/P90 and the cost of sales before and after, the rational choice at each attainment level,
 * and the findings about it that appear and disappear. The same cells as the command's table.
 */
import type { ImpactReport, PlanImpact } from '../impact/model.js';
import { costCell, payCell } from '../impact/render.js';
import { BEHAVIOUR_NOTE } from '../population/report.js';
import { formatShare } from '../engine/format.js';
import { html, type SafeHtml } from './escape.js';

function planName(plan: PlanImpact): string {
  return plan.name !== null && plan.name !== plan.plan ? `${plan.name} (${plan.plan})` : plan.plan;
}

function choices(plan: PlanImpact): SafeHtml {
  if (plan.choices.length === 0) return html``;
  const choice = (side: PlanImpact['choices'][number]['before']) =>
    side === null ? 'none' : `${side.segment} (${side.metric}, ${side.status})`;
  return html`<table class="impact-choices"><caption>Rational choice of ${planName(plan)} (most pay per month of effort)</caption>
<thead><tr><th scope="col">attainment</th><th scope="col">before</th><th scope="col">after</th></tr></thead>
<tbody>${plan.choices.map(
    (level) =>
      html`<tr data-changed="${String(level.changed)}"><td>${level.attainment === null ? 'any' : formatShare(level.attainment)}</td><td>${choice(level.before)}</td><td>${choice(level.after)}</td></tr>`,
  )}</tbody></table>`;
}

function findings(plan: PlanImpact): SafeHtml {
  const moved = [
    ...plan.findings.appeared.map((finding) => ({ finding, word: 'appears' })),
    ...plan.findings.disappeared.map((finding) => ({ finding, word: 'disappears' })),
  ];
  if (moved.length === 0) return html``;
  return html`<ul class="since-list">${moved.map(
    ({ finding, word }) =>
      html`<li data-impact-finding="${word}">${word}: <span class="rule">${finding.rule}</span> ${finding.message} <span class="where">${finding.file}:${finding.line}</span></li>`,
  )}</ul>`;
}

export function renderImpactSection(impact: ImpactReport | undefined): SafeHtml {
  if (!impact) return html``;
  const { median, sigma } = impact.distribution;
  return html`<section id="impact" aria-labelledby="impact-heading">
<h2 id="impact-heading">What the change to the plans since ${impact.base} costs</h2>
<p class="lead">${impact.plans.length} plan${impact.plans.length === 1 ? '' : 's'} added, removed, changed or paying differently; ${impact.unchangedPlans} unchanged. Both versions priced on one sales force: ${impact.draws} draws of attainment (lognormal, median ${formatShare(median)} of quota, sigma ${sigma}, seed ${impact.seed}), a roster's attainments where it gives them; judged on ${impact.date}.${impact.currency ? ` Money in ${impact.currency}, per seller per year.` : ''} ${BEHAVIOUR_NOTE}</p>
${
  impact.plans.length === 0
    ? html`<p class="none">No plan pays differently.</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-label="impact per plan, scrollable"><table class="impact">
<thead><tr><th scope="col">plan</th><th scope="col">change</th><th scope="col">pay P10</th><th scope="col">pay P50</th><th scope="col">pay P90</th><th scope="col">cost of sales</th></tr></thead>
<tbody>${impact.plans.map(
        (plan) =>
          html`<tr data-plan="${plan.plan}" data-change="${plan.change}"><th scope="row">${planName(plan)}</th><td>${plan.change}</td><td>${payCell(plan, 'p10')}</td><td>${payCell(plan, 'p50')}</td><td>${payCell(plan, 'p90')}</td><td>${costCell(plan)}</td></tr>`,
      )}</tbody></table></div>
${impact.plans.map((plan) => html`${choices(plan)}${findings(plan)}`)}`
}
</section>`;
}
