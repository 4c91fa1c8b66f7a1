/**
 * ajv (JSON Schema draft-07) with the string formats the published schemas use, checked for real
 * rather than ignored: SARIF's uri, uri-reference and date-time, the policy schema's date.
 */
import { Ajv } from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

const SARIF_SCHEMA = path.join('shared', 'schemas', 'sarif-schema-2.1.0.json');

/**
 * The published SARIF 2.1.0 schema, in the shared/ folder that sits beside this repository, or
 * beside the folder that holds it (a git worktree of the repository one level down).
 */
export const SARIF_SCHEMA_PATH =
  [path.resolve(ROOT, '..'), path.resolve(ROOT, '..', '..')]
    .map((folder) => path.join(folder, SARIF_SCHEMA))
    .find((file) => fs.existsSync(file)) ?? path.resolve(ROOT, '..', SARIF_SCHEMA);

/**
 * unicodeRegExp is off because the SARIF schema's `run.language` pattern is not a valid
 * Unicode-mode regular expression; the policy schema has no pattern that needs it.
 */
export function createAjv() {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => !/[\s\\]/.test(value) && URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('date', (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)));
  return ajv;
}

export function compileFile(path: string) {
  return createAjv().compile(JSON.parse(fs.readFileSync(path, 'utf8')) as object);
}
