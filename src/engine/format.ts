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
