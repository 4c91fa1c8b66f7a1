import { describe, expect, it } from 'vitest';
import { findingsOf, lineOf, lintText, policyWith } from '../helpers.js';

describe('recognition-mismatch', () => {
  it('fires on an award for a deprioritized segment, and on the section when nothing favored is celebrated', async () => {
    const text = policyWith(`recognition:
  - id: all-hands-awards
    effective: 2026-01-01
    awards:
      - { text: Top closer of the quarter, metric: new-arr, segment: smb, teams: [sales] }
`);
    expect(findingsOf(await lintText(text), 'recognition-mismatch')).toEqual([
      {
        line: lineOf(text, 'recognition:'),
        column: 1,
        severity: 'error',
        message:
          'No award celebrates anything the strategy favors (enterprise-arr or enterprise): recognition is the social proof of what actually gets rewarded.',
        fix: 'add an award for enterprise, such as { text: First enterprise win of the quarter, segment: enterprise }',
      },
      {
        line: lineOf(text, 'Top closer'),
        column: 9,
        severity: 'error',
        message:
          'Award "Top closer of the quarter" in all-hands-awards celebrates the deprioritized segment smb: everyone watching learns that the old strategy still wins applause.',
        fix: 'celebrate enterprise instead (what the strategy favors)',
      },
    ]);
  });

  it('fires on a deprioritized metric even when the segment is favored', async () => {
    const text = policyWith(`recognition:
  - id: awards
    awards:
      - { text: First enterprise deal, segment: enterprise }
      - { text: Fastest team, metric: velocity }
`);
    expect(findingsOf(await lintText(text), 'recognition-mismatch').map((f) => [f.line, f.message])).toEqual([
      [lineOf(text, 'Fastest team'), 'Award "Fastest team" in awards celebrates the deprioritized metric velocity: everyone watching learns that the old strategy still wins applause.'],
    ]);
  });

  it('stays silent when the policy has no recognition program at all (a lever left out, as promotions may be)', async () => {
    expect(findingsOf(await lintText(policyWith()), 'recognition-mismatch')).toEqual([]);
  });

  it('reports on the recognition section when its awards celebrate nothing the strategy favors', async () => {
    const text = policyWith(`recognition:
  - id: awards
    awards:
      - { text: Zero-defect release, metric: defect-rate }
`);
    expect(findingsOf(await lintText(text), 'recognition-mismatch').map((f) => [f.line, f.column, f.message])).toEqual([
      [lineOf(text, 'recognition:'), 1, 'No award celebrates anything the strategy favors (enterprise-arr or enterprise): recognition is the social proof of what actually gets rewarded.'],
    ]);
  });

  it('stays silent when awards celebrate favored wins only', async () => {
    const text = policyWith(`recognition:
  - id: awards
    awards:
      - { text: First enterprise deal closed, metric: enterprise-arr, segment: enterprise }
      - { text: Zero-defect release, metric: defect-rate }
`);
    expect(findingsOf(await lintText(text), 'recognition-mismatch')).toEqual([]);
  });
});

describe('recognition-mismatch, contested ids', () => {
  it('names only what the strategy favors without contest: a contested segment is neither', async () => {
    const contested = policyWith(`recognition:
  - id: awards
    awards:
      - { text: Mid-market win of the quarter, segment: mid-market }
`)
      .replace('favor: { segments: [enterprise], metrics: [enterprise-arr] }', 'favor: { segments: [enterprise, mid-market], metrics: [enterprise-arr] }')
      .replace('deprioritize: { segments: [smb], metrics: [velocity] }', 'deprioritize: { segments: [smb], metrics: [velocity] }\n    - id: focus\n      statement: Focus\n      favor: { metrics: [enterprise-arr] }\n      deprioritize: { segments: [mid-market] }')
      .replace('segments:\n', 'segments:\n  - { id: mid-market }\n');
    expect(findingsOf(await lintText(contested), 'recognition-mismatch').map((f) => f.message)).toEqual([
      'No award celebrates anything the strategy favors (enterprise-arr or enterprise): recognition is the social proof of what actually gets rewarded.',
    ]);
  });
});
