/**
 * The git commit a decision was made on, and whether the working tree matched it: what a decision
 * record says so that an auditor can check out exactly what the committee saw. Read-only: `git
 * rev-parse` and `git status`, with no shell, the repository's fsmonitor hook and untracked cache
 * turned off (a cloned repository's settings must not run a program or write to .git), and no
 * prompt. Not in a repository, or without git: undefined, and the record says so.
 */
import { execFileSync } from 'node:child_process';

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
    const commit = git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']).trim();
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    const status = git(cwd, ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', 'status', '--porcelain=v1', '-z', '--untracked-files=all']);
    const changes = status
      .split('\0')
      .filter((entry) => entry.length > 3)
      .map((entry) => entry.slice(3));
    return { commit, clean: changes.length === 0, changes: changes.slice(0, MAX_CHANGES) };
  } catch {
    return undefined;
  }
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['--no-optional-locks', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'ignore'],
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    maxBuffer: 1 << 26,
  });
}
