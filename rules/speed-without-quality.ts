import { compareRewards, defineRule, z, formatPercent, describeInstrument, least, listIds, roundRate, sortedIds, type InstrumentInfo, type MetricT, type PolicyIndex, type IncentiveLine } from '../src/api.js';
import { qualityCounterpart } from './helpers/guards.js';


export default defineRule({
  meta: {
    id: 'speed-without-quality',
    category: 'balanced-measurement',
    severity: 'warning',
    summary: 'A plan or OKR set rewards a speed metric with no quality or outcome metric of real weight beside it',
    rationale:
      'Non-revenue teams "must balance efficiency with quality, requiring incentive systems that don\'t sacrifice service quality for speed ' +
      'or volume." Holmström & Milgrom (1991) show why: strong pay on the measurable task pulls effort from the unmeasured ones, so paying ' +
      'on tickets closed or time to respond without a quality measure beside it buys speed at the expense of quality. An outcome line balances ' +
      'speed too (the result, not the pace, is paid), but not at a token weight. Counts (tickets closed) are judged by gameable-target, ' +
      'on their share of pay and their guards, so that one line is never given two prices.',
    source: '"Performance Incentives Beyond Sales: Motivating Non-Revenue Teams" (Amplify), section "Key Challenges in Non-Revenue Incentive Design": quality vs quantity balance; Holmström & Milgrom (1991), JLEO 7',
    options: z.object({
      min_balance_weight: z
        .number()
        .min(0)
        .max(1)
        .default(0.1)
        .describe('share of variable pay a quality or outcome line needs to balance speed: below it, the line is a token'),
    }),
    examples: {
      bad: `teams:
  - { id: support }
metrics:
  - { id: tickets-closed, type: output, proxy_for: [first-contact-resolution] }
  - { id: first-response-time, type: speed }
  - { id: first-contact-resolution, type: quality }
compensation:
  - id: support-2026
    team: support
    bonus:
      - { metric: tickets-closed, weight: 0.7 }
      - { metric: first-response-time, weight: 0.3 }`,
      good: `teams:
  - { id: support }
metrics:
  - { id: tickets-closed, type: output, proxy_for: [first-contact-resolution] }
  - { id: first-response-time, type: speed }
  - { id: first-contact-resolution, type: quality }
compensation:
  - id: support-2026
    team: support
    bonus:
      - { metric: tickets-closed, weight: 0.35 }
      - { metric: first-contact-resolution, weight: 0.35 }
      - { metric: first-response-time, weight: 0.3 }`,
    },
  },
  check({ index, strategy, options, report }) {
    for (const instrument of index.instruments) {
      if (instrument.lever !== 'compensation' && instrument.lever !== 'okrs') continue;
      const fast: FastLine[] = [];
      let balanced = false;
      for (const reward of index.rewardsOf(instrument)) {
        const metric = reward.metric === undefined ? undefined : index.metrics.get(reward.metric);
        // A quality or outcome line balances speed, unless its weight is a token.
        if (metric?.type === 'quality' || metric?.type === 'outcome') balanced ||= (index.variableShareOf(reward) ?? 1) >= options.min_balance_weight;
        // A line on a deprioritized metric is the old-priority rules' finding: its fix removes the line.
        // Counts are gameable-target's (a share of pay, a guard), so two findings never price one line twice; speed is this rule's.
        else if (metric?.type === 'speed' && !strategy.deprioritizedMetricBehind(metric.id)) fast.push({ reward, metric });
      }
      if (balanced || fast.length === 0) continue;
      const named = fast.map(({ metric }) => `${metric.id} (${metric.type})`);
      const anchor = lineToBalance(fast);
      report({
        node: anchor.reward.node,
        message: `${describeInstrument(instrument, { sentenceStart: true })} rewards ${listIds(named, 'and')} but no quality metric: people will trade quality for speed.`,
        fix: qualityFix(index, instrument, fast, anchor),
      });
    }
  },
});

interface FastLine {
  reward: IncentiveLine;
  metric: MetricT;
}

/**
 * The line the finding sits on and the fix names: the heaviest bonus component (the fix halves it),
 * else the first speed or volume line by content. Never the first as declared, so reordering the
 * lines does not move the finding to another one.
 */
function lineToBalance(fast: readonly FastLine[]): FastLine {
  const weighted = fast.filter(({ reward }) => reward.component === 'bonus' && (reward.weight ?? 0) > 0);
  const heaviest = least(weighted, (a, b) => b.reward.weight! - a.reward.weight! || compareRewards(a.reward, b.reward));
  return heaviest ?? least(fast, (a, b) => compareRewards(a.reward, b.reward))!;
}

function qualityFix(index: PolicyIndex, instrument: InstrumentInfo, fast: readonly FastLine[], anchor: FastLine): string {
  const quality = qualityCounterpart(index, instrument);
  const beside = anchor.metric.id;
  if (!quality) {
    return `declare a metric with type: quality that shows whether ${beside} is done well, and reward it in ${instrument.id} beside ${beside}`;
  }
  if (instrument.lever === 'okrs') return `add a key result { metric: ${quality.id} } to OKR set ${instrument.id} beside ${beside}`;
  const weight = anchor.reward.component === 'bonus' ? anchor.reward.weight : undefined;
  if (!weight) return `add a bonus component on ${quality.id} (type: quality) to plan ${instrument.id} beside ${beside} (commission takes the rest)`;
  const half = weight / 2;
  return `add - { metric: ${quality.id}, weight: ${roundRate(half)} } to plan ${instrument.id} and lower ${beside} from ${formatPercent(weight)} to ${formatPercent(half)}`;
}
