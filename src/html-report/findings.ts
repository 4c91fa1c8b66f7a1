/**
 * The detail behind the pictures: every finding, grouped by the instrument it is about, each with
 * its fix and a link to its rule's documentation; then the waivers in force with owner and expiry.
 */
import { builtinRules } from '../../rules/index.js';
import { LEVER_COVERAGE } from '../engine/check-ids.js';
import type { Finding } from '../engine/run.js';
import { ruleDocsUrl } from '../project.js';
import type { Lever } from '../schema.js';
import { html, type SafeHtml } from './escape.js';
import { ownerOf, type ReportModel } from './model.js';
import { namesOf } from './names.js';
import { daysBetween } from './timeline.js';
import { groupBy } from '../group-by.js';

const BUILTIN_IDS: ReadonlySet<string> = new Set(builtinRules.map((rule) => rule.meta.id));

/** Where a rule is documented: docs/rules.md, for built-in rules and the gate's own check; plugins document themselves. */
function docsUrl(rule: string): string | undefined {
  return BUILTIN_IDS.has(rule) || rule === LEVER_COVERAGE ? ruleDocsUrl(rule) : undefined;
}

const LEVER_NOUN: Record<Lever, string> = {
  compensation: 'compensation plan',
  okrs: 'OKR set',
  promotions: 'promotion ladder',
  recognition: 'recognition program',
};

function groupHeading(model: ReportModel, owner: string | undefined): SafeHtml {
  if (owner === undefined) return html`The policy as a whole`;
  const instrument = model.index.instrumentById.get(owner);
  const names = namesOf(model);
  const named = names.subject(owner);
  const id = named === owner ? '' : ` ${owner}`;
  if (instrument)
    return html`${named} <span class="sub">${LEVER_NOUN[instrument.lever]}${id}${instrument.team ? html`, ${names.team(instrument.team)}` : ''}${instrument.effective ? html`, effective ${instrument.effective}` : ''}</span>`;
  const kind = model.index.priorities.has(owner)
    ? 'priority'
    : model.index.teams.has(owner)
      ? 'team'
      : model.index.metrics.has(owner)
        ? 'metric'
        : model.index.segments.has(owner)
          ? 'segment'
          : undefined;
  return kind ? html`${named} <span class="sub">${kind}${id}</span>` : html`${named}`;
}

function renderFinding(model: ReportModel, finding: Finding): SafeHtml {
  const url = docsUrl(finding.rule);
  return html`<li class="finding severity-${finding.severity}" id="${model.anchors.get(finding) ?? ''}" data-rule="${finding.rule}">
<p class="finding-head"><span class="severity">${finding.severity}</span> ${url ? html`<a class="rule" href="${url}">${finding.rule}</a>` : html`<span class="rule">${finding.rule}</span>`} <span class="where">${finding.file}:${finding.line}:${finding.column}</span></p>
<p class="message">${finding.message}</p>
<p class="fix"><strong>Fix:</strong> ${finding.fix}</p>
</li>`;
}

export function renderFindings(model: ReportModel): SafeHtml {
  if (model.findings.length === 0) return html`<p class="none">No findings: every rule that ran is satisfied.</p>`;
  const groups = groupBy(model.findings, ownerOf);
  return html`${[...groups].map(
    ([owner, findings]) => html`<section class="finding-group" data-owner="${owner ?? ''}">
<h3>${groupHeading(model, owner)} <span class="count">${findings.length} finding${findings.length === 1 ? '' : 's'}</span></h3>
<ol class="findings">${findings.map((finding) => renderFinding(model, finding))}</ol>
</section>`,
  )}`;
}

/**
 * Every waiver the policy declares: those in force (with the findings each silenced in this run,
 * possibly none) and those past their expiry, whose findings are back.
 */
export function renderWaivers(model: ReportModel): SafeHtml {
  const declared = model.loaded.policy.waivers;
  if (declared.length === 0) return html`<p class="none">The policy declares no waiver: no exception was accepted for this launch.</p>`;
  const silenced = new Map(model.gate.waivers.map(({ waiver, findings }) => [waiver, findings.length]));
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="waivers, scrollable"><table class="waivers">
<caption>Accepted exceptions: owned, explained and expiring. The verdict relies on those that waive a finding.</caption>
<thead><tr><th scope="col">rule</th><th scope="col">target</th><th scope="col">approved by</th><th scope="col">expires</th><th scope="col">findings waived</th><th scope="col">reason</th></tr></thead>
<tbody>${declared.map((waiver) => {
    const left = daysBetween(model.today, waiver.expires);
    const expired = left < 0;
    return html`<tr data-waiver="${waiver.rule}:${waiver.target}" data-state="${expired ? 'expired' : 'in-force'}"><td>${waiver.rule}</td><td>${waiver.target}</td><td>${waiver.approved_by}</td><td>${waiver.expires}<span class="sub">${expired ? 'expired: its findings are back' : `in force, ${left} days left`}</span></td><td class="num">${expired ? '–' : (silenced.get(waiver) ?? 0)}</td><td>${waiver.reason}</td></tr>`;
  })}</tbody>
</table></div>`;
}
