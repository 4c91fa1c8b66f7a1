/** How each kind of field reads a cell, and what to write instead when it cannot. */
import type { Cell } from './read-table.js';
import type { FieldKind } from './layouts.js';
import { plainNumber, readNumberText } from './numbers.js';
import { PERIODS } from '../payout/schema.js';

export type Value = string | number | boolean;
export type Read = { value: Value; original?: string } | { error: string };

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toKebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function readCell(kind: FieldKind, cell: Exclude<Cell, undefined>, decimal: '.' | ',' | undefined): Read {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
  switch (kind) {
    case 'id': {
      if (KEBAB_ID.test(text)) return { value: text };
      const id = toKebab(text);
      return id === ''
        ? {
            error: `"${text}" has no letters or digits to make an id of: write an id such as sales, or map the value in the mapping file (values:)`,
          }
        : { value: id, original: text };
    }
    case 'text':
      return { value: text };
    case 'amount': {
      const number = typeof cell === 'number' ? cell : readNumberText(text, decimal ?? 'auto');
      if (number === undefined || typeof number === 'boolean' || cell instanceof Date)
        return { error: `"${text}" is not an amount: write a number such as 180000` };
      const value = typeof number === 'number' ? number : number.value;
      if (typeof number !== 'number' && number.percent)
        return { error: `"${text}" is a percentage, not an amount: write an amount such as 180000` };
      if (!(value > 0)) return { error: `${text} is not greater than 0: write the amount, such as 180000` };
      return { value };
    }
    case 'fraction':
    case 'ratio': {
      const max = kind === 'fraction' ? 1 : 10;
      const number = typeof cell === 'number' ? { value: cell, percent: false } : readNumberText(text, decimal ?? 'auto');
      if (number === undefined || cell instanceof Date || typeof cell === 'boolean')
        return {
          error: `"${text}" is not a ${kind === 'fraction' ? 'share' : 'ratio'}: write a percentage such as 8% or a fraction such as 0.08`,
        };
      if (number.value < 0) return { error: `${text} is negative: write 0 or more` };
      if (number.value > max) {
        return !number.percent && number.value <= 100
          ? {
              error: `${text} reads as ${plainNumber(number.value * 100)}%: if you meant ${text}%, write ${text}% or ${plainNumber(number.value / 100)}`,
            }
          : {
              error: `${text} is above ${max * 100}%: write ${kind === 'fraction' ? 'a share between 0% and 100%' : 'a ratio up to 1000%'}`,
            };
      }
      return { value: number.value };
    }
    case 'date': {
      if (ISO_DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return { value: text };
      return { error: `"${text}" is not a date: write it YYYY-MM-DD, such as 2026-01-01 (or format the cells as dates)` };
    }
    case 'quarter': {
      // An OKR tool's export gives the cycle's start date: 2026-07-01 is in 2026-Q3.
      const date = cell instanceof Date ? cell.toISOString().slice(0, 10) : ISO_DATE.test(text) ? text : undefined;
      if (date !== undefined && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
        return { value: `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}` };
      const match = /^(?:FY)?(\d{4})\s*[-/ ]?\s*Q([1-4])$/i.exec(text) ?? /^Q([1-4])\s*[-/ ]?\s*(?:FY)?(\d{4})$/i.exec(text);
      if (!match) return { error: `"${text}" is not a quarter: write it such as 2026-Q3` };
      const [year, quarter] = /^Q/i.test(text) ? [match[2]!, match[1]!] : [match[1]!, match[2]!];
      return { value: `${year}-Q${quarter}` };
    }
    case 'period': {
      const period =
        {
          monthly: 'month',
          quarterly: 'quarter',
          annual: 'year',
          annually: 'year',
          yearly: 'year',
          'semi-annual': 'half',
          halfyear: 'half',
        }[text.toLowerCase()] ?? text.toLowerCase();
      return (PERIODS as readonly string[]).includes(period)
        ? { value: period }
        : { error: `"${text}" is not a period: write month, quarter, half or year` };
    }
    case 'count': {
      const number = typeof cell === 'number' ? cell : Number(text);
      return Number.isInteger(number) && number > 0
        ? { value: number }
        : { error: `"${text}" is not a whole number greater than 0: write a count such as 4` };
    }
    case 'component': {
      const component = text.toLowerCase();
      return ['commission', 'bonus', 'quota'].includes(component)
        ? { value: component }
        : { error: `"${text}" is not a component: write commission, bonus or quota` };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (['true', 'yes', 'y', '1', 'x'].includes(lower)) return { value: true };
      if (['false', 'no', 'n', '0'].includes(lower)) return { value: false };
      return { error: `"${text}" is not yes or no: write true or false` };
    }
  }
}

/** The first day of a quarter written 2026-Q3. */
export function quarterStart(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `${year}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`;
}
