/**
 * The `explain` examples of the rules on the payout model, run as a user would read them: fragments
 * over the tester's base policy. The bad one must produce a finding of the rule, the good one none.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { resolveOptions } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run.js';
import { loadPolicyTexts } from '../../src/load/index.js';
import { policyText, TEST_TODAY } from '../../src/testing/index.js';

async function findingsOn(ruleId: string, fragment: string): Promise<string[]> {
  const rule = builtinRules.find((candidate) => candidate.meta.id === ruleId)!;
  const loaded = loadPolicyTexts([{ path: 'policy.yaml', text: policyText({ policy: fragment }) }], { cwd: '/', loader: 'exact' });
  const run = await runRules(loaded, [{ rule, severity: rule.meta.severity, options: resolveOptions(rule).data! }], {
    today: TEST_TODAY,
    knownRuleIds: new Set(builtinRules.map((known) => known.meta.id)),
  });
  expect(run.diagnostics).toEqual([]);
  return run.findings.map((finding) => finding.message);
}

const PAYOUT_RULES = ['rational-choice', 'cap-on-favored', 'accelerator-on-deprioritized', 'spiff-timing', 'payout-cliff', 'too-many-measures', 'implausible-value'];

describe.each(PAYOUT_RULES)('the examples of %s', (id) => {
  const { examples } = builtinRules.find((rule) => rule.meta.id === id)!.meta;

  it('the bad example fires, the good one does not', async () => {
    expect((await findingsOn(id, examples!.bad)).length).toBeGreaterThan(0);
    expect(await findingsOn(id, examples!.good)).toEqual([]);
  });
});
