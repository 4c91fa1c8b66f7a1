/**
 * The JSON report: a contract for tools in CI. Exactly
 * {"findings":[{rule,severity,message,fix,file,line,column,endLine,endColumn,path}],"summary":{errors,warnings,infos,files}}.
 */
import type { Formatter } from './types.js';

export const json: Formatter = (result) =>
  `${JSON.stringify({
    findings: result.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      fix: finding.fix,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      path: finding.path,
    })),
    summary: result.summary,
  })}\n`;
