import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

const RULE = 'missing-rationale';

describe('missing-rationale', () => {
  it('fires on instruments with no rationale or a blank one, naming what they reward', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "16%" }
okrs:
  - id: eng-q3
    rationale: "   "
    key_results: []
promotions:
  - id: eng-ladder
    rationale: Promotions reward enterprise impact.
    criteria: []
`,
          errors: [
            {
              at: 'compensation.0.id',
              message: 'Plan ae-2026 has no rationale: the people it rewards are not told why it rewards what it does.',
              fix: 'add rationale: with a sentence or two, in words the team will read, on why ae-2026 rewards new-arr and enterprise and how that serves the strategy',
            },
            {
              at: 'okrs.0.id',
              message: 'OKR set eng-q3 has no rationale: the people it rewards are not told why it rewards what it does.',
              fix: 'add rationale: with a sentence or two, in words the team will read, on what eng-q3 rewards and why',
            },
          ],
        },
      ],
    }));

  it('stays silent when every instrument explains itself', () =>
    testRule(RULE, {
      valid: [
        `recognition:
  - id: awards
    rationale: We celebrate enterprise wins.
    awards:
      - { text: First enterprise logo, segment: enterprise }
`,
      ],
    }));

  it('takes an OKR objective that says why as the rationale; one that restates its target is named in the message', () =>
    testRule(RULE, {
      valid: [
        `okrs:
  - id: marketing-q4
    objective: Build the lead generation engine that will support 4-5x ARR growth in 2020
    key_results: [{ metric: new-arr, target: 3x }]
  - id: sales-q4
    objective: Reach $N net new ARR by fully onboarding 2 new AEs
    key_results: [{ metric: new-arr, target: $N }]
`,
      ],
      invalid: [
        {
          policy: `okrs:
  - id: daily-goals
    objective: Meet the daily sales goal
    key_results: [{ metric: new-arr, target: 8 per day }]
  - id: growth
    objective: Grow new ARR by 20%
    key_results: [{ metric: new-arr, target: +20% }]
`,
          errors: [
            {
              at: 'okrs.0.id',
              message:
                'OKR set daily-goals has no rationale, and its objective ("Meet the daily sales goal") says what to reach, not why: the people it measures are not told what it is for.',
              fix: 'add rationale: with a sentence or two, in words the team will read, on why daily-goals rewards new-arr and how that serves the strategy',
            },
            {
              at: 'okrs.1.id',
              message:
                'OKR set growth has no rationale, and its objective ("Grow new ARR by 20%") says what to reach, not why: the people it measures are not told what it is for.',
              fix: 'add rationale: with a sentence or two, in words the team will read, on why growth rewards new-arr and how that serves the strategy',
            },
          ],
        },
      ],
    }));
});
