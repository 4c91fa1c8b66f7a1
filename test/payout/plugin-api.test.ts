/**
 * Rules and plugins reach the payout model through the public API: `index.payoutOf(plan)` prices
 * bookings, `simulatePlan` gives the rational choice. A plugin rule written only against src/api.ts.
 */
import { describe, expect, it } from 'vitest';
import { defineRule, simulatePlan, type CompensationPlanT } from '../../src/api.js';
import { testRule } from '../../src/testing/index.js';

const bestPaidChoice = defineRule({
  meta: {
    id: 'acme/best-paid-choice',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: 'The best-paid month of effort at quota is a deprioritized segment',
    rationale: 'Sellers follow the money per month of effort.',
    source: 'Acme revenue-ops policy',
  },
  check({ index, report }) {
    for (const plan of index.policy.compensation) {
      const atQuota = simulatePlan(index, plan, { levels: [1] }).winners[0];
      const pay = index.payoutOf(plan).pay([{ metric: 'new-arr', segment: 'smb', amount: 8000 }]).total;
      if (atQuota?.status === 'deprioritized')
        report({
          node: plan,
          message: `${plan.id}: ${atQuota.segment} pays most at quota (one SMB deal pays ${pay})`,
          fix: 'pay enterprise more',
        });
    }
  },
});

/** OTE 200,000 at 50% on a 1,000,000 quota: a base rate of 10% for both segments. */
const quotaPlan = (credit: string) => `compensation:
  - id: ae-2026
    team: sales
    ote: 200000
    variable_share: 0.5
    quotas: [{ metric: new-arr, amount: 1000000 }]
    credit: [${credit}]`;

describe('the payout model through the plugin API', () => {
  it('a rule prices bookings and reads the rational choice', () =>
    testRule(bestPaidChoice, {
      // Enterprise 120,000 × 10% ÷ 7 months = 1,714 a month against SMB 8,000 × 10% ÷ 0.7 = 1,143…
      valid: [quotaPlan('')],
      // …until SMB dollars count double: 8,000 × 2 × 10% ÷ 0.7 = 2,286.
      invalid: [
        {
          policy: quotaPlan('{ segment: smb, multiplier: 2 }'),
          errors: [
            { at: 'compensation.0', message: 'ae-2026: smb pays most at quota (one SMB deal pays 1600)', fix: 'pay enterprise more' },
          ],
        },
      ],
    }));

  it('the simulation of a plan is plain data', async () => {
    const { loadPolicyTexts } = await import('../../src/load/index.js');
    const { PolicyIndex } = await import('../../src/engine/lookups/policy-index.js');
    const { policyText } = await import('../../src/testing/index.js');
    const text = policyText({
      policy: {
        compensation: [
          {
            id: 'ae-2026',
            ote: 200000,
            variable_share: 0.5,
            quotas: [{ metric: 'new-arr', amount: 1000000 }],
            credit: [{ segment: 'smb', multiplier: 2 }],
          },
        ],
      },
    });
    const loaded = loadPolicyTexts([{ path: 'policy.yaml', text }]);
    const index = new PolicyIndex(loaded.policy, loaded.sections);
    const simulation = simulatePlan(index, loaded.policy.compensation[0] as CompensationPlanT);
    expect(
      JSON.parse(JSON.stringify({ ...simulation, node: undefined })).winners.map((winner: { segment: string }) => winner.segment),
    ).toEqual(['smb', 'smb', 'smb', 'smb']);
  });
});
