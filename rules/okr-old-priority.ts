import { defineRule, listIds } from '../src/api.js';
import { limitsItsMetric } from './helpers/targets.js';
import { STRATEGY_METRICS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'okr-old-priority',
    category: 'strategic-alignment',
    severity: 'error',
    summary: 'A key result measures a metric the strategy deprioritizes',
    rationale:
      'Strategy says "quality over speed", but "engineering OKRs still measure velocity, feature count, and sprint completion rate. ' +
      'Engineers are rational: they ship fast, cut quality corners, and hit their OKRs." OKRs should measure what the strategy prioritizes. ' +
      'A guardrail key result, or one whose target is a ceiling ("< 2% of orders"), holds the deprioritized metric down and is not reported.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Four Incentive Traps", trap 2: OKRs measure old priorities',
    reads: [
      ...STRATEGY_METRICS,
      'metrics[].proxy_for',
      'okrs[].key_results[].metric',
      'okrs[].key_results[].target',
      'okrs[].key_results[].guardrail',
    ],
    examples: {
      bad: `strategy:
  priorities:
    - id: quality
      favor: { metrics: [defect-rate] }
      deprioritize: { metrics: [velocity] }
okrs:
  - id: eng-q3
    key_results:
      - { metric: velocity, target: "+20%" }`,
      good: `okrs:
  - id: eng-q3
    key_results:
      - { metric: defect-rate, target: "-30%" }`,
    },
  },
  check({ index, strategy, report }) {
    for (const reward of index.rewards) {
      // A guardrail or a ceiling ("< 2% of orders") holds the old metric down: it does not reward it.
      const behind =
        reward.component === 'key_result' && !limitsItsMetric(reward.node) ? strategy.deprioritizedMetricBehind(reward.metric) : undefined;
      if (!behind) continue;
      const { metric, via } = behind;
      const priorities = strategy.prioritiesDeprioritizing('metrics', metric).map((priority) => priority.id);
      const alternatives = strategy.alternativesTo(metric);
      // The edit measures the first favored metric the set does not measure yet: a second key result on it would be a duplicate.
      const measured = new Set(index.rewardsOfComponent(reward.instrument, 'key_result').map((line) => line.metric));
      const replacement = alternatives.find((alternative) => !measured.has(alternative));
      report({
        node: reward.node,
        priorities,
        message: `OKR set ${reward.instrument.id} has a key result on ${via ? `${via}, declared a proxy for ${metric}` : metric}, which priority ${listIds(priorities, 'and')} deprioritizes: the team will hit it at the strategy's expense.`,
        fix: alternatives.length
          ? `measure ${listIds(alternatives)} instead of ${via ?? metric} (the favored metrics of ${listIds(priorities, 'and')})`
          : `remove the key result on ${via ?? metric}, or give priority ${listIds(priorities, 'and')} a favored metric to measure instead`,
        ...(replacement
          ? { edits: [{ set: { node: reward.node, key: 'metric', value: replacement }, safety: 'suggestion' as const }] }
          : {}),
      });
    }
  },
});
