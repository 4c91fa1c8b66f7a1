// Writes the V8 code cache of the built bundle (dist/incentive-lint.cjs.cache) with the Node.js that
// runs this script, after a warm-up lint so that it holds the functions a lint compiles. The build
// (scripts/bundle.mjs) runs it; a test runs it with another Node.js release, whose cache the CLI must
// then refuse. The cache is written here only, never when the CLI runs.
//   usage: node scripts/code-cache.mjs [WARM_UP_POLICY]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import loader from '../bin/bundle-loader.cjs';

const { BUNDLE_FILE, CACHE_FILE, buildIdOf, cacheFileBytes, compileBundle, evaluateBundle } = loader;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function writeCodeCache(warmUpPolicy = path.join(ROOT, 'examples', 'enterprise-first.yaml')) {
  fs.rmSync(CACHE_FILE, { force: true });
  const source = fs.readFileSync(BUNDLE_FILE, 'latin1');
  const buildId = buildIdOf(source);
  if (!buildId) throw new Error(`${BUNDLE_FILE} has no build mark: run the build`);
  const script = compileBundle(source);
  const { main } = evaluateBundle(script);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'incentive-lint-bundle-'));
  try {
    const exitCode = await main([process.execPath, 'incentive-lint', warmUpPolicy, '--output', path.join(work, 'report.txt')]);
    if (exitCode !== 1) throw new Error(`the warm-up lint of ${warmUpPolicy} exited ${exitCode}, expected 1 (error-level findings)`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.writeFileSync(CACHE_FILE, cacheFileBytes(buildId, script.createCachedData()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await writeCodeCache(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
