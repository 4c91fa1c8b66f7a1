/**
 * The `ignore` globs of the configuration, gitignore-like and relative to the config file's folder:
 * `*` and `?` stay within a folder name, `**` crosses folders, a pattern without a slash matches a
 * file name at any depth, and a pattern ending in `/` matches everything under that folder.
 */
export function globToRegExp(pattern: string): RegExp {
  let glob = pattern.trim().replace(/^\.\//, '');
  if (glob.endsWith('/')) glob += '**';
  const anchored = glob.includes('/');
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

/** A predicate over paths relative to the base folder, written with forward slashes. */
export function globMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const expressions = patterns.map(globToRegExp);
  return (relativePath) => expressions.some((expression) => expression.test(relativePath));
}
