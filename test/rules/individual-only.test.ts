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
  `Team ${team} works across a handoff with ${neighbours}, but its plan ${plan} has only individual components and no plan shares a component with the team: it is paid to win its own side of the handoff.`;

describe('individual-only', () => {
  it('fires on a team of a handoff whose plans have only individual components; not on one whose only handoff shares nothing at all (siloed-handoff reports it once), nor on teams without a handoff or a plan (hr, it)', () =>
    testRule(RULE, {
      invalid: [
        {
          base: SERVICE,
          policy: plans(),
          errors: [
            {
              at: 'teams.0.id',
              message: message('operations', 'finance and it', 'operations-2026'),
              fix: 'add - { metric: days-to-close, weight: 0.15, shared_with: [finance] } to the bonus of plan operations-2026, lowering its other weights by 15% in total',
            },
            // finance shares nothing with operations, its only neighbour: that handoff is siloed-handoff's one finding.
          ],
        },
      ],
    }));

  it('asks to share a component both teams are already paid on', () =>
    testRule(RULE, {
      invalid: [
        {
          base: SERVICE,
          policy: plans('inventory-turnover'),
          errors: [
            {
              at: 'teams.0.id',
              message: message('operations', 'finance and it', 'operations-2026'),
              fix: 'add shared_with: [finance] to the bonus component on inventory-turnover in plan operations-2026 (finance is rewarded on it too)',
            },
            {
              at: 'teams.1.id',
              message: message('finance', 'operations', 'finance-2026'),
              fix: 'add shared_with: [operations] to the bonus component on inventory-turnover in plan finance-2026 (operations is rewarded on it too)',
            },
          ],
        },
      ],
    }));

  it('stays silent for a team with a shared component and for the team it is shared with', () =>
    testRule(RULE, { valid: [{ base: SERVICE, policy: plans('inventory-turnover'), edits: [set('compensation.0.bonus.1.shared_with', ['finance'])] }] }));
});
