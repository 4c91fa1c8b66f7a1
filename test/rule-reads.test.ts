/** What each built-in rule reads (meta.reads): keys of the policy schema, and every key its own examples show it depends on. */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { defineRule } from '../src/api.js';
import { formatMarkdown } from '../src/format-docs.js';
import { isPolicyKeyPath, policyKeyPaths } from '../src/schema-keys.js';
import { mergeFragment, renderPolicy, runRuleCase } from '../src/testing/index.js';

describe('meta.reads of the built-in rules', () => {
  it('every built-in rule names the keys it reads', () => {
    for (const rule of builtinRules) {
      expect(Array.isArray(rule.meta.reads), rule.meta.id).toBe(true);
      expect(rule.meta.reads!.length, rule.meta.id).toBeGreaterThan(0);
    }
  });

  it('every path a rule reads names a key of the policy schema', () => {
    const wrong = builtinRules.flatMap((rule) =>
      (rule.meta.reads ?? []).filter((path) => !isPolicyKeyPath(path)).map((path) => `${rule.meta.id}: ${path}`),
    );
    expect(wrong).toEqual([]);
  });

  it('a plugin rule may leave reads out', () => {
    const rule = defineRule({
      meta: { id: 'acme/no-reads', category: 'integrity', severity: 'info', summary: 's', rationale: 'r', source: 's' },
      check() {},
    });
    expect(rule.meta.reads).toBeUndefined();
  });
});

describe('policy key paths', () => {
  it('walks the zod schema by the path: a misspelled key, a list without [], [] on a mapping or a path ending in [] is no key', () => {
    for (const path of [
      'metrics[].reported_by',
      'compensation[].commission[].segment',
      'strategy.priorities[].favor.segments',
      'compensation[].curve.cap.amount',
      'compensation[].quotas[].curve',
      'metrics',
      'strategy.announced',
    ]) {
      expect(isPolicyKeyPath(path), path).toBe(true);
    }
    for (const path of [
      'metrics[].reportedby',
      'metrics.type',
      'metrics[]',
      'strategy[].announced',
      'compensation[].curve[].cap',
      'compensation[].rate',
      'metrics[].type.kind',
      '',
    ]) {
      expect(isPolicyKeyPath(path), path).toBe(false);
    }
  });

  it('lists every key once, in schema order, each one a path', () => {
    const paths = policyKeyPaths();
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((path) => !isPolicyKeyPath(path))).toEqual([]);
    expect(paths.indexOf('strategy')).toBeLessThan(paths.indexOf('strategy.priorities[].favor.segments'));
    expect(paths.indexOf('metrics[].nets_churn')).toBeLessThan(paths.indexOf('compensation[].commission[].rate'));
    expect(paths).toContain('roster[].attainment');
  });
});

describe("docs/format.md and the rules' reads", () => {
  it('refuses to generate the docs for a rule that reads a key the schema does not have', () => {
    const typo = defineRule({
      meta: {
        id: 'acme/typo',
        category: 'integrity',
        severity: 'info',
        summary: 's',
        rationale: 'r',
        source: 's',
        reads: ['metrics[].reportedby'],
      },
      check() {},
    });
    expect(() => formatMarkdown(undefined, [typo])).toThrow(
      'rule acme/typo reads "metrics[].reportedby", which is no key of the policy format',
    );
  });

  it('lists, for each key, exactly the rules whose reads name it', () => {
    const rule = (id: string, reads: string[]) =>
      defineRule({ meta: { id, category: 'integrity', severity: 'info', summary: 's', rationale: 'r', source: 's', reads }, check() {} });
    const doc = formatMarkdown(undefined, [
      rule('first', ['metrics[].nets_churn', 'compensation[].commission[].segment']),
      rule('second', ['metrics[].nets_churn']),
    ]);
    const table = doc.slice(doc.indexOf('## Which declarations change which findings'));
    expect(table.split('\n').filter((line) => line.startsWith('| [`'))).toEqual([
      '| [`metrics[].nets_churn`](#metric) | [first](rules.md#first), [second](rules.md#second) |',
      '| [`compensation[].commission[].segment`](#commission-line) | [first](rules.md#first) |',
    ]);
    expect(doc).toMatch(/^\| `nets_churn` \| .* Read by: first, second\. \|$/m);
    expect(doc).toMatch(/^- \[Which declarations change which findings\]\(#which-declarations-change-which-findings\)$/m);
  });
});

/** A key's change the reads leave out by design: ids name things (every finding names them), and a criterion's or award's text only orders equal lines. */
const IDENTITY = /(?:^|\.)(?:id|text)$/;

/** Every change of one key of `data`: removed, a boolean flipped, a number or date moved, an enum or reference switched to another value the policy uses for that key. */
function* changes(data: Record<string, unknown>): Generator<{ key: string; apply: (copy: Record<string, unknown>) => void }> {
  const valuesOf = new Map<string, Set<unknown>>();
  const collect = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string') valuesOf.set(key, (valuesOf.get(key) ?? new Set()).add(value));
        collect(value);
      }
    }
  };
  collect(data);
  // A reference may name any declared id of its kind, not only those the policy already uses there.
  for (const [key, section] of [
    ['metric', 'metrics'],
    ['segment', 'segments'],
    ['team', 'teams'],
  ] as const) {
    for (const declared of (data[section] as { id: string }[] | undefined) ?? [])
      valuesOf.set(key, (valuesOf.get(key) ?? new Set()).add(declared.id));
  }
  const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  function* walk(node: unknown, at: (string | number)[]): Generator<{ key: string; apply: (copy: Record<string, unknown>) => void }> {
    const parentOf = (copy: Record<string, unknown>) =>
      at.reduce<Record<string | number, unknown>>((inner, segment) => inner[segment] as Record<string | number, unknown>, copy);
    const path = (key: string | number) =>
      [...at, key]
        .map((segment) => (typeof segment === 'number' ? '[]' : `.${segment}`))
        .join('')
        .replace(/^\./, '')
        .replace(/\.\[\]/g, '[]')
        .replace(/\[\]$/, '');
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) {
        if (typeof item === 'string')
          yield { key: path(index), apply: (copy) => void (parentOf(copy) as unknown as unknown[]).splice(index, 1) };
        else yield* walk(item, [...at, index]);
      }
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'version') continue;
      const to = (next: unknown) => ({ key: path(key), apply: (copy: Record<string, unknown>) => void (parentOf(copy)[key] = next) });
      yield { key: path(key), apply: (copy) => void delete parentOf(copy)[key] };
      if (typeof value === 'boolean') yield to(!value);
      else if (typeof value === 'number')
        for (const factor of [0.5, 1.5, 3]) yield to(value <= 1 ? Math.min(1, value * factor) : value * factor);
      else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
        for (const days of [-400, -100, 100, 400]) yield to(shift(value, days));
      else if (typeof value === 'string')
        for (const other of [...(valuesOf.get(key) ?? [])].filter((other) => other !== value).slice(0, 3)) yield to(other);
      if (value && typeof value === 'object') yield* walk(value, [...at, key]);
    }
  }
  yield* walk(data, []);
}

describe("what each rule's own examples depend on", () => {
  // One case per rule: each reruns its examples once per change of every key, and a rule that prices a sales force costs more per run.
  it.each(builtinRules.map((rule) => ({ id: rule.meta.id, rule })))(
    '$id: every key whose change adds, removes or moves a finding on its examples is one the rule reads',
    async ({ rule }) => {
      const unread: string[] = [];
      const reads = rule.meta.reads ?? [];
      // A key is read when the rule names it, a key inside it, or the mapping or list that holds it.
      const read = (key: string) =>
        reads.some(
          (path) =>
            path === key ||
            key.startsWith(`${path}.`) ||
            key.startsWith(`${path}[]`) ||
            path.startsWith(`${key}.`) ||
            path.startsWith(`${key}[]`),
        );
      const baseline = rule.meta.examples?.baseline === undefined ? undefined : { policy: rule.meta.examples.baseline };
      for (const example of [rule.meta.examples?.bad, rule.meta.examples?.good]) {
        const data = mergeFragment(example);
        const where = async (text: string) => {
          const run = await runRuleCase(rule, { text, baseline });
          return run.problem === undefined
            ? run.findings
                .map((finding) => finding.path.join('/'))
                .sort()
                .join('\n')
            : undefined;
        };
        const before = await where(renderPolicy(data));
        expect(before, rule.meta.id).toBeDefined();
        for (const change of changes(data)) {
          if (IDENTITY.test(change.key) || read(change.key) || unread.includes(change.key)) continue;
          const copy = structuredClone(data);
          change.apply(copy);
          const after = await where(renderPolicy(copy));
          if (after !== undefined && after !== before) unread.push(change.key);
        }
      }
      expect(unread).toEqual([]);
    },
  );
});
