import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

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
  - { id: net-retention, type: outcome }
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
        { base: HANDOFF, policy: SILOED, options: { shared_weight: 0.2 }, errors: [{ at: 'teams.0.hands_off_to.0', message: SALES_WINS, fix: shareFix(0.2) }] },
      ],
    }));

  it('suggests the downstream plan when the upstream team has no compensation plan', () =>
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
  - { id: mqls, type: output, proxy_for: [feature-adoption] }
okrs:
  - id: product-okrs
    team: product
    key_results: [{ metric: launches-on-date }]
compensation:
  - id: marketing-2026
    team: marketing
    bonus: [{ metric: mqls, weight: 1 }]
`,
          errors: [
            {
              line: 4,
              column: 35,
              message:
                'Team product hands off to marketing, but no instrument rewards both teams on the same metric and no bonus component of either is shared with the other: product can win while marketing loses.',
              fix: 'add - { metric: launches-on-date, weight: 0.15, shared_with: [product] } to the bonus of plan marketing-2026, lowering its other weights by 15% in total, so that both teams win or lose the handoff together',
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
});
