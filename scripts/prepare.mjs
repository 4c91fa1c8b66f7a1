// `prepare`: npm runs it after `npm install` in a clone, before `npm pack`, and when it installs the
// package from git (`npm install git+…`, pre-commit 4's `npm install -g git+file://…`). It runs
// `npm run build` (dist/) and needs only Node.js and npm to start.
//
// npm's documentation says a git dependency's dependencies and devDependencies are installed before
// its prepare runs, but a global install from git (`npm install -g git+…`, npm 10 and 11,
// npm/cli#8440) runs that inner install with the outer one's --global, so the clone's node_modules
// stay empty and `tsc` is not found. When the build's tools are missing, this installs them first,
// into the clone, with `npm ci` (exactly as package-lock.json pins them, without running any
// package's scripts); then it builds. Nothing built is committed: dist/ always comes from the
// sources of the commit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** What `npm run build` needs: every runtime dependency (type-checked and bundled), tsc, esbuild and the types. */
const BUILD_NEEDS = [
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.devDependencies ?? {}).filter(
    (name) => name === 'typescript' || name === 'esbuild' || name.startsWith('@types/'),
  ),
];

/**
 * npm configuration that an outer `npm install -g …` passes to this script's environment and that
 * would send the tools' install elsewhere than the clone, or leave them out.
 */
const INSTALL_SHAPING =
  /^npm_config_(global|location|prefix|omit|include|production|only|also|dev|dry_run|package_lock_only|install_strategy|global_style|legacy_bundling|install_links|workspaces?|include_workspace_root|ignore_scripts)$/i;

/** The needs not installed in the clone itself (tsc and esbuild resolve them from its node_modules). */
function missing() {
  return BUILD_NEEDS.filter((name) => !fs.existsSync(path.join(ROOT, 'node_modules', name, 'package.json')));
}

// npm_execpath is the npm that runs this script; without one (another package manager), the npm on the PATH.
const npm =
  process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INSTALL_SHAPING.test(key)));

function runNpm(args) {
  // stdout goes to stderr: tools read `npm pack`'s stdout as the tarball's name (pre-commit 3).
  const result = spawnSync(npm[0], [...npm.slice(1), ...args], { cwd: ROOT, env, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Without --install-links, that inner `npm install --global` in the clone installs the clone itself
 * as a link, {prefix}/lib/node_modules/incentive-lint → the temporary clone, which npm deletes when
 * it is done: the outer install then writes the package through the link into the doomed clone and
 * leaves a dangling link (npm/cli#3692). Only a link to this very clone of npm's cache is replaced,
 * by the empty folder the outer install had made there.
 */
function unlinkGlobalLinkToTemporaryClone() {
  if (process.env.npm_config_global !== 'true' || !/[\\/]_cacache[\\/]tmp[\\/]git-clone[^\\/]*[\\/]?$/.test(ROOT)) return;
  const prefix = process.env.npm_config_global_prefix ?? process.env.npm_config_prefix;
  if (!prefix) return;
  const installed =
    process.platform === 'win32'
      ? path.join(prefix, 'node_modules', manifest.name)
      : path.join(prefix, 'lib', 'node_modules', manifest.name);
  try {
    if (fs.lstatSync(installed).isSymbolicLink() && fs.realpathSync(installed) === fs.realpathSync(ROOT)) {
      fs.unlinkSync(installed);
      fs.mkdirSync(installed); // the outer install made this folder before it fetched the package, and extracts into it
    }
  } catch {
    // Nothing installed there, or not a link: nothing to undo.
  }
}

unlinkGlobalLinkToTemporaryClone();
const absent = missing();
if (absent.length > 0) {
  process.stderr.write(`incentive-lint: installing the build's tools (${absent.join(', ')} missing), as package-lock.json pins them\n`);
  runNpm(['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--global=false', '--prefix', ROOT]);
  const still = missing();
  if (still.length > 0) {
    process.stderr.write(`incentive-lint: could not install ${still.join(', ')}: the build cannot run\n`);
    process.exit(1);
  }
}
runNpm(['run', 'build', '--prefix', ROOT]);
