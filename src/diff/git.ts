/**
 * The policy as it was at a git commit, without a checkout: the YAML files under the given paths at
 * that commit are read with `git show` and written to a temporary folder laid out like the working
 * tree today. A file renamed since the commit is placed at its new path (git's rename detection
 * matches it by content), so a folder that was renamed or reorganized still compares whole.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../diagnostics.js';
import { replaceFile } from '../files/write.js';

export interface Snapshot {
  /** Temporary folder holding the files; load `paths` from it. Remove it with `dispose()`. */
  dir: string;
  /** The given paths, relative to the repository root, that hold files at the commit. */
  paths: string[];
  /** Path in `dir` → where it came from, as `REF:path/at/that/commit`, for messages. */
  origins: Map<string, string>;
  dispose(): void;
}

const YAML_FILE = /\.ya?ml$/i;

/** Reads `paths` (relative to `cwd`) at `ref` from the repository that holds the first path. */
export function snapshotAt(ref: string, paths: readonly string[], cwd: string): Snapshot {
  const given = paths.length > 0 ? paths : ['.'];
  const top = repositoryRoot(existingFolder(path.resolve(cwd, given[0]!)), given[0]!);
  const commit = resolveCommit(top, ref);
  const relativePaths = given.map((item) => repositoryPath(top, path.resolve(cwd, item), item));

  const renamedTo = renamesSince(top, commit);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incentive-lint-since-'));
  const origins = new Map<string, string>();
  try {
    for (const file of git(top, ['ls-tree', '-r', '-z', '--name-only', commit]).toString('utf8').split('\0')) {
      if (!YAML_FILE.test(file)) continue;
      const placed = renamedTo.get(file) ?? file;
      if (!relativePaths.some((root) => isWithin(placed, root))) continue;
      const target = path.join(dir, ...placed.split('/'));
      replaceFile(target, git(top, ['show', `${commit}:${file}`]), 'a file of the earlier version');
      origins.set(placed, `${ref}:${file}`);
    }
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const present = relativePaths.filter((root) => [...origins.keys()].some((file) => isWithin(file, root)));
  return {
    dir,
    paths: present.map((root) => root || '.'),
    origins,
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function existingFolder(absolute: string): string {
  let current = absolute;
  for (;;) {
    try {
      if (fs.statSync(current).isDirectory()) return current;
    } catch {
      // not there (any more): look at its parent
    }
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}

function repositoryRoot(folder: string, shown: string): string {
  try {
    return fs.realpathSync(git(folder, ['rev-parse', '--show-toplevel']).toString('utf8').trim());
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw usage(`--since reads the policy at an earlier commit, but ${shown} is not inside a git repository: run it in the repository that holds the policy, or compare two folders with \`incentive-lint diff BASE HEAD\``);
  }
}

function resolveCommit(top: string, ref: string): string {
  if (ref.startsWith('-')) throw usage(`"${ref}" is not a git ref: name a commit, branch or tag, such as HEAD~1 or main`);
  try {
    return git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString('utf8').trim();
  } catch {
    throw usage(`unknown git ref "${ref}": name a commit, branch or tag of this repository, such as HEAD~1 or main (see \`git log --oneline\`)`);
  }
}

function repositoryPath(top: string, absolute: string, shown: string): string {
  const real = realpathOfExisting(absolute);
  const relative = path.relative(top, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw usage(`${shown} is outside the git repository at ${top}: --since compares paths of one repository`);
  }
  return relative.split(path.sep).join('/');
}

/** The real path of `absolute`, resolving links in the part of it that exists. */
function realpathOfExisting(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realpathOfExisting(parent), path.basename(absolute));
  }
}

/** Old path → new path of every file git sees as renamed between `commit` and the working tree. */
function renamesSince(top: string, commit: string): Map<string, string> {
  const fields = git(top, ['diff', '-M', '--name-status', '-z', '--diff-filter=R', commit, '--']).toString('utf8').split('\0');
  const renamed = new Map<string, string>();
  for (let i = 0; i + 2 < fields.length; i += 3) {
    if (fields[i]!.startsWith('R')) renamed.set(fields[i + 1]!, fields[i + 2]!);
  }
  return renamed;
}

function isWithin(file: string, root: string): boolean {
  return root === '' || file === root || file.startsWith(`${root}/`);
}

function git(cwd: string, args: string[]): Buffer {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw usage('git is not installed or not on the PATH: --since needs git to read the earlier commit');
    }
    throw error;
  }
}

function usage(message: string): InputError {
  return new InputError([{ message, source: 'usage' }]);
}
