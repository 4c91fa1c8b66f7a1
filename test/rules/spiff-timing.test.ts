import { describe, it } from 'vitest';
import { remove, testRule } from '../../src/testing/index.js';

// The base policy announces enterprise-first on 2026-03-02 (favors enterprise, deprioritizes smb); tests run on 2026-06-01.
const RULE = 'spiff-timing';

/** Plan ae-2026 paying 10% on new-arr (every segment), with this SPIFF. */
function withSpiff(spiff: string, commission = '{ metric: new-arr, rate: "10%" }'): string {
  return `compensation:
  - id: ae-2026
    commission: [${commission}]
    spiffs:
      - ${spiff}
`;
}

describe('spiff-timing', () => {
  it('fires on the end of a SPIFF on a deprioritized segment that runs past the announcement', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: withSpiff('{ id: smb-blitz, segment: smb, amount: 500, start: 2026-01-01, end: 2026-06-30 }'),
          errors: [
            {
              at: 'compensation.0.spiffs.0.end',
              message:
                'Plan ae-2026 pays the SPIFF smb-blitz (500 per deal on smb, 2026-01-01 to 2026-06-30) on segment smb, which the strategy deprioritizes, until 2026-06-30, ' +
                'after the strategy is announced (2026-03-02): sellers hear the old priority louder than the new one.',
              fix: 'end the SPIFF before 2026-03-02 (end: 2026-03-01), or pay it on segment enterprise instead',
            },
          ],
        },
      ],
    }));

  it('fires on a SPIFF that is the only pay for a favored segment while the base plan pays every segment alike', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: withSpiff('{ segment: enterprise, amount: 2000, start: 2026-03-01, end: 2026-09-30 }'),
          errors: [
            {
              at: 'compensation.0.spiffs.0',
              message:
                'Plan ae-2026 pays for segment enterprise only through a SPIFF (2,000 per deal on enterprise, 2026-03-01 to 2026-09-30), while its base plan still pays new-arr on every segment, smb included: ' +
                'when the SPIFF ends, the plan pays the old priority again.',
              fix: 'pay segment enterprise in the base plan of ae-2026 (a commission line or a quota of its own), not only in a SPIFF',
            },
          ],
        },
      ],
    }));

  it('stays silent on SPIFFs that ended, on a favored SPIFF beside a line of its own, and without an announcement date', () =>
    testRule(RULE, {
      valid: [
        { name: 'ended before the announcement', policy: withSpiff('{ segment: smb, amount: 500, start: 2025-10-01, end: 2025-12-31 }') },
        { name: 'ended before today', policy: withSpiff('{ segment: smb, amount: 500, start: 2026-01-01, end: 2026-05-31 }') },
        {
          name: 'enterprise has a commission line',
          policy: withSpiff(
            '{ segment: enterprise, amount: 2000, end: 2026-09-30 }',
            '{ metric: new-arr, segment: enterprise, rate: "12%" }',
          ),
        },
        {
          name: 'no announcement',
          policy: withSpiff('{ segment: smb, amount: 500, end: 2026-06-30 }'),
          edits: [remove('strategy.announced')],
        },
      ],
    }));
});
