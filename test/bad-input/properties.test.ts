/**
 * Property-based tests: whatever the input (random YAML values, random policy-shaped documents,
 * random mutations of every example, random bytes), a lint ends in a well-formed result: findings or
 * diagnostics that name their file, never a thrown exception. Run through `lint()` in-process for
 * speed, and a few through the CLI for the exit code and the printed output.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lint, type LintResult } from '../../src/index.js';
import { firstInvalidUtf8Offset } from '../../src/load/index.js';
import { EXAMPLES, tempDir } from '../helpers.js';
import { expectNoStackTrace, runCliAsync } from './harness.js';

const EXAMPLE_FILES = fs
  .readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const exampleText = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

/** Lints `content` as policy.yaml in `dir`; a thrown exception fails the property. */
async function lintContent(dir: string, content: string | Uint8Array): Promise<LintResult> {
  fs.writeFileSync(path.join(dir, 'policy.yaml'), content);
  return lint(['policy.yaml'], { cwd: dir, today: '2026-06-01' });
}

const positive = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 1;
const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** Every diagnostic names its file and says something; every finding has a rule, position and fix. */
function expectWellFormed(result: LintResult): void {
  for (const diagnostic of result.diagnostics) {
    expect(text(diagnostic.file), JSON.stringify(diagnostic)).toBe(true);
    expect(text(diagnostic.message), JSON.stringify(diagnostic)).toBe(true);
    if (diagnostic.line !== undefined)
      expect(positive(diagnostic.line) && positive(diagnostic.column), JSON.stringify(diagnostic)).toBe(true);
  }
  for (const finding of result.findings) {
    expect(text(finding.rule) && text(finding.message) && text(finding.fix) && text(finding.file), JSON.stringify(finding)).toBe(true);
    expect(positive(finding.line) && positive(finding.column), JSON.stringify(finding)).toBe(true);
  }
  if (result.diagnostics.length === 0) expect(result.summary.files).toBeGreaterThan(0);
}

// ---- random values -------------------------------------------------------------------------

const ID_POOL = ['enterprise', 'smb', 'sales', 'engineering', 'new-arr', 'velocity', 'ae-2026', 'Not An Id', ''];
const KEY_POOL = [
  'id',
  'team',
  'metric',
  'segment',
  'rate',
  'weight',
  'effective',
  'name',
  'kind',
  'type',
  'perspective',
  'segmented',
  'proxy_for',
  'vanity',
  'commission',
  'bonus',
  'clawback',
  'deferral',
  'months',
  'share',
  'key_results',
  'target',
  'criteria',
  'text',
  'awards',
  'teams',
  'hands_off_to',
  'customer_facing',
  'shared_with',
  'favor',
  'deprioritize',
  'segments',
  'metrics',
  'priorities',
  'announced',
  'expires',
  'rule',
  'reason',
  'approved_by',
  'variable_share',
  'sales_cycle_days',
  'avg_deal_size',
  '__proto__',
  'constructor',
  'prototype',
  '<<',
];
const SECTIONS = ['segments', 'teams', 'metrics', 'compensation', 'okrs', 'promotions', 'recognition', 'waivers'];

const scalar = fc.oneof(
  fc.constantFrom(...ID_POOL),
  fc.constantFrom('8%', '150%', '-5%', '1e400%', '2026-01-01', '2026-02-30', 'revenue', 'outcome', 'financial', 'flat-commission'),
  fc.double(),
  fc.constantFrom(0, -0, 1, 0.5, 2, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 1e308),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
);

const { value: policyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEY_POOL), tie('value'), { maxKeys: 5 }),
  ),
}));

/** A document shaped like a policy (`version: 1`, known sections) with random contents. */
const policyDocument = fc.record(
  {
    version: fc.oneof(fc.constant(1), scalar),
    organization: scalar,
    strategy: fc.oneof(
      policyValue,
      fc.record({ priorities: fc.array(fc.dictionary(fc.constantFrom(...KEY_POOL), policyValue, { maxKeys: 4 }), { maxLength: 3 }) }),
    ),
    ...Object.fromEntries(
      SECTIONS.map((section) => [
        section,
        fc.oneof(policyValue, fc.array(fc.dictionary(fc.constantFrom(...KEY_POOL), policyValue, { maxKeys: 6 }), { maxLength: 4 })),
      ]),
    ),
  },
  { requiredKeys: ['version'] },
);

// ---- mutations of the examples ---------------------------------------------------------------

const REPLACEMENTS = [
  '[]',
  '{}',
  '-1',
  '-0',
  '.inf',
  '-.inf',
  '1e400',
  '.nan',
  '"x"',
  '~',
  'yes',
  '*nope',
  '&a x',
  '!!binary aGk=',
  '!custom x',
  '"',
  "'",
  '[',
  '{',
  '|',
  '>',
  '- x',
  '@x',
  '%x',
  '0x1F',
  '2026-02-30',
  '"150%"',
  'a: b: c',
  '\t',
  '#',
  '? x',
];

type Mutation = (lines: string[]) => string[];

const lineIndex = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  lineIndex.map(
    (i): Mutation =>
      (lines) =>
        lines.filter((_, n) => n !== i % lines.length),
  ),
  lineIndex.map(
    (i): Mutation =>
      (lines) =>
        lines.flatMap((line, n) => (n === i % lines.length ? [line, line] : [line])),
  ),
  fc.tuple(lineIndex, fc.constantFrom(...REPLACEMENTS)).map(
    ([i, replacement]): Mutation =>
      (lines) =>
        lines.map((line, n) => (n === i % lines.length ? line.replace(/:\s.*$|:$/, `: ${replacement}`) : line)),
  ),
  fc.tuple(lineIndex, lineIndex).map(
    ([i, j]): Mutation =>
      (lines) => {
        const copy = [...lines];
        const [a, b] = [i % copy.length, j % copy.length];
        [copy[a], copy[b]] = [copy[b]!, copy[a]!];
        return copy;
      },
  ),
  fc.tuple(lineIndex, fc.integer({ min: -3, max: 3 })).map(
    ([i, shift]): Mutation =>
      (lines) =>
        lines.map((line, n) =>
          n !== i % lines.length ? line : shift >= 0 ? `${' '.repeat(shift)}${line}` : line.replace(new RegExp(`^ {0,${-shift}}`), ''),
        ),
  ),
  fc.tuple(lineIndex, fc.string({ maxLength: 8, unit: 'binary' })).map(
    ([i, inserted]): Mutation =>
      (lines) =>
        lines.map((line, n) =>
          n === i % lines.length
            ? `${line.slice(0, (i >> 3) % (line.length + 1))}${inserted}${line.slice((i >> 3) % (line.length + 1))}`
            : line,
        ),
  ),
);

/** An example, mutated 1–3 times, then possibly truncated at a random point. */
const mutatedExample = (name: string) =>
  fc
    .tuple(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }))
    .map(([mutations, cut]) => {
      const mutated = mutations.reduce((lines, mutate) => mutate(lines), exampleText(name).split('\n')).join('\n');
      return cut === undefined ? mutated : mutated.slice(0, Math.floor(mutated.length * cut));
    });

// ---- properties --------------------------------------------------------------------------------

describe('random input never throws and always gives a well-formed result', () => {
  it('random YAML values', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(policyValue, async (value) => expectWellFormed(await lintContent(dir, stringify(value)))),
      { numRuns: 150 },
    );
  });

  it('random policy-shaped documents, through the loader and the schema', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(policyDocument, async (document) => expectWellFormed(await lintContent(dir, stringify(document)))),
      { numRuns: 150 },
    );
  });

  it('random bytes', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => expectWellFormed(await lintContent(dir, bytes))),
      { numRuns: 100 },
    );
  });

  for (const name of EXAMPLE_FILES) {
    it(`mutations of examples/${name} (deleted, doubled, swapped, re-indented lines; swapped types; truncation)`, async () => {
      const dir = tempDir();
      await fc.assert(
        fc.asyncProperty(mutatedExample(name), async (content) => expectWellFormed(await lintContent(dir, content))),
        { numRuns: 60 },
      );
    });
  }
});

describe('through the CLI', () => {
  it('mutated examples exit 0, 1 or 2 with a parseable report or messages, never a stack trace', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXAMPLE_FILES).chain(mutatedExample), async (content) => {
        fs.writeFileSync(path.join(dir, 'policy.yaml'), content);
        const run = await runCliAsync(['policy.yaml', '--format', 'json'], { cwd: dir });
        expectNoStackTrace(run.stderr);
        expect([0, 1, 2]).toContain(run.code);
        if (run.code === 2) {
          expect(run.stdout).toBe('');
          const errors = run.stderr.split('\n').filter((line) => line.startsWith('error '));
          expect(errors.length).toBeGreaterThan(0);
          for (const line of errors) expect(line).toMatch(/^error policy\.yaml(:\d+:\d+)?: \S/);
        } else {
          const report = JSON.parse(run.stdout) as { findings: unknown[]; summary: { errors: number } };
          expect(Array.isArray(report.findings)).toBe(true);
          expect(report.summary.errors > 0).toBe(run.code === 1);
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe('the UTF-8 check', () => {
  const interestingBytes = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.constantFrom(0x0a, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90, 0x8f),
  );
  const utf8Text = fc.string({ unit: 'binary', maxLength: 20 }).map((value) => [...Buffer.from(value, 'utf8')]);

  it('agrees with the platform decoder on where the text stops being UTF-8', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            interestingBytes.map((byte) => [byte]),
            utf8Text,
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const bytes = Uint8Array.from(parts.flat());
          const offset = firstInvalidUtf8Offset(bytes);
          const decoder = new TextDecoder('utf-8', { fatal: true });
          const valid = (end: number) => {
            try {
              decoder.decode(bytes.subarray(0, end));
              return true;
            } catch {
              return false;
            }
          };
          if (offset === -1) {
            expect(valid(bytes.length)).toBe(true);
          } else {
            // Everything before the offset is UTF-8; no complete text through the offending sequence is.
            expect(valid(offset)).toBe(true);
            expect(valid(bytes.length)).toBe(false);
            expect([1, 2, 3, 4].some((length) => offset + length <= bytes.length && valid(offset + length))).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
