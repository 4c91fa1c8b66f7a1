import { defineRule, listIds, type MetricT, type PolicyIndex } from '../src/api.js';
import { newBusinessLines } from './helpers/retention.js';

/**
 * The metrics a rule would judge differently if the policy said what they are. A customer outcome may
 * count lost customers (`nets_churn`): that decides whether commission on new business with no guard
 * needs one (no-retention-guard) and whether a plan whose commission depends on the customer staying
 * serves a favored one (uncovered-priority). A favored financial outcome nothing pays on is served by
 * commission earned on collection if it is cash collected (`measures_collection`). Asked only of a
 * policy that uses neither key yet: a policy that declares one has said which metrics are which.
 */
function undeclared(index: PolicyIndex): { retention: MetricT[]; collection: MetricT[] } {
  const metrics = [...index.metrics.values()];
  const plans = index.instruments.flatMap((plan) => (plan.lever === 'compensation' && index.hasCommission(plan) ? [plan.node] : []));
  const unguarded = plans.some((plan) => newBusinessLines(index, plan).length > 0 && !index.dependsOnStaying(plan));
  const staying = plans.some((plan) => index.dependsOnStaying(plan));
  const onCollection = plans.some((plan) => plan.earned_on === 'collection');
  const favored = (metric: MetricT) => index.strategy.isFavoredMetric(metric.id);
  const unpaid = (metric: MetricT) => index.rewardsOfMetric(metric.id).length === 0;
  const retention = metrics.some((metric) => metric.nets_churn !== undefined)
    ? []
    : metrics.filter(
        (metric) =>
          metric.type === 'outcome' &&
          metric.perspective === 'customer' &&
          ((unguarded && (favored(metric) || !unpaid(metric))) || (staying && favored(metric) && unpaid(metric))),
      );
  const collection =
    onCollection && !metrics.some((metric) => metric.measures_collection !== undefined)
      ? metrics.filter((metric) => metric.type === 'outcome' && metric.perspective === 'financial' && favored(metric) && unpaid(metric))
      : [];
  return { retention, collection };
}

export default defineRule({
  meta: {
    id: 'undeclared-metric-meaning',
    category: 'integrity',
    severity: 'info',
    summary: 'A metric whose meaning decides a finding but is not declared (nets_churn, measures_collection)',
    rationale:
      'The linter never guesses what a metric is from its id or name: `nrr` and `net-retention` are the same metric, and a word list would turn a rule off ' +
      'when a metric is renamed. Whether a metric falls when a customer leaves decides whether commission on new business needs a clawback ' +
      '("What are Shared Incentives?": part of the commission "only after the client has remained active"), and whether it is cash collected decides ' +
      'whether commission earned on collection pays for it. Where the policy does not say, this note says what to declare.',
    source: '"What are Shared Incentives?", section "Scenarios for Application": Sales and Customer Success',
    reads: ['metrics[].nets_churn', 'metrics[].measures_collection'],
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
    const { retention, collection } = undeclared(index);
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
          `Commission is earned on collection, and the strategy favors ${listIds(ids, 'and')}, which nothing pays on: ` +
          `if it is cash collected, that commission rewards it, but no metric says so.`,
        fix: `declare measures_collection: true on ${listIds(ids, 'and')} where it is cash collected, measures_collection: false where it is not`,
      });
    }
  },
});
