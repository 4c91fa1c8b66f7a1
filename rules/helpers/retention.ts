/** What counts as a metric about keeping customers, for the rules about retention. */
import type { PolicyIndex } from '../../src/api.js';

/** A metric about keeping customers: its id or name says retention or churn, or it is a customer outcome. */
export function isRetentionMetric(index: PolicyIndex, id: string | undefined): boolean {
  if (id === undefined) return false;
  const metric = index.metrics.get(id);
  const words = `${id} ${metric?.name ?? ''}`.toLowerCase();
  if (words.includes('retention') || words.includes('churn')) return true;
  return metric?.type === 'outcome' && metric.perspective === 'customer';
}
