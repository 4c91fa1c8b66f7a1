import {
  annualQuota,
  defineRule,
  describeSpiff,
  formatMoney,
  formatPercent,
  planChoices,
  z,
  type CompensationPlanT,
  type PolicyIndex,
  type QuotaT,
} from '../src/api.js';
import { DEAL_ECONOMICS, PAYOUT } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'payout-cliff',
    category: 'integrity',
    severity: 'warning',
    summary: 'A retroactive tier or a step bonus makes the deal that crosses the step worth many times a normal deal',
    rationale:
      'When reaching a tier re-prices every dollar from the first, or a bonus is paid once on reaching a level, the one deal that crosses the step ' +
      'is worth many times any other. Sellers then time deals around the step, pull them in or push them out, and discount to close the one that crosses it: ' +
      'Oyer found sales and prices bunching at fiscal-year ends under such nonlinear contracts, and Larkin measured enterprise software sellers ' +
      'timing deals to the steps of their accelerator schedule, at the cost of price discounts worth millions. A threshold below which nothing is paid ' +
      'is a step too, but one every quota plan has; it is not reported.',
    source:
      'Oyer, P., "Fiscal year ends and nonlinear incentive contracts: the effect on business seasonality", Quarterly Journal of Economics (1998); ' +
      'Larkin, I., "The cost of high-powered incentives: employee gaming in enterprise software sales", Journal of Labor Economics (2014)',
    reads: [...DEAL_ECONOMICS, ...PAYOUT],
    options: z.object({
      max_ratio: z.number().gt(1).default(3).describe("how many times a normal deal's pay the deal that crosses a step may be worth"),
    }),
    examples: {
      bad: `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, amount: 1200000 }
    curve:
      tiers: [{ from: 1, multiplier: 1.25, retroactive: true }]`,
      good: `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, amount: 1200000 }
    curve:
      tiers: [{ from: 1, multiplier: 1.25 }]`,
    },
  },
  check({ index, options, report }) {
    for (const plan of index.policy.compensation) {
      for (const tier of plan.curve?.tiers ?? []) {
        if (!tier.retroactive) continue;
        // The tier applies to every quota: one finding, on the steepest.
        const cliff = (plan.quotas ?? []).map((quota) => steepest(index, plan, quota, tier.from)).reduce(steeper, undefined);
        if (cliff && cliff.ratio >= options.max_ratio) {
          report({
            node: tier,
            key: 'retroactive',
            message:
              `Plan ${plan.id} re-prices every dollar below ${formatPercent(tier.from)} of quota at ${tier.multiplier}× once it is reached: ${crossing(cliff)}, ` +
              `so sellers time, split and discount deals around the step.`,
            fix: `remove retroactive: true from the tier of plan ${plan.id}, so that ${tier.multiplier}× pays the dollars above ${formatPercent(tier.from)} of quota only`,
          });
        }
      }
      for (const spiff of plan.spiffs ?? []) {
        if (spiff.per !== 'once' || spiff.at === undefined || spiff.amount === undefined) continue;
        const quota = (plan.quotas ?? []).find(
          (candidate) =>
            (spiff.metric === undefined || candidate.metric === spiff.metric) &&
            (spiff.segment === undefined || candidate.segment === undefined || candidate.segment === spiff.segment),
        );
        // Priced on a day the SPIFF pays, when it has dates.
        const cliff = quota && steepest(index, plan, quota, spiff.at, spiff.start ?? spiff.end);
        if (!cliff || cliff.ratio < options.max_ratio) continue;
        const most = Math.floor((options.max_ratio - 1) * cliff.normal);
        report({
          node: spiff,
          key: 'at',
          message: `Plan ${plan.id} pays ${describeSpiff(spiff)}: ${crossing(cliff)}, so sellers time, split and discount deals around the step.`,
          fix:
            (cliff.atThreshold
              ? `move the threshold of plan ${plan.id} below ${formatPercent(spiff.at)} of quota (the threshold pays every dollar below it at once, on the same deal), and `
              : '') +
            `lower the amount to at most ${formatMoney(most)} (${options.max_ratio - 1} times what a normal ${cliff.segment} deal pays there), or pay it as a rate on the bookings above ${formatPercent(spiff.at)} of quota`,
        });
      }
    }
  },
});

interface Cliff {
  segment: string;
  deal: number;
  /** What the deal that crosses the step pays, and the deal before it. */
  crossing: number;
  normal: number;
  ratio: number;
  /** The step is also the plan's threshold: below it nothing is paid, so the normal deal is the one after. */
  atThreshold: boolean;
}

function steeper(a: Cliff | undefined, b: Cliff | undefined): Cliff | undefined {
  return !a || (b && b.ratio > a.ratio) ? b : a;
}

function crossing(cliff: Cliff): string {
  return (
    `the ${cliff.segment} deal of ${formatMoney(cliff.deal)} that crosses it pays ${formatMoney(cliff.crossing)}, against ${formatMoney(cliff.normal)} ` +
    `for ${cliff.atThreshold ? 'the deal after it (below the threshold the deal before pays nothing)' : 'the deal before'} (${Math.floor(cliff.ratio * 10) / 10}×)`
  );
}

/**
 * For each segment whose average deals count toward `quota`: what the deal ending exactly at the step
 * (attainment `at`) pays, against the deal before it. The segment with the largest ratio: its sellers face the steepest cliff.
 */
function steepest(index: PolicyIndex, plan: CompensationPlanT, quota: QuotaT, at: number, date?: string): Cliff | undefined {
  const payout = index.payoutOf(plan);
  let worst: Cliff | undefined;
  for (const choice of planChoices(index, plan)) {
    if (payout.quotaOf(choice.metric, choice.segment) !== quota) continue;
    const deal = choice.avgDealSize;
    const bookings = (at * annualQuota(quota)) / payout.creditOf(choice.metric, choice.segment);
    if (bookings - 2 * deal <= 0) continue;
    const pay = (amount: number) =>
      payout.pay([{ metric: choice.metric, segment: choice.segment, amount, deals: amount / deal }], { date }).total;
    const [before, atStep, after] = [pay(bookings - 2 * deal), pay(bookings - deal), pay(bookings)];
    // At a threshold the deal before pays nothing: the deal after the step is the normal one then.
    const beforeStep = atStep - before;
    const normal = beforeStep > 0 ? beforeStep : pay(bookings + deal) - after;
    if (normal <= 0) continue;
    const ratio = (after - atStep) / normal;
    worst = steeper(worst, { segment: choice.segment, deal, crossing: after - atStep, normal, ratio, atThreshold: beforeStep <= 0 });
  }
  return worst;
}
