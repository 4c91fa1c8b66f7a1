/**
 * What the bytes of a policy file are, before they are read as text: UTF-16 (refused with a hint),
 * or UTF-8 with the position of the first byte that is not.
 */

export function startsWithUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** The offset of the first byte that is not well-formed UTF-8, or -1: one linear pass, however large the file. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const continuation = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (continuation === 0 || i + continuation >= bytes.length) return i;
    let codePoint = lead & (0x3f >> continuation);
    for (let k = 1; k <= continuation; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    const shortest = [0, 0x80, 0x800, 0x10000][continuation]!;
    if (codePoint < shortest || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += continuation + 1;
  }
  return -1;
}

/** Line and column (in characters, as YAML positions count them) of the byte at `offset`. */
export function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = bytes
    .subarray(lineStart, offset)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return { line, column: before.length + 1 };
}
