// `npm run mutate -- rules/NAME.ts [TEST_FILE…]`: mutation testing (Stryker, stryker.config.mjs) of
// one rule, or of lines of a helper (`rules/helpers/guards.ts:200-221`), against only its own test
// file: test/rules/NAME.test.ts unless test files are named. Opt-in; CI does not run it. The score
// and every surviving mutant are printed; the JSON report is reports/mutation/mutation.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [target, ...tests] = process.argv.slice(2);
const usage = 'usage: npm run mutate -- rules/NAME.ts [test/rules/NAME.test.ts …]';
if (!target) {
  console.error(usage);
  process.exit(2);
}
const file = target.replace(/:\d+(?:-\d+)?$/, '');
if (!/^rules\/(?:helpers\/)?[a-z0-9-]+\.ts$/.test(file) || !fs.existsSync(file)) {
  console.error(`${target}: not a file of rules/ (write it as rules/NAME.ts, from the repository root)\n${usage}`);
  process.exit(2);
}
const testFiles = tests.length > 0 ? tests : [path.posix.join('test/rules', `${path.basename(file, '.ts')}.test.ts`)];
const missing = testFiles.filter((test) => !fs.existsSync(test));
if (missing.length > 0) {
  console.error(`${missing.join(', ')}: no such test file; name the test files that test ${file}\n${usage}`);
  process.exit(2);
}
const run = spawnSync(
  process.execPath,
  [
    'node_modules/@stryker-mutator/core/bin/stryker.js',
    'run',
    'stryker.config.mjs',
    '--mutate',
    target,
    '--testFiles',
    testFiles.join(','),
  ],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 2);
