import {
  EPSILON,
  compareIds,
  compareRewards,
  defineRule,
  excludedByQuota,
  formatPercent,
  formatRewardLine,
  least,
  listIds,
  roundRate,
  sortedIds,
  z,
  isPricedCommission,
  type IncentiveLine,
  type InstrumentInfo,
  type PolicyIndex,
  type PricedCommissionLine,
} from '../src/api.js';
import { PRICED_COMMISSION, QUOTA_BASE_RATE, STRATEGY_SEGMENTS } from './helpers/reads.js';

type CommissionLine = PricedCommissionLine;

export default defineRule({
  meta: {
    id: 'flat-commission',
    category: 'strategic-alignment',
    severity: 'error',
    summary: 'A plan pays a deprioritized segment nearly as much commission as a favored one',
    rationale:
      'Strategy says enterprise-first, but "sales comp plan still pays the same commission for SMB deals as enterprise deals". ' +
      'Enterprise deals take 6-9 months and SMB deals close in 3 weeks, so the rational choice is to close SMB deals. ' +
      'The fix the article gives: "Enterprise deals should pay 2-3x the commission of SMB deals." A quota that counts a deprioritized ' +
      'segment or channel in full (no `excludes`, no credit below 1) pays it alike whatever the deal economics, so it is judged on its ' +
      'quota credit alone when no rate can be told (a quota plan without OTE); a segment the quota excludes is paid nothing by it.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "The Four Incentive Traps", trap 1: comp plans don\'t change',
    reads: [
      ...STRATEGY_SEGMENTS,
      ...PRICED_COMMISSION,
      'compensation[].commission[].accounts',
      ...QUOTA_BASE_RATE,
      'compensation[].quotas[].excludes',
      'compensation[].credit[].metric',
      'compensation[].credit[].segment',
      'compensation[].credit[].multiplier',
      'metrics[].type',
      'metrics[].segmented',
    ],
    options: z.object({
      min_ratio: z
        .number()
        .positive()
        .default(2)
        .describe("how many times a deprioritized segment's rate a favored segment's rate must be"),
    }),
    examples: {
      bad: `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "8%" }
      - { metric: new-arr, segment: smb, rate: "8%" }`,
      good: `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "16%" }
      - { metric: new-arr, segment: smb, rate: "8%" }`,
    },
  },
  check({ index, strategy, options, report }) {
    const favoredSegments = sortedIds(strategy.favoredIds('segments'));
    const deprioritizedSegments = sortedIds(strategy.deprioritizedIds('segments'));
    if (favoredSegments.length === 0 || deprioritizedSegments.length === 0) return;
    for (const instrument of index.instruments) {
      for (const finding of unpricedQuotaFindings(index, instrument, favoredSegments, deprioritizedSegments, options.min_ratio))
        report(finding);
      const byMetric = new Map<string, CommissionLine[]>();
      for (const reward of index.rewardsOfComponent(instrument, 'commission')) {
        // A line limited to named accounts (an account manager's book) tells customers apart as a segment does.
        if (!isPricedCommission(reward) || ('accounts' in reward.node && reward.node.accounts !== undefined)) continue;
        byMetric.set(reward.metric, [...(byMetric.get(reward.metric) ?? []), reward]);
      }
      // A quota plan pays through its quota: the trade-off is made by quota credit, not by a second rate.
      const quotaPlan = instrument.lever === 'compensation' && (instrument.node.quotas?.length ?? 0) > 0;
      for (const [metric, lines] of byMetric) {
        // What a segment's dollar really earns: the rate times its quota-credit multiplier (simulate prices it the same way).
        const credit = (segment: string) =>
          instrument.lever === 'compensation' ? index.payoutOf(instrument.node).creditOf(metric, segment) : 1;
        const favored = linesFor(favoredSegments, lines, { lowest: true });
        if (favored.length === 0) continue;
        // The favored rate paying least is the one the deprioritized rate competes with (on a tie, the lowest segment id).
        const earns = (entry: { segment: string; line: CommissionLine }) => entry.line.rate * credit(entry.segment);
        const weakest = least(favored, (a, b) => earns(a) - earns(b) || compareIds(a.segment, b.segment))!;
        const outpaid = linesFor(deprioritizedSegments, lines, { lowest: false }).filter(
          (entry) => earns(weakest) + EPSILON < earns(entry) * options.min_ratio,
        );
        for (const line of new Set(outpaid.map((rate) => rate.line))) {
          const rate = line.rate;
          const weakestCredit = credit(weakest.segment);
          // In the favored segment's own rate: what it must earn per dollar, divided by the credit it already gets.
          const lineCredit = line.segment === undefined ? 1 : credit(line.segment);
          const required = (rate * lineCredit * options.min_ratio) / weakestCredit;
          const against = `${formatPercent(weakest.line.rate)}${weakestCredit === 1 ? '' : ` at ${weakestCredit}× quota credit`} for ${weakest.segment}`;
          if (line.segment !== undefined) {
            // Rounded down, so that a ratio just under min_ratio never reads as min_ratio.
            const ratio = rate === 0 ? '' : ` (${roundRate(earns(weakest) / (rate * lineCredit), 'down', 2)}×)`;
            report({
              node: line.node,
              priorities: strategy.prioritiesAgainst({ segment: line.segment }),
              message: `Plan ${instrument.id} pays ${line.segment} ${formatPercent(rate)} on ${metric}, against ${against}${ratio}: the strategy favors ${weakest.segment}, but this commission does not make the trade-off.`,
              fix: `raise ${weakest.segment} to at least ${formatPercent(required, 'up')} (${options.min_ratio} × ${line.segment} ${formatPercent(rate)}), or lower ${line.segment} to at most ${formatPercent(earns(weakest) / lineCredit / options.min_ratio, 'down')}`,
              // A line of its own for the favored segment can be raised without changing what any other segment earns.
              edits:
                weakest.line.segment === undefined
                  ? undefined
                  : [{ set: { node: weakest.line.node, key: 'rate', value: formatPercent(required, 'up') }, safety: 'suggestion' }],
            });
            continue;
          }
          // A line without a segment pays every segment that has no line of its own the same rate.
          // The suggested rates are bounds, rounded toward what satisfies them (hundredths of a percent).
          const ceiling = roundRate(weakest.line.rate / options.min_ratio, 'down');
          const floor = roundRate(required, 'up');
          const segments = outpaid.filter((other) => other.line === line).map((other) => other.segment);
          const same = weakest.line === line;
          report({
            node: line.node,
            priorities: segments.flatMap((segment) => strategy.prioritiesAgainst({ segment })),
            message:
              `Plan ${instrument.id} pays ${formatPercent(rate)} on ${metric} whatever the segment (this line names none), so ${listIds(segments, 'and')} ${segments.length === 1 ? 'earns' : 'earn'} ` +
              `${same ? 'as much as' : `${formatPercent(rate)}, against`} ${same ? weakest.segment : against}: the strategy favors ${weakest.segment}, but this commission does not make the trade-off.`,
            fix: quotaPlan
              ? `add credit: [{ segment: ${weakest.segment}, multiplier: ${options.min_ratio} }] to plan ${instrument.id}, so that ${metric} from ${weakest.segment} counts ${options.min_ratio}× toward quota; or give ${weakest.segment} a quota of its own`
              : same
                ? `name the segments on separate lines, such as ${formatRewardLine({ metric, segment: weakest.segment, rate: floor })} and ${formatRewardLine({ metric, segment: segments[0], rate })}`
                : `add ${formatRewardLine({ metric, segment: segments[0], rate: ceiling })} (at most ${formatPercent(ceiling)}), or raise ${weakest.segment} to at least ${formatPercent(required, 'up')}`,
            // The added line for the one outpaid segment, as the fix words it; a decision on pay, so a suggestion.
            ...(!quotaPlan && !same && segments.length === 1 && instrument.lever === 'compensation' && instrument.node.commission
              ? {
                  edits: [
                    {
                      append: { node: instrument.node.commission, value: { metric, segment: segments[0], rate: formatPercent(ceiling) } },
                      safety: 'suggestion' as const,
                    },
                  ],
                }
              : {}),
          });
        }
      }
    }
  },
});

/**
 * The commission lines each of `segments` is paid by on one metric: its own lines (only the lowest
 * with `lowest`), else the line that names no segment, which pays every segment without a line of
 * its own ("the same commission for SMB deals as enterprise deals").
 */
function linesFor(
  segments: readonly string[],
  lines: readonly CommissionLine[],
  { lowest }: { lowest: boolean },
): Array<{ segment: string; line: CommissionLine }> {
  const byRate = (a: CommissionLine, b: CommissionLine) => a.rate - b.rate || compareRewards(a, b);
  const general = least(
    lines.filter((line) => line.segment === undefined),
    byRate,
  );
  return segments.flatMap((segment) => {
    const own = lines.filter((line) => line.segment === segment);
    // A quota that excludes a segment (a channel) pays it nothing.
    const paying = own.length === 0 ? (general && !excludes(general, segment) ? [general] : []) : lowest ? [least(own, byRate)!] : own;
    return paying.map((line) => ({ segment, line }));
  });
}

/** Whether a quota line leaves `segment` out (`excludes`). */
function excludes(line: IncentiveLine, segment: string): boolean {
  if ('excludes' in line.node && (line.node.excludes ?? []).includes(segment)) return true;
  // A commission line priced at the quota's base rate pays only what the quota counts.
  return (
    line.component === 'commission' &&
    line.instrument.lever === 'compensation' &&
    !('amount' in line.node) &&
    line.node.rate === undefined &&
    excludedByQuota(line.instrument.node, line.metric, segment)
  );
}

/**
 * A quota on every segment that no rate can be told for (a quota plan without OTE): its segments earn
 * alike but for their quota credit, so a deprioritized segment (a channel) neither excluded nor credited
 * below the favored one by min_ratio is credited in full, whatever the deal economics.
 */
function unpricedQuotaFindings(
  index: PolicyIndex,
  instrument: InstrumentInfo,
  favoredSegments: readonly string[],
  deprioritizedSegments: readonly string[],
  minRatio: number,
): { node: object; message: string; fix: string }[] {
  if (instrument.lever !== 'compensation') return [];
  const payout = index.payoutOf(instrument.node);
  const findings: { node: object; message: string; fix: string }[] = [];
  for (const line of index.rewardsOfComponent(instrument, 'commission')) {
    if (line.rate !== undefined || line.segment !== undefined || !('amount' in line.node)) continue;
    const metric = index.metrics.get(line.metric);
    // Bookings of a business result: a quota on a count (meetings) is priced per thing, not per segment.
    if (metric?.type !== 'outcome' || metric.segmented === false) continue;
    const ownLine = (segment: string) =>
      index.rewardsOfComponent(instrument, 'commission').some((other) => other.metric === line.metric && other.segment === segment);
    const paidHere = (segment: string) => !ownLine(segment) && !excludes(line, segment);
    const favored = favoredSegments.filter(paidHere);
    if (favored.length === 0) continue;
    const credit = (segment: string) => payout.creditOf(line.metric, segment);
    const weakest = least(favored, (a, b) => credit(a) - credit(b) || compareIds(a, b))!;
    const full = deprioritizedSegments.filter((segment) => paidHere(segment) && credit(weakest) + EPSILON < credit(segment) * minRatio);
    if (full.length === 0) continue;
    const creditText = (segment: string) => (credit(segment) === 1 ? 'in full' : `at ${credit(segment)}×`);
    findings.push({
      node: line.node,
      message:
        `Plan ${instrument.id} counts ${listIds(full, 'and')} bookings ${creditText(full[0]!)} toward its quota on ${line.metric} (no excludes, no lower credit), ` +
        `as it counts ${weakest} ${creditText(weakest)}: the strategy favors ${weakest}, but the quota does not make the trade-off.`,
      fix: `add excludes: [${full.join(', ')}] to the quota on ${line.metric}, or credit ${full[0]} below ${weakest} (credit: [{ segment: ${full[0]}, multiplier: ${roundRate(credit(weakest) / minRatio, 'down')} }]), or credit ${weakest} ${minRatio}×`,
    });
  }
  return findings;
}
