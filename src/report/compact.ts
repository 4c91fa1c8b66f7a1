/**
 * One line per finding, in ESLint's `compact` layout, which VS Code's stock `$eslint-compact`
 * problem matcher and the GitHub Actions matcher of the same shape read:
 *   policy.yaml: line 76, col 9, Error - message. Fix: … (flat-commission)
 */
import type { Severity } from '../engine/rule.js';
import { textLine } from '../output/neutralize.js';
import { describeTotals } from './summary.js';
import type { Formatter } from './types.js';

const LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export const compact: Formatter = (result) => {
  const lines: string[] = [];
  for (const finding of result.findings) {
    lines.push(
      `${textLine(finding.file)}: line ${finding.line}, col ${finding.column}, ${LABELS[finding.severity]} - ${textLine(finding.message)} Fix: ${textLine(finding.fix)} (${textLine(finding.rule)})`,
    );
  }
  lines.push('', describeTotals(result.summary));
  return `${lines.join('\n')}\n`;
};
