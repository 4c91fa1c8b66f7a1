import { defineRule, describeInstrument, listMetricsAndSegments } from '../src/api.js';

export default defineRule({
  meta: {
    id: 'missing-rationale',
    category: 'communication',
    severity: 'info',
    summary: 'An instrument has no rationale',
    rationale:
      'Step 4 of the article, "Communicate the incentive logic": "Don\'t just change incentives - explain the reasoning", such as ' +
      '"Enterprise deals now pay 3x commission because they\'re harder but more strategic". "Transparency builds trust. ' +
      'Surprise changes breed resentment." An instrument with no written rationale cannot be explained to the people it pays.',
    source: '"What role do incentives play in strategic alignment failures?" (WattNext), section "What To Do Next", step 4: communicate the incentive logic',
    examples: {
      bad: `recognition:
  - id: all-hands-awards
    awards:
      - { text: First enterprise logo of the quarter, segment: enterprise }`,
      good: `recognition:
  - id: all-hands-awards
    awards:
      - { text: First enterprise logo of the quarter, segment: enterprise }
    rationale: We celebrate enterprise wins because enterprise-first is where we are going.`,
    },
  },
  check({ index, report }) {
    for (const instrument of index.instruments) {
      if (instrument.rationale !== undefined && instrument.rationale.trim() !== '') continue;
      const rewards = index.rewardsOf(instrument);
      const metrics = rewards.flatMap((reward) => reward.metric ?? []);
      const segments = rewards.flatMap((reward) => reward.segment ?? []);
      report({
        node: instrument.node,
        key: 'id',
        message: `${describeInstrument(instrument, { sentenceStart: true })} has no rationale: the people it rewards are not told why it rewards what it does.`,
        fix: metrics.length + segments.length
          ? `add rationale: with a sentence or two, in words the team will read, on why ${instrument.id} rewards ${listMetricsAndSegments(metrics, segments, 'and')} and how that serves the strategy`
          : `add rationale: with a sentence or two, in words the team will read, on what ${instrument.id} rewards and why`,
      });
    }
  },
});
