/**
 * The JSON report: a contract for tools in CI. Exactly
 * {"findings":[{rule,severity,message,messageId?,fix,file,line,column,endLine,endColumn,path,priorities?,edits?}],"summary":{errors,warnings,infos,files}}.
 * `messageId` (as in ESLint's JSON) names the rule's wording, where the rule declares its messages.
 * `edits` is there only where the fix is mechanical: [{file,start,end,range,text,safety}], start and
 * end one-based like the finding, range in UTF-16 offsets of the file's text. `priorities` names the
 * priorities the finding says its instrument works against: the cells of `matrix` it marks.
 */
import type { Formatter } from './types.js';

export const json: Formatter = (result) =>
  `${JSON.stringify({
    findings: result.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      ...(finding.messageId !== undefined ? { messageId: finding.messageId } : {}),
      fix: finding.fix,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      path: finding.path,
      ...(finding.priorities ? { priorities: finding.priorities } : {}),
      ...(finding.edits ? { edits: finding.edits } : {}),
    })),
    summary: result.summary,
  })}\n`;
