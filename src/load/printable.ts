/**
 * Policy text ends up in terminals and CI logs. Control characters (an escape sequence can retitle
 * a terminal, clear it or fake a line; a carriage return overwrites one), bidirectional overrides
 * and marks ("Trojan Source": U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and the Unicode
 * line and paragraph separators (U+2028, U+2029, which some viewers break lines at) are never
 * meaningful in a policy, so the loader refuses them in the data and escapes them in anything it
 * quotes back.
 */
export const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');

/** "U+001B": how a message names a character without printing it. */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every unprintable character written as \u001b. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE_ALL, escapeCharacter);
}

/** Also the line breaks and tabs a multi-line text holds: for text printed as one line. */
const LINE_BREAKING_ALL = new RegExp(`${UNPRINTABLE.source}|[\\t\\n\\r]`, 'g');

/** `text` as one line: unprintable characters and line breaks written as \u001b, \n. */
export function printableLine(text: string): string {
  return text.replace(LINE_BREAKING_ALL, escapeCharacter);
}

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\t': '\\t' };

function escapeCharacter(character: string): string {
  return SHORT_ESCAPES[character] ?? `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}
