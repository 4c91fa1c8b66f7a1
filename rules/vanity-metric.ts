import { EPSILON, defineRule, describeInstrument, isDeliverable, listIds, z, type IncentiveLine, type PolicyIndex } from '../src/api.js';
import { decidesNothing, hasAnyGuard, hasOwnGuard, hasUnitGuard, isAcceptedCount } from './helpers/guards.js';
import { suggestMetric } from './helpers/suggest-metric.js';
import { hasLevel } from './helpers/targets.js';
import { COUNT, COUNT_GUARDS, LINE_METRICS, REWARDED_TEAMS, STRATEGY_METRICS } from './helpers/reads.js';

const VOLUME_TYPES: ReadonlySet<string> = new Set(['activity', 'output']);

export default defineRule({
  meta: {
    id: 'vanity-metric',
    category: 'shared-incentives',
    severity: 'warning',
    summary:
      'An instrument rewards a vanity metric, or an activity or output metric whose outcome (proxy_for) is not declared or not rewarded for the same team',
    rationale:
      '"What are Shared Incentives?" asks: "how do we ensure that the metrics we choose are actually proxies for business health and not just vanity numbers?" ' +
      'A reward turns a number into a target, and "when a measure becomes a target, it ceases to be a good measure" (Goodhart / Campbell): ' +
      'Wells Fargo\'s cross-sell target ("eight is great") preceded about 2 million unauthorized accounts. An activity or output metric ' +
      'is safe to pay on only when the policy says which outcome it stands in for (proxy_for) and rewards that outcome too, for the same ' +
      'people: a declared proxy whose outcome nobody is measured on rises alone. Key results declared used for neither pay nor evaluation ' +
      '(`stakes: none`) and named deliverables (`deliverable: true`) are no such target.',
    source: '"What are Shared Incentives?", section "The Unknowns and Variables to Consider"; Goodhart / Campbell (Wells Fargo, 2016)',
    // An unguarded count target says more (it names the guard to add): when gameable-target is on and reports the line, it is its finding.
    reads: [
      ...STRATEGY_METRICS,
      'metrics[].proxy_for',
      ...COUNT,
      ...COUNT_GUARDS,
      'okrs[].stakes',
      'okrs[].key_results[].target',
      'compensation[].pool.funded_by',
      ...REWARDED_TEAMS,
      ...LINE_METRICS,
    ],
    defersTo: ['gameable-target'],
    options: z.object({
      scorecard_share: z
        .number()
        .min(0)
        .max(1)
        .default(0.34)
        .describe(
          'share of variable pay up to which a count inside a balanced scorecard is one measure among others (the Sedgwick review caps sales at a third)',
        ),
      balance_weight: z
        .number()
        .min(0)
        .max(1)
        .default(0.3)
        .describe(
          "share of variable pay the scorecard's quality and behavior measures need together for a capped count beside them to be balanced",
        ),
    }),
    examples: {
      bad: `metrics:
  - { id: social-followers, vanity: true }
  - { id: calls-made, type: activity }
compensation:
  - id: marketing-2026
    bonus: [{ metric: social-followers, weight: 0.5 }, { metric: calls-made, weight: 0.5 }]`,
      good: `metrics:
  - { id: new-arr, type: outcome }
  - { id: calls-made, type: activity, proxy_for: [new-arr] }
compensation:
  - id: marketing-2026
    bonus: [{ metric: new-arr, weight: 0.5 }, { metric: calls-made, weight: 0.5 }]`,
    },
  },
  check({ index, model, strategy, options, report }) {
    // One finding per metric and instrument; the engine leaves a line gameable-target reports to it (defersTo).
    const seen = new Set<string>();
    // An award on a metric already reported where it is paid or measured celebrates the same number: that finding covers it.
    const reportedWherePaid = new Set<string>();
    for (const reward of index.rewards) {
      const metric = reward.metric === undefined ? undefined : index.metrics.get(reward.metric);
      if (!metric) continue;
      const key = `${reward.instrument.lever}\u0000${reward.instrument.id}\u0000${metric.id}`;
      if (seen.has(key)) continue;
      if (reward.component === 'award' && reportedWherePaid.has(metric.id)) continue;
      // A key result with no level to reach (a deliverable, done or not) has no number that can rise.
      if (!metric.vanity && reward.component === 'key_result' && !hasLevel(reward.node.target)) continue;
      // A named deliverable (deliverable: true) is done or not: nothing about it can rise alone.
      if (!metric.vanity && isDeliverable(metric)) continue;
      // Key results that decide neither pay nor evaluation (stakes: none) put no pressure on a count to rise alone.
      if (!metric.vanity && decidesNothing(model, reward.instrument)) continue;
      seen.add(key);
      // A count another team accepts, and is paid on the result for, is tied to that result by the acceptor.
      if (!metric.vanity && isAcceptedCount(model, reward)) continue;
      const where = () => describeInstrument(reward.instrument, { sentenceStart: true });
      const flag = (finding: { node: object; message: string; fix: string }) => {
        report(finding);
        if (reward.component !== 'award') reportedWherePaid.add(metric.id);
      };
      const team = reward.instrument.team;
      // A capped count inside a scorecard whose quality and conduct measures carry real weight is one measure among them, not a number left to rise alone.
      if (!metric.vanity && inBalancedScorecard(index, reward, options)) continue;
      if (metric.vanity) {
        const instead = suggestMetric(
          index,
          team,
          (other) => other.id !== metric.id && (other.type === 'outcome' || other.type === 'quality'),
        );
        flag({
          node: reward.node,
          message: `${where()} rewards ${metric.id}, which is declared a vanity metric: it says nothing about business health, and people will chase it anyway.`,
          fix: instead
            ? `replace ${metric.id} with ${instead.id} (type: ${instead.type}), or remove it from ${reward.instrument.id}`
            : `remove ${metric.id} from ${reward.instrument.id}, or reward an outcome (type: outcome) that it was meant to move`,
        });
      } else if (metric.type !== undefined && VOLUME_TYPES.has(metric.type) && metric.proxy_for?.length) {
        // Declaring what a count stands for is half of it: what it stands for must be rewarded too,
        // for the same people, or nothing notices when the count rises alone. A proxy of a
        // deprioritized metric is the old-priority rules' business.
        if (strategy.deprioritizedMetricBehind(metric.id)) continue;
        // A count the strategy itself favors that carries its own guard (good, saleable tons only) is the strategy's unit of value.
        if (strategy.isFavoredMetric(metric.id) && hasOwnGuard(model, reward)) continue;
        const targets = index.proxyTargetsOf(metric.id);
        // A pool funded by the outcome (pool × rating) rewards it for the team as surely as a line does.
        const pooled = model.poolFundingOf(team);
        const rewardedFor =
          team === undefined
            ? (id: string) => pooled.has(id) || index.rewardsOfMetric(id).length > 0
            : (id: string) => pooled.has(id) || index.metricsRewardedFor(team).has(id);
        if (targets.some(rewardedFor)) continue;
        const stands = listIds([...metric.proxy_for], 'or');
        const how =
          reward.instrument.lever === 'okrs'
            ? `a key result on ${metric.proxy_for[0]}`
            : reward.instrument.lever === 'compensation'
              ? `a bonus component on ${metric.proxy_for[0]}`
              : `${metric.proxy_for[0]}`;
        flag({
          node: reward.node,
          message: `${where()} rewards ${metric.id}, declared a proxy for ${stands}, but nothing rewards ${stands}${team ? ` for ${team}` : ''}: the ${metric.type} count can rise while what it stands for does not.`,
          fix: `add ${how} to ${reward.instrument.id} beside ${metric.id}, or stop rewarding ${metric.id}`,
        });
      } else if (
        metric.type !== undefined &&
        VOLUME_TYPES.has(metric.type) &&
        !metric.proxy_for?.length &&
        !strategy.deprioritizedMetricBehind(metric.id) &&
        // A count whose own units are guarded (only good ones counted, accepted by another team, their
        // declared quality measure rewarded beside it) cannot rise alone on bad units.
        !hasUnitGuard(model, reward) &&
        // A count the strategy itself favors, paid in a guarded instrument, is the strategy's own unit of value (a piece rate with unpaid redos).
        !(strategy.isFavoredMetric(metric.id) && hasAnyGuard(index, reward.instrument))
      ) {
        // (A count the strategy deprioritizes is the old-priority rules' finding: the fix is to stop rewarding it, not to say what it stands for.)
        // What the strategy wants instead of this metric is the likeliest outcome it stands for.
        const instead = strategy
          .alternativesTo(metric.id)
          .map((id) => index.metrics.get(id))
          .find((other) => other?.type === 'outcome');
        const outcome = instead ?? suggestMetric(index, team, (other) => other.id !== metric.id && other.type === 'outcome');
        flag({
          node: reward.node,
          message: `${where()} rewards ${metric.id}, an ${metric.type} metric with no proxy_for: nothing says which outcome it stands in for, so the number can rise while the business does not.`,
          fix: outcome
            ? `declare the outcome it stands for on metric ${metric.id} (proxy_for: [${outcome.id}]), or reward ${outcome.id} instead`
            : `declare the outcome it stands for on metric ${metric.id} (proxy_for: [an outcome metric id], declared with type: outcome), or stop rewarding it`,
        });
      }
    }
  },
});

/** A plan line in a plan with at most `scorecard_share` on counts in all, beside quality and behavior measures worth `balance_weight` together. */
function inBalancedScorecard(
  index: PolicyIndex,
  line: IncentiveLine,
  options: { scorecard_share: number; balance_weight: number },
): boolean {
  if (line.instrument.lever !== 'compensation') return false;
  const shareOn = (test: (type: string | undefined) => boolean) =>
    index.rewardsOf(line.instrument).reduce((sum, other) => {
      const metric = index.metrics.get(other.metric ?? '');
      const counted = metric !== undefined && !metric.vanity && test(metric.type) && !index.strategy.deprioritizedMetricBehind(metric.id);
      return sum + (counted ? (index.variableShareOf(other) ?? 0) : 0);
    }, 0);
  const counts = shareOn((type) => VOLUME_TYPES.has(type ?? ''));
  return (
    counts <= options.scorecard_share + EPSILON &&
    shareOn((type) => type === 'quality' || type === 'behavior') >= options.balance_weight - EPSILON
  );
}
