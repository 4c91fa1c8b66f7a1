#!/usr/bin/env node
// Thin launcher. The build (`npm install` runs it through the prepare script) compiles the CLI to
// dist/: as one bundled file with a V8 code cache, which starts fastest, and as modules in
// dist/src/, which this falls back to when the bundle is missing. CommonJS (see bin/package.json):
// starting Node's ES module loader would add several milliseconds to every cold start.
'use strict';
const { loadBundle } = require('./bundle-loader.cjs');

function fail(error) {
  const missing = error && error.code === 'ERR_MODULE_NOT_FOUND';
  process.stderr.write(
    missing
      ? 'incentive-lint is not built: run `npm install` (or `npm run build`) in its folder first.\n'
      : `incentive-lint: could not start: ${error?.message ? error.message : String(error)}\n`,
  );
  process.exitCode = 2;
}

let cli;
try {
  const bundled = loadBundle();
  cli = bundled ? Promise.resolve(bundled) : import('../dist/src/cli.js');
} catch (error) {
  cli = Promise.reject(error);
}
cli.then(async ({ main }) => {
  process.exitCode = await main(process.argv);
}, fail);
