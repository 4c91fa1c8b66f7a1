/**
 * `incentive-lint/testing`: test a rule (built-in or plugin) the way the built-in rules are tested.
 *
 *   import { testRule } from 'incentive-lint/testing';
 *   it('acme/no-spiff-on-smb', () => testRule(noSpiffOnSmb, { valid: [...], invalid: [...] }));
 */
export { BASE_POLICY } from './base-policy.js';
export { applyEdits, mergeFragment, remove, renderPolicy, set, type PolicyEdit, type PolicyFragment, type PolicyPath } from './fragment.js';
export {
  policyText,
  runRuleCase,
  TEST_TODAY,
  testRule,
  type CaseRun,
  type ExpectedFinding,
  type InvalidRuleTestCase,
  type PolicyCase,
  type RuleTestCase,
  type RuleTests,
} from './test-rule.js';
