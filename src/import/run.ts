/**
 * `incentive-lint import`: one export (CSV or XLSX) read through a layout, and optionally a mapping,
 * into one policy file. Nothing is written while the export has a problem; an existing output is
 * updated in place when an import wrote it (or replaced with --force), and an input is never written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { writeFileSafely } from '../files/write.js';
import { buildSections, IMPORT_TODO } from './build.js';
import { declaredBeside, freshDocument, headerLayout, isImportOutput, mergeInto, renameHeader, type MergeCount } from './document.js';
import type { LayoutName } from './layouts.js';
import { readMapping, type Mapping } from './mapping.js';
import { readRecords } from './records.js';
import { readTable, TableError } from './read-table.js';

export interface ImportOptions {
  input: string;
  output: string;
  layout?: LayoutName;
  mapping?: string;
  sheet?: string;
  force?: boolean;
  /** The JSON Schema reference for editors, written in the header of a new file. */
  schema?: string;
}

export interface ImportOutcome {
  diagnostics: Diagnostic[];
  /** What was done, for the one line the command prints. */
  summary?: string;
  notes: string[];
}

export async function runImport(options: ImportOptions): Promise<ImportOutcome> {
  const notes: string[] = [];
  let mapping: Mapping | undefined;
  if (options.mapping !== undefined) {
    const read = readMapping(options.mapping);
    if (Array.isArray(read)) return { diagnostics: read, notes };
    mapping = read;
  }
  const layout = options.layout ?? mapping?.layout;
  if (layout === undefined)
    return {
      diagnostics: [
        { message: 'say which layout the export has: --layout plans, roster or okrs (or a mapping file with layout:)', source: 'usage' },
      ],
      notes,
    };
  if (mapping && options.layout && mapping.layout !== options.layout) {
    return {
      diagnostics: [
        {
          file: options.mapping,
          message: `the mapping is for the ${mapping.layout} layout, not ${options.layout}: leave out --layout, or use a mapping for ${options.layout}`,
          source: 'usage',
        },
      ],
      notes,
    };
  }
  const inputs = [options.input, options.mapping].filter((file): file is string => file !== undefined);
  if (inputs.some((file) => sameFile(file, options.output))) {
    return {
      diagnostics: [
        {
          file: options.output,
          message: 'is an input of this import: import never writes over the export or the mapping; choose another --output',
          source: 'usage',
        },
      ],
      notes,
    };
  }

  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(options.input, { sheet: options.sheet ?? mapping?.sheet, headerRow: mapping?.header_row });
  } catch (error) {
    if (error instanceof TableError) return { diagnostics: [error.diagnostic], notes };
    throw error;
  }
  const records = readRecords(table, layout, mapping);
  if (records.ignored.length > 0)
    notes.push(`left out the columns the mapping does not name: ${records.ignored.map((name) => `"${name}"`).join(', ')}`);
  if (records.diagnostics.length > 0) return { diagnostics: records.diagnostics, notes };
  if (records.records.length === 0)
    return {
      diagnostics: [{ file: table.file, message: 'the export has a header but no rows: nothing to import', source: 'usage' }],
      notes,
    };
  const built = buildSections(table, layout, records.records);
  if (built.diagnostics.length > 0) return { diagnostics: built.diagnostics, notes };

  const declared = declaredBeside(path.dirname(path.resolve(options.output)), options.output);
  let existingText: string | undefined;
  try {
    existingText = fs.readFileSync(options.output, 'utf8');
  } catch {
    existingText = undefined;
  }
  if (existingText !== undefined && !options.force) {
    if (!isImportOutput(existingText)) {
      return {
        diagnostics: [
          {
            file: options.output,
            message: 'exists and was not written by import: nothing was written; choose another --output, or --force to replace it',
            source: 'usage',
          },
        ],
        notes,
      };
    }
    const writtenAs = headerLayout(existingText);
    if (writtenAs !== undefined && writtenAs !== layout) {
      return {
        diagnostics: [
          {
            file: options.output,
            line: 1,
            column: 1,
            message: `was imported with the ${writtenAs} layout, not ${layout}: nothing was written; import each layout into a file of its own, or --force to replace it`,
            source: 'usage',
          },
        ],
        notes,
      };
    }
    const existing = parseDocument(existingText);
    if (existing.errors.length > 0) {
      const at = existing.errors[0]!.linePos?.[0];
      return {
        diagnostics: [
          {
            file: options.output,
            line: at?.line,
            column: at?.col,
            message: 'is not valid YAML any more, so the import cannot update it: fix it, or --force to write it again from the export',
            source: 'usage',
          },
        ],
        notes,
      };
    }
    // The declarations and the strategy this file holds itself are merged like every imported item.
    const fresh = freshDocument(table, layout, built, declared, options.schema);
    const count = mergeInto(existing, fresh);
    renameHeader(existing, fresh);
    const text = existing.toString({ lineWidth: 0 });
    if (text === existingText) return { diagnostics: [], summary: `${options.output} is up to date with ${options.input}`, notes };
    const refused = writeFileSafely(options.output, text, 'the imported policy');
    if (refused) return { diagnostics: [refused], notes };
    return { diagnostics: [], summary: `updated ${options.output} from ${options.input}: ${describeCount(count)}`, notes };
  }
  const text = freshDocument(table, layout, built, declared, options.schema).toString({ lineWidth: 0 });
  const refused = writeFileSafely(options.output, text, 'the imported policy');
  if (refused) return { diagnostics: [refused], notes };
  const todos = text.split('\n').filter((line) => line.trimStart().startsWith(`# ${IMPORT_TODO}`)).length;
  return {
    diagnostics: [],
    summary: `wrote ${options.output} from ${records.records.length} row${records.records.length === 1 ? '' : 's'} of ${options.input}${todos > 0 ? `; ${todos} TODO${todos === 1 ? '' : 's'} to answer (lint lists them)` : ''}`,
    notes,
  };
}

function describeCount(count: MergeCount): string {
  return `${count.changed} value${count.changed === 1 ? '' : 's'} changed, ${count.added} added, ${count.removed} removed`;
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
