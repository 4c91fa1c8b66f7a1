/** Small wording helpers for rule messages, so that every rule writes numbers and lists alike. */

/** 0.08 → "8%", 0.125 → "12.5%". */
export function formatShare(value: number): string {
  return `${Math.round(value * 10000) / 100}%`;
}

/** 12345.6 → "12,346". */
export function formatMoney(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** ["a", "b", "c"] → "a, b or c" (or "and"). */
export function listIds(ids: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (ids.length <= 1) return ids[0] ?? '';
  return `${ids.slice(0, -1).join(', ')} ${conjunction} ${ids[ids.length - 1]}`;
}

const INSTRUMENT_NOUNS = { compensation: 'Plan', okrs: 'OKR set', promotions: 'Promotion ladder', recognition: 'Recognition program' } as const;

/** An instrument as a sentence names it: "Plan ae-2026", "OKR set eng-q3". */
export function instrumentName(instrument: { lever: keyof typeof INSTRUMENT_NOUNS; id: string }): string {
  return `${INSTRUMENT_NOUNS[instrument.lever]} ${instrument.id}`;
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
