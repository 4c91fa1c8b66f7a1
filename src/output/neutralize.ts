/**
 * Everything a run prints quotes text from the repository (policy text, YAML comments, file names,
 * the baseline, the configuration) or from the command line, and a pull request's author controls
 * most of it. This module turns such text into text that stays inside its medium: one line of a
 * terminal or CI log, a Markdown comment, an XML document, a GitHub Actions workflow command. The
 * last line of defense, `guardLines`, runs over every chunk written to stdout and stderr
 * (see print.ts), so that no line of either stream can start a workflow command.
 *
 * Formatters call the function of their medium on every value they did not write themselves.
 */
import { printable, printableLine } from '../load/printable.js';

export { printable, printableLine };

/** The media a report or message can be printed in; each neutralizes text its own way. */
export type Medium = 'text' | 'json' | 'xml' | 'markdown' | 'github';

/** Text for one line of a terminal or log: control characters, line breaks and bidi marks escaped (\n, \u001b). */
export function textLine(value: string): string {
  return printableLine(value);
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions workflow commands, escaped exactly as @actions/core's toolkit does (command.ts).

/** The message of a workflow command: %, CR and LF are encoded, as the Actions runner decodes them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: also `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A message of an annotation: unprintable characters shown escaped, line breaks kept (encoded). */
export function githubData(value: string): string {
  return escapeData(printable(value));
}

/** A property of an annotation (file, title): one line, escaped as the toolkit does. */
export function githubProperty(value: string): string {
  return escapeProperty(printableLine(value));
}

// ---------------------------------------------------------------------------------------------
// Markdown (a pull-request comment): no HTML, no formatting, no mention, no link from the data.

/**
 * A GitHub @mention (@user, @org/team) or an e-mail address, with whatever `@` chain surrounds it.
 * It starts where a run of name characters starts: tried at every letter of a long word, the run
 * before the `@` was read again from each letter (300,000 letters: more than two minutes).
 */
const MENTION = /(?<![\w.+-])[\w.+-]*(?:@[\w.+/-]+)+/;
/** What GitHub links without brackets: URLs and www. addresses. */
const BARE_LINK = /(?<![A-Za-z0-9+.-])(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[^\s`|<>]+/;
const INERT = new RegExp(`${BARE_LINK.source}|${MENTION.source}`, 'g');

/**
 * Text for a Markdown paragraph, list item or table cell: Markdown and HTML punctuation is
 * backslash-escaped (so `|` cannot end a cell, `<b>` or `*` cannot format and `<!--` cannot hide
 * the rest), line breaks become `<br>`, unprintable characters are shown escaped, and mentions and
 * bare links are shown as code, so that a report neither pings people nor links anywhere.
 */
export function markdownText(value: string): string {
  let out = '';
  let last = 0;
  for (const match of value.matchAll(INERT)) {
    out += markdownPunctuation(value.slice(last, match.index));
    out += `\`${printable(match[0])}\``;
    last = match.index + match[0].length;
  }
  return out + markdownPunctuation(value.slice(last));
}

function markdownPunctuation(value: string): string {
  return printable(value)
    .replace(/[\\`*_[\]<>|~#&]/g, (character) => `\\${character}`)
    .replace(/\r\n?|\n/g, '<br>');
}

// ---------------------------------------------------------------------------------------------
// XML (JUnit).

/** Characters XML 1.0 cannot hold at all, even escaped. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element text: unprintable characters shown escaped (as in the terminal), markup characters as entities. */
export function xmlText(value: string): string {
  return printable(value).replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A quoted attribute value; line breaks are kept as character references, which parsers preserve. */
export function xmlAttr(value: string): string {
  return `"${xmlText(value).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')}"`;
}

// ---------------------------------------------------------------------------------------------
// The stream guard.

/**
 * The GitHub Actions runner reads workflow commands from every line of a step's stdout and stderr:
 * `::command …::` at the start of a line (after spaces), and the older `##[command]` anywhere in
 * it. Whatever a value escaped or not, no printed line may carry one, except the annotations the
 * github formatter writes itself. Each medium gets an escape that keeps its content the same.
 */
const COMMAND_START = /^(\s*):(?=:)/gm;
const LEGACY_COMMAND = /##\[/g;
const LEGACY_ESCAPE: Record<Medium, string> = { text: '##\\u005b', json: '##\\u005b', xml: '##&#91;', markdown: '##\\[', github: '##[' };

export function guardLines(text: string, medium: Medium): string {
  if (medium === 'github') return text;
  let guarded = text.includes('##[') ? text.replace(LEGACY_COMMAND, LEGACY_ESCAPE[medium]) : text;
  // JSON and XML never start a line with "::" (their values hold no line breaks); text and Markdown may.
  if (guarded.includes('::'))
    guarded = guarded.replace(COMMAND_START, (_match, space: string) => `${space}${medium === 'markdown' ? '\\:' : '\\u003a'}`);
  return guarded;
}
