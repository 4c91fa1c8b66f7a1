/**
 * One line per finding, in ESLint's `compact` layout, which VS Code's stock `$eslint-compact`
 * problem matcher and the GitHub Actions matcher of the same shape read:
 *   policy.yaml: line 76, col 9, Error - message. Fix: … (flat-commission)
 * Problems of the run (exit 2) come first, with the kind of problem where the rule id goes.
 */
import type { Severity } from '../engine/rule.js';
import { textLine } from '../output/neutralize.js';
import { describeTotals } from './summary.js';
import type { Formatter } from './types.js';

const LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export const compact: Formatter = (result) => {
  const lines = result.diagnostics.map((problem) => `${textLine(problem.file ?? '<run>')}: line ${problem.line ?? 1}, col ${problem.column ?? 1}, Error - ${textLine(problem.message)} (${problem.source})`);
  for (const finding of result.findings) {
    lines.push(`${textLine(finding.file)}: line ${finding.line}, col ${finding.column}, ${LABELS[finding.severity]} - ${textLine(finding.message)} Fix: ${textLine(finding.fix)} (${textLine(finding.rule)})`);
  }
  lines.push('', describeTotals(result.summary));
  return `${lines.join('\n')}\n`;
};
