import { defineRule, listMetricsAndSegments, sortedIds } from '../src/api.js';
import { STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'recognition-mismatch',
    category: 'strategic-alignment',
    severity: 'error',
    summary: 'An award celebrates a deprioritized metric or segment, or no award celebrates a favored one',
    rationale:
      'Strategy says enterprise-first, yet the "all-hands meeting celebrates the VP who closed the most deals this quarter - all SMB. ' +
      'Everyone watches. Everyone learns: SMB deals get recognition." Public recognition must align with strategic priorities: ' +
      '"Celebrate the first enterprise deal closed, the enterprise feature shipped, the enterprise customer retained."',
    source: '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Four Incentive Traps", trap 4: recognition celebrates old wins',
    reads: [...STRATEGY_SEGMENTS, ...STRATEGY_METRICS, 'metrics[].proxy_for', 'recognition[].awards[].metric', 'recognition[].awards[].segment'],
    examples: {
      bad: `recognition:
  - id: all-hands-awards
    awards:
      - { text: Top closer of the quarter, metric: deals-closed, segment: smb }`,
      good: `recognition:
  - id: all-hands-awards
    awards:
      - { text: First enterprise deal closed, metric: enterprise-arr, segment: enterprise }`,
    },
  },
  check({ index, strategy, report }) {
    const favored = { metrics: strategy.favoredIds('metrics'), segments: strategy.favoredIds('segments') };
    let celebratesFavored = false;
    let namesAnything = false;
    for (const reward of index.rewards) {
      if (reward.component !== 'award') continue;
      namesAnything ||= reward.metric !== undefined || reward.segment !== undefined;
      if (strategy.servesFavoredMetric(reward.metric) || strategy.isFavoredSegment(reward.segment)) celebratesFavored = true;
      const old = strategy.oldFocusOf(reward);
      if (!old) continue;
      const { description: what, instead: alternatives } = old;
      report({
        node: reward.node,
        priorities: strategy.prioritiesAgainst(reward),
        message: `Award "${reward.node.text}" in ${reward.instrument.id} celebrates the deprioritized ${what}: everyone watching learns that the old strategy still wins applause.`,
        fix: alternatives.metrics.length + alternatives.segments.length
          ? `celebrate ${listMetricsAndSegments(alternatives.metrics, alternatives.segments)} instead (what the strategy favors)`
          : `retire this award, or point it at what the strategy favors`,
      });
    }
    // A policy with no recognition program leaves that lever out, as one without promotion ladders
    // does; what it leaves out is not celebrating the old strategy. Awards that name no metric or
    // segment (a monthly contest whose measure changes) cannot be judged either way.
    const section = index.sections.recognition[0];
    if (celebratesFavored || !namesAnything || !section || favored.metrics.length + favored.segments.length === 0) return;
    report({
      node: section,
      message: `No award celebrates anything the strategy favors (${listMetricsAndSegments(favored.metrics, favored.segments)}): recognition is the social proof of what actually gets rewarded.`,
      fix: suggestAward(sortedIds(favored.segments)[0], sortedIds(favored.metrics)[0]),
    });
  },
});

/** "Celebrate the first enterprise deal closed": a segment reads best in an award, else a metric. */
function suggestAward(segment: string | undefined, metric: string | undefined): string {
  return segment
    ? `add an award for ${segment}, such as { text: First ${segment} win of the quarter, segment: ${segment} }`
    : `add an award for ${metric}, such as { text: Best ${metric} result of the quarter, metric: ${metric} }`;
}
