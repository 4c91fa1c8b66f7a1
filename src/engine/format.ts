/** Small wording helpers for rule messages, so that every rule writes numbers and lists alike. */
import { sortedIds } from './order.js';
import { roundRate, roundToSteps, type Rounding } from './rounding.js';

/** 0.08 → "8%", 0.125 → "12.5%". */
/**
 * 0.0825 → "8.25%", to two decimals of a percent. A bound in a fix rounds toward what satisfies it
 * ('up' for "at least", 'down' for "at most"), so that following the fix silences the finding.
 */
export function formatShare(value: number, round: Rounding = 'nearest'): string {
  return `${roundToSteps(value, 10000, round) / 100}%`;
}

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** 12345.6 → "12,346". */
export function formatMoney(value: number): string {
  const rounded = Math.round(value);
  // The same text as toLocaleString('en-US'), whose first call costs about 10 ms of ICU set-up at start.
  if (!Number.isFinite(rounded) || Math.abs(rounded) >= 1e21 || Object.is(rounded, -0)) return rounded.toLocaleString('en-US');
  return String(rounded).replace(THOUSANDS, ',');
}

/**
 * ["c", "a", "b", "a"] → "a, b or c" (or "and"): distinct and alphabetical, so that a message never
 * depends on the order the ids are declared in.
 */
export function listIds(ids: Iterable<string>, conjunction: 'or' | 'and' = 'or'): string {
  return listInOrder(sortedIds(ids), conjunction);
}

/**
 * Metric ids, then segment ids, each alphabetically: "new-arr and enterprise", as a reward line names
 * its metric before its segment.
 */
export function listMetricsAndSegments(metrics: Iterable<string>, segments: Iterable<string>, conjunction: 'or' | 'and' = 'or'): string {
  return listInOrder([...sortedIds(metrics), ...sortedIds(segments)], conjunction);
}

/** ["no plan", "no OKR set"] → "no plan and no OKR set": for phrases that already follow a fixed order (levers, perspectives). */
export function listInOrder(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

const LEVER_NOUN = { compensation: 'plan', okrs: 'OKR set', promotions: 'promotion ladder', recognition: 'recognition program' } as const;

/** { lever: 'okrs', id: 'eng-q3' } → "OKR set eng-q3" ("Plan ae-2026" at the start of a sentence). */
export function describeInstrument(instrument: { lever: keyof typeof LEVER_NOUN; id: string }, { sentenceStart = false } = {}): string {
  const noun = LEVER_NOUN[instrument.lever];
  return `${sentenceStart ? noun[0]!.toUpperCase() + noun.slice(1) : noun} ${instrument.id}`;
}

/** A reward line as a person would write it in the policy: { metric: net-retention, rate: "8%" }. */
export function formatRewardLine(line: { text?: string; metric?: string; segment?: string; rate?: number; weight?: number }): string {
  const fields = [
    line.text !== undefined && `text: ${/^[\w][\w .()/-]*$/.test(line.text) ? line.text : JSON.stringify(line.text)}`,
    line.metric !== undefined && `metric: ${line.metric}`,
    line.segment !== undefined && `segment: ${line.segment}`,
    line.rate !== undefined && `rate: "${formatShare(line.rate)}"`,
    line.weight !== undefined && `weight: ${roundRate(line.weight)}`,
  ].filter(Boolean);
  return `{ ${fields.join(', ')} }`;
}

/**
 * The fix that adds a shared bonus component to a plan, with how the other weights make room:
 * "add - { metric: m, weight: 0.15, shared_with: [b] } to the bonus of plan p, lowering …".
 */
export function addSharedComponent(plan: { id: string; hasCommission: boolean }, metric: string, partner: string, weight: number): string {
  const line = `- { metric: ${metric}, weight: ${weight}, shared_with: [${partner}] }`;
  const room = plan.hasCommission ? ' (commission takes the rest)' : `, lowering its other weights by ${formatShare(weight)} in total`;
  return `add ${line} to the bonus of plan ${plan.id}${room}`;
}
