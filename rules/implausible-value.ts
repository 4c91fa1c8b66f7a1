import { isCount } from './helpers/guards.js';
import {
  EPSILON,
  annualQuota,
  baseRate,
  defineRule,
  formatMoney,
  formatPercent,
  quotaWeight,
  targetVariablePay,
  z,
  type CompensationPlanT,
  type PolicyIndex,
  type QuotaT,
} from '../src/api.js';
import { COUNT, QUOTA_BASE_RATE } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'implausible-value',
    category: 'integrity',
    severity: 'warning',
    summary:
      'A number in a plan is almost certainly a typo: a rate of 1 read as 100%, a quota smaller than one deal, a cap below on-target pay',
    rationale:
      'A commission rate written as 1 or 0.5 almost always means 1% or 0.5%, but the format reads a bare number as a share: 100% and 50% of every dollar booked. ' +
      'A quota smaller than one average deal, a base rate (target variable pay ÷ quota) above any commission a seller is paid, and a cap that pays less than ' +
      'on-target commission are the same kind of slip: a number in thousands, a missing zero, a quarterly amount written as a year. Every other check of the plan ' +
      'then runs on numbers nobody meant. Two mistakes of the kind cannot be written at all: target variable pay above the OTE (variable_share is at most 1) ' +
      'and a threshold above the first tier (the format rejects it).',
    source:
      'Sales-compensation practice: commission rates are a few percent of bookings (the base rate is target variable pay ÷ quota); a rule of thumb, not a study',
    reads: [
      'compensation[].commission[].rate',
      'compensation[].spiffs[].rate',
      ...QUOTA_BASE_RATE,
      ...COUNT,
      'segments[].avg_deal_size',
      'compensation[].curve.cap.amount',
    ],
    options: z.object({
      max_rate: z
        .number()
        .positive()
        .default(0.4)
        .describe('the highest commission or SPIFF rate that is plausible, as a share of bookings'),
      max_base_rate: z
        .number()
        .positive()
        .default(1)
        .describe(
          'the highest base rate (target variable pay ÷ quota) that is plausible: above it the seller would earn more than every dollar booked',
        ),
    }),
    messages: {
      rate: 'Plan {{plan}} pays {{what}} {{percent}} of every dollar booked{{onMetric}}, which no plan pays: a rate written as {{written}} reads as {{percent}}, and {{written}}% is almost certainly what was meant.',
      quotaBelowDeal:
        'Plan {{plan}} sets a quota of {{amount}} per {{period}} on {{metric}}, less than one average {{segment}} deal ({{dealSize}}) in a whole year: the amount is almost certainly missing digits (thousands?).',
      baseRate:
        'Plan {{plan}} pays {{target}} of target variable pay on a quota of {{yearly}} a year on {{metric}}: a base rate of {{percent}} of every dollar booked, which no commission plan pays; the quota, the ote or the variable_share is almost certainly mistyped.',
      capBelowTarget:
        'Plan {{plan}} caps commission at {{cap}} per {{period}}, less than the {{onTarget}} it pays per {{period}} at 100% of the quota on {{metric}}: nobody can earn the OTE, so the amount is almost certainly mistyped.',
    },
    examples: {
      bad: `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: 1 }]`,
      good: `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: "1%" }]`,
    },
  },
  check({ index, options, report }) {
    const tooHigh = (rate: number | undefined): rate is number => rate !== undefined && rate > options.max_rate + EPSILON;
    for (const plan of index.policy.compensation) {
      for (const line of [...(plan.commission ?? []), ...(plan.spiffs ?? [])]) {
        if (!tooHigh(line.rate)) continue;
        const what = 'kind' in line ? `a ${line.kind === 'kicker' ? 'kicker' : 'SPIFF'} of` : 'commission of';
        report({
          node: line,
          key: 'rate',
          messageId: 'rate',
          data: {
            plan: plan.id,
            what,
            percent: formatPercent(line.rate),
            onMetric: line.metric ? ` on ${line.metric}` : '',
            written: trim(line.rate),
          },
          fix: `write rate: "${trim(line.rate)}%" if ${trim(line.rate)}% is meant (a bare number is a share: 0.01 is 1%)`,
          // Safe: a rate of hundreds of percent is what no one means, and the message says what was.
          edits: [{ set: { node: line, key: 'rate', value: `${trim(line.rate)}%` }, safety: 'safe' }],
        });
      }
      const baseTooHigh = (rate: number | undefined): rate is number => rate !== undefined && rate > options.max_base_rate + EPSILON;
      // A quota on a count (logos, meetings, accepted opportunities) is not money: neither deal sizes nor base rates apply.
      for (const quota of plan.quotas ?? [])
        if (!isCount(index.metrics.get(quota.metric))) checkQuota(index, plan, quota, baseTooHigh, options.max_base_rate, report);
      checkCap(plan, report);
    }
  },
});

type Report = (descriptor: { node: object; key?: string; messageId: string; data: Record<string, string | number>; fix: string }) => void;

/** A quota smaller than one average deal of what it measures; else a base rate above any plausible rate. */
function checkQuota(
  index: PolicyIndex,
  plan: CompensationPlanT,
  quota: QuotaT,
  tooHigh: (rate: number | undefined) => boolean,
  maxRate: number,
  report: Report,
): void {
  const segments = quota.segment !== undefined ? [quota.segment] : [...index.segments.keys()];
  const deals = segments.flatMap((segment) => {
    const size = index.segments.get(segment)?.avg_deal_size;
    return size === undefined ? [] : [{ segment, size }];
  });
  const smallest = deals.sort((a, b) => a.size - b.size)[0];
  const yearly = annualQuota(quota);
  if (smallest && yearly < smallest.size) {
    report({
      node: quota,
      key: 'amount',
      messageId: 'quotaBelowDeal',
      data: {
        plan: plan.id,
        amount: formatMoney(quota.amount),
        period: quota.period,
        metric: quota.metric,
        segment: smallest.segment,
        dealSize: formatMoney(smallest.size),
      },
      fix: `write the amount in full currency units, such as amount: ${quota.amount * 1000} for ${formatMoney(quota.amount)} thousand`,
    });
    return;
  }
  const rate = baseRate(plan, quota);
  if (!tooHigh(rate)) return;
  const target = targetVariablePay(plan)! * quotaWeight(plan, quota);
  report({
    node: quota,
    key: 'amount',
    messageId: 'baseRate',
    data: { plan: plan.id, target: formatMoney(target), yearly: formatMoney(yearly), metric: quota.metric, percent: formatPercent(rate!) },
    fix: `check the quota amount, ote and variable_share of plan ${plan.id}: a quota of at least ${formatMoney(Math.ceil(target / maxRate))} a year keeps the base rate at or below ${formatPercent(maxRate)}`,
  });
}

/** A cap amount below what the plan pays at 100% of a quota cannot let anyone earn their OTE. */
function checkCap(plan: CompensationPlanT, report: Report): void {
  const cap = plan.curve?.cap;
  const target = targetVariablePay(plan);
  if (cap?.amount === undefined || target === undefined) return;
  for (const quota of plan.quotas ?? []) {
    const periods = annualQuota(quota) / quota.amount;
    const onTarget = (target * quotaWeight(plan, quota)) / periods;
    if (cap.amount + EPSILON >= onTarget) continue;
    report({
      node: cap,
      key: 'amount',
      messageId: 'capBelowTarget',
      data: { plan: plan.id, cap: formatMoney(cap.amount), period: quota.period, onTarget: formatMoney(onTarget), metric: quota.metric },
      fix: `raise the cap amount to at least ${formatMoney(Math.ceil(onTarget))} (on-target commission per ${quota.period}), or write it as attainment, such as attainment: 2`,
    });
    return;
  }
}

/** 1 → "1", 0.5 → "0.5", 0.125 → "0.125": the number as the user wrote it, read as a percentage. */
function trim(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
