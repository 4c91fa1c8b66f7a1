/**
 * The `ignore` globs of the configuration, gitignore-like and relative to the config file's folder:
 * `*` and `?` stay within a folder name, `**` crosses folders, a pattern without a slash matches a
 * file name at any depth, and a pattern ending in `/` matches everything under that folder.
 */
export function globToRegExp(pattern: string, { anchored: alwaysAnchored = false } = {}): RegExp {
  let glob = pattern.trim().replace(/^\.\//, '');
  if (glob.endsWith('/')) glob += '**';
  const anchored = alwaysAnchored || glob.includes('/');
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${source}$`);
}

/** Whether a command-line path is a glob (`policy/*.yaml`, `**\/plans/*.yml`) rather than a name. */
export function isGlob(text: string): boolean {
  return /[*?]/.test(text);
}

/**
 * A command-line glob split into the folder to walk (its part before the first wildcard) and a
 * matcher of paths relative to that folder. Unlike an `ignore` pattern, `*.yaml` matches in the
 * folder it is written for only, as a shell would expand it.
 */
export function splitGlob(pattern: string): { base: string; matches: (relativePath: string) => boolean } {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const firstWild = parts.findIndex(isGlob);
  const base = parts.slice(0, firstWild).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const expression = globToRegExp(parts.slice(firstWild).join('/'), { anchored: true });
  return { base, matches: (relativePath) => expression.test(relativePath) };
}

/** A predicate over paths relative to the base folder, written with forward slashes. */
export function globMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const expressions = patterns.map((pattern) => globToRegExp(pattern));
  return (relativePath) => expressions.some((expression) => expression.test(relativePath));
}
