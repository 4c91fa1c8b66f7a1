import { describe, it } from 'vitest';
import { policyText, set, testRule } from '../../src/testing/index.js';

const RULE = 'no-retention-guard';

/** Sales hands off to customer success; plan ae-2026 pays commission on new-arr in full at signature. */
const HANDOFF = `version: 1
strategy:
  priorities:
    - id: keep
      favor: { metrics: [new-arr] }
teams:
  - { id: sales, hands_off_to: [customer-success] }
  - { id: customer-success }
metrics:
  - { id: new-arr, type: outcome, perspective: financial }
  - { id: net-retention, type: outcome, nets_churn: true }
  - { id: logo-churn, name: Logos lost, nets_churn: true }
  - { id: nps, type: outcome, perspective: customer, nets_churn: false }
  - { id: renewals-booked, name: Gross Retention, type: output, proxy_for: [new-arr], nets_churn: true }
  - { id: tickets-solved, type: output, perspective: internal, proxy_for: [new-arr] }
compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, rate: "10%" }
`;

const favoring = (metric: string) => set('strategy.priorities.0.favor.metrics', [metric]);
const csPlan = (metric: string) => set('compensation.1', { id: 'cs-2026', team: 'customer-success', bonus: [{ metric, weight: 1 }] });
const FIX =
  'add clawback: { months: 6 } or deferral: { share: 0.3, months: 6 } to plan ae-2026, so that commission depends on the customer staying 6 months';
const IN_FULL = 'Plan ae-2026 pays commission on new-arr in full at signature, with no clawback or deferral, while';
const STAYS = 'the seller earns the same whether the customer stays or churns.';
const favorsKeeping = (metric: string) => ({
  at: 'compensation.0.commission',
  message: `${IN_FULL} the strategy favors keeping customers (${metric}): ${STAYS}`,
  fix: FIX,
});

describe('no-retention-guard', () => {
  it('fires on the commission key when the strategy favors a retention metric', () =>
    testRule(RULE, {
      invalid: [
        {
          base: HANDOFF,
          edits: [favoring('net-retention')],
          errors: [{ ...favorsKeeping('net-retention'), editSafety: 'suggestion' }],
          output: `${policyText({ base: HANDOFF, edits: [favoring('net-retention')] })}    clawback: { months: 6 }\n`,
        },
      ],
    }));

  it('fires when the team hands off to a team rewarded on a retention metric', () =>
    testRule(RULE, {
      invalid: [
        {
          base: HANDOFF,
          edits: [csPlan('logo-churn')],
          errors: [
            {
              at: 'compensation.0.commission',
              message: `${IN_FULL} sales hands off to customer-success, which is rewarded on logo-churn: ${STAYS}`,
              fix: FIX,
            },
          ],
        },
      ],
    }));

  it('recognizes retention by the declaration (nets_churn), never by id or name; a customer outcome such as NPS is not keeping customers', () =>
    testRule(RULE, {
      valid: [
        { base: HANDOFF, edits: [favoring('tickets-solved')] },
        { base: HANDOFF, edits: [favoring('nps')] },
        // Named retention and churn, but declared as neither: the words decide nothing.
        {
          base: HANDOFF,
          edits: [
            favoring('customer-retention'),
            set('metrics.6', { id: 'customer-retention', name: 'Customer churn', type: 'outcome', perspective: 'customer' }),
          ],
        },
      ],
      invalid: [
        ...['net-retention', 'logo-churn', 'renewals-booked'].map((metric) => ({
          name: metric,
          base: HANDOFF,
          edits: [favoring(metric)],
          errors: [favorsKeeping(metric)],
        })),
        // The same declaration under a neutral id: nrr is net-retention renamed.
        {
          name: 'nrr',
          base: HANDOFF,
          edits: [favoring('nrr'), set('metrics.6', { id: 'nrr', type: 'outcome', nets_churn: true })],
          errors: [favorsKeeping('nrr')],
        },
      ],
    }));

  it('stays silent with a clawback or a deferral', () =>
    testRule(RULE, {
      valid: [
        { base: HANDOFF, edits: [favoring('net-retention'), set('compensation.0.clawback', { months: 3 })] },
        { base: HANDOFF, edits: [favoring('net-retention'), set('compensation.0.deferral', { share: 0.2, months: 6 })] },
      ],
    }));

  it('stays silent when neither the strategy nor a downstream team cares about retention', () =>
    testRule(RULE, { valid: [{ base: HANDOFF }, { base: HANDOFF, edits: [csPlan('tickets-solved')] }] }));

  it('stays silent for a plan without commission lines', () =>
    testRule(RULE, {
      valid: [
        {
          base: HANDOFF,
          edits: [
            favoring('net-retention'),
            set('compensation.0', { id: 'ae-2026', team: 'sales', bonus: [{ metric: 'new-arr', weight: 1 }] }),
          ],
        },
      ],
    }));

  it('stays silent when the commission itself pays on keeping customers', () =>
    testRule(RULE, {
      valid: [{ base: HANDOFF, edits: [favoring('net-retention'), set('compensation.0.commission.0.metric', 'net-retention')] }],
    }));

  it('uses clawback_months in the fix', () =>
    testRule(RULE, {
      invalid: [
        {
          base: HANDOFF,
          edits: [favoring('net-retention')],
          options: { clawback_months: 3 },
          errors: [
            {
              ...favorsKeeping('net-retention'),
              fix: 'add clawback: { months: 3 } or deferral: { share: 0.3, months: 3 } to plan ae-2026, so that commission depends on the customer staying 3 months',
            },
          ],
        },
      ],
    }));

  it('a metric that nets churn (nets_churn: true) is its own guard: commission on it needs no clawback', () =>
    testRule(RULE, {
      valid: [
        {
          base: HANDOFF,
          edits: [
            favoring('net-retention'),
            set('metrics.0', { id: 'new-arr', type: 'outcome', perspective: 'financial', nets_churn: true }),
          ],
        },
      ],
      invalid: [{ base: HANDOFF, edits: [favoring('net-retention')], errors: [favorsKeeping('net-retention')] }],
    }));

  it('a clawback only on non-payment does not guard retention; one that names churn does', () =>
    testRule(RULE, {
      valid: [
        { base: HANDOFF, edits: [favoring('net-retention'), set('compensation.0.clawback', { months: 6, triggers: ['churn'] })] },
        {
          base: HANDOFF,
          edits: [favoring('net-retention'), set('compensation.0.clawback', { months: 6, triggers: ['non-payment', 'churn'] })],
        },
      ],
      invalid: [
        {
          base: HANDOFF,
          edits: [favoring('net-retention'), set('compensation.0.clawback', { months: 3, triggers: ['non-payment', 'refund'] })],
          errors: [
            {
              at: 'compensation.0.clawback.triggers',
              message:
                'Plan ae-2026 claws back commission on new-arr only on non-payment or refund, not on churn, while the strategy favors keeping customers (net-retention): ' +
                'a customer who pays and then leaves costs the seller nothing.',
              fix: 'add churn to the triggers of the clawback of plan ae-2026: triggers: [churn, non-payment, refund]',
            },
          ],
          // Only the triggers change: the list written as the policies write one.
          output: policyText({
            base: HANDOFF,
            edits: [favoring('net-retention'), set('compensation.0.clawback', { months: 3, triggers: ['non-payment', 'refund'] })],
          }).replace('triggers: [ non-payment, refund ]', 'triggers: [churn, non-payment, refund]'),
        },
      ],
    }));

  it('commission earned on collection guards non-payment, not churn', () =>
    testRule(RULE, {
      invalid: [
        {
          base: HANDOFF,
          edits: [favoring('net-retention'), set('compensation.0.earned_on', 'collection')],
          errors: [
            {
              at: 'compensation.0.commission',
              message:
                'Plan ae-2026 pays commission on new-arr on collection, with no clawback or deferral, while the strategy favors keeping customers (net-retention): the seller earns the same whether the customer stays or churns.',
              fix: 'add clawback: { months: 6, triggers: [churn] } or deferral: { share: 0.3, months: 6 } to plan ae-2026, so that commission depends on the customer staying 6 months',
            },
          ],
        },
      ],
    }));

  it('reads the quotas of a plan without commission lines, but not a quota on a count', () =>
    testRule(RULE, {
      valid: [
        {
          base: HANDOFF,
          edits: [
            favoring('net-retention'),
            set('metrics.1', { id: 'meetings-held', type: 'activity', proxy_for: ['new-arr'] }),
            set('compensation.0', {
              id: 'ae-2026',
              team: 'sales',
              ote: 200000,
              variable_share: 0.5,
              quotas: [{ metric: 'meetings-held', amount: 120 }],
            }),
          ],
        },
      ],
      invalid: [
        {
          base: HANDOFF,
          edits: [
            favoring('net-retention'),
            set('compensation.0', {
              id: 'ae-2026',
              team: 'sales',
              ote: 200000,
              variable_share: 0.5,
              quotas: [{ metric: 'new-arr', amount: 1000000 }],
            }),
          ],
          errors: [{ ...favorsKeeping('net-retention'), at: 'compensation.0.quotas' }],
        },
      ],
    }));
});
