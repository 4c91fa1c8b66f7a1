/**
 * What guards a count (an activity or output metric) inside one instrument: a quality measure, a
 * guardrail key result, or a clawback that takes back what gaming earned. Shared by gameable-target,
 * which reports an unguarded count, and vanity-metric, which leaves such a count to it.
 */
import type { IncentiveLine, InstrumentInfo, MetricT, PolicyIndex } from '../../src/api.js';

/** A count of things done or produced: the numbers people can raise without the business gaining. */
const COUNT_TYPES: ReadonlySet<string> = new Set(['activity', 'output']);

/** Clawback triggers that take back pay earned by gaming a count. */
const GAMING_TRIGGERS: ReadonlySet<string> = new Set(['misconduct', 'refund']);

export function isCount(metric: MetricT | undefined): metric is MetricT {
  return metric !== undefined && !metric.vanity && COUNT_TYPES.has(metric.type ?? '');
}

/** A plan's clawback that takes back what misconduct or refunds earned (or names no trigger, so takes back anything). */
export function clawbackGuardsGaming(instrument: InstrumentInfo): boolean {
  if (instrument.lever !== 'compensation') return false;
  const clawback = instrument.node.clawback;
  return clawback !== undefined && (!clawback.triggers?.length || clawback.triggers.some((trigger) => GAMING_TRIGGERS.has(trigger)));
}

/** A line on a quality metric. */
export function isQualityLine(index: PolicyIndex, line: IncentiveLine): boolean {
  return line.metric !== undefined && index.metrics.get(line.metric)?.type === 'quality';
}

/** A key result marked guardrail, or one on a quality metric. */
export function isGuardrail(index: PolicyIndex, line: IncentiveLine): boolean {
  return (line.component === 'key_result' && line.node.guardrail === true) || isQualityLine(index, line);
}

/** Whether an instrument has any guard at all, whatever its weight: a quality line, a guardrail or a clawback. */
export function hasAnyGuard(index: PolicyIndex, instrument: InstrumentInfo): boolean {
  if (instrument.lever === 'compensation' && instrument.node.clawback !== undefined) return true;
  return index.rewardsOf(instrument).some((line) => isGuardrail(index, line));
}
