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
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
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
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    return [
      {
        file,
        line: error.linePos?.[0]?.line,
        column: error.linePos?.[0]?.col,
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
        source: 'yaml',
      },
    ];
  }
  const parsed = MappingSchema.safeParse(document.toJS());
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      // The deepest node of the path that is in the file: where the wrong value stands.
      let node: unknown;
      for (let depth = issue.path.length; depth >= 0 && !isNode(node); depth--)
        node = document.getIn(issue.path.slice(0, depth) as (string | number)[], true);
      if (issue.code === 'unrecognized_keys' && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === issue.keys[0]);
        if (pair && isNode(pair.key)) node = pair.key;
      }
      const at = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : undefined;
      return {
        file,
        line: at?.line,
        column: at?.col,
        message: `${issue.path.join('.') || 'the mapping'}: ${mappingMessage(issue)}`,
        source: 'usage' as const,
      };
    });
  }
  const mapping = parsed.data;
  const fields = new Set(LAYOUTS[mapping.layout].map((field) => field.name));
  const problems: Diagnostic[] = [];
  const check = (where: string, name: string) => {
    if (!fields.has(name))
      problems.push({
        file,
        message: `${where}: "${name}" is not a field of the ${mapping.layout} layout; its fields are ${[...fields].join(', ')}`,
        source: 'usage',
      });
  };
  for (const [column, field] of Object.entries(mapping.columns)) check(`columns."${column}"`, field);
  for (const field of Object.keys(mapping.values)) check('values', field);
  for (const field of Object.keys(mapping.defaults)) check('defaults', field);
  return problems.length > 0 ? problems : mapping;
}

/** zod's words for the shapes a mapping file has, in the file's own terms. */
function mappingMessage(issue: z.core.$ZodIssue): string {
  const where = issue.path[0];
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    if (where === 'columns') return 'columns is a mapping of column name to field, such as columns: { Quota Owner: person }';
    if (where === 'values')
      return 'values is a mapping of field to { cell value: id }, such as values: { team: { Enterprise Sales: sales } }';
    if (where === 'defaults') return 'defaults is a mapping of field to a value, such as defaults: { period: year }';
  }
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}: a mapping file has layout, sheet, header_row, decimal, columns, values, defaults and description`;
  return issue.message;
}
