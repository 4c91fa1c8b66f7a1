import { describe, expect, it } from 'vitest';
import incentiveAfterAnnouncement from '../../rules/incentive-after-announcement.js';
import { runRules } from '../../src/engine/run.js';
import { loadPolicy } from '../../src/load/index.js';
import { remove, set, testRule } from '../../src/testing/index.js';
import { policyWith, tempDir } from '../helpers.js';

const INSTRUMENTS = `compensation:
  - id: ae-2026
    team: sales
    effective: 2026-03-02
  - id: ae-2026-h2
    effective: 2026-03-03
    bonus:
      - { metric: enterprise-arr, weight: 1 }
okrs:
  - id: eng-q3
    key_results: []
`;

const RULE = 'incentive-after-announcement';

describe('incentive-after-announcement', () => {
  it('fires on an effective date after the announcement and on a missing one, not on the announcement day itself', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: INSTRUMENTS,
          errors: [
            {
              at: 'compensation.1.effective',
              message:
                'Plan ae-2026-h2 takes effect on 2026-03-03, 1 day after the strategy is announced (2026-03-02), and it is the first incentive for enterprise-arr: until then teams execute the old strategy under new labels.',
              fix: 'make ae-2026-h2 effective on or before 2026-03-02, or announce the strategy no earlier than 2026-03-03',
            },
            {
              at: 'okrs.0.id',
              message:
                'OKR set eng-q3 has no effective date: nobody can tell whether it is in force when the strategy is announced (2026-03-02).',
              fix: 'add effective: 2026-03-02 (or the earlier date it took effect)',
            },
          ],
        },
      ],
    }));

  it('stays silent on a late instrument that continues what an earlier one already rewards, unless every_instrument', () => {
    const continued = `compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    bonus:
      - { metric: enterprise-arr, weight: 1 }
okrs:
  - id: sales-2026-q3
    team: sales
    effective: 2026-07-01
    key_results:
      - { metric: enterprise-arr, target: "+10%" }
      - { metric: defect-rate, target: "-5%" }
`;
    return testRule(RULE, {
      valid: [continued],
      invalid: [
        {
          policy: continued,
          options: { every_instrument: true },
          errors: [
            {
              at: 'okrs.0.effective',
              message:
                'OKR set sales-2026-q3 takes effect on 2026-07-01, 121 days after the strategy is announced (2026-03-02): until then teams execute the old strategy under new labels.',
              fix: 'make sales-2026-q3 effective on or before 2026-03-02, or announce the strategy no earlier than 2026-07-01',
            },
          ],
        },
      ],
    });
  });

  it('stays silent on undated instruments when the strategy has no announcement date: there is no lag to measure (real handbooks publish undated plans)', () =>
    testRule(RULE, { valid: [{ policy: INSTRUMENTS, edits: [remove('strategy.announced')] }] }));

  it('says once, for the policy, that no instrument is dated, instead of once per instrument', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `compensation:
  - id: ae-2026
    team: sales
okrs:
  - id: eng-q3
    key_results: []
recognition:
  - id: awards
    awards: []
`,
          errors: [
            {
              at: 'compensation.0.id',
              message:
                'No instrument of the policy has an effective date (3 instruments): nobody can tell which of them are in force when the strategy is announced (2026-03-02).',
              fix: 'add effective: YYYY-MM-DD to every plan, OKR set, promotion ladder and recognition program, starting with ae-2026',
            },
          ],
        },
      ],
    }));

  it('reads the announcement date from the policy, so a caller can check another date', async () => {
    const loaded = loadPolicy(['policy.yaml'], { cwd: tempDir({ 'policy.yaml': policyWith(INSTRUMENTS) }) });
    loaded.policy.strategy.announced = '2026-04-01';
    const run = await runRules(loaded, [{ rule: incentiveAfterAnnouncement, severity: 'error', options: {} }], { today: '2026-06-01' });
    expect(run.diagnostics).toEqual([]);
    expect(run.findings.map(({ line, severity, message }) => ({ line, severity, message }))).toEqual([
      {
        line: 32,
        severity: 'error',
        message:
          'OKR set eng-q3 has no effective date: nobody can tell whether it is in force when the strategy is announced (2026-04-01).',
      },
    ]);
  });
  it('judges a first incentive for a priority with its own deadline (by) against that day, and leaves out instruments that ended (until) before the announcement', () => {
    const dated = (effective: string, extra = '') => ({
      policy: `compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    until: 2026-02-01
${extra}okrs:
  - id: enterprise-2027
    team: sales
    effective: ${effective}
    key_results:
      - { metric: enterprise-arr, target: "+20%" }
`,
      edits: [set('strategy.priorities.0.by', '2027-12-31')],
    });
    return testRule(RULE, {
      valid: [dated('2027-06-01'), dated('2027-12-31')],
      invalid: [
        {
          ...dated('2028-01-15'),
          errors: [
            {
              at: 'okrs.0.effective',
              message:
                'OKR set enterprise-2027 takes effect on 2028-01-15, 15 days after the priorities that favor it are due (2027-12-31), and it is the first incentive for enterprise-arr: until then teams execute the old strategy under new labels.',
              fix: 'make enterprise-2027 effective on or before 2027-12-31',
            },
          ],
        },
        {
          // Without the deadline the same set is late for the announcement.
          ...dated('2027-06-01'),
          edits: [],
          errors: [
            {
              at: 'okrs.0.effective',
              message:
                'OKR set enterprise-2027 takes effect on 2027-06-01, 456 days after the strategy is announced (2026-03-02), and it is the first incentive for enterprise-arr: until then teams execute the old strategy under new labels.',
              fix: 'make enterprise-2027 effective on or before 2026-03-02, or announce the strategy no earlier than 2027-06-01',
            },
          ],
        },
      ],
    });
  });
});
