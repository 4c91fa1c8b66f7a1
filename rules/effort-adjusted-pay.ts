import {
  EPSILON,
  commissionPerMonth,
  compareRewards,
  cycleMonths,
  dealEconomics,
  defineRule,
  formatMoney,
  formatPercent,
  isFlatRatePlan,
  isPricedCommission,
  least,
  roundRate,
  z,
  type CompensationPlanT,
  type DealEconomics,
  type IncentiveLine,
  type PolicyIndex,
  type PricedCommissionLine,
} from '../src/api.js';
import { DEAL_ECONOMICS, PRICED_COMMISSION, STRATEGY_SEGMENTS } from './helpers/reads.js';

interface EffortPay {
  reward: PricedCommissionLine;
  economics: DealEconomics;
  /** Commission earned per month of sales cycle: rate × deal size ÷ cycle months. */
  monthly: number;
}

export default defineRule({
  meta: {
    id: 'effort-adjusted-pay',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: 'Per month of sales cycle, a deprioritized segment pays more commission than a favored one',
    rationale:
      'A higher rate on the favored segment is not enough when its deals take far longer to close: "Enterprise deals take 6-9 months. ' +
      "SMB deals close in 3 weeks. Rational choice: Close SMB deals, hit quota, earn bonus - while 'working on enterprise.'\" " +
      'What a seller compares is commission per month of selling effort: rate × average deal size ÷ months of sales cycle. ' +
      "A favored rate no higher than the deprioritized one is flat-commission's finding while that rule is on and reports the line. " +
      'This rule judges flat-rate plans; a plan with a quota, curve, credit multiplier or SPIFF is judged on its whole curve by rational-choice.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Four Incentive Traps", trap 1: comp plans don\'t change',
    // A line whose favored rate does not even beat it is flat-commission's finding (its fix asks more: one number per line) when that rule reports it.
    reads: [
      ...STRATEGY_SEGMENTS,
      ...PRICED_COMMISSION,
      ...DEAL_ECONOMICS,
      'compensation[].quotas',
      'compensation[].curve',
      'compensation[].credit',
      'compensation[].spiffs',
    ],
    defersTo: ['flat-commission'],
    options: z.object({
      min_ratio: z
        .number()
        .positive()
        .default(1)
        .describe("how many times the deprioritized segment's commission per month the favored segment's must be"),
      days_per_month: z.number().positive().default(30).describe('days in a month of sales cycle'),
    }),
    examples: {
      bad: `segments:
  - { id: enterprise, sales_cycle_days: 225, avg_deal_size: 90000 }
  - { id: smb, sales_cycle_days: 21, avg_deal_size: 12000 }
compensation:
  - id: ae-2026
    commission:
      - { metric: new-arr, segment: enterprise, rate: "10%" }
      - { metric: new-arr, segment: smb, rate: "8%" }`,
      good: `compensation:
  - id: ae-2026
    commission:
      - { metric: new-arr, segment: enterprise, rate: "15%" }
      - { metric: new-arr, segment: smb, rate: "5%" }`,
    },
  },
  check({ index, strategy, options, report }) {
    const months = (economics: DealEconomics) => cycleMonths(economics, options.days_per_month);
    for (const instrument of index.instruments) {
      // A plan with a quota, curve, credit or SPIFF is judged on its whole curve by rational-choice.
      if (instrument.lever !== 'compensation' || !isFlatRatePlan(instrument.node as CompensationPlanT)) continue;
      const byMetric = new Map<string, EffortPay[]>();
      for (const reward of index.rewardsOf(instrument)) {
        const pay = effortPay(index, reward, options.days_per_month);
        if (pay) byMetric.set(reward.metric!, [...(byMetric.get(reward.metric!) ?? []), pay]);
      }
      for (const [metric, lines] of byMetric) {
        const favored = lines.filter((line) => strategy.isFavoredSegment(line.reward.segment));
        if (favored.length === 0) continue;
        // The favored line earning least per month is the one the deprioritized line competes with (on a tie, the lowest segment id).
        const weakest = least(favored, (a, b) => a.monthly - b.monthly || compareRewards(a.reward, b.reward))!;
        for (const line of lines) {
          if (!strategy.isDeprioritizedSegment(line.reward.segment)) continue;
          const required = line.monthly * options.min_ratio;
          if (weakest.monthly + EPSILON >= required) continue;
          const favoredRate = roundRate((required * months(weakest.economics)) / weakest.economics.avgDealSize, 'up');
          const deprioritizedRate = roundRate(
            ((weakest.monthly / options.min_ratio) * months(line.economics)) / line.economics.avgDealSize,
            'down',
          );
          const [low, high] = [weakest.reward.segment!, line.reward.segment!];
          report({
            node: line.reward.node,
            priorities: strategy.prioritiesAgainst({ segment: high }),
            // A favored rate above the deprioritized one that still loses per month is this rule's own defect, beside
            // flat-commission's ratio: about no entry another rule reports. Rates that do not favor it at all are the line's, deferred.
            about: weakest.reward.rate > line.reward.rate ? [] : undefined,
            message:
              `Per month of sales cycle, plan ${instrument.id} pays ${formatMoney(line.monthly)} of ${metric} commission for ${high} (${describe(line)}) ` +
              `and ${formatMoney(weakest.monthly)} for ${low} (${describe(weakest)}): ` +
              (weakest.monthly < line.monthly
                ? `the rational choice is to close ${high} deals, which the strategy deprioritizes.`
                : `the favored ${low} should pay at least ${options.min_ratio}× as much per month.`),
            fix: `raise the ${low} rate on ${metric} to at least ${formatPercent(favoredRate, 'up')}, or lower the ${high} rate to at most ${formatPercent(deprioritizedRate, 'down')}`,
          });
        }
      }
    }
  },
});

function effortPay(index: PolicyIndex, reward: IncentiveLine, daysPerMonth: number): EffortPay | undefined {
  if (!isPricedCommission(reward)) return undefined;
  const economics = dealEconomics(index, reward.segment);
  if (!economics) return undefined;
  return { reward, economics, monthly: commissionPerMonth(reward.rate, economics, daysPerMonth) };
}

function describe(pay: EffortPay): string {
  return `${formatPercent(pay.reward.rate)} of ${formatMoney(pay.economics.avgDealSize)} over ${pay.economics.salesCycleDays} days`;
}

// Rates are shown to a hundredth of a percent, rounded so that the suggested rate does satisfy the rule.
