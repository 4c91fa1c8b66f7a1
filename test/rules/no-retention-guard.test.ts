import { describe, expect, it } from 'vitest';
import { findingsOf, lintText } from '../helpers.js';

const policy = ({ favor = 'new-arr', guard = '', downstream = '' }: { favor?: string; guard?: string; downstream?: string }) => `version: 1
strategy:
  priorities:
    - id: keep
      favor: { metrics: [${favor}] }
teams:
  - { id: sales, hands_off_to: [customer-success] }
  - { id: customer-success }
metrics:
  - { id: new-arr, type: outcome, perspective: financial }
  - { id: net-retention, type: outcome }
  - { id: logo-churn, name: Logos lost }
  - { id: nps, type: outcome, perspective: customer }
  - { id: renewals-booked, name: Gross Retention, type: output, proxy_for: [new-arr] }
  - { id: tickets-solved, type: output, perspective: internal, proxy_for: [new-arr] }
compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, rate: "10%" }
${guard}${downstream}`;

const csPlan = (metric: string) => `  - id: cs-2026
    team: customer-success
    bonus: [{ metric: ${metric}, weight: 1 }]
`;

const FIX = 'add clawback: { months: 6 } or deferral: { share: 0.3, months: 6 } to plan ae-2026, so that commission depends on the customer staying 6 months';

describe('no-retention-guard', () => {
  it('fires on the commission key when the strategy favors a retention metric', async () => {
    expect(findingsOf(await lintText(policy({ favor: 'net-retention' })), 'no-retention-guard')).toEqual([
      {
        line: 19,
        column: 5,
        severity: 'warning',
        message:
          'Plan ae-2026 pays commission on new-arr in full at signature, with no clawback or deferral, while the strategy favors keeping customers (net-retention): the seller earns the same whether the customer stays or churns.',
        fix: FIX,
      },
    ]);
  });

  it('fires when the team hands off to a team rewarded on a retention metric', async () => {
    expect(findingsOf(await lintText(policy({ downstream: csPlan('logo-churn') })), 'no-retention-guard')).toEqual([
      {
        line: 19,
        column: 5,
        severity: 'warning',
        message:
          'Plan ae-2026 pays commission on new-arr in full at signature, with no clawback or deferral, while sales hands off to customer-success, which is rewarded on logo-churn: the seller earns the same whether the customer stays or churns.',
        fix: FIX,
      },
    ]);
  });

  it('recognizes retention by id, by name, and as a customer outcome', async () => {
    for (const favor of ['net-retention', 'logo-churn', 'renewals-booked', 'nps']) {
      expect(findingsOf(await lintText(policy({ favor })), 'no-retention-guard'), favor).toHaveLength(1);
    }
    // An output metric of the internal perspective named without retention or churn is not one.
    expect(findingsOf(await lintText(policy({ favor: 'tickets-solved' })), 'no-retention-guard')).toEqual([]);
  });

  it('stays silent with a clawback or a deferral', async () => {
    const favor = 'net-retention';
    expect(findingsOf(await lintText(policy({ favor, guard: '    clawback: { months: 3 }\n' })), 'no-retention-guard')).toEqual([]);
    expect(findingsOf(await lintText(policy({ favor, guard: '    deferral: { share: 0.2, months: 6 }\n' })), 'no-retention-guard')).toEqual([]);
  });

  it('stays silent when neither the strategy nor a downstream team cares about retention', async () => {
    expect(findingsOf(await lintText(policy({})), 'no-retention-guard')).toEqual([]);
    expect(findingsOf(await lintText(policy({ downstream: csPlan('tickets-solved') })), 'no-retention-guard')).toEqual([]);
  });

  it('stays silent for a plan without commission lines', async () => {
    const bonusOnly = policy({ favor: 'net-retention' }).replace('    commission:\n      - { metric: new-arr, rate: "10%" }\n', '    bonus: [{ metric: new-arr, weight: 1 }]\n');
    expect(findingsOf(await lintText(bonusOnly), 'no-retention-guard')).toEqual([]);
  });

  it('stays silent when the commission itself pays on keeping customers', async () => {
    const renewals = policy({ favor: 'net-retention' }).replace('{ metric: new-arr, rate: "10%" }', '{ metric: net-retention, rate: "3%" }');
    expect(findingsOf(await lintText(renewals), 'no-retention-guard')).toEqual([]);
  });

  it('uses clawback_months in the fix', async () => {
    const result = await lintText(policy({ favor: 'net-retention' }), { rules: { 'no-retention-guard': ['warning', { clawback_months: 3 }] } });
    expect(findingsOf(result, 'no-retention-guard')[0]?.fix).toBe(
      'add clawback: { months: 3 } or deferral: { share: 0.3, months: 3 } to plan ae-2026, so that commission depends on the customer staying 3 months',
    );
  });
});
