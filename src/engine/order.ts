/**
 * Canonical orders for what rules name and pick. Reordering the items of a list section must change
 * nothing in a report but the positions, so no message lists ids, and no rule picks "the first"
 * line, plan or metric, in the order they happen to be declared: ids go alphabetically, instruments
 * by lever then id, reward lines by what they say (their ids last, so that renaming them changes
 * no pick where the lines differ in anything else).
 */
import { INSTRUMENT_SECTIONS, MetricType, Perspective, type Lever, type MetricT } from '../schema.js';
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
 * Lines by what they say before what they name: lever, component, the smaller rate or weight, the
 * text (a criterion's or award's text, a key result's target, a pay line's description), and only then the ids (instrument, metric, segment, teams). A rule that picks "the first"
 * line to point at picks the same line when every id is renamed, wherever the lines differ in
 * anything but their ids. Two lines that compare equal say the same thing.
 */
export function compareRewards(a: IncentiveLine, b: IncentiveLine): number {
  return (
    INSTRUMENT_SECTIONS.indexOf(a.instrument.lever) - INSTRUMENT_SECTIONS.indexOf(b.instrument.lever) ||
    COMPONENT_ORDER.indexOf(a.component) - COMPONENT_ORDER.indexOf(b.component) ||
    (a.rate ?? -1) - (b.rate ?? -1) ||
    (a.weight ?? -1) - (b.weight ?? -1) ||
    compareOptional(textOf(a), textOf(b)) ||
    compareIds(a.instrument.id, b.instrument.id) ||
    compareOptional(a.metric, b.metric) ||
    compareOptional(a.segment, b.segment) ||
    compareIds(a.teams.join(','), b.teams.join(',')) ||
    compareIds(a.sharedWith.join(','), b.sharedWith.join(','))
  );
}

/**
 * Metrics by what they declare before their ids: type in the format's order (outcome, output,
 * activity, quality, speed, behavior), then perspective, then segmented. Renaming them changes no
 * pick between metrics that differ in anything else.
 */
export function compareMetrics(a: MetricT, b: MetricT): number {
  const rank = (options: readonly string[], value: string | undefined) => (value === undefined ? -1 : options.indexOf(value));
  return (
    rank(MetricType.options, a.type) - rank(MetricType.options, b.type) ||
    rank(Perspective.options, a.perspective) - rank(Perspective.options, b.perspective) ||
    Number(a.segmented === true) - Number(b.segmented === true) ||
    compareIds(a.id, b.id)
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
  if (reward.component === 'criterion' || reward.component === 'award') return reward.node.text;
  // Key results of one set differ in their targets far more often than in anything else they say.
  if (reward.component === 'key_result' && reward.node.target !== undefined) return String(reward.node.target);
  // Two pay lines of one weight differ, if at all, in what the policy says of them.
  return 'description' in reward.node && typeof reward.node.description === 'string' ? reward.node.description : undefined;
}
