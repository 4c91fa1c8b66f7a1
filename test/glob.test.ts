/**
 * The `ignore` and command-line globs are matched by a linear automaton (src/engine/glob.ts). It
 * must mean exactly what the readable regular expression says, on any pattern and path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GlobPattern, globMatcher, globToRegExp, splitGlob } from '../src/engine/glob.js';

// A small alphabet with every character the pattern language treats specially, so that short
// random patterns and paths meet each case often (and the regular expression stays fast on them).
const patternText = fc
  .array(fc.constantFrom('a', 'b', '.', '/', '*', '**', '**/', '?', './', '[', '('), { maxLength: 7 })
  .map((parts) => parts.join(''));
const pathText = fc.array(fc.constantFrom('a', 'b', '.', '/', '[', '('), { maxLength: 9 }).map((parts) => parts.join(''));

describe('glob matching', () => {
  it('matches exactly what the regular expression of the pattern matches, anchored or not', () => {
    fc.assert(
      fc.property(patternText, pathText, fc.boolean(), (pattern, text, anchored) => {
        expect(new GlobPattern(pattern, { anchored }).matches(text)).toBe(globToRegExp(pattern, { anchored }).test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['*.yaml', 'policy/plans/ae.yaml', true],
    ['*.yaml', 'policy/plans/ae.yml', false],
    ['plans/*.yaml', 'policy/plans/ae.yaml', false],
    ['policy/**/ae.yaml', 'policy/ae.yaml', true],
    ['policy/**/ae.yaml', 'policy/a/b/ae.yaml', true],
    ['drafts/', 'drafts/2026/q1.yaml', true],
    ['?e.yaml', 'x/ae.yaml', true],
    ['a*b', 'a/b', false],
  ])('%s against %s: %s', (pattern, text, expected) => {
    expect(globMatcher([pattern])(text)).toBe(expected);
  });

  it('a command-line glob matches in its own folder only', () => {
    const { base, matches } = splitGlob('policy/*.yaml');
    expect(base).toBe('policy');
    expect([matches('ae.yaml'), matches('plans/ae.yaml')]).toEqual([true, false]);
  });

  it('*a*a*…*ab against a long name is decided at once (the regular expression would take longer than the age of the universe)', () => {
    const pattern = `${'*a'.repeat(40)}b`;
    const name = 'a'.repeat(4000);
    expect(globMatcher([pattern])(name)).toBe(false);
    expect(globMatcher([pattern])(`${name}b`)).toBe(true);
    expect(splitGlob(`policy/${pattern}`).matches(name)).toBe(false);
  });
});
