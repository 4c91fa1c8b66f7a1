/**
 * The report's footer: the decision record of the run (what `gate --record` writes), so a printed
 * or attached report carries what an auditor checks: the digest, the commit and whether the tree
 * was clean, the sha256 of every file read, and the time.
 */
import { html, type SafeHtml } from './escape.js';
import type { ReportModel } from './model.js';

export function renderRecord(model: ReportModel): SafeHtml {
  const record = model.record;
  if (!record) return html``;
  const git = record.git.repository
    ? html`commit <code>${record.git.commit}</code>, ${record.git.clean ? 'clean tree' : html`<strong>tree not clean</strong> (${record.git.changes.join(', ')})`}`
    : html`not in a git repository`;
  return html`<section class="record" id="decision-record" aria-labelledby="record-heading" data-digest="${record.digest}">
<h2 id="record-heading">Decision record</h2>
<p>Record digest <code>${record.digest}</code> &#183; ${git} &#183; decided ${record.decidedAt} &#183; incentive-lint ${record.tool.version}, ${record.rules.filter((rule) => rule.severity !== 'off').length} rules on. Write the full record with <code>incentive-lint gate --record FILE</code> or <code>report --record FILE</code>.</p>
<table class="record-files"><thead><tr><th scope="col">file read</th><th scope="col">as</th><th scope="col">sha256</th></tr></thead>
<tbody>${record.files.map((file) => html`<tr><td>${file.file}</td><td>${file.role}</td><td><code>${file.sha256 ?? 'unreadable'}</code></td></tr>`)}</tbody></table>
</section>`;
}
