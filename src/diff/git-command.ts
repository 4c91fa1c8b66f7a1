/**
 * The one way incentive-lint runs git. On a pull request, the working tree is the author's: its
 * files, its folder names, its `.gitattributes`, even a folder laid out like a repository (`HEAD`,
 * `config`, `objects/`, `refs/`). None of it may choose which repository git reads or what program
 * git starts. So every git process started here:
 *
 * - reads one repository, the one of the working folder (`openRepository`), named explicitly with
 *   `--git-dir` and `--work-tree` afterwards: git never looks for a repository from a policy folder;
 * - treats a folder that merely looks like a bare repository as files (`safe.bareRepository=explicit`),
 *   and keeps git's ownership check (`safe.directory`) exactly as git enforces it;
 * - ignores the system configuration (GIT_CONFIG_NOSYSTEM) and every GIT_* variable of the caller
 *   (GIT_DIR, GIT_INDEX_FILE, GIT_CONFIG_PARAMETERS, GIT_EXTERNAL_DIFF…), except GIT_CONFIG_GLOBAL,
 *   the user's own configuration;
 * - switches off, on the command line (which overrides every configuration file), each setting that
 *   makes git start a program: fsmonitor, hooks, the pager, external diff and textconv drivers,
 *   submodule recursion, and any transport (a partial clone's lazy fetch);
 * - takes no optional lock and writes nothing (--no-optional-locks, no automatic gc or maintenance);
 * - follows no replace refs, so the history read is the commits' own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface Repository {
  /** The work tree's root, with links resolved. */
  top: string;
  /** The repository's git folder (for a linked worktree, its folder under the main `.git`). */
  gitDir: string;
}

/** Git ran and failed: its exit status and what it said, for a message that names what was asked. */
export class GitFailure extends Error {
  constructor(
    readonly stderr: string,
    readonly status: number | null,
  ) {
    super(stderr.trim() || `git exited with status ${status}`);
    this.name = 'GitFailure';
  }

  /** The line of git's stderr that says what went wrong (`fatal: …`, `error: …`), without the prefix. */
  get reason(): string {
    const lines = this.stderr
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const main = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0] ?? `git exited with status ${this.status}`;
    return main.replace(/^(fatal|error):\s*/, '');
  }
}

/** Git is not installed, or not on the PATH. */
export class GitMissing extends Error {}

/** Settings that would start a program, write, or reach the network, switched off for every call. */
const SAFE_SETTINGS = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.untrackedCache=false',
  'safe.bareRepository=explicit',
  'protocol.allow=never',
  'diff.ignoreSubmodules=all',
  'submodule.recurse=false',
  'gc.auto=0',
  'maintenance.auto=false',
] as const;

const GLOBAL_OPTIONS = ['--no-pager', '--no-optional-locks', '--no-replace-objects', '--literal-pathspecs'] as const;

/** The caller's variables git may still read: the user's own global configuration. */
const KEPT_GIT_VARIABLES: ReadonlySet<string> = new Set(['GIT_CONFIG_GLOBAL']);

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toUpperCase().startsWith('GIT_') || KEPT_GIT_VARIABLES.has(name)) env[name] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_NO_LAZY_FETCH: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    // git's messages in English, so that the known ones can be told apart.
    LC_ALL: 'C',
  };
}

/** The arguments of one git call: the safe settings first, then (for a repository) where it is, then `args`. */
function gitArguments(args: readonly string[], repository?: Repository): string[] {
  const settings = SAFE_SETTINGS.flatMap((setting) => ['-c', setting]);
  const where = repository ? [`--git-dir=${repository.gitDir}`, `--work-tree=${repository.top}`] : [];
  return [...GLOBAL_OPTIONS, ...settings, ...where, ...args];
}

/**
 * Runs git in `cwd` (a repository's top, or the working folder to find one from); returns stdout.
 * Throws GitMissing when there is no git, GitFailure when it fails.
 */
function spawnGit(cwd: string, args: readonly string[], repository: Repository | undefined, input?: string | Buffer): Buffer {
  const result = spawnSync('git', gitArguments(args, repository), {
    cwd,
    env: gitEnvironment(),
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
    windowsHide: true,
  });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitMissing('git is not installed or not on the PATH');
    throw result.error;
  }
  if (result.status !== 0) throw new GitFailure(result.stderr.toString('utf8'), result.status);
  return result.stdout;
}

/** Runs git on `repository` and returns its stdout. Throws GitMissing or GitFailure. */
export function runGit(repository: Repository, args: readonly string[], input?: string | Buffer): Buffer {
  return spawnGit(repository.top, args, repository, input);
}

/**
 * The repository that holds the working folder `folder`, found by git from there (and only from
 * there). Throws GitMissing, or GitFailure (see `repositoryProblem` for the failures users meet).
 */
export function openRepository(folder: string): Repository {
  const [top, gitDir] = spawnGit(folder, ['rev-parse', '--show-toplevel', '--absolute-git-dir'], undefined).toString('utf8').split('\n');
  if (!top || !gitDir) throw new GitFailure('fatal: this operation must be run in a work tree', 128);
  return { top: fs.realpathSync(top), gitDir };
}

/** What a user can do about a GitFailure of `openRepository` from `folder`, in one sentence. */
export function repositoryProblem(
  failure: GitFailure,
  folder: string,
): { kind: 'not-a-repository' | 'ownership' | 'bare' | 'other'; message: string } {
  const stderr = failure.stderr;
  if (/dubious ownership/i.test(stderr)) {
    const at = /repository at '([^'\n]*)'/.exec(stderr)?.[1] ?? folder;
    return {
      kind: 'ownership',
      message: `git refuses the repository at ${at}: it belongs to another user (git's safe.directory check). If you trust it, run \`git config --global --add safe.directory ${at}\` and run again; incentive-lint never overrides the check`,
    };
  }
  if (/safe\.bareRepository|cannot use bare repository/i.test(stderr)) {
    return {
      kind: 'bare',
      message: `the working folder ${folder} is inside a folder laid out like a bare git repository (HEAD, objects/, refs/), which is never used as one: run incentive-lint from the work tree of the repository that holds the policy`,
    };
  }
  if (/not a git repository|must be run in a work tree/i.test(stderr)) {
    return { kind: 'not-a-repository', message: `${folder} is not inside the work tree of a git repository` };
  }
  return { kind: 'other', message: `git cannot open the repository of ${folder}: ${failure.reason}` };
}
