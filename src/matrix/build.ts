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

/** One reward behind a cell: the instrument it belongs to, and "instrument: metric / segment". */
export interface CellEvidence {
  instrument: string;
  description: string;
}

/** A cell with its evidence kept by instrument, for reports that link a cell to its instruments. */
export interface EvidenceCell {
  status: CellStatus;
  reinforcedBy: CellEvidence[];
  underminedBy: CellEvidence[];
}

export interface EvidenceRow {
  priority: string;
  statement?: string;
  cells: Record<string, EvidenceCell>;
}

export interface EvidenceMatrix {
  teams: string[];
  rows: EvidenceRow[];
}

export function buildMatrix(loaded: LoadedPolicy): AlignmentMatrix {
  const evidence = buildEvidenceMatrix(loaded);
  const descriptions = (list: readonly CellEvidence[]) => list.map((item) => item.description);
  return {
    teams: evidence.teams,
    rows: evidence.rows.map((row) => ({
      ...row,
      cells: Object.fromEntries(Object.entries(row.cells).map(([team, cell]) => [team, { status: cell.status, reinforcedBy: descriptions(cell.reinforcedBy), underminedBy: descriptions(cell.underminedBy) }])),
    })),
  };
}

export function buildEvidenceMatrix(loaded: LoadedPolicy): EvidenceMatrix {
  const index = new PolicyIndex(loaded.policy, loaded.sections);
  const teams = [...index.teams.values()];
  const companyWide = index.companyWideRewards();
  const rows = loaded.policy.strategy.priorities.map((priority): EvidenceRow => {
    const cells: Record<string, EvidenceCell> = {};
    for (const team of teams) cells[team.id] = judgeCell(index, priority, team, [...index.rewardsForTeam(team.id), ...companyWide]);
    return { priority: priority.id, statement: priority.statement ?? priority.name, cells };
  });
  return { teams: teams.map((team) => team.id), rows };
}

function judgeCell(index: PolicyIndex, priority: PriorityT, team: TeamT, rewards: readonly IncentiveLine[]): EvidenceCell {
  const reinforcedBy = new Map<string, CellEvidence>();
  const underminedBy = new Map<string, CellEvidence>();
  const add = (into: Map<string, CellEvidence>, reward: IncentiveLine, suffix = '') => {
    const description = `${describe(reward)}${suffix}`;
    into.set(description, { instrument: reward.instrument.id, description });
  };
  const prefersSegments = (priority.deprioritize?.segments ?? []).length > 0;
  for (const reward of rewards) {
    const stance = index.strategy.stanceOf(reward, priority);
    if (stance.reinforces) add(reinforcedBy, reward);
    if (stance.undermines) {
      if (!outpaidInItsPlan(index, reward, priority)) add(underminedBy, reward);
    }
    // A customer-facing team paid on a metric blind to segments earns as much from the segment the
    // priority deprioritizes as from any other, and the cheapest customers are the easiest to win.
    else if (!stance.reinforces && prefersSegments && team.customer_facing && index.strategy.isSegmentBlind(reward)) {
      add(underminedBy, reward, ', blind to segments');
    }
  }
  const status: CellStatus = reinforcedBy.size > 0 ? (underminedBy.size > 0 ? 'both' : 'reinforced') : underminedBy.size > 0 ? 'undermined' : 'nothing';
  return { status, reinforcedBy: [...reinforcedBy.values()], underminedBy: [...underminedBy.values()] };
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
