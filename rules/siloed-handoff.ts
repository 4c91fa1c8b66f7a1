import { addSharedComponent, compareInstruments, defineRule, least, z, type PolicyIndex } from '../src/api.js';
import { isRetentionHandoff, unguardedRetentionLines } from './helpers/retention.js';
import { suggestMetric } from './helpers/suggest-metric.js';
import { COUNT, DEPENDS_ON_STAYING, LINE_METRICS, REWARDED_TEAMS } from './helpers/reads.js';

/** The kinds of metric a team can lose on when the team before it passes on poor work: a result, or its quality. */
// A speed target is losable too: the team held to a clock is the one that refuses or delays a handover so the clock does not start (NHS A&E).
const LOSABLE_TYPES: ReadonlySet<string> = new Set(['outcome', 'quality', 'speed']);

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
      'is shared between them, the handoff is where value gets destroyed. Four handoffs are judged otherwise: one into a team paid on ' +
      "keeping customers, from a team paid commission on new business, is judged by that commission (the article's own remedy is part of " +
      'the commission "only after the client has remained active for six months"): with a clawback or deferral the seller shares the stake, ' +
      "and without one it is no-retention-guard's finding while that rule is on and reports the commission; one into a team rewarded only on counts, " +
      'which has no result, quality or clock to lose (a team held to a speed target is not exempt: ambulances were kept queuing outside A&E so the four-hour clock did not start); and one between teams that are not paid on either side and whose objectives serve one ' +
      'priority (an OKR tree shares its objective); and one where the team downstream accepts each item it is handed before it counts ' +
      '(accepted_by): the acceptance is the shared stake.',
    source: '"What are Shared Incentives?": shared vs. siloed model',
    // A retention handoff paid in full at signature: no-retention-guard's remedy (a clawback) says more than a shared metric.
    reads: [
      'strategy.priorities[].favor.metrics',
      'teams[].hands_off_to',
      ...COUNT,
      'metrics[].nets_churn',
      'metrics[].accepted_by',
      ...REWARDED_TEAMS,
      ...LINE_METRICS,
      'compensation[].bonus[].shared_with',
      ...DEPENDS_ON_STAYING,
    ],
    defersTo: ['no-retention-guard'],
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
      // A team rewarded on no metric at all leaves nothing to compare (unrecognized-team covers a team with no reward).
      if (!index.isSiloed(from, to)) continue;
      const unguarded = unguardedRetentionLines(index, from, to);
      if (
        (isRetentionHandoff(index, from, to) && unguarded.length === 0) ||
        !canLose(index, to) ||
        sharesAnObjective(index, from, to) ||
        acceptsTheWork(index, from, to)
      )
        continue;
      report({
        node: handoff.node,
        key: handoff.index,
        // About the commission that does not depend on the customer staying, when that is what leaves the handoff siloed.
        about: unguarded.length > 0 ? unguarded : undefined,
        message:
          `Team ${from} hands off to ${to}, but no instrument rewards both teams on the same metric and no bonus component of either is shared with the other: ` +
          `${from} can win while ${to} loses.`,
        fix: shareFix(index, from, to, options.shared_weight),
      });
    }
  },
});

/** The upstream team is paid on work the downstream team accepts item by item (product-qualified accounts sales accepts): the acceptance is the shared stake. */
function acceptsTheWork(index: PolicyIndex, from: string, to: string): boolean {
  return [...index.metricsRewardedFor(from)].some((id) => index.metrics.get(id)?.accepted_by === to);
}

/** Whether `team` is rewarded on a result or a quality measure that poor work handed to it would lower. */
function canLose(index: PolicyIndex, team: string): boolean {
  return [...index.metricsRewardedFor(team)].some((id) => LOSABLE_TYPES.has(index.metrics.get(id)?.type ?? 'outcome'));
}

/** Teams paid on neither side, measured on results one priority favors: the priority is their shared objective. */
function sharesAnObjective(index: PolicyIndex, from: string, to: string): boolean {
  if (index.compensationPlansOf(from).length > 0 || index.compensationPlansOf(to).length > 0) return false;
  // Measured on the favored results themselves: a count declared a proxy for one (leads for ARR) is the classic split, not a shared objective.
  const served = (team: string) =>
    new Set([...index.metricsRewardedFor(team)].flatMap((metric) => index.strategy.prioritiesFavoring('metrics', metric)));
  const upstream = served(from);
  return [...served(to)].some((priority) => upstream.has(priority));
}

/** Where the upstream team can take a stake in the downstream team's metric, with the line to add. */
function shareFix(index: PolicyIndex, from: string, to: string, weight: number): string {
  const metricOf = (team: string, partner: string) =>
    suggestMetric(index, team, (metric) => LOSABLE_TYPES.has(metric.type ?? 'outcome') && index.metricsRewardedFor(partner).has(metric.id))
      ?.id;
  const plan = least(index.compensationPlansOf(from), compareInstruments);
  const share = (owner: string, partner: string, planId: string) =>
    addSharedComponent(
      { id: planId, hasCommission: index.hasCommission(planId) },
      metricOf(owner, partner) ?? 'a-metric-both-teams-affect',
      partner,
      weight,
    );
  if (plan) return `${share(from, to, plan.id)}, so that ${from} cannot fully win unless ${to} also succeeds`;
  const downstreamPlan = least(index.compensationPlansOf(to), compareInstruments);
  if (downstreamPlan) return `${share(to, from, downstreamPlan.id)}, so that both teams win or lose the handoff together`;
  const metric = metricOf(from, to);
  const okrs = least(
    index.instrumentsOfTeam(from).filter((instrument) => instrument.lever === 'okrs'),
    compareInstruments,
  );
  if (okrs && metric)
    return `add a key result { metric: ${metric} } to OKR set ${okrs.id}, so that ${from} is measured on what ${to} is measured on`;
  return metric
    ? `reward ${from} on ${metric} too (${to} is rewarded on it), with a shared bonus component or a key result`
    : `reward ${from} and ${to} on one metric both teams affect, with a shared bonus component or a key result`;
}
