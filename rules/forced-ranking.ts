import { defineRule, describeInstrument, formatPercent, listIds, z, type PolicyIndex } from '../src/api.js';
import { REWARDED_TEAMS, STRATEGY_METRICS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'forced-ranking',
    category: 'shared-incentives',
    severity: 'warning',
    summary:
      'Pay, promotion or an award is a forced distribution among teammates (ranked within the team, a fixed share at the bottom) while the strategy needs them to work together',
    rationale:
      'A forced distribution inside a team is zero-sum among teammates: if one person is rated up, another has to be rated down, so helping ' +
      "a colleague lowers your own place. Under Microsoft's stack ranking (about 2005-2013) a set share of every review group had to take the " +
      'bottom rating, and people competed with their teammates instead of competitors, avoided strong teams and hired weaker people to fill ' +
      'the bottom of the curve, while the company said it wanted teamwork. "Department A cannot fully win unless Department B also ' +
      'achieves" is the shared model; a curve within the team is its opposite. It matters where the strategy or the policy says people ' +
      'must work together: a favored behavior metric, a handoff to or from the team, a component shared with another team.',
    source:
      '"What are Shared Incentives?": shared vs. siloed model; Microsoft stack ranking (Ivey case "Microsoft Corporation: Is Stack Ranking the Answer?")',
    reads: [
      ...STRATEGY_METRICS,
      'metrics[].type',
      'teams[].hands_off_to',
      ...REWARDED_TEAMS,
      'compensation[].bonus[].shared_with',
      ...['compensation[].bonus[]', 'compensation[].pool', 'promotions[].criteria[]', 'recognition[].awards[]'].flatMap((line) => [
        `${line}.ranked.within`,
        `${line}.ranked.bottom`,
      ]),
    ],
    options: z.object({
      bottom_share: z
        .number()
        .min(0)
        .max(1)
        .default(0.01)
        .describe('share of the team placed at the bottom whatever their results from which the ranking is reported'),
    }),
    examples: {
      bad: `strategy:
  priorities: [{ id: collaborate, favor: { metrics: [cross-team-impact] } }]
metrics:
  - { id: cross-team-impact, type: behavior }
  - { id: review-rating, type: behavior }
compensation:
  - id: annual-review
    team: engineering
    bonus: [{ metric: review-rating, weight: 1, ranked: { within: team, top: "20%", bottom: "10%", bottom_outcome: exit } }]`,
      good: `compensation:
  - id: annual-review
    team: engineering
    bonus: [{ metric: review-rating, weight: 1 }]`,
    },
  },
  check({ index, options, report }) {
    for (const instrument of index.instruments) {
      const team = instrument.team;
      if (team === undefined) continue;
      const pool = instrument.lever === 'compensation' ? instrument.node.pool : undefined;
      const ranked = [...index.rewardsOf(instrument).map((line) => line.node), ...(pool ? [pool] : [])].filter(
        (node): node is typeof node & { ranked: { within?: string; bottom?: number; bottom_outcome?: string } } =>
          'ranked' in node &&
          node.ranked !== undefined &&
          (node.ranked.within ?? 'team') === 'team' &&
          (node.ranked.bottom ?? 0) >= options.bottom_share,
      );
      // Asked only of instruments that rank: the reasons scan every handoff of the policy.
      const reasons = ranked.length === 0 ? [] : collaborationNeeded(index, team);
      if (reasons.length === 0) continue;
      for (const node of ranked) {
        const { bottom, bottom_outcome: outcome } = node.ranked;
        report({
          node,
          key: 'ranked',
          message:
            `${describeInstrument(instrument, { sentenceStart: true })} ranks the people of ${team} against each other and puts ${formatPercent(bottom ?? 0)} of them at the bottom` +
            `${outcome === 'exit' ? ', to be managed out' : outcome === 'nothing' ? ', with nothing' : ''}, whatever their results, while ${listIds(reasons, 'and')}: helping a teammate lowers your own place.`,
          fix: `rate each person against the standard, not against teammates (remove ranked, or rank within: company without a fixed bottom share), and pay part of it on what ${team} achieves together`,
        });
      }
    }
  },
});

/** Why the policy needs the team's people to work together: a favored behavior metric, a handoff, a shared component. */
function collaborationNeeded(index: PolicyIndex, team: string): string[] {
  const reasons: string[] = [];
  const behaviors = [...index.metrics.values()]
    .filter((metric) => metric.type === 'behavior' && index.strategy.isFavoredMetric(metric.id))
    .map((metric) => metric.id);
  if (behaviors.length > 0) reasons.push(`the strategy favors how people work (${listIds(behaviors, 'and')})`);
  if (index.handoffs.some((handoff) => handoff.from.id === team || handoff.to === team))
    reasons.push(`${team} hands work to or from another team`);
  if (index.componentsSharedWith(team).length > 0 || index.rewardsForTeam(team).some((line) => line.sharedWith.length > 0))
    reasons.push(`${team} shares a result with another team`);
  return reasons;
}
