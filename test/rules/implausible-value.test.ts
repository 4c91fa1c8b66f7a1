import { describe, it } from 'vitest';
import { policyText, testRule } from '../../src/testing/index.js';

// The base policy: smb deals of 8,000 are the smallest.
const RULE = 'implausible-value';

/** Plan ae-2026: 120,000 of target variable pay (OTE 240,000 at 50%) on one quota, with these extra keys. */
function quotaPlan(quota: string, extra = ''): string {
  return `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - ${quota}
${extra}`;
}

const rateFinding = (written: string, shown: string) => ({
  at: 'compensation.0.commission.0.rate',
  message: `Plan ae-2026 pays commission of ${shown} of every dollar booked on new-arr, which no plan pays: a rate written as ${written} reads as ${shown}, and ${written}% is almost certainly what was meant.`,
  fix: `write rate: "${written}%" if ${written}% is meant (a bare number is a share: 0.01 is 1%)`,
});

const commission = (rate: string) => `compensation:\n  - id: ae-2026\n    commission: [{ metric: new-arr, rate: ${rate} }]\n`;

describe('implausible-value', () => {
  it('fires on a commission rate written as 1 or 0.5', () =>
    testRule(RULE, {
      invalid: [
        // The safe fix: the rate the message says was meant, quoted as a percentage.
        {
          policy: commission('1'),
          errors: [{ ...rateFinding('1', '100%'), editSafety: 'safe' }],
          output: policyText({ policy: commission('1') }).replace('rate: 1 }', 'rate: "1%" }'),
        },
        {
          policy: commission('0.5'),
          errors: [rateFinding('0.5', '50%')],
          output: policyText({ policy: commission('0.5') }).replace('rate: 0.5 }', 'rate: "0.5%" }'),
        },
        {
          name: 'by message id: the wording lives in meta.messages once',
          policy: commission('0.75'),
          errors: [
            {
              at: 'compensation.0.commission.0.rate',
              messageId: 'rate',
              data: { plan: 'ae-2026', what: 'commission of', percent: '75%', onMetric: ' on new-arr', written: '0.75' },
            },
          ],
        },
      ],
    }));

  it('fires on a quota smaller than one average deal, and not again on its base rate', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: quotaPlan('{ metric: new-arr, amount: 1200 }'),
          errors: [
            {
              at: 'compensation.0.quotas.0.amount',
              message:
                'Plan ae-2026 sets a quota of 1,200 per year on new-arr, less than one average smb deal (8,000) in a whole year: the amount is almost certainly missing digits (thousands?).',
              fix: 'write the amount in full currency units, such as amount: 1200000 for 1,200 thousand',
            },
          ],
        },
      ],
    }));

  it('fires on a base rate above max_base_rate, and stays silent on a high but payable one', () =>
    testRule(RULE, {
      // 120,000 ÷ 200,000 = 60%: high, as on an expansion quota, but payable.
      valid: [quotaPlan('{ metric: new-arr, amount: 200000 }')],
      invalid: [
        {
          policy: quotaPlan('{ metric: new-arr, amount: 100000 }'),
          errors: [
            {
              // 120,000 ÷ 100,000 = 120%; 120,000 ÷ 100% = 120,000.
              at: 'compensation.0.quotas.0.amount',
              message:
                'Plan ae-2026 pays 120,000 of target variable pay on a quota of 100,000 a year on new-arr: a base rate of 120% of every dollar booked, which no commission plan pays; the quota, the ote or the variable_share is almost certainly mistyped.',
              fix: 'check the quota amount, ote and variable_share of plan ae-2026: a quota of at least 120,000 a year keeps the base rate at or below 100%',
            },
          ],
        },
      ],
    }));

  it('fires on a cap amount below on-target commission', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: quotaPlan('{ metric: new-arr, amount: 300000, period: quarter }', '    curve:\n      cap: { amount: 20000 }\n'),
          errors: [
            {
              // 120,000 a year is 30,000 a quarter at 100% of quota.
              at: 'compensation.0.curve.cap.amount',
              messageId: 'capBelowTarget',
              data: { plan: 'ae-2026', cap: '20,000', period: 'quarter', onTarget: '30,000', metric: 'new-arr' },
              fix: 'raise the cap amount to at least 30,000 (on-target commission per quarter), or write it as attainment, such as attainment: 2',
            },
          ],
        },
      ],
    }));

  it('stays silent on plausible numbers', () =>
    testRule(RULE, {
      valid: [
        commission('"8%"'),
        commission('0.4'),
        quotaPlan('{ metric: new-arr, amount: 1200000 }', '    curve:\n      cap: { amount: 240000 }\n'),
        quotaPlan('{ metric: new-arr, amount: 300000, period: quarter }', '    spiffs:\n      - { segment: enterprise, rate: "2%" }\n'),
      ],
    }));
});
