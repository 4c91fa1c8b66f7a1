/**
 * The parse cache (ESLint's model): the validated documents of each file, keyed by the hash of its
 * content, the tool version and the configuration, so that a re-run on a large policy re-reads only
 * the files that changed. A cache that is missing, corrupt or from another version is ignored and
 * rewritten; the cache can make a run faster, never different.
 *
 * The cache file may come from the repository (committed by mistake, or planted by a pull request),
 * so its content is not trusted: the entries are signed with a key kept outside the repository, in
 * the user's cache folder (cacheKey), and a file whose signature does not match is ignored as a
 * whole. A pull request cannot forge an entry that makes a policy lint clean. Every entry is also
 * checked for shape, and a bad one is a miss, never a result and never a crash.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { readInputText } from '../files/read.js';
import { displayPath } from './discover.js';
import { RefusedWrite, replaceFile } from '../files/write.js';
import { packageRequire } from '../package-root.js';
import { VERSION } from '../project.js';

export const DEFAULT_CACHE_LOCATION = '.incentive-lint-cache';

/** What a file was found to be, with the validated value of each of its documents. */
export type CachedFile = { kind: 'skipped' } | { kind: 'policy'; values: Record<string, unknown>[] };

interface CacheEntry {
  hash: string;
  file: CachedFile;
}

/**
 * The file is a header line, `{"key":…,"checksum":…}`, then the entries as JSON. The checksum is an
 * HMAC of the entries with the machine's cache key: it catches a truncated or damaged file, and one
 * written anywhere else, which is then ignored as a whole.
 */
interface CacheHeader {
  key: string;
  checksum: string;
}

const FORMAT = 1;

export class ParseCache {
  private readonly entries: Map<string, CacheEntry>;
  private changed = false;
  private readonly key: string;

  /** `settings` are whatever else decides how files are read (the configuration), as plain data. */
  constructor(
    readonly location: string,
    settings: unknown = {},
  ) {
    this.key = JSON.stringify({ format: FORMAT, version: VERSION, settings });
    this.entries = readEntries(location, this.key);
  }

  static hash(bytes: Uint8Array): string {
    return sha256(bytes);
  }

  get(absolute: string, hash: string): CachedFile | undefined {
    const entry = this.entries.get(absolute);
    return entry !== undefined && entry.hash === hash ? entry.file : undefined;
  }

  set(absolute: string, hash: string, file: CachedFile): void {
    this.entries.set(absolute, { hash, file });
    this.changed = true;
  }

  /**
   * Writes the cache if anything changed, as a new regular file (see files/write.ts). A cache that
   * cannot be written only costs speed; one that must not be written (a link, a device, a policy
   * file) is a problem of the run, returned as a diagnostic.
   */
  save(): Diagnostic | undefined {
    if (!this.changed) return undefined;
    const body = JSON.stringify(Object.fromEntries(this.entries));
    const header: CacheHeader = { key: this.key, checksum: checksum(body) };
    try {
      replaceFile(this.location, `${JSON.stringify(header)}\n${body}`, 'the cache', { replaces: ['cache'] });
      this.changed = false;
    } catch (error) {
      if (error instanceof RefusedWrite)
        return { file: displayPath(this.location, process.cwd()), message: `${error.message} (--cache-location)`, source: 'usage' };
    }
    return undefined;
  }
}

function readEntries(location: string, key: string): Map<string, CacheEntry> {
  try {
    const text = readInputText(location, 'cache');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as CacheHeader;
    const body = text.slice(newline + 1);
    if (header?.key !== key || typeof header.checksum !== 'string' || header.checksum !== checksum(body)) return new Map();
    const files = JSON.parse(body) as Record<string, unknown>;
    return new Map(Object.entries(files).filter((entry): entry is [string, CacheEntry] => isEntry(entry[1])));
  } catch {
    return new Map();
  }
}

/** The HMAC of the entries with this machine's cache key. */
function checksum(text: string): string {
  crypto ??= packageRequire('node:crypto') as typeof import('node:crypto');
  return crypto.createHmac('sha256', cacheKey()).update(text).digest('base64url');
}

let machineKey: Buffer | undefined;

/**
 * A random key kept in the user's cache folder ($XDG_CACHE_HOME or ~/.cache, then incentive-lint/),
 * outside any repository, created on first use. A key is trusted only when it is the user's own:
 * a regular file the current user owns, that nobody else may read or write, outside the working
 * folder (a CI cache folder inside the project, or a key committed by a pull request, is not). Any
 * other key, or none that can be kept, gives a key for this process only: the cache then never
 * matches, which costs speed and nothing else.
 */
function cacheKey(): Buffer {
  if (machineKey) return machineKey;
  crypto ??= packageRequire('node:crypto') as typeof import('node:crypto');
  const folder = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'incentive-lint');
  const file = path.join(folder, 'cache-key');
  if (insideWorkingFolder(folder)) return (machineKey = crypto.randomBytes(32));
  const stored = readOwnKey(file);
  if (stored !== 'missing') return (machineKey = stored ?? crypto.randomBytes(32));
  machineKey = crypto.randomBytes(32);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const fd = fs.openSync(
      file,
      fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0),
      0o600,
    );
    fs.writeSync(fd, machineKey);
    fs.closeSync(fd);
  } catch {
    // a read-only home, or another process wrote one first: this key still serves this process
  }
  return machineKey;
}

/**
 * The stored key when it can be trusted, undefined when it cannot, 'missing' when there is none.
 * The checks are made on the opened file (never through a link), so a swap in between changes nothing.
 */
function readOwnKey(file: string): Buffer | undefined | 'missing' {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : undefined;
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile() || stats.size !== 32 || !ownedAndPrivate(stats)) return undefined;
    const key = Buffer.alloc(32);
    return fs.readSync(fd, key, 0, 32, 0) === 32 ? key : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether the current user owns the file and nobody else may read or write it (where the system has owners). */
function ownedAndPrivate(stats: fs.Stats): boolean {
  if (typeof process.getuid !== 'function') return true;
  return stats.uid === process.getuid() && (stats.mode & 0o066) === 0;
}

/** Whether `folder` is the working folder or lies inside it, links resolved as far as they exist. */
function insideWorkingFolder(folder: string): boolean {
  const real = (target: string): string => {
    try {
      return fs.realpathSync(target);
    } catch {
      const parent = path.dirname(target);
      return parent === target ? target : path.join(real(parent), path.basename(target));
    }
  };
  const relative = path.relative(real(process.cwd()), real(path.resolve(folder)));
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

let crypto: typeof import('node:crypto') | undefined;

/** node:crypto is loaded on first use: only runs with --cache hash, and loading it costs start-up time. */
function sha256(data: string | Uint8Array): string {
  crypto ??= packageRequire('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(data).digest('base64url');
}

function isEntry(entry: unknown): entry is CacheEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const candidate = entry as CacheEntry;
  if (typeof candidate?.hash !== 'string' || typeof candidate.file !== 'object' || candidate.file === null) return false;
  if (candidate.file.kind === 'skipped') return true;
  return (
    candidate.file.kind === 'policy' &&
    Array.isArray(candidate.file.values) &&
    candidate.file.values.length > 0 &&
    candidate.file.values.every(isMapping)
  );
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
