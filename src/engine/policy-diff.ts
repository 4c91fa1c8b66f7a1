/**
 * What changed between two versions of a policy: the strategy (priorities added or removed, favor
 * and deprioritize lists changed, and so the status of each metric and segment), and which
 * instruments are identical in both. Instruments are matched by id, never by file, so a policy
 * that was split over files or renamed compares cleanly.
 */
import type { PriorityT } from '../schema.js';
import { canonicalForm } from './order.js';
import type { InstrumentInfo } from './lookups/lines.js';
import type { PolicyIndex } from './lookups/policy-index.js';
import type { FocusStatus } from './strategy/strategy-view.js';

export type FocusKind = 'metrics' | 'segments';
type FocusList = 'favor.metrics' | 'favor.segments' | 'deprioritize.metrics' | 'deprioritize.segments';

const FOCUS_LISTS: readonly { list: FocusList; side: 'favor' | 'deprioritize'; kind: FocusKind }[] = [
  { list: 'favor.segments', side: 'favor', kind: 'segments' },
  { list: 'favor.metrics', side: 'favor', kind: 'metrics' },
  { list: 'deprioritize.segments', side: 'deprioritize', kind: 'segments' },
  { list: 'deprioritize.metrics', side: 'deprioritize', kind: 'metrics' },
];

export type PriorityChange =
  | { change: 'added'; priority: string }
  | { change: 'removed'; priority: string }
  | { change: 'changed'; priority: string; list: FocusList; added: string[]; removed: string[] };

/** A metric or segment whose place in the strategy is not what it was. */
export interface StatusChange {
  kind: FocusKind;
  id: string;
  before: FocusStatus;
  after: FocusStatus;
}

export class PolicyDiff {
  readonly priorityChanges: PriorityChange[];
  readonly statusChanges: StatusChange[];
  private readonly statusChangeByKey: Map<string, StatusChange>;

  constructor(
    readonly base: PolicyIndex,
    readonly head: PolicyIndex,
  ) {
    this.priorityChanges = comparePriorities(base.policy.strategy.priorities, head.policy.strategy.priorities);
    this.statusChanges = (['segments', 'metrics'] as const).flatMap((kind) => compareStatuses(base, head, kind));
    this.statusChangeByKey = new Map(this.statusChanges.map((change) => [`${change.kind}:${change.id}`, change]));
  }

  get strategyChanged(): boolean {
    return this.priorityChanges.length > 0 || this.statusChanges.length > 0;
  }

  statusChangeOf(kind: FocusKind, id: string | undefined): StatusChange | undefined {
    return id === undefined ? undefined : this.statusChangeByKey.get(`${kind}:${id}`);
  }

  /** The head instrument exists in the base with the same id and the same content (its lines reordered or not). */
  isUnchanged(instrument: InstrumentInfo): boolean {
    const before = this.base.instrumentById.get(instrument.id);
    return before !== undefined && before.lever === instrument.lever && canonicalForm(before.node) === canonicalForm(instrument.node);
  }
}

function comparePriorities(base: readonly PriorityT[], head: readonly PriorityT[]): PriorityChange[] {
  const baseById = new Map(base.map((priority) => [priority.id, priority]));
  const headIds = new Set(head.map((priority) => priority.id));
  const changes: PriorityChange[] = [];
  for (const priority of base) if (!headIds.has(priority.id)) changes.push({ change: 'removed', priority: priority.id });
  for (const priority of head) {
    const before = baseById.get(priority.id);
    if (!before) {
      changes.push({ change: 'added', priority: priority.id });
      continue;
    }
    for (const { list, side, kind } of FOCUS_LISTS) {
      const was = before[side]?.[kind] ?? [];
      const now = priority[side]?.[kind] ?? [];
      const added = now.filter((id) => !was.includes(id));
      const removed = was.filter((id) => !now.includes(id));
      if (added.length > 0 || removed.length > 0) changes.push({ change: 'changed', priority: priority.id, list, added, removed });
    }
  }
  return changes;
}

function compareStatuses(base: PolicyIndex, head: PolicyIndex, kind: FocusKind): StatusChange[] {
  const ids = [...new Set([...base.strategy.focusIds(kind), ...head.strategy.focusIds(kind)])].sort();
  return ids
    .map((id) => ({ kind, id, before: base.strategy.statusOf(kind, id), after: head.strategy.statusOf(kind, id) }))
    .filter((change) => change.before !== change.after);
}
