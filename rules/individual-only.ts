import { addSharedComponent, compareInstruments, defineRule, listIds, sortedIds, z, type PolicyIndex } from '../src/api.js';
import { suggestMetric } from './helpers/suggest-metric.js';
import { LINE_METRICS, REWARDED_TEAMS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'individual-only',
    category: 'balanced-measurement',
    severity: 'warning',
    summary: 'A team beyond sales paid only on individual components hands work to or from a team no instrument rewards',
    rationale:
      'Most functions "depend heavily on cross-functional collaboration, necessitating incentive designs that encourage teamwork rather than ' +
      'individual competition." Team incentives outperform individual ones (Garbers & Konradt 2014, meta-analysis of 146 studies: effect ' +
      'size 0.45 for team vs 0.32 for individual incentives), and hybrid individual + team rewards beat either alone (Pearsall et al. 2010). ' +
      'A team whose work crosses a handoff but whose pay has no shared component is paid to optimize its own side of it. Where the ' +
      'neighbour is paid on other metrics, siloed-handoff reports the handoff; where both teams are paid on one result, they are ' +
      'aligned as the articles ask ("aligning these teams on inventory turnover"); sales plans pay individuals by design. This rule ' +
      'reports the handoff left: a team beyond sales paid only on its own measures, next to a team no instrument rewards.',
    source:
      '"Performance Incentives Beyond Sales: Motivating Non-Revenue Teams" (Amplify), section "Key Challenges in Non-Revenue Incentive Design": collaborative dependencies; Garbers & Konradt (2014); Pearsall et al. (2010)',
    reads: ['teams[].kind', 'teams[].hands_off_to', 'compensation[].bonus[].shared_with', ...REWARDED_TEAMS, ...LINE_METRICS],
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
      // Sales plans pay individuals by design; the article is about the teams beyond sales.
      if (!handoffTeams.has(team.id) || team.kind === 'revenue') continue;
      const neighbours = index.handoffNeighbours(team.id);
      const plans = index.compensationPlansOf(team.id);
      if (neighbours.length === 0 || plans.length === 0) continue;
      if (plans.some((plan) => index.sharedComponentsOf(plan).length > 0) || index.componentsSharedWith(team.id).length > 0) continue;
      const own = index.metricsRewardedFor(team.id);
      // Paid on a result its neighbour is paid on too is the alignment the articles ask for ("aligning these teams on inventory turnover").
      if (neighbours.some((neighbour) => [...index.metricsRewardedFor(neighbour)].some((metric) => own.has(metric)))) continue;
      // A neighbour paid on other metrics makes a siloed handoff: siloed-handoff's one finding. This rule speaks where it cannot judge.
      const unpaid = neighbours.filter((neighbour) => index.metricsRewardedFor(neighbour).size === 0);
      if (unpaid.length === 0) continue;
      report({
        node: team,
        key: 'id',
        message: `Team ${team.id} works across a handoff with ${listIds(unpaid, 'and')}, which no instrument rewards, but ${paidBy(plans)} only individual components: it is paid to win its own side of the handoff, and nobody is paid on the other.`,
        fix: teamworkFix(index, team.id, unpaid, options.shared_weight),
      });
    }
  },
});

/** Share the team's own result with the unpaid neighbour, so both sides of the handoff are paid on it; plans and metrics by id, never declaration order. */
function paidBy(plans: readonly { id: string }[]): string {
  return plans.length === 1
    ? `its plan ${plans[0]!.id} has`
    : `its plans ${listIds(
        plans.map((plan) => plan.id),
        'and',
      )} have`;
}

function teamworkFix(index: PolicyIndex, team: string, unpaid: readonly string[], weight: number): string {
  const partners = sortedIds(unpaid);
  const plan = [...index.compensationPlansOf(team)].sort(compareInstruments)[0]!;
  const metric = suggestMetric(index, team, (candidate) => candidate.type === 'outcome' || candidate.type === 'quality');
  const line = addSharedComponent(
    { id: plan.id, hasCommission: index.hasCommission(plan) },
    metric?.id ?? 'a-result-both-teams-affect',
    partners[0]!,
    weight,
  );
  return `${line}, and reward ${listIds(partners, 'and')} on it too`;
}
