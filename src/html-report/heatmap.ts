/**
 * The alignment heatmap: priorities × teams, as a table so that it reads without color, prints,
 * and is navigable by a screen reader. Each cell has a colour, a pattern, a symbol and its status in
 * words (reinforced, undermined, both, nothing), and lists the instruments behind it.
 */
import type { CellStatus, EvidenceCell, EvidenceMatrix } from '../matrix/build.js';
import { html, type SafeHtml } from './escape.js';
import type { ReportModel } from './model.js';

const CELL_SYMBOL: Record<CellStatus, string> = { reinforced: '✔', undermined: '✖', both: '±', nothing: '–' };

const CELL_MEANING: Record<CellStatus, string> = {
  reinforced: 'the team is rewarded for the priority',
  undermined: 'the team is rewarded against the priority',
  both: 'rewarded for it and against it at once',
  nothing: 'nothing the team is rewarded for touches it',
};

export function undermined(matrix: EvidenceMatrix): number {
  return matrix.rows.reduce(
    (count, row) => count + Object.values(row.cells).filter((cell) => cell.status === 'undermined' || cell.status === 'both').length,
    0,
  );
}

/**
 * The anchor of the first finding that says `instrument` works against `priority`: a cell against a
 * priority links to the finding that explains it (one story: lint and the heatmap say the same).
 */
function findingAnchor(model: ReportModel, priority: string, instrument: string): string | undefined {
  const finding = model.findings.find((candidate) => candidate.instrument === instrument && candidate.priorities?.includes(priority));
  return finding && model.anchors.get(finding);
}

function evidenceList(model: ReportModel, priority: string, cell: EvidenceCell): SafeHtml | undefined {
  if (cell.reinforcedBy.length + cell.underminedBy.length === 0) return undefined;
  return html`<ul class="evidence">${cell.reinforcedBy.map((item) => html`<li class="for"><span class="sign" aria-hidden="true">+</span> <span class="visually-hidden">for: </span>${item.description}</li>`)}${cell.underminedBy.map(
    (item) => {
      const anchor = findingAnchor(model, priority, item.instrument);
      return html`<li class="against"><span class="sign" aria-hidden="true">&#8722;</span> <span class="visually-hidden">against: </span>${anchor ? html`<a href="#${anchor}">${item.description}</a>` : item.description}</li>`;
    },
  )}</ul>`;
}

export function renderHeatmap(model: ReportModel): SafeHtml {
  const { matrix } = model;
  if (matrix.rows.length === 0 || matrix.teams.length === 0)
    return html`<p>The policy declares no priorities or no teams: there is no heatmap to draw.</p>`;
  const teamName = (id: string) => model.index.teams.get(id)?.name;
  // The name the policy gives first; the id underneath, as the files spell it.
  const head = matrix.teams.map(
    (team) => html`<th scope="col">${teamName(team) ?? team}${teamName(team) ? html`<span class="sub">${team}</span>` : ''}</th>`,
  );
  const rows = matrix.rows.map(
    (row) => html`<tr>
<th scope="row">${model.index.priorities.get(row.priority)?.name ?? row.priority}${row.statement ? html`<span class="sub">${row.statement}</span>` : ''}</th>
${matrix.teams.map((team) => {
  const cell = row.cells[team]!;
  return html`<td class="cell status-${cell.status}" data-cell data-priority="${row.priority}" data-team="${team}" data-status="${cell.status}"><span class="status"><span aria-hidden="true">${CELL_SYMBOL[cell.status]}</span> ${cell.status}</span>${evidenceList(model, row.priority, cell)}</td>`;
})}
</tr>`,
  );
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="alignment heatmap, scrollable"><table class="heatmap">
<caption>Is each team rewarded for each priority? (${matrix.rows.length} priorities &#215; ${matrix.teams.length} teams)</caption>
<thead><tr><th scope="col">priority \\ team</th>${head}</tr></thead>
<tbody>${rows}</tbody>
</table></div>
<ul class="legend">${(['reinforced', 'undermined', 'both', 'nothing'] as const).map(
    (status) =>
      html`<li><span class="swatch status-${status}" aria-hidden="true">${CELL_SYMBOL[status]}</span> <strong>${status}</strong>: ${CELL_MEANING[status]}</li>`,
  )}<li><span aria-hidden="true">+</span> / <span aria-hidden="true">&#8722;</span> an instrument line (instrument: metric / segment) for or against the priority</li></ul>`;
}
