/**
 * Every file the run writes (reports, the baseline, the cache, the schema, `init`'s starters) is
 * written here, and only as a whole new regular file: the text goes to a fresh temporary file in
 * the target's folder (an unpredictable name, created exclusively, so no planted link is followed)
 * that is then renamed over the target. The target must be missing or a regular file: a symbolic
 * link (dangling or not), a device, a pipe or a folder is refused, so a link committed to the
 * repository cannot send a report to a file outside it, and `/dev/null` stays a device. A file the
 * run read (a policy, the configuration, the baseline) is never replaced, whatever link leads to it.
 *
 * The folders on the way are judged too: a target inside the working folder whose folder is reached
 * through a symbolic link that leads out of it (`reports -> ../elsewhere`, committed by a pull
 * request) is refused, and so is one reached through a dangling link. A path the user writes
 * outside the working folder (`/tmp/report.json`, `../out/report.json`) is the user's choice and
 * is written wherever it leads.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { packageRequire } from '../package-root.js';
import { protectedPathRoles, protectedRoles, type InputRole } from './inputs.js';

export interface WriteOptions {
  /** Inputs this write may replace: the cache it read, the baseline --baseline-prune rewrites. */
  replaces?: readonly InputRole[];
  /** Refuse an existing target (init without --force). */
  createOnly?: boolean;
}

/** A write that must not happen, and why; the CLI reports it and exits 2. */
export class RefusedWrite extends Error {}

/**
 * Writes `text` to `file` (as the user gave it, relative to the working folder), creating missing
 * folders. Returns a diagnostic naming the file and what to do when it cannot or must not.
 */
export function writeFileSafely(file: string, text: string | Uint8Array, what: string, options: WriteOptions = {}): Diagnostic | undefined {
  try {
    replaceFile(path.resolve(file), text, what, options);
    return undefined;
  } catch (error) {
    if (error instanceof RefusedWrite) return { file, message: error.message, source: 'usage' };
    return { file, message: `cannot write ${what} here (${reason(error)}): choose a writable file`, source: 'io' };
  }
}

/** Throws RefusedWrite for a target that must not be written, or the system's error. */
export function replaceFile(absolute: string, text: string | Uint8Array, what: string, options: WriteOptions = {}): void {
  checkFolders(absolute, what);
  const existing = checkTarget(absolute, what, options);
  const folder = path.dirname(absolute);
  fs.mkdirSync(folder, { recursive: true });
  const temporary = path.join(folder, `.${path.basename(absolute)}.${randomSuffix()}.tmp`);
  // 'wx' is O_CREAT | O_EXCL: it fails on any existing name, a symbolic link included.
  const fd = fs.openSync(temporary, 'wx', existing ? Number(existing.mode & 0o777n) : 0o666);
  try {
    try {
      fs.writeFileSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
    // The target (or a folder on the way) may have been replaced while the text was written: judge it again just before.
    checkFolders(absolute, what);
    checkTarget(absolute, what, options);
    fs.renameSync(temporary, absolute);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Throws RefusedWrite when `absolute` lies in the working folder but a folder on its way there is a
 * symbolic link that leads out of the working folder, or leads nowhere. Missing folders are fine:
 * they are created as real folders.
 */
function checkFolders(absolute: string, what: string, workingFolder: string = process.cwd()): void {
  const base = path.resolve(workingFolder);
  const relative = path.relative(base, path.dirname(path.resolve(absolute)));
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return;
  let realBase: string;
  try {
    realBase = fs.realpathSync(base);
  } catch {
    return;
  }
  let current = base;
  for (const part of relative.split(path.sep)) {
    current = path.join(current, part);
    let stats: fs.Stats;
    try {
      stats = fs.lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (!stats.isSymbolicLink()) continue;
    const shown = path.relative(base, current);
    let real: string;
    try {
      real = fs.realpathSync(current);
    } catch {
      throw new RefusedWrite(
        `its folder ${shown} is a symbolic link that leads nowhere: ${what} is never written through a link out of the working folder; remove the link, or write to a real folder`,
      );
    }
    if (!isInside(realBase, real)) {
      throw new RefusedWrite(
        `its folder ${shown} is a symbolic link to ${real}, outside the working folder: ${what} is never written through a link out of the working folder (a committed link may point anywhere); remove the link, or give the real path (${path.join(real, path.relative(current, absolute))}) if that is where it belongs`,
      );
    }
  }
}

function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function checkTarget(absolute: string, what: string, options: WriteOptions): fs.BigIntStats | undefined {
  const named = protectedPathRoles(absolute, options.replaces);
  if (named.length > 0)
    throw new RefusedWrite(`is ${named.join(' and ')}, an input of this run: ${what} will not overwrite it; choose another file`);
  let stats: fs.BigIntStats;
  try {
    stats = fs.lstatSync(absolute, { bigint: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (stats.isSymbolicLink()) {
    throw new RefusedWrite(
      `is a symbolic link: ${what} is never written through a link (it may point anywhere, even outside the repository); remove the link or choose another file`,
    );
  }
  if (stats.isDirectory()) throw new RefusedWrite(`is a folder: give ${what} a file name, such as ${path.basename(absolute)}/report.out`);
  if (!stats.isFile())
    throw new RefusedWrite(
      `is not a regular file (a device, pipe or socket): ${what} is only written to a regular file; choose another file`,
    );
  if (options.createOnly) throw new RefusedWrite(`already exists: ${what} does not overwrite it`);
  const roles = protectedRoles(stats, options.replaces);
  if (roles.length > 0) {
    const through = stats.nlink > 1n ? ', or a hard link to it' : '';
    throw new RefusedWrite(
      `is ${roles.map(describeRole).join(' and ')} this run reads${through}: ${what} will not overwrite it; choose another file`,
    );
  }
  return stats;
}

const ROLE_NAMES: Record<InputRole, string> = {
  policy: 'a policy file',
  config: 'the configuration file',
  baseline: 'the baseline',
  cache: 'the cache',
  plugin: 'a plugin',
};

function describeRole(role: InputRole): string {
  return ROLE_NAMES[role];
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of the path is a file, not a folder';
    case 'ENOENT':
      return 'its folder does not exist and cannot be created';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Writes `text` to the file that `parts` (names of folders, then of the file) name inside `root`, a
 * folder the run created for itself (such as the temporary folder of `--since`), creating the
 * folders in it. A name that is empty, `.` or `..`, or holds a separator, is refused, and so is a
 * part that exists as anything but a folder: whatever names it is given, nothing is written
 * outside `root`. Throws RefusedWrite, or the system's error.
 */
export function replaceFileInside(root: string, parts: readonly string[], text: string | Uint8Array, what: string): void {
  const refused = parts.find((part) => part === '' || part === '.' || part === '..' || /[/\\\0]/.test(part));
  if (parts.length === 0 || refused !== undefined) {
    throw new RefusedWrite(
      `${JSON.stringify(refused ?? '')} is not the name of a file or folder: ${what} is only written inside its folder`,
    );
  }
  let folder = root;
  for (const part of parts.slice(0, -1)) {
    folder = path.join(folder, part);
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!fs.lstatSync(folder).isDirectory())
      throw new RefusedWrite(`${parts.join('/')}: ${part} is not a folder, so ${what} cannot be placed there`);
  }
  replaceFile(path.join(folder, parts[parts.length - 1]!), text, what);
}

let crypto: typeof import('node:crypto') | undefined;

/** node:crypto is loaded on first write: a lint that prints to the terminal writes nothing, and loading it costs start-up time. */
function randomSuffix(): string {
  crypto ??= packageRequire('node:crypto') as typeof import('node:crypto');
  return crypto.randomBytes(9).toString('base64url');
}
