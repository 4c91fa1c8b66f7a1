import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'duplicate-id';

describe('duplicate-id', () => {
  it('fires on the second declaration, across sections of one kind', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `compensation:
  - { id: sales-2026, team: sales }
okrs:
  - { id: sales-2026, team: sales }
`,
          errors: [
            {
              at: 'okrs.0.id',
              message: 'The instrument id "sales-2026" is declared more than once.',
              fix: 'rename this instrument (for example sales-2026-2) or remove the duplicate',
            },
          ],
        },
        {
          name: 'reported once, on the second of two plans',
          policy: `compensation:
  - id: finance-2026
    team: sales
    bonus:
      - { metric: enterprise-arr, weight: 0.5 }
      - { metric: defect-rate, weight: 0.5 }
  - id: finance-2026
    team: sales
    bonus:
      - { metric: enterprise-arr, weight: 1 }
`,
          errors: [
            {
              at: 'compensation.1.id',
              message: 'The instrument id "finance-2026" is declared more than once.',
              fix: 'rename this instrument (for example finance-2026-2) or remove the duplicate',
            },
          ],
        },
      ],
    }));

  it('stays silent when ids repeat only across kinds (a priority and a metric may share a name)', () =>
    testRule(RULE, { valid: [{ edits: [set('strategy.priorities.0.id', 'enterprise-arr')] }] }));
});
