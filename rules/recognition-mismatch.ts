import { defineRule, listMetricsAndSegments, sortedIds } from '../src/api.js';
import { STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'recognition-mismatch',
    category: 'strategic-alignment',
    severity: 'error',
    summary: 'An award celebrates a deprioritized metric or segment, or awards celebrate the old focus or volume and none a favored one',
    rationale:
      'Strategy says enterprise-first, yet the "all-hands meeting celebrates the VP who closed the most deals this quarter - all SMB. ' +
      'Everyone watches. Everyone learns: SMB deals get recognition." Public recognition must align with strategic priorities: ' +
      '"Celebrate the first enterprise deal closed, the enterprise feature shipped, the enterprise customer retained."',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Four Incentive Traps", trap 4: recognition celebrates old wins',
    reads: [
      ...STRATEGY_SEGMENTS,
      ...STRATEGY_METRICS,
      'metrics[].proxy_for',
      'recognition[].awards[].metric',
      'recognition[].awards[].segment',
    ],
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
    // Applause for what the strategy does not ask for: the old focus, or a volume count (activity, output).
    let celebratesOtherWins = false;
    for (const reward of index.rewards) {
      if (reward.component !== 'award') continue;
      const type = reward.metric === undefined ? undefined : index.metrics.get(reward.metric)?.type;
      if (type === 'activity' || type === 'output') celebratesOtherWins = true;
      if (strategy.servesFavoredMetric(reward.metric) || strategy.isFavoredSegment(reward.segment)) celebratesFavored = true;
      const old = strategy.oldFocusOf(reward);
      if (!old) continue;
      celebratesOtherWins = true;
      const { description: what, instead: alternatives } = old;
      report({
        node: reward.node,
        priorities: strategy.prioritiesAgainst(reward),
        message: `Award "${reward.node.text}" in ${reward.instrument.id} celebrates the deprioritized ${what}: everyone watching learns that the old strategy still wins applause.`,
        fix:
          alternatives.metrics.length + alternatives.segments.length
            ? `celebrate ${listMetricsAndSegments(alternatives.metrics, alternatives.segments)} instead (what the strategy favors)`
            : `retire this award, or point it at what the strategy favors`,
      });
    }
    // The trap is applause for other wins: a leaderboard of the old focus or of volume, with nothing
    // for the new strategy. Awards for conduct or quality (helping colleagues) leave the priorities to
    // the levers that pay for them, and a policy with no recognition program leaves the lever out,
    // as one without promotion ladders does.
    const section = index.sections.recognition[0];
    if (celebratesFavored || !celebratesOtherWins || !section || favored.metrics.length + favored.segments.length === 0) return;
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
