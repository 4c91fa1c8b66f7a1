import { compareRewards, defineRule, formatPercent, least, z, type Reward } from '../src/api.js';

export default defineRule({
  meta: {
    id: 'flat-commission',
    category: 'strategic-alignment',
    severity: 'error',
    summary: 'A plan pays a deprioritized segment nearly as much commission as a favored one',
    rationale:
      'Strategy says enterprise-first, but "sales comp plan still pays the same commission for SMB deals as enterprise deals". ' +
      'Enterprise deals take 6-9 months and SMB deals close in 3 weeks, so the rational choice is to close SMB deals. ' +
      'The fix the article gives: "Enterprise deals should pay 2-3x the commission of SMB deals."',
    source: 'seed 000, "The Four Incentive Traps", trap 1: comp plans don\'t change',
    options: z.object({
      min_ratio: z.number().positive().default(2).describe('how many times a deprioritized segment\'s rate a favored segment\'s rate must be'),
    }),
    examples: {
      bad: `commission:
  - { metric: new-arr, segment: enterprise, rate: "8%" }
  - { metric: new-arr, segment: smb, rate: "8%" }`,
      good: `commission:
  - { metric: new-arr, segment: enterprise, rate: "16%" }
  - { metric: new-arr, segment: smb, rate: "8%" }`,
    },
  },
  check({ index, options, report }) {
    for (const instrument of index.instruments) {
      const byMetric = new Map<string, Reward[]>();
      for (const reward of index.rewardsOf(instrument)) {
        if (reward.component !== 'commission' || reward.metric === undefined || reward.rate === undefined) continue;
        byMetric.set(reward.metric, [...(byMetric.get(reward.metric) ?? []), reward]);
      }
      for (const [metric, lines] of byMetric) {
        const favored = lines.filter((line) => index.isFavoredSegment(line.segment));
        if (favored.length === 0) continue;
        // The favored line paying least is the one the deprioritized rate competes with (on a tie, the lowest segment id).
        const weakest = least(favored, (a, b) => a.rate! - b.rate! || compareRewards(a, b))!;
        for (const line of lines) {
          if (!index.isDeprioritizedSegment(line.segment)) continue;
          const required = line.rate! * options.min_ratio;
          if (weakest.rate! + 1e-9 >= required) continue;
          const ratio = line.rate! === 0 ? '' : ` (${Math.round((weakest.rate! / line.rate!) * 100) / 100}×)`;
          report({
            node: line.node,
            message:
              `Plan ${instrument.id} pays ${line.segment} ${formatPercent(line.rate!)} on ${metric}, against ${formatPercent(weakest.rate!)} for ${weakest.segment}${ratio}: ` +
              `the strategy favors ${weakest.segment}, but this commission does not make the trade-off.`,
            fix: `raise ${weakest.segment} to at least ${formatPercent(required)} (${options.min_ratio} × ${line.segment} ${formatPercent(line.rate!)}), or lower ${line.segment} to at most ${formatPercent(weakest.rate! / options.min_ratio)}`,
          });
        }
      }
    }
  },
});
