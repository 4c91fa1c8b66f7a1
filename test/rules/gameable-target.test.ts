import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';
import { pipelinePolicy } from './fragments.js';

const RULE = 'gameable-target';

/** Wells Fargo in miniature: bankers paid and measured on a count of accounts opened, which the strategy favors. */
const BANK = `version: 1
strategy:
  priorities:
    - id: cross-sell
      favor: { metrics: [accounts-opened] }
teams:
  - { id: bankers, kind: revenue, customer_facing: true }
metrics:
  - { id: accounts-opened, type: output, proxy_for: [deposits] }
  - { id: referrals, type: activity, proxy_for: [accounts-opened] }
  - { id: deposits, type: outcome }
  - { id: accounts-funded-90-days, type: quality }
`;

const COUNT_MESSAGE = (plan: string, share: string, what: string, them = 'it') =>
  `Plan ${plan} puts ${share} of variable pay on ${what} with no guard beside ${them} (no quality measure of real weight, no clawback for misconduct or refunds): people will raise the count, not the result it stands for.`;
// Misconduct is the trigger every system shares; refunds are one industry's (issue 22, item 6).
const CLAWBACK = 'clawback: { months: 12, triggers: [misconduct] }';

describe('gameable-target', () => {
  it('fires on a plan paying most of its variable pay on counts, and on a count key result with no guardrail, even when the strategy favors the count', () =>
    testRule(RULE, {
      invalid: [
        {
          base: BANK,
          policy: `compensation:
  - id: banker-incentive
    team: bankers
    bonus:
      - { metric: referrals, weight: 0.3 }
      - { metric: accounts-opened, weight: 0.6 }
      - { metric: deposits, weight: 0.1 }
  - id: banker-commission
    team: bankers
    commission: [{ metric: accounts-opened, rate: "2%" }]
    clawback: { months: 6, triggers: [churn] }
okrs:
  - id: daily-goals
    team: bankers
    key_results:
      - { metric: deposits, target: "+5%" }
      - { metric: accounts-opened, target: "8 per day" }
`,
          errors: [
            {
              at: 'compensation.0.bonus.1',
              message: COUNT_MESSAGE('banker-incentive', '90%', 'counts (accounts-opened and referrals)', 'them'),
              fix: `pay at least 10% of variable pay on accounts-funded-90-days (type: quality) in banker-incentive, and add ${CLAWBACK}`,
            },
            {
              at: 'compensation.1.commission.0',
              message: COUNT_MESSAGE('banker-commission', '100%', 'a count (accounts-opened, output)'),
              fix: `pay at least 10% of variable pay on accounts-funded-90-days (type: quality) in banker-commission, and add ${CLAWBACK}`,
            },
            {
              at: 'okrs.0.key_results.1',
              message:
                'OKR set daily-goals sets a target on a count (accounts-opened, output) with no guardrail key result: the count can be hit by means the objective never meant.',
              fix: 'add a guardrail key result { metric: accounts-funded-90-days, guardrail: true } to daily-goals',
            },
          ],
        },
      ],
    }));

  it('stays silent with a guard: a quality line of real weight, a clawback for misconduct or refunds, a guardrail key result, or counts under the share', () =>
    testRule(RULE, {
      valid: [
        {
          base: BANK,
          policy: `compensation:
  - id: with-quality
    team: bankers
    bonus: [{ metric: accounts-opened, weight: 0.8 }, { metric: accounts-funded-90-days, weight: 0.2 }]
  - id: with-clawback
    team: bankers
    bonus: [{ metric: accounts-opened, weight: 1 }]
    clawback: { months: 12, triggers: [misconduct] }
  - id: mostly-outcome
    team: bankers
    bonus: [{ metric: accounts-opened, weight: 0.4 }, { metric: deposits, weight: 0.6 }]
okrs:
  - id: guarded-goals
    team: bankers
    key_results:
      - { metric: accounts-opened, target: "+10%" }
      - { metric: deposits, target: "no decline", guardrail: true }
`,
        },
      ],
    }));

  it('counts a quality line of token weight as no guard, and says what to declare when the policy has no quality metric', () =>
    testRule(RULE, {
      invalid: [
        {
          text: `version: 1
strategy: { name: Volume }
metrics:
  - { id: repairs-sold, type: output }
  - { id: comebacks, type: quality }
compensation:
  - id: mechanic-commission
    bonus: [{ metric: repairs-sold, weight: 0.95 }, { metric: comebacks, weight: 0.05 }]
`,
          errors: [
            {
              line: 8,
              column: 13,
              message: COUNT_MESSAGE('mechanic-commission', '95%', 'a count (repairs-sold, output)'),
              fix: `pay at least 10% of variable pay on comebacks (type: quality) in mechanic-commission, and add ${CLAWBACK}`,
            },
          ],
        },
        {
          text: `version: 1
strategy: { name: Volume }
metrics:
  - { id: repairs-sold, type: output }
okrs:
  - id: shift-quota
    key_results: [{ metric: repairs-sold, target: "8 per shift" }]
`,
          errors: [
            {
              line: 7,
              column: 19,
              message:
                'OKR set shift-quota sets a target on a count (repairs-sold, output) with no guardrail key result: the count can be hit by means the objective never meant.',
              fix: 'declare a quality metric that shows whether repairs-sold is done well (type: quality) and add it to shift-quota as { metric: …, guardrail: true }',
            },
          ],
        },
      ],
    }));
  it('stays silent on a count the strategy deprioritizes: okr-old-priority says to stop measuring it, and a guardrail would contradict that', () =>
    testRule(RULE, {
      valid: [
        {
          base: BANK.replace(
            'favor: { metrics: [accounts-opened] }',
            'favor: { metrics: [deposits] }\n      deprioritize: { metrics: [accounts-opened] }',
          ),
          policy: `okrs:
  - id: bankers-q1
    team: bankers
    key_results:
      - { metric: accounts-opened, target: 1000 }`,
        },
      ],
    }));

  it("asks a team beyond sales for the quality its count stands for, not another team's favored metric, and no clawback", () =>
    testRule(RULE, {
      invalid: [
        {
          text: `version: 1
strategy:
  priorities: [{ id: quality, favor: { metrics: [defect-escape-rate, first-contact-resolution] } }]
teams:
  - { id: engineering, kind: non-revenue }
  - { id: support, kind: non-revenue }
metrics:
  - { id: defect-escape-rate, type: quality }
  - { id: first-contact-resolution, type: quality }
  - { id: tickets-closed, type: output, proxy_for: [first-contact-resolution] }
compensation:
  - id: support-2026
    team: support
    bonus: [{ metric: tickets-closed, weight: 1 }]
`,
          errors: [
            {
              line: 14,
              column: 13,
              message: COUNT_MESSAGE('support-2026', '100%', 'a count (tickets-closed, output)'),
              fix: 'pay at least 10% of variable pay on first-contact-resolution (type: quality) in support-2026',
            },
          ],
        },
      ],
    }));

  it('leaves a count another team accepts, and is paid on the result for, to that team (sales-accepted opportunities)', () =>
    testRule(RULE, {
      valid: [
        {
          text: pipelinePolicy('{ id: sales-accepted-opps, type: output, accepted_by: account-executives }'),
        },
      ],
      invalid: [
        {
          name: 'accepted by the team paid on it: no guard',
          text: `version: 1
strategy: { name: Pipeline }
teams:
  - { id: sdrs }
metrics:
  - { id: sales-accepted-opps, type: output, accepted_by: sdrs }
compensation:
  - { id: sdr-plan, team: sdrs, bonus: [{ metric: sales-accepted-opps, weight: 1 }] }
`,
          errors: [
            {
              line: 8,
              column: 41,
              message: COUNT_MESSAGE('sdr-plan', '100%', 'a count (sales-accepted-opps, output)'),
              fix: `declare a quality or integrity metric of the units counted (type: quality, such as the share of what sales-accepted-opps counts that later proves wrong, reversed or unwanted, checked by someone other than the team), pay at least 10% of variable pay on it in sdr-plan, and add ${CLAWBACK}`,
            },
          ],
        },
      ],
    }));

  it('leaves a key result with no level to reach alone: no target, "increase" (unmeasurable-key-result\'s) or a deliverable done or not', () =>
    testRule(RULE, {
      valid: ['increase', 'Runway operates production services'].map(
        (target) => `version: 1
strategy: { name: Adoption }
metrics:
  - { id: filter-usage, type: output }
okrs:
  - { id: search, key_results: [{ metric: filter-usage, target: ${target} }] }
`,
      ),
    }));

  it('suggests counting only what the team downstream accepts when the count is handed to a team paid on results', () =>
    testRule(RULE, {
      invalid: [
        {
          text: pipelinePolicy('{ id: meetings-booked, type: output }'),
          errors: [
            {
              line: 10,
              column: 41,
              message: COUNT_MESSAGE('sdr-plan', '100%', 'a count (meetings-booked, output)'),
              fix: `declare a quality or integrity metric of the units counted (type: quality, such as the share of what meetings-booked counts that later proves wrong, reversed or unwanted, checked by someone other than the team), pay at least 10% of variable pay on it in sdr-plan, and add ${CLAWBACK}; or count only what account-executives accepts, and say so on the metric: accepted_by: account-executives`,
            },
          ],
        },
      ],
    }));

  it('treats a number the paid team reports itself like a count, outcome or not (reported_by: Atlanta Public Schools, 2009)', () =>
    testRule(RULE, {
      invalid: [
        {
          text: `version: 1
strategy: { priorities: [{ id: achievement, favor: { metrics: [test-score-gains] } }] }
teams: [{ id: teachers, kind: non-revenue }]
metrics:
  - { id: test-score-gains, type: outcome, reported_by: [teachers] }
compensation:
  - { id: school-bonus, team: teachers, bonus: [{ metric: test-score-gains, weight: 1 }] }
`,
          errors: [
            {
              line: 7,
              column: 49,
              message: COUNT_MESSAGE('school-bonus', '100%', 'a number it reports itself (test-score-gains)').replace(
                'raise the count',
                'raise the number they report',
              ),
              fix: 'declare a quality or integrity metric (type: quality, such as an independent check of test-score-gains as the team reports it), pay at least 10% of variable pay on it in school-bonus',
            },
          ],
        },
      ],
      valid: [
        {
          name: 'reported by another team (an independent test office)',
          text: `version: 1
strategy: { priorities: [{ id: achievement, favor: { metrics: [test-score-gains] } }] }
teams: [{ id: teachers, kind: non-revenue }, { id: testing-office, kind: non-revenue }]
metrics:
  - { id: test-score-gains, type: outcome, reported_by: [testing-office] }
compensation:
  - { id: school-bonus, team: teachers, bonus: [{ metric: test-score-gains, weight: 1 }] }
`,
        },
      ],
    }));

  describe("a count's own quality declarations (quality_measured_by, counts_only_good)", () => {
    const MILL = (metrics: string, plan: string) => `version: 1
strategy: { name: Output }
teams: [{ id: crew, kind: non-revenue }]
metrics:
${metrics}
compensation:
  - id: crew-bonus
    team: crew
${plan}
`;

    it('stays silent on a count of good units only (its quality gate is inside the count), and on a count whose declared quality metric is paid beside it', () =>
      testRule(RULE, {
        valid: [
          MILL('  - { id: good-tons, type: output, counts_only_good: true }', '    bonus: [{ metric: good-tons, weight: 1 }]'),
          MILL(
            '  - { id: units-installed, type: output, quality_measured_by: redo-rate }\n  - { id: redo-rate, type: quality }',
            '    bonus: [{ metric: units-installed, weight: 0.8 }, { metric: redo-rate, weight: 0.2 }]',
          ),
          {
            name: 'the linked quality metric paid in another plan of the same team, with real weight',
            text: `version: 1
strategy: { name: Output }
teams: [{ id: crew, kind: non-revenue }]
metrics:
  - { id: units-installed, type: output, quality_measured_by: redo-rate }
  - { id: redo-rate, type: quality }
compensation:
  - { id: piece-rate, team: crew, bonus: [{ metric: units-installed, weight: 1 }] }
  - { id: quality-bonus, team: crew, bonus: [{ metric: redo-rate, weight: 1 }] }
`,
          },
        ],
      }));

    it('fires when a count declares its quality metric and only another quality line stands beside it (a general survey beside products sold: Wells Fargo)', () =>
      testRule(RULE, {
        invalid: [
          {
            text: MILL(
              '  - { id: products-sold, type: output, quality_measured_by: accounts-used-90-days }\n  - { id: accounts-used-90-days, type: quality }\n  - { id: customer-survey, type: quality }',
              '    bonus: [{ metric: products-sold, weight: 0.8 }, { metric: customer-survey, weight: 0.2 }]',
            ),
            errors: [
              {
                line: 11,
                column: 13,
                message: COUNT_MESSAGE('crew-bonus', '80%', 'a count (products-sold, output)'),
                fix: 'pay at least 10% of variable pay on accounts-used-90-days (type: quality) in crew-bonus',
              },
            ],
          },
        ],
        valid: [
          {
            name: 'the same plan with no link declared: the survey stands in for the guard, as before (undeclared-quality-link says what to declare)',
            text: MILL(
              '  - { id: products-sold, type: output }\n  - { id: customer-survey, type: quality }',
              '    bonus: [{ metric: products-sold, weight: 0.8 }, { metric: customer-survey, weight: 0.2 }]',
            ),
          },
        ],
      }));
  });

  it('reports a plan with less than `share` on counts when it has no guard of any weight and no outcome (calls handled beside handle time)', () =>
    testRule(RULE, {
      invalid: [
        {
          text: `version: 1
strategy: { name: Speed }
teams: [{ id: agents, kind: non-revenue }]
metrics:
  - { id: average-handle-time, type: speed }
  - { id: calls-handled, type: output }
compensation:
  - id: agent-bonus
    team: agents
    bonus: [{ metric: average-handle-time, weight: 0.6 }, { metric: calls-handled, weight: 0.4 }]
`,
          errors: [
            {
              at: 'compensation.0.bonus.1',
              message: COUNT_MESSAGE('agent-bonus', '40%', 'a count (calls-handled, output)'),
              fix: 'declare a quality or integrity metric of the units counted (type: quality, such as the share of what calls-handled counts that later proves wrong, reversed or unwanted, checked by someone other than the team), pay at least 10% of variable pay on it in agent-bonus',
            },
          ],
        },
      ],
      valid: [
        {
          name: 'an outcome of real weight beside it',
          text: `version: 1
strategy: { name: Speed }
teams: [{ id: agents, kind: non-revenue }]
metrics:
  - { id: renewals, type: outcome }
  - { id: calls-handled, type: output }
compensation:
  - { id: agent-bonus, team: agents, bonus: [{ metric: renewals, weight: 0.6 }, { metric: calls-handled, weight: 0.4 }] }
`,
        },
        {
          name: 'below share_without_any_guard',
          text: `version: 1
strategy: { name: Speed }
teams: [{ id: agents, kind: non-revenue }]
metrics:
  - { id: average-handle-time, type: speed }
  - { id: calls-handled, type: output }
compensation:
  - { id: agent-bonus, team: agents, bonus: [{ metric: average-handle-time, weight: 0.8 }, { metric: calls-handled, weight: 0.2 }] }
`,
        },
      ],
    }));

  it('judges promotion criteria and awards like plan lines: a ladder or program mostly on an unguarded count is reported, one with a quality criterion or award beside it is not', () =>
    testRule(RULE, {
      invalid: [
        {
          text: `version: 1
strategy: { name: Volume }
teams: [{ id: advisers, kind: revenue }]
metrics:
  - { id: sales-points, type: output }
  - { id: products-sold, type: output }
promotions:
  - id: tiers
    team: advisers
    criteria: [{ text: Meet sales targets, metric: sales-points }]
recognition:
  - id: contests
    awards: [{ text: Sell 50 products, metric: products-sold, teams: [advisers] }]
`,
          errors: [
            {
              at: 'promotions.0.criteria.0',
              message:
                'Promotion ladder tiers promotes on a count (sales-points, output) with no quality criterion: the count can be hit by means the objective never meant.',
              fix: 'declare a quality metric that shows whether sales-points is done well (type: quality) and add it to tiers',
            },
            {
              at: 'recognition.0.awards.0',
              message:
                'Recognition program contests celebrates a count (products-sold, output) with no quality award: the count can be hit by means the objective never meant.',
              fix: 'declare a quality metric that shows whether products-sold is done well (type: quality) and add it to contests',
            },
          ],
        },
      ],
      valid: [
        {
          name: 'a quality criterion beside the count, and a quality award beside the award on a count',
          text: `version: 1
strategy: { name: Volume }
teams: [{ id: advisers, kind: revenue }]
metrics:
  - { id: sales-points, type: output }
  - { id: suitability, type: quality }
  - { id: products-sold, type: output }
promotions:
  - id: tiers
    team: advisers
    criteria: [{ text: Meet sales targets, metric: sales-points }, { text: Suitable advice, metric: suitability }]
recognition:
  - id: contests
    awards: [{ text: Sell 50 products, metric: products-sold, teams: [advisers] }, { text: Best advice, metric: suitability, teams: [advisers] }]
`,
        },
      ],
    }));

  describe('deliverables and key results that decide nothing', () => {
    const OKRS = (extra: string, target: string, metricKeys = '') => `version: 1
strategy: { name: Establish the 16-bit family }
teams:
  - { id: marketing }
metrics:
  - { id: benchmarks-published, type: output${metricKeys} }
okrs:
  - id: crush
    team: marketing
${extra}    key_results:
      - { metric: benchmarks-published, target: "${target}" }
`;
    const FIRES = {
      at: 'okrs.0.key_results.0',
      message:
        'OKR set crush sets a target on a count (benchmarks-published, output) with no guardrail key result: the count can be hit by means the objective never meant.',
      fix: 'declare a quality metric that shows whether benchmarks-published is done well (type: quality) and add it to crush as { metric: …, guardrail: true }',
    };
    it('stays silent on a named deliverable (deliverable: true, or a target that is a deadline) and fires on the same count with a level', () =>
      testRule(RULE, {
        valid: [
          OKRS('', 'Publish the benchmark suite by 2026-06-15'),
          OKRS('', 'Sample the coprocessor no later than June 15'),
          OKRS('', '5 benchmarks showing superior performance', ', deliverable: true'),
          // A version label names what is delivered, not a level: "Rev 3.2" does not stop the deadline reading.
          OKRS('', 'Deliver Rev 3.2 masks to fab by April 9'),
          OKRS('', 'Ship v2.1 of the benchmark suite'),
        ],
        invalid: [
          { policy: OKRS('', '5 benchmarks by 2026-06-15'), base: '', errors: [FIRES] },
          { policy: OKRS('', 'Deliver 3 mask sets to fab by April 9'), base: '', errors: [FIRES] },
          { policy: OKRS('', 'Publish 5 benchmarks for release 2 by April 9'), base: '', errors: [FIRES] },
          { policy: OKRS('', '20 per quarter'), base: '', errors: [FIRES] },
          // A relative target is a level to reach, as unmeasurable-key-result reads it.
          { policy: OKRS('', 'more than the same period last year'), base: '', errors: [FIRES] },
          { policy: OKRS('', 'a number set each month by the manager'), base: '', errors: [FIRES] },
        ],
      }));
    it('stays silent on key results the policy says decide neither pay nor evaluation (stakes: none), and fires where they decide reviews or pay', () =>
      testRule(RULE, {
        valid: [OKRS('    stakes: none\n', '20 per quarter')],
        invalid: [
          { policy: OKRS('    stakes: review\n', '20 per quarter'), base: '', errors: [FIRES] },
          { policy: OKRS('    stakes: pay\n', '20 per quarter'), base: '', errors: [FIRES] },
        ],
      }));
  });

  it('judges a key result that pushes down a number the team records itself as a gameable target, even when the strategy deprioritizes that number (fewer recorded crimes than last year: CompStat)', () => {
    const compstat = (target: string, reportedBy = ', reported_by: [precincts]') => `version: 1
strategy:
  priorities:
    - id: safer-city
      favor: { metrics: [victimization] }
      deprioritize: { metrics: [crimes-recorded] }
teams:
  - { id: precincts }
metrics:
  - { id: crimes-recorded, type: outcome${reportedBy} }
  - { id: victimization, type: outcome }
okrs:
  - id: compstat
    team: precincts
    stakes: review
    key_results:
      - { metric: victimization, target: "-5%" }
      - { metric: crimes-recorded, target: "${target}" }
`;
    const error = {
      at: 'okrs.0.key_results.1',
      message:
        'OKR set compstat sets a target on a number it reports itself (crimes-recorded) with no guardrail key result: the count can be hit by means the objective never meant.',
      fix: 'declare an independent check of crimes-recorded (type: quality, such as an audit of a sample of the reported numbers by someone not judged on them) and add it to compstat as { metric: …, guardrail: true }',
    };
    return testRule(RULE, {
      valid: [
        // Recorded by someone else, a ceiling on a deprioritized number holds it down: a guardrail.
        compstat('fewer than the same period last year', ''),
        compstat('reduce by 10%', ''),
      ],
      invalid: [
        { policy: compstat('fewer than the same period last year'), base: '', errors: [error] },
        { policy: compstat('reduce by 10%'), base: '', errors: [error] },
      ],
    });
  });

  it('takes no quality number the paid team records itself as a guard: the evaluator would judge its own work', () => {
    const plan = (reportedBy: string) => `version: 1
strategy: { name: Installs }
teams:
  - { id: installers, kind: non-revenue }
metrics:
  - { id: units-installed, type: output, proxy_for: [jobs-revenue] }
  - { id: jobs-revenue, type: outcome }
  - { id: self-inspection, type: quality${reportedBy} }
compensation:
  - id: install-pay
    team: installers
    bonus:
      - { metric: units-installed, weight: 0.7 }
      - { metric: self-inspection, weight: 0.3 }
`;
    return testRule(RULE, {
      valid: [plan('')],
      invalid: [
        {
          policy: plan(', reported_by: [installers]'),
          base: '',
          errors: [
            {
              at: 'compensation.0.bonus.0',
              message:
                'Plan install-pay puts 100% of variable pay on numbers it counts or reports itself (self-inspection and units-installed) with no guard beside them (no quality measure of real weight, no clawback for misconduct or refunds): people will raise the number they report, not the result it stands for.',
              fix: 'declare a quality or integrity metric (type: quality, such as an independent check of self-inspection and units-installed as the team reports them), pay at least 10% of variable pay on it in install-pay',
            },
          ],
        },
      ],
    });
  });

  it('reports a plan whose largest line is an unguarded count of at least largest_lever_share, an outcome beside it or not, when the plan has no guard at all', () => {
    const agents = (bonus: string, extra = '') => `version: 1
strategy: { name: Service }
teams: [{ id: agents, kind: non-revenue }]
metrics:
  - { id: renewals, type: outcome }
  - { id: calls-handled, type: output }
  - { id: attendance, type: behavior }
  - { id: resolution-audit, type: quality }
compensation:
  - id: agent-bonus
    team: agents
    bonus: ${bonus}
${extra}`;
    const largest = '[{ metric: calls-handled, weight: 0.45 }, { metric: renewals, weight: 0.35 }, { metric: attendance, weight: 0.2 }]';
    return testRule(RULE, {
      valid: [
        // The outcome is the largest line: the count is one measure beside it.
        agents('[{ metric: calls-handled, weight: 0.4 }, { metric: renewals, weight: 0.45 }, { metric: attendance, weight: 0.15 }]'),
        // Below largest_lever_share.
        agents('[{ metric: calls-handled, weight: 0.35 }, { metric: renewals, weight: 0.3 }, { metric: attendance, weight: 0.35 }]'),
        // A guard of any weight is there (a quality line, a clawback).
        agents(
          '[{ metric: calls-handled, weight: 0.45 }, { metric: renewals, weight: 0.35 }, { metric: resolution-audit, weight: 0.05 }, { metric: attendance, weight: 0.15 }]',
        ),
        agents(largest, '    clawback: { months: 3, triggers: [misconduct] }\n'),
        { text: agents(largest), options: { largest_lever_share: 0.5 } },
      ],
      invalid: [
        {
          text: agents(largest),
          errors: [
            {
              at: 'compensation.0.bonus.0',
              message: COUNT_MESSAGE('agent-bonus', '45%', 'a count (calls-handled, output)'),
              fix: 'pay at least 10% of variable pay on resolution-audit (type: quality) in agent-bonus',
            },
          ],
        },
      ],
    });
  });

  describe('thresholds, bounds included (each option alone: the others at 1)', () => {
    const agents = (bonus: string) => `version: 1
strategy: { name: Service }
teams: [{ id: agents, kind: non-revenue }]
metrics:
  - { id: renewals, type: outcome }
  - { id: calls-handled, type: output }
  - { id: tickets-closed, type: output }
  - { id: attendance, type: behavior }
  - { id: resolution-audit, type: quality }
compensation:
  - { id: agent-bonus, team: agents, bonus: ${bonus} }
`;
    const only = (option: string, value: number) => ({ share: 1, share_without_any_guard: 1, largest_lever_share: 1, [option]: value });
    const fix = 'pay at least 10% of variable pay on resolution-audit (type: quality) in agent-bonus';
    const one = (share: string) => ({ message: COUNT_MESSAGE('agent-bonus', share, 'a count (calls-handled, output)'), fix });

    it('`share`: counts of exactly that share are reported, and so are counts that add up to it but for floating-point noise (0.3 + 0.6)', () =>
      testRule(RULE, {
        valid: [
          { text: agents('[{ metric: calls-handled, weight: 0.5 }, { metric: renewals, weight: 0.5 }]'), options: only('share', 0.625) },
        ],
        invalid: [
          {
            text: agents('[{ metric: calls-handled, weight: 0.5 }, { metric: renewals, weight: 0.5 }]'),
            options: only('share', 0.5),
            errors: [{ at: 'compensation.0.bonus.0', ...one('50%') }],
          },
          {
            text: agents(
              '[{ metric: calls-handled, weight: 0.3 }, { metric: tickets-closed, weight: 0.6 }, { metric: renewals, weight: 0.1 }]',
            ),
            options: only('share', 0.9),
            errors: [
              {
                at: 'compensation.0.bonus.1',
                message: COUNT_MESSAGE('agent-bonus', '90%', 'counts (calls-handled and tickets-closed)', 'them'),
                fix,
              },
            ],
          },
        ],
      }));

    it('`share_without_any_guard`: a plan with no guard and no outcome is reported from exactly that share', () =>
      testRule(RULE, {
        valid: [
          {
            text: agents('[{ metric: calls-handled, weight: 0.25 }, { metric: attendance, weight: 0.75 }]'),
            options: only('share_without_any_guard', 0.375),
          },
        ],
        invalid: [
          {
            text: agents('[{ metric: calls-handled, weight: 0.25 }, { metric: attendance, weight: 0.75 }]'),
            options: only('share_without_any_guard', 0.25),
            errors: [{ at: 'compensation.0.bonus.0', ...one('25%') }],
          },
        ],
      }));

    it('`largest_lever_share`: from exactly that share, when the heaviest count outweighs every other line (a tie is not larger)', () =>
      testRule(RULE, {
        valid: [
          {
            name: 'the count ties with the outcome',
            text: agents(
              '[{ metric: calls-handled, weight: 0.4 }, { metric: renewals, weight: 0.4 }, { metric: attendance, weight: 0.2 }]',
            ),
            options: only('largest_lever_share', 0.4),
          },
        ],
        invalid: [
          {
            text: agents(
              '[{ metric: calls-handled, weight: 0.4 }, { metric: renewals, weight: 0.35 }, { metric: attendance, weight: 0.25 }]',
            ),
            options: only('largest_lever_share', 0.4),
            errors: [{ at: 'compensation.0.bonus.0', ...one('40%') }],
          },
          {
            name: 'the heaviest of two counts is what outweighs the other lines',
            text: agents(
              '[{ metric: calls-handled, weight: 0.45 }, { metric: tickets-closed, weight: 0.1 }, { metric: renewals, weight: 0.3 }, { metric: attendance, weight: 0.15 }]',
            ),
            options: only('largest_lever_share', 0.55),
            errors: [
              {
                at: 'compensation.0.bonus.0',
                message: COUNT_MESSAGE('agent-bonus', '55%', 'counts (calls-handled and tickets-closed)', 'them'),
                fix,
              },
            ],
          },
        ],
      }));
  });
});
