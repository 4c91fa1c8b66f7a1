/**
 * The parse cache (ESLint's model): the validated documents of each file, keyed by the hash of its
 * content, the tool version and the configuration, so that a re-run on a large policy re-reads only
 * the files that changed. A cache that is missing, corrupt or from another version is ignored and
 * rewritten; the cache can make a run faster, never different.
 */
import fs from 'node:fs';
import path from 'node:path';
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
 * The file is a header line, `{"key":…,"checksum":…}`, then the entries as JSON. The checksum of the
 * entries catches a truncated or damaged file, which is then ignored as a whole.
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
    return entry?.hash === hash ? entry.file : undefined;
  }

  set(absolute: string, hash: string, file: CachedFile): void {
    this.entries.set(absolute, { hash, file });
    this.changed = true;
  }

  /** Writes the cache if anything changed. A cache that cannot be written only costs speed. */
  save(): void {
    if (!this.changed) return;
    const body = JSON.stringify(Object.fromEntries(this.entries));
    const header: CacheHeader = { key: this.key, checksum: checksum(body) };
    const temporary = `${this.location}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.location), { recursive: true });
      fs.writeFileSync(temporary, `${JSON.stringify(header)}\n${body}`);
      fs.renameSync(temporary, this.location);
      this.changed = false;
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
}

function readEntries(location: string, key: string): Map<string, CacheEntry> {
  try {
    const text = fs.readFileSync(location, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as CacheHeader;
    const body = text.slice(newline + 1);
    if (header?.key !== key || header.checksum !== checksum(body)) return new Map();
    const files = JSON.parse(body) as Record<string, unknown>;
    return new Map(Object.entries(files).filter((entry): entry is [string, CacheEntry] => isEntry(entry[1])));
  } catch {
    return new Map();
  }
}

function checksum(text: string): string {
  return sha256(text);
}

let crypto: typeof import('node:crypto') | undefined;

/** node:crypto is loaded on first use: only runs with --cache hash, and loading it costs start-up time. */
function sha256(data: string | Uint8Array): string {
  crypto ??= packageRequire('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(data).digest('base64url');
}

function isEntry(entry: unknown): entry is CacheEntry {
  const candidate = entry as CacheEntry | undefined;
  if (typeof candidate?.hash !== 'string' || typeof candidate.file !== 'object' || candidate.file === null) return false;
  if (candidate.file.kind === 'skipped') return true;
  return candidate.file.kind === 'policy' && Array.isArray(candidate.file.values) && candidate.file.values.length > 0 && candidate.file.values.every(isMapping);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
