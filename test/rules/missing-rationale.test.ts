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
});
