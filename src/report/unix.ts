/**
 * One line per finding, `file:line:column: message [Severity/rule]` (ESLint's `unix` layout): what
 * Vim's and Neovim's `errorformat=%f:%l:%c: %m`, Emacs' compilation mode and gcc-style problem
 * matchers read.
 */
import type { Severity } from '../engine/rule.js';
import { textLine } from '../output/neutralize.js';
import { describeTotals } from './summary.js';
import type { Formatter } from './types.js';

const LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export const unix: Formatter = (result) => {
  const lines: string[] = [];
  for (const finding of result.findings) {
    lines.push(
      `${textLine(finding.file)}:${finding.line}:${finding.column}: ${textLine(finding.message)} Fix: ${textLine(finding.fix)} [${LABELS[finding.severity]}/${textLine(finding.rule)}]`,
    );
  }
  lines.push('', describeTotals(result.summary));
  return `${lines.join('\n')}\n`;
};
