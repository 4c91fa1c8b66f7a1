/**
 * The stylish report draws its counts by rule itself instead of loading cli-table3 on every lint
 * with findings; what it prints must stay byte for byte what cli-table3 prints (cli-table3 still
 * draws the gate, matrix and rules tables).
 */
import colors from '@colors/colors/safe';
import Table from 'cli-table3';
import { beforeAll, describe, expect, it } from 'vitest';
import { boxTable } from '../src/report/box-table.js';

const HEAD = ['rule', 'errors', 'warnings', 'infos'];
const ALIGNS = ['left', 'right', 'right', 'right'] as const;

function drawnByCliTable3(rows: (string | number)[][], color: boolean): string {
  const table = new Table({ head: HEAD, style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] }, colAligns: [...ALIGNS] });
  for (const row of rows) table.push(row);
  return table.toString();
}

const ROW_SETS: Record<string, (string | number)[][]> = {
  'one rule': [['flat-commission', 1, 0, 0]],
  'rule ids shorter than the heading, counts wider than theirs': [['a', 1234567, 0, 98765432]],
  'several rules, a plugin rule among them': [
    ['acme/no-spiff-on-smb', 2, 0, 0],
    ['effort-adjusted-pay', 0, 1, 0],
    ['incentive-after-announcement', 0, 12, 3],
  ],
  'no rows': [],
};

describe('the stylish counts table', () => {
  // cli-table3 styles through @colors/colors, which decides from the environment whether to.
  beforeAll(() => colors.enable());
  for (const [name, rows] of Object.entries(ROW_SETS)) {
    for (const color of [false, true]) {
      it(`${name}, ${color ? 'in color' : 'without color'}: as cli-table3 draws it`, () => {
        expect(boxTable(rows, { head: HEAD, aligns: ALIGNS, color })).toBe(drawnByCliTable3(rows, color));
      });
    }
  }
});
