import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default leaves a core idle (cores - 1: one worker on a 2-core machine), but most test
    // time is spent waiting on the CLI processes the tests spawn. Every core: 247 s → 171 s measured here.
    maxWorkers: os.availableParallelism(),
    // One worker process runs many files, so src/ and the test helpers are transformed and imported
    // once per worker instead of once per file (a fork per file cost about 1 s of CPU each here).
    // No test file changes process.env or the working folder, mocks a module or stubs a global;
    // the one register src/ keeps for a process (the files a run read, by inode, so that no write
    // replaces them) only grows, and no test deletes a file it linted in process.
    isolate: false,
  },
});
