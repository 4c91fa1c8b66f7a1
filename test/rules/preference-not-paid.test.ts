import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'preference-not-paid';

const PREFER = set('strategy.priorities.0.prefer', [{ metric: 'annual-arr', over: 'monthly-arr' }]);
const METRICS = `metrics:
  - { id: annual-arr, type: outcome, perspective: financial }
  - { id: monthly-arr, type: outcome, perspective: financial }
`;
const plan = (annual: string, monthly: string, extra = '') => `${METRICS}compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: annual-arr, rate: "${annual}" }
      - { metric: monthly-arr, rate: "${monthly}" }
${extra}`;

describe('preference-not-paid', () => {
  it('fires when a plan pays the metric the strategy prefers no more than the one it is preferred over, or only the lesser one', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: plan('10%', '10%'),
          edits: [PREFER],
          errors: [
            {
              at: 'compensation.0.commission.1',
              message:
                'Plan ae-2026 pays monthly-arr 10% commission and annual-arr 10% commission, while priority enterprise-growth prefers annual-arr over monthly-arr: the preference is not paid, so the easier option wins.',
              fix: 'pay annual-arr more than monthly-arr in ae-2026: a higher rate, or credit: [{ metric: annual-arr, multiplier: 1.25 }]',
            },
          ],
        },
        {
          policy: `${METRICS}compensation:
  - { id: ae-2026, team: sales, commission: [{ metric: monthly-arr, rate: "10%" }] }
`,
          edits: [PREFER],
          errors: [
            {
              at: 'compensation.0.commission.0',
              message:
                'Plan ae-2026 pays on monthly-arr and not on annual-arr, which priority enterprise-growth prefers over it: the team is paid for the option the strategy wants less.',
              fix: 'add annual-arr to ae-2026 at a higher rate than monthly-arr',
            },
          ],
        },
      ],
    }));

  it('stays silent when the preferred metric pays more, by rate or by a credit multiplier, and without a preference', () =>
    testRule(RULE, {
      valid: [
        { policy: plan('12%', '10%'), edits: [PREFER] },
        { policy: plan('10%', '10%', '    credit: [{ metric: annual-arr, multiplier: 1.25 }]\n'), edits: [PREFER] },
        { policy: plan('10%', '10%') },
      ],
    }));

  it("leaves a component shared with another team to that team's plan (an SDR bonus on new ARR shared with the AEs)", () =>
    testRule(RULE, {
      valid: [
        {
          policy: `${METRICS}compensation:
  - id: sdr-2026
    team: marketing
    bonus:
      - { metric: monthly-arr, weight: 0.3, shared_with: [sales] }
      - { metric: enterprise-arr, weight: 0.7 }
`,
          edits: [PREFER],
        },
      ],
    }));
});
