import { addSharedComponent, compareInstruments, compareRewards, defineRule, listIds, sortedIds, z, type PolicyIndex } from '../src/api.js';
import { suggestMetric } from './helpers/suggest-metric.js';

export default defineRule({
  meta: {
    id: 'individual-only',
    category: 'balanced-measurement',
    severity: 'warning',
    summary: 'A team that hands off to or receives from another team has only individual pay components',
    rationale:
      'Most functions "depend heavily on cross-functional collaboration, necessitating incentive designs that encourage teamwork rather than ' +
      'individual competition." Team incentives outperform individual ones (Garbers & Konradt 2014, meta-analysis of 146 studies: effect ' +
      'size 0.45 for team vs 0.32 for individual incentives), and hybrid individual + team rewards beat either alone (Pearsall et al. 2010). ' +
      'A team whose work crosses a handoff but whose pay has no shared component is paid to optimize its own side of it.',
    source: '"Performance Incentives Beyond Sales: Motivating Non-Revenue Teams" (Amplify), section "Key Challenges in Non-Revenue Incentive Design": collaborative dependencies; Garbers & Konradt (2014); Pearsall et al. (2010)',
    options: z.object({
      shared_weight: z.number().min(0).max(1).default(0.15).describe('weight of the shared bonus component the fix suggests'),
    }),
    examples: {
      bad: `teams:
  - { id: operations, hands_off_to: [finance] }
  - { id: finance }
compensation:
  - id: operations-2026
    team: operations
    bonus: [{ metric: inventory-turnover, weight: 1 }]`,
      good: `compensation:
  - id: operations-2026
    team: operations
    bonus: [{ metric: inventory-turnover, weight: 1, shared_with: [finance] }]`,
    },
  },
  check({ index, options, report }) {
    const handoffTeams = new Set(index.handoffs.flatMap((handoff) => [handoff.from.id, handoff.to]));
    for (const team of index.teams.values()) {
      if (!handoffTeams.has(team.id)) continue;
      const neighbours = index.handoffNeighbours(team.id);
      const plans = index.compensationPlansOf(team.id);
      if (neighbours.length === 0 || plans.length === 0) continue;
      if (plans.some((plan) => index.sharedComponentsOf(plan).length > 0) || index.componentsSharedWith(team.id).length > 0) continue;
      report({
        node: team,
        key: 'id',
        message:
          `Team ${team.id} works across a handoff with ${listIds(neighbours, 'and')}, but ${plans.length === 1 ? `its plan ${plans[0]!.id} has` : `its plans ${listIds(plans.map((plan) => plan.id), 'and')} have`} ` +
          `only individual components and no plan shares a component with the team: it is paid to win its own side of the handoff.`,
        fix: teamworkFix(index, team.id, neighbours, options.shared_weight),
      });
    }
  },
});

/**
 * Share what the team already pays on with a neighbour rewarded on it too; else add a neighbour's metric as a shared component.
 * Plans, components and neighbours are taken by id and content, never in declaration order.
 */
function teamworkFix(index: PolicyIndex, team: string, declaredNeighbours: readonly string[], weight: number): string {
  const neighbours = sortedIds(declaredNeighbours);
  const plans = [...index.compensationPlansOf(team)].sort(compareInstruments);
  for (const plan of plans) {
    for (const component of [...index.rewardsOfComponent(plan, 'bonus')].sort(compareRewards)) {
      const partners = neighbours.filter((neighbour) => component.metric !== undefined && index.metricsRewardedFor(neighbour).has(component.metric));
      if (partners.length > 0) {
        return `add shared_with: [${partners.join(', ')}] to the bonus component on ${component.metric} in plan ${plan.id} (${listIds(partners, 'and')} ${partners.length > 1 ? 'are' : 'is'} rewarded on it too)`;
      }
    }
  }
  const metric = suggestMetric(index, team, (candidate) => neighbours.some((neighbour) => index.metricsRewardedFor(neighbour).has(candidate.id)));
  const partner = neighbours.find((neighbour) => metric && index.metricsRewardedFor(neighbour).has(metric.id)) ?? neighbours[0]!;
  const plan = plans[0]!;
  return addSharedComponent({ id: plan.id, hasCommission: index.hasCommission(plan) }, metric?.id ?? 'a-metric-both-teams-affect', partner, weight);
}
