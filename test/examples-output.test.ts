/**
 * Pins what a user sees on every example, byte for byte: the seven lint formats (written by the built
 * CLI in one run), the gate and the matrix in each of their formats, and the exit codes. A change
 * of output shows as a diff of the files under test/__snapshots__/examples/; when the change is
 * intended, update them with `npx vitest run -u test/examples-output.test.ts` and review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { GATE_FORMATS, renderGate } from '../src/gate/render.js';
import { runGate } from '../src/gate/run.js';
import { loadPolicy } from '../src/load/index.js';
import { buildMatrix } from '../src/matrix/build.js';
import { MATRIX_FORMATS, renderMatrix } from '../src/matrix/render.js';
import { EXAMPLES, runCli, tempDir } from './helpers.js';

const TODAY = '2026-06-01';
const SNAPSHOTS = path.join(path.dirname(new URL(import.meta.url).pathname), '__snapshots__', 'examples');
const LINT_FORMATS = { stylish: 'txt', json: 'json', sarif: 'sarif', github: 'txt', gitlab: 'json', junit: 'xml', markdown: 'md' } as const;
const NO_COLOR = new Chalk({ level: 0 });
const EXTENSION = { stylish: 'txt', markdown: 'md', json: 'json' } as const;

/** Each example as a user runs it: a file from the repository root, or the plugin folder from inside it (its config). */
const CASES = [
  ...fs
    .readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name: name.replace(/\.yaml$/, ''), cwd: path.dirname(EXAMPLES), paths: [path.join('examples', name)] })),
  { name: 'plugins', cwd: path.join(EXAMPLES, 'plugins'), paths: [] as string[] },
];

describe.each(CASES)('the output on examples/$name', ({ name, cwd, paths }) => {
  const snapshot = (file: string) => path.join(SNAPSHOTS, name, file);

  it('is unchanged in every lint format', async () => {
    const out = tempDir();
    const formats = Object.entries(LINT_FORMATS);
    const run = runCli(
      [...paths, '--today', TODAY, ...formats.flatMap(([format, ext]) => ['-f', `${format}:${path.join(out, `${format}.${ext}`)}`])],
      { cwd },
    );
    await expect(`exit ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`).toMatchFileSnapshot(snapshot('lint.exit.txt'));
    for (const [format, ext] of formats) {
      await expect(fs.readFileSync(path.join(out, `${format}.${ext}`), 'utf8')).toMatchFileSnapshot(snapshot(`lint.${format}.${ext}`));
    }
  });

  it('is unchanged in the gate and the matrix', async () => {
    const gate = await runGate(paths, { cwd, today: TODAY });
    expect(gate.diagnostics).toEqual([]);
    await expect(gate.report?.verdict).toMatchFileSnapshot(snapshot('gate.verdict.txt'));
    for (const format of GATE_FORMATS)
      await expect(renderGate(gate.report!, format, NO_COLOR)).toMatchFileSnapshot(snapshot(`gate.${format}.${EXTENSION[format]}`));
    const matrix = buildMatrix(loadPolicy(paths, { cwd }));
    for (const format of MATRIX_FORMATS)
      await expect(renderMatrix(matrix, format, NO_COLOR)).toMatchFileSnapshot(snapshot(`matrix.${format}.${EXTENSION[format]}`));
  });
});
