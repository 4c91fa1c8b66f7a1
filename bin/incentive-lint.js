#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled to dist/ by `npm install` (the prepare script).
import('../dist/src/cli.js').then(
  async ({ main }) => {
    process.exitCode = await main(process.argv);
  },
  (error) => {
    const missing = error && error.code === 'ERR_MODULE_NOT_FOUND';
    process.stderr.write(
      missing
        ? 'incentive-lint is not built: run `npm install` (or `npm run build`) in its folder first.\n'
        : `incentive-lint: could not start: ${error && error.message ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
