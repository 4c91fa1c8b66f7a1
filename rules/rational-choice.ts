import { defineRule, isFlatRatePlan, simulatePlan, z, type CompensationPlanT, type LevelWinner, type PlanSimulation, type PolicyIndex } from '../src/api.js';

export default defineRule({
  meta: {
    id: 'rational-choice',
    category: 'strategic-alignment',
    severity: 'warning',
    summary: 'On a quota plan, at some attainment the best-paid choice per month of effort is a deprioritized segment or metric',
    rationale:
      'What a seller compares is pay per month of selling effort, and on a quota plan that depends on where the seller stands on the curve: ' +
      'a threshold, an accelerator, a cap, a credit multiplier or a SPIFF can change the answer between 50% and 200% of quota. ' +
      '"Enterprise deals take 6-9 months. SMB deals close in 3 weeks. Rational choice: Close SMB deals, hit quota, earn bonus." ' +
      'This rule puts all of a seller\'s effort into each segment the plan pays on, prices the bookings that reach each attainment level ' +
      'with the plan\'s own curve (exactly what `incentive-lint simulate` prints) over the year from the announcement (strategy.announced, else today), a dated SPIFF paying only on the deals within its dates, and reports the plan when a deprioritized choice pays most. ' +
      'Flat-rate plans (no quota, curve, credit or SPIFF) are left to effort-adjusted-pay, which compares their lines; a plan is judged by one of the two, never both.',
    source: 'WattNext, "What role do incentives play in strategic alignment failures?" (2025), trap 1: comp plans don\'t change',
    options: z.object({
      levels: z.array(z.number().positive()).min(1).default([0.5, 1, 1.5, 2]).describe('attainment levels to compare at, as shares of quota'),
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
  check({ index, options, today, report }) {
    for (const plan of index.policy.compensation) {
      if (isFlatRatePlan(plan)) continue;
      const simulation = simulatePlan(index, plan, { levels: options.levels, daysPerMonth: options.days_per_month, date: index.policy.strategy.announced ?? today, curveStep: 0 });
      if (simulation.verdict !== 'misaligned') continue;
      const wrong = simulation.winners.filter((winner) => winner.status === 'deprioritized');
      const first = wrong[0]!;
      report({ node: payingNode(plan, first), message: simulation.summary, fix: fixFor(index, simulation, wrong) });
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

/**
 * At a fixed attainment, a credit multiplier c on the favored choice divides the bookings (and so the
 * months of effort) it takes by c and leaves the pay unchanged: pay per month grows c-fold. The
 * multiplier that makes the favored choice win at every level is the largest ratio, rounded up.
 */
function fixFor(index: PolicyIndex, simulation: PlanSimulation, wrong: readonly LevelWinner[]): string {
  const against = wrong.filter((winner) => winner.bestFavored);
  const loser = wrong[0]!;
  if (against.length === 0) {
    return `lower what plan ${simulation.plan} pays for ${loser.segment} on ${loser.metric} (a rate of its own, or a quota without it), or pay a segment the strategy favors`;
  }
  const favored = against[0]!.bestFavored!;
  const ratio = Math.max(...against.map((winner) => winner.payPerMonth / winner.bestFavored!.payPerMonth));
  // Credit multipliers multiply: a new line of `ratio` on top of the credit already given.
  const multiplier = Math.ceil(ratio * 100 - 1e-6) / 100;
  const target = index.strategy.isFavoredSegment(favored.segment) ? `segment: ${favored.segment}` : `metric: ${favored.metric}`;
  return (
    `add - { ${target}, multiplier: ${multiplier} } to the credit of plan ${simulation.plan}, so that ${favored.segment} pays at least as much per month of effort as ${loser.segment} at every level; ` +
    `or pay ${loser.segment} outside the quota, at a rate of its own`
  );
}
