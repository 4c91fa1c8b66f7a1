import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

const RULE = 'undeclared-quality-link';

const BRANCH = (metrics: string, bonus: string) => `version: 1
strategy: { name: Cross-sell }
teams: [{ id: bankers, kind: revenue }]
metrics:
${metrics}
compensation:
  - id: branch-bonus
    team: bankers
    bonus: ${bonus}
  - id: teller-bonus
    team: bankers
    bonus: ${bonus}
`;

const SURVEY_METRICS = '  - { id: products-sold, type: output }\n  - { id: customer-survey, type: quality }';

describe('undeclared-quality-link', () => {
  it("says once, on the count's declaration, what to declare when most of a plan rides on a count guarded only by an unlinked quality line", () =>
    testRule(RULE, {
      invalid: [
        {
          text: BRANCH(SURVEY_METRICS, '[{ metric: products-sold, weight: 0.8 }, { metric: customer-survey, weight: 0.2 }]'),
          errors: [
            {
              line: 5,
              column: 11,
              message:
                'Plan branch-bonus puts 80% of variable pay on a count (products-sold) guarded only by customer-survey, which no declaration ties to the units counted (and 1 more plan alike: teller-bonus): ' +
                'a quality measure of other things (a general survey beside a count of products sold) does not guard a count.',
              fix: 'declare what measures the quality of the units counted on metric products-sold: quality_measured_by: customer-survey if it does, another quality metric if not, or counts_only_good: true if only good units are counted',
            },
          ],
        },
      ],
    }));

  it('stays silent once the count says what measures it, when it counts good units only, under the share, or with a clawback', () =>
    testRule(RULE, {
      valid: [
        BRANCH(
          '  - { id: products-sold, type: output, quality_measured_by: customer-survey }\n  - { id: customer-survey, type: quality }',
          '[{ metric: products-sold, weight: 0.8 }, { metric: customer-survey, weight: 0.2 }]',
        ),
        BRANCH(
          '  - { id: products-sold, type: output, counts_only_good: true }\n  - { id: customer-survey, type: quality }',
          '[{ metric: products-sold, weight: 0.8 }, { metric: customer-survey, weight: 0.2 }]',
        ),
        BRANCH(
          SURVEY_METRICS.replace('type: quality }', 'type: quality }\n  - { id: conduct, type: behavior }'),
          '[{ metric: products-sold, weight: 0.33 }, { metric: customer-survey, weight: 0.35 }, { metric: conduct, weight: 0.32 }]',
        ),
        `version: 1
strategy: { name: Cross-sell }
metrics:
${SURVEY_METRICS}
compensation:
  - { id: branch-bonus, bonus: [{ metric: products-sold, weight: 0.8 }, { metric: customer-survey, weight: 0.2 }], clawback: { months: 12 } }
`,
      ],
    }));
});
