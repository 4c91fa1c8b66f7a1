/**
 * The policies every corpus-wide property test runs over: each bundled example as a user runs it
 * (the plugin example from inside its folder, with its configuration), each real-policy fixture, and
 * the analyst's pack (one policy in four files, one of which the linter skips).
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLES, ROOT } from './helpers.js';

export interface CorpusPolicy {
  name: string;
  /** The folder the run starts from (its configuration is found from there). */
  cwd: string;
  /** The policy's files. */
  files: string[];
  /** The paths given to lint (none: the folder's own policy, as `npx incentive-lint` finds it). */
  paths: string[];
}

const REAL = path.join(ROOT, 'test', 'fixtures', 'real');
const PACK = path.join(ROOT, 'test', 'fixtures', 'analyst-pack');
/** The pack's file without `version: 1`: the pack is refused as a folder, so its other files are named. */
const SKIPPED = 'recognition.yaml';
const yamlIn = (folder: string) =>
  fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
const single = (folder: string, prefix: string) => (name: string) => ({
  name: `${prefix}/${name}`,
  cwd: folder,
  files: [path.join(folder, name)],
  paths: [path.join(folder, name)],
});

export const CORPUS: readonly CorpusPolicy[] = [
  ...yamlIn(EXAMPLES).map(single(EXAMPLES, 'examples')),
  { name: 'examples/plugins', cwd: path.join(EXAMPLES, 'plugins'), files: [path.join(EXAMPLES, 'plugins', 'policy.yaml')], paths: [] },
  ...yamlIn(REAL).map(single(REAL, 'test/fixtures/real')),
  {
    name: 'test/fixtures/analyst-pack',
    cwd: PACK,
    files: yamlIn(PACK)
      .filter((name) => name !== SKIPPED)
      .map((name) => path.join(PACK, name)),
    paths: yamlIn(PACK).filter((name) => name !== SKIPPED),
  },
];

/** The date every corpus run uses: waivers and announcement checks must not drift with the calendar. */
export const CORPUS_TODAY = '2026-06-01';
