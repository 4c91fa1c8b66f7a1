/** The plugin API (src/api.ts) is what the README's "The plugin API" lists, value for value, and what the built-in rules use. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/api.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('#### The plugin API'), README.indexOf('#### Testing a rule'));

/** The names in the Exports column of the section's table. */
function listedValues(): string[] {
  const rows = SECTION.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Group') && !line.startsWith('| ---'));
  return rows.flatMap((row) => [...row.split('|')[2]!.matchAll(/`([A-Za-z_][\w]*)`/g)].map((match) => match[1]!)).sort();
}

describe('the plugin API', () => {
  it('is listed in the README, every value and nothing else', () => {
    expect(SECTION.length).toBeGreaterThan(0);
    expect(listedValues()).toEqual(Object.keys(api).sort());
  });

  it('holds no value the built-in rules leave unused', () => {
    const ruleFiles = fs
      .readdirSync(path.join(ROOT, 'rules'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => fs.readFileSync(path.join(ROOT, 'rules', file), 'utf8'))
      .join('\n');
    const imported = new Set(
      [...ruleFiles.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(?:\.\.\/)+src\/api\.js'/g)].flatMap((match) =>
        match[1]!.split(',').map(
          (name) =>
            name
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0]!,
        ),
      ),
    );
    expect(Object.keys(api).filter((name) => !imported.has(name))).toEqual([]);
  });
});
