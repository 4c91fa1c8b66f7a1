import {
  EPSILON,
  annualQuota,
  curveFactor,
  dealEconomics,
  defineRule,
  formatMoney,
  formatPercent,
  sortedIds,
  z,
  type CompensationPlanT,
  type PolicyIndex,
  type QuotaT,
} from '../src/api.js';
import { PRICED_COMMISSION, QUOTA_BASE_RATE, STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'cap-on-favored',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: "A cap, windfall clause or decelerator binds where the favored segment's best sellers land",
    rationale:
      "A cap stops pay where a strong seller of large deals arrives: the favored segment's big deals reach it first, and past it the seller " +
      'earns nothing for more. Misra and Nair estimated on a real sales force that quotas with a ceiling make the best agents slow down once ' +
      'they reach it, and that removing the ceiling raised revenue by about 9%; Chung reports the same in practice: caps on commissions hurt sales, ' +
      'and pull deals into the next period. A cap or decelerator far above where anyone lands (300% of quota) is harmless and not reported.',
    source:
      'Misra, S. and Nair, H. S., "A structural model of sales-force compensation dynamics: estimation and field implementation", Quantitative Marketing and Economics (2011); ' +
      'Chung, D. J., "How to Really Motivate Salespeople", Harvard Business Review (2015)',
    reads: [
      ...STRATEGY_SEGMENTS,
      ...STRATEGY_METRICS,
      ...PRICED_COMMISSION,
      ...QUOTA_BASE_RATE,
      'compensation[].quotas[].excludes',
      'compensation[].curve.threshold',
      'compensation[].curve.tiers[].from',
      'compensation[].curve.tiers[].multiplier',
      'compensation[].curve.tiers[].retroactive',
      'compensation[].curve.cap.attainment',
      'compensation[].curve.cap.amount',
    ],
    // With the goalposts on, a cap the modelled force shows binding below its 90th percentile is cap-below-p90's finding, with the figures.
    defersTo: ['cap-below-p90'],
    options: z.object({
      max_attainment: z
        .number()
        .positive()
        .default(2)
        .describe(
          "attainment of quota the favored segment's best sellers reach: a cap or decelerator that binds at or below it is reported",
        ),
    }),
    examples: {
      bad: `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
    curve:
      cap: { attainment: 1.5 }`,
      good: `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
    curve:
      cap: { attainment: 3 }`,
    },
  },
  check({ index, options, report }) {
    const reach = options.max_attainment;
    for (const plan of index.policy.compensation) {
      const { curve } = plan;
      if (!curve) continue;
      const favored = favoredQuota(index, plan);
      if (!favored) continue;
      const { quota, segment } = favored;
      const who = segment ? `the favored ${segment}` : `the favored ${quota.metric}`;
      const deals = (attainment: number) => {
        const size = dealEconomics(index, segment)?.avgDealSize;
        const bookings = (attainment * annualQuota(quota)) / index.payoutOf(plan).creditOf(quota.metric, segment);
        return size ? `, which a seller of ${segment} reaches with ${formatMoney(bookings / size)} deals of ${formatMoney(size)}` : '';
      };
      const cap = curve.cap;
      const capAt = cap && (cap.attainment ?? capAmountAttainment(index, plan, quota, segment));
      if (cap && capAt !== undefined && capAt <= reach + EPSILON) {
        const limit =
          cap.attainment !== undefined
            ? `${formatPercent(cap.attainment)} of quota`
            : `${formatMoney(cap.amount!)} per ${quota.period} (${formatPercent(capAt)} of quota)`;
        report({
          node: cap,
          about: [quota],
          message:
            `Plan ${plan.id} stops paying at ${limit}${deals(capAt)}: ${who} is where the largest deals are, and its best sellers ` +
            `earn nothing for the next one, so they slow down or push deals into the next period.`,
          fix:
            cap.attainment !== undefined
              ? `remove the cap from plan ${plan.id}, or raise it above ${formatPercent(reach)} of quota (such as attainment: ${reach + 1})`
              : `remove the cap from plan ${plan.id}, or raise its amount above ${formatMoney(amountAt(index, plan, quota, segment, reach))} (what ${formatPercent(reach)} of quota pays per ${quota.period})`,
        });
      }
      (curve.tiers ?? []).forEach((tier) => {
        if (tier.multiplier >= 1 || tier.from > reach + EPSILON || (capAt !== undefined && tier.from >= capAt)) return;
        report({
          node: tier,
          message:
            `Plan ${plan.id} pays ${tier.multiplier}× the base rate from ${formatPercent(tier.from)} of quota${deals(tier.from)}: ${who} is where the largest deals are, ` +
            `and its best sellers are paid less for each deal past that point, so they slow down or push deals into the next period.`,
          fix: `remove the decelerator from plan ${plan.id}, or start it above ${formatPercent(reach)} of quota (such as from: ${reach + 1})`,
        });
      });
    }
  },
});

/** The plan's quota that the favored segment's (else a favored metric's) bookings count toward, with that segment. */
function favoredQuota(index: PolicyIndex, plan: CompensationPlanT): { quota: QuotaT; segment?: string } | undefined {
  const payout = index.payoutOf(plan);
  const segments = sortedIds(index.strategy.favoredIds('segments'));
  for (const metric of payout.metrics) {
    for (const segment of segments) {
      const quota = payout.quotaOf(metric, segment);
      if (quota) return { quota, segment };
    }
  }
  const quota = (plan.quotas ?? []).find((candidate) => index.strategy.isFavoredMetric(candidate.metric));
  return quota && { quota, segment: quota.segment };
}

/** What the quota pays per period at `attainment`, before any cap amount: rate × quota × the curve's factor. */
function amountAt(index: PolicyIndex, plan: CompensationPlanT, quota: QuotaT, segment: string | undefined, attainment: number): number {
  const rate = index.payoutOf(plan).rateOf(quota.metric, segment) ?? 0;
  return rate * quota.amount * curveFactor(plan.curve, attainment);
}

/** The attainment where the curve reaches the cap amount (it never decreases: bisection), if it does by 1,000%. */
function capAmountAttainment(index: PolicyIndex, plan: CompensationPlanT, quota: QuotaT, segment: string | undefined): number | undefined {
  const cap = plan.curve!.cap!.amount!;
  const TOP = 10;
  if (amountAt(index, plan, quota, segment, TOP) < cap) return undefined;
  let low = 0;
  let high = TOP;
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (amountAt(index, plan, quota, segment, middle) >= cap) high = middle;
    else low = middle;
  }
  return Math.round(high * 10000) / 10000;
}
