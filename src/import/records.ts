/**
 * From a table to records: each row's cells read as the fields of a layout, through the mapping's
 * columns, values and defaults. Every problem names the file, sheet, row and column, and says what
 * to write instead; nothing is written while any remains.
 */
import type { Diagnostic } from '../diagnostics.js';
import { closest } from '../diagnostics.js';
import { readCell, type Value } from './cells.js';
import { fieldForHeader, LAYOUTS, normalizeHeader, type Field, type LayoutName } from './layouts.js';
import type { Mapping } from './mapping.js';
import { columnLetter, type Table } from './read-table.js';

export interface Sourced {
  value: Value;
  row: number;
  /** The cell's text when the value written differs from it (an id made of "Enterprise Sales"). */
  original?: string;
}

export interface ImportRecord {
  row: number;
  fields: Map<string, Sourced>;
}

export interface Records {
  records: ImportRecord[];
  diagnostics: Diagnostic[];
  /** Columns the mapping does not name, left out. */
  ignored: string[];
}

export function readRecords(table: Table, layout: LayoutName, mapping: Mapping | undefined): Records {
  const diagnostics: Diagnostic[] = [];
  const where = (row: number, column?: number): Diagnostic => ({
    file: table.file,
    line: row,
    ...(column !== undefined && { column: column + 1 }),
    message: '',
    source: 'usage',
  });
  const sheet = table.sheet === undefined ? '' : `sheet ${table.sheet}, `;
  const fields = LAYOUTS[layout];
  const byName = new Map(fields.map((field) => [field.name, field]));
  const columns: (Field | undefined)[] = [];
  const ignored: string[] = [];
  const mappedHeaders = new Map(Object.entries(mapping?.columns ?? {}).map(([header, field]) => [normalizeHeader(header), field]));
  table.header.forEach((header, index) => {
    if (header === '') return;
    const mapped = mappedHeaders.get(normalizeHeader(header));
    const field = mapped !== undefined ? byName.get(mapped) : mapping ? undefined : fieldForHeader(layout, header);
    if (field) {
      if (columns.includes(field))
        diagnostics.push({
          ...where(1, index),
          message: `${sheet}column ${columnLetter(index)} ("${header}") is ${field.name} again: keep one column for it, or map one of them to another field`,
        });
      columns[index] = field;
    } else if (mapping) {
      ignored.push(header);
    } else {
      const names = fields.flatMap((candidate) => [candidate.name, ...(candidate.aliases ?? [])]);
      const near = closest(normalizeHeader(header), names.map(normalizeHeader));
      diagnostics.push({
        ...where(1, index),
        message: `${sheet}column ${columnLetter(index)} ("${header}") is not a column of the ${layout} layout${near ? `; did you mean "${near}"?` : ''}: rename it, or read the export with a mapping file (--mapping) that names the columns to use`,
      });
    }
  });
  for (const [header, field] of Object.entries(mapping?.columns ?? {})) {
    if (!table.header.some((name) => normalizeHeader(name) === normalizeHeader(header))) {
      diagnostics.push({
        ...where(1),
        message: `${sheet}the mapping names a column "${header}" (for ${field}) that the export does not have; its columns are ${table.header
          .filter(Boolean)
          .map((name) => `"${name}"`)
          .join(', ')}`,
      });
    }
  }
  for (const field of fields) {
    if (field.required && !columns.includes(field) && mapping?.defaults[field.name] === undefined) {
      diagnostics.push({
        ...where(1),
        message: `${sheet}the export has no ${field.name} column (${field.help}): add one${mapping ? ', or name it under columns: in the mapping' : `, or name the column that holds it with a mapping file`}`,
      });
    }
  }
  if (diagnostics.length > 0) return { records: [], diagnostics, ignored };

  const values = new Map(
    Object.entries(mapping?.values ?? {}).map(([field, map]) => [
      field,
      new Map(Object.entries(map).map(([from, to]) => [from.trim().toLowerCase(), to])),
    ]),
  );
  const records: ImportRecord[] = [];
  for (const { row, cells } of table.rows) {
    const record = new Map<string, Sourced>();
    columns.forEach((field, index) => {
      if (!field) return;
      let cell = cells[index];
      if (cell === undefined) return;
      const mapped = typeof cell === 'string' ? values.get(field.name)?.get(cell.trim().toLowerCase()) : undefined;
      if (mapped !== undefined) cell = mapped;
      const read = readCell(field.kind, cell, mapping?.decimal);
      if ('error' in read) {
        diagnostics.push({
          ...where(row, index),
          message: `${sheet}row ${row}, column ${columnLetter(index)} (${field.name}): ${read.error}`,
        });
        return;
      }
      record.set(field.name, { value: read.value, row, ...(read.original !== undefined && { original: read.original }) });
    });
    for (const [name, value] of Object.entries(mapping?.defaults ?? {})) {
      if (record.has(name)) continue;
      const read = readCell(byName.get(name)!.kind, value, mapping?.decimal);
      if ('error' in read) diagnostics.push({ ...where(row), message: `the mapping's default for ${name}: ${read.error}` });
      else record.set(name, { value: read.value, row });
    }
    for (const field of fields) {
      if (field.required && !record.has(field.name))
        diagnostics.push({ ...where(row), message: `${sheet}row ${row}: the ${field.name} cell is empty: write ${field.help}` });
    }
    records.push({ row, fields: record });
  }
  return { records, diagnostics, ignored };
}
