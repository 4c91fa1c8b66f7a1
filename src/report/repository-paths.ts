/**
 * File names as code-scanning and merge-request tools match them: relative to the repository root,
 * whatever folder the linter ran in. The root is the nearest folder upward from the working folder
 * with a `.git` entry (a folder, or the file of a worktree or submodule); found on disk, without
 * running git. Outside a repository, the working folder is the root.
 */
import fs from 'node:fs';
import path from 'node:path';

function repositoryRoot(cwd: string): string {
  const start = path.resolve(cwd);
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return start;
  }
}

/**
 * A function from a file name relative to `cwd` to its path relative to the repository root, with
 * `/` separators, or undefined for a file outside the root (its absolute path is then the name).
 * Only Windows separates folders with `\`: elsewhere it is a character of the file name.
 */
export function repositoryPaths(cwd: string): (file: string) => { relative?: string; absolute: string } {
  const root = repositoryRoot(cwd);
  return (file) => {
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(root, absolute);
    const inside = relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
    return { relative: inside ? relative.split(path.sep).join('/') : undefined, absolute };
  };
}
