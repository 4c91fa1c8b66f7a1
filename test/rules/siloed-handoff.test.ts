import { describe, expect, it } from 'vitest';
import { findingsOf, lintText } from '../helpers.js';

const policy = (implementationPlan: string, extra = '') => `version: 1
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
${implementationPlan}${extra}`;

const siloed = `  - id: implementation-2026
    team: implementation
    bonus:
      - { metric: project-margin, weight: 0.7 }
      - { metric: implementation-csat, weight: 0.3 }
`;

describe('siloed-handoff', () => {
  it('fires on the hands_off_to entry and suggests sharing the downstream quality metric', async () => {
    expect(findingsOf(await lintText(policy(siloed)), 'siloed-handoff')).toEqual([
      {
        line: 7,
        column: 33,
        severity: 'warning',
        message:
          'Team sales hands off to implementation, but no instrument rewards both teams on the same metric and no bonus component of either is shared with the other: sales can win while implementation loses.',
        fix: 'add - { metric: implementation-csat, weight: 0.15, shared_with: [implementation] } to the bonus of plan ae-2026 (commission takes the rest), so that sales cannot fully win unless implementation also succeeds',
      },
    ]);
  });

  it('uses the shared_weight option in the fix', async () => {
    const result = await lintText(policy(siloed), { rules: { 'siloed-handoff': ['warning', { shared_weight: 0.2 }] } });
    expect(findingsOf(result, 'siloed-handoff')[0]?.fix).toBe(
      'add - { metric: implementation-csat, weight: 0.2, shared_with: [implementation] } to the bonus of plan ae-2026 (commission takes the rest), so that sales cannot fully win unless implementation also succeeds',
    );
  });

  it('suggests the downstream plan when the upstream team has no compensation plan', async () => {
    const text = `version: 1
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
`;
    expect(findingsOf(await lintText(text), 'siloed-handoff').map((finding) => finding.fix)).toEqual([
      'add - { metric: launches-on-date, weight: 0.15, shared_with: [product] } to the bonus of plan marketing-2026, lowering its other weights by 15% in total, so that both teams win or lose the handoff together',
    ]);
  });

  it('stays silent when a bonus component of either team is shared with the other', async () => {
    const shared = siloed.replace('weight: 0.3 }', 'weight: 0.3, shared_with: [sales] }');
    expect(findingsOf(await lintText(policy(shared)), 'siloed-handoff')).toEqual([]);
  });

  it('stays silent when both teams are rewarded on one metric, even through an award', async () => {
    const award = `recognition:
  - id: awards
    awards: [{ text: Install that stuck, metric: implementation-csat, teams: [sales, implementation] }]
`;
    expect(findingsOf(await lintText(policy(siloed, award)), 'siloed-handoff')).toEqual([]);
  });

  it('stays silent when the downstream team is rewarded on no metric at all', async () => {
    const textOnly = `  - id: implementation-2026
    team: implementation
    bonus: []
promotions:
  - id: implementation-ladder
    team: implementation
    criteria: [{ text: Leads installs end to end }]
`;
    expect(findingsOf(await lintText(policy(textOnly)), 'siloed-handoff')).toEqual([]);
  });

  it('stays silent when the downstream team has no instrument, or is not declared', async () => {
    expect(findingsOf(await lintText(policy('')), 'siloed-handoff')).toEqual([]);
    const undeclared = policy(siloed).replace('hands_off_to: [implementation]', 'hands_off_to: [installs]');
    expect(findingsOf(await lintText(undeclared), 'siloed-handoff')).toEqual([]);
  });
});
