import { describe, expect, it } from 'vitest';
import { policyText, set, testRule } from '../../src/testing/index.js';
import { findingsOf, lintText } from '../helpers.js';

const RULE = 'siloed-handoff';

/** Sales hands off to implementation; sales is paid on new-arr, and implementation's plan is the case's. */
const HANDOFF = `version: 1
strategy:
  priorities:
    - id: keep
      favor: { metrics: [net-retention] }
teams:
  - { id: sales, hands_off_to: [implementation] }
  - { id: implementation }
metrics:
  - { id: new-arr, type: outcome }
  - { id: project-margin, type: outcome }
  - { id: implementation-csat, type: quality }
  - { id: net-retention, type: outcome, nets_churn: true }
compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, rate: "10%" }
`;

const SILOED = `compensation:
  - id: implementation-2026
    team: implementation
    bonus:
      - { metric: project-margin, weight: 0.7 }
      - { metric: implementation-csat, weight: 0.3 }
`;

const SALES_WINS =
  'Team sales hands off to implementation, but no instrument rewards both teams on the same metric and no bonus component of either is shared with the other: sales can win while implementation loses.';
const shareFix = (weight: number) =>
  `add - { metric: implementation-csat, weight: ${weight}, shared_with: [implementation] } to the bonus of plan ae-2026 (commission takes the rest), so that sales cannot fully win unless implementation also succeeds`;

describe('siloed-handoff', () => {
  it('fires on the hands_off_to entry and suggests sharing the downstream quality metric; shared_weight sets the weight', () =>
    testRule(RULE, {
      invalid: [
        { base: HANDOFF, policy: SILOED, errors: [{ at: 'teams.0.hands_off_to.0', message: SALES_WINS, fix: shareFix(0.15) }] },
        {
          base: HANDOFF,
          policy: SILOED,
          options: { shared_weight: 0.2 },
          errors: [{ at: 'teams.0.hands_off_to.0', message: SALES_WINS, fix: shareFix(0.2) }],
        },
      ],
    }));

  it('suggests the downstream plan when the upstream team has no compensation plan, sharing a result, never a count', () =>
    testRule(RULE, {
      invalid: [
        {
          text: `version: 1
strategy: { name: Adoption }
teams:
  - { id: product, hands_off_to: [marketing] }
  - { id: marketing }
metrics:
  - { id: launches-on-date, type: output, proxy_for: [feature-adoption] }
  - { id: feature-adoption, type: outcome }
  - { id: lead-quality, type: quality }
okrs:
  - id: product-okrs
    team: product
    key_results: [{ metric: launches-on-date, target: 4 }, { metric: feature-adoption, target: "30%" }]
compensation:
  - id: marketing-2026
    team: marketing
    bonus: [{ metric: lead-quality, weight: 1 }]
`,
          errors: [
            {
              line: 4,
              column: 35,
              message:
                'Team product hands off to marketing, but no instrument rewards both teams on the same metric and no bonus component of either is shared with the other: product can win while marketing loses.',
              fix: 'add - { metric: feature-adoption, weight: 0.15, shared_with: [product] } to the bonus of plan marketing-2026, lowering its other weights by 15% in total, so that both teams win or lose the handoff together',
            },
          ],
        },
      ],
    }));

  it('judges a handoff from commission on new business to a team paid on keeping customers by that commission: a guard is the shared stake', () =>
    testRule(RULE, {
      valid: [
        {
          name: "a churn clawback: the article's own shared incentive",
          base: HANDOFF,
          policy: SILOED,
          edits: [
            set('compensation.1.bonus.0.metric', 'net-retention'),
            set('compensation.0.clawback', { months: 6, triggers: ['churn'] }),
          ],
        },
      ],
      invalid: [
        {
          name: 'unguarded, run alone: reported (the engine leaves it to no-retention-guard when that rule reports the commission)',
          base: HANDOFF,
          policy: SILOED,
          edits: [set('compensation.1.bonus.0.metric', 'net-retention')],
          errors: [
            {
              at: 'teams.0.hands_off_to.0',
              message: SALES_WINS,
              fix: 'add - { metric: net-retention, weight: 0.15, shared_with: [implementation] } to the bonus of plan ae-2026 (commission takes the rest), so that sales cannot fully win unless implementation also succeeds',
            },
          ],
        },
        {
          name: 'a bonus plan upstream pays no commission, so the shared metric is the remedy',
          base: HANDOFF,
          policy: SILOED,
          edits: [
            set('compensation.1.bonus.0.metric', 'net-retention'),
            set('compensation.0', { id: 'ae-2026', team: 'sales', bonus: [{ metric: 'new-arr', weight: 1 }] }),
          ],
          errors: [
            {
              at: 'teams.0.hands_off_to.0',
              message: SALES_WINS,
              fix: 'add - { metric: net-retention, weight: 0.15, shared_with: [implementation] } to the bonus of plan ae-2026, lowering its other weights by 15% in total, so that sales cannot fully win unless implementation also succeeds',
            },
          ],
        },
      ],
    }));

  it('defers an unguarded retention handoff to no-retention-guard only while that rule runs and reports the commission (meta.defersTo)', async () => {
    const text = policyText({ base: HANDOFF, policy: SILOED, edits: [set('compensation.1.bonus.0.metric', 'net-retention')] });
    const both = await lintText(text);
    expect(findingsOf(both, 'no-retention-guard')).toHaveLength(1);
    expect(findingsOf(both, RULE)).toEqual([]);
    const alone = await lintText(text, { rules: { 'no-retention-guard': 'off' } });
    expect(findingsOf(alone, RULE).map(({ message }) => message)).toEqual([SALES_WINS]);
  });

  it('stays silent when the downstream team is rewarded only on counts: it has no result, quality or clock to lose', () =>
    testRule(RULE, {
      valid: [
        {
          base: HANDOFF,
          policy: `compensation:
  - id: implementation-2026
    team: implementation
    bonus: [{ metric: installs-done, weight: 1 }]
metrics:
  - { id: installs-done, type: output }
`,
        },
      ],
    }));

  it('fires when the downstream team is held to a speed target: its clock is what makes it refuse or delay a handover (NHS A&E, ambulances queuing outside)', () =>
    testRule(RULE, {
      invalid: [
        {
          base: HANDOFF,
          policy: `compensation:
  - id: implementation-2026
    team: implementation
    bonus: [{ metric: installs-done, weight: 0.5 }, { metric: days-to-go-live, weight: 0.5 }]
metrics:
  - { id: installs-done, type: output }
  - { id: days-to-go-live, type: speed }
`,
          errors: [
            {
              at: 'teams.0.hands_off_to.0',
              message: SALES_WINS,
              fix: 'add - { metric: days-to-go-live, weight: 0.15, shared_with: [implementation] } to the bonus of plan ae-2026 (commission takes the rest), so that sales cannot fully win unless implementation also succeeds',
            },
          ],
        },
      ],
    }));

  it('reads an OKR tree: teams paid on neither side and measured on results one priority favors share that objective; a count declared a proxy does not', () =>
    testRule(RULE, {
      valid: [
        {
          text: `version: 1
strategy:
  priorities:
    - { id: grow, favor: { metrics: [net-new-arr, net-dollar-retention] } }
teams:
  - { id: sales, hands_off_to: [customer-success] }
  - { id: customer-success }
metrics:
  - { id: net-new-arr, type: outcome }
  - { id: net-dollar-retention, type: outcome, nets_churn: true }
okrs:
  - { id: sales-q4, team: sales, key_results: [{ metric: net-new-arr, target: "$N" }] }
  - { id: cs-q4, team: customer-success, key_results: [{ metric: net-dollar-retention, target: "110%" }] }
`,
        },
      ],
      invalid: [
        {
          text: `version: 1
strategy:
  priorities:
    - { id: grow, favor: { metrics: [net-new-arr] } }
teams:
  - { id: marketing, hands_off_to: [sales] }
  - { id: sales }
metrics:
  - { id: net-new-arr, type: outcome }
  - { id: mqls, type: output, proxy_for: [net-new-arr] }
okrs:
  - { id: marketing-q4, team: marketing, key_results: [{ metric: mqls, target: 3x weekly }] }
  - { id: sales-q4, team: sales, key_results: [{ metric: net-new-arr, target: "$N" }] }
`,
          errors: [
            {
              line: 6,
              column: 37,
              message:
                'Team marketing hands off to sales, but no instrument rewards both teams on the same metric and no bonus component of either is shared with the other: marketing can win while sales loses.',
              fix: 'add a key result { metric: net-new-arr } to OKR set marketing-q4, so that marketing is measured on what sales is measured on',
            },
          ],
        },
      ],
    }));

  it('stays silent when a component is shared, when both teams are rewarded on one metric (even through an award), or when the downstream team is rewarded on nothing', () =>
    testRule(RULE, {
      valid: [
        { name: 'shared component', base: HANDOFF, policy: SILOED, edits: [set('compensation.1.bonus.1.shared_with', ['sales'])] },
        {
          name: 'an award for both',
          base: HANDOFF,
          policy: `${SILOED}recognition:
  - id: awards
    awards: [{ text: Install that stuck, metric: implementation-csat, teams: [sales, implementation] }]
`,
        },
        {
          name: 'rewarded on no metric',
          base: HANDOFF,
          policy: `compensation:
  - id: implementation-2026
    team: implementation
    bonus: []
promotions:
  - id: implementation-ladder
    team: implementation
    criteria: [{ text: Leads installs end to end }]
`,
        },
      ],
    }));

  it('stays silent when the downstream team has no instrument, or is not declared', () =>
    testRule(RULE, {
      valid: [
        { name: 'no instrument', base: HANDOFF },
        { name: 'undeclared team', base: HANDOFF, policy: SILOED, edits: [set('teams.0.hands_off_to', ['installs'])] },
      ],
    }));

  it('stays silent when the team downstream accepts each item it is handed (accepted_by): the acceptance is the shared stake', () =>
    testRule(RULE, {
      valid: [
        `version: 1
strategy: { name: Pipeline }
teams:
  - { id: growth, hands_off_to: [sales] }
  - { id: sales }
metrics:
  - { id: product-qualified-accounts, type: output, accepted_by: sales }
  - { id: new-arr, type: outcome }
compensation:
  - { id: growth-2026, team: growth, bonus: [{ metric: product-qualified-accounts, weight: 1 }] }
  - { id: ae-2026, team: sales, commission: [{ metric: new-arr, rate: "10%" }] }
`,
      ],
    }));
});
