import { describe, expect, it } from 'vitest';
import { findingsOf, lineOf, lintText, policyWith, salesPlan } from '../helpers.js';

describe('duplicate-id', () => {
  it('fires on the second declaration, across sections of one kind', async () => {
    const text = policyWith(`compensation:
  - { id: sales-2026, team: sales }
okrs:
  - { id: sales-2026, team: sales }
`);
    expect(findingsOf(await lintText(text), 'duplicate-id')).toEqual([
      {
        line: lineOf(text, 'sales-2026', 2),
        column: 11,
        severity: 'error',
        message: 'The instrument id "sales-2026" is declared more than once.',
        fix: 'rename this instrument (for example sales-2026-2) or remove the duplicate',
      },
    ]);
  });

  it('stays silent when ids repeat only across kinds (a priority and a metric may share a name)', async () => {
    const text = policyWith().replace('- id: enterprise-growth', '- id: enterprise-arr');
    expect(findingsOf(await lintText(text), 'duplicate-id')).toEqual([]);
  });
});

describe('weights-sum', () => {
  const plan = (weights: number[], commission: boolean) =>
    policyWith(`compensation:
  - id: cs-2026
    team: sales
${commission ? '    commission:\n      - { metric: enterprise-arr, segment: enterprise, rate: "10%" }\n' : ''}    bonus:
${weights.map((w, i) => `      - { metric: ${['enterprise-arr', 'defect-rate', 'new-arr'][i]}, weight: ${w} }`).join('\n')}
`);

  it('accepts 0.4 + 0.3 + 0.3 as 1 (floating point) in a plan without commission', async () => {
    expect(findingsOf(await lintText(plan([0.4, 0.3, 0.3], false)), 'weights-sum')).toEqual([]);
  });

  it('fires when weights of a plan without commission do not add up to 1', async () => {
    const text = plan([0.5, 0.3], false);
    expect(findingsOf(await lintText(text), 'weights-sum')).toEqual([
      {
        line: lineOf(text, 'bonus:'),
        column: 5,
        severity: 'error',
        message: 'Bonus weights of plan cs-2026 add up to 80%; with no commission they must add up to 100% of variable pay.',
        fix: 'add 20% to the weights (or a component for it)',
      },
    ]);
  });

  it('allows less than 1 beside commission, and fires above 1', async () => {
    expect(findingsOf(await lintText(plan([0.2], true)), 'weights-sum')).toEqual([]);
    expect(findingsOf(await lintText(plan([1], true)), 'weights-sum')).toEqual([]);
    expect(findingsOf(await lintText(plan([0.7, 0.4], true)), 'weights-sum').map((f) => f.fix)).toEqual([
      'lower the weights by 10% in total, so that they add up to at most 100% and commission takes the rest',
    ]);
  });
});

describe('a duplicate instrument id', () => {
  it('is reported once by duplicate-id and does not pool the two instruments\' lines (no weights-sum cascade)', async () => {
    const text = policyWith(`compensation:
  - id: finance-2026
    team: sales
    bonus:
      - { metric: enterprise-arr, weight: 0.5 }
      - { metric: defect-rate, weight: 0.5 }
  - id: finance-2026
    team: sales
    bonus:
      - { metric: enterprise-arr, weight: 1 }
`);
    const result = await lintText(text);
    expect(findingsOf(result, 'weights-sum')).toEqual([]);
    expect(findingsOf(result, 'duplicate-id').map((f) => f.line)).toEqual([lineOf(text, 'id: finance-2026', 2)]);
  });
});

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
`).replace('{ id: sales, kind: revenue, customer_facing: true }', '{ id: sales, kind: revenue, customer_facing: true, hands_off_to: [engineering] }');

  it('a waiver naming the team silences individual-only on that team, and is no unknown reference', async () => {
    const unwaived = await lintText(text('engineering'));
    expect(findingsOf(unwaived, 'individual-only')).toHaveLength(1);
    const waived = await lintText(text('sales'));
    expect(findingsOf(waived, 'individual-only')).toEqual([]);
    expect(findingsOf(waived, 'unknown-reference')).toEqual([]);
    expect(waived.waived.map((w) => [w.finding.rule, w.waiver.target])).toEqual([['individual-only', 'sales']]);
  });
});
