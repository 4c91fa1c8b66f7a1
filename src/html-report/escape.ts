/**
 * Every piece of text in the HTML report comes from a policy someone typed (names, statements,
 * award texts, waiver reasons, file paths): it is escaped by default. The `html` tag escapes each
 * interpolated value unless it is markup this module already built, so forgetting to escape is not
 * possible by accident; the same escaping is valid inside inline SVG, which the HTML parser reads.
 */

/** Markup that is safe to insert as is: only `html` and `raw` make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Text as it must appear in HTML text and in quoted attribute values. Line breaks become character
 * references too (the browser reads them the same): policy text then never starts a line of the
 * document, so it cannot start a CI workflow command when the report is printed to a log.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\n\r]/g, (character) => ENTITIES[character]!);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false || value === true) return '';
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped (arrays are joined, booleans and nullish vanish). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, position) => {
    out += render(value) + strings[position + 1]!;
  });
  return new SafeHtml(out);
}

/** Markup produced by code, never by policy text (a stylesheet, a number formatted for SVG). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A number for an SVG attribute: at most one decimal, so the markup stays short and stable. */
export function svgNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}
