import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const ALIGNMENT_RULES = new Set([
  'pay-old-priority',
  'effort-adjusted-pay',
  'promotion-old-behavior',
  'incentive-after-announcement',
  'uncovered-priority',
  'segment-blind-metric',
  'missing-rationale',
]);

/** The findings of these rules on one example, as "rule  instrument (or path, outside instruments)". */
async function alignmentFindings(example: string): Promise<string[]> {
  const { findings, diagnostics } = await lint([`examples/${example}`], { cwd: ROOT, today: '2026-11-23' });
  expect(diagnostics).toEqual([]);
  return findings
    .filter((finding) => ALIGNMENT_RULES.has(finding.rule))
    .map((finding) => `${finding.rule}  ${finding.instrument ?? finding.path.join('.')}`);
}

describe('alignment rules on the examples', () => {
  it('are silent on examples/aligned.yaml', async () => {
    expect(await alignmentFindings('aligned.yaml')).toEqual([]);
  });

  // The same 8% on both segments is flat-commission's finding alone (its fix asks more than effort-adjusted-pay's would).
  it('report the seed 000 traps of examples/enterprise-first.yaml', async () => {
    expect((await alignmentFindings('enterprise-first.yaml')).sort()).toEqual(
      [
        'incentive-after-announcement  product-2026-q3', // enterprise OKRs only from July
        'missing-rationale  all-hands-awards',
        'pay-old-priority  cs-2026', // customer-count bonus
        'pay-old-priority  cs-2026', // accounts-per-csm, declared a proxy for customer-count: a reward on the proxy is a reward on it
        'promotion-old-behavior  eng-ladder', // solo-delivery
        'promotion-old-behavior  eng-ladder', // velocity
        'promotion-old-behavior  promotions', // cross-team-impact is in no criterion
        'segment-blind-metric  cs-2026', // csat, customer-count and accounts-per-csm: one finding per plan
        'segment-blind-metric  marketing-2026', // mqls and mql-to-sql-rate
        'uncovered-priority  strategy.priorities.2.id', // cross-functional
      ].sort(),
    );
  });
});
