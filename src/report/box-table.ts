/**
 * A table of one-line cells drawn exactly as cli-table3 draws it with its default borders, for the
 * stylish report's counts by rule. Drawing it here spares every lint with findings from loading
 * cli-table3 and its string-width dependencies, a measurable share of a cold start.
 * Cells must be one line of characters one column wide each, as rule ids (RULE_ID) and counts are.
 */
export interface BoxTableOptions {
  head: readonly string[];
  aligns: readonly ('left' | 'right')[];
  /** cli-table3's `style: { head: ['bold'], border: ['grey'] }`, with the same escape codes. */
  color: boolean;
}

const GREY = ['\u001b[90m', '\u001b[39m'] as const;
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;

export function boxTable(rows: readonly (readonly (string | number)[])[], { head, aligns, color }: BoxTableOptions): string {
  const cells = [head, ...rows].map((row) => row.map(String));
  const widths = head.map((_, column) => cells.reduce((width, row) => Math.max(width, row[column]!.length), 0) + 2);
  const border = (text: string) => (color ? `${GREY[0]}${text}${GREY[1]}` : text);
  const rule = (left: string, middle: string, right: string) =>
    widths.map((width, column) => border(`${column === 0 ? left : middle}${'─'.repeat(width)}${column === widths.length - 1 ? right : ''}`)).join('');
  const line = (row: readonly string[], style?: readonly [string, string]) =>
    row
      .map((text, column) => {
        const space = ' '.repeat(widths[column]! - 2 - text.length);
        const padded = ` ${aligns[column] === 'right' ? space + text : text + space} `;
        return border('│') + (style ? `${style[0]}${padded}${style[1]}` : padded);
      })
      .join('') + border('│');
  const lines = [rule('┌', '┬', '┐'), line(cells[0]!, color ? BOLD : undefined)];
  for (const row of cells.slice(1)) lines.push(rule('├', '┼', '┤'), line(row));
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}
