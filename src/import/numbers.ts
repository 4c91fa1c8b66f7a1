/**
 * Numbers as spreadsheets and people write them: thousands separators (1,300,000 and 1.300.000),
 * decimal commas (1,5), currency signs and codes ($260,000, €45.000, 260000 USD), suffixes (260k,
 * 1.2M), percentages (8%). `import` reads cells with it, and the loader uses it to say what a pasted
 * value should have been. One separator followed by exactly three digits is a thousands separator
 * (140,000 and 45.000); followed by one, two or four digits, a decimal mark (1,5).
 */

export interface ReadNumber {
  /** The number the text stands for. */
  value: number;
  /** The text was a percentage: value is already divided by 100. */
  percent: boolean;
  /** What was recognized, for messages: "thousands separators", "a currency sign", ... */
  notes: string[];
}

const CURRENCY_SIGNS = /^[$\u20ac\u00a3\u00a5\u20b9]|[$\u20ac\u00a3\u00a5\u20b9]$/u;
const CURRENCY_CODE = /^(?:[A-Z]{3})\s+|\s+(?:[A-Z]{3})$/;
const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, bn: 1e9, b: 1e9 };

/** Reads `text` as a number, or returns undefined when it is not one in any of the ways above. */
export function readNumberText(text: string, decimal: '.' | ',' | 'auto' = 'auto'): ReadNumber | undefined {
  let rest = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  const notes: string[] = [];
  if (rest === '') return undefined;
  let sign = 1;
  if (/^\(.*\)$/.test(rest)) {
    sign = -1; // accountants' (1,200) is negative
    rest = rest.slice(1, -1).trim();
  }
  if (rest.startsWith('-')) {
    sign = -sign;
    rest = rest.slice(1).trim();
  }
  if (CURRENCY_SIGNS.test(rest)) {
    notes.push('a currency sign');
    rest = rest.replace(CURRENCY_SIGNS, '').trim();
  } else if (CURRENCY_CODE.test(rest)) {
    notes.push('a currency code');
    rest = rest.replace(CURRENCY_CODE, '').trim();
  }
  if (rest.startsWith('-')) {
    sign = -sign;
    rest = rest.slice(1).trim();
  }
  let percent = false;
  if (rest.endsWith('%')) {
    percent = true;
    rest = rest.slice(0, -1).trim();
  }
  let scale = 1;
  const suffix = /^(.*\d)\s*(k|mm|m|bn|b)$/i.exec(rest);
  if (suffix && !percent) {
    scale = SUFFIXES[suffix[2]!.toLowerCase()]!;
    notes.push(`the suffix ${suffix[2]}`);
    rest = suffix[1]!;
  }
  const digits = readDigits(rest, decimal, notes.length > 0 && notes[0]!.startsWith('a currency'));
  if (!digits) return undefined;
  notes.push(...digits.notes);
  const value = sign * digits.value * scale;
  return { value: percent ? value / 100 : roundFloat(value), percent, notes };
}

function readDigits(text: string, decimal: '.' | ',' | 'auto', money: boolean): { value: number; notes: string[] } | undefined {
  const compact = text.replace(/(?<=\d)[ '\u2019](?=\d{3}(?:\D|$))/g, '');
  const spaced = compact !== text;
  if (!/^(?:\d+(?:[.,]\d+)*|[.,]\d+)$/.test(compact)) return undefined;
  const notes = spaced ? ['spaces between thousands'] : [];
  const commas = (compact.match(/,/g) ?? []).length;
  const dots = (compact.match(/\./g) ?? []).length;
  let thousands: string | undefined;
  let mark: string | undefined;
  if (commas > 0 && dots > 0) {
    // Both: the last one is the decimal mark (1,300.50 and 1.300,50).
    mark = compact.lastIndexOf(',') > compact.lastIndexOf('.') ? ',' : '.';
    thousands = mark === ',' ? '.' : ',';
  } else if (commas + dots > 1) {
    const used = commas > 0 ? ',' : '.';
    thousands = used; // 1,300,000 and 1.300.000
  } else if (commas + dots === 1) {
    const used = commas > 0 ? ',' : '.';
    const after = compact.length - compact.indexOf(used) - 1;
    if (decimal !== 'auto') mark = used === decimal ? used : undefined;
    if (decimal !== 'auto' && mark === undefined) thousands = used;
    else if (decimal === 'auto') {
      if (used === '.' && after !== 3) mark = '.';
      // 1.300 is one point three, but nobody writes money to the tenth of a cent: €45.000 is 45000.
      else if (used === '.' && after === 3) money ? (thousands = '.') : (mark = '.');
      else if (after === 3 && compact.indexOf(used) > 0) thousands = ',';
      else mark = ',';
    }
  }
  if (thousands) {
    const groups = compact.split(mark ?? '\u0000')[0]!.split(thousands);
    if (groups.slice(1).some((group) => group.length !== 3) || groups[0]!.length === 0 || groups[0]!.length > 3) return undefined;
    notes.push('thousands separators');
  }
  let normalized = compact;
  if (thousands) normalized = normalized.split(thousands).join('');
  if (mark === ',') {
    normalized = normalized.replace(',', '.');
    notes.push('a decimal comma');
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? { value, notes } : undefined;
}

/** 0.1 * 3 is 0.30000000000000004: values written back are rounded to 10 significant decimals. */
function roundFloat(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

/** A number as YAML shows it, without exponent or float noise. */
export function plainNumber(value: number): string {
  return String(roundFloat(value));
}
