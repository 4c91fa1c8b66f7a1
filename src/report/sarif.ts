/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run, every rule that ran in
 * `tool.driver.rules`, one result per finding. The fix in words ends the message and is kept in
 * `properties`; where it is mechanical, the finding's edits are its `fixes` (artifactChanges).
 */
import { createHash } from 'node:crypto';
import { describeEdits } from '../engine/edits.js';
import type { Finding } from '../engine/run.js';
import type { Severity } from '../engine/rule.js';
import type { LintResult } from '../lint.js';
import { HOMEPAGE, VERSION } from '../project.js';
import type { Formatter } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Files are named relative to the folder the linter ran in, which CI runs at the repository root. */
const SOURCE_ROOT = '%SRCROOT%';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Formatter = (result) => {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const fingerprints = lineHashes(result);
  const texts = new Map((result.loaded?.sources ?? []).map((source) => [source.file, source.text]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'incentive-lint',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: HOMEPAGE,
            rules: result.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.rationale },
              help: {
                text: `${sentence(rule.summary)}\n\nWhy: ${rule.rationale}\n\nSource: ${rule.source}\n\nEvery result ends with a suggested fix.`,
              },
              ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
              defaultConfiguration: { level: LEVELS[rule.severity] },
              properties: { category: rule.category, source: rule.source, tags: [rule.category] },
            })),
          },
        },
        // Problems of the run (unreadable input, a failing plugin): SARIF's tool execution notifications.
        invocations: [
          {
            executionSuccessful: result.diagnostics.length === 0,
            toolExecutionNotifications: result.diagnostics.map((diagnostic) => ({
              level: 'error',
              message: { text: diagnostic.message },
              ...(diagnostic.file === undefined
                ? {}
                : {
                    locations: [
                      {
                        physicalLocation: {
                          artifactLocation: { uri: fileUri(diagnostic.file), uriBaseId: SOURCE_ROOT },
                          ...(diagnostic.line === undefined ? {} : { region: { startLine: diagnostic.line, startColumn: diagnostic.column ?? 1 } }),
                        },
                      },
                    ],
                  }),
              properties: { source: diagnostic.source },
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((finding, index) => ({
          ruleId: finding.rule,
          ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
          level: LEVELS[finding.severity],
          message: { text: `${finding.message}\nFix: ${finding.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(finding.file), uriBaseId: SOURCE_ROOT },
                region: {
                  startLine: finding.line,
                  startColumn: finding.column,
                  endLine: finding.endLine,
                  endColumn: finding.endColumn,
                },
              },
            },
          ],
          partialFingerprints: { primaryLocationLineHash: fingerprints[index] },
          properties: {
            fix: finding.fix,
            category: finding.category,
            path: finding.path,
            ...(finding.instrument ? { instrument: finding.instrument } : {}),
          },
          ...(finding.edits ? { fixes: sarifFixes(finding, texts) } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A finding's edits as one SARIF fix: one artifactChange per file, one replacement per edit. */
function sarifFixes(finding: Finding, texts: ReadonlyMap<string, string>) {
  const byFile = new Map<string, NonNullable<Finding['edits']>>();
  for (const edit of finding.edits ?? []) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const safety = finding.edits?.every((edit) => edit.safety === 'safe') ? 'safe' : 'suggestion';
  return [
    {
      // What the edits write: the fix in words may offer alternatives, of which the edits take one.
      description: { text: `${safety === 'safe' ? 'Safe fix' : 'Suggested fix (a decision to review)'}: ${describeEdits(finding.edits ?? [], texts)}` },
      artifactChanges: [...byFile].map(([file, edits]) => ({
        artifactLocation: { uri: fileUri(file), uriBaseId: SOURCE_ROOT },
        replacements: edits.map((edit) => ({
          deletedRegion: { startLine: edit.start.line, startColumn: edit.start.column, endLine: edit.end.line, endColumn: edit.end.column },
          insertedContent: { text: edit.text },
        })),
      })),
      properties: { safety },
    },
  ];
}

/** A relative file name as a URI reference: `/` separators, each segment percent-encoded (a lone surrogate as U+FFFD). */
function fileUri(file: string): string {
  return file
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .split(/[\\/]/)
    .map(encodeURIComponent)
    .join('/');
}

/**
 * GitHub's `primaryLocationLineHash` ("hash:occurrence") of every finding. The hash covers what the
 * finding is about and not where it stands: the rule, the file, the instrument (or section), and the
 * whitespace-normalized text of the flagged line. Lines added or removed elsewhere leave it unchanged,
 * so code scanning keeps tracking the same alert; the occurrence tells identical ones apart.
 */
export function lineHashes(result: LintResult): string[] {
  const linesOf = sourceLines(result);
  const seen = new Map<string, number>();
  return result.findings.map((finding) => {
    const hash = createHash('sha256').update(fingerprintKey(finding, linesOf(finding.file)[finding.line - 1] ?? '')).digest('hex').slice(0, 16);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

function fingerprintKey(finding: Finding, lineText: string): string {
  const owner = finding.instrument ?? String(finding.path[0] ?? '');
  return [finding.rule, finding.file, owner, lineText.replace(/\s+/g, ' ').trim()].join('\0');
}

function sourceLines(result: LintResult): (file: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (file) => {
    let lines = cache.get(file);
    if (!lines) {
      const text = result.loaded?.sources.find((source) => source.file === file)?.text ?? '';
      lines = text.split(/\r?\n/);
      cache.set(file, lines);
    }
    return lines;
  };
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
