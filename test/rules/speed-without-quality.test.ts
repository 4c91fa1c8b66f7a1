import { describe, it } from 'vitest';
import { remove, set, testRule } from '../../src/testing/index.js';

const RULE = 'speed-without-quality';

/** Support is paid on volume and speed, engineering measured on velocity; the strategy favors csat. */
const SERVICE = `version: 1
strategy:
  priorities:
    - id: service
      favor: { metrics: [csat] }
teams:
  - { id: support }
  - { id: engineering }
  - { id: sales }
metrics:
  - { id: tickets-closed, type: output, proxy_for: [first-contact-resolution] }
  - { id: first-response-time, type: speed }
  - { id: first-contact-resolution, type: quality }
  - { id: csat, type: quality }
  - { id: velocity, type: speed }
  - { id: calls-made, type: activity, proxy_for: [new-arr] }
  - { id: new-arr, type: outcome }
compensation:
  - id: support-2026
    team: support
    bonus:
      - { metric: tickets-closed, weight: 0.7 }
      - { metric: first-response-time, weight: 0.3 }
okrs:
  - id: eng-q3
    team: engineering
    key_results:
      - { metric: velocity }
`;

const TRADE = 'but no quality metric: people will trade quality for speed.';
const SUPPORT_PLAN = {
  // The speed line: tickets-closed, a count, is gameable-target's line, so no line gets two prices.
  at: 'compensation.0.bonus.1',
  message: `Plan support-2026 rewards first-response-time (speed) ${TRADE}`,
  fix: 'add - { metric: first-contact-resolution, weight: 0.15 } to plan support-2026 and lower first-response-time from 30% to 15%',
};
const ENG_OKRS = {
  at: 'okrs.0.key_results.0',
  message: `OKR set eng-q3 rewards velocity (speed) ${TRADE}`,
  fix: 'add a key result { metric: csat } to OKR set eng-q3 beside velocity',
};

describe('speed-without-quality', () => {
  it('fires on the heaviest speed line of a plan and on the speed key result of an OKR set with no quality metric', () =>
    testRule(RULE, { invalid: [{ base: SERVICE, errors: [SUPPORT_PLAN, ENG_OKRS] }] }));

  it('names the same lines, metrics and quality metric whatever order they are declared in', () => {
    const components = [
      { metric: 'tickets-closed', weight: 0.4 },
      { metric: 'handle-time', weight: 0.4 },
      { metric: 'first-response-time', weight: 0.2 },
    ];
    const quality = [
      { id: 'resolution-rate', type: 'quality' },
      { id: 'csat', type: 'quality' },
    ];
    const policy = (lines: typeof components, qualityMetrics: typeof quality) => ({
      version: 1,
      strategy: { name: 'Service' },
      teams: [{ id: 'support' }],
      metrics: [
        { id: 'tickets-closed', type: 'output' },
        { id: 'first-response-time', type: 'speed' },
        { id: 'handle-time', type: 'speed' },
        ...qualityMetrics,
      ],
      compensation: [{ id: 'support-2026', team: 'support', bonus: lines }],
      okrs: [{ id: 'support-q3', team: 'support', key_results: lines.map(({ metric }) => ({ metric })) }],
    });
    const message = (instrument: string) => `${instrument} rewards first-response-time (speed) and handle-time (speed) ${TRADE}`;
    const errors = (handleTime: number, firstResponse: number) => [
      // handle-time is the heaviest speed line (tickets-closed, as heavy, is a count: gameable-target's).
      {
        at: `compensation.0.bonus.${handleTime}`,
        message: message('Plan support-2026'),
        fix: 'add - { metric: csat, weight: 0.2 } to plan support-2026 and lower handle-time from 40% to 20%',
      },
      {
        at: `okrs.0.key_results.${firstResponse}`,
        message: message('OKR set support-q3'),
        fix: 'add a key result { metric: csat } to OKR set support-q3 beside first-response-time',
      },
    ];
    return testRule(RULE, {
      invalid: [
        { name: 'declared order', base: policy(components, quality), errors: errors(1, 2) },
        { name: 'reversed', base: policy([...components].reverse(), [...quality].reverse()), errors: errors(1, 0) },
      ],
    });
  });

  it('stays silent when a quality metric stands beside the speed or volume metric', () =>
    testRule(RULE, {
      valid: [
        {
          base: SERVICE,
          edits: [
            set('compensation.0.bonus.0.weight', 0.35),
            set('compensation.0.bonus.2', { metric: 'first-contact-resolution', weight: 0.35 }),
            set('okrs.0.key_results.1', { metric: 'csat' }),
          ],
        },
      ],
    }));

  it('does not judge promotion ladders, recognition, or plans paying only on outcomes', () =>
    testRule(RULE, {
      valid: [
        {
          base: SERVICE,
          policy: `promotions:
  - id: ladder
    team: engineering
    criteria: [{ text: Ships fast, metric: velocity }]
recognition:
  - id: awards
    awards: [{ text: Most tickets, metric: tickets-closed, teams: [support] }]
`,
          edits: [
            set('compensation.0.bonus.0.metric', 'new-arr'),
            set('compensation.0.bonus.1.metric', 'new-arr'),
            set('okrs.0.key_results.0.metric', 'new-arr'),
          ],
        },
      ],
    }));

  it('leaves counts without speed to gameable-target, and names commission taking the rest when a speed metric is paid by commission', () =>
    testRule(RULE, {
      invalid: [
        {
          base: SERVICE,
          policy: {
            compensation: [
              { id: 'sdr-2026', team: 'sales', commission: [{ metric: 'calls-made', rate: '2%' }] },
              { id: 'dispatch-2026', team: 'sales', commission: [{ metric: 'velocity', rate: '2%' }] },
            ],
          },
          errors: [
            SUPPORT_PLAN,
            {
              at: 'compensation.2.commission.0',
              message: `Plan dispatch-2026 rewards velocity (speed) ${TRADE}`,
              fix: 'add a bonus component on csat (type: quality) to plan dispatch-2026 beside velocity (commission takes the rest)',
            },
            ENG_OKRS,
          ],
        },
      ],
    }));

  it('an outcome line of real weight balances speed; a quality or outcome line of token weight does not', () =>
    testRule(RULE, {
      valid: [
        {
          base: SERVICE,
          policy: {
            compensation: [
              {
                id: 'support-2026',
                team: 'support',
                bonus: [
                  { metric: 'first-response-time', weight: 0.7 },
                  { metric: 'new-arr', weight: 0.3 },
                ],
              },
            ],
          },
          edits: [remove('okrs')],
        },
      ],
      invalid: [
        {
          base: SERVICE,
          policy: {
            compensation: [
              {
                id: 'support-2026',
                team: 'support',
                bonus: [
                  { metric: 'first-response-time', weight: 0.95 },
                  { metric: 'csat', weight: 0.05 },
                ],
              },
            ],
          },
          edits: [remove('okrs')],
          errors: [
            {
              at: 'compensation.0.bonus.0',
              // csat is already there at a token weight: raised, not added a second time.
              message:
                'Plan support-2026 rewards first-response-time (speed) but no quality metric of real weight (csat is 5% of variable pay): people will trade quality for speed.',
              fix: 'raise csat from 5% to 52.5% in plan support-2026 and lower first-response-time from 95% to 47.5%',
            },
          ],
        },
      ],
    }));

  it('asks for a quality metric to be declared when the policy has none', () =>
    testRule(RULE, {
      invalid: [
        {
          base: `version: 1
strategy: { name: Speed }
metrics:
  - { id: velocity, type: speed }
okrs:
  - id: eng-q3
    key_results: [{ metric: velocity }]
`,
          errors: [
            {
              at: 'okrs.0.key_results.0',
              message: `OKR set eng-q3 rewards velocity (speed) ${TRADE}`,
              fix: 'declare a metric with type: quality that shows whether velocity is done well, and reward it in eng-q3 beside velocity',
            },
          ],
        },
      ],
    }));

  it('suggests the quality metric the strategy favors and nothing rewards, whatever its perspective (a store crew held to delivery time)', () =>
    testRule(RULE, {
      invalid: [
        {
          text: `version: 1
strategy: { name: Hot and safe, priorities: [{ id: safe-delivery, favor: { metrics: [delivery-safety] } }] }
teams:
  - { id: stores, kind: revenue }
metrics:
  - { id: delivered-on-time, type: speed, perspective: customer }
  - { id: delivery-safety, type: quality, perspective: internal }
okrs:
  - id: guarantee
    team: stores
    key_results:
      - { metric: delivered-on-time, target: "30 minutes or less" }
`,
          errors: [
            {
              at: 'okrs.0.key_results.0',
              message: `OKR set guarantee rewards delivered-on-time (speed) ${TRADE}`,
              fix: 'add a key result { metric: delivery-safety } to OKR set guarantee beside delivered-on-time',
            },
          ],
        },
      ],
    }));

  it("never suggests an unrelated team's quality metric: declaring one of the team's own is the fix", () =>
    testRule(RULE, {
      invalid: [
        {
          base: `version: 1
strategy: { name: Service, priorities: [{ id: grow, favor: { metrics: [new-arr] } }] }
teams:
  - { id: sales }
  - { id: support }
metrics:
  - { id: new-arr, type: outcome }
  - { id: opportunity-win-rate, type: quality }
  - { id: tickets-closed, type: output, proxy_for: [new-arr] }
  - { id: first-response-time, type: speed }
compensation:
  - id: sales-2026
    team: sales
    commission: [{ metric: new-arr, rate: "8%" }]
    bonus: [{ metric: opportunity-win-rate, weight: 0.2 }]
  - id: support-2026
    team: support
    bonus:
      - { metric: tickets-closed, weight: 0.5 }
      - { metric: first-response-time, weight: 0.5 }
`,
          errors: [
            {
              at: 'compensation.1.bonus.1',
              message: `Plan support-2026 rewards first-response-time (speed) ${TRADE}`,
              fix: 'declare a metric with type: quality that shows whether first-response-time is done well, and reward it in support-2026 beside first-response-time',
            },
          ],
        },
      ],
    }));

  it('stays silent on a speed key result that names a deliverable by its date, or is declared one, and on key results that decide nothing (stakes: none)', () => {
    const okrs = (target: string, extra = '', metricKeys = '') => `version: 1
strategy: { name: Ship the 8 MHz part }
teams:
  - { id: engineering }
metrics:
  - { id: time-to-production, type: speed${metricKeys} }
okrs:
  - id: eng-h1
    team: engineering
${extra}    key_results:
      - { metric: time-to-production, target: "${target}" }
`;
    return testRule(RULE, {
      valid: [
        okrs('Get the part into production by end of Q3'),
        // A version label is part of what is delivered: the target is still a dated milestone.
        okrs('Deliver Rev 3.2 masks to fab by April 9'),
        okrs('Part in production', '', ', deliverable: true'),
        okrs('< 90 days', '    stakes: none\n'),
      ],
      invalid: [
        {
          policy: okrs('Rev 3.2 masks to fab in < 9 days'),
          base: '',
          errors: [
            {
              at: 'okrs.0.key_results.0',
              message: `OKR set eng-h1 rewards time-to-production (speed) ${TRADE}`,
              fix: 'declare a metric with type: quality that shows whether time-to-production is done well, and reward it in eng-h1 beside time-to-production',
            },
          ],
        },
        {
          policy: okrs('< 90 days'),
          base: '',
          errors: [
            {
              at: 'okrs.0.key_results.0',
              message: `OKR set eng-h1 rewards time-to-production (speed) ${TRADE}`,
              fix: 'declare a metric with type: quality that shows whether time-to-production is done well, and reward it in eng-h1 beside time-to-production',
            },
          ],
        },
      ],
    });
  });
});
