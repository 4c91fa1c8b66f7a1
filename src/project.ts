/**
 * Where the project lives, read once from package.json so that the version and every link a report
 * prints (SARIF helpUri, the JSON Schema's $id) come from one place.
 */
import fs from 'node:fs';
import { packageFile } from './package-root.js';

const pkg = JSON.parse(fs.readFileSync(packageFile('package.json'), 'utf8')) as { version: string; homepage: string };

export const VERSION = pkg.version;

/** The repository's web page, such as https://github.com/incentive-lint/incentive-lint. */
export const HOMEPAGE = pkg.homepage.replace(/#.*$/, '').replace(/\/+$/, '');

/** The documentation of one built-in rule: its section (an anchor named by its id) in docs/rules.md. */
export function ruleDocsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules.md#${ruleId}`;
}

/** Where editors fetch the published JSON Schema of format v1 (schema/policy.schema.json). */
export const SCHEMA_URL = `${HOMEPAGE.replace('https://github.com/', 'https://raw.githubusercontent.com/')}/main/schema/policy.schema.json`;
