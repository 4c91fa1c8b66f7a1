/**
 * Policy text ends up in terminals and CI logs. Control characters (an escape sequence can retitle
 * a terminal, clear it or fake a line; a carriage return overwrites one) and bidirectional overrides
 * ("Trojan Source") are never meaningful in a policy, so the loader refuses them in the data and
 * escapes them in anything it quotes back.
 */
export const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');

/** "U+001B": how a message names a character without printing it. */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every unprintable character written as \u001b. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE_ALL, (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
