/**
 * The alignment matrix: for each priority and each team, does what the team is paid, measured,
 * promoted and recognized for reinforce the priority, undermine it, both, or neither? It is the
 * article's audit question asked of every cell: "If someone optimizes for this metric, will they
 * execute the strategy or undermine it?"
 */
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import { RewardModel, type PayExtra, type RewardEntry } from '../model/index.js';
import type { LoadedPolicy } from '../load/index.js';
import type { PriorityT, TeamT } from '../schema.js';

export type CellStatus = 'reinforced' | 'undermined' | 'both' | 'nothing';

interface MatrixCell {
  status: CellStatus;
  /** The rewards behind the status, as "instrument: metric / segment". */
  reinforcedBy: string[];
  underminedBy: string[];
}

interface MatrixRow {
  priority: string;
  statement?: string;
  cells: Record<string, MatrixCell>;
}

export interface AlignmentMatrix {
  teams: string[];
  rows: MatrixRow[];
}

/** One reward behind a cell: the instrument it belongs to, and "instrument: metric / segment". */
interface CellEvidence {
  instrument: string;
  description: string;
}

/** A cell with its evidence kept by instrument, for reports that link a cell to its instruments. */
export interface EvidenceCell {
  status: CellStatus;
  reinforcedBy: CellEvidence[];
  underminedBy: CellEvidence[];
}

interface EvidenceRow {
  priority: string;
  statement?: string;
  cells: Record<string, EvidenceCell>;
}

export interface EvidenceMatrix {
  teams: string[];
  rows: EvidenceRow[];
}

export function buildMatrix(loaded: LoadedPolicy, model?: RewardModel): AlignmentMatrix {
  const evidence = buildEvidenceMatrix(loaded, model);
  const descriptions = (list: readonly CellEvidence[]) => list.map((item) => item.description);
  return {
    teams: evidence.teams,
    rows: evidence.rows.map((row) => ({
      ...row,
      cells: Object.fromEntries(
        Object.entries(row.cells).map(([team, cell]) => [
          team,
          { status: cell.status, reinforcedBy: descriptions(cell.reinforcedBy), underminedBy: descriptions(cell.underminedBy) },
        ]),
      ),
    })),
  };
}

export function buildEvidenceMatrix(
  loaded: LoadedPolicy,
  model = new RewardModel(new PolicyIndex(loaded.policy, loaded.sections)),
): EvidenceMatrix {
  const teams = [...model.index.teams.values()];
  const rows = loaded.policy.strategy.priorities.map((priority): EvidenceRow => {
    const cells: Record<string, EvidenceCell> = {};
    for (const team of teams)
      cells[team.id] = judgeCell(priority, team, model.currentProfileOf(team.id).entries, model.payExtrasOf(team.id));
    return { priority: priority.id, statement: priority.statement ?? priority.name, cells };
  });
  return { teams: teams.map((team) => team.id), rows };
}

/**
 * A cell reads the model, entries that have ended by the model's date left out: an entry that
 * serves the priority reinforces it; one that undermines it (and that its own plan does not outpay,
 * or whose plan's rational choice is what the priority deprioritizes) undermines it, as does a SPIFF, kicker or quota
 * credit on what it deprioritizes (one on what it favors reinforces it); and, for a customer-facing team, a
 * segment-blind count pays the deprioritized segment as much as any other, and the cheapest
 * customers are the easiest to win.
 */
function judgeCell(priority: PriorityT, team: TeamT, entries: readonly RewardEntry[], extras: readonly PayExtra[]): EvidenceCell {
  const reinforcedBy = new Map<string, CellEvidence>();
  const underminedBy = new Map<string, CellEvidence>();
  const add = (into: Map<string, CellEvidence>, entry: RewardEntry, suffix = '') => {
    const description = `${describe(entry)}${suffix}`;
    into.set(description, { instrument: entry.instrument, description });
  };
  for (const entry of entries) {
    if (entry.serves.includes(priority.id)) add(reinforcedBy, entry);
    if (entry.undermines.includes(priority.id)) add(underminedBy, entry);
    else if (team.customer_facing && entry.blindTo.includes(priority.id)) add(underminedBy, entry, ', blind to segments');
  }
  // A SPIFF, a kicker or quota credit pays for its metric or segment as a line does.
  for (const extra of extras) {
    const evidence = { instrument: extra.instrument, description: extra.description };
    if (extra.serves.includes(priority.id)) reinforcedBy.set(extra.description, evidence);
    if (extra.undermines.includes(priority.id)) underminedBy.set(extra.description, evidence);
  }
  const status: CellStatus =
    reinforcedBy.size > 0 ? (underminedBy.size > 0 ? 'both' : 'reinforced') : underminedBy.size > 0 ? 'undermined' : 'nothing';
  return { status, reinforcedBy: [...reinforcedBy.values()], underminedBy: [...underminedBy.values()] };
}

function describe(entry: RewardEntry): string {
  const what = [entry.metric, entry.segment].filter(Boolean).join(' / ') || 'unnamed criterion';
  // A line that names no segment undermines a priority through the choice its plan pays most for.
  const mostFor = entry.segment === undefined && entry.paysMostFor?.length ? `, pays most for ${entry.paysMostFor.join(', ')}` : '';
  const alike = !mostFor && entry.paysAlike?.length ? `, pays ${entry.paysAlike.join(', ')} alike` : '';
  return `${entry.instrument}: ${what}${mostFor}${alike}`;
}
