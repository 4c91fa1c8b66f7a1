import { defineRule, formatPercent, type IncentiveLine, type InstrumentInfo, type PolicyIndex } from '../src/api.js';
import { PRICED_COMMISSION, QUOTA_BASE_RATE } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'preference-not-paid',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: 'A plan pays a metric the strategy prefers (prefer: { metric, over }) no more than the metric it is preferred over',
    rationale:
      'Some choices are not old versus new but better versus good: annual prepaid contracts over monthly ones, multi-product deals over ' +
      'single ones. Deprioritizing the lesser option would be wrong (it is still wanted), but a plan that pays both the same tells people ' +
      'the preference is only words: "people do what they are bonused for", and the easier option wins. The plan should pay the preferred ' +
      'metric more, through its rate, its weight or a quota-credit multiplier.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Incentive-Strategy Gap"; Kerr (1975), "On the folly of rewarding A, while hoping for B"',
    reads: [
      'strategy.priorities[].prefer[].metric',
      'strategy.priorities[].prefer[].over',
      ...PRICED_COMMISSION,
      ...QUOTA_BASE_RATE,
      'compensation[].bonus[].metric',
      'compensation[].bonus[].weight',
      'compensation[].bonus[].shared_with',
      'compensation[].credit[].metric',
      'compensation[].credit[].segment',
      'compensation[].credit[].multiplier',
    ],
    examples: {
      bad: `strategy:
  priorities:
    - id: annual-prepaid
      prefer: [{ metric: annual-contract-arr, over: monthly-contract-arr }]
compensation:
  - id: ae-2026
    commission:
      - { metric: annual-contract-arr, rate: "10%" }
      - { metric: monthly-contract-arr, rate: "10%" }`,
      good: `compensation:
  - id: ae-2026
    commission:
      - { metric: annual-contract-arr, rate: "10%" }
      - { metric: monthly-contract-arr, rate: "10%" }
    credit: [{ metric: annual-contract-arr, multiplier: 1.25 }]`,
    },
  },
  check({ policy, index, report }) {
    for (const priority of policy.strategy.priorities) {
      for (const { metric: preferred, over } of priority.prefer ?? []) {
        for (const plan of index.instruments) {
          if (plan.lever !== 'compensation') continue;
          const lesser = strongest(index, plan, over);
          if (!lesser) continue;
          const better = strongest(index, plan, preferred);
          // A rate and a weight do not compare: only lines of one kind are weighed against each other.
          if (better && (better.pay > lesser.pay || better.reward.component !== lesser.reward.component)) continue;
          report({
            node: lesser.reward.node,
            message: better
              ? `Plan ${plan.id} pays ${over} ${describePay(lesser)} and ${preferred} ${describePay(better)}, while priority ${priority.id} prefers ${preferred} over ${over}: the preference is not paid, so the easier option wins.`
              : `Plan ${plan.id} pays on ${over} and not on ${preferred}, which priority ${priority.id} prefers over it: the team is paid for the option the strategy wants less.`,
            fix: better
              ? `pay ${preferred} more than ${over} in ${plan.id}: a higher ${better.reward.component === 'commission' ? 'rate' : 'weight'}, or credit: [{ metric: ${preferred}, multiplier: 1.25 }]`
              : `add ${preferred} to ${plan.id} at a higher ${lesser.reward.component === 'commission' ? 'rate' : 'weight'} than ${over}`,
          });
        }
      }
    }
  },
});

interface Paid {
  reward: IncentiveLine;
  /** What one unit of the metric earns: a commission rate or a bonus weight, times its quota-credit multiplier. */
  pay: number;
  credit: number;
}

/** The line of `plan` that pays most on `metric`, with its credit multiplier. */
function strongest(index: PolicyIndex, plan: InstrumentInfo, metric: string): Paid | undefined {
  const credits = plan.lever === 'compensation' ? (plan.node.credit ?? []) : [];
  const credit = Math.max(
    1,
    ...credits.filter((entry) => entry.metric === metric && entry.segment === undefined).map((entry) => entry.multiplier),
  );
  let best: Paid | undefined;
  for (const reward of index.rewardsOf(plan)) {
    // A component shared with another team follows that team's result: the preference is that team's plan to pay.
    if (reward.metric !== metric || reward.sharedWith.length > 0) continue;
    const base = reward.component === 'commission' ? reward.rate : reward.weight;
    if (base === undefined) continue;
    const pay = base * credit;
    if (!best || pay > best.pay) best = { reward, pay, credit };
  }
  return best;
}

function describePay({ reward, credit }: Paid): string {
  const base =
    reward.component === 'commission'
      ? `${formatPercent(reward.rate ?? 0)} commission`
      : `a ${formatPercent(reward.weight ?? 0)} bonus weight`;
  return credit > 1 ? `${base} at ${credit}x credit` : base;
}
