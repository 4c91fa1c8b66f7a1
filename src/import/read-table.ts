/**
 * The rows of a spreadsheet export: CSV through csv-parse (RFC 4180, quoted fields with commas and
 * line breaks, a byte order mark, `;` separators as European Excel writes them) and XLSX through
 * exceljs (cells keep their type: a number formatted as a percentage is still 0.08, a date a Date).
 * Every row keeps its number in the source, so that every imported value can say where it came from.
 */
import { importModule } from '../import-module.js';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics.js';

export type Cell = string | number | boolean | Date | undefined;

interface TableRow {
  /** The row's number as the spreadsheet shows it (1 is the first line of the file). */
  row: number;
  cells: Cell[];
}

export interface Table {
  /** The file, as the user named it. */
  file: string;
  /** The sheet of a workbook; absent for CSV. */
  sheet?: string;
  header: string[];
  rows: TableRow[];
}

export class TableError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Where a value came from, as the comment beside it says: `plans.xlsx, sheet Plans, row 12`. */
export function placeOf(table: Pick<Table, 'file' | 'sheet'>, row: number): string {
  const name = path.basename(table.file);
  return table.sheet === undefined ? `${name}, row ${row}` : `${name}, sheet ${table.sheet}, row ${row}`;
}

/** Column letters as spreadsheets show them: 0 is A, 26 is AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export async function readTable(file: string, options: { sheet?: string; headerRow?: number } = {}): Promise<Table> {
  const extension = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TableError({
      file,
      message: code === 'ENOENT' ? 'no such file: check the path of the export' : `cannot read the export (${code ?? String(error)})`,
      source: 'io',
    });
  }
  const headerRow = options.headerRow ?? 1;
  if (extension === '.xlsx') return readWorkbook(file, bytes, options.sheet, headerRow);
  if (extension === '.csv' || extension === '.txt') return readCsv(file, bytes, headerRow);
  throw new TableError({
    file,
    message: `import reads .csv and .xlsx files, not ${extension || 'a file without an extension'}: export the sheet as CSV or save it as .xlsx`,
    source: 'usage',
  });
}

function readCsv(file: string, bytes: Buffer, headerRow: number): Table {
  const text = bytes.toString('utf8');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // European Excel writes `;` between fields (the comma is its decimal mark).
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const { lines } = error as { lines?: number };
    throw new TableError({
      file,
      line: lines,
      column: 1,
      message: `not a readable CSV file: ${(error as Error).message}`,
      source: 'usage',
    });
  }
  // The row number a spreadsheet shows for the record (a quoted line break does not start a row).
  const rows = records.map((record, index) => ({ row: index + 1, cells: record.map((cell) => (cell.trim() === '' ? undefined : cell)) }));
  return tableFrom(file, undefined, rows, headerRow);
}

async function readWorkbook(file: string, bytes: Buffer, sheetName: string | undefined, headerRow: number): Promise<Table> {
  // Through importModule: the bundled CLI runs in vm.Script, where import() is the launcher's.
  const { default: ExcelJS } = await importModule<{ default: typeof import('exceljs') }>('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableError({
      file,
      message: `not a readable XLSX workbook (${(error as Error).message}): save it again as .xlsx, or export the sheet as CSV`,
      source: 'usage',
    });
  }
  const names = workbook.worksheets.map((sheet) => sheet.name);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    throw new TableError({
      file,
      message:
        sheetName === undefined
          ? 'the workbook has no sheet'
          : `has no sheet "${sheetName}": its sheets are ${names.map((name) => `"${name}"`).join(', ')}`,
      source: 'usage',
    });
  }
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    rows.push({ row: number, cells });
  });
  return tableFrom(file, sheet.name, rows, headerRow);
}

/** The value a cell shows: a formula's last result, a rich text's text, a hyperlink's text. */
function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const object = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if ('result' in object) return cellValue(object.result);
    if (object.richText) return cellValue(object.richText.map((part) => part.text).join(''));
    if (object.text !== undefined) return cellValue(object.text);
    if (object.error !== undefined) return object.error;
  }
  return String(value);
}

function tableFrom(file: string, sheet: string | undefined, rows: TableRow[], headerRow: number): Table {
  const headerAt = rows.findIndex((row) => row.row >= headerRow && row.cells.some((cell) => cell !== undefined));
  if (headerAt === -1)
    throw new TableError({ file, message: 'the export is empty: it needs a header row and one row per line', source: 'usage' });
  const header = rows[headerAt]!.cells.map((cell) => (cell === undefined ? '' : String(cell).trim()));
  const body = rows.slice(headerAt + 1).filter((row) => row.cells.some((cell) => cell !== undefined));
  return { file, ...(sheet !== undefined && { sheet }), header, rows: body };
}
