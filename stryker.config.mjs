// Opt-in mutation testing of one rule against its own test file: `npm run mutate -- rules/NAME.ts`.
// scripts/mutate.mjs passes the file to mutate and the test file that must kill its mutants; this
// holds what every run shares. Stryker 9 (10 needs Node.js 22; the project supports 20).
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Only the test files scripts/mutate.mjs names: "related" tests would be every test that imports
  // the rule catalog, which is how a weak rule test hides behind the corpus tests.
  vitest: { configFile: 'vitest.config.ts', related: false },
  // Mutants in code that runs when the module loads (a rule's metadata: id, options, defersTo,
  // messages) are never activated by the vitest runner here: even `id: ''` survives. They are
  // left out of the score; the catalog tests (rules-command, rule-reads, docs) pin the metadata.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  // The machine has 2 cores; one runner per core.
  concurrency: 2,
  timeoutMS: 20_000,
  // Build output and downloaded tools are not needed by the rule tests and are large to copy.
  ignorePatterns: ['dist', 'test-artifacts', 'bench', 'reports'],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
