/**
 * The two versions `diff --impact` compares, each linted on its own under one configuration (the
 * working folder's, as `diff` and `--since` read both versions): a git revision is read through the
 * git layer's snapshot (no checkout), the working tree from disk. A file the configuration ignores
 * is left out of both.
 */
import path from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { snapshotAt, type Asker } from '../diff/git.js';
import { lint, type LintOptions } from '../lint.js';
import type { ResolvedConfig } from '../resolve-config.js';
import type { PolicyVersion } from './model.js';

const IMPACT: Asker = {
  name: 'diff --impact',
  notARepository: (cwd) =>
    `diff --impact reads both revisions from the git repository of the working folder, but ${cwd} is not inside one: run incentive-lint in the repository that holds the policy`,
};

export type VersionSource = { ref: string } | { workingTree: true };

export interface VersionOptions extends Pick<LintOptions, 'today' | 'maxExactItems' | 'ruleTimeoutMs'> {
  cwd: string;
  config: ResolvedConfig;
}

/** The version linted, or the diagnostics that kept it from being read (exit 2). */
export async function lintVersion(
  source: VersionSource,
  paths: readonly string[],
  options: VersionOptions,
): Promise<{ version: PolicyVersion } | { diagnostics: Diagnostic[] }> {
  const lintOptions = { today: options.today, maxExactItems: options.maxExactItems, ruleTimeoutMs: options.ruleTimeoutMs };
  if ('workingTree' in source) {
    const result = await lint([...paths], { ...lintOptions, cwd: options.cwd, resolvedConfig: options.config });
    if (result.diagnostics.length > 0) return { diagnostics: result.diagnostics };
    return { version: { label: 'the working tree', ...(result.loaded && { loaded: result.loaded }), findings: result.findings } };
  }
  const { ref } = source;
  let snapshot: ReturnType<typeof snapshotAt>;
  try {
    snapshot = snapshotAt(ref, paths, options.cwd, IMPACT);
  } catch (error) {
    if (error instanceof InputError) return { diagnostics: error.diagnostics };
    throw error;
  }
  try {
    // No policy file under the paths at this revision: a version without plans (every plan is added).
    if (snapshot.paths.length === 0) return { version: { label: ref, findings: [] } };
    const fileName = (file: string) => snapshot.origins.get(file) ?? `${ref}:${file}`;
    // A file of the snapshot is ignored when the same path in the work tree is (as diff/run.ts does).
    const isIgnored = (absolute: string) => options.config.isIgnored(path.join(snapshot.top, path.relative(snapshot.dir, absolute)));
    const result = await lint(snapshot.paths, { ...lintOptions, cwd: snapshot.dir, resolvedConfig: { ...options.config, isIgnored } });
    if (result.diagnostics.length > 0) {
      // Name the files as they were at the revision, never by the temporary folder they were read from.
      return {
        diagnostics: result.diagnostics.map((diagnostic) => ({
          ...diagnostic,
          ...(diagnostic.file !== undefined && { file: fileName(diagnostic.file) }),
        })),
      };
    }
    return {
      version: {
        label: ref,
        ...(result.loaded && { loaded: result.loaded }),
        findings: result.findings.map((finding) => ({ ...finding, file: fileName(finding.file) })),
        fileName,
      },
    };
  } finally {
    snapshot.dispose();
  }
}
