/**
 * A number pasted from a spreadsheet (`260,000`, `$260,000`, `260k`, `€45.000`, `1,5`) is text to
 * YAML, or, inside `{ }`, a number cut at its first comma. The loader reads it as import does (one
 * number reader, src/import/numbers.ts) to say exactly what to write instead.
 */
import { plainNumber, readNumberText } from '../import/numbers.js';

/** Keys whose value is a share between 0 and 1 (a fraction, or a percentage string). */
const SHARE_KEYS = new Set(['rate', 'weight', 'variable_share', 'share', 'quota_share']);

export function isShareKey(key: string | undefined): boolean {
  return key !== undefined && SHARE_KEYS.has(key);
}

/**
 * The message for `key: text` when text is a number written as people write it, else undefined.
 * `cut` lists the pieces a `{ }` mapping made keys of.
 */
export function pastedNumberMessage(key: string, text: string, cut: readonly string[] = []): string | undefined {
  const read = readNumberText(text);
  if (!read || read.notes.length === 0) return undefined;
  const how = joinWords(read.notes);
  const why =
    cut.length > 0
      ? `inside { } a comma ends the value, so ${cut.map((piece) => `"${piece}"`).join(' and ')} ${cut.length === 1 ? 'was' : 'were'} read as ${cut.length === 1 ? 'a key' : 'keys'}`
      : 'YAML reads it as text, not a number';
  return `${key}: ${text} is written with ${how}, and ${why}: write ${key}: ${suggestion(key, read.value, read.percent)}`;
}

function suggestion(key: string, value: number, percent: boolean): string {
  if (isShareKey(key)) {
    if (percent || value > 1) {
      const percentValue = percent ? value * 100 : value;
      return `"${plainNumber(percentValue)}%" (or ${plainNumber(percentValue / 100)})`;
    }
    return plainNumber(value);
  }
  return percent ? `"${plainNumber(value * 100)}%"` : plainNumber(value);
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
