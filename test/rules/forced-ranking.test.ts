import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

const RULE = 'forced-ranking';

const STACK = (favor: string, ranked: string) => `version: 1
strategy:
  priorities:
    - { id: innovate-together, favor: { metrics: [${favor}] } }
teams:
  - { id: engineering, kind: non-revenue }
metrics:
  - { id: peer-relative-rank, type: behavior }
  - { id: cross-team-collaboration, type: behavior }
  - { id: shipped-product-success, type: outcome }
compensation:
  - id: annual-review-reward
    team: engineering
    bonus:
      - { metric: peer-relative-rank, weight: 1, ranked: ${ranked} }
`;

describe('forced-ranking', () => {
  it('fires on a forced distribution among teammates with a bottom share under a strategy that favors how people work (Microsoft stack ranking)', () =>
    testRule(RULE, {
      invalid: [
        {
          text: STACK(
            'cross-team-collaboration, shipped-product-success',
            '{ within: team, top: "20%", bottom: "10%", bottom_outcome: exit }',
          ),
          errors: [
            {
              line: 15,
              column: 50,
              message:
                'Plan annual-review-reward ranks the people of engineering against each other and puts 10% of them at the bottom, to be managed out, whatever their results, ' +
                'while the strategy favors how people work (cross-team-collaboration): helping a teammate lowers your own place.',
              fix: 'rate each person against the standard, not against teammates (remove ranked, or rank within: company without a fixed bottom share), and pay part of it on what engineering achieves together',
            },
          ],
        },
      ],
    }));

  it('stays silent with no bottom share, a ranking across the company, or no sign that teammates must work together', () =>
    testRule(RULE, {
      valid: [
        STACK('cross-team-collaboration', '{ within: team, top: "20%" }'),
        STACK('cross-team-collaboration', '{ within: company, top: "10%", bottom: "10%" }'),
        STACK('shipped-product-success', '{ within: team, top: "20%", bottom: "10%", bottom_outcome: exit }'),
      ],
    }));
});
