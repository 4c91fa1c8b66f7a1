import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'segment-blind-metric';

const SALES_ON_MQLS = `metrics:
  - { id: mqls, type: output, segmented: false }
  - { id: csat, type: quality }
compensation:
  - id: sales-2026
    team: sales
    bonus:
      - { metric: mqls, weight: 0.3 }
      - { metric: mqls, segment: enterprise, weight: 0.2 }
      - { metric: csat, weight: 0.2 }
      - { metric: enterprise-arr, weight: 0.3 }
okrs:
  - id: sales-q3
    team: sales
    key_results:
      - { metric: mqls, target: 500 }
  - id: eng-q3
    team: engineering
    key_results:
      - { metric: mqls, target: 10 }
recognition:
  - id: awards
    awards:
      - { text: Most MQLs, metric: mqls, teams: [sales] }
`;

const CHEAPEST = 'the smallest customer counts as much as the largest, so the cheapest segment is the easiest to serve.';
const blind = (at: string, how: 'paid' | 'measured', metrics: string[], instrument: string) => {
  const one = metrics.length === 1;
  return {
    at,
    message: `Team sales is ${how} on ${metrics.join(' and ')} in ${instrument}, ${one ? 'a metric' : 'metrics'} that cannot tell customer segments apart, while the strategy favors enterprise: ${CHEAPEST}`,
    fix:
      // Named accounts are suggested only where the policy already scopes lines to them (issue 22, item 6).
      `measure ${one ? metrics[0] : 'each of them'} per segment and name it on ${one ? 'its line' : 'each line'} (segment: enterprise), ` +
      `or ${how === 'paid' ? 'pay' : 'measure'} on a segmented metric the strategy favors, such as enterprise-arr`,
  };
};
const PAID_ON_MQLS = blind('compensation.0.id', 'paid', ['mqls'], 'plan sales-2026');
const MEASURED_ON_MQLS = blind('okrs.0.id', 'measured', ['mqls'], 'OKR set sales-q3');

describe('segment-blind-metric', () => {
  it('fires where a customer-facing team is paid or measured on a metric declared segmented: false', () =>
    testRule(RULE, { invalid: [{ policy: SALES_ON_MQLS, errors: [PAID_ON_MQLS, MEASURED_ON_MQLS] }] }));

  it('suggests scoping to named accounts only in a policy that already scopes lines to them', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: SALES_ON_MQLS,
          edits: [set('compensation.0.bonus.1', { metric: 'mqls', accounts: 'Tier 1 customers', weight: 0.2 })],
          errors: [
            {
              ...PAID_ON_MQLS,
              fix: PAID_ON_MQLS.fix.replace(
                '(segment: enterprise), ',
                '(segment: enterprise), or scope it to named accounts (accounts: …), ',
              ),
            },
            {
              ...MEASURED_ON_MQLS,
              fix: MEASURED_ON_MQLS.fix.replace(
                '(segment: enterprise), ',
                '(segment: enterprise), or scope it to named accounts (accounts: …), ',
              ),
            },
          ],
        },
      ],
    }));

  it('with assume_unsegmented, also reports metrics that do not declare segmented', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: SALES_ON_MQLS,
          options: { assume_unsegmented: true },
          errors: [blind('compensation.0.id', 'paid', ['csat', 'mqls'], 'plan sales-2026'), MEASURED_ON_MQLS],
        },
      ],
    }));

  it('stays silent when the strategy favors no segment, when the metric is itself favored, or for teams not declared customer-facing', () =>
    testRule(RULE, {
      valid: [
        { name: 'no favored segment', policy: SALES_ON_MQLS, edits: [set('strategy.priorities.0.favor', { metrics: ['enterprise-arr'] })] },
        { name: 'mqls favored', policy: SALES_ON_MQLS, edits: [set('strategy.priorities.0.favor.metrics', ['enterprise-arr', 'mqls'])] },
        { name: 'sales not customer-facing', policy: SALES_ON_MQLS, edits: [set('teams.0', { id: 'sales', kind: 'revenue' })] },
        {
          name: 'every blind line scoped to a segment or to named accounts',
          policy: SALES_ON_MQLS,
          edits: [
            set('compensation.0.bonus.0', { metric: 'mqls', accounts: 'Tier 1 customers', weight: 0.3 }),
            set('okrs.0.key_results.0', { metric: 'mqls', segment: 'enterprise', target: 500 }),
          ],
        },
        {
          name: 'a metric only a priority favoring no segment names (velocity under a product priority)',
          policy: `metrics:
  - { id: story-points, type: output, proxy_for: [velocity] }
okrs:
  - id: sales-q3
    team: sales
    key_results: [{ metric: story-points, target: 40 }]
`,
          edits: [
            set('strategy.priorities.0.deprioritize.metrics', []),
            set('strategy.priorities.1', { id: 'ship-faster', favor: { metrics: ['velocity'] } }),
          ],
        },
      ],
    }));
});

describe('segment-blind-metric on metrics that do not declare `segmented`', () => {
  const UNDECLARED = `metrics:
  - { id: mqls, type: output, proxy_for: [enterprise-arr] }
  - { id: nps, type: outcome, perspective: customer }
okrs:
  - id: sales-q3
    team: sales
    key_results:
      - { metric: mqls, target: 4000 }
      - { metric: nps, target: 50 }
`;
  const MQLS = blind('okrs.0.id', 'measured', ['mqls'], 'OKR set sales-q3');

  it('counts a volume metric (activity or output) as unsegmented by default, not an outcome', () =>
    testRule(RULE, { invalid: [{ policy: UNDECLARED, errors: [MQLS] }] }));

  it('leaves an internal or learning count alone: knowledge-base articles have no customer segment', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: UNDECLARED.replace(
            '      - { metric: nps, target: 50 }',
            '      - { metric: nps, target: 50 }\n      - { metric: kb-articles, target: 40 }',
          ).replace(
            '  - { id: nps, type: outcome, perspective: customer }',
            '  - { id: nps, type: outcome, perspective: customer }\n  - { id: kb-articles, type: output, perspective: learning }',
          ),
          errors: [MQLS],
        },
      ],
    }));

  it('assume_volume_unsegmented: false reports only declared `segmented: false`; assume_unsegmented: true reports both', () =>
    testRule(RULE, {
      valid: [{ policy: UNDECLARED, options: { assume_volume_unsegmented: false } }],
      invalid: [
        {
          policy: UNDECLARED,
          options: { assume_unsegmented: true },
          errors: [blind('okrs.0.id', 'measured', ['mqls', 'nps'], 'OKR set sales-q3')],
        },
      ],
    }));
});
