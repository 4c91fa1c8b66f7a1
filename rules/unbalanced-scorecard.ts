import { defineRule, describeInstrument, listInOrder, z, type MetricT } from '../src/api.js';
import { suggestMetric } from './helpers/suggest-metric.js';

const PERSPECTIVES = ['financial', 'customer', 'internal', 'learning'] as const;

export default defineRule({
  meta: {
    id: 'unbalanced-scorecard',
    category: 'balanced-measurement',
    severity: 'info',
    summary: 'A plan or OKR set measures fewer than min perspectives of the balanced scorecard',
    rationale:
      'Amplify\'s "Performance Incentives Beyond Sales" recommends a "Balanced Scorecard Approach" for non-revenue teams: financial impact, the customer perspective, internal ' +
      'process excellence, and learning and growth. A plan that pays on one perspective alone (only internal reliability, only new revenue) ' +
      'leaves the others unrewarded, so they are the first to be traded away.',
    source: '"Performance Incentives Beyond Sales: Motivating Non-Revenue Teams" (Amplify), section "Strategic Framework for Non-Revenue Incentives": Balanced Scorecard Approach',
    options: z.object({
      min_perspectives: z.number().int().min(1).max(4).default(2).describe('how many scorecard perspectives each plan or OKR set should cover'),
    }),
    examples: {
      bad: `metrics:
  - { id: system-uptime, type: quality, perspective: internal }
  - { id: change-failure-rate, type: quality, perspective: internal }
okrs:
  - id: it-2026-h1
    key_results:
      - { metric: system-uptime }
      - { metric: change-failure-rate }`,
      good: `metrics:
  - { id: system-uptime, type: quality, perspective: internal }
  - { id: it-user-satisfaction, type: quality, perspective: customer }
okrs:
  - id: it-2026-h1
    key_results:
      - { metric: system-uptime }
      - { metric: it-user-satisfaction }`,
    },
  },
  check({ index, options, report }) {
    for (const instrument of index.instruments) {
      if (instrument.lever !== 'compensation' && instrument.lever !== 'okrs') continue;
      const covered = new Set<string>();
      for (const reward of index.rewardsOf(instrument)) {
        const perspective = reward.metric === undefined ? undefined : index.metrics.get(reward.metric)?.perspective;
        if (perspective) covered.add(perspective);
      }
      // No metric says its perspective: the scorecard cannot be judged.
      if (covered.size === 0 || covered.size >= options.min_perspectives) continue;
      const missing = PERSPECTIVES.filter((perspective) => !covered.has(perspective));
      const suggestion = suggestMetric(index, instrument.team, (metric: MetricT) => metric.perspective !== undefined && missing.includes(metric.perspective));
      const how = instrument.lever === 'okrs' ? `a key result { metric: ${suggestion?.id} }` : `a bonus component on ${suggestion?.id}`;
      report({
        node: instrument.node,
        key: 'id',
        message: `${describeInstrument(instrument, { sentenceStart: true })} measures only the ${listInOrder([...covered].sort(byScorecard), 'and')} perspective${covered.size > 1 ? 's' : ''} of the balanced scorecard (fewer than ${options.min_perspectives}).`,
        fix: suggestion
          ? `add ${how} (perspective: ${suggestion.perspective}); missing perspectives: ${listInOrder(missing, 'and')}`
          : `measure a metric from the ${listInOrder(missing, 'or')} perspective in ${instrument.id} (declare it with a perspective)`,
      });
    }
  },
});

function byScorecard(a: string, b: string): number {
  return PERSPECTIVES.indexOf(a as (typeof PERSPECTIVES)[number]) - PERSPECTIVES.indexOf(b as (typeof PERSPECTIVES)[number]);
}
