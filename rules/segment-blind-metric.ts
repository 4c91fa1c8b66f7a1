import { defineRule, listIds, sortedIds, z, type InstrumentInfo, type PolicyIndex, type IncentiveLine } from '../src/api.js';
import { STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'segment-blind-metric',
    category: 'strategic-alignment',
    severity: 'warning',
    summary:
      'A customer-facing team is paid or measured on metrics that cannot tell customer segments apart, while the strategy favors segments (once per instrument)',
    rationale:
      'When the CEO announces "enterprise-first", marketing keeps targeting startups "because MQL targets don\'t distinguish customer size", ' +
      'and CS keeps focusing on small accounts "because satisfaction scores weight all customers equally". A metric that cannot ' +
      'tell segments apart makes the cheapest segment the best one to serve.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Incentive-Strategy Gap", classic pattern',
    reads: [
      ...STRATEGY_SEGMENTS,
      ...STRATEGY_METRICS,
      'strategy.priorities[].prefer[].metric',
      'metrics[].proxy_for',
      'teams[].customer_facing',
      'compensation[].team',
      'okrs[].team',
      'metrics[].segmented',
      'metrics[].perspective',
      'metrics[].type',
      'metrics[].deliverable',
      'compensation[].commission[].metric',
      'compensation[].commission[].segment',
      'compensation[].commission[].accounts',
      'compensation[].quotas[].metric',
      'compensation[].quotas[].segment',
      'compensation[].bonus[].metric',
      'compensation[].bonus[].segment',
      'compensation[].bonus[].accounts',
      'okrs[].key_results[].metric',
      'okrs[].key_results[].segment',
      'okrs[].key_results[].accounts',
      'okrs[].key_results[].target',
    ],
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
    const scopesToAccounts = index.rewards.some((reward) => 'accounts' in reward.node && reward.node.accounts !== undefined);
    for (const team of policy.teams) {
      if (team.customer_facing !== true) continue;
      const blindByInstrument = new Map<InstrumentInfo, IncentiveLine[]>();
      for (const reward of index.paidOrMeasured(team.id)) {
        // A line scoped to named accounts tells customers apart as a segment does.
        if (('accounts' in reward.node && reward.node.accounts !== undefined) || !strategy.isSegmentBlind(reward, assume)) continue;
        if (servesOnlyPrioritiesWithoutSegments(index, reward)) continue;
        blindByInstrument.set(reward.instrument, [...(blindByInstrument.get(reward.instrument) ?? []), reward]);
      }
      // One finding per instrument, listing its metrics: the fix (segment the measure) is one decision.
      for (const [instrument, blind] of blindByInstrument) {
        const metrics = sortedIds(new Set(blind.map((reward) => reward.metric!)));
        const how = instrument.lever === 'okrs' ? 'measured' : 'paid';
        const where = instrument.lever === 'okrs' ? `OKR set ${instrument.id}` : `plan ${instrument.id}`;
        const one = metrics.length === 1;
        report({
          node: instrument.node,
          key: 'id',
          // The priorities that deprioritize a segment: a measure blind to segments pays it as much as any other.
          priorities: policy.strategy.priorities
            .filter((priority) => (priority.deprioritize?.segments ?? []).length > 0)
            .map((priority) => priority.id),
          message:
            `Team ${team.id} is ${how} on ${listIds(metrics, 'and')} in ${where}, ${one ? 'a metric' : 'metrics'} that cannot tell customer segments apart, while the strategy favors ${listIds(favoredSegments, 'and')}: ` +
            `the smallest customer counts as much as the largest, so the cheapest segment is the easiest to serve.`,
          fix:
            `measure ${one ? metrics[0] : 'each of them'} per segment and name it on ${one ? 'its line' : 'each line'} (segment: ${favoredSegments[0]})` +
            // Named accounts only where the policy already scopes lines to them: not every system has accounts.
            (scopesToAccounts ? `, or scope ${one ? 'it' : 'them'} to named accounts (accounts: …)` : '') +
            (segmentedAlternatives.length
              ? `, or ${how === 'paid' ? 'pay' : 'measure'} on a segmented metric the strategy favors, such as ${listIds(segmentedAlternatives)}`
              : ''),
        });
      }
    }
  },
});

/**
 * A metric that only priorities favoring no segment care about (such as velocity, under a product
 * priority) serves no segment strategy: telling segments apart is not what it is for.
 */
function servesOnlyPrioritiesWithoutSegments(index: PolicyIndex, reward: IncentiveLine): boolean {
  const naming = [...index.priorities.values()].filter((priority) => {
    const stance = index.strategy.stanceOf({ ...reward, segment: undefined }, priority);
    return stance.reinforces || stance.undermines;
  });
  return naming.length > 0 && naming.every((priority) => (priority.favor?.segments ?? []).length === 0);
}
