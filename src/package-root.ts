/**
 * The folder incentive-lint is installed in: the nearest package.json above this module. The same
 * folder from src/ (tests), dist/src/ (the compiled modules) and dist/ (the single-file CLI bundle,
 * where the build points import.meta.url at the bundle), so that files the package ships (its
 * package.json, schema/, the plugin worker) are found the same way from each.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('incentive-lint: package.json not found beside the installed package');
    dir = parent;
  }
  return dir;
}

const PACKAGE_ROOT = findPackageRoot();

/** A file the package ships, by its path from the package root, such as `schema/policy.schema.json`. */
export function packageFile(relative: string): string {
  return path.join(PACKAGE_ROOT, relative);
}

/**
 * require() from the package root, for what is loaded on first use only: Node builtins and
 * dependencies that some commands need (the single-file bundle resolves these at run time too).
 */
export const packageRequire = createRequire(packageFile('package.json'));
