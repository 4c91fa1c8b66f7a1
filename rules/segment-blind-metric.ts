import { defineRule, listIds, sortedIds, z } from '../src/api.js';

export default defineRule({
  meta: {
    id: 'segment-blind-metric',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: 'A customer-facing team is paid or measured on a metric that cannot tell customer segments apart',
    rationale:
      'When the CEO announces "enterprise-first", marketing keeps targeting startups "because MQL targets don\'t distinguish customer size", ' +
      'and CS keeps focusing on small accounts "because satisfaction scores weight all customers equally". A metric that cannot ' +
      'tell segments apart makes the cheapest segment the best one to serve.',
    source: '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Incentive-Strategy Gap", classic pattern',
    options: z.object({
      assume_unsegmented: z
        .boolean()
        .default(false)
        .describe('treat every metric that does not declare `segmented` as unable to tell segments apart'),
      assume_volume_unsegmented: z
        .boolean()
        .default(true)
        .describe(
          'treat an activity or output metric (a count, such as MQLs or tickets) that does not declare `segmented` as unable to tell segments apart',
        ),
    }),
    examples: {
      bad: `strategy:
  priorities:
    - { id: enterprise-growth, favor: { segments: [enterprise] } }
teams:
  - { id: marketing, customer_facing: true }
metrics:
  - { id: mqls, segmented: false }
compensation:
  - id: marketing-2026
    team: marketing
    bonus:
      - { metric: mqls, weight: 1 }`,
      good: `compensation:
  - id: marketing-2026
    team: marketing
    bonus:
      - { metric: mqls, segment: enterprise, weight: 1 }`,
    },
  },
  check({ policy, index, strategy, options, report }) {
    const favoredSegments = sortedIds(strategy.favoredIds('segments'));
    if (favoredSegments.length === 0) return;
    const segmentedAlternatives = strategy.favoredIds('metrics').filter((metric) => index.metrics.get(metric)?.segmented === true);
    const assume = { undeclared: options.assume_unsegmented, undeclaredVolume: options.assume_volume_unsegmented };
    for (const team of policy.teams) {
      if (team.customer_facing !== true) continue;
      for (const reward of index.paidOrMeasured(team.id)) {
        if (!strategy.isSegmentBlind(reward, assume)) continue;
        const how = reward.component === 'key_result' ? 'measured' : 'paid';
        const where = reward.component === 'key_result' ? `OKR set ${reward.instrument.id}` : `plan ${reward.instrument.id}`;
        report({
          node: reward.node,
          message:
            `Team ${team.id} is ${how} on ${reward.metric} in ${where}, a metric that cannot tell customer segments apart, while the strategy favors ${listIds(favoredSegments, 'and')}: ` +
            `the smallest customer counts as much as the largest, so the cheapest segment is the easiest to serve.`,
          fix:
            `measure ${reward.metric} per segment and name it on this line (segment: ${favoredSegments[0]})` +
            (segmentedAlternatives.length ? `, or ${how === 'paid' ? 'pay' : 'measure'} on a segmented metric the strategy favors, such as ${listIds(segmentedAlternatives)}` : ''),
        });
      }
    }
  },
});
