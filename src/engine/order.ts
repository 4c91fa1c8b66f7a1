/**
 * Canonical orders for what rules name and pick. Reordering the items of a list section must change
 * nothing in a report but the positions, so no message lists ids, and no rule picks "the first"
 * line, plan or metric, in the order they happen to be declared: ids go alphabetically, instruments
 * by lever then id, reward lines by what they say.
 */
import { INSTRUMENT_SECTIONS, type Lever } from '../schema.js';
import type { IncentiveLine } from './lookups/lines.js';

/** Code-point order, the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct ids, alphabetically. */
export function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareIds);
}

/** Instruments by lever (compensation, okrs, promotions, recognition), then id. */
export function compareInstruments(a: { lever: Lever; id: string }, b: { lever: Lever; id: string }): number {
  return INSTRUMENT_SECTIONS.indexOf(a.lever) - INSTRUMENT_SECTIONS.indexOf(b.lever) || compareIds(a.id, b.id);
}

const COMPONENT_ORDER: readonly IncentiveLine['component'][] = ['commission', 'bonus', 'key_result', 'criterion', 'award'];

/**
 * Lines by their instrument, then by what the line says: component, metric, segment, the
 * smaller rate or weight, its text. Two lines that compare equal say the same thing.
 */
export function compareRewards(a: IncentiveLine, b: IncentiveLine): number {
  return (
    compareInstruments(a.instrument, b.instrument) ||
    COMPONENT_ORDER.indexOf(a.component) - COMPONENT_ORDER.indexOf(b.component) ||
    compareOptional(a.metric, b.metric) ||
    compareOptional(a.segment, b.segment) ||
    (a.rate ?? -1) - (b.rate ?? -1) ||
    (a.weight ?? -1) - (b.weight ?? -1) ||
    compareOptional(textOf(a), textOf(b)) ||
    compareIds(a.teams.join(','), b.teams.join(',')) ||
    compareIds(a.sharedWith.join(','), b.sharedWith.join(','))
  );
}

/** The least of `items` by `compare`: a pick that does not depend on the order of `items`. */
export function least<T>(items: Iterable<T>, compare: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  let found = false;
  for (const item of items) {
    if (!found || compare(item, best as T) < 0) best = item;
    found = true;
  }
  return best;
}

/**
 * A text that two values share exactly when they hold the same things: object keys and the items of
 * every list in a fixed order. Every list in a policy is a set (lines of a plan, key results, teams
 * an award names), so a list reordered is the same list.
 */
export function canonicalForm(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalForm).sort(compareIds).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries
      .sort(([a], [b]) => compareIds(a, b))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalForm(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Absent sorts first. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  return a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : compareIds(a, b);
}

function textOf(reward: IncentiveLine): string | undefined {
  return reward.component === 'criterion' || reward.component === 'award' ? reward.node.text : undefined;
}
