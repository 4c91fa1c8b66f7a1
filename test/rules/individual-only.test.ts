import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'individual-only';

/** Operations hands off to finance, IT to operations; hr has a plan but no handoff, it a handoff but no plan. */
const SERVICE = `version: 1
strategy: { name: Service }
teams:
  - { id: operations, hands_off_to: [finance] }
  - { id: finance }
  - { id: it, hands_off_to: [operations] }
  - { id: hr }
metrics:
  - { id: inventory-turnover, type: outcome }
  - { id: order-accuracy, type: quality }
  - { id: days-to-close, type: speed }
`;

const plans = (financeMetric = 'days-to-close') => `compensation:
  - id: operations-2026
    team: operations
    bonus:
      - { metric: order-accuracy, weight: 0.6 }
      - { metric: inventory-turnover, weight: 0.4 }
  - id: finance-2026
    team: finance
    bonus:
      - { metric: ${financeMetric}, weight: 1 }
  - id: hr-2026
    team: hr
    bonus: [{ metric: order-accuracy, weight: 1 }]
`;

const message = (team: string, neighbours: string, plan: string) =>
  `Team ${team} works across a handoff with ${neighbours}, which no instrument rewards, but its plan ${plan} has only individual components: it is paid to win its own side of the handoff, and nobody is paid on the other.`;

describe('individual-only', () => {
  it('fires on a team beyond sales paid only on individual components next to a team no instrument rewards (it), sharing one of its own results', () =>
    testRule(RULE, {
      invalid: [
        {
          base: SERVICE,
          policy: plans(),
          errors: [
            {
              at: 'teams.0.id',
              message: message('operations', 'it', 'operations-2026'),
              fix: 'add - { metric: order-accuracy, weight: 0.15, shared_with: [it] } to the bonus of plan operations-2026, lowering its other weights by 15% in total, and reward it on it too',
            },
            // finance shares nothing with operations, its only neighbour, which is paid: that handoff is siloed-handoff's one finding.
          ],
        },
      ],
    }));

  it('stays silent when the team is paid on a result its neighbour is paid on too: the alignment the article recommends ("aligning these teams on inventory turnover")', () =>
    testRule(RULE, { valid: [{ base: SERVICE, policy: plans('inventory-turnover') }] }));

  it('stays silent on a revenue team: sales plans pay individuals by design', () =>
    testRule(RULE, { valid: [{ base: SERVICE, policy: plans(), edits: [set('teams.0.kind', 'revenue')] }] }));

  it('stays silent for a team with a shared component and for the team it is shared with', () =>
    testRule(RULE, { valid: [{ base: SERVICE, policy: plans(), edits: [set('compensation.0.bonus.1.shared_with', ['it'])] }] }));
});
