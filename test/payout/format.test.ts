/**
 * The quota-plan keys of format v1: every bad value stops the run (exit 2) with file:line:column,
 * what is wrong and what to write; a quota plan that omits rates is read; a policy without the keys
 * reads exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { BASE_POLICY } from '../helpers.js';
import { expectNoStackTrace, expectUntrusted, LintBatch, lintFiles, yamlLines } from '../bad-input/harness.js';

/** BASE_POLICY has 21 lines: the plan below starts at line 22. */
const PLAN_HEAD = ['compensation:', '  - id: ae-2026', '    team: sales'];
const policy = (...lines: string[]) => `${BASE_POLICY}${yamlLines(...PLAN_HEAD, ...lines)}`;
const LINE = (n: number) => 24 + n; // line of the n-th (1-based) argument given to policy()

interface Case {
  name: string;
  text: string;
  where: string;
  message: string;
}

describe.concurrent('bad values of the quota-plan keys point at the value and say what to write', () => {
  const cases: Case[] = [
    {
      name: 'a currency in lowercase',
      text: BASE_POLICY.replace('organization: Test Co', 'organization: Test Co\ncurrency: usd'),
      where: 'policy.yaml:3:11',
      message: 'currency: "usd" is written in capitals in ISO 4217: write currency: USD',
    },
    {
      name: 'a currency that is no ISO 4217 code',
      text: BASE_POLICY.replace('organization: Test Co', 'organization: Test Co\ncurrency: EURO'),
      where: 'policy.yaml:3:11',
      message: 'currency: "EURO" is not an ISO 4217 currency code: write its three capital letters, such as currency: EUR',
    },
    {
      name: 'a quota period that does not exist',
      text: policy('    quotas:', '      - { metric: new-arr, amount: 1200000, period: fortnight }'),
      where: `policy.yaml:${LINE(2)}:53`,
      message: 'period: the text "fortnight" is not one of month, quarter, half, year',
    },
    {
      name: 'a quota period written as an adjective',
      text: policy('    quotas:', '      - { metric: new-arr, amount: 1200000, period: annual }'),
      where: `policy.yaml:${LINE(2)}:53`,
      message: 'period: the text "annual" is not one of month, quarter, half, year; write period: year',
    },
    {
      name: 'a quota amount that is not positive',
      text: policy('    quotas:', '      - { metric: new-arr, amount: 0 }'),
      where: `policy.yaml:${LINE(2)}:36`,
      message: 'amount must be greater than 0, such as amount: 1200000',
    },
    {
      name: 'tiers out of order',
      text: policy('    curve:', '      tiers:', '        - { from: 1.5, multiplier: 2 }', '        - { from: "120%", multiplier: 1.5 }'),
      where: `policy.yaml:${LINE(4)}:19`,
      message:
        'from: tiers go in increasing order of from: this tier starts at 120%, not above the tier before it (150%); reorder them or fix the attainment',
    },
    {
      name: 'a threshold above the first tier',
      text: policy('    curve:', '      threshold: 0.8', '      tiers: [{ from: 0.5, multiplier: 0.5 }]'),
      where: `policy.yaml:${LINE(2)}:18`,
      message:
        'threshold: 80% is above the first tier (from 50%), whose start could never pay: lower the threshold to at most 50% or start the tier at the threshold',
    },
    {
      name: 'a cap below the threshold',
      text: policy('    curve:', '      threshold: "50%"', '      cap: { attainment: 0.4 }'),
      where: `policy.yaml:${LINE(3)}:26`,
      message:
        'attainment: the cap (40%) is not above the threshold (50%), so the plan never pays: write a cap above 50%, such as attainment: 2',
    },
    {
      name: 'a cap with both limits',
      text: policy('    curve:', '      cap: { attainment: 2, amount: 300000 }'),
      where: `policy.yaml:${LINE(2)}:7`,
      message: 'cap: a cap has either attainment or amount, not both: keep the one the plan states',
    },
    {
      name: 'a multiplier written as a percentage without the %',
      text: policy('    curve:', '      tiers: [{ from: 1, multiplier: 150 }]'),
      where: `policy.yaml:${LINE(2)}:38`,
      message: 'multiplier: 150 reads as 15,000%: for 150% write 1.5 or "150%"',
    },
    {
      name: 'an unknown clawback trigger',
      text: policy('    clawback: { months: 6, triggers: [churn, fraud] }'),
      where: `policy.yaml:${LINE(1)}:46`,
      message: 'triggers: the text "fraud" is not one of churn, non-payment, refund, misconduct',
    },
    {
      name: 'a SPIFF that ends before it starts',
      text: policy('    spiffs:', '      - { segment: smb, amount: 500, start: 2026-05-01, end: 2026-04-01 }'),
      where: `policy.yaml:${LINE(2)}:62`,
      message: 'end: the SPIFF ends (2026-04-01) before it starts (2026-05-01): write an end on or after 2026-05-01',
    },
    {
      name: 'a SPIFF with neither amount nor rate',
      text: policy('    spiffs:', '      - { segment: smb, start: 2026-05-01 }'),
      where: `policy.yaml:${LINE(2)}:9`,
      message: 'spiffs: a SPIFF pays an amount or a rate: add amount (such as amount: 500) or rate (such as rate: "2%")',
    },
    {
      name: 'a one-time SPIFF paid as a rate',
      text: policy('    spiffs:', '      - { segment: smb, rate: "2%", per: once }'),
      where: `policy.yaml:${LINE(2)}:42`,
      message: 'per: a rate is paid on each deal: write per: deal, or an amount for a one-time payment',
    },
    {
      name: 'a credit multiplier that names nothing',
      text: policy('    credit:', '      - { multiplier: 1.25 }'),
      where: `policy.yaml:${LINE(2)}:9`,
      message:
        'credit: a credit multiplier names what it applies to: add segment (such as segment: multi-year), a metric the plan pays on, or both',
    },
    {
      name: 'a credit multiplier of 0',
      text: policy('    commission:', '      - { metric: new-arr, rate: "10%" }', '    credit:', '      - { segment: smb, multiplier: 0 }'),
      where: `policy.yaml:${LINE(4)}:37`,
      message:
        'multiplier: a credit of 0 counts nothing toward quota and pays nothing: to leave these bookings out of a quota, write excludes: [segment] on the quota, or give the plan no line or quota on them',
    },
    {
      name: 'a credit on a metric the plan does not pay on (it would change nothing)',
      text: policy(
        '    commission:',
        '      - { metric: new-arr, rate: "10%" }',
        '    credit:',
        '      - { metric: enterprise-arr, multiplier: 1.2 }',
      ),
      where: `policy.yaml:${LINE(4)}:19`,
      message:
        'metric: the credit on enterprise-arr matches no quota or commission line of this plan, so it changes nothing: credit a metric the plan pays on (new-arr), or, to credit a kind of deal within it (such as multi-year contracts), declare that kind as a segment and write credit: [{ segment: …, multiplier: … }]',
    },
    {
      name: 'an unknown earned_on',
      text: policy('    earned_on: payment'),
      where: `policy.yaml:${LINE(1)}:16`,
      message: 'earned_on: the text "payment" is not one of booking, invoice, collection',
    },
    {
      name: 'a guarantee share above 100%',
      text: policy('    guarantee: { months: 3, share: 2 }'),
      where: `policy.yaml:${LINE(1)}:36`,
      message: 'share: 2 (200%) is above 100%: if you meant 2%, write 0.02 or "2%"',
    },
    {
      name: 'quota weights above 100%',
      text: policy(
        '    quotas:',
        '      - { metric: new-arr, amount: 100, weight: 0.7 }',
        '      - { metric: enterprise-arr, amount: 100, weight: 0.6 }',
      ),
      where: `policy.yaml:${LINE(1)}:5`,
      message: 'quotas: the quota weights add up to 130% of target variable pay: make them add up to at most 1 (100%)',
    },
    {
      name: 'an omitted rate without what the base rate is computed from',
      text: policy('    ote: 200000', '    commission:', '      - { metric: new-arr }'),
      where: `policy.yaml:${LINE(3)}:9`,
      message:
        'commission: a commission line has no "rate": add it, such as rate: "8%", or give the plan variable_share and a quota on new-arr so that the rate is target variable pay ÷ quota',
    },
    {
      name: 'a misspelled new key gets a suggestion',
      text: policy('    quota:', '      - { metric: new-arr, amount: 100 }'),
      where: `policy.yaml:${LINE(1)}:5`,
      message: 'unknown key "quota" in a compensation plan; did you mean "quotas"?',
    },
  ];
  // Every case stops at its own file: one run of the CLI for all of them (see LintBatch).
  const batch = new LintBatch();
  for (const { name, text, where, message } of cases) {
    batch.it(name, { 'policy.yaml': text }, (run) => expectUntrusted(run, where, message));
  }
});

describe.concurrent('quota plans that are well written', () => {
  it('a quota plan that omits its rates lints without input errors', async () => {
    const run = await lintFiles({
      'policy.yaml': policy(
        '    ote: 200000',
        '    variable_share: 0.5',
        '    earned_on: collection',
        '    quotas: [{ metric: new-arr, amount: 1000000, period: year }]',
        '    curve:',
        '      threshold: 0.5',
        '      tiers: [{ from: 1, multiplier: 1.5 }, { from: 1.5, multiplier: 2, retroactive: true }]',
        '      cap: { attainment: 2 }',
        '    credit: [{ segment: enterprise, multiplier: 1.25, description: annual prepaid }]',
        '    spiffs: [{ kind: kicker, segment: enterprise, amount: 5000, per: once, at: 1 }]',
        '    clawback: { months: 6, triggers: [churn, non-payment] }',
        '    ramp: [{ months: 3, quota_share: 0.5 }]',
        '    guarantee: { months: 3, share: 1, recoverable: false }',
        '    commission:',
        '      - { metric: new-arr, segment: enterprise }',
      ).replace('organization: Test Co', 'organization: Test Co\ncurrency: USD'),
    });
    expectNoStackTrace(run.stderr);
    expect(run.stderr).not.toMatch(/^error /m);
    expect([0, 1]).toContain(run.code);
  });

  it('two files that disagree on the currency are one input error', async () => {
    const run = await lintFiles(
      {
        'a.yaml': BASE_POLICY.replace('organization: Test Co', 'organization: Test Co\ncurrency: USD'),
        'b.yaml': 'version: 1\ncurrency: EUR\n',
      },
      ['.'],
    );
    expectUntrusted(
      run,
      'b.yaml:2:11',
      'currency EUR differs from USD in a.yaml: every amount of a policy is in one currency; convert the amounts and write currency: USD',
    );
  });
});
