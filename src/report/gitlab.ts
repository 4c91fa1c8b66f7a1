/**
 * GitLab Code Quality (the subset of the Code Climate report GitLab reads): a JSON array with one
 * issue per finding, `{description, check_name, fingerprint, severity, location: {path, lines:
 * {begin}}}`, shown in the merge request's widget and diff. The fingerprint is how GitLab tells a new
 * issue from one already on the target branch, so it follows the finding, not its line number.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../engine/rule.js';
import { lineHashes } from './fingerprints.js';
import { repositoryPaths } from './repository-paths.js';
import type { Formatter } from './types.js';

/** GitLab's scale is info, minor, major, critical, blocker; an error fails the run, as a major issue. */
const SEVERITIES: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export const gitlab: Formatter = (result, context) => {
  const fingerprints = lineHashes(result);
  // GitLab matches the path against the repository's files, whatever folder the job ran in.
  const paths = repositoryPaths(context?.cwd ?? process.cwd());
  const issues = result.findings.map((finding, index) => ({
    description: `${finding.message} Fix: ${finding.fix}`,
    check_name: finding.rule,
    fingerprint: createHash('md5').update(`incentive-lint\0${fingerprints[index]}`).digest('hex'),
    severity: SEVERITIES[finding.severity],
    location: { path: paths(finding.file).relative ?? finding.file, lines: { begin: finding.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
