/**
 * The top of the report: the verdict, the few facts that explain it at a glance, and the gate's
 * checklist with each step linked to its findings.
 */
import type { Finding } from '../engine/run.js';
import type { SimulationReport } from '../payout/report.js';
import { html, type SafeHtml } from './escape.js';
import type { FirstChange } from './first-changes.js';
import { undermined } from './heatmap.js';
import type { ReportModel } from './model.js';
import { namesOf } from './names.js';
import type { TimelineEntry } from './timeline.js';
import { groupBy } from '../group-by.js';

/** bad: a reason for no-go; good: a reason for go; note: what the verdict relies on (waivers). */
type Tone = 'bad' | 'good' | 'note';

const TONE_RANK: Record<Tone, number> = { bad: 0, good: 1, note: 2 };
const TONE_MARK: Record<Tone, string> = { bad: '✖', good: '✔', note: '!' };

interface Reason {
  tone: Tone;
  text: SafeHtml;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The facts behind the verdict, worst first; each names where in the report the picture is. */
export function verdictReasons(model: ReportModel, timeline: readonly TimelineEntry[], pay: SimulationReport): Reason[] {
  const { gate, matrix } = model;
  const reasons: Reason[] = [];
  const failing = gate.steps.filter((step) => step.status === 'fail');
  const unjudged = gate.steps.filter((step) => step.status === 'cannot-judge');
  if (failing.length > 0)
    reasons.push({
      tone: 'bad',
      text: html`${failing.length} of ${gate.steps.length} readiness steps fail (<a href="#checklist">checklist</a>).`,
    });
  if (unjudged.length > 0) {
    const what = unjudged.map((step) => `step ${step.number}, ${step.cannotJudge.join('; ')}`).join('; ');
    reasons.push({
      tone: 'bad',
      text: html`${plural(unjudged.length, 'readiness step')} cannot be judged (${what}): declare it, or list the lever under strategy.levers_not_used if the organization does not use it (<a href="#checklist">checklist</a>).`,
    });
  }
  if (failing.length + unjudged.length === 0)
    reasons.push({ tone: 'good', text: html`All ${gate.steps.length} readiness steps pass (<a href="#checklist">checklist</a>).` });
  if (gate.skipped.length > 0) {
    reasons.push({
      tone: 'bad',
      text: html`${plural(gate.skipped.length, 'YAML file')} not read, for lack of <code>version: 1</code>: ${gate.skipped.join(', ')}. Nothing in ${gate.skipped.length === 1 ? 'it' : 'them'} was judged.`,
    });
  }
  const cells = matrix.rows.length * matrix.teams.length;
  const against = undermined(matrix);
  reasons.push(
    against > 0
      ? {
          tone: 'bad',
          text: html`${against} of ${cells} priority &#215; team cells are undermined: those teams are paid, measured, promoted or recognized against the priority (<a href="#heatmap">heatmap</a>).`,
        }
      : { tone: 'good', text: html`No team is rewarded against a priority (<a href="#heatmap">heatmap</a>).` },
  );
  const late = timeline.filter((entry) => entry.lateDays !== undefined);
  const undated = timeline.filter((entry) => entry.effective === undefined);
  if (late.length > 0 || undated.length > 0) {
    const parts = [
      ...late.map((entry) => `${entry.name} starts ${entry.lateDays} days after the announcement`),
      ...undated.map((entry) => `${entry.name} has no effective date`),
    ];
    reasons.push({
      tone: 'bad',
      text: html`${parts.join('; ')}: until then the old incentives still run (<a href="#timeline">timeline</a>).`,
    });
  } else {
    reasons.push({
      tone: 'good',
      text: html`Every instrument is in force by the announcement on ${gate.announce} (<a href="#timeline">timeline</a>).`,
    });
  }
  const names = namesOf(model);
  for (const plan of pay.plans) {
    if (plan.verdict === 'misaligned')
      reasons.push({ tone: 'bad', text: html`${names.planSummary(plan).replace(/\.$/, '')} (<a href="#pay">what a seller earns</a>).` });
    else if (plan.verdict === 'aligned')
      reasons.push({ tone: 'good', text: html`${names.planSummary(plan).replace(/\.$/, '')} (<a href="#pay">what a seller earns</a>).` });
  }
  if (gate.blocking.length > 0)
    reasons.push({
      tone: 'bad',
      text: html`${plural(gate.blocking.length, 'blocking finding')} outside the steps (<a href="#findings">findings</a>).`,
    });
  if (gate.waivers.length > 0)
    reasons.push({
      tone: 'note',
      text: html`The verdict relies on ${plural(gate.waivers.length, 'waiver')}: accepted exceptions, each with an owner and an expiry (<a href="#waivers">waivers</a>).`,
    });
  return reasons.sort((a, b) => TONE_RANK[a.tone] - TONE_RANK[b.tone]);
}

export function renderVerdict(model: ReportModel, reasons: readonly Reason[], changes: readonly FirstChange[] = []): SafeHtml {
  const go = model.gate.verdict === 'go';
  const first =
    changes.length > 0
      ? html`<h3 class="first-changes-heading">Change first</h3><ol class="first-changes">${changes.map((change) => html`<li data-owner="${change.owner}">${change.text} <a href="#${model.anchors.get(change.finding) ?? ''}">finding</a></li>`)}</ol>`
      : '';
  const headline = go ? `the strategy can be announced on ${model.gate.announce}` : `do not announce on ${model.gate.announce} yet`;
  return html`<section class="verdict ${go ? 'go' : 'no-go'}" aria-labelledby="verdict-heading" data-verdict="${model.gate.verdict}">
<h2 id="verdict-heading"><span class="verdict-word">${go ? '✔ GO' : '✖ NO-GO'}</span> <span class="verdict-text">${headline}</span></h2>
${first}
<ul class="reasons">${reasons.map((reason) => html`<li class="${reason.tone}"><span class="mark" aria-hidden="true">${TONE_MARK[reason.tone]}</span> ${reason.text}</li>`)}</ul>
</section>`;
}

/** What a finding is about, in the fewest words: its instrument or subject by name, else its line. */
function shortName(finding: Finding, model: ReportModel): string {
  const owner = finding.instrument ?? finding.subject;
  return owner === undefined ? `line ${finding.line}` : namesOf(model).subject(owner);
}

/** One line per rule: the rule, then what its findings are about, each linked to its first finding there (×N when several). */
function ruleCounts(findings: readonly Finding[], model: ReportModel): SafeHtml[] {
  const byRule = groupBy(findings, (finding) => finding.rule);
  return [...byRule].map(([rule, ruleFindings]) => {
    const owners = groupBy(ruleFindings, (finding) => shortName(finding, model));
    const links = [...owners].map(
      ([owner, list]) =>
        html`<a href="#${model.anchors.get(list[0]!) ?? ''}">${owner}</a>${list.length > 1 ? html` &#215;${list.length}` : ''}`,
    );
    return html`<li><span class="rule">${rule}</span> ${links.flatMap((link, position) => (position === 0 ? [link] : [html`, `, link]))}</li>`;
  });
}

const STEP_BADGE: Record<'pass' | 'fail' | 'cannot-judge', { className: string; mark: string; word: string }> = {
  pass: { className: 'pass', mark: '✔', word: 'pass' },
  fail: { className: 'fail', mark: '✖', word: 'fail' },
  'cannot-judge': { className: 'unjudged', mark: '?', word: 'cannot judge' },
};

export function renderChecklist(model: ReportModel): SafeHtml {
  const steps = model.gate.steps.map((step) => {
    const badge = STEP_BADGE[step.status];
    return html`<tr class="step ${step.status}" data-step="${step.id}" data-status="${step.status}">
<td class="num">${step.number}</td>
<th scope="row">${step.title}</th>
<td class="result"><span class="badge ${badge.className}"><span aria-hidden="true">${badge.mark}</span> ${badge.word}</span></td>
<td>${step.findings.length > 0 ? html`<ul class="rule-links">${ruleCounts(step.findings, model)}</ul>` : step.cannotJudge.length === 0 ? html`<span class="none">no findings</span>` : ''}${
      step.cannotJudge.length > 0 ? html`<p class="cannot-judge">Cannot judge: ${step.cannotJudge.join('; ')}.</p>` : ''
    }${step.notChecked.length > 0 ? html`<p class="unchecked">Not checked (rules not installed): ${step.notChecked.join(', ')}</p>` : ''}</td>
</tr>`;
  });
  const blocking =
    model.gate.blocking.length > 0
      ? html`<tr class="step fail" data-step="blocking"><td class="num">!</td><th scope="row">Blocking findings outside the steps</th><td class="result"><span class="badge fail"><span aria-hidden="true">&#10006;</span> fail</span></td><td><ul class="rule-links">${ruleCounts(model.gate.blocking, model)}</ul></td></tr>`
      : '';
  return html`<table class="checklist">
<caption>The gate's sequence: update the incentives, explain them, reward every priority, reinforce through recognition, and only then announce</caption>
<thead><tr><th scope="col">#</th><th scope="col">step</th><th scope="col">result</th><th scope="col">findings (linked)</th></tr></thead>
<tbody>${steps}${blocking}</tbody>
</table>`;
}
