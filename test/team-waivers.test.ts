/** A waiver may name a team for findings about the team; that target is no unknown reference. */
import { describe, expect, it } from 'vitest';
import { findingsOf, lintText, policyWith } from './helpers.js';

describe('waivers of findings about a team', () => {
  const text = (target: string) =>
    policyWith(`compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    bonus:
      - { metric: enterprise-arr, weight: 1 }
waivers:
  - { rule: individual-only, target: ${target}, reason: Shared component comes in Q3, approved_by: CRO, expires: 2026-09-30 }
`).replace(
      '{ id: sales, kind: revenue, customer_facing: true }',
      '{ id: sales, kind: non-revenue, customer_facing: true, hands_off_to: [engineering] }',
    );

  it('a waiver naming the team silences individual-only on that team, and is no unknown reference', async () => {
    const unwaived = await lintText(text('engineering'));
    expect(findingsOf(unwaived, 'individual-only')).toHaveLength(1);
    const waived = await lintText(text('sales'));
    expect(findingsOf(waived, 'individual-only')).toEqual([]);
    expect(findingsOf(waived, 'unknown-reference')).toEqual([]);
    expect(waived.waived.map((w) => [w.finding.rule, w.waiver.target])).toEqual([['individual-only', 'sales']]);
  });
});
