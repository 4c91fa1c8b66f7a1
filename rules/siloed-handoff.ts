import { addSharedComponent, compareInstruments, defineRule, least, z, type PolicyIndex } from '../src/api.js';
import { suggestMetric } from './helpers/suggest-metric.js';

export default defineRule({
  meta: {
    id: 'siloed-handoff',
    category: 'shared-incentives',
    severity: 'warning',
    summary: 'Two teams joined by hands_off_to share no metric in any instrument',
    rationale:
      '"The handoff between teams is usually where value is either created or destroyed." In a siloed model "Department A wins even if ' +
      'Department B loses"; in a shared model "Department A cannot fully win unless Department B also achieves their stability or quality ' +
      'metrics." When the team upstream of a handoff is rewarded on nothing the downstream team is rewarded on, and no bonus component ' +
      'is shared between them, the handoff is where value gets destroyed.',
    source: '"What are Shared Incentives?": shared vs. siloed model',
    options: z.object({
      shared_weight: z.number().min(0).max(1).default(0.15).describe('weight of the shared bonus component the fix suggests'),
    }),
    examples: {
      bad: `teams:
  - { id: sales, hands_off_to: [implementation] }
  - { id: implementation }
compensation:
  - id: ae-2026
    team: sales
    commission: [{ metric: new-arr, rate: "10%" }]
  - id: implementation-2026
    team: implementation
    bonus: [{ metric: implementation-csat, weight: 1 }]`,
      good: `compensation:
  - id: ae-2026
    team: sales
    commission: [{ metric: new-arr, rate: "10%" }]
    bonus: [{ metric: implementation-csat, weight: 0.15, shared_with: [implementation] }]`,
    },
  },
  check({ index, options, report }) {
    for (const handoff of index.handoffs) {
      const from = handoff.from.id;
      const to = handoff.to;
      if (from === to || !index.teams.has(to)) continue;
      const fromMetrics = index.metricsRewardedFor(from);
      const toMetrics = index.metricsRewardedFor(to);
      // A team rewarded on no metric at all leaves nothing to compare (unrecognized-team covers a team with no reward).
      if (fromMetrics.size === 0 || toMetrics.size === 0) continue;
      if ([...fromMetrics].some((metric) => toMetrics.has(metric))) continue;
      if (sharesWith(index, from, to) || sharesWith(index, to, from)) continue;
      report({
        node: handoff.node,
        key: handoff.index,
        message:
          `Team ${from} hands off to ${to}, but no instrument rewards both teams on the same metric and no bonus component of either is shared with the other: ` +
          `${from} can win while ${to} loses.`,
        fix: shareFix(index, from, to, options.shared_weight),
      });
    }
  },
});

function sharesWith(index: PolicyIndex, owner: string, partner: string): boolean {
  return index.componentsSharedWith(partner).some((reward) => reward.instrument.team === owner);
}

/** Where the upstream team can take a stake in the downstream team's metric, with the line to add. */
function shareFix(index: PolicyIndex, from: string, to: string, weight: number): string {
  const metricOf = (team: string, partner: string) =>
    suggestMetric(index, team, (metric) => index.metricsRewardedFor(partner).has(metric.id))?.id;
  const plan = least(index.compensationPlansOf(from), compareInstruments);
  const share = (owner: string, partner: string, planId: string) =>
    addSharedComponent({ id: planId, hasCommission: index.hasCommission(planId) }, metricOf(owner, partner) ?? 'a-metric-both-teams-affect', partner, weight);
  if (plan) return `${share(from, to, plan.id)}, so that ${from} cannot fully win unless ${to} also succeeds`;
  const downstreamPlan = least(index.compensationPlansOf(to), compareInstruments);
  if (downstreamPlan) return `${share(to, from, downstreamPlan.id)}, so that both teams win or lose the handoff together`;
  const metric = metricOf(from, to);
  const okrs = least(index.instrumentsOfTeam(from).filter((instrument) => instrument.lever === 'okrs'), compareInstruments);
  if (okrs && metric) return `add a key result { metric: ${metric} } to OKR set ${okrs.id}, so that ${from} is measured on what ${to} is measured on`;
  return metric
    ? `reward ${from} on ${metric} too (${to} is rewarded on it), with a shared bonus component or a key result`
    : `reward ${from} and ${to} on one metric both teams affect, with a shared bonus component or a key result`;
}
