import {
  compareInstruments,
  compareRewards,
  defineRule,
  describeInstrument,
  formatRewardLine,
  least,
  listIds,
  sortedIds,
  z,
  type InstrumentInfo,
  type PolicyIndex,
  type PriorityT,
} from '../src/api.js';
import { PRIORITY_SERVED } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'uncovered-priority',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: 'A priority whose favored metrics and segments no instrument rewards',
    rationale:
      'For each strategic priority, ask "What behavior should increase? (update incentives to reward it)". A priority that no plan, ' +
      'OKR, promotion criterion or award rewards is the folly Kerr (1975) named "On the folly of rewarding A, while hoping for B": ' +
      'an insurer hoped for performance while its merit raises, forfeited by three absences, rewarded attendance. ' +
      'A priority is rewarded by any line on what it favors (on a declared proxy of it, or on what it is declared a proxy for), a SPIFF or kicker, a quota-credit multiplier ' +
      'above 1, commission earned on collection (for cash collected), commission that depends on the customer staying (a deferral or ' +
      'a clawback on churn, for keeping customers), and a pool that is funded by it or split by a rating on it (pool x rating). ' +
      'Where everyone is paid only on one shared gain (a Scanlon bonus, a profit-sharing pool), paying nobody for the means to it is ' +
      'the design: a priority on such a means is a declaration to make (proxy_for), not an incentive missing. Nor is a priority to stop ' +
      'paying for something missing its incentive in a policy that pays no one anything variable (a salary with no volume pay): the ' +
      'pay it leaves out is how it is served.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "What To Do Next", step 2; Kerr (1975), Academy of Management Journal',
    reads: PRIORITY_SERVED,
    options: z.object({
      suggested_weight: z.number().positive().max(1).default(0.1).describe('weight of the bonus component the fix suggests adding'),
    }),
    examples: {
      bad: `strategy:
  priorities:
    - id: cross-functional
      favor: { metrics: [cross-team-impact] }
metrics:
  - { id: cross-team-impact, type: behavior }
okrs:
  - id: eng-q3
    key_results:
      - { metric: velocity, target: "+20%" }`,
      good: `strategy:
  priorities:
    - id: cross-functional
      favor: { metrics: [cross-team-impact] }
metrics:
  - { id: cross-team-impact, type: behavior }
promotions:
  - id: eng-ladder
    criteria:
      - { text: Enables other teams to succeed, metric: cross-team-impact }`,
    },
  },
  check({ policy, index, strategy, options, report }) {
    const salaryOnly = paysNothingVariable(index);
    for (const priority of policy.strategy.priorities) {
      const metrics = priority.favor?.metrics ?? [];
      const segments = priority.favor?.segments ?? [];
      if (metrics.length + segments.length === 0 || strategy.isServed(priority)) continue;
      // Where a shared gain is all anyone is paid on, leaving its means unpaid is the design; whether this
      // priority is one of them is for the policy to declare (proxy_for), and undeclared-metric-meaning asks.
      if (segments.length === 0 && strategy.sharedGain().length > 0) continue;
      // A priority to stop paying for something, in a policy that pays no one anything variable, is served by the
      // pay it leaves out (a salary with no volume pay): the fix would add the incentive the design exists to avoid.
      if (salaryOnly && stopsPayingFor(index, priority)) continue;
      const favored = [named('metric', metrics), named('segment', segments)].filter(Boolean).join(' and ');
      report({
        node: priority,
        key: 'id',
        message: `Priority ${priority.id} favors ${favored}, but no plan, OKR, promotion criterion or award rewards any of them: the strategy hopes for this priority while the incentives reward something else.`,
        fix: suggestReward(index, priority, options.suggested_weight),
      });
    }
  },
});

/** No plan pays anything that varies with a result: every plan is a salary (variable_share 0, no line, no pool, no SPIFF). */
function paysNothingVariable(index: PolicyIndex): boolean {
  // A policy with no plan at all has said nothing about pay (OKRs alone): that is no salary design.
  return (
    index.policy.compensation.length > 0 &&
    index.policy.compensation.every(
      (plan) =>
        plan.variable_share === 0 &&
        !plan.commission?.length &&
        !plan.bonus?.length &&
        !plan.quotas?.length &&
        !plan.spiffs?.length &&
        !plan.pool,
    )
  );
}

/** A priority that deprioritizes something no line of any lever rewards: what it asks to stop is not paid for. */
function stopsPayingFor(index: PolicyIndex, priority: PriorityT): boolean {
  const metrics = priority.deprioritize?.metrics ?? [];
  const segments = priority.deprioritize?.segments ?? [];
  return (
    metrics.length + segments.length > 0 &&
    metrics.every((metric) => index.rewardsOfMetric(metric).length === 0 && !index.proxiesRewarded().has(metric)) &&
    segments.every((segment) => index.rewardsOfSegment(segment).length === 0)
  );
}

/** "metrics a and b", "segment c", or "" for none. */
function named(kind: string, ids: readonly string[]): string {
  return ids.length === 0 ? '' : `${kind}${ids.length === 1 ? '' : 's'} ${listIds(ids, 'and')}`;
}

/** One concrete line that would make the priority rewarded, placed in an instrument the policy already has. */
function suggestReward(index: PolicyIndex, priority: PriorityT, weight: number): string {
  const metrics = sortedIds(priority.favor?.metrics ?? []);
  const segment = sortedIds(priority.favor?.segments ?? [])[0];
  if (metrics.length === 0) return suggestSegment(index, segment!, weight);
  // The first favored metric (in id order) that `metric` is declared a proxy for; sets, as it is asked for every line of the policy.
  const rank = new Map(metrics.map((id, position) => [id, position]));
  const proxiedBy = (metric: string | undefined) => {
    let found: string | undefined;
    for (const target of index.metrics.get(metric ?? '')?.proxy_for ?? []) {
      if (rank.has(target) && (found === undefined || rank.get(target)! < rank.get(found)!)) found = target;
    }
    return found;
  };
  // The favored metric belongs where the old behavior is rewarded, or beside a proxy that already stands in for it.
  const oldMetrics = new Set(priority.deprioritize?.metrics ?? []);
  const place = least(
    index.rewards.filter(
      (reward) =>
        reward.component !== 'award' &&
        reward.metric !== undefined &&
        (oldMetrics.has(reward.metric) || proxiedBy(reward.metric) !== undefined),
    ),
    compareRewards,
  );
  const metric = proxiedBy(place?.metric) ?? metrics[0]!;
  // Cash collected is rewarded by when commission is earned, not by one more line.
  const uncollected = least(
    index.instruments.filter((instrument) => instrument.lever === 'compensation' && index.hasCommission(instrument)),
    compareInstruments,
  );
  if (index.isCollectionMetric(metric) && uncollected?.lever === 'compensation') {
    const now = uncollected.node.earned_on;
    const change = now ? `change earned_on from ${now} to collection in` : 'add earned_on: collection to';
    return `reward ${metric}: ${change} ${describeInstrument(uncollected)}, so that its commission is earned when the customer pays`;
  }
  const first = (lever: InstrumentInfo['lever']) =>
    least(
      index.instruments.filter((instrument) => instrument.lever === lever),
      compareInstruments,
    );
  const target =
    place?.instrument ??
    (index.metrics.get(metric)?.type === 'behavior' ? first('promotions') : undefined) ??
    first('compensation') ??
    first('okrs') ??
    first('promotions');
  if (!target) return `reward ${metric}: add a plan or OKR set with the line ${formatRewardLine({ metric })}`;
  const lineSegment = segment !== undefined && index.metrics.get(metric)?.segmented === true ? segment : undefined;
  return `reward ${metric}: ${addLine(index, target, { metric, segment: lineSegment, weight })}`;
}

/** A priority that favors only segments: pay a metric the policy already pays on, on the favored segment. */
function suggestSegment(index: PolicyIndex, segment: string, weight: number): string {
  const paid =
    least(
      index.rewards.filter((reward) => reward.component === 'commission'),
      compareRewards,
    ) ??
    least(
      index.rewards.filter((reward) => reward.component !== 'award' && reward.metric !== undefined),
      compareRewards,
    );
  if (!paid) return `reward segment ${segment}: add a plan or OKR set whose line names segment: ${segment}`;
  if (paid.component === 'commission') {
    return `reward segment ${segment}: add ${formatRewardLine({ metric: paid.metric, segment, rate: paid.rate })} to the commission of ${describeInstrument(paid.instrument)}`;
  }
  return `reward segment ${segment}: ${addLine(index, paid.instrument, { metric: paid.metric!, segment, weight })}`;
}

function addLine(index: PolicyIndex, target: InstrumentInfo, line: { metric: string; segment?: string; weight: number }): string {
  const team = target.team ? ` (team ${target.team})` : '';
  switch (target.lever) {
    case 'compensation': {
      const rewards = index.rewardsOf(target);
      // A plan paid through a pool is split by its rating: the favored metric belongs in the rating.
      if (target.node.pool && rewards.length === 0) {
        return `add ${formatRewardLine(line)} to the rating of the pool of ${describeInstrument(target)}${team}, taking its weight from the other components`;
      }
      // Without commission the bonus weights must add up to 1, so a new component takes weight from the others.
      const rebalance = rewards.length > 0 && !rewards.some((reward) => reward.component === 'commission');
      return `add ${formatRewardLine(line)} to the bonus of ${describeInstrument(target)}${team}${rebalance ? ', taking its weight from the other components' : ''}`;
    }
    case 'okrs':
      return `add a key result ${formatRewardLine({ metric: line.metric, segment: line.segment })} to ${describeInstrument(target)}${team}`;
    case 'promotions':
      return `add ${formatRewardLine({ text: index.metrics.get(line.metric)?.name ?? line.metric, metric: line.metric, segment: line.segment })} to the criteria of ${describeInstrument(target)}${team}`;
    case 'recognition':
      return `add an award ${formatRewardLine({ text: index.metrics.get(line.metric)?.name ?? line.metric, metric: line.metric, segment: line.segment })} to ${describeInstrument(target)}`;
  }
}
