/**
 * The fast loader (js-yaml, positions on demand) must be indistinguishable from the exact one: the
 * same values, the same position for every node, the same findings, and the exact path's messages
 * for anything it does not read itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePolicy, VIOLATIONS, writePolicy } from '../bench/generate.js';
import { lint, type LintResult } from '../src/index.js';
import { parseFast } from '../src/load/fast/index.js';
import { parseYaml } from '../src/load/parse.js';
import type { PathSegment, PolicySource } from '../src/load/source.js';
import { EXAMPLES, tempDir } from './helpers.js';

const exampleFiles = fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));

/** Every path to a value of `value`, and to each key of every mapping. */
function allPaths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const paths: PathSegment[][] = [prefix];
  if (Array.isArray(value)) for (const [index, item] of value.entries()) paths.push(...allPaths(item, [...prefix, index]));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...allPaths(item, [...prefix, key]));
  }
  return paths;
}

function expectSamePositions(file: string, text: string): number {
  const exact = parseYaml(file, text);
  const fast = parseFast(file, text);
  expect(exact.diagnostics).toEqual([]);
  expect(fast, `${file} takes the fast path`).toBeDefined();
  expect(fast!.values).toEqual(exact.values);
  let compared = 0;
  exact.documents.forEach((document, index) => {
    const other: PolicySource = fast!.documents[index]!;
    for (const nodePath of allPaths(exact.values[index])) {
      expect(other.locate(nodePath), `${file} ${JSON.stringify(nodePath)}`).toEqual(document.locate(nodePath));
      compared++;
    }
  });
  return compared;
}

const visible = (result: LintResult) =>
  result.findings.map(({ rule, severity, message, fix, file, line, column, endLine, endColumn, path: nodePath }) => ({
    rule,
    severity,
    message,
    fix,
    file,
    line,
    column,
    endLine,
    endColumn,
    path: nodePath,
  }));

describe('fast loader', () => {
  it.each(exampleFiles)('locates every node of examples/%s exactly where the exact loader does', (name) => {
    expect(expectSamePositions(`examples/${name}`, fs.readFileSync(path.join(EXAMPLES, name), 'utf8'))).toBeGreaterThan(100);
  });

  it('locates every node of a generated policy, one file and split over many, exactly', () => {
    for (const files of [1, 12]) {
      for (const [name, text] of generatePolicy({ plans: 120, files, seed: 7, violationShare: 0.2 })) {
        expectSamePositions(name, text);
      }
    }
  });

  it('locates nodes of multi-document files, comments between items, and items at the key indentation', () => {
    const text = [
      'version: 1',
      'strategy:',
      '  priorities:',
      '    - id: growth',
      '      favor: { segments: [enterprise] }   # trailing comment',
      '# a comment at column 1',
      'teams:',
      '- id: sales',
      '  kind: revenue',
      '',
      '  # between items',
      '- { id: cs, hands_off_to: [sales] }',
      '---',
      'metrics:',
      '  - id: "quoted-id"',
      "    name: 'single'",
      '    description: |',
      '      - not an item',
      '      second line',
      '  - id: plain',
      '    name: a',
      '      multi-line plain scalar',
      '...',
      '---',
      'compensation: []',
      'okrs:',
      '  - id: eng',
      '    key_results:',
      '      - metric: velocity',
      '        target: "+20%"',
      '',
    ].join('\n');
    expect(expectSamePositions('multi.yaml', text)).toBeGreaterThan(20);
  });

  it('locates nodes of one-line flow items, scalars after a key and block lists without re-reading them, exactly', () => {
    const lines = [
      'version: 1',
      'compensation:',
      '  - id: plain-first-key',
      '    team: sales',
      '    commission:',
      '      - { metric: new-arr, segment: enterprise, rate: "3%" }',
      '      - {metric: a, rate: 0.1,}',
      "      - { text: \"a, b: {c} # not a comment\", other: 'it''s, [x]' }",
      '      - { metric: b }   # a trailing comment',
      '      # a comment line between items',
      '      - { metric: c, shared_with: [sales, "cs, ops", \'x\'], none: [], tilde: ~ }',
      '      - { metric: d, nested: { deeper: 1 } }',
      '      - { metric: e,',
      '          rate: 0.2 }',
      '      - { metric: f , rate :  0.3 }',
      '      - { metric: "🚀 launch", n: -5, t: x:y }',
      '    bonus:',
      '      - { metric: g, weight: 1 }',
      '    # the last line of the list is a comment',
      '    clawback: { months: 3 }',
      '    deferral: { months: 3 }  # comment',
      '    rationale: Pays for revenue that stays.',
      '  - id: "quoted first key"',
      '    team  : spaced',
      '    name: ends with a no-break space\u00a0',
      "    kind: 'single'  ",
      '    note: a # comment after a plain scalar',
      '    tab:\tafter the colon',
      '    empty:',
      '    folded: >-',
      '      two',
      '      lines',
      '  - id: multi-line plain',
      '      scalar continued',
      '    team: x',
      '  - id: last-item',
      '    commission:',
      '      - metric: block-item',
      '        rate: 0.1',
      '      - { metric: flow-after-block }',
      '',
      '',
      'okrs:',
      '  - { id: flow-okr, team: a, key_results: [{ metric: m }] }',
      '  - id: okr-2',
      '    key_results:',
      '      - { metric: m, target: "+5%" }',
      '',
    ];
    for (const newline of ['\n', '\r\n']) {
      const text = lines.join(newline);
      expect(expectSamePositions(`flow${newline.length}.yaml`, text)).toBeGreaterThan(80);
    }
  });

  it('locates random one-line flow items and key scalars exactly, or leaves them to the exact parser', () => {
    const char = fc.constantFrom('a', 'b', 'Z', '1', ' ', '-', ',', ':', '#', '{', '}', '[', ']', "'", '"', '%', '.', 'é', '🚀');
    const raw = fc.array(char, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));
    const scalar = fc.oneof(
      raw,
      raw.map((text) => JSON.stringify(text)),
      raw.map((text) => `'${text.replaceAll("'", "''")}'`),
    );
    const value = fc.oneof(
      scalar,
      fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    );
    const entries = fc.uniqueArray(fc.tuple(fc.constantFrom('metric', 'rate', 'segment', 'x', 'note'), value), {
      minLength: 1,
      maxLength: 4,
      selector: ([key]) => key,
    });
    const tail = fc.constantFrom('', '  ', ' # c', '\n    # comment line');
    let compared = 0;
    fc.assert(
      fc.property(entries, scalar, tail, (pairs, first, after) => {
        const flow = `{ ${pairs.map(([key, item]) => `${key}: ${item}`).join(', ')} }`;
        const text = [
          'version: 1',
          'compensation:',
          `  - id: ${first}`,
          `    team: ${first}${after}`,
          '    commission:',
          `      - ${flow}${after}`,
          `      - ${flow}`,
          `    clawback: ${flow}`,
          '',
        ].join('\n');
        const exact = parseYaml('random.yaml', text);
        const fast = parseFast('random.yaml', text);
        // Values are another test's business (js-yaml reads `[:]` differently); here: positions.
        if (exact.diagnostics.length > 0 || !fast || !isDeepStrictEqual(fast.values, exact.values)) return;
        compared += expectSamePositions('random.yaml', text);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it.each([
    ['an anchor and alias', 'version: 1\nteams:\n  - &t { id: sales }\nsegments:\n  - *t\n'],
    ['a tag', 'version: 1\norganization: !!str Acme\n'],
    ['a custom tag', 'version: 1\norganization: !secret x\n'],
    ['a merge key', 'version: 1\nteams:\n  - <<: { id: a }\n'],
    ['a duplicate key', 'version: 1\nversion: 1\n'],
    ['a YAML error', 'version: 1\nteams: [a\n'],
    ['a directive', '%YAML 1.2\n---\nversion: 1\n'],
    ['a flow-style top level', '{ version: 1 }\n'],
    ['a flow-style list section', 'version: 1\nteams: [{ id: a }]\n'],
  ])('leaves %s to the exact path', (_what, text) => {
    expect(parseFast('x.yaml', text)).toBeUndefined();
  });

  it('gives the same findings and positions as the exact loader on every example', async () => {
    for (const name of exampleFiles) {
      const options = { cwd: EXAMPLES, today: '2026-06-01' };
      const exact = await lint([name], { ...options, loader: 'exact' });
      const fast = await lint([name], { ...options, loader: 'fast' });
      expect(visible(fast), name).toEqual(visible(exact));
    }
  });

  it('gives the same findings and positions on generated policies with seeded violations', async () => {
    for (const files of [1, 25]) {
      const dir = tempDir();
      const target = writePolicy(dir, generatePolicy({ plans: 600, files, seed: 3, violationShare: 0.3 }));
      const exact = await lint([target], { cwd: dir, today: '2026-06-01', loader: 'exact' });
      const fast = await lint([target], { cwd: dir, today: '2026-06-01', loader: 'fast' });
      expect(exact.diagnostics).toEqual([]);
      const seeded = new Set(Object.values(VIOLATIONS).flatMap((kinds) => Object.values(kinds)));
      const reported = new Set(exact.findings.map((finding) => finding.rule));
      expect([...seeded].filter((rule) => !reported.has(rule))).toEqual([]);
      expect(visible(fast)).toEqual(visible(exact));
    }
  });

  it("reports a problem in a large policy with the exact path's message and position", async () => {
    const dir = tempDir();
    const target = writePolicy(dir, generatePolicy({ plans: 50, files: 1, seed: 1 }));
    const text = fs.readFileSync(target, 'utf8').replace('variable_share: 0.5', 'variable_share: 5');
    fs.writeFileSync(target, text);
    const exact = await lint([target], { cwd: dir, loader: 'exact' });
    const fast = await lint([target], { cwd: dir, loader: 'fast' });
    expect(exact.diagnostics.length).toBeGreaterThan(0);
    expect(fast.diagnostics).toEqual(exact.diagnostics);
  });
});
