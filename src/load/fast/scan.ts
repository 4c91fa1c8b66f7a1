/**
 * Reading lines of block-style YAML in place, shared by the outline, the snippet cutter and the
 * position finder of the fast loader: offsets into the text, never copies of lines (these run once
 * per line of a large policy).
 */

export const SPACE = 0x20;
export const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
export const DASH = 0x2d;
export const HASH = 0x23;

/** A block of whole lines [start, end) of the file: one list item (`- …`) or one key of a block mapping (`key: …`). */
export interface LineBlock {
  start: number;
  end: number;
  kind: 'item' | 'entry';
}

/** How many spaces the line starting at `line` is indented by. */
export function indentAt(text: string, line: number): number {
  let indent = 0;
  while (text.charCodeAt(line + indent) === SPACE) indent++;
  return indent;
}

/** Where the line starting at `line` ends (its newline), not past `end`. */
export function lineEndOf(text: string, line: number, end: number): number {
  const newline = text.indexOf('\n', line);
  return newline === -1 || newline >= end ? end : newline;
}

/** Where the next line begins, given where this one ends (`lineEndOf`), not past `end`. */
export function lineAfter(lineEnd: number, end: number): number {
  return lineEnd >= end ? end : lineEnd + 1;
}

/** Where the line after the one starting at `line` begins, not past `end`. */
export function nextLineOf(text: string, line: number, end: number): number {
  return lineAfter(lineEndOf(text, line, end), end);
}

/** What may follow a `-` of a list item or a `---` marker: a space, a tab, a line end, or the end of the text. */
export function isSeparator(code: number): boolean {
  return Number.isNaN(code) || code === SPACE || code === NEWLINE || code === RETURN || code === TAB;
}

/** A YAML mapping as read into a value: an object that is not a list. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
