// The single-file CLI bundle (dist/incentive-lint.cjs) and its V8 code cache, shared by the
// launcher, which runs the bundle, and scripts/bundle.mjs, which writes both at build time.
// CommonJS, so that it loads Node's builtins without building their ES module facades (the one of
// node:fs alone loads the streams), which the launcher would pay on every run.
'use strict';
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE_FILE = path.join(__dirname, '..', 'dist', 'incentive-lint.cjs');
const CACHE_FILE = `${BUNDLE_FILE}.cache`;

/** The bundle's last line, `//# build <hash of the rest>`, names the build a cache belongs to. */
const BUILD_MARK = '\n//# build ';

function buildIdOf(source) {
  const at = source.lastIndexOf(BUILD_MARK);
  return at < 0 ? undefined : source.slice(at + BUILD_MARK.length).trim();
}

/**
 * The bundle as one function of the CommonJS variables plus `__importModule`: code compiled by
 * vm.Script cannot use import() itself (not without an experimental flag on Node 20), so the
 * bundle imports plugins and optional builtins through this module's import() (see
 * src/import-module.ts). The build and the launcher compile exactly this text: V8 accepts a code
 * cache only for the text it was made from.
 */
function compileBundle(source, cachedData) {
  const wrapped = `(function (exports, require, module, __filename, __dirname, __importModule) {${source}\n})`;
  return new vm.Script(wrapped, { filename: BUNDLE_FILE, cachedData });
}

/** Runs the compiled bundle and returns its exports ({ main }). */
function evaluateBundle(script) {
  const module = { exports: {} };
  const importModule = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, path.dirname(BUNDLE_FILE), importModule);
  return module.exports;
}

/**
 * The bundle's exports, compiled with its code cache when the cache is from the same build and V8
 * accepts it (a cache is specific to the V8 version and flags); otherwise compiled from source,
 * which is only slower. Undefined when there is no bundle.
 */
function loadBundle() {
  let source;
  try {
    // The build checks that the bundle is ASCII, so latin1 reads the same text without decoding UTF-8.
    source = fs.readFileSync(BUNDLE_FILE, 'latin1');
  } catch {
    return undefined;
  }
  return evaluateBundle(compileBundle(source, readCache(buildIdOf(source))));
}

/** The cache file is `<build id>\n` then V8's data. */
function readCache(buildId) {
  if (!buildId) return undefined;
  const header = `${buildId}\n`;
  try {
    const bytes = fs.readFileSync(CACHE_FILE);
    return bytes.toString('latin1', 0, header.length) === header ? bytes.subarray(header.length) : undefined;
  } catch {
    return undefined;
  }
}

function cacheFileBytes(buildId, cachedData) {
  return Buffer.concat([Buffer.from(`${buildId}\n`, 'latin1'), cachedData]);
}

module.exports = { BUNDLE_FILE, CACHE_FILE, BUILD_MARK, buildIdOf, compileBundle, evaluateBundle, loadBundle, cacheFileBytes };
