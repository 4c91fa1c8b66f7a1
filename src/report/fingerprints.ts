/**
 * The identity of a finding across commits, for code scanning (SARIF) and GitLab Code Quality: it
 * covers what the finding is about and not where it stands, so lines added or removed elsewhere
 * leave it unchanged and the same alert is tracked.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/run.js';
import type { LintResult } from '../lint.js';

/**
 * Every finding's fingerprint, "hash:occurrence": a hash of the rule, the file, the instrument (or
 * section) and the whitespace-normalized text of the flagged line; the occurrence tells identical
 * ones apart. Each source line is normalized and hashed once, however many findings it has (50,000
 * findings on one long line hashed it 50,000 times).
 */
export function lineHashes(result: LintResult): string[] {
  const lineDigest = lineDigests(result);
  const seen = new Map<string, number>();
  return result.findings.map((finding) => {
    const hash = createHash('sha256')
      .update(fingerprintKey(finding, lineDigest(finding.file, finding.line)))
      .digest('hex')
      .slice(0, 16);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

function fingerprintKey(finding: Finding, lineDigest: string): string {
  const owner = finding.instrument ?? String(finding.path[0] ?? '');
  return [finding.rule, finding.file, owner, lineDigest].join('\0');
}

/** The digest of a line's normalized text, computed once per file and line. */
function lineDigests(result: LintResult): (file: string, line: number) => string {
  const texts = new Map((result.loaded?.sources ?? []).map((source) => [source.file, source.text] as const));
  const files = new Map<string, { lines: readonly string[]; digests: Map<number, string> }>();
  return (file, line) => {
    let entry = files.get(file);
    if (!entry) {
      entry = { lines: (texts.get(file) ?? '').split(/\r?\n/), digests: new Map() };
      files.set(file, entry);
    }
    let digest = entry.digests.get(line);
    if (digest === undefined) {
      const text = (entry.lines[line - 1] ?? '').replace(/\s+/g, ' ').trim();
      digest = createHash('sha256').update(text).digest('hex');
      entry.digests.set(line, digest);
    }
    return digest;
  };
}
