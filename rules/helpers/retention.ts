/**
 * What counts as keeping customers, and what guards it, for the rules about retention: no-retention-guard
 * reports commission on new business with no guard, and siloed-handoff leaves a handoff to a team paid on
 * retention to it (seed remedy: part of the commission "only after the client has remained active").
 */
import { compareIds, type CompensationPlanT, type PolicyIndex } from '../../src/api.js';
import { isCount } from './guards.js';

/** A metric about keeping customers: it nets churn (`nets_churn`, its own retention guard), or its id or name says retention or churn. */
export function isRetentionMetric(index: PolicyIndex, id: string | undefined): boolean {
  if (id === undefined) return false;
  const metric = index.metrics.get(id);
  if (metric?.nets_churn) return true;
  const words = `${id} ${metric?.name ?? ''}`.toLowerCase();
  return words.includes('retention') || words.includes('churn');
}

/** The commission and quota lines of a plan that pay on new business: a quota on a count (meetings, accepted opportunities) books no customer that could churn. */
export function newBusinessLines(index: PolicyIndex, plan: CompensationPlanT): { metric: string }[] {
  const paid = [...(plan.commission ?? []), ...(plan.quotas ?? []).filter((quota) => !isCount(index.metrics.get(quota.metric)))];
  return paid.filter((line): line is { metric: string } & typeof line => line.metric !== undefined && !isRetentionMetric(index, line.metric));
}

/** A clawback guards retention when it names no trigger (it takes commission back whatever the cause) or names churn. */
export function guardsChurn(clawback: CompensationPlanT['clawback']): boolean {
  return clawback !== undefined && (clawback.triggers === undefined || clawback.triggers.includes('churn'));
}

/** The teams `team` hands off to that are rewarded on a retention metric, with those metrics, by team id. */
export function retentionDownstream(index: PolicyIndex, team: string): { team: string; metrics: string[] }[] {
  const found: { team: string; metrics: string[] }[] = [];
  for (const handoff of index.handoffsFrom(team)) {
    if (handoff.to === team || !index.teams.has(handoff.to)) continue;
    const metrics = [...index.metricsRewardedFor(handoff.to)].filter((metric) => isRetentionMetric(index, metric));
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
