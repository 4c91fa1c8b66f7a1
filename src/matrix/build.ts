/**
 * The alignment matrix: for each priority and each team, does what the team is paid, measured,
 * promoted and recognized for reinforce the priority, undermine it, both, or neither? It is the
 * article's audit question asked of every cell: "If someone optimizes for this metric, will they
 * execute the strategy or undermine it?"
 */
import type { IncentiveLine } from '../engine/lookups/lines.js';
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import type { LoadedPolicy } from '../load/index.js';
import type { PriorityT, TeamT } from '../schema.js';

export type CellStatus = 'reinforced' | 'undermined' | 'both' | 'nothing';

export interface MatrixCell {
  status: CellStatus;
  /** The rewards behind the status, as "instrument: metric / segment". */
  reinforcedBy: string[];
  underminedBy: string[];
}

export interface MatrixRow {
  priority: string;
  statement?: string;
  cells: Record<string, MatrixCell>;
}

export interface AlignmentMatrix {
  teams: string[];
  rows: MatrixRow[];
}

export function buildMatrix(loaded: LoadedPolicy): AlignmentMatrix {
  const index = new PolicyIndex(loaded.policy, loaded.sections);
  const teams = [...index.teams.values()];
  const companyWide = index.companyWideRewards();
  const rows = loaded.policy.strategy.priorities.map((priority): MatrixRow => {
    const cells: Record<string, MatrixCell> = {};
    for (const team of teams) cells[team.id] = judgeCell(index, priority, team, [...index.rewardsForTeam(team.id), ...companyWide]);
    return { priority: priority.id, statement: priority.statement ?? priority.name, cells };
  });
  return { teams: teams.map((team) => team.id), rows };
}

function judgeCell(index: PolicyIndex, priority: PriorityT, team: TeamT, rewards: readonly IncentiveLine[]): MatrixCell {
  const reinforcedBy = new Set<string>();
  const underminedBy = new Set<string>();
  const prefersSegments = (priority.deprioritize?.segments ?? []).length > 0;
  for (const reward of rewards) {
    const stance = index.strategy.stanceOf(reward, priority);
    if (stance.reinforces) reinforcedBy.add(describe(reward));
    if (stance.undermines) {
      if (!outpaidInItsPlan(index, reward, priority)) underminedBy.add(describe(reward));
    }
    // A customer-facing team paid on a metric blind to segments earns as much from the segment the
    // priority deprioritizes as from any other, and the cheapest customers are the easiest to win.
    else if (!stance.reinforces && prefersSegments && team.customer_facing && index.strategy.isSegmentBlind(reward)) {
      underminedBy.add(`${describe(reward)}, blind to segments`);
    }
  }
  const status: CellStatus = reinforcedBy.size > 0 ? (underminedBy.size > 0 ? 'both' : 'reinforced') : underminedBy.size > 0 ? 'undermined' : 'nothing';
  return { status, reinforcedBy: [...reinforcedBy], underminedBy: [...underminedBy] };
}

/**
 * Commission on a deprioritized segment that the same plan outpays for a favored segment on the
 * same metric: the plan makes the trade-off, so the line does not pull against the priority here.
 * Whether the gap is wide enough is flat-commission's question, not the matrix's.
 */
function outpaidInItsPlan(index: PolicyIndex, reward: IncentiveLine, priority: PriorityT): boolean {
  if (reward.component !== 'commission' || reward.rate === undefined || !priority.deprioritize?.segments?.includes(reward.segment ?? '')) return false;
  if (priority.deprioritize?.metrics?.includes(reward.metric ?? '')) return false;
  return index
    .rewardsOf(reward.instrument)
    .some((other) => other.component === 'commission' && other.metric === reward.metric && priority.favor?.segments?.includes(other.segment ?? '') && (other.rate ?? 0) > reward.rate!);
}

function describe(reward: IncentiveLine): string {
  const what = [reward.metric, reward.segment].filter(Boolean).join(' / ') || 'unnamed criterion';
  return `${reward.instrument.id}: ${what}`;
}
