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
      if (error instanceof RefusedWrite) return { file: displayPath(this.location, process.cwd()), message: `${error.message} (--cache-location)`, source: 'usage' };
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
 * outside any repository, created on first use. When it cannot be kept, a key for this process
 * only: the cache then never matches, which costs speed and nothing else.
 */
function cacheKey(): Buffer {
  if (machineKey) return machineKey;
  crypto ??= packageRequire('node:crypto') as typeof import('node:crypto');
  const folder = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'incentive-lint');
  const file = path.join(folder, 'cache-key');
  try {
    const stored = fs.lstatSync(file);
    if (stored.isFile() && stored.size === 32) machineKey = fs.readFileSync(file);
  } catch {
    // not there yet
  }
  if (!machineKey) {
    machineKey = crypto.randomBytes(32);
    try {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, machineKey);
      fs.closeSync(fd);
    } catch {
      // a read-only home, or another process wrote one first: this key still serves this process
    }
  }
  return machineKey;
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
  return candidate.file.kind === 'policy' && Array.isArray(candidate.file.values) && candidate.file.values.length > 0 && candidate.file.values.every(isMapping);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
