/**
 * The examples `explain` shows for every built-in rule are proved: `bad`, merged onto the base
 * policy of rule tests, is reported by that rule; `good` is not. Both must load without a problem.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { runRuleCase } from '../../src/testing/index.js';

describe.each(builtinRules.map((rule) => ({ id: rule.meta.id, rule })))('the explain examples of $id', ({ id, rule }) => {
  const examples = rule.meta.examples!;
  const baseline = examples.baseline === undefined ? undefined : { policy: examples.baseline };

  it('has both', () => {
    expect(examples?.bad).toBeTruthy();
    expect(examples?.good).toBeTruthy();
  });

  it('bad is reported by the rule', async () => {
    const run = await runRuleCase(rule, { policy: examples.bad, baseline });
    expect(run.problem).toBeUndefined();
    expect('findings' in run ? run.findings.map((finding) => finding.rule) : []).toContain(id);
  });

  it('good is not', async () => {
    const run = await runRuleCase(rule, { policy: examples.good, baseline });
    expect(run.problem).toBeUndefined();
    expect('findings' in run ? run.findings : undefined).toEqual([]);
  });
});
