/**
 * Words a CFO reads: what the policy calls each thing (its `name`, else its id) and amounts in the
 * policy's currency. Ids stay in the page where a reader looks a line up in the files (findings'
 * positions, data attributes); everywhere else the report says what the policy says.
 */
import { formatMoney, formatShare } from '../engine/format.js';
import type { PolicyIndex } from '../engine/lookups/policy-index.js';
import type { PlanReport } from '../payout/report.js';
import type { LevelWinner } from '../payout/rational-choice.js';

export class Names {
  constructor(
    private readonly index: PolicyIndex,
    readonly currency: string | null = index.policy.currency ?? null,
  ) {}

  instrument(id: string): string {
    return this.index.instrumentById.get(id)?.node.name ?? id;
  }

  team(id: string): string {
    return this.index.teams.get(id)?.name ?? id;
  }

  segment(id: string): string {
    return this.index.segments.get(id)?.name ?? id;
  }

  metric(id: string): string {
    return this.index.metrics.get(id)?.name ?? id;
  }

  priority(id: string): string {
    return this.index.priorities.get(id)?.name ?? id;
  }

  /** What a finding or a change is about: an instrument, priority, team, metric or segment, by name. */
  subject(id: string): string {
    if (this.index.instrumentById.has(id)) return this.instrument(id);
    for (const map of [this.index.priorities, this.index.teams, this.index.metrics, this.index.segments] as const) {
      const found = map.get(id) as { name?: string } | undefined;
      if (found) return found.name ?? id;
    }
    return id;
  }

  /** 238333 → "USD 238,333" (the policy's currency code first, as a finance report writes it), or "238,333" without one. */
  money(amount: number): string {
    return this.currency ? `${this.currency} ${formatMoney(amount)}` : formatMoney(amount);
  }

  /** A choice of a simulated plan: its segment, or metric in segment when the plan pays several metrics. */
  choice(plan: PlanReport, choice: { metric: string; segment: string }): string {
    return new Set(plan.choices.map((other) => other.metric)).size === 1
      ? this.segment(choice.segment)
      : `${this.metric(choice.metric)} in ${this.segment(choice.segment)}`;
  }

  /** The simulation's one-line verdict in names and money; an unjudged plan keeps the simulation's own reason. */
  planSummary(plan: PlanReport): string {
    const name = this.instrument(plan.plan);
    const where = (levels: readonly LevelWinner[]) =>
      levels[0]!.attainment === null ? 'at any attainment' : `at ${listShares(levels.map((level) => level.attainment!))} of quota`;
    const wrong = plan.winners.filter((winner) => winner.status === 'deprioritized');
    if (plan.verdict === 'misaligned' && wrong.length > 0) {
      const first = wrong[0]!;
      const against = first.bestFavored
        ? ` against ${this.money(first.bestFavored.payPerMonth)} for ${this.choice(plan, first.bestFavored)}`
        : '';
      return `${name} pays most per month of effort for ${this.choice(plan, first)}, which the strategy deprioritizes, ${where(wrong)} (${this.money(first.payPerMonth)} a month${against}): the rational choice is not the strategy's.`;
    }
    if (plan.verdict === 'aligned') {
      const names = [...new Set(plan.winners.map((winner) => this.choice(plan, winner)))];
      return `At every level, ${name} pays most per month of effort for ${names.join(' and ')}, which the strategy favors: the rational choice is the strategy's.`;
    }
    if (plan.verdict === 'neutral') {
      const neutral = plan.winners.filter((winner) => winner.status === 'neutral');
      return `${name} pays most per month of effort for ${this.choice(plan, neutral[0]!)}, which the strategy neither favors nor deprioritizes, ${where(neutral)}.`;
    }
    return plan.summary;
  }
}

function listShares(levels: readonly number[]): string {
  const shown = levels.map((level) => formatShare(level));
  return shown.length <= 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const cache = new WeakMap<PolicyIndex, Names>();

/** The names of a report's policy, made once per report. */
export function namesOf(model: { index: PolicyIndex }): Names {
  let names = cache.get(model.index);
  if (!names) cache.set(model.index, (names = new Names(model.index)));
  return names;
}
