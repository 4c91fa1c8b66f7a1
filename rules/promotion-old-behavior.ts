import { defineRule, formatRewardLine, listIds, listMetricsAndSegments } from '../src/api.js';
import { STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'promotion-old-behavior',
    category: 'strategic-alignment',
    severity: 'error',
    summary: 'A promotion criterion rewards a deprioritized metric or segment, or a favored behavior is in no promotion criterion',
    rationale:
      'Strategy says "cross-functional collaboration", yet "promotions still go to individuals who deliver their functional goals ' +
      'independently. Collaborative work is invisible, slow, and unrewarded." The fix: "Add \'cross-functional impact\' as explicit ' +
      'promotion criteria. Reward people who enable other teams, not just those who hit their silo\'s goals."',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Four Incentive Traps", trap 3: promotion criteria reward old behavior',
    reads: [
      ...STRATEGY_SEGMENTS,
      ...STRATEGY_METRICS,
      'metrics[].proxy_for',
      'metrics[].type',
      'promotions[].criteria[].metric',
      'promotions[].criteria[].segment',
    ],
    examples: {
      bad: `strategy:
  priorities:
    - id: cross-functional
      favor: { metrics: [cross-team-impact] }
      deprioritize: { metrics: [solo-delivery] }
metrics:
  - { id: cross-team-impact, type: behavior }
  - { id: solo-delivery, type: behavior }
promotions:
  - id: eng-ladder
    criteria:
      - { text: Delivers functional goals independently, metric: solo-delivery }`,
      good: `promotions:
  - id: eng-ladder
    criteria:
      - { text: Enables other teams to succeed, metric: cross-team-impact }`,
    },
  },
  check({ policy, index, strategy, report }) {
    for (const reward of index.rewards) {
      if (reward.component !== 'criterion') continue;
      const old = strategy.oldFocusOf(reward);
      if (!old) continue;
      const { description: what, instead: alternatives } = old;
      report({
        node: reward.node,
        priorities: strategy.prioritiesAgainst(reward),
        message: `Promotion ladder ${reward.instrument.id} promotes on "${reward.node.text}", which measures the deprioritized ${what}: people get promoted for the behavior the strategy wants less of.`,
        fix:
          alternatives.metrics.length + alternatives.segments.length
            ? `base this criterion on ${listMetricsAndSegments(alternatives.metrics, alternatives.segments)} instead (what the strategy favors)`
            : `remove this criterion, or point it at what the strategy favors`,
      });
    }

    const ladders = policy.promotions.map((ladder) => ladder.id);
    const section = index.sections.promotions[0];
    if (ladders.length === 0 || !section) return;
    const promotedOn = new Set(index.rewards.filter((reward) => reward.component === 'criterion').map((reward) => reward.metric));
    for (const metric of strategy.favoredIds('metrics')) {
      const declared = index.metrics.get(metric);
      if (declared?.type !== 'behavior' || promotedOn.has(metric)) continue;
      const priorities = listIds(
        strategy.prioritiesFavoring('metrics', metric).map((priority) => priority.id),
        'and',
      );
      report({
        node: section,
        message: `No promotion criterion names ${metric}, a behavior priority ${priorities} favors: work nobody is promoted for stays invisible and unrewarded.`,
        fix: `add ${formatRewardLine({ text: declared.name ?? metric, metric })} to the criteria of ${listIds(ladders, 'and')}`,
      });
    }
  },
});
