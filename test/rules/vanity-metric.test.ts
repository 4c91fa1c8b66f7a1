import { describe, expect, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';
import { findingsOf, lintText } from '../helpers.js';
import { pipelinePolicy } from './fragments.js';

const RULE = 'vanity-metric';

const MARKETING = `version: 1
strategy:
  priorities:
    - id: grow
      favor: { metrics: [new-arr] }
teams:
  - { id: marketing }
metrics:
  - { id: new-arr, type: outcome }
  - { id: social-followers, vanity: true }
  - { id: calls-made, type: activity }
  - { id: mqls, type: output, proxy_for: [new-arr] }
  - { id: blog-posts, type: output, proxy_for: [] }
  - { id: velocity, type: speed }
compensation:
  - id: marketing-2026
    team: marketing
    bonus:
      - { metric: social-followers, weight: 0.2 }
      - { metric: calls-made, weight: 0.3 }
      - { metric: mqls, weight: 0.3 }
      - { metric: blog-posts, weight: 0.2 }
okrs:
  - id: marketing-okrs
    team: marketing
    key_results: [{ metric: velocity }, { metric: new-arr }]
recognition:
  - id: awards
    awards:
      - { text: Most followers, metric: social-followers, teams: [marketing] }
      - { text: Mystery award, metric: undeclared-thing }
`;

/** One count, all of the plan, no guard: gameable-target's unguarded target, and vanity-metric's proxy whose outcome is unpaid. */
const UNGUARDED_PROXY = `version: 1
strategy: { name: Pipeline }
teams:
  - { id: marketing }
metrics:
  - { id: new-arr, type: outcome }
  - { id: sqls, type: output, proxy_for: [new-arr] }
compensation:
  - { id: marketing-2026, team: marketing, bonus: [{ metric: sqls, weight: 1 }] }
`;

const noProxy = (metric: string, type: string) =>
  `rewards ${metric}, an ${type} metric with no proxy_for: nothing says which outcome it stands in for, so the number can rise while the business does not.`;
const VANITY =
  'rewards social-followers, which is declared a vanity metric: it says nothing about business health, and people will chase it anyway.';

/** The findings on marketing-2026 once a clawback guards it (its counts are then not gameable-target's unguarded target). */
const GUARDED_PLAN = [
  {
    at: 'compensation.0.bonus.0',
    message: `Plan marketing-2026 ${VANITY}`,
    fix: 'replace social-followers with new-arr (type: outcome), or remove it from marketing-2026',
  },
  {
    at: 'compensation.0.bonus.1',
    message: `Plan marketing-2026 ${noProxy('calls-made', 'activity')}`,
    fix: 'declare the outcome it stands for on metric calls-made (proxy_for: [new-arr]), or reward new-arr instead',
  },
  {
    at: 'compensation.0.bonus.3',
    message: `Plan marketing-2026 ${noProxy('blog-posts', 'output')}`,
    fix: 'declare the outcome it stands for on metric blog-posts (proxy_for: [new-arr]), or reward new-arr instead',
  },
];

describe('vanity-metric', () => {
  it('fires on every reward line of a vanity metric or of an activity/output metric without proxy_for; silent on proxied outputs, speed, outcomes and undeclared metrics', () =>
    testRule(RULE, {
      invalid: [
        {
          base: MARKETING,
          // A clawback guards the plan, so its counts are not gameable-target's unguarded target.
          edits: [set('compensation.0.clawback', { months: 12 })],
          errors: [
            // compensation.0.bonus.2 (mqls) has proxy_for; the OKRs reward a speed metric and an outcome.
            ...GUARDED_PLAN,
            // recognition.0.awards.0 celebrates social-followers, already reported where it is paid; awards.1: undeclared-thing is unknown-reference's business.
          ],
        },
      ],
    }));

  it('stays silent once every metric is an outcome or says what it is a proxy for', () =>
    testRule(RULE, {
      valid: [
        {
          base: MARKETING,
          edits: [
            set('metrics.1', { id: 'social-followers', type: 'outcome' }),
            set('metrics.2.proxy_for', ['new-arr']),
            set('metrics.4.proxy_for', ['new-arr']),
          ],
        },
      ],
    }));

  it('says what to do when the policy declares no outcome to suggest', () =>
    testRule(RULE, {
      invalid: [
        {
          text: `version: 1
strategy: { name: Reach }
metrics:
  - { id: social-followers, vanity: true }
  - { id: calls-made, type: activity }
  - { id: brand-safety }
okrs:
  - id: reach
    key_results: [{ metric: social-followers }, { metric: calls-made, target: 50 }, { metric: brand-safety, guardrail: true }]
`,
          errors: [
            {
              line: 9,
              column: 19,
              message: `OKR set reach ${VANITY}`,
              fix: 'remove social-followers from reach, or reward an outcome (type: outcome) that it was meant to move',
            },
            {
              line: 9,
              column: 49,
              message: `OKR set reach ${noProxy('calls-made', 'activity')}`,
              fix: 'declare the outcome it stands for on metric calls-made (proxy_for: [an outcome metric id], declared with type: outcome), or stop rewarding it',
            },
          ],
        },
      ],
    }));

  it('a proxy_for alone does not silence it: what the count stands for must be rewarded for the same team (through proxy chains), in a guarded instrument', () =>
    testRule(RULE, {
      invalid: [
        {
          text: `version: 1
strategy: { name: Pipeline }
teams:
  - { id: marketing }
  - { id: sales }
metrics:
  - { id: new-arr, type: outcome }
  - { id: sqls, type: output, proxy_for: [new-arr] }
  - { id: website-visits, type: activity, proxy_for: [sqls] }
  - { id: lead-quality, type: quality }
compensation:
  - { id: marketing-2026, team: marketing, bonus: [{ metric: website-visits, weight: 0.8 }, { metric: lead-quality, weight: 0.2 }] }
  - { id: ae-2026, team: sales, commission: [{ metric: new-arr, rate: "10%" }] }
`,
          errors: [
            {
              line: 12,
              column: 52,
              message:
                'Plan marketing-2026 rewards website-visits, declared a proxy for sqls, but nothing rewards sqls for marketing: the activity count can rise while what it stands for does not.',
              fix: 'add a bonus component on sqls to marketing-2026 beside website-visits, or stop rewarding website-visits',
            },
          ],
        },
      ],
      valid: [
        {
          text: `version: 1
strategy: { name: Pipeline }
teams:
  - { id: marketing }
metrics:
  - { id: new-arr, type: outcome }
  - { id: sqls, type: output, proxy_for: [new-arr] }
  - { id: website-visits, type: activity, proxy_for: [sqls] }
compensation:
  - { id: marketing-2026, team: marketing, bonus: [{ metric: website-visits, weight: 0.5 }, { metric: new-arr, weight: 0.5 }] }
`,
        },
      ],
    }));

  it('stays silent on a count another team accepts and is paid on the result for (sales-accepted opportunities); a vanity metric stays vanity', () =>
    testRule(RULE, {
      valid: [pipelinePolicy('{ id: sales-accepted-opps, type: output, accepted_by: account-executives }')],
      invalid: [
        {
          text: `version: 1
strategy: { name: Pipeline }
teams:
  - { id: sdrs }
  - { id: account-executives }
metrics:
  - { id: new-acv, type: outcome }
  - { id: meetings, type: output, vanity: true, accepted_by: account-executives }
compensation:
  - { id: sdr-plan, team: sdrs, bonus: [{ metric: meetings, weight: 1 }] }
  - { id: ae-plan, team: account-executives, commission: [{ metric: new-acv, rate: "10%" }] }
`,
          errors: [
            {
              line: 10,
              column: 41,
              message:
                'Plan sdr-plan rewards meetings, which is declared a vanity metric: it says nothing about business health, and people will chase it anyway.',
              fix: 'remove meetings from sdr-plan, or reward an outcome (type: outcome) that it was meant to move',
            },
          ],
        },
      ],
    }));

  it('leaves a key result with no level to reach alone: a deliverable, done or not, has no number that can rise', () =>
    testRule(RULE, {
      valid: [
        `version: 1
strategy: { name: Delivery }
metrics:
  - { id: fedramp-readiness, type: output }
okrs:
  - { id: infra-q3, key_results: [{ metric: fedramp-readiness, target: Security assessment report submitted }] }
`,
      ],
    }));

  it('alone, reports the counts of an unguarded target too (the engine, not the rule, leaves them to gameable-target), and reports a metric once per instrument', () =>
    testRule(RULE, {
      invalid: [
        {
          name: "the rule alone: no clawback, so the counts are also gameable-target's unguarded target",
          base: MARKETING,
          errors: GUARDED_PLAN,
        },
        {
          name: 'the rule alone: an unguarded proxied count whose outcome nobody is paid on',
          text: UNGUARDED_PROXY,
          errors: [
            {
              line: 9,
              column: 52,
              message:
                'Plan marketing-2026 rewards sqls, declared a proxy for new-arr, but nothing rewards new-arr for marketing: the output count can rise while what it stands for does not.',
              fix: 'add a bonus component on new-arr to marketing-2026 beside sqls, or stop rewarding sqls',
            },
          ],
        },
        {
          name: 'the same metric twice in one OKR set',
          base: MARKETING,
          edits: [
            set('compensation.0.clawback', { months: 12 }),
            set('okrs.0.key_results', [
              { metric: 'calls-made', target: 'weekly' },
              { metric: 'calls-made', target: 'daily' },
              { metric: 'new-arr', guardrail: true },
            ]),
          ],
          errors: [
            ...GUARDED_PLAN,
            {
              at: 'okrs.0.key_results.0',
              message: `OKR set marketing-okrs ${noProxy('calls-made', 'activity')}`,
              fix: 'declare the outcome it stands for on metric calls-made (proxy_for: [new-arr]), or reward new-arr instead',
            },
          ],
        },
      ],
    }));

  it('stays silent on a count the strategy favors in a guarded instrument: a piece rate with unpaid redos (Safelite, 1994)', () =>
    testRule(RULE, {
      valid: [
        `version: 1
strategy: { priorities: [{ id: productivity, favor: { metrics: [units-installed] } }] }
teams: [{ id: installers }]
metrics: [{ id: units-installed, type: output }]
compensation:
  - id: piece-rate
    team: installers
    bonus: [{ metric: units-installed, weight: 1 }]
    clawback: { months: 12, triggers: [refund] }
`,
      ],
    }));

  it('stays silent on a count whose declared quality measure is rewarded beside it; reports it once that measure is not rewarded', () => {
    const policy = (qualityWeight: string) => `version: 1
strategy: { priorities: [{ id: service, favor: { metrics: [customer-loyalty] } }] }
teams: [{ id: agents }]
metrics:
  - { id: customer-loyalty, type: outcome }
  - { id: time-available, type: activity, quality_measured_by: call-quality }
  - { id: call-quality, type: quality }
compensation:
  - id: agent-bonus
    team: agents
    bonus: [{ metric: time-available, weight: 0.5 }${qualityWeight}]
`;
    return testRule(RULE, {
      valid: [policy(', { metric: call-quality, weight: 0.5 }')],
      invalid: [
        {
          policy: policy(''),
          errors: [
            {
              at: 'compensation.0.bonus.0',
              message:
                'Plan agent-bonus rewards time-available, an activity metric with no proxy_for: nothing says which outcome it stands in for, so the number can rise while the business does not.',
              fix: 'declare the outcome it stands for on metric time-available (proxy_for: [customer-loyalty]), or reward customer-loyalty instead',
            },
          ],
        },
      ],
    });
  });

  it('reports an award on a vanity number once, where it is paid; an award alone is reported on the award', () =>
    testRule(RULE, {
      invalid: [
        {
          base: MARKETING,
          edits: [set('compensation.0.bonus.0.metric', 'new-arr'), set('compensation.0.clawback', { months: 12 })],
          errors: [
            // GUARDED_PLAN without the first line: social-followers is paid no more.
            ...GUARDED_PLAN.slice(1),
            {
              at: 'recognition.0.awards.0',
              message: `Recognition program awards ${VANITY}`,
              fix: 'replace social-followers with new-arr (type: outcome), or remove it from awards',
            },
          ],
        },
      ],
    }));

  describe('one defect, one finding (meta.defersTo, decided by the engine over the whole rule set)', () => {
    const rulesOn = (result: Awaited<ReturnType<typeof lintText>>) => [...new Set(result.findings.map((finding) => finding.rule))].sort();

    it('drops its finding on a line gameable-target reports, when gameable-target is enabled', async () => {
      const result = await lintText(UNGUARDED_PROXY);
      expect(findingsOf(result, RULE)).toEqual([]);
      expect(findingsOf(result, 'gameable-target').map(({ line, column }) => ({ line, column }))).toEqual([{ line: 9, column: 52 }]);
    });

    it('keeps its finding on the lines gameable-target does not report (the vanity metric), and drops the counts gameable-target reports', async () => {
      const result = await lintText(MARKETING);
      expect(findingsOf(result, RULE).map(({ line, message }) => ({ line, message }))).toEqual([
        { line: 19, message: `Plan marketing-2026 ${VANITY}` },
      ]);
      expect(rulesOn(result)).toContain('gameable-target');
    });

    it('reports the line itself when gameable-target is off, or does not report it (its share raised): deferral reads findings, not options', async () => {
      const off = await lintText(UNGUARDED_PROXY, { rules: { 'gameable-target': 'off' } });
      expect(findingsOf(off, RULE).map(({ line, column }) => ({ line, column }))).toEqual([{ line: 9, column: 52 }]);
      // 60% on the count: gameable-target with its shares at 0.7 does not call the plan unguarded, so the line is vanity-metric's.
      const most = UNGUARDED_PROXY.replace(
        '{ id: sqls, type: output, proxy_for: [new-arr] }',
        '{ id: sqls, type: output, proxy_for: [new-arr] }\n  - { id: cycle-time, type: speed }',
      ).replace('[{ metric: sqls, weight: 1 }]', '[{ metric: sqls, weight: 0.6 }, { metric: cycle-time, weight: 0.4 }]');
      expect(findingsOf(await lintText(most), RULE)).toEqual([]);
      const raised = await lintText(most, {
        rules: { 'gameable-target': ['warning', { share: 0.7, share_without_any_guard: 0.7, largest_lever_share: 0.7 }] },
      });
      expect(findingsOf(raised, 'gameable-target')).toEqual([]);
      expect(findingsOf(raised, RULE).map(({ line, column }) => ({ line, column }))).toEqual([{ line: 10, column: 52 }]);
    });
  });

  it('reports the line itself when gameable-target is disabled on it by a comment: a rule disabled on a line is not enabled there', async () => {
    const disabled = UNGUARDED_PROXY.replace('compensation:\n', 'compensation:\n  # incentive-lint-disable-next-line gameable-target\n');
    const result = await lintText(disabled);
    expect(findingsOf(result, 'gameable-target')).toEqual([]);
    expect(result.suppressed.map((finding) => finding.rule)).toEqual(['gameable-target']);
    expect(findingsOf(result, RULE).map(({ line, column }) => ({ line, column }))).toEqual([{ line: 10, column: 52 }]);
  });

  const SCORECARD = (sales: number, customer: number, conduct: number) => `version: 1
strategy: { name: Customer outcomes }
teams: [{ id: branch-staff, kind: revenue }]
metrics:
  - { id: products-sold, type: output, proxy_for: [branch-revenue] }
  - { id: branch-revenue, type: outcome }
  - { id: customer-outcome, type: quality }
  - { id: conduct, type: behavior }
compensation:
  - id: frontline-scorecard
    team: branch-staff
    bonus:
      - { metric: products-sold, weight: ${sales} }
      - { metric: customer-outcome, weight: ${customer} }
      - { metric: conduct, weight: ${conduct} }
`;

  it('leaves a capped count inside a balanced scorecard alone (sales at most a third beside customer and conduct measures: the Sedgwick review), and reports it uncapped', () =>
    testRule(RULE, {
      valid: [SCORECARD(0.33, 0.35, 0.32)],
      invalid: [
        {
          text: SCORECARD(0.6, 0.2, 0.2),
          errors: [
            {
              at: 'compensation.0.bonus.0',
              message:
                'Plan frontline-scorecard rewards products-sold, declared a proxy for branch-revenue, but nothing rewards branch-revenue for branch-staff: the output count can rise while what it stands for does not.',
              fix: 'add a bonus component on branch-revenue to frontline-scorecard beside products-sold, or stop rewarding products-sold',
            },
          ],
        },
      ],
    }));

  it('judges the scorecard by its options, bounds included: the count at most scorecard_share, quality and behavior together at least balance_weight', () => {
    const options = { scorecard_share: 0.25, balance_weight: 0.5 };
    const unpaidOutcome = {
      at: 'compensation.0.bonus.0',
      message:
        'Plan frontline-scorecard rewards products-sold, declared a proxy for branch-revenue, but nothing rewards branch-revenue for branch-staff: the output count can rise while what it stands for does not.',
      fix: 'add a bonus component on branch-revenue to frontline-scorecard beside products-sold, or stop rewarding products-sold',
    };
    return testRule(RULE, {
      valid: [
        { name: 'both bounds met exactly', text: SCORECARD(0.25, 0.25, 0.25), options },
        { name: 'a quality measure alone balances it', text: SCORECARD(0.25, 0.5, 0.125), options },
        { name: 'a behavior measure alone balances it', text: SCORECARD(0.25, 0.125, 0.5), options },
      ],
      invalid: [
        { name: 'the count above scorecard_share', text: SCORECARD(0.375, 0.25, 0.25), options, errors: [unpaidOutcome] },
        { name: 'quality and behavior below balance_weight', text: SCORECARD(0.25, 0.125, 0.25), options, errors: [unpaidOutcome] },
      ],
    });
  });

  const PIECEWORK = (pool: string) => `version: 1
strategy: { name: Productive quality output }
teams: [{ id: production, kind: non-revenue }]
metrics:
  - { id: good-pieces, type: output, counts_only_good: true, proxy_for: [company-profit] }
  - { id: company-profit, type: outcome }
  - { id: work-quality, type: quality }
compensation:
  - id: production-pay
    team: production
    commission: [{ metric: good-pieces, per_unit: 2 }]
${pool}`;

  it('counts a pool funded by the outcome (pool × rating) as rewarding it for the team: a piece rate beside a profit pool is tied to the profit', () =>
    testRule(RULE, {
      valid: [
        PIECEWORK(
          '    pool: { funded_by: company-profit, rating: [{ metric: good-pieces, weight: 0.5 }, { metric: work-quality, weight: 0.5 }] }\n',
        ),
      ],
      invalid: [
        {
          text: PIECEWORK(''),
          errors: [
            {
              at: 'compensation.0.commission.0',
              message:
                'Plan production-pay rewards good-pieces, declared a proxy for company-profit, but nothing rewards company-profit for production: the output count can rise while what it stands for does not.',
              fix: 'add a bonus component on company-profit to production-pay beside good-pieces, or stop rewarding good-pieces',
            },
          ],
        },
      ],
    }));

  it('leaves named deliverables and key results that decide nothing (stakes: none) alone; a declared vanity metric stays vanity', () => {
    const okrs = (stakes: string, metricKeys = '') => `version: 1
strategy: { name: Benchmarks }
teams: [{ id: marketing }]
metrics:
  - { id: benchmarks-published, type: output${metricKeys} }
  - { id: page-views, vanity: true }
okrs:
  - id: crush
    team: marketing
${stakes}    key_results:
      - { metric: benchmarks-published, target: 5 }
      - { metric: page-views, target: 100000 }
`;
    const vanity = {
      at: 'okrs.0.key_results.1',
      message:
        'OKR set crush rewards page-views, which is declared a vanity metric: it says nothing about business health, and people will chase it anyway.',
      fix: 'remove page-views from crush, or reward an outcome (type: outcome) that it was meant to move',
    };
    return testRule(RULE, {
      invalid: [
        { policy: okrs('    stakes: none\n'), base: '', errors: [vanity] },
        { policy: okrs('', ', deliverable: true'), base: '', errors: [vanity] },
        {
          policy: okrs(''),
          base: '',
          errors: [
            {
              at: 'okrs.0.key_results.0',
              message:
                'OKR set crush rewards benchmarks-published, an output metric with no proxy_for: nothing says which outcome it stands in for, so the number can rise while the business does not.',
              fix: 'declare the outcome it stands for on metric benchmarks-published (proxy_for: [an outcome metric id], declared with type: outcome), or stop rewarding it',
            },
            vanity,
          ],
        },
      ],
    });
  });
});
