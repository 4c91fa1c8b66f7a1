/**
 * Commission on new business and the teams paid on keeping customers, for the rules about retention (what
 * counts as keeping customers is `index.isRetentionMetric`, what guards it `index.dependsOnStaying`): no-retention-guard
 * reports commission on new business with no guard, and siloed-handoff leaves a handoff to a team paid on
 * retention to it (seed remedy: part of the commission "only after the client has remained active").
 */
import { compareIds, type CompensationPlanT, type PolicyIndex } from '../../src/api.js';
import { isCount } from './guards.js';

/** The commission and quota lines of a plan that pay on new business: a quota on a count (meetings, accepted opportunities) books no customer that could churn. */
export function newBusinessLines(index: PolicyIndex, plan: CompensationPlanT): { metric: string }[] {
  const paid = [...(plan.commission ?? []), ...(plan.quotas ?? []).filter((quota) => !isCount(index.metrics.get(quota.metric)))];
  return paid.filter(
    (line): line is { metric: string } & typeof line => line.metric !== undefined && !index.isRetentionMetric(line.metric),
  );
}

/** The teams `team` hands off to that are rewarded on a retention metric, with those metrics, by team id. */
export function retentionDownstream(index: PolicyIndex, team: string): { team: string; metrics: string[] }[] {
  const found: { team: string; metrics: string[] }[] = [];
  for (const handoff of index.handoffsFrom(team)) {
    if (handoff.to === team || !index.teams.has(handoff.to)) continue;
    const metrics = [...index.metricsRewardedFor(handoff.to)].filter((metric) => index.isRetentionMetric(metric));
    if (metrics.length > 0 && !found.some((entry) => entry.team === handoff.to)) found.push({ team: handoff.to, metrics });
  }
  return found.sort((a, b) => compareIds(a.team, b.team));
}

/**
 * A handoff from a team paid commission on new business to a team paid on keeping customers is judged by
 * whether that commission depends on the customer staying (no-retention-guard), not by a shared metric.
 */
export function isRetentionHandoff(index: PolicyIndex, from: string, to: string): boolean {
  const paysNewBusiness = index.compensationPlansOf(from).some((plan) => newBusinessLines(index, plan.node).length > 0);
  return paysNewBusiness && retentionDownstream(index, from).some((entry) => entry.team === to);
}

/**
 * The commission and quota lines on new business, not made to depend on the customer staying, of the
 * plans of a team that hands off to `to`, a team paid on keeping customers: what no-retention-guard
 * reports and what a siloed retention handoff is about. Empty when the handoff is no retention
 * handoff, or when every such plan has its guard (then the guard is the shared stake).
 */
export function unguardedRetentionLines(index: PolicyIndex, from: string, to: string): object[] {
  if (!isRetentionHandoff(index, from, to)) return [];
  return index.compensationPlansOf(from).flatMap((plan) => (index.dependsOnStaying(plan.node) ? [] : newBusinessLines(index, plan.node)));
}
