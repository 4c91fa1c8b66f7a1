/**
 * The timeline: one bar per instrument from its effective date on, against the announcement date.
 * "Don't announce strategy until incentives are updated": an instrument that starts after the
 * announcement leaves a lag, drawn as a hatched gap, during which the old incentives still run.
 */
import type { Lever } from '../schema.js';
import { html, svgNumber, type SafeHtml } from './escape.js';
import type { ReportModel } from './model.js';
import { namesOf } from './names.js';
import { untilOf } from '../model/declared.js';

/** How an instrument stands toward the priorities, read from the alignment matrix's evidence. */
type InstrumentStance = 'against' | 'for' | 'mixed' | 'neutral';

export interface TimelineEntry {
  id: string;
  lever: Lever;
  team?: string;
  effective?: string;
  /** The last day it is in force (`until`), when it ends: the bar stops there. */
  until?: string;
  stance: InstrumentStance;
  /** Days from the announcement to the effective date, when the instrument starts after it. */
  lateDays?: number;
  /** What the policy calls the instrument (its name, else its id), and its team's. */
  name: string;
  teamName?: string;
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function timelineEntries(model: ReportModel): TimelineEntry[] {
  const against = new Set<string>();
  const favoring = new Set<string>();
  for (const row of model.matrix.rows) {
    for (const cell of Object.values(row.cells)) {
      for (const evidence of cell.underminedBy) against.add(evidence.instrument);
      for (const evidence of cell.reinforcedBy) favoring.add(evidence.instrument);
    }
  }
  const announce = model.gate.announce;
  return model.index.instruments.map((instrument): TimelineEntry => {
    const stance: InstrumentStance = against.has(instrument.id)
      ? favoring.has(instrument.id)
        ? 'mixed'
        : 'against'
      : favoring.has(instrument.id)
        ? 'for'
        : 'neutral';
    const late = instrument.effective === undefined ? undefined : daysBetween(announce, instrument.effective);
    const names = namesOf(model);
    return {
      id: instrument.id,
      name: names.instrument(instrument.id),
      lever: instrument.lever,
      team: instrument.team,
      ...(instrument.team !== undefined && { teamName: names.team(instrument.team) }),
      effective: instrument.effective,
      ...(untilOf(instrument.node) !== undefined && { until: untilOf(instrument.node) }),
      stance,
      lateDays: late !== undefined && late > 0 ? late : undefined,
    };
  });
}

const STANCE_LABEL: Record<InstrumentStance, string> = {
  against: 'against a priority',
  for: 'for the priorities',
  mixed: 'for and against',
  neutral: 'neither',
};

const LEVER_LABEL: Record<Lever, string> = { compensation: 'pay', okrs: 'OKRs', promotions: 'promotion', recognition: 'recognition' };

const LAYOUT = { width: 1000, labelWidth: 230, noteWidth: 290, rowHeight: 30, barHeight: 16, top: 46, bottom: 30 };

/** Month starts between the two dates, thinned to at most about eight ticks. */
function ticks(start: number, end: number): { at: number; label: string }[] {
  const first = new Date(start);
  const months: Date[] = [];
  for (
    let date = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
    date.getTime() <= end;
    date = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
  ) {
    months.push(date);
  }
  const step = [1, 3, 6, 12, 24, 60].find((candidate) => months.length / candidate <= 8) ?? 120;
  const monthName = (date: Date) => date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return months
    .filter((date) => (date.getUTCFullYear() * 12 + date.getUTCMonth()) % step === 0)
    .map((date) => ({
      at: date.getTime(),
      label: step >= 12 ? String(date.getUTCFullYear()) : `${monthName(date)} ${date.getUTCFullYear()}`,
    }));
}

export function renderTimeline(entries: readonly TimelineEntry[], announce: string): SafeHtml {
  const dates = [
    announce,
    ...entries.flatMap((entry) => [entry.effective, entry.until].filter((date): date is string => date !== undefined)),
  ].map((date) => Date.parse(`${date}T00:00:00Z`));
  const span = Math.max(Math.max(...dates) - Math.min(...dates), 90 * DAY_MS);
  const start = Math.min(...dates) - span * 0.06;
  const end = Math.max(...dates) + span * 0.18;
  const plotLeft = LAYOUT.labelWidth;
  const plotRight = LAYOUT.width - LAYOUT.noteWidth;
  const x = (date: string) => plotLeft + ((Date.parse(`${date}T00:00:00Z`) - start) / (end - start)) * (plotRight - plotLeft);
  const height = LAYOUT.top + entries.length * LAYOUT.rowHeight + LAYOUT.bottom;
  const announceX = x(announce);

  const rows = entries.map((entry, position) => {
    const rowTop = LAYOUT.top + position * LAYOUT.rowHeight;
    const barY = rowTop + (LAYOUT.rowHeight - LAYOUT.barHeight) / 2;
    const textY = rowTop + LAYOUT.rowHeight / 2 + 4.5;
    const from = entry.effective ? x(entry.effective) : plotLeft;
    // An instrument with an end (`until`) stops there; the others run past the plot.
    const to = entry.until ? Math.max(from + 2, x(entry.until)) : plotRight;
    const ends = entry.until ? ` to ${entry.until}` : '';
    const note =
      entry.effective === undefined
        ? `no effective date${ends}`
        : `from ${entry.effective}${ends} · ${entry.lateDays !== undefined ? `${entry.lateDays} days late` : STANCE_LABEL[entry.stance]}`;
    const title = `${entry.name} (${LEVER_LABEL[entry.lever]}${entry.team ? `, ${entry.teamName ?? entry.team}` : ''}): ${entry.effective ? `effective ${entry.effective}` : 'no effective date'}${entry.until ? `, until ${entry.until}` : ''}; ${STANCE_LABEL[entry.stance]}`;
    const lag =
      entry.lateDays !== undefined
        ? html`<rect class="lag" x="${svgNumber(announceX)}" y="${svgNumber(barY)}" width="${svgNumber(from - announceX)}" height="${LAYOUT.barHeight}" fill="url(#tl-lag)"><title>${entry.name}: ${entry.lateDays} days between the announcement and its effective date, while the old incentives still run</title></rect>`
        : undefined;
    return html`<g class="row" data-instrument="${entry.id}" data-stance="${entry.stance}">
<text class="label" x="${LAYOUT.labelWidth - 10}" y="${svgNumber(textY)}" text-anchor="end">${entry.name}<tspan class="lever"> &#183; ${LEVER_LABEL[entry.lever]}</tspan></text>
${lag}<rect class="bar stance-${entry.stance}${entry.effective ? '' : ' undated'}" data-instrument="${entry.id}" x="${svgNumber(from)}" y="${svgNumber(barY)}" width="${svgNumber(to - from)}" height="${LAYOUT.barHeight}" rx="3"><title>${title}</title></rect>
<text class="note${entry.lateDays !== undefined || entry.stance === 'against' ? ' alarm' : ''}" x="${plotRight + 10}" y="${svgNumber(textY)}">${entry.lateDays !== undefined ? '⚠ ' : ''}${note}</text>
</g>`;
  });

  const axisY = LAYOUT.top + entries.length * LAYOUT.rowHeight;
  const axis = ticks(start, end).map((tick) => {
    const tickX = plotLeft + ((tick.at - start) / (end - start)) * (plotRight - plotLeft);
    return html`<line class="grid" x1="${svgNumber(tickX)}" x2="${svgNumber(tickX)}" y1="${LAYOUT.top - 6}" y2="${axisY}"/><text class="tick" x="${svgNumber(tickX)}" y="${axisY + 18}" text-anchor="middle">${tick.label}</text>`;
  });
  const anchorEnd = announceX > plotRight - 120;
  return html`<svg class="chart timeline" viewBox="0 0 ${LAYOUT.width} ${height}" role="img" aria-labelledby="timeline-title timeline-desc" xmlns="http://www.w3.org/2000/svg">
<title id="timeline-title">When each instrument takes effect, against the announcement on ${announce}</title>
<desc id="timeline-desc">${entries.length} instruments, one bar each from its effective date. ${describeLate(entries)}</desc>
<defs><pattern id="tl-lag" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fff"/><rect width="4" height="8" fill="#c2410c"/></pattern>
<pattern id="tl-against" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="7" height="7" fill="#b91c1c"/><rect width="2" height="7" fill="#7f1d1d"/></pattern></defs>
${axis}
<line class="axis" x1="${plotLeft}" x2="${plotRight}" y1="${axisY}" y2="${axisY}"/>
${rows}
<line class="announce" x1="${svgNumber(announceX)}" x2="${svgNumber(announceX)}" y1="${LAYOUT.top - 14}" y2="${axisY}"/>
<text class="announce-label" x="${svgNumber(anchorEnd ? announceX - 6 : announceX + 6)}" y="${LAYOUT.top - 18}" text-anchor="${anchorEnd ? 'end' : 'start'}">Announcement ${announce}</text>
</svg>`;
}

function describeLate(entries: readonly TimelineEntry[]): string {
  const late = entries.filter((entry) => entry.lateDays !== undefined);
  const undated = entries.filter((entry) => entry.effective === undefined);
  const parts = [
    late.length === 0
      ? 'Every dated instrument is in force by the announcement.'
      : late.map((entry) => `${entry.name} starts ${entry.lateDays} days after the announcement.`).join(' '),
    undated.length > 0
      ? `${undated.map((entry) => entry.name).join(', ')} ${undated.length === 1 ? 'has' : 'have'} no effective date.`
      : '',
  ];
  return parts.filter(Boolean).join(' ');
}
