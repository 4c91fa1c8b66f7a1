/**
 * The HTML report of one gate run: the same verdict, findings and waivers as `gate`, with the
 * alignment matrix, the timeline and the pay charts beside them; with `since`, the gate at an
 * earlier commit beside it; and the decision record of the run in its footer.
 */
import type { Diagnostic } from '../diagnostics.js';
import { buildDecisionRecord, type DecisionRecord } from '../gate/record.js';
import { runGate, type GateOptions } from '../gate/run.js';
import { todayUtc } from '../lint.js';
import { VERSION } from '../project.js';
import { buildReportModel } from './model.js';
import { renderReportPage } from './page.js';
import { compareSince } from './since.js';

export type HtmlReportOutcome =
  | { html: string; verdict: 'go' | 'no-go'; record: DecisionRecord; diagnostics: [] }
  | { html?: undefined; diagnostics: Diagnostic[] };

export interface HtmlReportOptions extends GateOptions {
  /** A git ref: show which findings are new, fixed and unchanged since the policy at that commit. */
  since?: string;
  /** The time of the decision record, ISO 8601 (default: now). */
  now?: string;
}

export async function runHtmlReport(paths: readonly string[], options: HtmlReportOptions = {}): Promise<HtmlReportOutcome> {
  const today = options.today ?? todayUtc();
  const { since: ref, now, ...gateOptions } = options;
  const outcome = await runGate(paths, { ...gateOptions, today });
  if (!outcome.report) return { diagnostics: outcome.diagnostics };
  const model = buildReportModel(outcome.report, outcome.lint, outcome.lint.loaded!, today, VERSION);
  if (ref !== undefined) {
    const compared = await compareSince(ref, paths, outcome.report, { ...gateOptions, today, configFile: outcome.lint.config?.file });
    if ('diagnostics' in compared) return { diagnostics: compared.diagnostics };
    model.since = compared.since;
    const { runImpact } = await import('../impact/run.js');
    const impact = await runImpact({ ref }, { workingTree: true }, paths, { ...gateOptions, today, date: outcome.report.announce });
    if ('diagnostics' in impact) return { diagnostics: impact.diagnostics };
    model.impact = impact.report;
  }
  model.record = buildDecisionRecord(outcome.report, outcome.lint, { cwd: options.cwd ?? process.cwd(), today, now });
  return { html: renderReportPage(model), verdict: outcome.report.verdict, record: model.record, diagnostics: [] };
}
