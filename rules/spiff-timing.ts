import {
  defineRule,
  deprioritizedTarget,
  describeSpiff,
  listIds,
  z,
  type CompensationPlanT,
  type PolicyIndex,
  type SpiffT,
} from '../src/api.js';
import { STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'spiff-timing',
    category: 'strategic-alignment',
    severity: 'warning',
    summary:
      "A SPIFF on something deprioritized runs past the strategy's announcement, or a SPIFF is the only pay for a favored priority while the plan still pays the old one",
    rationale:
      'A SPIFF is the loudest and shortest message a plan sends. One that still pays for the old priority after the new strategy is announced ' +
      'tells sellers which of the two the company means: "By the time incentives are updated, teams have spent 2-3 months executing the old strategy under new labels." ' +
      'The reverse mistake is a SPIFF standing in for a plan change: a quarter of extra pay on the favored segment while the base plan, which pays all year, ' +
      'still rewards the old priority. "Update incentives before communicating strategy." A SPIFF that ended before the announcement, or has ended by today, is history, not a finding.',
    source:
      'WattNext, "What role do incentives play in strategic alignment failures?" (2025), reason 1: timing lag; "What Good Incentive Alignment Looks Like"',
    reads: [
      ...STRATEGY_SEGMENTS,
      ...STRATEGY_METRICS,
      'strategy.announced',
      'compensation[].spiffs[].kind',
      'compensation[].spiffs[].metric',
      'compensation[].spiffs[].segment',
      'compensation[].spiffs[].end',
      'compensation[].commission[].metric',
      'compensation[].commission[].segment',
      'compensation[].quotas[].metric',
      'compensation[].quotas[].segment',
      'compensation[].bonus[].metric',
      'compensation[].bonus[].segment',
    ],
    options: z.object({}),
    examples: {
      bad: `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: "10%" }]
    spiffs:
      - { segment: smb, amount: 500, start: 2026-01-01, end: 2026-06-30 }`,
      good: `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: "10%" }]
    spiffs:
      - { segment: smb, amount: 500, start: 2025-10-01, end: 2025-12-31 }`,
    },
  },
  check({ policy, index, today, report }) {
    const announced = policy.strategy.announced;
    for (const plan of policy.compensation) {
      for (const spiff of plan.spiffs ?? []) {
        const target = deprioritizedTarget(index.strategy, spiff);
        // A SPIFF that ended (before the announcement, or before today) pays nothing more.
        if (spiff.end !== undefined && spiff.end < today) continue;
        if (target && announced !== undefined && spiff.end !== undefined && spiff.end >= announced) {
          report({
            node: spiff,
            key: 'end',
            priorities: index.strategy.prioritiesAgainst(spiff),
            message: `Plan ${plan.id} pays ${describeSpiff(spiff)} on ${target}, which the strategy deprioritizes, until ${spiff.end}, after the strategy is announced (${announced}): sellers hear the old priority louder than the new one.`,
            fix:
              spiff.start !== undefined && spiff.start >= announced
                ? `remove the SPIFF from plan ${plan.id}, or pay it on ${alternatives(index, spiff)} instead`
                : `end the SPIFF before ${announced} (end: ${dayBefore(announced)}), or pay it on ${alternatives(index, spiff)} instead`,
          });
          continue;
        }
        const favored = favoredTarget(index, spiff);
        if (!favored || spiff.kind !== 'spiff' || paysFavoredOtherwise(index, plan, favored)) continue;
        const old = oldPay(index, plan);
        if (!old) continue;
        report({
          node: spiff,
          message: `Plan ${plan.id} pays for ${favored.description} only through ${describeSpiff(spiff)}, while its base plan still pays ${old}: when the SPIFF ends, the plan pays the old priority again.`,
          fix: `pay ${favored.description} in the base plan of ${plan.id} (a commission line or a quota of its own), not only in a SPIFF`,
        });
      }
    }
  },
});

interface Favored {
  metric?: string;
  segment?: string;
  description: string;
}

function favoredTarget(index: PolicyIndex, spiff: SpiffT): Favored | undefined {
  const metric = index.strategy.isFavoredMetric(spiff.metric) ? spiff.metric : undefined;
  const segment = index.strategy.isFavoredSegment(spiff.segment) ? spiff.segment : undefined;
  if (!metric && !segment) return undefined;
  return { metric, segment, description: [metric && `metric ${metric}`, segment && `segment ${segment}`].filter(Boolean).join(' and ') };
}

/** Whether a commission line, quota or bonus component of the plan names the favored metric or segment itself. */
function paysFavoredOtherwise(_index: PolicyIndex, plan: CompensationPlanT, favored: Favored): boolean {
  const lines = [...(plan.commission ?? []), ...(plan.quotas ?? []), ...(plan.bonus ?? [])];
  return lines.some(
    (line) =>
      (favored.metric !== undefined && line.metric === favored.metric) ||
      (favored.segment !== undefined && line.segment === favored.segment),
  );
}

/** What the plan's commission or quotas pay that the strategy deprioritizes: a line on it, or a line on every segment while a segment is deprioritized. */
function oldPay(index: PolicyIndex, plan: CompensationPlanT): string | undefined {
  const lines = [...(plan.commission ?? []), ...(plan.quotas ?? [])];
  const named = lines.map((line) => deprioritizedTarget(index.strategy, line)).find(Boolean);
  if (named) return named;
  const deprioritized = index.strategy.deprioritizedIds('segments');
  const everySegment = lines.find((line) => line.segment === undefined);
  return everySegment && deprioritized.length > 0
    ? `${everySegment.metric} on every segment, ${listIds(deprioritized, 'and')} included`
    : undefined;
}

function alternatives(index: PolicyIndex, spiff: SpiffT): string {
  const segments = index.strategy.isDeprioritizedSegment(spiff.segment) ? index.strategy.alternativesTo(spiff.segment!, 'segments') : [];
  const metrics = index.strategy.isDeprioritizedMetric(spiff.metric) ? index.strategy.alternativesTo(spiff.metric!) : [];
  return segments.length > 0
    ? `segment ${listIds(segments)}`
    : metrics.length > 0
      ? `metric ${listIds(metrics)}`
      : 'what the strategy favors';
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
