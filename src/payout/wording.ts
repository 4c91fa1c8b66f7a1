/** How rule messages name the pieces of a quota plan, so that every rule writes them alike. */
import { formatMoney, formatShare } from '../engine/format.js';
import type { SpiffT } from '../schema.js';

/** "the SPIFF smb-q2-blitz (500 per deal on smb, 2026-04-01 to 2026-06-30)", or "a kicker (2% of bookings on smb)" without an id. */
export function describeSpiff(spiff: SpiffT): string {
  const kind = spiff.kind === 'kicker' ? 'kicker' : 'SPIFF';
  const name = spiff.id ? `the ${kind} ${spiff.id}` : `a ${kind}`;
  const pays =
    spiff.per === 'once'
      ? `${formatMoney(spiff.amount ?? 0)} once${spiff.at !== undefined ? ` at ${formatShare(spiff.at)} of quota` : ''}`
      : spiff.rate !== undefined
        ? `${formatShare(spiff.rate)} of bookings`
        : `${formatMoney(spiff.amount ?? 0)} per deal`;
  const on = [spiff.metric, spiff.segment].filter(Boolean).join(' in ');
  const dates = spiff.start || spiff.end ? `, ${spiff.start ?? '…'} to ${spiff.end ?? '…'}` : '';
  return `${name} (${pays}${on ? ` on ${on}` : ''}${dates})`;
}

/** What a SPIFF, kicker or credit multiplier is paid on that the strategy deprioritizes, such as "segment smb". */
export function deprioritizedTarget(
  index: { isDeprioritizedSegment(id?: string): boolean; isDeprioritizedMetric(id?: string): boolean },
  entry: { metric?: string; segment?: string },
): string | undefined {
  const parts = [
    index.isDeprioritizedMetric(entry.metric) && `metric ${entry.metric}`,
    index.isDeprioritizedSegment(entry.segment) && `segment ${entry.segment}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}
