/**
 * `report --since GIT_REF`: the gate run on the policy as it was at an earlier commit, beside
 * today's. Findings are matched by rule, what they are about (instrument or subject) and message,
 * not by line, so a finding that only moved is unchanged; the earlier version is judged against the
 * same announcement date, under the same configuration, so the two verdicts answer one question.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { InputError } from '../diagnostics.js';
import { snapshotAt } from '../diff/git.js';
import type { Finding } from '../engine/run.js';
import { runGate, type GateOptions, type GateReport } from '../gate/run.js';
import { html, type SafeHtml } from './escape.js';
import { compareFindings, type FindingChanges } from '../diff/finding-changes.js';

export interface SinceComparison extends FindingChanges {
  ref: string;
  /** The verdict at the commit; undefined when there was no policy there (or it could not be judged), with `note` saying why. */
  then?: GateReport['verdict'];
  now: GateReport['verdict'];
  note?: string;
}

/** The findings a gate report holds: every step's and the blocking ones. */
function gateFindings(report: GateReport): Finding[] {
  return [...report.steps.flatMap((step) => step.findings), ...report.blocking];
}

/**
 * Runs the gate on `paths` as they were at `ref` (read through the git layer's snapshotAt), under
 * today's configuration file and announcement date, and compares its findings with `current`'s.
 */
export async function compareSince(
  ref: string,
  paths: readonly string[],
  current: GateReport,
  options: GateOptions & { configFile?: string },
): Promise<{ since: SinceComparison } | { diagnostics: Diagnostic[] }> {
  const cwd = options.cwd ?? process.cwd();
  let snapshot: ReturnType<typeof snapshotAt>;
  try {
    snapshot = snapshotAt(ref, paths, cwd);
  } catch (error) {
    if (error instanceof InputError) return { diagnostics: error.diagnostics };
    throw error;
  }
  try {
    const base = { ref, now: current.verdict, added: gateFindings(current), fixed: [], unchanged: [] };
    if (snapshot.paths.length === 0) return { since: { ...base, note: `no policy files under ${paths.join(', ') || '.'} at ${ref}` } };
    const config = options.config === false ? false : options.configFile ? path.resolve(cwd, options.configFile) : false;
    const then = await runGate(snapshot.paths, { ...options, cwd: snapshot.dir, announce: current.announce, config });
    if (!then.report) {
      const why = then.diagnostics[0]?.message ?? 'it could not be judged';
      return { since: { ...base, note: `the policy at ${ref} could not be judged: ${why}` } };
    }
    const origin = (finding: Finding): Finding => ({ ...finding, file: snapshot.origins.get(finding.file) ?? `${ref}:${finding.file}` });
    const compared = compareFindings(gateFindings(then.report).map(origin), gateFindings(current));
    // biome-ignore lint/suspicious/noThenProperty: `then` is the verdict at the earlier commit, a string in the JSON contract, never a thenable.
    return { since: { ref, then: then.report.verdict, now: current.verdict, ...compared } };
  } finally {
    snapshot.dispose();
  }
}

const VERDICT_WORD = { go: 'GO', 'no-go': 'NO-GO' } as const;

function findingItems(findings: readonly Finding[]): SafeHtml {
  if (findings.length === 0) return html`<p class="none">none</p>`;
  return html`<ul class="since-list">${findings.map((finding) => html`<li><span class="rule">${finding.rule}</span> ${finding.message} <span class="where">${finding.file}:${finding.line}</span></li>`)}</ul>`;
}

// The parts of the ReportModel it draws, written out: model.ts holds a SinceComparison from here.
export function renderSince(model: { readonly since?: SinceComparison; readonly gate: Pick<GateReport, 'announce'> }): SafeHtml {
  const since = model.since;
  if (!since) return html``;
  return html`<section id="since" aria-labelledby="since-heading" data-then="${since.then ?? ''}" data-now="${since.now}">
<h2 id="since-heading">Since ${since.ref}</h2>
<p class="lead">The verdict then: <strong>${since.then ? VERDICT_WORD[since.then] : 'none'}</strong>${since.note ? html` (${since.note})` : ''}; now: <strong>${VERDICT_WORD[since.now]}</strong>. Both judged for the announcement on ${model.gate.announce}.</p>
<div class="since-columns">
<section data-since="new"><h3>New <span class="count">${since.added.length}</span></h3>${findingItems(since.added)}</section>
<section data-since="fixed"><h3>Fixed <span class="count">${since.fixed.length}</span></h3>${findingItems(since.fixed)}</section>
<section data-since="unchanged"><h3>Unchanged <span class="count">${since.unchanged.length}</span></h3>${findingItems(since.unchanged)}</section>
</div>
</section>`;
}
