import { defineRule, describeInstrument, listMetricsAndSegments, z, type InstrumentInfo, type PolicyIndex } from '../src/api.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export default defineRule({
  meta: {
    id: 'incentive-after-announcement',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: 'An instrument takes effect after the strategy is announced, or has no effective date while the strategy has an announcement date',
    rationale:
      'Timing lag: "Leaders announce strategy immediately. Updating comp plans, OKRs, and promotion criteria takes time and coordination. ' +
      'By the time incentives are updated, teams have spent 2-3 months executing the old strategy under new labels." ' +
      'Organizations that align well "Update incentives before communicating strategy": "Comp plans, OKRs, and promotion criteria ' +
      'change first. Strategy announcement comes second."',
    source: '"What role do incentives play in strategic alignment failures?" (WattNext), section "Why Leaders Don\'t Update Incentives", reason 1: timing lag; "What Good Incentive Alignment Looks Like"',
    options: z.object({
      every_instrument: z
        .boolean()
        .default(false)
        .describe(
          'report every instrument that starts after the announcement; by default only one that is the first to reward something the strategy favors (a routine Q3 OKR set continuing Q2\'s is not a timing lag)',
        ),
    }),
    examples: {
      bad: `strategy:
  announced: 2026-03-02
okrs:
  - id: product-2026-q3
    effective: 2026-07-01
    key_results:
      - { metric: enterprise-arr, target: "+20%" }`,
      good: `okrs:
  - id: product-2026-h1
    effective: 2026-02-16
    key_results:
      - { metric: enterprise-arr, target: "+20%" }`,
    },
  },
  check({ policy, index, strategy, options, report }) {
    // Read from the policy, so that the gate can check against another announcement date.
    const announced = policy.strategy.announced;
    // With no announcement date there is no lag to measure: an undated plan is not late for anything (gate --announce supplies one).
    if (announced === undefined) return;
    const inForce = favoredRewardedBy(index, index.instruments.filter((i) => i.effective !== undefined && i.effective <= announced));
    // A policy that dates none of its instruments has one gap, not one per instrument.
    const undated = index.instruments.filter((instrument) => instrument.effective === undefined);
    if (undated.length > 1 && undated.length === index.instruments.length) {
      report({
        node: undated[0]!.node,
        key: 'id',
        message: `No instrument of the policy has an effective date (${undated.length} instruments): nobody can tell which of them are in force when the strategy is announced (${announced}).`,
        fix: `add effective: YYYY-MM-DD to every plan, OKR set, promotion ladder and recognition program, starting with ${undated[0]!.id}`,
      });
      return;
    }
    for (const instrument of index.instruments) {
      const name = () => describeInstrument(instrument, { sentenceStart: true });
      if (instrument.effective === undefined) {
        report({
          node: instrument.node,
          key: 'id',
          message: `${name()} has no effective date: nobody can tell whether it is in force when the strategy is announced (${announced}).`,
          fix: `add effective: ${announced} (or the earlier date it took effect)`,
        });
      } else if (instrument.effective > announced) {
        const rewarded = favoredRewardedBy(index, [instrument]);
        const firsts = {
          metrics: [...rewarded.metrics].filter((id) => !inForce.metrics.has(id)),
          segments: [...rewarded.segments].filter((id) => !inForce.segments.has(id)),
        };
        const hasFirsts = firsts.metrics.length + firsts.segments.length > 0;
        if (!options.every_instrument && !hasFirsts) continue;
        const late = hasFirsts ? `, and it is the first incentive for ${listMetricsAndSegments(firsts.metrics, firsts.segments, 'and')}` : '';
        report({
          node: instrument.node,
          key: 'effective',
          message: `${name()} takes effect on ${instrument.effective}, ${days(daysBetween(announced, instrument.effective))} after the strategy is announced (${announced})${late}: until then teams execute the old strategy under new labels.`,
          fix: `make ${instrument.id} effective on or before ${announced}, or announce the strategy no earlier than ${instrument.effective}`,
        });
      }
    }
  },
});

function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

interface Focus {
  metrics: Set<string>;
  segments: Set<string>;
}

function noFocus(): Focus {
  return { metrics: new Set(), segments: new Set() };
}

/** The favored metrics and segments that `instruments` reward. */
function favoredRewardedBy(index: PolicyIndex, instruments: readonly InstrumentInfo[]): Focus {
  const favored = noFocus();
  for (const instrument of instruments) {
    for (const reward of index.rewardsOf(instrument)) {
      if (index.strategy.isFavoredMetric(reward.metric)) favored.metrics.add(reward.metric!);
      if (index.strategy.isFavoredSegment(reward.segment)) favored.segments.add(reward.segment!);
    }
  }
  return favored;
}
