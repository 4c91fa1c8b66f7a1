/**
 * A mapping file says how to read one tool's export without editing it: which column is which field
 * of a layout, which cell values stand for which ids, and defaults for what the export leaves out.
 *
 *   layout: roster
 *   sheet: Quota Attainment        # XLSX: the sheet to read (default: the first)
 *   header_row: 1                  # the row holding the column names (default: the first non-empty)
 *   decimal: "."                   # the decimal mark of text cells: "." or "," (default: recognized)
 *   columns: { Employee Name: person, Sales Team: team, Annual OTE: ote }
 *   values:  { team: { Enterprise Sales: sales } }
 *   defaults: { team: sales }
 */
import fs from 'node:fs';
import * as z from 'zod';
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { LAYOUT_NAMES, LAYOUTS, type LayoutName } from './layouts.js';

const MappingSchema = z.strictObject({
  layout: z.enum(LAYOUT_NAMES as [LayoutName, ...LayoutName[]], { error: `layout is one of ${LAYOUT_NAMES.join(', ')}` }),
  sheet: z.string().optional(),
  header_row: z.number().int().positive().optional(),
  decimal: z.enum(['.', ','], { error: 'decimal is "." or ","' }).optional(),
  columns: z.record(z.string(), z.string()).default({}),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  defaults: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  description: z.string().optional(),
});

export type Mapping = z.output<typeof MappingSchema>;

export function readMapping(file: string): Mapping | Diagnostic[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [{ file, message: 'cannot read the mapping file: check its path', source: 'usage' }];
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    return [{ file, line: error.linePos?.[0]?.line, column: error.linePos?.[0]?.col, message: `not valid YAML: ${error.message.split('\n')[0]}`, source: 'yaml' }];
  }
  const parsed = MappingSchema.safeParse(document.toJS());
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ file, message: `${issue.path.join('.') || 'the mapping'}: ${issue.message}`, source: 'usage' as const }));
  }
  const mapping = parsed.data;
  const fields = new Set(LAYOUTS[mapping.layout].map((field) => field.name));
  const problems: Diagnostic[] = [];
  const check = (where: string, name: string) => {
    if (!fields.has(name)) problems.push({ file, message: `${where}: "${name}" is not a field of the ${mapping.layout} layout; its fields are ${[...fields].join(', ')}`, source: 'usage' });
  };
  for (const [column, field] of Object.entries(mapping.columns)) check(`columns."${column}"`, field);
  for (const field of Object.keys(mapping.values)) check('values', field);
  for (const field of Object.keys(mapping.defaults)) check('defaults', field);
  return problems.length > 0 ? problems : mapping;
}
