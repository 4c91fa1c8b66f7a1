import { describe, expect, it } from 'vitest';
import { findingsOf, lintText } from '../helpers.js';

const policy = (financeMetric = 'days-to-close') => `version: 1
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
compensation:
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
  it('fires on each team of a handoff whose plans have only individual components', async () => {
    expect(findingsOf(await lintText(policy()), 'individual-only')).toEqual([
      {
        line: 4,
        column: 11,
        severity: 'warning',
        message: message('operations', 'finance and it', 'operations-2026'),
        fix: 'add - { metric: days-to-close, weight: 0.15, shared_with: [finance] } to the bonus of plan operations-2026, lowering its other weights by 15% in total',
      },
      {
        line: 5,
        column: 11,
        severity: 'warning',
        message: message('finance', 'operations', 'finance-2026'),
        fix: 'add - { metric: order-accuracy, weight: 0.15, shared_with: [operations] } to the bonus of plan finance-2026, lowering its other weights by 15% in total',
      },
    ]);
  });

  it('asks to share a component both teams are already paid on', async () => {
    expect(findingsOf(await lintText(policy('inventory-turnover')), 'individual-only').map((finding) => finding.fix)).toEqual([
      'add shared_with: [finance] to the bonus component on inventory-turnover in plan operations-2026 (finance is rewarded on it too)',
      'add shared_with: [operations] to the bonus component on inventory-turnover in plan finance-2026 (operations is rewarded on it too)',
    ]);
  });

  it('stays silent for a team with a shared component and for the team it is shared with', async () => {
    const shared = policy('inventory-turnover').replace('inventory-turnover, weight: 0.4 }', 'inventory-turnover, weight: 0.4, shared_with: [finance] }');
    expect(findingsOf(await lintText(shared), 'individual-only')).toEqual([]);
  });

  it('stays silent for teams without a handoff or without a compensation plan', async () => {
    const lines = findingsOf(await lintText(policy()), 'individual-only').map((finding) => finding.line);
    expect(lines).not.toContain(6); // it: hands off, but has no plan
    expect(lines).not.toContain(7); // hr: has a plan, but no handoff
  });
});
