import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

const RULE = 'too-many-measures';

/** Plan ae-2026 paying 10% commission on new-arr, with these bonus components. */
function salesPlanWith(...bonus: string[]): string {
  return `compensation:
  - id: ae-2026
    commission: [{ metric: new-arr, rate: "10%" }]
    bonus:
${bonus.map((line) => `      - ${line}`).join('\n')}
`;
}

describe('too-many-measures', () => {
  it('fires on the plan id when a sales plan pays on more than max measures', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: salesPlanWith(
            '{ metric: enterprise-arr, weight: 0.3 }',
            '{ metric: defect-rate, weight: 0.2 }',
            '{ metric: velocity, weight: 0.2 }',
          ),
          errors: [
            {
              at: 'compensation.0.id',
              message:
                'Plan ae-2026 pays on 4 measures (new-arr, enterprise-arr, defect-rate and velocity), more than 3: each one dilutes the others, and sellers steer by the two or three that pay most.',
              fix: 'keep the 3 measures that carry most pay or serve the strategy (new-arr, enterprise-arr and defect-rate) and drop velocity from plan ae-2026, or fold it into the others',
            },
          ],
        },
      ],
    }));

  it('never drops a measure the strategy favors to make room, even a light one', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: salesPlanWith(
            '{ metric: defect-rate, weight: 0.3 }',
            '{ metric: velocity, weight: 0.2 }',
            '{ metric: enterprise-arr, weight: 0.15 }',
          ),
          errors: [
            {
              at: 'compensation.0.id',
              message:
                'Plan ae-2026 pays on 4 measures (new-arr, defect-rate, velocity and enterprise-arr), more than 3: each one dilutes the others, and sellers steer by the two or three that pay most.',
              fix: 'keep the 3 measures that carry most pay or serve the strategy (new-arr, defect-rate and enterprise-arr) and drop velocity from plan ae-2026, or fold it into the others',
            },
          ],
        },
      ],
    }));

  it('fires on the weight of a measure lighter than min_weight', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: salesPlanWith('{ metric: enterprise-arr, weight: 0.1 }'),
          errors: [
            {
              at: 'compensation.0.bonus.0.weight',
              message:
                'Plan ae-2026 puts 10% of variable pay on enterprise-arr, less than 15%: too small a share to change what anyone does.',
              fix: 'raise enterprise-arr to at least 15% of variable pay in plan ae-2026, or drop it and give its 10% to another measure',
            },
          ],
        },
      ],
    }));

  it('stays silent on a shared component, a non-sales scorecard, and within the options', () =>
    testRule(RULE, {
      valid: [
        {
          name: 'a 10% component shared with another team',
          policy: salesPlanWith('{ metric: enterprise-arr, weight: 0.1, shared_with: [engineering] }'),
        },
        {
          name: 'two components on one metric add up',
          policy: salesPlanWith('{ metric: enterprise-arr, weight: 0.1 }', '{ metric: enterprise-arr, segment: enterprise, weight: 0.1 }'),
        },
        {
          name: 'a bonus-only plan of four measures',
          policy: `compensation:
  - id: eng-2026
    team: engineering
    bonus:
      - { metric: defect-rate, weight: 0.25 }
      - { metric: velocity, weight: 0.25 }
      - { metric: new-arr, weight: 0.25 }
      - { metric: enterprise-arr, weight: 0.25 }
`,
        },
        {
          name: 'max 4',
          policy: salesPlanWith(
            '{ metric: enterprise-arr, weight: 0.3 }',
            '{ metric: defect-rate, weight: 0.2 }',
            '{ metric: velocity, weight: 0.2 }',
          ),
          options: { max: 4 },
        },
      ],
    }));
});
