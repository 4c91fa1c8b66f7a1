import { defineRule, formatPercent, describeInstrument, listIds, type InstrumentInfo, type MetricT, type PolicyIndex, type Reward } from '../src/api.js';

const SPEED_OR_VOLUME: ReadonlySet<string> = new Set(['speed', 'activity', 'output']);

export default defineRule({
  meta: {
    id: 'speed-without-quality',
    category: 'balanced-measurement',
    severity: 'warning',
    summary: 'A plan or OKR set rewards a speed or volume metric with no quality metric beside it',
    rationale:
      'Non-revenue teams "must balance efficiency with quality, requiring incentive systems that don\'t sacrifice service quality for speed ' +
      'or volume." Holmström & Milgrom (1991) show why: strong pay on the measurable task pulls effort from the unmeasured ones, so paying ' +
      'on tickets closed or time to respond without a quality measure beside it buys speed at the expense of quality.',
    source: 'seed 002, "Key Challenges in Non-Revenue Incentive Design": quality vs quantity balance; Holmström & Milgrom (1991), JLEO 7',
    examples: {
      bad: `compensation:
  - id: support-2026
    team: support
    bonus:
      - { metric: tickets-closed, weight: 0.7 }
      - { metric: first-response-time, weight: 0.3 }`,
      good: `compensation:
  - id: support-2026
    team: support
    bonus:
      - { metric: tickets-closed, weight: 0.35 }
      - { metric: first-contact-resolution, weight: 0.35 }
      - { metric: first-response-time, weight: 0.3 }`,
    },
  },
  check({ index, report }) {
    for (const instrument of index.instruments) {
      if (instrument.lever !== 'compensation' && instrument.lever !== 'okrs') continue;
      const typed = index.rewardsOf(instrument).flatMap((reward) => {
        const metric = reward.metric === undefined ? undefined : index.metrics.get(reward.metric);
        return metric ? [{ reward, metric }] : [];
      });
      if (typed.some(({ metric }) => metric.type === 'quality')) continue;
      const fast = typed.filter(({ metric }) => SPEED_OR_VOLUME.has(metric.type ?? ''));
      if (fast.length === 0) continue;
      const named = [...new Map(fast.map(({ metric }) => [metric.id, `${metric.id} (${metric.type})`])).values()];
      report({
        node: fast[0]!.reward.node,
        message: `${describeInstrument(instrument, { sentenceStart: true })} rewards ${listIds(named, 'and')} but no quality metric: people will trade quality for speed and volume.`,
        fix: qualityFix(index, instrument, fast),
      });
    }
  },
});

function qualityFix(index: PolicyIndex, instrument: InstrumentInfo, fast: readonly { reward: Reward; metric: MetricT }[]): string {
  const quality = qualityCounterpart(index, instrument, fast.map(({ metric }) => metric));
  const beside = fast[0]!.metric.id;
  if (!quality) {
    return `declare a metric with type: quality that shows whether ${beside} is done well, and reward it in ${instrument.id} beside ${beside}`;
  }
  if (instrument.lever === 'okrs') return `add a key result { metric: ${quality.id} } to OKR set ${instrument.id} beside ${beside}`;
  const bonus = fast.filter(({ reward }) => reward.component === 'bonus').map(({ reward }) => reward);
  const heaviest = bonus.reduce<Reward | undefined>((top, reward) => (!top || (reward.weight ?? 0) > (top.weight ?? 0) ? reward : top), undefined);
  if (!heaviest?.weight) return `add a bonus component on ${quality.id} (type: quality) to plan ${instrument.id} beside ${beside} (commission takes the rest)`;
  const half = heaviest.weight / 2;
  return `add - { metric: ${quality.id}, weight: ${round(half)} } to plan ${instrument.id} and lower ${heaviest.metric} from ${formatPercent(heaviest.weight)} to ${formatPercent(half)}`;
}

/** The quality metric to pair with: one the speed or volume metrics stand in for, else the closest quality metric. */
function qualityCounterpart(index: PolicyIndex, instrument: InstrumentInfo, fast: readonly MetricT[]): MetricT | undefined {
  for (const metric of fast) {
    for (const id of metric.proxy_for ?? []) {
      const target = index.metrics.get(id);
      if (target?.type === 'quality' && !target.vanity && !index.isDeprioritizedMetric(id)) return target;
    }
  }
  return index.suggestMetric(instrument.team, (metric) => metric.type === 'quality');
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
