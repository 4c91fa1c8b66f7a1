/**
 * Every file the run reads (policy files, the configuration, the baseline, the cache) is read here:
 * regular files only, never a device, pipe or socket (which would never end, or hang with no
 * writer), and never more than MAX_INPUT_BYTES. The file's identity is recorded as an input of the
 * run, so that no write can replace it (see write.ts).
 */
import fs from 'node:fs';
import { recordInput, type InputRole } from './inputs.js';

/** Far above any real policy (the 100,000-plan benchmark is 75 MB), far below what exhausts memory. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Why a file could not be read: a message for the user, and the system's code when there is one. */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

/**
 * The bytes of the regular file at `absolute`. Opening never blocks (O_NONBLOCK: a named pipe with
 * no writer would wait forever), and the type is checked on the opened file, so a link swapped in
 * between cannot change what is read. Throws UnreadableFile, or the system error (ENOENT…).
 */
export function readInputFile(absolute: string, role: InputRole, maxBytes = MAX_INPUT_BYTES): Buffer {
  const fd = fs.openSync(absolute, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stats = fs.fstatSync(fd, { bigint: true });
    if (stats.isDirectory()) throw new UnreadableFile('is a folder where a file was expected', 'EISDIR');
    if (!stats.isFile()) {
      throw new UnreadableFile(
        `is ${kindOf(stats)}, not a regular file: only files are read (a device or pipe may never end); save the content to a file and give its path`,
      );
    }
    if (stats.size > BigInt(maxBytes)) {
      throw new UnreadableFile(
        `is ${megabytes(Number(stats.size))}, more than the ${megabytes(maxBytes)} an input file may have: split it into several files`,
      );
    }
    recordInput(stats, role);
    // Read at most one byte more than allowed: a file that grows while it is read is still bounded.
    const buffer = Buffer.allocUnsafe(Number(stats.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) throw new UnreadableFile(`changed while it was read: run again when it is complete`);
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** The text of a UTF-8 input file (the configuration, the baseline, the cache). */
export function readInputText(absolute: string, role: InputRole, maxBytes = MAX_INPUT_BYTES): string {
  return readInputFile(absolute, role, maxBytes).toString('utf8');
}

function kindOf(stats: fs.BigIntStats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
