import {
  defineRule,
  deprioritizedTarget,
  describeSpiff,
  formatPercent,
  listIds,
  z,
  type CompensationPlanT,
  type PolicyIndex,
} from '../src/api.js';
import { STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'accelerator-on-deprioritized',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: 'An accelerator, credit multiplier or standing kicker or SPIFF pays more for a deprioritized segment or metric',
    rationale:
      'The extras of a quota plan are where it says what the company wants most: a credit multiplier counts a dollar as more than a dollar, ' +
      'a kicker adds money on every deal, an accelerator pays a higher multiple of the rate. When they land on what the strategy deprioritizes, ' +
      'the plan shouts the old priority louder than its base rate ever did: "sales comp plan still pays the same commission for SMB deals as enterprise deals" ' +
      'is the mild form of it. An accelerator that applies to every segment alike, and a SPIFF that ended before the strategy was announced, are not reported; ' +
      'a SPIFF with an end date is judged by spiff-timing.',
    source: 'WattNext, "What role do incentives play in strategic alignment failures?" (2025), trap 1: comp plans don\'t change',
    reads: [
      ...STRATEGY_SEGMENTS,
      ...STRATEGY_METRICS,
      'compensation[].credit[].metric',
      'compensation[].credit[].segment',
      'compensation[].credit[].multiplier',
      'compensation[].spiffs[].metric',
      'compensation[].spiffs[].segment',
      'compensation[].spiffs[].end',
      'compensation[].curve.tiers[].multiplier',
      'compensation[].quotas[].metric',
      'compensation[].quotas[].segment',
      'compensation[].quotas[].excludes',
      'compensation[].commission[].metric',
      'compensation[].commission[].segment',
    ],
    options: z.object({
      min_multiplier: z.number().positive().default(1).describe('a credit or accelerator multiplier above this is an extra'),
    }),
    examples: {
      bad: `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: "10%" }]
    credit:
      - { segment: smb, multiplier: 1.25 }`,
      good: `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: "10%" }]
    credit:
      - { segment: enterprise, multiplier: 1.25 }`,
    },
  },
  check({ index, options, report }) {
    for (const plan of index.policy.compensation) {
      for (const credit of plan.credit ?? []) {
        const target = deprioritizedTarget(index.strategy, credit);
        if (!target || credit.multiplier <= options.min_multiplier) continue;
        report({
          node: credit,
          key: 'multiplier',
          priorities: index.strategy.prioritiesAgainst(credit),
          message:
            `Plan ${plan.id} credits every dollar of ${target} as ${credit.multiplier} dollars toward quota and pay, and the strategy deprioritizes it: ` +
            `the plan pays more for what the strategy wants less of.`,
          fix: `remove this credit from plan ${plan.id}${instead(index, credit, (id) => `, or give it to ${id} instead`)}`,
        });
      }
      for (const spiff of plan.spiffs ?? []) {
        const target = deprioritizedTarget(index.strategy, spiff);
        // A SPIFF with an end date is a timing question: spiff-timing's.
        if (!target || spiff.end !== undefined) continue;
        report({
          node: spiff,
          priorities: index.strategy.prioritiesAgainst(spiff),
          message: `Plan ${plan.id} pays ${describeSpiff(spiff)} with no end date on ${target}, which the strategy deprioritizes: a standing extra for the old priority.`,
          fix: `remove it from plan ${plan.id}${instead(index, spiff, (id) => `, or pay it on ${id} instead`)}`,
        });
      }
      reportAccelerators(index, plan, options.min_multiplier, report);
    }
  },
});

/**
 * An accelerator tier applies to every quota of the plan: it favors the deprioritized only when a
 * quota on something deprioritized gets it while something favored is paid outside any quota.
 */
function reportAccelerators(
  index: PolicyIndex,
  plan: CompensationPlanT,
  minMultiplier: number,
  report: (descriptor: { node: object; key?: string; priorities?: readonly string[]; message: string; fix: string }) => void,
): void {
  const tiers = (plan.curve?.tiers ?? []).filter((tier) => tier.multiplier > minMultiplier);
  if (tiers.length === 0) return;
  const accelerated = (plan.quotas ?? []).find((quota) => deprioritizedTarget(index.strategy, quota));
  const outside = (plan.commission ?? []).find(
    (line) =>
      (index.strategy.isFavoredSegment(line.segment) || index.strategy.isFavoredMetric(line.metric)) &&
      !index.payoutOf(plan).quotaOf(line.metric, line.segment),
  );
  if (!accelerated || !outside) return;
  const favored = index.strategy.isFavoredSegment(outside.segment) ? outside.segment! : outside.metric;
  for (const tier of tiers) {
    report({
      node: tier,
      key: 'multiplier',
      priorities: index.strategy.prioritiesAgainst(accelerated),
      message:
        `Plan ${plan.id} pays ${tier.multiplier}× the base rate from ${formatPercent(tier.from)} of its quota on ${deprioritizedTarget(index.strategy, accelerated)}, which the strategy deprioritizes, ` +
        `while the favored ${favored} is paid outside any quota, without the accelerator: the more a seller sells of the old priority, the better each dollar of it pays.`,
      fix: `put ${favored} under a quota of plan ${plan.id} so that it gets the accelerator, and pay ${accelerated.segment ?? accelerated.metric} outside the quota at a flat rate`,
    });
  }
}

/** What the priorities that deprioritize the entry favor instead, phrased by `phrase`; empty when they name nothing. */
function instead(index: PolicyIndex, entry: { metric?: string; segment?: string }, phrase: (ids: string) => string): string {
  const segments = index.strategy.isDeprioritizedSegment(entry.segment) ? index.strategy.alternativesTo(entry.segment!, 'segments') : [];
  if (segments.length > 0) return phrase(`segment ${listIds(segments)}`);
  const metrics = index.strategy.isDeprioritizedMetric(entry.metric) ? index.strategy.alternativesTo(entry.metric!) : [];
  return metrics.length > 0 ? phrase(`metric ${listIds(metrics)}`) : '';
}
