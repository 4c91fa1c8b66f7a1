/**
 * The `ignore` globs of the configuration, gitignore-like and relative to the config file's folder:
 * `*` and `?` stay within a folder name, `**` crosses folders, a pattern without a slash matches a
 * file name at any depth, and a pattern ending in `/` matches everything under that folder.
 *
 * Paths are matched by GlobPattern, a linear automaton (time ∝ path length × pattern length,
 * whatever the text): the regular expression below backtracks exponentially on `*a*a*…*ab` against
 * a long name, and a configuration a pull request commits must not stall the run. The expression
 * stays as the readable statement of what a pattern means.
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
  const glob = new GlobPattern(parts.slice(firstWild).join('/'), { anchored: true });
  return { base, matches: (relativePath) => glob.matches(relativePath) };
}

/** A predicate over paths relative to the base folder, written with forward slashes. */
export function globMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const globs = patterns.map((pattern) => new GlobPattern(pattern));
  return (relativePath) => globs.some((glob) => glob.matches(relativePath));
}

/**
 * One step of a pattern: a literal character, `?` (one character but `/`), `*` (any run without
 * `/`), `**` (any run) or `**` before a `/` and the unanchored start (any run of folders ending in `/`, or nothing).
 */
type Step =
  | { kind: 'literal'; char: string }
  | { kind: 'one' }
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'folders' }
  | { kind: 'inFolders' };

/** A folder run takes two states: before it (it may match nothing) and inside it (it must end in `/`). */
const FOLDERS: readonly Step[] = [{ kind: 'folders' }, { kind: 'inFolders' }];

/**
 * A glob as a nondeterministic automaton whose states are the steps, simulated on all states at
 * once (Thompson's construction): every character of the path is looked at once per step, never
 * again, so no text makes it backtrack.
 */
export class GlobPattern {
  private readonly steps: Step[] = [];

  constructor(pattern: string, { anchored: alwaysAnchored = false } = {}) {
    let glob = pattern.trim().replace(/^\.\//, '');
    if (glob.endsWith('/')) glob += '**';
    if (!(alwaysAnchored || glob.includes('/'))) this.steps.push(...FOLDERS);
    for (let i = 0; i < glob.length; i++) {
      const char = glob[i]!;
      if (char === '*' && glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        this.steps.push(...(slashAfter ? FOLDERS : [{ kind: 'any' } as const]));
        i += slashAfter ? 2 : 1;
      } else if (char === '*') {
        this.steps.push({ kind: 'star' });
      } else if (char === '?') {
        this.steps.push({ kind: 'one' });
      } else {
        this.steps.push({ kind: 'literal', char });
      }
    }
  }

  matches(text: string): boolean {
    const accept = this.steps.length;
    let current = new Uint8Array(accept + 1);
    let next = new Uint8Array(accept + 1);
    current[0] = 1;
    this.close(current);
    for (let index = 0; index < text.length; index++) {
      const char = text[index]!;
      next.fill(0);
      let alive = false;
      for (let state = 0; state < accept; state++) {
        if (!current[state]) continue;
        const step = this.steps[state]!;
        switch (step.kind) {
          case 'literal':
            if (char === step.char) next[state + 1] = 1;
            break;
          case 'one':
            if (char !== '/') next[state + 1] = 1;
            break;
          case 'star':
            if (char !== '/') next[state] = 1;
            break;
          case 'any':
            next[state] = 1;
            break;
          case 'folders':
          case 'inFolders': {
            const end = state + (step.kind === 'folders' ? 2 : 1);
            next[end - 1] = 1;
            if (char === '/') next[end] = 1;
            break;
          }
        }
        alive = true;
      }
      if (!alive) return false;
      this.close(next);
      [current, next] = [next, current];
    }
    return current[accept] === 1;
  }

  /** Adds the states reached without reading a character: a `*`, `**` or folder run may match nothing. */
  private close(states: Uint8Array): void {
    for (let state = 0; state < this.steps.length; state++) {
      const kind = this.steps[state]!.kind;
      if (states[state] && (kind === 'star' || kind === 'any')) states[state + 1] = 1;
      if (states[state] && kind === 'folders') states[state + 2] = 1;
    }
  }
}
