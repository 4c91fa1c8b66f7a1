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
 * The bundle's exports, compiled with its code cache when the cache was made for this build by this
 * Node.js and its data is intact; otherwise compiled from source, which is only slower. Undefined
 * when there is no bundle.
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

/**
 * What a code cache is valid for, besides its build: the Node.js release, its V8 and the flags the
 * process runs with. V8 checks only its own version string and flags, and Node.js patch releases
 * (20.19.0 and 20.20.2 both say V8 11.3.244.8) change what V8 compiles without changing the string:
 * V8 then accepts a cache from another release and the process crashes (SIGSEGV), so the release is
 * part of the key.
 */
function runtimeKey() {
  return JSON.stringify({
    node: process.version,
    v8: process.versions.v8,
    arch: process.arch,
    platform: process.platform,
    flags: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS || '',
  });
}

/** The first line of a cache file: its build and runtime. */
function cacheHeader(buildId) {
  return Buffer.from(`incentive-lint code cache 2 ${buildId} ${runtimeKey()}\n`, 'utf8');
}

/**
 * The cache file is the header, the CRC-32 of V8's data as 8 hex digits and a newline, then the data.
 * Release builds of V8 do not verify a code cache's checksum, and damaged data that passes V8's
 * header check crashes the process: the CRC is checked here first. Any mismatch, or a Node.js
 * without zlib.crc32, means no cache.
 */
function readCache(buildId) {
  if (!buildId) return undefined;
  const header = cacheHeader(buildId);
  try {
    const bytes = fs.readFileSync(CACHE_FILE);
    if (bytes.length < header.length + 9 || !bytes.subarray(0, header.length).equals(header) || bytes[header.length + 8] !== 0x0a)
      return undefined;
    const data = bytes.subarray(header.length + 9);
    return checksumOf(data) === bytes.toString('latin1', header.length, header.length + 8) ? data : undefined;
  } catch {
    return undefined;
  }
}

function checksumOf(data) {
  const { crc32 } = require('node:zlib');
  if (typeof crc32 !== 'function') return undefined;
  return crc32(data).toString(16).padStart(8, '0');
}

function cacheFileBytes(buildId, cachedData) {
  const checksum = checksumOf(cachedData);
  if (!checksum) throw new Error(`Node.js ${process.version} has no zlib.crc32: the code cache cannot be written`);
  return Buffer.concat([cacheHeader(buildId), Buffer.from(`${checksum}\n`, 'latin1'), cachedData]);
}

module.exports = { BUNDLE_FILE, CACHE_FILE, BUILD_MARK, buildIdOf, compileBundle, evaluateBundle, loadBundle, cacheFileBytes, runtimeKey };
