/**
 * The report's only stylesheet, inlined: system fonts, no external resource. Every status has a
 * symbol and a word besides its colour, and hatching where color would otherwise be the only cue;
 * print keeps the colors and avoids splitting a chart or a table row across pages.
 */
export const STYLESHEET = `
:root { --ink: #1f2933; --muted: #52606d; --line: #d9dee4; --bad: #b42318; --bad-bg: #fde8e6; --good: #146c2e; --good-bg: #e3f4e8; --mixed: #8a4b00; --mixed-bg: #fff1cc; --none-bg: #f1f3f5; --late: #c2410c; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 40px; }
a { color: #1d4ed8; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 6px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.lead { color: var(--muted); margin: 0 0 12px; max-width: 75ch; }
.sub { display: block; font-weight: normal; color: var(--muted); font-size: 12.5px; }
h3 .sub { display: inline; margin-left: 6px; }
.count { font-weight: normal; color: var(--muted); font-size: 13px; margin-left: 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.none { color: var(--muted); }

.verdict { border-radius: 8px; padding: 16px 20px; margin: 8px 0 20px; border: 2px solid; }
.verdict.no-go { border-color: var(--bad); background: var(--bad-bg); }
.verdict.go { border-color: var(--good); background: var(--good-bg); }
.verdict h2 { margin: 0 0 10px; font-size: 22px; display: flex; align-items: baseline; gap: 14px; flex-wrap: wrap; }
.verdict-word { color: #fff; padding: 4px 14px; border-radius: 6px; font-size: 28px; letter-spacing: 0.02em; }
.no-go .verdict-word { background: var(--bad); }
.go .verdict-word { background: var(--good); }
.first-changes-heading { margin: 4px 0 4px; font-size: 16px; }
.first-changes { margin: 0 0 12px; padding-left: 22px; font-size: 15.5px; font-weight: 600; }
.first-changes li { margin-bottom: 4px; }
.first-changes a { font-weight: normal; font-size: 13px; }
.reasons { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.reasons li { padding-left: 26px; text-indent: -26px; font-size: 15.5px; }
.reasons .mark { display: inline-block; width: 22px; text-indent: 0; font-weight: bold; }
.reasons .bad .mark { color: var(--bad); }
.reasons .good .mark { color: var(--good); }
.reasons .note .mark { color: var(--mixed); }

table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); font-size: 13px; padding-bottom: 6px; }
th, td { border: 1px solid var(--line); padding: 7px 9px; vertical-align: top; text-align: left; }
thead th { background: #f6f7f9; font-size: 13px; }
.table-scroll { overflow-x: auto; }
.checklist td.num { width: 2em; text-align: center; font-weight: bold; }
.checklist th[scope=row] { font-weight: 600; width: 40%; }
.checklist td.result { width: 7em; }
.badge { display: inline-block; padding: 2px 9px; border-radius: 12px; font-weight: bold; font-size: 13px; border: 1px solid; }
.badge.pass { color: var(--good); background: var(--good-bg); }
.badge.fail { color: var(--bad); background: var(--bad-bg); }
.badge.unjudged { color: var(--mixed); background: var(--mixed-bg); }
.skipped { color: var(--bad); font-weight: 600; margin: -8px 0 16px; }
.cannot-judge { margin: 4px 0 0; color: var(--mixed); font-weight: 600; font-size: 13.5px; }
.rule-links { list-style: none; margin: 0; padding: 0; font-size: 13.5px; }
.rule-links .rule { font-weight: 600; margin-right: 4px; }
.rule-links a { white-space: nowrap; }
.unchecked { margin: 4px 0 0; color: var(--muted); font-size: 13px; }

.heatmap th[scope=row] { width: 22%; }
.heatmap td.cell { font-size: 12.5px; min-width: 120px; }
.cell .status { display: block; font-weight: bold; font-size: 14px; text-transform: uppercase; letter-spacing: 0.03em; margin-bottom: 2px; }
.evidence { list-style: none; margin: 0; padding: 0; }
.evidence li { padding-left: 12px; text-indent: -12px; overflow-wrap: anywhere; }
.evidence .sign { font-weight: bold; display: inline-block; width: 10px; text-indent: 0; }
.status-reinforced { background: var(--good-bg); color: #0f4d22; }
.status-undermined { background: repeating-linear-gradient(135deg, #fbd5d1 0 6px, #fde8e6 6px 12px); color: #7a1a10; }
.status-both { background: repeating-linear-gradient(90deg, #ffe3a3 0 3px, #fff1cc 3px 9px); color: #6b3a00; }
.status-nothing { background: var(--none-bg); color: #3e4c59; }
.legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; color: var(--muted); }
.swatch { display: inline-block; min-width: 22px; text-align: center; border: 1px solid var(--line); border-radius: 3px; font-weight: bold; }

figure { margin: 10px 0 18px; break-inside: avoid; }
figcaption { margin-bottom: 4px; }
.chart { width: 100%; height: auto; display: block; font-family: inherit; }
.chart text { font-size: 13px; fill: var(--ink); }
.chart .label { font-weight: 600; }
.chart .lever, .chart .detail, .chart .tick { fill: var(--muted); font-weight: normal; }
.chart .grid { stroke: #eceff3; }
.chart .axis { stroke: #9aa5b1; }
.chart .announce { stroke: var(--ink); stroke-width: 2.5; stroke-dasharray: 6 4; }
.chart .announce-label { font-weight: bold; }
.chart .note { fill: var(--muted); }
.chart .note.alarm, .chart .choice.alarm { fill: var(--bad); font-weight: bold; }
.chart .choice { font-weight: bold; fill: var(--good); }
.chart .bar { stroke: rgba(0,0,0,0.35); stroke-width: 1; }
.chart .stance-against { fill: url(#tl-against); }
.chart .stance-for { fill: #2f9e58; }
.chart .stance-mixed { fill: #e0a400; }
.chart .stance-neutral { fill: #b8c2cc; }
.chart .undated { stroke-dasharray: 4 3; fill-opacity: 0.45; }
.chart .lag { stroke: var(--late); stroke-width: 1; }
.chart .focus-favored { fill: #2f9e58; }
.chart .focus-deprioritized { fill: #c0392b; }
.chart .focus-contested { fill: #e0a400; }
.chart .focus-neutral { fill: #9aa5b1; }
.chart tspan.focus { font-weight: normal; }
.chart tspan.focus-favored { fill: var(--good); }
.chart tspan.focus-deprioritized { fill: var(--bad); }
.chart .bar.chosen { stroke: var(--ink); stroke-width: 3; }
.chart .status-line-favored { fill: none; stroke: #1e7b3a; stroke-width: 3; }
.chart .status-line-deprioritized { fill: none; stroke: #b42318; stroke-width: 3; stroke-dasharray: 9 5; }
.chart .status-line-neutral { fill: none; stroke: #6b7785; stroke-width: 2.5; stroke-dasharray: 2 4; }
.chart .curve-label { font-weight: 600; }
.chart .focus-text-favored { fill: var(--good); }
.chart .focus-text-deprioritized { fill: var(--bad); }
.chart .focus-text-neutral { fill: var(--muted); }
.chart .level-line { stroke: #52606d; stroke-width: 1; stroke-dasharray: 3 3; }
.chart .winner-dot { stroke: #fff; stroke-width: 2; }
.chart .level-label { font-weight: bold; fill: var(--good); }
.chart .level-label.alarm { fill: var(--bad); }
.chart .level-detail { fill: var(--muted); font-size: 12px; }
.chart .axis-title { fill: var(--muted); font-size: 12px; }
.pay-plan figcaption .alarm { color: var(--bad); font-weight: 600; }
.pay-plan figcaption .fine { color: var(--good); font-weight: 600; }
.levels { width: auto; margin-top: 6px; font-size: 13.5px; }
.levels td.num, .levels th.num { text-align: right; }
.levels td.chosen { font-weight: bold; }
.levels td.chosen.status-deprioritized { background: var(--bad-bg); color: #7a1a10; }
.levels td.chosen.status-favored { background: var(--good-bg); color: #0f4d22; }
.levels .star { font-weight: bold; }
.pay-plan .note { color: var(--muted); font-size: 13.5px; margin: 2px 0 4px; }
.unjudged { color: var(--muted); font-size: 13.5px; }
.chart .bin { fill: #5b8fc7; stroke: rgba(0,0,0,0.25); stroke-width: 1; }
.chart .marker-target .level-line { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 6 4; }
.goalposts { font-size: 13.5px; }
.goalposts td.met-no { background: var(--bad-bg); color: #7a1a10; }
.goalposts td.met-yes .goalpost-verdict { color: var(--good); }
.goalposts td.met-not-judged { color: var(--muted); }
.goalposts .goalpost-verdict { white-space: nowrap; font-weight: 600; }
.timeline-legend { list-style: none; padding: 0; margin: 4px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; color: var(--muted); }
.key { display: inline-block; width: 26px; height: 12px; vertical-align: -1px; border: 1px solid rgba(0,0,0,0.35); border-radius: 2px; }
.key.against { background: repeating-linear-gradient(-45deg, #b91c1c 0 5px, #7f1d1d 5px 7px); }
.key.for { background: #2f9e58; }
.key.mixed { background: #e0a400; }
.key.neutral { background: #b8c2cc; }
.key.lag { background: repeating-linear-gradient(45deg, #c2410c 0 3px, #fff 3px 6px); }

.findings { list-style: none; margin: 0; padding: 0; }
.finding { border-left: 4px solid var(--line); padding: 6px 12px; margin: 0 0 8px; background: #fafbfc; break-inside: avoid; }
.finding.severity-error { border-left-color: var(--bad); }
.finding.severity-warning { border-left-color: #d97706; }
.finding:target { outline: 2px solid #1d4ed8; }
.finding p { margin: 2px 0; }
.finding-head { font-size: 13px; }
.finding .severity { text-transform: uppercase; font-weight: bold; font-size: 11.5px; letter-spacing: 0.04em; margin-right: 6px; }
.severity-error .severity { color: var(--bad); }
.severity-warning .severity { color: #8a4b00; }
.finding .rule { font-weight: 600; margin-right: 8px; }
.finding .where { color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; overflow-wrap: anywhere; }
.finding .message, .finding .fix { overflow-wrap: anywhere; }
.waivers td.num { text-align: right; }
.since-columns { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
.since-list { margin: 0; padding-left: 18px; font-size: 13px; }
.since-list .rule { font-weight: 600; }
.since-list .where { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.record h2 { font-size: 15px; margin: 12px 0 4px; }
.record code { overflow-wrap: anywhere; }
.record-files { font-size: 12px; }
footer { margin-top: 36px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 10px; }

/* Print (A4): margins of the page's own; the page's margin boxes carry the title and page numbers,
   which replaces the browser's default header and footer (the local file path and the date). */
@page {
  size: A4;
  margin: 16mm 14mm 16mm;
  @top-left { content: ""; }
  @top-center { content: ""; }
  @top-right { content: ""; }
  @bottom-left { content: "incentive-lint launch readiness"; font: 8.5pt system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #52606d; }
  @bottom-center { content: ""; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8.5pt system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #52606d; }
}
@media print {
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 22px; }
  h2, h3 { break-after: avoid; }
  h2 { margin-top: 18px; }
  .table-scroll { overflow: visible; }
  /* A table's header row repeats on every page it spans; no row is split across two pages. */
  thead { display: table-header-group; }
  tr, .finding, .finding-group h3, .reasons li, .first-changes li { break-inside: avoid; }
  caption { break-after: avoid; }
  /* A table's header row stays with its first row: never alone at the foot of a page. */
  thead tr { break-after: avoid; }
  tbody tr:first-child { break-before: avoid; }
  .verdict { break-inside: avoid; }
  .heatmap td.cell { min-width: 0; font-size: 10px; }
  .heatmap th, .heatmap td { padding: 4px 5px; }
  .heatmap th[scope=row] { width: 18%; }
  /* Charts may split between their parts rather than leave half a page blank before them. */
  figure { break-inside: auto; }
  figure svg, .levels { break-inside: avoid; }
  .since-columns { display: block; }
  a { color: inherit; text-decoration: none; }
}
`;
