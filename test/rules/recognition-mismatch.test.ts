import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'recognition-mismatch';
const NOTHING_FAVORED = {
  message:
    'No award celebrates anything the strategy favors (enterprise-arr or enterprise): recognition is the social proof of what actually gets rewarded.',
  fix: 'add an award for enterprise, such as { text: First enterprise win of the quarter, segment: enterprise }',
};

/** A count of deals, which no priority names: a leaderboard of it is applause for volume. */
const VOLUME = `metrics:
  - { id: deals-closed, type: output }
`;

const awards = (...lines: string[]) => `recognition:
  - id: awards
    awards:
${lines.map((line) => `      - ${line}`).join('\n')}
`;

describe('recognition-mismatch', () => {
  it('fires on an award for a deprioritized segment, and on the section when nothing favored is celebrated', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `recognition:
  - id: all-hands-awards
    effective: 2026-01-01
    awards:
      - { text: Top closer of the quarter, metric: new-arr, segment: smb, teams: [sales] }
`,
          errors: [
            { at: 'recognition', ...NOTHING_FAVORED },
            {
              at: 'recognition.0.awards.0',
              message:
                'Award "Top closer of the quarter" in all-hands-awards celebrates the deprioritized segment smb: everyone watching learns that the old strategy still wins applause.',
              fix: 'celebrate enterprise instead (what the strategy favors)',
            },
          ],
        },
      ],
    }));

  it('fires on a deprioritized metric even when the segment is favored', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: awards('{ text: First enterprise deal, segment: enterprise }', '{ text: Fastest team, metric: velocity }'),
          errors: [
            {
              at: 'recognition.0.awards.1',
              message:
                'Award "Fastest team" in awards celebrates the deprioritized metric velocity: everyone watching learns that the old strategy still wins applause.',
              fix: 'celebrate enterprise-arr instead (what the strategy favors)',
            },
          ],
        },
      ],
    }));

  it('stays silent when the policy has no recognition program at all (a lever left out, as promotions may be)', () =>
    testRule(RULE, { valid: [{}] }));

  it('reports on the recognition section when its awards celebrate volume and nothing the strategy favors', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: VOLUME + awards('{ text: Most deals closed, metric: deals-closed }'),
          errors: [{ at: 'recognition', ...NOTHING_FAVORED }],
        },
      ],
    }));

  it('stays silent when awards celebrate quality or conduct the strategy does not name: the levers that pay carry the priorities', () =>
    testRule(RULE, { valid: [{ policy: awards('{ text: Zero-defect release, metric: defect-rate }') }] }));

  it('stays silent when no award names a metric or segment: a contest whose measure changes every month cannot be judged', () =>
    testRule(RULE, {
      valid: [
        { policy: awards('{ text: Monthly team contest (the measure changes every month) }', '{ text: Customer hero of the quarter }') },
      ],
    }));

  it('stays silent when awards celebrate favored wins only', () =>
    testRule(RULE, {
      valid: [
        awards(
          '{ text: First enterprise deal closed, metric: enterprise-arr, segment: enterprise }',
          '{ text: Zero-defect release, metric: defect-rate }',
        ),
      ],
    }));
});

describe('recognition-mismatch, contested ids', () => {
  it('names only what the strategy favors without contest: a contested segment is neither', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: VOLUME + awards('{ text: Most mid-market deals of the quarter, metric: deals-closed, segment: mid-market }'),
          edits: [
            set('segments.2', { id: 'mid-market' }),
            set('strategy.priorities.0.favor.segments', ['enterprise', 'mid-market']),
            set('strategy.priorities.1', {
              id: 'focus',
              statement: 'Focus',
              favor: { metrics: ['enterprise-arr'] },
              deprioritize: { segments: ['mid-market'] },
            }),
          ],
          errors: [{ at: 'recognition', ...NOTHING_FAVORED }],
        },
      ],
    }));

  it('counts an award on a declared proxy of a favored metric as celebrating it (a contest on pipeline built for enterprise revenue)', () =>
    testRule(RULE, {
      valid: [
        {
          policy: `metrics:
  - { id: enterprise-pipeline, type: output, proxy_for: [enterprise-arr] }
recognition:
  - id: contests
    awards: [{ text: Most enterprise pipeline, metric: enterprise-pipeline }]
`,
        },
      ],
    }));
});
