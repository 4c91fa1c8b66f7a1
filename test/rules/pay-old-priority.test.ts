import { describe, it } from 'vitest';
import { policyText, remove, set, testRule } from '../../src/testing/index.js';
import { quotaPlan } from './fragments.js';

const RULE = 'pay-old-priority';
const EXPENSE = 'which priority enterprise-growth deprioritizes: the team is paid to keep doing what the strategy wants less of.';
const VELOCITY_BONUS = `compensation:
  - id: eng-2026
    bonus:
      - { metric: velocity, weight: 1 }
`;

const PAYS_VELOCITY = `compensation:
  - id: eng-2026
    team: engineering
    bonus:
      - { metric: velocity, weight: 0.4 }
      - { metric: enterprise-arr, weight: 0.6 }
  - id: ae-2026
    team: sales
    commission:
      - { metric: velocity, segment: enterprise, rate: "2%" }
      - { metric: velocity, segment: smb, rate: "1%" }
`;

describe('pay-old-priority', () => {
  it('fires on a bonus component and a commission line paying on a deprioritized metric', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: PAYS_VELOCITY,
          errors: [
            {
              at: 'compensation.0.bonus.0',
              message: `Plan eng-2026 pays a bonus component worth 40% of variable pay on velocity, ${EXPENSE}`,
              // The plan already pays a bonus on enterprise-arr: a second component on it would be a duplicate.
              fix: 'remove the bonus component on velocity and move its weight to the bonus component on enterprise-arr the plan already has',
              editSafety: 'none',
            },
            {
              at: 'compensation.1.commission.0',
              message: `Plan ae-2026 pays 2% commission on velocity, ${EXPENSE}`,
              fix: 'pay it on what enterprise-growth favors instead: { metric: enterprise-arr, segment: enterprise, rate: "2%" }',
              editSafety: 'suggestion',
            },
            {
              at: 'compensation.1.commission.1',
              message: `Plan ae-2026 pays 1% commission on velocity, ${EXPENSE}`,
              // The deprioritized segment is not carried into the suggestion.
              fix: 'pay it on what enterprise-growth favors instead: { metric: enterprise-arr, rate: "1%" }',
              // An edit cannot drop the segment key, so this line's fix stays words.
              editSafety: 'none',
            },
          ],
          // Only the enterprise line's metric changes.
          output: policyText({ policy: PAYS_VELOCITY }).replace(
            '{ metric: velocity, segment: enterprise',
            '{ metric: enterprise-arr, segment: enterprise',
          ),
        },
      ],
    }));

  it('asks to remove the line when the priority favors no metric to pay instead', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: VELOCITY_BONUS,
          edits: [remove('strategy.priorities.0.favor.metrics')],
          errors: [
            {
              at: 'compensation.0.bonus.0',
              message: `Plan eng-2026 pays a bonus component worth 100% of variable pay on velocity, ${EXPENSE}`,
              fix: 'remove the bonus component on velocity, or give priority enterprise-growth a favored metric to pay on instead',
            },
          ],
        },
      ],
    }));

  it('stays silent on favored or neutral metrics, on key results and awards, and on a metric another priority favors', () =>
    testRule(RULE, {
      valid: [
        `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "16%" }
    bonus:
      - { metric: enterprise-arr, weight: 0.5 }
okrs:
  - id: eng-q3
    key_results:
      - { metric: velocity, target: "+20%" }
recognition:
  - id: awards
    awards:
      - { text: Fastest team, metric: velocity }
`,
        {
          name: 'contested',
          policy: VELOCITY_BONUS,
          edits: [set('strategy.priorities.1', { id: 'speed', favor: { metrics: ['velocity'] } })],
        },
      ],
    }));

  it('follows proxy chains: a line on a declared proxy of a deprioritized metric pays for that metric', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `metrics:
  - { id: tickets-closed, type: output, proxy_for: [story-points] }
  - { id: story-points, type: output, proxy_for: [velocity] }
compensation:
  - id: eng-2026
    team: engineering
    bonus: [{ metric: tickets-closed, weight: 0.5 }, { metric: enterprise-arr, weight: 0.5 }]
`,
          errors: [
            {
              at: 'compensation.0.bonus.0',
              message: `Plan eng-2026 pays a bonus component worth 50% of variable pay on tickets-closed, declared a proxy for velocity, ${EXPENSE}`,
              fix: 'remove the bonus component on tickets-closed and move its weight to the bonus component on enterprise-arr the plan already has',
            },
          ],
        },
      ],
    }));

  it('names the quota when the favored metric is paid through one', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: quotaPlan('enterprise-arr', '[{ metric: enterprise-arr }, { metric: velocity, rate: "1%" }]'),
          errors: [
            {
              at: 'compensation.0.commission.1',
              message:
                'Plan ae-2026 pays 1% commission on velocity, which priority enterprise-growth deprioritizes: the team is paid to keep doing what the strategy wants less of.',
              fix: 'remove the commission line on velocity and move its rate to the quota on enterprise-arr the plan already has',
            },
          ],
        },
      ],
    }));
});
