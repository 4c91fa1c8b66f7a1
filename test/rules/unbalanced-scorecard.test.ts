import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'unbalanced-scorecard';

/** IT's OKRs measure only the internal perspective, support's bonus only the customer one. */
const SERVICE = `version: 1
strategy:
  priorities:
    - id: service
      favor: { metrics: [order-accuracy] }
teams:
  - { id: it }
  - { id: support }
metrics:
  - { id: system-uptime, type: quality, perspective: internal }
  - { id: change-failure-rate, type: quality, perspective: internal }
  - { id: it-user-satisfaction, type: quality, perspective: customer }
  - { id: order-accuracy, type: quality, perspective: customer }
  - { id: handle-time, type: speed }
  - { id: learning-hours, type: behavior, perspective: learning }
  - { id: cost-per-contact, type: outcome, perspective: financial }
okrs:
  - id: it-2026-h1
    team: it
    key_results:
      - { metric: system-uptime }
      - { metric: change-failure-rate }
compensation:
  - id: support-2026
    team: support
    bonus: [{ metric: order-accuracy, weight: 1 }]
`;

/** Two perspectives in each instrument. */
const TWO_EACH = [
  set('okrs.0.key_results.1', { metric: 'it-user-satisfaction' }),
  set('compensation.0.bonus', [
    { metric: 'order-accuracy', weight: 0.5 },
    { metric: 'learning-hours', weight: 0.5 },
  ]),
];

describe('unbalanced-scorecard', () => {
  it('fires on the instrument id, naming the missing perspectives and a metric of one of them', () =>
    testRule(RULE, {
      invalid: [
        {
          base: SERVICE,
          errors: [
            {
              at: 'okrs.0.id',
              message: 'OKR set it-2026-h1 measures only the internal perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a key result { metric: it-user-satisfaction } (perspective: customer); missing perspectives: financial, customer and learning',
            },
            {
              at: 'compensation.0.id',
              message: 'Plan support-2026 measures only the customer perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a bonus component on cost-per-contact (perspective: financial); missing perspectives: financial, internal and learning',
            },
          ],
        },
      ],
    }));

  it("judges balance over what the same people receive: a result or quality measure of the team's own ladder, or of a plan of everyone, balances a plan", () =>
    testRule(RULE, {
      valid: [
        {
          name: "support's ladder promotes on the cost of a contact",
          base: SERVICE,
          edits: [
            set('okrs.0.key_results.1', { metric: 'it-user-satisfaction' }),
            set('promotions', [
              { id: 'support-ladder', team: 'support', criteria: [{ text: 'Runs an efficient desk', metric: 'cost-per-contact' }] },
            ]),
          ],
        },
        {
          name: 'a profit share for everyone beside each team',
          base: SERVICE,
          edits: [set('compensation.1', { id: 'profit-share', bonus: [{ metric: 'cost-per-contact', weight: 1 }] })],
        },
      ],
      invalid: [
        {
          name: 'a ladder on one more behavior count balances nothing',
          base: SERVICE,
          edits: [
            set('okrs.0.key_results.1', { metric: 'it-user-satisfaction' }),
            set('promotions', [
              { id: 'support-ladder', team: 'support', criteria: [{ text: 'Keeps learning', metric: 'learning-hours' }] },
            ]),
          ],
          errors: [
            {
              at: 'compensation.0.id',
              message: 'Plan support-2026 measures only the customer perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a bonus component on change-failure-rate (perspective: internal); missing perspectives: financial, internal and learning',
            },
          ],
        },
        {
          name: "another team's ladder is not on support's scorecard",
          base: SERVICE,
          edits: [
            set('okrs.0.key_results.1', { metric: 'it-user-satisfaction' }),
            set('promotions', [
              { id: 'it-ladder', team: 'it', criteria: [{ text: 'Runs an efficient desk', metric: 'cost-per-contact' }] },
            ]),
          ],
          errors: [
            {
              at: 'compensation.0.id',
              message: 'Plan support-2026 measures only the customer perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a bonus component on change-failure-rate (perspective: internal); missing perspectives: financial, internal and learning',
            },
          ],
        },
      ],
    }));

  it('stays silent at min_perspectives and fires below it', () =>
    testRule(RULE, {
      valid: [
        { name: 'two perspectives each', base: SERVICE, edits: TWO_EACH },
        { name: 'min_perspectives 1', base: SERVICE, options: { min_perspectives: 1 } },
      ],
      invalid: [
        {
          name: 'min_perspectives 3',
          base: SERVICE,
          edits: TWO_EACH,
          options: { min_perspectives: 3 },
          errors: [
            {
              at: 'okrs.0.id',
              message: 'OKR set it-2026-h1 measures only the customer and internal perspectives of the balanced scorecard (fewer than 3).',
              fix: 'add a key result { metric: cost-per-contact } (perspective: financial); missing perspectives: financial and learning',
            },
            {
              at: 'compensation.0.id',
              message: 'Plan support-2026 measures only the customer and learning perspectives of the balanced scorecard (fewer than 3).',
              fix: 'add a bonus component on change-failure-rate (perspective: internal); missing perspectives: financial and internal',
            },
          ],
        },
      ],
    }));

  it('stays silent when no rewarded metric declares a perspective, and does not judge ladders', () =>
    testRule(RULE, {
      valid: [
        {
          base: SERVICE,
          policy: `promotions:
  - id: ladder
    team: it
    criteria: [{ text: Keeps systems up, metric: system-uptime }]
`,
          edits: [
            set('okrs.0.key_results', [{ metric: 'handle-time' }]),
            set('compensation.0.bonus', [{ metric: 'handle-time', weight: 1 }]),
          ],
        },
      ],
    }));

  it("leaves a sales team's commission plan alone by default (it pays on outputs by design); the option brings it back", () => {
    const sales = `metrics:
  - { id: new-arr, type: outcome, perspective: financial }
  - { id: net-retention, type: outcome, perspective: customer }
compensation:
  - id: ae-2026
    team: sales
    commission: [{ metric: new-arr, rate: "10%" }]
`;
    return testRule(RULE, {
      valid: [{ policy: sales }],
      invalid: [
        {
          policy: sales,
          options: { sales_commission_plans: true },
          errors: [
            {
              at: 'compensation.0.id',
              message: 'Plan ae-2026 measures only the financial perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a bonus component on net-retention (perspective: customer); missing perspectives: customer, internal and learning',
            },
          ],
        },
        {
          name: 'the bonus-only plan of a revenue team is still judged',
          policy: `metrics:
  - { id: new-arr, type: outcome, perspective: financial }
  - { id: net-retention, type: outcome, perspective: customer }
compensation:
  - id: ae-2026
    team: sales
    bonus: [{ metric: new-arr, weight: 1 }]
`,
          errors: [
            {
              at: 'compensation.0.id',
              message: 'Plan ae-2026 measures only the financial perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a bonus component on net-retention (perspective: customer); missing perspectives: customer, internal and learning',
            },
          ],
        },
      ],
    });
  });

  it('stays silent on an OKR set with one key result: it is focused, not unbalanced (the plan beside it is still judged)', () =>
    testRule(RULE, {
      invalid: [
        {
          base: SERVICE,
          edits: [set('okrs.0.key_results', [{ metric: 'system-uptime' }])],
          errors: [
            {
              at: 'compensation.0.id',
              message: 'Plan support-2026 measures only the customer perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a bonus component on change-failure-rate (perspective: internal); missing perspectives: financial, internal and learning',
            },
          ],
        },
      ],
    }));

  it('stays silent when the policy declares no result or quality metric of a missing perspective for the team: another count balances nothing', () =>
    testRule(RULE, {
      valid: [
        {
          name: 'a public health system with customer measures only (VA, 2014)',
          text: `version: 1
strategy: { name: Access }
teams: [{ id: physicians }]
metrics:
  - { id: appointments-within-14-days, type: speed, perspective: customer }
  - { id: patient-satisfaction, type: quality, perspective: customer }
  - { id: referrals-made, type: output, perspective: internal }
compensation:
  - id: physician-pay
    team: physicians
    bonus: [{ metric: appointments-within-14-days, weight: 0.6 }, { metric: patient-satisfaction, weight: 0.4 }]
`,
        },
      ],
    }));

  it("never suggests a neighbour team's operational measure: support next to IT is not asked to take IT's change-failure rate", () =>
    testRule(RULE, {
      invalid: [
        {
          base: SERVICE,
          edits: [set('teams.1', { id: 'support', hands_off_to: ['it'] })],
          errors: [
            {
              at: 'okrs.0.id',
              message: 'OKR set it-2026-h1 measures only the internal perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a key result { metric: it-user-satisfaction } (perspective: customer); missing perspectives: financial, customer and learning',
            },
            {
              at: 'compensation.0.id',
              message: 'Plan support-2026 measures only the customer perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a bonus component on cost-per-contact (perspective: financial); missing perspectives: financial, internal and learning',
            },
          ],
        },
      ],
    }));
  it("counts the perspectives a plan pays on through its pool (the metric funding it, its rating's components)", () =>
    testRule(RULE, {
      valid: [
        {
          base: SERVICE,
          edits: [
            set('okrs.0.key_results.1', { metric: 'it-user-satisfaction' }),
            set('compensation.0.bonus', [{ metric: 'order-accuracy', weight: 0.5 }]),
            set('compensation.0.pool', { funded_by: 'cost-per-contact', weight: 0.5, rating: [{ metric: 'order-accuracy', weight: 1 }] }),
          ],
        },
      ],
      invalid: [
        {
          base: SERVICE,
          edits: [
            set('okrs.0.key_results.1', { metric: 'it-user-satisfaction' }),
            set('compensation.0.bonus', [{ metric: 'order-accuracy', weight: 0.5 }]),
            set('compensation.0.pool', {
              funded_by: 'it-user-satisfaction',
              weight: 0.5,
              rating: [{ metric: 'order-accuracy', weight: 1 }],
            }),
          ],
          errors: [
            {
              at: 'compensation.0.id',
              message: 'Plan support-2026 measures only the customer perspective of the balanced scorecard (fewer than 2).',
              fix: 'add a bonus component on change-failure-rate (perspective: internal); missing perspectives: financial, internal and learning',
            },
          ],
        },
      ],
    }));
});
