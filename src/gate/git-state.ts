/**
 * The git commit a decision was made on, and whether the working tree matched it: what a decision
 * record says so that an auditor can check out exactly what the committee saw. Read-only, through
 * the one git layer (no program git could start, no lock, no configuration the pull request
 * controls). Not in a repository, or without git: undefined, and the record says so.
 */
import { openRepository, runGit } from '../diff/git-command.js';

export interface GitState {
  commit: string;
  /** No tracked file differs from the commit and no untracked file is there (ignored files aside). */
  clean: boolean;
  /** The paths `git status` lists (at most 50), relative to the repository root. */
  changes: string[];
}

const MAX_CHANGES = 50;

export function gitState(cwd: string): GitState | undefined {
  try {
    const repository = openRepository(cwd);
    const commit = runGit(repository, ['rev-parse', '--verify', '--quiet', 'HEAD']).toString('utf8').trim();
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    const status = runGit(repository, ['status', '--porcelain=v1', '-z', '--untracked-files=all']).toString('utf8');
    const changes = status
      .split('\0')
      .filter((entry) => entry.length > 3)
      .map((entry) => entry.slice(3));
    return { commit, clean: changes.length === 0, changes: changes.slice(0, MAX_CHANGES) };
  } catch {
    return undefined;
  }
}
