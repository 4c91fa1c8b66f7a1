import { compareIds, compareRewards, defineRule, listIds, type IncentiveLine, type StatusChange } from '../src/api.js';
import { STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

const SINGULAR = { metrics: 'metric', segments: 'segment' } as const;

export default defineRule({
  meta: {
    id: 'stale-incentive',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: 'The strategy changed what it favors or deprioritizes, but an instrument that rewards it did not change',
    rationale:
      '"If those incentives don\'t change when strategy changes, neither will behavior." The usual cause is "We\'ll do it next cycle": ' +
      'leaders communicate the strategy now and update comp plans later, "but behavior doesn\'t wait for Q4". Only `incentive-lint diff` ' +
      'and `--since` report this rule: it compares two versions of the policy, matching instruments by id.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "Why This Matters" and "Why Leaders Don\'t Update Incentives", reason 2',
    reads: [...STRATEGY_SEGMENTS, ...STRATEGY_METRICS, 'strategy.announced', 'compensation', 'okrs', 'promotions', 'recognition'],
    examples: {
      baseline: `# the earlier version: the strategy did not mention smb
strategy:
  priorities:
    - id: enterprise-growth
      favor: { segments: [enterprise] }
compensation:
  - id: ae-2026
    commission:
      - { metric: new-arr, segment: smb, rate: "8%" }`,
      bad: `# now: the strategy deprioritizes smb, and the plan is identical
strategy:
  priorities:
    - id: enterprise-growth
      favor: { segments: [enterprise] }
      deprioritize: { segments: [smb] }
compensation:
  - id: ae-2026
    commission:
      - { metric: new-arr, segment: smb, rate: "8%" }`,
      good: `strategy:
  priorities:
    - id: enterprise-growth
      favor: { segments: [enterprise] }
      deprioritize: { segments: [smb] }
compensation:
  - id: ae-2026                     # changed with the strategy
    effective: 2026-02-16
    commission:
      - { metric: new-arr, segment: enterprise, rate: "15%" }
      - { metric: new-arr, segment: smb, rate: "5%" }
    rationale: Enterprise deals now pay 3x because they are harder and more strategic.`,
    },
  },
  check({ index, diff, report }) {
    if (!diff?.strategyChanged) return;
    const announced = index.policy.strategy.announced;
    for (const instrument of index.instruments) {
      if (!diff.isUnchanged(instrument)) continue;
      // An instrument that ended (until) before the new strategy is announced rewards nothing under it.
      const until = (instrument.node as { until?: unknown }).until;
      if (announced !== undefined && typeof until === 'string' && until < announced) continue;
      // Lines by content and changes by name, so that the line reported on does not depend on declaration order.
      const touched = new Map<string, IncentiveLine>();
      for (const reward of [...index.rewardsOf(instrument)].sort(compareRewards)) {
        for (const change of [diff.statusChangeOf('segments', reward.segment), diff.statusChangeOf('metrics', reward.metric)]) {
          const text = change && describeChange(change);
          if (text && !touched.has(text)) touched.set(text, reward);
        }
      }
      const what = [...touched.keys()].sort(compareIds);
      const first = touched.get(what[0] ?? '');
      if (!first) continue;
      report({
        node: first.node,
        message: `${instrument.id} is unchanged, but the strategy changed what it rewards: ${listIds(what, 'and')}. Teams keep doing what it still pays for.`,
        fix:
          `update ${instrument.id} for the new strategy, with an effective date on or before the announcement and a rationale that says why it changed; ` +
          `if it is right as it is, record that with a waiver { rule: stale-incentive, target: ${instrument.id} }`,
      });
    }
  },
});

/** "metric velocity (favored → deprioritized)" */
function describeChange(change: StatusChange): string {
  return `${SINGULAR[change.kind]} ${change.id} (${change.before} → ${change.after})`;
}
