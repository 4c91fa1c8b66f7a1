/**
 * The HTML report of one gate run: the same verdict, findings and waivers as `gate`, with the
 * alignment matrix, the timeline and the pay charts beside them.
 */
import type { Diagnostic } from '../diagnostics.js';
import { runGate, type GateOptions } from '../gate/run.js';
import { todayUtc } from '../lint.js';
import { VERSION } from '../project.js';
import { buildReportModel } from './model.js';
import { renderReportPage } from './page.js';

export type HtmlReportOutcome = { html: string; verdict: 'go' | 'no-go'; diagnostics: [] } | { html?: undefined; diagnostics: Diagnostic[] };

export async function runHtmlReport(paths: readonly string[], options: GateOptions = {}): Promise<HtmlReportOutcome> {
  const today = options.today ?? todayUtc();
  const outcome = await runGate(paths, { ...options, today });
  if (!outcome.report) return { diagnostics: outcome.diagnostics };
  const model = buildReportModel(outcome.report, outcome.lint, outcome.lint.loaded!, today, VERSION);
  return { html: renderReportPage(model), verdict: outcome.report.verdict, diagnostics: [] };
}
