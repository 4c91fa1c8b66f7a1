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
      'Surprise changes breed resentment." An instrument with no written rationale cannot be explained to the people it pays. ' +
      'An OKR set whose objective says what its key results are for ("Build the lead engine that will support 4-5x ARR growth") needs no ' +
      'other; one that restates its target ("Meet the daily sales goal") explains nothing.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "What To Do Next", step 4: communicate the incentive logic',
    reads: ['compensation[].rationale', 'okrs[].rationale', 'okrs[].objective', 'promotions[].rationale', 'recognition[].rationale'],
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
      const objective = instrument.lever === 'okrs' ? instrument.node.objective?.trim() : undefined;
      if (objective && statesWhy(objective)) continue;
      const rewards = index.rewardsOf(instrument);
      const metrics = rewards.flatMap((reward) => reward.metric ?? []);
      const segments = rewards.flatMap((reward) => reward.segment ?? []);
      report({
        node: instrument.node,
        key: 'id',
        message: objective
          ? `${describeInstrument(instrument, { sentenceStart: true })} has no rationale, and its objective ("${objective}") says what to reach, not why: the people it measures are not told what it is for.`
          : `${describeInstrument(instrument, { sentenceStart: true })} has no rationale: the people it rewards are not told why it rewards what it does.`,
        fix:
          metrics.length + segments.length
            ? `add rationale: with a sentence or two, in words the team will read, on why ${instrument.id} rewards ${listMetricsAndSegments(metrics, segments, 'and')} and how that serves the strategy`
            : `add rationale: with a sentence or two, in words the team will read, on what ${instrument.id} rewards and why`,
      });
    }
  },
});

/** Words that give a purpose: "by onboarding", "that will support", "so that", "in order to"; "by 20%" is a size, not a purpose. */
const PURPOSE =
  /\b(?:by (?![\d$+-])|so that|so we|that will|which will|in order to|because|to (?:support|achieve|reach|enable|win|keep|grow))/i;

/** Whether an objective says why, not only what. */
function statesWhy(objective: string): boolean {
  return PURPOSE.test(objective);
}
