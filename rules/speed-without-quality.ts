import {
  compareRewards,
  defineRule,
  z,
  formatPercent,
  describeInstrument,
  least,
  listIds,
  roundRate,
  type InstrumentInfo,
  type MetricT,
  type PolicyIndex,
  type IncentiveLine,
} from '../src/api.js';
import { decidesNothing, qualityCounterpart } from './helpers/guards.js';
import { STRATEGY_METRICS } from './helpers/reads.js';

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
      'on their share of pay and their guards, so that one line is never given two prices. A named deliverable done or not by its date ' +
      '(`deliverable: true`, or a key result whose target is a deadline) is a milestone, not a pace; key results declared used for neither ' +
      'pay nor evaluation (`stakes: none`) buy no speed.',
    source:
      '"Performance Incentives Beyond Sales: Motivating Non-Revenue Teams" (Amplify), section "Key Challenges in Non-Revenue Incentive Design": quality vs quantity balance; Holmström & Milgrom (1991), JLEO 7',
    reads: [
      ...STRATEGY_METRICS,
      'metrics[].proxy_for',
      'metrics[].type',
      'metrics[].deliverable',
      'okrs[].stakes',
      'okrs[].key_results[].target',
      'compensation[].commission[].metric',
      'compensation[].quotas[].metric',
      'compensation[].bonus[].metric',
      'compensation[].bonus[].weight',
      'okrs[].key_results[].metric',
    ],
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
  check({ index, model, strategy, options, report }) {
    for (const instrument of index.instruments) {
      if (instrument.lever !== 'compensation' && instrument.lever !== 'okrs') continue;
      // Key results that decide neither pay nor evaluation (stakes: none) buy no speed at the expense of quality.
      if (decidesNothing(model, instrument)) continue;
      const fast: FastLine[] = [];
      const tokens: IncentiveLine[] = [];
      let balanced = false;
      for (const reward of index.rewardsOf(instrument)) {
        const metric = reward.metric === undefined ? undefined : index.metrics.get(reward.metric);
        // A quality or outcome line balances speed, unless its weight is a token.
        if (metric?.type === 'quality' || metric?.type === 'outcome') {
          const real = (index.variableShareOf(reward) ?? 1) >= options.min_balance_weight;
          balanced ||= real;
          if (!real) tokens.push(reward);
        }
        // A line on a deprioritized metric is the old-priority rules' finding: its fix removes the line.
        // Counts are gameable-target's (a share of pay, a guard), so two findings never price one line twice; speed is this rule's.
        // A named deliverable done or not by its date (ship by June 15) is a milestone, not a pace paid for.
        else if (
          metric?.type === 'speed' &&
          !strategy.deprioritizedMetricBehind(metric.id) &&
          !model.entriesOf(reward).some((entry) => entry.made.deliverable)
        )
          fast.push({ reward, metric });
      }
      if (balanced || fast.length === 0) continue;
      const named = fast.map(({ metric }) => `${metric.id} (${metric.type})`);
      const anchor = lineToBalance(fast);
      report({
        node: anchor.reward.node,
        message: `${describeInstrument(instrument, { sentenceStart: true })} rewards ${listIds(named, 'and')} but no quality metric${tokenNote(index, tokens)}: people will trade quality for speed.`,
        fix: qualityFix(index, instrument, fast, anchor, tokens),
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

/** " of real weight (csat is 5% of variable pay)" when quality lines are there at a token weight, else "". */
function tokenNote(index: PolicyIndex, tokens: readonly IncentiveLine[]): string {
  if (tokens.length === 0) return '';
  return ` of real weight (${tokens.map((line) => `${line.metric} is ${formatPercent(index.variableShareOf(line) ?? 0)}`).join(', ')} of variable pay)`;
}

function qualityFix(
  index: PolicyIndex,
  instrument: InstrumentInfo,
  _fast: readonly FastLine[],
  anchor: FastLine,
  tokens: readonly IncentiveLine[],
): string {
  const beside = anchor.metric.id;
  const weight = anchor.reward.component === 'bonus' ? anchor.reward.weight : undefined;
  // A quality line already there at a token weight is raised, not added a second time.
  const token = tokens.find((line) => line.component === 'bonus');
  if (token && weight) {
    const moved = weight / 2;
    return `raise ${token.metric} from ${formatPercent(token.weight ?? 0)} to ${formatPercent((token.weight ?? 0) + moved)} in plan ${instrument.id} and lower ${beside} from ${formatPercent(weight)} to ${formatPercent(weight - moved)}`;
  }
  const quality = qualityCounterpart(index, instrument);
  if (!quality) {
    return `declare a metric with type: quality that shows whether ${beside} is done well, and reward it in ${instrument.id} beside ${beside}`;
  }
  if (instrument.lever === 'okrs') return `add a key result { metric: ${quality.id} } to OKR set ${instrument.id} beside ${beside}`;
  if (!weight)
    return `add a bonus component on ${quality.id} (type: quality) to plan ${instrument.id} beside ${beside} (commission takes the rest)`;
  const half = weight / 2;
  return `add - { metric: ${quality.id}, weight: ${roundRate(half)} } to plan ${instrument.id} and lower ${beside} from ${formatPercent(weight)} to ${formatPercent(half)}`;
}
