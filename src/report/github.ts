/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff
 * (`::error file=F,line=L,col=C,endLine=…,endColumn=…,title=RULE::message`), then the total as a
 * plain log line. GitHub shows a limited number of annotations per step; SARIF has no such limit.
 */
import type { Severity } from '../engine/rule.js';
import { githubData, githubProperty } from '../output/neutralize.js';
import { describeTotals } from './summary.js';
import type { Formatter } from './types.js';

const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

export const github: Formatter = (result) => {
  // A problem of the run (unreadable YAML, a schema error, a failing plugin) is an annotation too,
  // on the line to fix when it has one: that is where a pull request needs to show it.
  const problems = result.diagnostics.map((diagnostic) => annotation('error', diagnostic, 'incentive-lint', diagnostic.message));
  const lines = result.findings.map((finding) =>
    annotation(COMMANDS[finding.severity], finding, finding.rule, `${finding.message}\nfix: ${finding.fix}`),
  );
  if (problems.length > 0) {
    problems.push(`incentive-lint: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`} with the run (exit 2)`);
    if (result.loaded === undefined) return `${problems.join('\n')}\n`;
  }
  lines.push(`incentive-lint: ${describeTotals(result.summary)}`);
  return `${[...problems, ...lines].join('\n')}\n`;
};

interface Place {
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=T::text`, leaving out what the place does not have. */
function annotation(command: string, place: Place, title: string, text: string): string {
  // GitHub takes columns only for a span within one line; across lines it keeps the lines alone.
  const oneLine = place.endLine === undefined || place.endLine === place.line;
  const properties = [
    ['file', place.file],
    ['line', place.line],
    ['col', oneLine ? place.column : undefined],
    ['endLine', place.endLine],
    ['endColumn', oneLine ? place.endColumn : undefined],
    ['title', title],
  ]
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${githubProperty(String(value))}`)
    .join(',');
  return `::${command} ${properties}::${githubData(text)}`;
}

export { escapeData, escapeProperty } from '../output/neutralize.js';
