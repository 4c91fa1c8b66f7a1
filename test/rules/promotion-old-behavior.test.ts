import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'promotion-old-behavior';

/** One priority about behaviors, replacing the base policy's, and the behavior metrics it names. */
const BEHAVIORS = `strategy:
  priorities:
    - id: cross-functional
      favor: { metrics: [cross-team-impact, mentoring, uptime], segments: [enterprise] }
      deprioritize: { metrics: [solo-delivery], segments: [smb] }
metrics:
  - { id: cross-team-impact, name: "Cross-team impact: enables others", type: behavior }
  - { id: mentoring, type: behavior }
  - { id: solo-delivery, type: behavior }
  - { id: uptime, type: quality }
`;

describe('promotion-old-behavior', () => {
  it('fires on criteria with a deprioritized metric or segment, and on the section when a favored behavior is in no criterion', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `${BEHAVIORS}promotions:
  - id: eng-ladder
    team: engineering
    criteria:
      - { text: Delivers functional goals independently, metric: solo-delivery }
      - { text: Wins SMB logos, segment: smb }
      - { text: Keeps the lights on, metric: uptime }
  - id: staff-ladder
    criteria:
      - { text: Mentors engineers, metric: mentoring }
`,
          errors: [
            {
              at: 'promotions',
              message:
                'No promotion criterion names cross-team-impact, a behavior priority cross-functional favors: work nobody is promoted for stays invisible and unrewarded.',
              fix: 'add { text: "Cross-team impact: enables others", metric: cross-team-impact } to the criteria of eng-ladder and staff-ladder',
            },
            {
              at: 'promotions.0.criteria.0',
              message:
                'Promotion ladder eng-ladder promotes on "Delivers functional goals independently", which measures the deprioritized metric solo-delivery: people get promoted for the behavior the strategy wants less of.',
              fix: 'base this criterion on cross-team-impact, mentoring or uptime instead (what the strategy favors)',
            },
            {
              at: 'promotions.0.criteria.1',
              message:
                'Promotion ladder eng-ladder promotes on "Wins SMB logos", which measures the deprioritized segment smb: people get promoted for the behavior the strategy wants less of.',
              fix: 'base this criterion on enterprise instead (what the strategy favors)',
            },
          ],
        },
      ],
    }));

  it('stays silent when every favored behavior is a criterion, whatever the non-behavior metrics', () =>
    testRule(RULE, {
      valid: [
        `${BEHAVIORS}promotions:
  - id: eng-ladder
    criteria:
      - { text: Enables other teams, metric: cross-team-impact, segment: enterprise }
      - { text: Mentors engineers, metric: mentoring }
      - { text: Owns a component end to end }
`,
      ],
    }));

  it('stays silent about missing behaviors when the policy has no promotion ladder', () => testRule(RULE, { valid: [BEHAVIORS] }));

  it('stays silent on a behavior that one priority favors and another deprioritizes', () =>
    testRule(RULE, {
      valid: [
        {
          policy: `${BEHAVIORS}promotions:
  - id: eng-ladder
    criteria:
      - { text: Mentors engineers, metric: mentoring }
`,
          edits: [set('strategy.priorities.0.deprioritize.metrics', ['solo-delivery', 'mentoring', 'cross-team-impact'])],
        },
      ],
    }));
});
