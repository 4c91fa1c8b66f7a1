import {
  compareRewards,
  defineRule,
  GAMING_CLAWBACK,
  independentCheckExample,
  qualityOfCountedExample,
  describeInstrument,
  formatPercent,
  least,
  listIds,
  z,
  type IncentiveLine,
  type InstrumentInfo,
  type MetricT,
  type PolicyIndex,
} from '../src/api.js';
import { decidesNothing, isCount, proxiedQuality, qualityCounterpart, unguardedCounts } from './helpers/guards.js';
import { COUNT, COUNT_GUARDS, LINE_METRICS, REWARDED_TEAMS, STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

const CLAWBACK_FIX = GAMING_CLAWBACK;

export default defineRule({
  meta: {
    id: 'gameable-target',
    category: 'balanced-measurement',
    severity: 'error',
    summary:
      'A large share of variable pay, or a key result, rides on an activity or output count, or a number the team reports itself, with no quality measure, clawback or guardrail beside it',
    rationale:
      '"When a measure becomes a target, it ceases to be a good measure" (Goodhart); "the more any quantitative social indicator is used for ' +
      'social decision-making, the more subject it will be to corruption pressures" (Campbell, 1979). Kerr (1975), "On the folly of rewarding A, ' +
      'while hoping for B": people deliver the count that is paid, not the result it was meant to stand for. The Consumer Financial Protection ' +
      'Bureau\'s consent order 2016-CFPB-0015 found that Wells Fargo branch staff, paid and ranked on daily counts of products sold ("eight is ' +
      'great"), opened about 1.5 million deposit accounts and 565,000 credit-card applications without consent. A count is safe to pay on ' +
      'only with a guard in the same instrument: a quality or integrity measure of real weight, a clawback for misconduct or refunds, or a ' +
      'guardrail key result. Favoring the count in the strategy does not make it safe: that is exactly how it goes wrong. The same holds ' +
      'for any number the team paid on it reports itself (`reported_by`), outcome or not: the Atlanta Public Schools targets paid bonuses ' +
      "on test scores whose answer sheets the paid educators handled (Governor's special investigation, 2011). The pressure comes from what " +
      'the number decides: key results the policy declares used for neither pay nor evaluation (`stakes: none`) are left alone, and a ' +
      'named deliverable done or not by its date (`deliverable: true`, or a target that is a deadline: "ship the new checkout by June 15") ' +
      'is no count to inflate.',
    source: 'Goodhart / Campbell (1979); Kerr (1975), Academy of Management Journal; CFPB consent order 2016-CFPB-0015 (Wells Fargo, 2016)',
    reads: [
      ...STRATEGY_SEGMENTS,
      ...STRATEGY_METRICS,
      'metrics[].proxy_for',
      ...COUNT,
      ...COUNT_GUARDS,
      'okrs[].stakes',
      'okrs[].key_results[].target',
      'promotions[].criteria[].segment',
      'recognition[].awards[].segment',
      ...REWARDED_TEAMS,
      ...LINE_METRICS,
    ],
    options: z.object({
      share: z
        .number()
        .min(0)
        .max(1)
        .default(0.5)
        .describe("share of a plan's variable pay on counts (activity, output) from which the plan needs a guard"),
      guard_weight: z.number().min(0).max(1).default(0.1).describe('share of variable pay a quality measure needs to count as a guard'),
      share_without_any_guard: z
        .number()
        .min(0)
        .max(1)
        .default(0.3)
        .describe(
          'share of variable pay on counts from which a plan is reported even below `share`, when it has no guard of any weight (no quality line, clawback or guardrail) and no outcome line of real weight',
        ),
      largest_lever_share: z
        .number()
        .min(0)
        .max(1)
        .default(0.4)
        .describe(
          'share of variable pay on counts from which a plan with no guard of any weight is reported even below `share` when an unguarded count is its largest line, an outcome line beside it or not',
        ),
    }),
    examples: {
      bad: `metrics:
  - { id: accounts-opened, type: output, proxy_for: [deposits] }
compensation:
  - id: banker-incentive
    team: bankers
    bonus: [{ metric: accounts-opened, weight: 1 }]`,
      good: `metrics:
  - { id: accounts-opened, type: output, proxy_for: [deposits] }
  - { id: accounts-funded-90-days, type: quality }
compensation:
  - id: banker-incentive
    team: bankers
    bonus:
      - { metric: accounts-opened, weight: 0.6 }
      - { metric: accounts-funded-90-days, weight: 0.4 }
    clawback: { months: 12, triggers: [misconduct, refund] }`,
    },
  },
  check({ index, model, options, report }) {
    // An award on a count already reported where the same team is paid on it celebrates the same number: that finding covers it.
    const reportedCounts = new Set<string>();
    const programsLast = [...index.instruments].sort((a, b) => Number(a.lever === 'recognition') - Number(b.lever === 'recognition'));
    for (const instrument of programsLast) {
      // Key results the policy says decide neither pay nor evaluation (stakes: none) put no pressure on the count.
      if (decidesNothing(model, instrument)) continue;
      const unguarded = unguardedCounts(model, instrument, options);
      if (!unguarded) continue;
      const { share } = unguarded;
      const counts =
        instrument.lever === 'recognition'
          ? unguarded.counts.filter((line) => !line.teams.some((team) => reportedCounts.has(`${team}\u0000${line.metric}`)))
          : unguarded.counts;
      if (counts.length === 0) continue;
      for (const line of counts) for (const team of line.teams) reportedCounts.add(`${team}\u0000${line.metric}`);
      const selfReported = counts.some((line) => !isCount(index.metrics.get(line.metric ?? '')));
      // The quality metric a count is declared to be measured by is the guard to add; else the instrument's closest one.
      const quality = linkedQuality(index, counts) ?? qualityCounterpart(index, instrument);
      // The finding is about every unguarded count of the instrument, not only the line it points at.
      const about = counts.map((line) => line.node);
      const name = describeInstrument(instrument, { sentenceStart: true });
      if (instrument.lever === 'compensation') {
        const shareOf = (reward: IncentiveLine) => index.variableShareOf(reward) ?? 0;
        const heaviest = least(counts, (a, b) => shareOf(b) - shareOf(a) || compareRewards(a, b))!;
        report({
          node: heaviest.node,
          about,
          message:
            `${name} puts ${formatPercent(share)} of variable pay on ${countList(index, counts)} with no guard beside ${counts.length > 1 ? 'them' : 'it'} ` +
            `(no quality measure of real weight, no clawback for misconduct or refunds): people will raise the ${selfReported ? 'number they report' : 'count'}, not the result it stands for.`,
          fix:
            (quality
              ? `pay at least ${formatPercent(options.guard_weight)} of variable pay on ${quality.id} (type: quality) in ${instrument.id}`
              : `declare a quality or integrity metric ${selfReported ? `(type: quality, ${independentCheckExample(counts.map((line) => line.metric!))})` : `of the units counted (type: quality, ${qualityOfCountedExample(counts.map((line) => line.metric!))})`}, pay at least ${formatPercent(options.guard_weight)} of variable pay on it in ${instrument.id}`) +
            // What a sale earned can be taken back; a support or operations bonus is guarded by the quality line alone.
            (sellsToCustomers(index, instrument) ? `, and add ${CLAWBACK_FIX}` : '') +
            acceptanceFix(index, instrument, heaviest),
        });
      } else {
        const first = least(counts, compareRewards)!;
        const guardrail = linkedQuality(index, counts) ?? proxiedQuality(index, counts) ?? quality;
        const [what, beside, add] =
          instrument.lever === 'okrs'
            ? [
                'sets a target on',
                'guardrail key result',
                guardrail ? `add a guardrail key result { metric: ${guardrail.id}, guardrail: true } to ${instrument.id}` : undefined,
              ]
            : instrument.lever === 'promotions'
              ? [
                  'promotes on',
                  'quality criterion',
                  guardrail ? `add a criterion on ${guardrail.id} (type: quality) to ${instrument.id}` : undefined,
                ]
              : [
                  'celebrates',
                  'quality award',
                  guardrail
                    ? `award ${guardrail.id} (type: quality) in ${instrument.id} beside it, or celebrate the result ${first.metric} stands for instead`
                    : undefined,
                ];
        report({
          node: first.node,
          about,
          message: `${name} ${what} ${countList(index, counts)} with no ${beside}: the count can be hit by means the objective never meant.`,
          fix:
            add ??
            (selfReported
              ? `declare an independent check of ${first.metric} (type: quality, such as an audit of a sample of the reported numbers by someone not judged on them) and add it to ${instrument.id}${instrument.lever === 'okrs' ? ' as { metric: …, guardrail: true }' : ''}`
              : `declare a quality metric that shows whether ${first.metric} is done well (type: quality) and add it to ${instrument.id}${instrument.lever === 'okrs' ? ' as { metric: …, guardrail: true }' : ''}`),
        });
      }
    }
  },
});

/** The quality metric one of the counts is declared to be measured by (`quality_measured_by`). */
function linkedQuality(index: PolicyIndex, counts: readonly IncentiveLine[]): MetricT | undefined {
  return counts
    .map((line) => index.metrics.get(index.metrics.get(line.metric ?? '')?.quality_measured_by ?? ''))
    .find((metric) => metric !== undefined);
}

/** A count handed to a team paid on results (meetings for account executives) is guarded by that team's acceptance: say how to count only what it accepts. */
function acceptanceFix(index: PolicyIndex, instrument: InstrumentInfo, line: IncentiveLine): string {
  if (instrument.team === undefined || index.metrics.get(line.metric ?? '')?.type !== 'output') return '';
  const acceptor = index
    .handoffsFrom(instrument.team)
    .map((handoff) => handoff.to)
    .find(
      (team) => team !== instrument.team && [...index.metricsRewardedFor(team)].some((id) => index.metrics.get(id)?.type === 'outcome'),
    );
  return acceptor ? `; or count only what ${acceptor} accepts, and say so on the metric: accepted_by: ${acceptor}` : '';
}

/** A plan that pays commission, or of a team not declared non-revenue: what its sales earned can be clawed back. */
function sellsToCustomers(index: PolicyIndex, instrument: InstrumentInfo): boolean {
  const kind = instrument.team === undefined ? undefined : index.teams.get(instrument.team)?.kind;
  return index.hasCommission(instrument) || kind !== 'non-revenue';
}

/** "a count (accounts-opened, output)", "counts (a and b)", or, for numbers the team reports itself, "a number it reports itself (test-scores)". */
function countList(index: PolicyIndex, counts: readonly IncentiveLine[]): string {
  const ids = [...new Set(counts.map((reward) => reward.metric!))].sort();
  if (!ids.every((id) => isCount(index.metrics.get(id)))) {
    return ids.length === 1 ? `a number it reports itself (${ids[0]})` : `numbers it counts or reports itself (${listIds(ids, 'and')})`;
  }
  return ids.length === 1 ? `a count (${ids[0]}, ${index.metrics.get(ids[0]!)?.type})` : `counts (${listIds(ids, 'and')})`;
}
