import {
  defineRule,
  isFlatRatePlan,
  roundToSteps,
  paysPerDeal,
  simulatePlan,
  z,
  type CompensationPlanT,
  type LevelWinner,
  type PlanSimulation,
  type PolicyIndex,
} from '../src/api.js';
import { DEAL_ECONOMICS, PAYOUT, STRATEGY_METRICS, STRATEGY_SEGMENTS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'rational-choice',
    category: 'strategic-alignment',
    severity: 'warning',
    summary:
      'On a plan that pays per deal, at some attainment the best-paid choice per month of effort is a deprioritized segment or metric',
    rationale:
      'What a seller compares is pay per month of selling effort, and on a quota plan that depends on where the seller stands on the curve: ' +
      'a threshold, an accelerator, a cap, a credit multiplier or a SPIFF can change the answer between 50% and 200% of quota. ' +
      '"Enterprise deals take 6-9 months. SMB deals close in 3 weeks. Rational choice: Close SMB deals, hit quota, earn bonus." ' +
      "This rule puts all of a seller's effort into each segment the plan pays on, prices the bookings that reach each attainment level " +
      "with the plan's own curve (exactly what `incentive-lint simulate` prints) over the year from the announcement (strategy.announced, else today), a dated SPIFF paying only on the deals within its dates, and reports the plan when a deprioritized choice pays most. " +
      'On a flat-rate plan (no quota, curve, credit or SPIFF), where flat-commission or effort-adjusted-pay reports the line that pays the deprioritized choice, the finding is theirs: one defect, one finding; with them off, this rule reports it.',
    source: 'WattNext, "What role do incentives play in strategic alignment failures?" (2025), trap 1: comp plans don\'t change',
    // The same defect on a flat-rate plan, line by line: theirs when they report it.
    reads: [...STRATEGY_SEGMENTS, ...STRATEGY_METRICS, 'strategy.announced', ...DEAL_ECONOMICS, ...PAYOUT],
    defersTo: ['flat-commission', 'effort-adjusted-pay'],
    options: z.object({
      levels: z
        .array(z.number().positive())
        .min(1)
        .default([0.5, 1, 1.5, 2])
        .describe('attainment levels to compare at, as shares of quota'),
      days_per_month: z.number().positive().default(30).describe('days in a month of sales cycle'),
    }),
    examples: {
      bad: `segments:
  - { id: smb, sales_cycle_days: 14, avg_deal_size: 12000 }
compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, amount: 1200000 }
    curve:
      threshold: 0.5
      tiers: [{ from: 1, multiplier: 1.5 }]`,
      good: `segments:
  - { id: smb, sales_cycle_days: 14, avg_deal_size: 12000 }
compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: enterprise, amount: 1200000 }
    curve:
      threshold: 0.5
      tiers: [{ from: 1, multiplier: 1.5 }]
    commission:
      - { metric: new-arr, segment: smb, rate: "3%" }`,
    },
  },
  check({ index, model, options, report }) {
    for (const plan of index.policy.compensation) {
      // A plan with no commission and no quota has no choice of deals to price (its simulation is always unjudged).
      if (!paysPerDeal(plan)) continue;
      // The simulation every view reads, at the model's date (the announcement, else today).
      const simulation = model.rationalChoiceOf(plan, { levels: options.levels, daysPerMonth: options.days_per_month });
      if (simulation.verdict !== 'misaligned') continue;
      const wrong = simulation.winners.filter((winner) => winner.status === 'deprioritized');
      const first = wrong[0]!;
      const priorities = wrong.flatMap((winner) => index.strategy.prioritiesAgainst(winner));
      // A flat-rate plan's choice is one line against another, which flat-commission and effort-adjusted-pay
      // judge (defersTo); a quota plan's is its whole curve, which only this rule prices: the finding is about the plan.
      const about = isFlatRatePlan(plan) ? undefined : [plan];
      const simulate = (changed: CompensationPlanT) =>
        simulatePlan(index, changed, { levels: options.levels, daysPerMonth: options.days_per_month, date: model.asOf, curveStep: 0 });
      const credit = creditFix(index, plan, simulation, wrong, simulate);
      // The credit line, priced to leave no deprioritized winner: a decision on pay, so a suggestion.
      const edits = credit
        ? [
            plan.credit
              ? { append: { node: plan.credit, value: credit.credit }, safety: 'suggestion' as const }
              : { set: { node: plan, key: 'credit', value: [credit.credit] }, safety: 'suggestion' as const },
          ]
        : undefined;
      report({
        node: payingNode(plan, first),
        about,
        priorities,
        message: simulation.summary,
        fix: fixFor(plan, simulation, wrong, credit),
        edits,
      });
    }
  },
});

/** The quota or commission line that pays the deprioritized choice: where a reader changes the plan. */
function payingNode(plan: CompensationPlanT, winner: LevelWinner): object {
  const named = <T extends { metric: string; segment?: string }>(entries: readonly T[] | undefined) =>
    (entries ?? []).find((entry) => entry.metric === winner.metric && entry.segment === winner.segment) ??
    (entries ?? []).find((entry) => entry.metric === winner.metric && entry.segment === undefined);
  return named(plan.commission) ?? named(plan.quotas) ?? plan;
}

type CreditLine = { metric?: string; segment?: string; multiplier: number };

interface CreditFix {
  credit: CreditLine;
  favored: { metric: string; segment: string };
}

/**
 * At a fixed attainment, a credit multiplier c on the favored choice divides the bookings (and so the
 * months of effort) it takes by c and leaves the pay unchanged: pay per month grows c-fold. The
 * largest ratio, rounded up, is where the search starts; a threshold, tier or cap can move the
 * winner again, so each candidate is priced through the same simulation, and only one that leaves
 * no deprioritized winner is proposed. The credit names only what no deprioritized winner is: a
 * credit on a metric that both channels book would raise both alike and change nothing.
 */
function creditFix(
  index: PolicyIndex,
  plan: CompensationPlanT,
  simulation: PlanSimulation,
  wrong: readonly LevelWinner[],
  simulate: (plan: CompensationPlanT) => PlanSimulation,
): CreditFix | undefined {
  const against = wrong.filter((winner) => winner.bestFavored);
  if (against.length === 0) return undefined;
  const favored = against[0]!.bestFavored!;
  const deprioritized = simulation.choices.filter((choice) => choice.status === 'deprioritized');
  const reaches = (credit: Omit<CreditLine, 'multiplier'>) =>
    deprioritized.some(
      (choice) =>
        (credit.metric === undefined || credit.metric === choice.metric) &&
        (credit.segment === undefined || credit.segment === choice.segment),
    );
  const candidates: Omit<CreditLine, 'multiplier'>[] = [
    ...(index.strategy.isFavoredSegment(favored.segment) ? [{ segment: favored.segment }] : []),
    ...(index.strategy.isFavoredMetric(favored.metric) ? [{ metric: favored.metric }] : []),
    { metric: favored.metric, segment: favored.segment },
  ].filter((candidate) => !reaches(candidate));
  const ratio = Math.max(...against.map((winner) => winner.payPerMonth / winner.bestFavored!.payPerMonth));
  for (const target of candidates) {
    // Credit multipliers multiply: a new line of `multiplier` on top of the credit already given.
    let multiplier = roundUp(ratio);
    for (let attempt = 0; attempt < 16; attempt++) {
      const credit = { ...target, multiplier };
      if (simulate({ ...plan, credit: [...(plan.credit ?? []), credit] }).verdict !== 'misaligned') return { credit, favored };
      multiplier = roundUp(multiplier * 1.1);
    }
  }
  return undefined;
}

/** "smb", or "smb and mid-market": the deprioritized choices that win at some level. */
function wrongChoices(wrong: readonly LevelWinner[]): string {
  return [...new Set(wrong.map((winner) => winner.segment))].join(' and ');
}

function wrongChoiceCount(wrong: readonly LevelWinner[]): number {
  return new Set(wrong.map((winner) => winner.segment)).size;
}

/** Up to whole hundredths: a multiplier that reaches the bound it names. */
function roundUp(value: number): number {
  return roundToSteps(value, 100, 'up') / 100;
}

function describeCredit(credit: CreditLine): string {
  return `{ ${[credit.metric !== undefined && `metric: ${credit.metric}`, credit.segment !== undefined && `segment: ${credit.segment}`, `multiplier: ${credit.multiplier}`].filter(Boolean).join(', ')} }`;
}

function fixFor(plan: CompensationPlanT, simulation: PlanSimulation, wrong: readonly LevelWinner[], credit: CreditFix | undefined): string {
  const loser = wrong[0]!;
  const outside =
    (plan.quotas?.length ?? 0) > 0
      ? `or pay ${loser.segment} outside the quota, at a rate of its own`
      : `or lower the rate plan ${simulation.plan} pays for ${loser.segment}`;
  if (!credit) {
    return `lower what plan ${simulation.plan} pays for ${loser.segment} on ${loser.metric} (a rate of its own, or a quota without it), or pay a segment the strategy favors`;
  }
  return (
    `add - ${describeCredit(credit.credit)} to the credit of plan ${simulation.plan}, so that ${wrongChoices(wrong)} no longer ${wrongChoiceCount(wrong) === 1 ? 'pays' : 'pay'} most per month of effort at any level; ` +
    outside
  );
}
