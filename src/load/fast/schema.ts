/**
 * A js-yaml schema that resolves plain scalars exactly as the `yaml` package's YAML 1.2 core schema
 * does (same patterns, same conversions), so that the fast and the exact loader read the same values.
 * js-yaml's own CORE_SCHEMA differs in corners (binary ints, underscores), hence this one.
 */
import jsYaml from 'js-yaml';

/**
 * One js-yaml type per tag (js-yaml keeps only the last type of a tag): the first pattern that
 * matches converts. `starts` lists the characters a match can begin with, a cheap test that most
 * plain scalars of a policy (ids, names) fail before any pattern runs.
 */
const scalar = (tag: string, starts: string, forms: ReadonlyArray<readonly [RegExp, (text: string) => unknown]>) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (data: unknown) =>
      typeof data === 'string' && (data === '' || starts.includes(data[0]!)) && forms.some(([test]) => test.test(data)),
    construct: (data: string) => forms.find(([test]) => test.test(data))![1](data),
  });

const parseIntFrom = (offset: number, radix: number) => (text: string) => Number.parseInt(text.substring(offset), radix);

export const FAST_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', '~nN', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar('bool', 'tTfF', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T']]),
    scalar('int', '+-0123456789', [
      [/^0o[0-7]+$/, parseIntFrom(2, 8)],
      [/^[-+]?[0-9]+$/, parseIntFrom(0, 10)],
      [/^0x[0-9a-fA-F]+$/, parseIntFrom(2, 16)],
    ]),
    scalar('float', '+-.0123456789', [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (text) =>
          text.slice(-3).toLowerCase() === 'nan' ? Number.NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, Number.parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, Number.parseFloat],
    ]),
  ],
});
