// `npm run build`, after tsc: writes the CLI as one CommonJS file, dist/incentive-lint.cjs, and its
// V8 code cache, dist/incentive-lint.cjs.cache (scripts/code-cache.mjs). Starting from one file with
// its code compiled ahead takes about half the time of loading ~200 ES modules.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import loader from '../bin/bundle-loader.cjs';
import { writeCodeCache } from './code-cache.mjs';

const { BUILD_MARK, BUNDLE_FILE, CACHE_FILE } = loader;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// A cache from an earlier build must never sit beside a new bundle.
fs.rmSync(CACHE_FILE, { force: true });

/**
 * zod's namespace object (re-exported as `z` by the plugin API) holds every locale, about 50
 * modules that would all be evaluated at start-up. The CLI speaks English (zod's default, imported
 * on its own), and plugins bring their own zod: the bundle's `z.locales` is left empty.
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const built = await esbuild.build({
  entryPoints: [path.join(ROOT, 'dist', 'src', 'cli.js')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  // The language server's library is loaded only by `incentive-lint lsp`, from node_modules: kept
  // out of the bundle, it costs a lint's cold start nothing.
  // exceljs (import of .xlsx only) is large: it too stays in node_modules, loaded when a workbook is read.
  external: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument', 'exceljs'],
  charset: 'ascii',
  write: false,
  plugins: [zodWithoutLocales],
  logLevel: 'warning',
  // The package-root helper finds package.json (and through it schema/ and the plugin worker)
  // upward from the bundle, as it does from dist/src/.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'var __bundleUrl=require("node:url").pathToFileURL(__filename).href;' },
});
const code = built.outputFiles[0].text;
// The launcher reads the bundle as latin1, which is the same text only for ASCII.
if (/[^\x00-\x7f]/.test(code)) throw new Error("the bundle is not ASCII: keep esbuild's charset at ascii and legal comments out of it");
const buildId = createHash('sha256').update(code).digest('hex').slice(0, 32);
const source = `${code.trimEnd()}${BUILD_MARK}${buildId}\n`;
fs.writeFileSync(BUNDLE_FILE, source);

await writeCodeCache();
console.log(`wrote ${path.relative(ROOT, BUNDLE_FILE)} (${Math.round(source.length / 1024)} KB) and its code cache`);
