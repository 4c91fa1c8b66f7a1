import { defineRule, formatPercent, formatRewardLine, listIds, type IncentiveLine } from '../src/api.js';
import { STRATEGY_METRICS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'pay-old-priority',
    category: 'strategic-alignment',
    severity: 'error',
    summary: 'A commission line or bonus component pays on a metric the strategy deprioritizes',
    rationale:
      'People "do what they\'re measured on, bonused for, promoted for, and publicly recognized for." When the strategy changes ' +
      'but pay does not, product keeps shipping small features "because velocity metrics reward feature count". The article\'s ' +
      'fix for an enterprise-first strategy: "CS bonuses reflect enterprise retention, not total customer count."',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Four Incentive Traps", traps 1-2, and "Make trade-offs explicit in incentives"',
    reads: [
      ...STRATEGY_METRICS,
      'metrics[].proxy_for',
      'compensation[].commission[].metric',
      'compensation[].quotas[].metric',
      'compensation[].bonus[].metric',
    ],
    examples: {
      bad: `strategy:
  priorities:
    - id: enterprise-growth
      favor: { metrics: [net-retention] }
      deprioritize: { metrics: [customer-count] }
compensation:
  - id: cs-2026
    bonus:
      - { metric: customer-count, weight: 1 }`,
      good: `compensation:
  - id: cs-2026
    bonus:
      - { metric: net-retention, weight: 1 }`,
    },
  },
  check({ index, strategy, report }) {
    for (const reward of index.rewards) {
      if (reward.component !== 'commission' && reward.component !== 'bonus') continue;
      // A line on a declared proxy of a deprioritized metric pays for that metric.
      const behind = strategy.deprioritizedMetricBehind(reward.metric);
      if (!behind) continue;
      const { metric, via } = behind;
      const priorities = listIds(
        strategy.prioritiesDeprioritizing('metrics', metric).map((priority) => priority.id),
        'and',
      );
      // Suggest a favored metric the plan does not already pay on this way: a second line on it would be a duplicate.
      const inPlan = new Set(index.rewardsOfComponent(reward.instrument, reward.component).map((line) => line.metric));
      const alternatives = strategy.alternativesTo(metric);
      const [first, ...others] = alternatives.filter((alternative) => !inPlan.has(alternative));
      const kind = reward.component === 'commission' ? 'commission line' : 'bonus component';
      const pays =
        reward.component === 'commission'
          ? `${formatPercent(reward.rate ?? 0)} commission`
          : `a bonus component worth ${formatPercent(reward.weight ?? 0)} of variable pay`;
      // Keep the line's segment in the suggestion unless that segment is itself part of the old strategy.
      const segment = strategy.isDeprioritizedSegment(reward.segment) ? undefined : reward.segment;
      report({
        node: reward.node,
        priorities: strategy.prioritiesDeprioritizing('metrics', metric).map((priority) => priority.id),
        message: `Plan ${reward.instrument.id} pays ${pays} on ${via ? `${via}, declared a proxy for ${metric}` : metric}, which priority ${priorities} deprioritizes: the team is paid to keep doing what the strategy wants less of.`,
        fix: first
          ? `pay it on what ${priorities} favors instead: ${formatRewardLine({ metric: first, segment, rate: reward.rate, weight: reward.weight })}` +
            (others.length ? ` (or on ${listIds(others)})` : '')
          : alternatives.length
            ? `remove the ${kind} on ${via ?? metric} and move its ${reward.component === 'commission' ? 'rate' : 'weight'} to the ${paidThroughQuota(reward, alternatives[0]!) ? 'quota' : kind} on ${alternatives[0]} the plan already has`
            : `remove the ${kind} on ${via ?? metric}, or give priority ${priorities} a favored metric to pay on instead`,
        // A decision (which favored metric), so a suggestion; only where the line keeps its segment, since an edit cannot drop a key.
        ...(first && segment === reward.segment
          ? { edits: [{ set: { node: reward.node, key: 'metric', value: first }, safety: 'suggestion' as const }] }
          : {}),
      });
    }
  },
});

/** Whether the plan pays `metric` through a quota (its commission line is the quota itself). */
function paidThroughQuota(reward: IncentiveLine, metric: string): boolean {
  return reward.instrument.lever === 'compensation' && (reward.instrument.node.quotas ?? []).some((quota) => quota.metric === metric);
}
