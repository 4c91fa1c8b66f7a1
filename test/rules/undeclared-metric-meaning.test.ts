import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'undeclared-metric-meaning';

/** Plan ae-2026 pays commission on new-arr in full at signature; the strategy favors nrr, a customer outcome nothing declares. */
const PLAN = `version: 1
strategy:
  priorities:
    - id: keep
      favor: { metrics: [nrr] }
teams:
  - { id: sales }
metrics:
  - { id: new-arr, type: outcome, perspective: financial }
  - { id: nrr, type: outcome, perspective: customer }
  - { id: collected, type: outcome, perspective: financial }
compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, rate: "10%" }
`;

const RETENTION = {
  at: 'metrics.1.id',
  message:
    'No metric declares whether a lost customer lowers it (nets_churn): if nrr does (retention, churn), whether the commission depends on the customer staying matters, and the linter cannot tell.',
  fix: 'declare nets_churn: true on nrr where a lost customer lowers it, nets_churn: false where it does not',
};

describe('undeclared-metric-meaning', () => {
  it('asks for nets_churn on a favored customer outcome beside commission on new business with no guard, or beside a guard that would serve it', () =>
    testRule(RULE, {
      invalid: [
        { text: PLAN, errors: [RETENTION] },
        {
          name: 'a guarded plan serves a favored retention metric only if it is one',
          base: PLAN,
          edits: [set('compensation.0.clawback', { months: 6 })],
          errors: [RETENTION],
        },
      ],
    }));

  it('asks on the metrics a team is paid on when a team paid commission on new business hands off to it: unguarded, or guarded with no metric shared', () => {
    const handoff = [
      set('strategy.priorities.0.favor.metrics', ['new-arr']),
      set('teams', [{ id: 'sales', hands_off_to: ['success'] }, { id: 'success' }]),
      set('metrics.2', { id: 'book-kept', type: 'outcome', perspective: 'financial' }),
      set('compensation.1', { id: 'success-2026', team: 'success', bonus: [{ metric: 'book-kept', weight: 1 }] }),
    ];
    const asksBookKept = {
      at: 'metrics.2.id',
      message:
        'No metric declares whether a lost customer lowers it (nets_churn): if book-kept does (retention, churn), whether the commission depends on the customer staying matters, and the linter cannot tell.',
      fix: 'declare nets_churn: true on book-kept where a lost customer lowers it, nets_churn: false where it does not',
    };
    return testRule(RULE, {
      invalid: [
        { name: 'unguarded', base: PLAN, edits: handoff, errors: [asksBookKept] },
        { name: 'guarded, siloed', base: PLAN, edits: [...handoff, set('compensation.0.clawback', { months: 6 })], errors: [asksBookKept] },
      ],
      valid: [
        {
          name: 'guarded, and the teams share a metric',
          base: PLAN,
          edits: [
            ...handoff,
            set('compensation.0.clawback', { months: 6 }),
            set('compensation.1.bonus', [
              { metric: 'book-kept', weight: 0.8 },
              { metric: 'new-arr', weight: 0.2 },
            ]),
          ],
        },
      ],
    });
  });

  it('asks for measures_collection on a favored financial outcome nothing pays on, when commission is earned on collection', () =>
    testRule(RULE, {
      invalid: [
        {
          base: PLAN,
          edits: [set('strategy.priorities.0.favor.metrics', ['collected']), set('compensation.0.earned_on', 'collection')],
          errors: [
            {
              at: 'metrics.2.id',
              message:
                'Commission is earned on collection, and the strategy favors collected, which nothing rewards: if it is cash collected, that commission rewards it, but no metric says so.',
              fix: 'declare measures_collection: true on collected where it is cash collected, measures_collection: false where it is not',
            },
          ],
        },
      ],
    }));

  it('stays silent once any metric declares the key (true or false), with no commission, or when the guarded plan already pays the metric', () =>
    testRule(RULE, {
      valid: [
        { base: PLAN, edits: [set('metrics.1.nets_churn', true)] },
        { base: PLAN, edits: [set('metrics.0.nets_churn', false)] },
        { base: PLAN, edits: [set('compensation.0', { id: 'ae-2026', team: 'sales', bonus: [{ metric: 'new-arr', weight: 1 }] })] },
        {
          base: PLAN,
          edits: [
            set('compensation.0.clawback', { months: 6 }),
            set('compensation.0.commission', [
              { metric: 'new-arr', rate: '10%' },
              { metric: 'nrr', rate: '2%' },
            ]),
          ],
        },
        {
          base: PLAN,
          edits: [
            set('strategy.priorities.0.favor.metrics', ['collected']),
            set('compensation.0.earned_on', 'collection'),
            set('metrics.2.measures_collection', false),
            set('metrics.1.nets_churn', false),
          ],
        },
        { base: PLAN, edits: [set('strategy.priorities.0.favor.metrics', ['new-arr']), set('compensation.0.earned_on', 'invoice')] },
        // The priority is served already (new-arr is paid): whether nrr nets churn changes no finding.
        {
          name: 'guarded, priority served',
          base: PLAN,
          edits: [set('compensation.0.clawback', { months: 6 }), set('strategy.priorities.0.favor.metrics', ['nrr', 'new-arr'])],
        },
        {
          name: 'on collection, priority served',
          base: PLAN,
          edits: [
            set('strategy.priorities.0.favor.metrics', ['collected', 'new-arr']),
            set('compensation.0.earned_on', 'collection'),
            set('metrics.1.nets_churn', false),
          ],
        },
      ],
    }));

  it('asks whether a favored metric nothing rewards is a means to the shared gain, where that gain is all anyone is paid on', () => {
    const policy = (proxy: string, plans: string) => `version: 1
strategy:
  priorities:
    - id: satisfied-customers
      favor: { metrics: [customer-satisfaction] }
teams:
  - { id: branches, kind: non-revenue }
  - { id: sales, kind: revenue }
metrics:
  - { id: excess-profit, type: outcome, perspective: financial }
  - { id: tenure, type: behavior, perspective: learning }
  - { id: customer-satisfaction, type: outcome, perspective: customer${proxy} }
compensation:
  - id: profit-sharing
    pool: { funded_by: excess-profit, share: "33%", rating: [{ metric: tenure, weight: 1 }] }
${plans}`;
    return testRule(RULE, {
      invalid: [
        {
          text: policy('', ''),
          errors: [
            {
              at: 'metrics.2.id',
              message:
                'Everyone is paid only on the shared gain (excess-profit), and the strategy favors customer-satisfaction, which nothing rewards: if it is a means to that gain, the shared pay rewards it, but no metric says so.',
              fix: 'declare proxy_for: [excess-profit] on customer-satisfaction where it is a means to the shared gain; where it is not, reward it',
            },
          ],
        },
      ],
      valid: [
        { name: 'declared a means to the gain', text: policy(', proxy_for: [excess-profit]', '') },
        {
          name: 'a team paid a bonus of its own beside the pool: the priority is uncovered, not a question',
          text: policy('', '  - id: ae-2026\n    team: sales\n    bonus:\n      - { metric: excess-profit, weight: 1 }\n'),
        },
      ],
    });
  });
});
