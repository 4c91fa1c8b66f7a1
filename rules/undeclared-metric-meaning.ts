import { defineRule, listIds, type MetricT, type PolicyIndex } from '../src/api.js';
import { newBusinessLines } from './helpers/retention.js';
import { COUNT, PRIORITY_SERVED, REWARDED_TEAMS, STRATEGY_METRICS } from './helpers/reads.js';

/**
 * The metrics a rule would judge differently if the policy said what they are. Whether a metric
 * counts lost customers (`nets_churn`) decides: whether commission on new business with no guard
 * needs one, because the strategy favors a customer outcome or the team hands off to a team rewarded
 * on it (no-retention-guard); whether a handoff from a team paid on new business to a team paid on
 * it is judged by that commission's guard or by a shared metric (siloed-handoff); and whether a plan
 * whose commission depends on the customer staying serves a priority favoring it that nothing else
 * serves (uncovered-priority). A favored outcome whose priority nothing serves is served by commission
 * earned on collection if it is cash collected (`measures_collection`). Asked only of a policy that uses
 * neither key yet: a policy that declares one has said which metrics are which. Where a shared gain is
 * all anyone is paid on (strategy.sharedGain), a favored metric nothing rewards is a means to it only if
 * the policy says so (`proxy_for`): uncovered-priority leaves that question here.
 */
function undeclared(index: PolicyIndex): { retention: MetricT[]; collection: MetricT[]; means: MetricT[]; gain: readonly string[] } {
  const metrics = [...index.metrics.values()];
  const plans = index.instruments.flatMap((plan) => (plan.lever === 'compensation' && index.hasCommission(plan) ? [plan] : []));
  const favored = (metric: MetricT) => index.strategy.isFavoredMetric(metric.id);
  // Favored by a priority nothing serves yet: what the declaration would change (uncovered-priority).
  const unserved = (metric: MetricT) =>
    index.strategy.prioritiesFavoring('metrics', metric.id).some((priority) => !index.strategy.isServed(priority));
  const newBusiness = new Set(plans.flatMap((plan) => newBusinessLines(index, plan.node).map((line) => line.metric)));
  const asked = new Set<string>();
  if (!metrics.some((metric) => metric.nets_churn !== undefined)) {
    for (const plan of plans) {
      const guarded = index.dependsOnStaying(plan.node);
      // A plan whose commission depends on the customer staying serves a priority on a retention metric: it matters where nothing else serves one.
      if (guarded) for (const metric of metrics) if (unserved(metric)) asked.add(metric.id);
      if (newBusinessLines(index, plan.node).length === 0) continue;
      if (!guarded) for (const metric of metrics) if (favored(metric) && metric.perspective === 'customer') asked.add(metric.id);
      for (const handoff of plan.team === undefined ? [] : index.handoffsFrom(plan.team)) {
        if (handoff.to === plan.team || !index.teams.has(handoff.to) || (guarded && !index.isSiloed(plan.team!, handoff.to))) continue;
        for (const metric of index.metricsRewardedFor(handoff.to)) asked.add(metric);
      }
    }
  }
  const retention = metrics.filter((metric) => asked.has(metric.id) && metric.type === 'outcome' && !newBusiness.has(metric.id));
  const onCollection = plans.some((plan) => plan.node.earned_on === 'collection');
  const collection =
    onCollection && !metrics.some((metric) => metric.measures_collection !== undefined)
      ? metrics.filter(
          (metric) =>
            metric.type === 'outcome' && metric.perspective !== 'customer' && metric.perspective !== 'learning' && unserved(metric),
        )
      : [];
  // Where everyone is paid only on a shared gain, a favored metric nothing rewards is either a means to that gain or unpaid.
  const gain = index.strategy.sharedGain();
  const means =
    gain.length === 0
      ? []
      : metrics.filter(
          (metric) =>
            !gain.includes(metric.id) &&
            index.strategy
              .prioritiesFavoring('metrics', metric.id)
              .some((priority) => !priority.favor?.segments?.length && !index.strategy.isServed(priority)),
        );
  return { retention, collection, means, gain };
}

export default defineRule({
  meta: {
    id: 'undeclared-metric-meaning',
    category: 'integrity',
    severity: 'info',
    summary:
      'A metric whose meaning decides a finding but is not declared (nets_churn, measures_collection, proxy_for toward a shared gain)',
    rationale:
      'The linter never guesses what a metric is from its id or name: `nrr` and `net-retention` are the same metric, and a word list would turn a rule off ' +
      'when a metric is renamed. Whether a metric falls when a customer leaves decides whether commission on new business needs a clawback ' +
      '("What are Shared Incentives?": part of the commission "only after the client has remained active"), and whether it is cash collected decides ' +
      'whether commission earned on collection pays for it; where everyone is paid only on a shared gain, whether a favored metric is a means to ' +
      'that gain decides whether the shared pay rewards it. Where the policy does not say, this note says what to declare.',
    source: '"What are Shared Incentives?", section "Scenarios for Application": Sales and Customer Success',
    reads: [
      ...STRATEGY_METRICS,
      'teams[].hands_off_to',
      ...COUNT,
      'metrics[].perspective',
      ...PRIORITY_SERVED,
      ...REWARDED_TEAMS,
      'compensation[].bonus[].shared_with',
    ],
    examples: {
      bad: `strategy:
  priorities:
    - id: keep-customers
      favor: { metrics: [nrr] }
metrics:
  - { id: nrr, type: outcome, perspective: customer }
compensation:
  - id: ae-2026
    team: sales
    commission: [{ metric: new-arr, rate: "10%" }]`,
      good: `strategy:
  priorities:
    - id: keep-customers
      favor: { metrics: [nrr] }
metrics:
  - { id: nrr, type: outcome, perspective: customer, nets_churn: true }
compensation:
  - id: ae-2026
    team: sales
    commission: [{ metric: new-arr, rate: "10%" }]`,
    },
  },
  check({ index, report }) {
    const { retention, collection, means, gain } = undeclared(index);
    // One note per question, at the first metric in the policy it concerns: the fix names them all.
    if (retention.length > 0) {
      const ids = retention.map((metric) => metric.id);
      report({
        node: retention[0]!,
        key: 'id',
        message:
          `No metric declares whether a lost customer lowers it (nets_churn): if ${listIds(ids, 'or')} does (retention, churn), ` +
          `whether the commission depends on the customer staying matters, and the linter cannot tell.`,
        fix: `declare nets_churn: true on ${listIds(ids, 'and')} where a lost customer lowers it, nets_churn: false where it does not`,
      });
    }
    if (collection.length > 0) {
      const ids = collection.map((metric) => metric.id);
      report({
        node: collection[0]!,
        key: 'id',
        message:
          `Commission is earned on collection, and the strategy favors ${listIds(ids, 'and')}, which nothing rewards: ` +
          `if it is cash collected, that commission rewards it, but no metric says so.`,
        fix: `declare measures_collection: true on ${listIds(ids, 'and')} where it is cash collected, measures_collection: false where it is not`,
      });
    }
    if (means.length > 0) {
      const ids = means.map((metric) => metric.id);
      const shared = listIds([...gain], 'and');
      report({
        node: means[0]!,
        key: 'id',
        message:
          `Everyone is paid only on the shared gain (${shared}), and the strategy favors ${listIds(ids, 'and')}, which nothing rewards: ` +
          `if ${ids.length === 1 ? 'it is' : 'each is'} a means to that gain, the shared pay rewards it, but no metric says so.`,
        fix: `declare proxy_for: [${gain[0]}] on ${listIds(ids, 'and')} where it is a means to the shared gain; where it is not, reward it`,
      });
    }
  },
});
