import { describe, it } from 'vitest';
import { remove, set, testRule } from '../../src/testing/index.js';
import { commissionPlan } from './fragments.js';

const RULE = 'uncovered-priority';
const PRIORITY = 'strategy.priorities.0.id';
const SMB_PLAN = commissionPlan('{ metric: new-arr, segment: smb, rate: "8%" }');
const HOPES =
  'but no plan, OKR, promotion criterion or award rewards any of them: the strategy hopes for this priority while the incentives reward something else.';
const UNCOVERED = `Priority enterprise-growth favors metric enterprise-arr and segment enterprise, ${HOPES}`;

describe('uncovered-priority', () => {
  it('fires on the priority when nothing rewards its favored metric or segment, suggesting a line in an existing plan', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: SMB_PLAN,
          errors: [
            {
              at: PRIORITY,
              message: UNCOVERED,
              fix: 'reward enterprise-arr: add { metric: enterprise-arr, segment: enterprise, weight: 0.1 } to the bonus of plan ae-2026 (team sales)',
            },
          ],
        },
      ],
    }));

  it('suggests the line where the deprioritized metric is rewarded today', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `${SMB_PLAN}okrs:
  - id: eng-q3
    team: engineering
    key_results:
      - { metric: velocity, target: "+20%" }
`,
          errors: [
            {
              at: PRIORITY,
              message: UNCOVERED,
              fix: 'reward enterprise-arr: add a key result { metric: enterprise-arr, segment: enterprise } to OKR set eng-q3 (team engineering)',
            },
          ],
        },
      ],
    }));

  it('uses suggested_weight, and asks to rebalance a plan whose bonus weights must add up to 1', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `compensation:
  - id: eng-2026
    team: engineering
    bonus:
      - { metric: defect-rate, weight: 1 }
`,
          options: { suggested_weight: 0.25 },
          errors: [
            {
              at: PRIORITY,
              message: UNCOVERED,
              fix: 'reward enterprise-arr: add { metric: enterprise-arr, segment: enterprise, weight: 0.25 } to the bonus of plan eng-2026 (team engineering), taking its weight from the other components',
            },
          ],
        },
      ],
    }));

  it('for a priority that favors only segments, suggests paying an existing metric on that segment', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: SMB_PLAN,
          edits: [remove('strategy.priorities.0.favor.metrics')],
          errors: [
            {
              at: PRIORITY,
              message: `Priority enterprise-growth favors segment enterprise, ${HOPES}`,
              fix: 'reward segment enterprise: add { metric: new-arr, segment: enterprise, rate: "8%" } to the commission of plan ae-2026',
            },
          ],
        },
      ],
    }));

  it('stays silent when any lever rewards a favored metric or segment, and for a priority that favors nothing', () =>
    testRule(RULE, {
      valid: [
        {
          name: 'an award',
          policy: `recognition:
  - id: awards
    awards:
      - { text: First enterprise logo, segment: enterprise }
`,
        },
        {
          name: 'a key result',
          policy: `okrs:
  - id: sales-q3
    key_results:
      - { metric: enterprise-arr, target: 2000000 }
`,
        },
        { name: 'favors nothing', policy: SMB_PLAN, edits: [set('strategy.priorities.0.favor', {})] },
      ],
    }));

  it('suggests the plan with the lowest id, whatever order the plans are declared in', () => {
    const plans = [
      { id: 'sdr-2026', team: 'sales', commission: [{ metric: 'new-arr', rate: '4%' }] },
      { id: 'ae-2026', team: 'sales', commission: [{ metric: 'new-arr', rate: '8%' }] },
    ];
    const errors = [
      {
        at: PRIORITY,
        message: UNCOVERED,
        fix: 'reward enterprise-arr: add { metric: enterprise-arr, segment: enterprise, weight: 0.1 } to the bonus of plan ae-2026 (team sales)',
      },
    ];
    return testRule(RULE, {
      invalid: [
        { name: 'sdr first', policy: { compensation: plans }, errors },
        { name: 'ae first', policy: { compensation: [...plans].reverse() }, errors },
      ],
    });
  });

  it('sees every instrument that can reward a priority: a kicker, a SPIFF, a quota-credit multiplier, a proxy of the favored metric, commission earned on collection', () =>
    testRule(RULE, {
      valid: [
        ...[{ deferral: { share: 0.5, months: 12 } }, { clawback: { months: 12, triggers: ['churn'] } }, { clawback: { months: 6 } }].map(
          (guard) => ({
            name: `commission that depends on the customer staying serves a retention priority (${Object.keys(guard)[0]})`,
            policy: `${SMB_PLAN}metrics:
  - { id: customer-retention, type: outcome, nets_churn: true }
`,
            edits: [
              set('strategy.priorities.0.favor', { metrics: ['customer-retention'] }),
              ...Object.entries(guard).map(([key, value]) => set(`compensation.0.${key}`, value)),
            ],
          }),
        ),
        {
          name: 'commission earned on collection serves a priority on cash collected',
          policy: `${SMB_PLAN}    earned_on: collection
metrics:
  - { id: cash-collected, name: Cash collected within terms, type: outcome, measures_collection: true }
`,
          edits: [set('strategy.priorities.0.favor', { metrics: ['cash-collected'] })],
        },
        {
          name: 'kicker on the favored segment',
          policy: SMB_PLAN,
          edits: [set('compensation.0.spiffs', [{ kind: 'kicker', segment: 'enterprise', rate: '2%' }])],
        },
        {
          name: 'credit multiplier on the favored segment',
          policy: SMB_PLAN,
          edits: [set('compensation.0.credit', [{ segment: 'enterprise', multiplier: 1.25 }])],
        },
        {
          name: 'a proxy of the favored metric',
          policy: `${SMB_PLAN}metrics:
  - { id: enterprise-pipeline, type: output, proxy_for: [enterprise-arr] }
okrs:
  - { id: sales-q3, team: sales, key_results: [{ metric: enterprise-pipeline, target: "3x" }] }
`,
        },
      ],
      invalid: [
        {
          name: 'a clawback on refunds only does not make commission depend on the customer staying',
          policy: `${SMB_PLAN}metrics:
  - { id: customer-retention, type: outcome, nets_churn: true }
`,
          edits: [
            set('strategy.priorities.0.favor', { metrics: ['customer-retention'] }),
            set('compensation.0.clawback', { months: 6, triggers: ['refund'] }),
          ],
          errors: [
            {
              at: PRIORITY,
              message: `Priority enterprise-growth favors metric customer-retention, ${HOPES}`,
              fix: 'reward customer-retention: add { metric: customer-retention, weight: 0.1 } to the bonus of plan ae-2026 (team sales)',
            },
          ],
        },
        {
          name: 'commission earned on invoice does not reward collecting the cash',
          policy: `${SMB_PLAN}    earned_on: invoice
metrics:
  - { id: cash-collected, name: Cash collected within terms, type: outcome, measures_collection: true }
`,
          edits: [set('strategy.priorities.0.favor', { metrics: ['cash-collected'] })],
          errors: [
            {
              at: PRIORITY,
              message:
                'Priority enterprise-growth favors metric cash-collected, but no plan, OKR, promotion criterion or award rewards any of them: the strategy hopes for this priority while the incentives reward something else.',
              fix: 'reward cash-collected: change earned_on from invoice to collection in plan ae-2026, so that its commission is earned when the customer pays',
            },
          ],
        },
        {
          name: 'a credit multiplier below 1 rewards nothing',
          policy: SMB_PLAN,
          edits: [set('compensation.0.credit', [{ segment: 'enterprise', multiplier: 0.5 }])],
          errors: [
            {
              at: PRIORITY,
              message: UNCOVERED,
              fix: 'reward enterprise-arr: add { metric: enterprise-arr, segment: enterprise, weight: 0.1 } to the bonus of plan ae-2026 (team sales)',
            },
          ],
        },
      ],
    }));
  it('counts as rewarded a priority a pool pays on: the metric that funds it, or a component of the rating that splits it (pool x rating)', () => {
    const policy = (pool: string) => `version: 1
strategy:
  priorities:
    - id: shared-gains
      favor: { metrics: [plant-profit] }
    - id: participation
      favor: { metrics: [suggestions-adopted] }
teams:
  - { id: plant }
metrics:
  - { id: plant-profit, type: outcome }
  - { id: suggestions-adopted, type: behavior }
  - { id: output, type: output, counts_only_good: true }
compensation:
  - id: gainshare
    team: plant
${pool}`;
    const HOPE = (id: string, metric: string) => `Priority ${id} favors metric ${metric}, ${HOPES}`;
    return testRule(RULE, {
      valid: [
        {
          policy: policy(
            '    pool:\n      funded_by: plant-profit\n      rating:\n        - { metric: output, weight: 0.5 }\n        - { metric: suggestions-adopted, weight: 0.5 }\n',
          ),
        },
      ],
      invalid: [
        {
          policy: policy('    pool:\n      funded_by: plant-profit\n      rating:\n        - { metric: output, weight: 1 }\n'),
          errors: [
            {
              at: 'strategy.priorities.1.id',
              message: HOPE('participation', 'suggestions-adopted'),
              fix: 'reward suggestions-adopted: add { metric: suggestions-adopted, weight: 0.1 } to the rating of the pool of plan gainshare (team plant), taking its weight from the other components',
            },
          ],
        },
      ],
    });
  });
  it('counts as rewarded a priority whose favored metric is declared a proxy for what a pool or a bonus pays on', () => {
    // A bank's profit-sharing pool funded by return on equity, under a priority on customer
    // satisfaction declared the bank's way to it (Handelsbanken's Oktogonen): paying on what the
    // proxy stands for serves the priority named for it.
    const policy = (proxy: string, pay: string) => `version: 1
strategy:
  priorities:
    - id: satisfied-customers
      favor: { metrics: [customer-satisfaction] }
teams:
  - { id: branches }
metrics:
  - { id: customer-satisfaction, type: outcome${proxy} }
  - { id: return-on-equity, type: outcome }
compensation:
  - id: profit-sharing
    team: branches
${pay}`;
    const POOL = '    pool:\n      funded_by: return-on-equity\n      rating:\n        - { metric: return-on-equity, weight: 1 }\n';
    const BONUS = '    bonus:\n      - { metric: return-on-equity, weight: 1 }\n';
    const PROXY = ', proxy_for: [return-on-equity]';
    return testRule(RULE, {
      valid: [
        { name: 'a pool funded by what the favored metric stands for', policy: policy(PROXY, POOL) },
        { name: 'a bonus on what the favored metric stands for', policy: policy(PROXY, BONUS) },
      ],
      invalid: [
        {
          name: 'without the declaration, return on equity is no line on customer satisfaction',
          policy: policy('', POOL),
          errors: [
            {
              at: PRIORITY,
              message: `Priority satisfied-customers favors metric customer-satisfaction, ${HOPES}`,
              fix: 'reward customer-satisfaction: add { metric: customer-satisfaction, weight: 0.1 } to the rating of the pool of plan profit-sharing (team branches), taking its weight from the other components',
            },
          ],
        },
      ],
    });
  });

  it('leaves to a declaration the means to a shared gain when that gain is all anyone is paid on', () => {
    // A profit-sharing foundation for every employee (Handelsbanken's Oktogonen), or a gain-sharing bonus of
    // no team: paying nobody for the means is the design, so
    // whether a priority names one is a declaration (undeclared-metric-meaning asks for it).
    const policy = (teams: string, plans: string) => `version: 1
strategy:
  priorities:
    - id: satisfied-customers
      favor: { metrics: [customer-satisfaction] }
teams:
${teams}
metrics:
  - { id: customer-satisfaction, type: outcome, perspective: customer }
  - { id: excess-profit, type: outcome, perspective: financial }
  - { id: tenure, type: behavior, perspective: learning }
  - { id: new-arr, type: outcome, perspective: financial }
compensation:
${plans}`;
    const POOL = '  - id: profit-sharing\n    pool: { funded_by: excess-profit, share: "33%", rating: [{ metric: tenure, weight: 1 }] }\n';
    const BONUS = (team?: string) =>
      `  - id: gain-share\n${team ? `    team: ${team}\n` : ''}    bonus:\n      - { metric: excess-profit, weight: 1 }\n`;
    const COMMISSION = '  - id: ae-2026\n    team: sales\n    commission:\n      - { metric: new-arr, rate: "10%" }\n';
    const TWO_TEAMS = '  - { id: branches, kind: non-revenue }\n  - { id: sales, kind: revenue }';
    const hope = (fix: string) => ({
      at: PRIORITY,
      message: `Priority satisfied-customers favors metric customer-satisfaction, ${HOPES}`,
      fix,
    });
    return testRule(RULE, {
      valid: [
        { name: 'a pool of the whole company, and nothing else paid', text: policy(TWO_TEAMS, POOL) },
        { name: 'a gain-sharing bonus of no team', text: policy(TWO_TEAMS, BONUS()) },
      ],
      invalid: [
        {
          name: 'the pool beside a commission plan of one team',
          text: policy(TWO_TEAMS, POOL + COMMISSION),
          errors: [
            hope(
              'reward customer-satisfaction: add { metric: customer-satisfaction, weight: 0.1 } to the bonus of plan ae-2026 (team sales)',
            ),
          ],
        },
        {
          name: "a bonus on an outcome for a policy's one team is that team's own pay, even one of no revenue",
          text: policy('  - { id: retention-agents, kind: non-revenue }', BONUS('retention-agents')),
          errors: [
            hope(
              'reward customer-satisfaction: add { metric: customer-satisfaction, weight: 0.1 } to the bonus of plan gain-share (team retention-agents), taking its weight from the other components',
            ),
          ],
        },
      ],
    });
  });
});
