import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';
import { salesPlan } from './fragments.js';

const RULE = 'unknown-reference';
const waiver = (rule: string) => `{ rule: ${rule}, target: ae-2026, reason: Q3 cycle, approved_by: CRO, expires: 2026-09-30 }`;

describe('unknown-reference', () => {
  it('fires on an undeclared metric with "did you mean", pointing at the value', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `okrs:
  - id: eng-q3
    team: enginering
    key_results:
      - { metric: defect-rat, target: "-30%" }
`,
          errors: [
            {
              at: 'okrs.0.team',
              message: 'Unknown team "enginering"; did you mean "engineering"?',
              fix: 'write engineering, or declare enginering under teams',
            },
            {
              at: 'okrs.0.key_results.0.metric',
              message: 'Unknown metric "defect-rat"; did you mean "defect-rate"?',
              fix: 'write defect-rate, or declare defect-rat under metrics',
            },
          ],
        },
      ],
    }));

  it('checks the rule a waiver names: a misspelled one accepts nothing, silently', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `${salesPlan('8%', '8%')}waivers:\n  - ${waiver('flat-comission')}\n  - ${waiver('flat-commission')}\n  - ${waiver('no-such-check')}\n`,
          errors: [
            {
              at: 'waivers.0.rule',
              message:
                'Unknown rule "flat-comission" in the waiver for ae-2026, so the waiver accepts no finding; did you mean "flat-commission"?',
              fix: 'write flat-commission',
            },
            {
              at: 'waivers.2.rule',
              message: 'Unknown rule "no-such-check" in the waiver for ae-2026, so the waiver accepts no finding',
              fix: 'name a rule that exists (`incentive-lint rules` lists them), or remove the waiver',
            },
          ],
        },
      ],
    }));

  it('checks strategy lists, hands_off_to, shared_with, award teams and waiver targets', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `compensation:
  - id: ae-2026
    team: sales
    bonus:
      - { metric: enterprise-arr, weight: 1, shared_with: [customer-success] }
waivers:
  - { rule: flat-commission, target: ae-2025, reason: later, approved_by: CRO, expires: 2026-09-30 }
`,
          edits: [set('strategy.priorities.0.favor.segments.0', 'enterprize')],
          errors: [
            {
              at: 'strategy.priorities.0.favor.segments.0',
              message: 'Unknown segment "enterprize"; did you mean "enterprise"?',
              fix: 'write enterprise, or declare enterprize under segments',
            },
            {
              at: 'compensation.0.bonus.0.shared_with.0',
              message: 'Unknown team "customer-success"; the declared teams are engineering, sales',
              fix: 'declare customer-success under teams, or use an id declared there',
            },
            {
              at: 'waivers.0.target',
              message: 'Unknown instrument "ae-2025"; did you mean "ae-2026"?',
              fix: 'write ae-2026, or declare ae-2025 under compensation, okrs, promotions or recognition',
            },
          ],
        },
      ],
    }));

  it('stays silent when every reference is declared', () =>
    testRule(RULE, {
      valid: [
        `okrs:
  - id: eng-q3
    team: engineering
    key_results:
      - { metric: defect-rate, target: "-30%" }
`,
      ],
    }));

  it('checks leads and prefer, and names the closest declared id only when it is close', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `teams:
  - { id: sales-leadership, leads: [sales, enginering] }
`,
          edits: [set('strategy.priorities.0.prefer', [{ metric: 'enterprise-revenue', over: 'new-arr' }])],
          errors: [
            {
              at: 'strategy.priorities.0.prefer.0.metric',
              message: 'Unknown metric "enterprise-revenue" (the closest declared id is "enterprise-arr")',
              fix: 'declare enterprise-revenue under metrics, or use an id declared there',
            },
            {
              at: 'teams.2.leads.1',
              message: 'Unknown team "enginering"; did you mean "engineering"?',
              fix: 'write engineering, or declare enginering under teams',
            },
          ],
        },
      ],
    }));

  it('checks the team a metric is accepted_by', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `metrics:
  - { id: sales-accepted-opps, type: output, accepted_by: sale }
`,
          errors: [
            {
              at: 'metrics.4.accepted_by',
              message: 'Unknown team "sale"; did you mean "sales"?',
              fix: 'write sales, or declare sale under teams',
            },
          ],
        },
      ],
    }));
});
