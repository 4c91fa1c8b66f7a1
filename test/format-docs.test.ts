/** docs/format.md is generated from the zod schema and kept in sync with it. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../src/format-docs.js';
import { policyJsonSchema } from '../src/schema.js';
import { ROOT } from './helpers.js';

const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'format.md'), 'utf8');

interface JsonSchema {
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

/** `[key, description]` of every property anywhere in the schema. */
function everyProperty(schema: JsonSchema): [string, string][] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => [
    [key, property.description ?? ''] as [string, string],
    ...everyProperty(property),
    ...(property.items ? everyProperty(property.items) : []),
  ]);
}

describe('docs/format.md', () => {
  it('is what `npm run docs` generates from the schema (run it after changing a schema)', () => {
    expect(DOC).toBe(formatMarkdown());
  });

  it('has a row for every key of the schema, with its description', () => {
    const properties = everyProperty(policyJsonSchema() as JsonSchema);
    const rows = DOC.split('\n').filter((line) => /^\| `[a-z_]+` \|/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(new Set(properties.map(([key]) => key)).size);
    for (const [key, description] of properties) {
      expect(description, key).not.toBe('');
      expect(
        rows.some((row) => row.startsWith(`| \`${key}\` |`) && row.includes(description.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|'))),
        key,
      ).toBe(true);
    }
  });

  it('links every type to a section that exists', () => {
    const anchors = new Set(
      [...DOC.matchAll(/^## (.+)$/gm)].map((match) =>
        match[1]!
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    const links = [...DOC.matchAll(/\]\(#([\w-]+)\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });

  it('cites no document outside the repository', () => {
    expect(DOC).not.toMatch(/DESIGN\.md|seed \d{3}|\.\.\/shared/);
  });
});
