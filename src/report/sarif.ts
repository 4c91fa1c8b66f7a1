/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run, every rule that ran in
 * `tool.driver.rules`, one result per finding (at most MAX_RESULTS, with a note when some are left
 * out), files named relative to the repository root. The fix in words ends the message and is kept in
 * `properties`; where it is mechanical, the finding's edits are its `fixes` (artifactChanges).
 */
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { describeEdits } from '../engine/edits.js';
import type { Finding } from '../engine/run.js';
import type { Severity } from '../engine/rule.js';
import { HOMEPAGE, VERSION } from '../project.js';
import { lineHashes } from './fingerprints.js';
import { repositoryPaths } from './repository-paths.js';
import type { Formatter } from './types.js';

export { lineHashes } from './fingerprints.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Files are named relative to the repository root (see repository-paths.ts), as code scanning reads them. */
const SOURCE_ROOT = '%SRCROOT%';
/**
 * The key of our fingerprint in `partialFingerprints`. Not `primaryLocationLineHash`: codeql-action's
 * upload computes that one itself from the file and warns, once per result, when a log carries a
 * different value under it ("inconsistent fingerprint"); it keeps a key of ours as it is.
 */
export const FINGERPRINT_KEY = 'incentiveLint/v1';
/** GitHub code scanning shows at most this many results of a run; the rest are left out, errors last. */
export const MAX_RESULTS = 5000;

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Formatter = (result, context) => {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const fingerprints = lineHashes(result);
  const artifactLocation = artifactLocations(context?.cwd ?? process.cwd());
  const kept = keptFindings(result.findings);
  const omitted = result.findings.length - kept.length;
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
            toolExecutionNotifications: [
              ...result.diagnostics.map((diagnostic) => diagnosticNotification(diagnostic, artifactLocation)),
              ...(omitted > 0 ? [leftOutNotification(omitted, result.findings.length)] : []),
            ],
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: kept.map(({ finding, index }) => ({
          ruleId: finding.rule,
          ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
          level: LEVELS[finding.severity],
          message: { text: `${finding.message}\nFix: ${finding.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(finding.file),
                region: {
                  startLine: finding.line,
                  startColumn: finding.column,
                  endLine: finding.endLine,
                  endColumn: finding.endColumn,
                },
              },
            },
          ],
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[index] },
          properties: {
            fix: finding.fix,
            category: finding.category,
            path: finding.path,
            ...(finding.instrument ? { instrument: finding.instrument } : {}),
          },
          ...(finding.edits ? { fixes: sarifFixes(finding, texts, artifactLocation) } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function diagnosticNotification(diagnostic: Diagnostic, artifactLocation: (file: string) => object) {
  return {
    level: 'error',
    message: { text: diagnostic.message },
    ...(diagnostic.file === undefined
      ? {}
      : {
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(diagnostic.file),
                ...(diagnostic.line === undefined ? {} : { region: { startLine: diagnostic.line, startColumn: diagnostic.column ?? 1 } }),
              },
            },
          ],
        }),
    properties: { source: diagnostic.source },
  };
}

/** A finding's edits as one SARIF fix: one artifactChange per file, one replacement per edit. */
function sarifFixes(finding: Finding, texts: ReadonlyMap<string, string>, artifactLocation: (file: string) => object) {
  const byFile = new Map<string, NonNullable<Finding['edits']>>();
  for (const edit of finding.edits ?? []) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const safety = finding.edits?.every((edit) => edit.safety === 'safe') ? 'safe' : 'suggestion';
  return [
    {
      // What the edits write: the fix in words may offer alternatives, of which the edits take one.
      description: {
        text: `${safety === 'safe' ? 'Safe fix' : 'Suggested fix (a decision to review)'}: ${describeEdits(finding.edits ?? [], texts)}`,
      },
      artifactChanges: [...byFile].map(([file, edits]) => ({
        artifactLocation: artifactLocation(file),
        replacements: edits.map((edit) => ({
          deletedRegion: { startLine: edit.start.line, startColumn: edit.start.column, endLine: edit.end.line, endColumn: edit.end.column },
          insertedContent: { text: edit.text },
        })),
      })),
      properties: { safety },
    },
  ];
}

/** The run-level note of a log that leaves results out. */
function leftOutNotification(omitted: number, total: number) {
  return {
    level: 'warning',
    descriptor: { id: 'results-left-out' },
    message: {
      text: `${omitted} of ${total} results are left out of this log: GitHub code scanning shows at most ${MAX_RESULTS} per run. The ${MAX_RESULTS} kept are the most severe (errors, then warnings, then infos); --format json lists them all.`,
    },
    properties: { resultsTotal: total, resultsOmitted: omitted },
  };
}

/**
 * At most MAX_RESULTS findings, the most severe first (as GitHub itself ranks what it keeps), each
 * with its index among all findings (its fingerprint's), in the order of the report.
 */
function keptFindings(findings: readonly Finding[]): { finding: Finding; index: number }[] {
  const all = findings.map((finding, index) => ({ finding, index }));
  if (all.length <= MAX_RESULTS) return all;
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return all
    .sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity] || a.index - b.index)
    .slice(0, MAX_RESULTS)
    .sort((a, b) => a.index - b.index);
}

/**
 * A file (relative to the working folder) as a SARIF artifact location: relative to the repository
 * root with `uriBaseId`, each segment percent-encoded (a `\` in a name is %5C, never a folder
 * separator outside Windows; a lone surrogate is U+FFFD); a file outside the repository as an
 * absolute `file:` URI.
 */
function artifactLocations(cwd: string): (file: string) => { uri: string; uriBaseId?: string } {
  const paths = repositoryPaths(cwd);
  const encode = (segments: string[]) =>
    segments
      .map((segment) =>
        encodeURIComponent(segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')),
      )
      .join('/');
  return (file) => {
    const { relative, absolute } = paths(file);
    if (relative !== undefined) return { uri: encode(relative.split('/')), uriBaseId: SOURCE_ROOT };
    return { uri: process.platform === 'win32' ? pathToFileURL(absolute).href : `file://${encode(absolute.split('/'))}` };
  };
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
