/**
 * The policy as it was at a git commit, without a checkout: the YAML files under the given paths at
 * that commit are read from the repository of the working folder and written to a temporary folder
 * laid out like the work tree today. A file renamed since the commit is placed at its new path (git's
 * rename detection matches it by content), so a folder that was renamed or reorganized still
 * compares whole. Git runs only through ./git-command.ts; what a commit holds is data: a name that
 * could lead out of the temporary folder is refused, and every file is written inside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { RefusedWrite, replaceFileInside } from '../files/write.js';
import { GitFailure, GitMissing, openRepository, repositoryProblem, runGit, type Repository } from './git-command.js';

export interface Snapshot {
  /** Temporary folder holding the files; load `paths` from it. Remove it with `dispose()`. */
  dir: string;
  /** The given paths, relative to the repository root, that hold files at the commit. */
  paths: string[];
  /** Path in `dir` → where it came from, as `REF:path/at/that/commit`, for messages. */
  origins: Map<string, string>;
  /** The root of the repository's work tree: a path in `dir` stands for the same path under it. */
  top: string;
  dispose(): void;
}

/** Who reads the commit, for messages: `--since` (lint and report), or `diff --impact`. */
export interface Asker {
  name: string;
  /** What to say when the working folder is in no repository. */
  notARepository(cwd: string): string;
}

const SINCE: Asker = {
  name: '--since',
  notARepository: (cwd) =>
    `--since reads the policy at an earlier commit from the git repository of the working folder, but ${cwd} is not inside one: run incentive-lint in the repository that holds the policy, or compare two folders with \`incentive-lint diff BASE HEAD\``,
};

const YAML_FILE = /\.ya?ml$/i;
/** Regular files (plain and executable); links (120000) and submodules (160000) are not policy files. */
const FILE_MODES: ReadonlySet<string> = new Set(['100644', '100755']);

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  /** The path in the commit, as git lists it (parts joined with `/`). */
  file: string;
}

/**
 * Reads `paths` (relative to `cwd`, the working folder) at `ref` from the repository that holds
 * `cwd`. A path outside that repository, or inside another repository within it, is refused.
 */
export function snapshotAt(ref: string, paths: readonly string[], cwd: string, asker: Asker = SINCE): Snapshot {
  const given = paths.length > 0 ? paths : ['.'];
  const repository = workingRepository(cwd, asker);
  const relativePaths = given.map((item) => repositoryPath(repository, path.resolve(cwd, item), item, asker));
  const commit = resolveCommit(repository, ref, asker);
  const entries = listTree(repository, ref, commit, asker);
  const renamedTo = renamesSince(repository, ref, commit, asker);

  const wanted: { entry: TreeEntry; placed: string }[] = [];
  for (const entry of entries) {
    if (!FILE_MODES.has(entry.mode) || !YAML_FILE.test(entry.file)) continue;
    const placed = renamedTo.get(entry.file) ?? entry.file;
    if (relativePaths.some((root) => isWithin(placed, root))) wanted.push({ entry, placed });
  }
  const texts = readBlobs(
    repository,
    ref,
    commit,
    wanted.map(({ entry }) => entry),
    asker,
  );

  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'incentive-lint-since-')));
  const origins = new Map<string, string>();
  try {
    wanted.forEach(({ entry, placed }, i) => {
      writeSnapshotFile(dir, placed, texts[i]!, `${ref}:${entry.file}`);
      origins.set(placed, `${ref}:${entry.file}`);
    });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const present = relativePaths.filter((root) => [...origins.keys()].some((file) => isWithin(file, root)));
  return {
    dir,
    paths: present.map((root) => root || '.'),
    origins,
    top: repository.top,
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function workingRepository(cwd: string, asker: Asker): Repository {
  try {
    return openRepository(cwd);
  } catch (error) {
    if (error instanceof GitMissing) throw noGit(asker);
    if (!(error instanceof GitFailure)) throw error;
    const problem = repositoryProblem(error, cwd);
    if (problem.kind === 'not-a-repository') {
      throw usage(`${asker.notARepository(cwd)}`);
    }
    throw usage(`${asker.name}: ${problem.message}`);
  }
}

function resolveCommit(repository: Repository, ref: string, asker: Asker): string {
  if (ref.startsWith('-')) throw usage(`"${ref}" is not a git ref: name a commit, branch or tag, such as HEAD~1 or main`);
  try {
    return git(repository, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], asker)
      .toString('utf8')
      .trim();
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    throw usage(
      `unknown git ref "${ref}": name a commit, branch or tag of this repository, such as HEAD~1 or main (see \`git log --oneline\`)`,
    );
  }
}

/**
 * The path of `absolute` in the repository, with `/` separators ('' for its root). It must lie in the
 * repository's work tree and not inside another repository there (a submodule or a nested clone),
 * whose files are not in this repository's history.
 */
function repositoryPath(repository: Repository, absolute: string, shown: string, asker: Asker): string {
  const real = realpathOfExisting(absolute);
  const relative = path.relative(repository.top, real);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw usage(
      `${shown} is outside the git repository of the working folder (${repository.top}): ${asker.name} compares paths of that one repository; run incentive-lint in the repository that holds ${shown}`,
    );
  }
  const nested = nestedRepository(repository.top, real);
  if (nested !== undefined) {
    throw usage(
      `${shown} is inside another git repository (${nested}, a submodule or a nested clone): ${asker.name} reads only the history of the repository of the working folder (${repository.top}); to compare with that repository's history, run incentive-lint in ${nested}`,
    );
  }
  return relative.split(path.sep).join('/');
}

/** The innermost folder between `top` (excluded) and `inside` that holds a `.git`, if any. */
function nestedRepository(top: string, inside: string): string | undefined {
  let folder = inside;
  while (folder !== top && folder.startsWith(`${top}${path.sep}`)) {
    try {
      fs.lstatSync(path.join(folder, '.git'));
      return folder;
    } catch {
      // no .git here: look at the parent
    }
    folder = path.dirname(folder);
  }
  return undefined;
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

/** Every entry of the commit's tree, after checking that no name could lead out of a folder. */
function listTree(repository: Repository, ref: string, commit: string, asker: Asker): TreeEntry[] {
  let listing: string;
  try {
    listing = git(repository, ['ls-tree', '-r', '-z', '--full-tree', commit], asker).toString('utf8');
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    throw usage(
      `git cannot list the files of ${ref} (commit ${short(commit)}): ${error.reason}; the commit is damaged or was crafted: compare with another commit`,
    );
  }
  const entries: TreeEntry[] = [];
  const problems: Diagnostic[] = [];
  for (const record of listing.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode = '', type = '', object = ''] = record.slice(0, tab).split(' ');
    const file = record.slice(tab + 1);
    const bad = file.split('/').find((part) => part === '' || part === '.' || part === '..');
    if (bad !== undefined) {
      problems.push({
        file: `${ref}:${file}`,
        message: `commit ${short(commit)} holds a ${bad === '' ? 'tree entry with an empty name' : `tree entry named "${bad}"`}, which git never creates: the commit was crafted to write outside the folder it is read into, so ${asker.name} reads nothing from it; compare with another commit`,
        source: 'io',
      });
      continue;
    }
    entries.push({ mode, type, object, file });
  }
  if (problems.length > 0) throw new InputError(problems);
  return entries;
}

/** Old path → new path of every file git sees as renamed between `commit` and the working tree. */
function renamesSince(repository: Repository, ref: string, commit: string, asker: Asker): Map<string, string> {
  let output: string;
  try {
    output = git(
      repository,
      ['diff', '-M', '--name-status', '-z', '--diff-filter=R', '--no-ext-diff', '--no-textconv', '--ignore-submodules=all', commit, '--'],
      asker,
    ).toString('utf8');
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    throw usage(`git cannot compare ${ref} (commit ${short(commit)}) with the working tree: ${error.reason}`);
  }
  const fields = output.split('\0');
  const renamed = new Map<string, string>();
  for (let i = 0; i + 2 < fields.length; i += 3) {
    if (fields[i]!.startsWith('R')) renamed.set(fields[i + 1]!, fields[i + 2]!);
  }
  return renamed;
}

/**
 * The content of each entry's blob, in order, read by one `git cat-file --batch` (no filter, no
 * textconv: the bytes the commit holds). An object git cannot read is reported with its path.
 */
function readBlobs(repository: Repository, ref: string, commit: string, entries: readonly TreeEntry[], asker: Asker): Buffer[] {
  if (entries.length === 0) return [];
  let output: Buffer;
  try {
    output = git(repository, ['cat-file', '--batch'], asker, entries.map((entry) => `${entry.object}\n`).join(''));
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    throw usage(`git cannot read the files of ${ref} (commit ${short(commit)}): ${error.reason}`);
  }
  const texts: Buffer[] = [];
  const problems: Diagnostic[] = [];
  let offset = 0;
  for (const entry of entries) {
    const end = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, end === -1 ? output.length : end).toString('utf8');
    offset = end === -1 ? output.length : end + 1;
    const [, type, size] = header.split(' ');
    if (type === undefined || size === undefined || !/^\d+$/.test(size)) {
      problems.push({
        file: `${ref}:${entry.file}`,
        message: `git cannot read this file at commit ${short(commit)} (object ${short(entry.object)} is ${header.endsWith('missing') ? 'missing' : 'unreadable'}: a partial clone, or a damaged repository): fetch the missing objects (in a partial clone, \`git fetch --refetch\`), or compare with another commit`,
        source: 'io',
      });
      texts.push(Buffer.alloc(0));
      continue;
    }
    const length = Number(size);
    if (type !== 'blob') {
      problems.push({
        file: `${ref}:${entry.file}`,
        message: `commit ${short(commit)} lists this file, but its object ${short(entry.object)} is a ${type}, not a file: the commit was crafted or is damaged; compare with another commit`,
        source: 'io',
      });
    }
    texts.push(output.subarray(offset, offset + length));
    offset += length + 1;
  }
  if (problems.length > 0) throw new InputError(problems);
  return texts;
}

function writeSnapshotFile(dir: string, placed: string, text: Buffer, origin: string): void {
  try {
    replaceFileInside(dir, placed.split('/'), text, 'a file of the earlier version');
  } catch (error) {
    const reason = error instanceof RefusedWrite ? error.message : (error as Error).message;
    throw new InputError([
      { file: origin, message: `cannot place this file of the earlier version in a temporary folder: ${reason}`, source: 'io' },
    ]);
  }
}

function isWithin(file: string, root: string): boolean {
  return root === '' || file === root || file.startsWith(`${root}/`);
}

function git(repository: Repository, args: string[], asker: Asker, input?: string): Buffer {
  try {
    return runGit(repository, args, input);
  } catch (error) {
    if (error instanceof GitMissing) throw noGit(asker);
    throw error;
  }
}

function short(object: string): string {
  return object.slice(0, 12);
}

function noGit(asker: Asker): InputError {
  return usage(`git is not installed or not on the PATH: ${asker.name} needs git to read the earlier commit`);
}

function usage(message: string): InputError {
  return new InputError([{ message, source: 'usage' }]);
}
