import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

// The base policy's enterprise deals take 210 days, smb deals 21.
const RULE = 'pay-mix';

function plan(variableShare: number, segment = 'enterprise'): string {
  return `compensation:
  - id: ae-2026
    team: sales
    ote: 240000
    variable_share: ${variableShare}
    quotas:
      - { metric: new-arr, segment: ${segment}, amount: 1200000 }
`;
}

describe('pay-mix', () => {
  it('fires on the variable share of a plan selling a long-cycle segment with more than 40% at risk', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: plan(0.5),
          errors: [
            {
              at: 'compensation.0.variable_share',
              message:
                'Plan ae-2026 puts 50% of on-target pay at risk while its sellers work enterprise deals of 210-day cycles, more than 40%: a long sale needs more base to carry the seller between commissions, or they turn to the shorter deals the plan pays sooner.',
              fix: 'lower the variable_share of plan ae-2026 to at most 40% (such as variable_share: 0.4), moving the difference into base salary',
            },
          ],
        },
      ],
    }));

  it('stays silent at 40% or less, on a short-cycle segment, and when long_cycle_days is above the cycle', () =>
    testRule(RULE, {
      valid: [
        { name: '60/40', policy: plan(0.4) },
        { name: 'smb, 21 days', policy: plan(0.6, 'smb') },
        { name: 'long_cycle_days 365', policy: plan(0.5), options: { long_cycle_days: 365 } },
      ],
    }));
});
