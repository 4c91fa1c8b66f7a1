import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

// The base policy favors enterprise and enterprise-arr, and deprioritizes smb and velocity.
const RULE = 'accelerator-on-deprioritized';

/** Plan ae-2026 paying 10% on new-arr, with these extra keys. */
function plan(extra: string): string {
  return `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: "10%" }]
${extra}
`;
}

const QUOTA_ON_SMB = `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: smb, amount: 1200000 }
    commission:
      - { metric: new-arr, segment: enterprise, rate: "10%" }
    curve:
      tiers: [{ from: 1, multiplier: 1.5 }]
`;

describe('accelerator-on-deprioritized', () => {
  it('fires on a credit multiplier for a deprioritized segment', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: plan('    credit:\n      - { segment: smb, multiplier: 1.25 }'),
          errors: [
            {
              at: 'compensation.0.credit.0.multiplier',
              message:
                'Plan ae-2026 credits every dollar of segment smb as 1.25 dollars toward quota and pay, and the strategy deprioritizes it: the plan pays more for what the strategy wants less of.',
              fix: 'remove this credit from plan ae-2026, or give it to segment enterprise instead',
            },
          ],
        },
      ],
    }));

  it('fires on a standing kicker for a deprioritized metric', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: plan('    spiffs:\n      - { kind: kicker, metric: velocity, amount: 300 }'),
          errors: [
            {
              at: 'compensation.0.spiffs.0',
              message:
                'Plan ae-2026 pays a kicker (300 per deal on velocity) with no end date on metric velocity, which the strategy deprioritizes: a standing extra for the old priority.',
              fix: 'remove it from plan ae-2026, or pay it on metric enterprise-arr instead',
            },
          ],
        },
      ],
    }));

  it('fires on an accelerator that only a quota on the deprioritized segment gets', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: QUOTA_ON_SMB,
          errors: [
            {
              at: 'compensation.0.curve.tiers.0.multiplier',
              message:
                'Plan ae-2026 pays 1.5× the base rate from 100% of its quota on segment smb, which the strategy deprioritizes, while the favored enterprise is paid outside any quota, without the accelerator: ' +
                'the more a seller sells of the old priority, the better each dollar of it pays.',
              fix: 'put enterprise under a quota of plan ae-2026 so that it gets the accelerator, and pay smb outside the quota at a flat rate',
            },
          ],
        },
      ],
    }));

  it('stays silent on extras for the favored, on an accelerator every segment gets, and on dated SPIFFs (spiff-timing)', () =>
    testRule(RULE, {
      valid: [
        { name: 'credit on enterprise', policy: plan('    credit:\n      - { segment: enterprise, multiplier: 1.25 }') },
        { name: 'credit of 1 on smb', policy: plan('    credit:\n      - { segment: smb, multiplier: 1 }') },
        {
          name: 'a SPIFF with an end date',
          policy: plan('    spiffs:\n      - { segment: smb, amount: 500, start: 2026-04-01, end: 2026-06-30 }'),
        },
        {
          name: 'one accelerated quota on every segment',
          policy: `compensation:
  - id: ae-2026
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, amount: 1200000 }
    curve:
      tiers: [{ from: 1, multiplier: 1.5 }]
`,
        },
      ],
    }));
});
