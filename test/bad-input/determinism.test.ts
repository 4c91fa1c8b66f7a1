/**
 * Determinism: the order files are given in, or created in, never changes the report; reordering the
 * items of a list section changes nothing but the positions, which follow the moved lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../src/index.js';
import { LIST_SECTIONS } from '../../src/schema.js';
import { EXAMPLES } from '../helpers.js';
import { expectNoStackTrace, folderWith, runCliAsync } from './harness.js';

const EXAMPLE_FILES = fs
  .readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const exampleText = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

/** Top-level sections of an example: `[key, text]` in file order (comments before `version` dropped). */
function topLevelSections(text: string): Array<[string, string]> {
  const sections: Array<[string, string[]]> = [];
  for (const line of text.split('\n')) {
    const key = /^([a-z_]+):/.exec(line)?.[1];
    if (key) sections.push([key, [line]]);
    else sections.at(-1)?.[1].push(line);
  }
  return sections.map(([key, lines]) => [key, lines.join('\n')]);
}

/** enterprise-first.yaml as three policy files: strategy, people and metrics, instruments. */
function splitPolicy(): Record<string, string> {
  const sections = topLevelSections(exampleText('enterprise-first.yaml'));
  const pick = (...keys: string[]) => ['version: 1', ...sections.filter(([key]) => keys.includes(key)).map(([, text]) => text)].join('\n');
  return {
    'a-strategy.yaml': pick('organization', 'strategy', 'segments'),
    'b-people.yaml': pick('teams', 'metrics'),
    'c-instruments.yaml': pick('compensation', 'okrs', 'promotions', 'recognition', 'waivers'),
  };
}

describe('file order', () => {
  it('the same policy, its files named in any order or found in a folder, gives byte-identical output', async () => {
    const files = splitPolicy();
    const names = Object.keys(files);
    const dir = folderWith(Object.fromEntries(names.map((name) => [`policy/${name}`, files[name]!])));
    const orders = [names, [...names].reverse(), [names[1]!, names[2]!, names[0]!]].map((order) => order.map((name) => `policy/${name}`));
    for (const format of ['json', 'stylish']) {
      const runs = await Promise.all(
        [...orders, ['policy']].map((args) => runCliAsync([...args, '--format', format, '--today', '2026-06-01'], { cwd: dir })),
      );
      for (const run of runs) expectNoStackTrace(run.stderr);
      expect(runs[0]!.code).toBe(1);
      expect(runs[0]!.stdout.length).toBeGreaterThan(100);
      for (const run of runs.slice(1)) {
        expect(run.code).toBe(runs[0]!.code);
        expect(run.stdout).toBe(runs[0]!.stdout);
      }
    }
  });

  it('files created in a different order (folder listing order) give the same output', async () => {
    const files = splitPolicy();
    const forward = folderWith(files);
    const backward = folderWith(Object.fromEntries(Object.entries(files).reverse()));
    const [a, b] = await Promise.all(
      [forward, backward].map((cwd) => runCliAsync(['.', '--format', 'json', '--today', '2026-06-01'], { cwd })),
    );
    expect(a!.code).toBe(1);
    expect(b!.stdout).toBe(a!.stdout);
  });
});

/**
 * Reverses the items of every top-level list section, and of the lists inside its items (commission
 * lines, key results, awards, …), moving each item with its lines and comments. Returns the new
 * text and where each old line (1-based) went.
 */
function reverseListSections(text: string): { text: string; newLineOf: number[] } {
  const lines = text.split('\n');
  const indent = (n: number) => /^ */.exec(lines[n]!)![0].length;
  const isBlank = (n: number) => /^\s*(#.*)?$/.test(lines[n]!);

  /** The old line indices of lines[from, to), with every block list in that range reversed. */
  const reorder = (from: number, to: number, topLevel: boolean): number[] => {
    const order: number[] = [];
    let i = from;
    while (i < to) {
      order.push(i);
      const key = /^\s*(?:- )?([a-z_]+):\s*(#.*)?$/.exec(lines[i]!)?.[1];
      const opensList = key !== undefined && (!topLevel || (LIST_SECTIONS as readonly string[]).includes(key));
      i++;
      if (!opensList) continue;
      let first = i;
      while (first < to && isBlank(first)) first++;
      if (first >= to || !/^\s*- /.test(lines[first]!)) continue;
      const itemIndent = indent(first);
      let end = first;
      while (end < to && (isBlank(end) || indent(end) > itemIndent || (indent(end) === itemIndent && /^\s*- /.test(lines[end]!)))) end++;
      for (let n = i; n < first; n++) order.push(n);
      const starts: number[] = [];
      for (let n = first; n < end; n++) if (indent(n) === itemIndent && /^\s*- /.test(lines[n]!)) starts.push(n);
      const blocks = starts.map((start, b) => [start, ...reorder(start + 1, starts[b + 1] ?? end, false)]);
      for (const block of blocks.reverse()) order.push(...block);
      i = end;
    }
    return order;
  };

  const order = reorder(0, lines.length, true);
  const newLineOf: number[] = [];
  order.forEach((oldIndex, newIndex) => {
    newLineOf[oldIndex + 1] = newIndex + 1;
  });
  return { text: order.map((oldIndex) => lines[oldIndex]).join('\n'), newLineOf };
}

/**
 * What a finding says, with where it starts. (Its end is left out: a finding about a whole section
 * ends where the section ends, whichever item is last.)
 */
const describeFinding = (finding: Finding, line = finding.line) =>
  JSON.stringify([finding.rule, finding.instrument ?? null, finding.message, finding.fix, line, finding.column]);

describe('list items reordered', () => {
  for (const name of EXAMPLE_FILES) {
    it(`examples/${name}: the same findings, at the lines the items moved to (nested lists reversed too)`, async () => {
      const original = exampleText(name);
      const { text: reordered, newLineOf } = reverseListSections(original);
      expect(reordered).not.toBe(original);
      expect(reordered.split('\n').sort()).toEqual(original.split('\n').sort());

      const dir = folderWith({ 'original.yaml': original, 'reordered.yaml': reordered });
      const [before, after] = await Promise.all(
        ['original.yaml', 'reordered.yaml'].map((file) => lint([file], { cwd: dir, today: '2026-06-01' })),
      );
      expect(before!.diagnostics).toEqual([]);
      expect(after!.diagnostics).toEqual([]);
      // Where the example has findings, some of them sit in items that moved: the test compares positions.
      if (before!.findings.length > 0) expect(before!.findings.some((finding) => newLineOf[finding.line] !== finding.line)).toBe(true);
      const moved = before!.findings.map((finding) => describeFinding(finding, newLineOf[finding.line])).sort();
      expect(after!.findings.map((finding) => describeFinding(finding)).sort()).toEqual(moved);
    });
  }
});
