import { describe, it } from 'vitest';
import { testRule } from '../../src/testing/index.js';

const RULE = 'unmeasurable-key-result';

describe('unmeasurable-key-result', () => {
  it('fires on a key result with no target and on one whose target is words, at the target', () =>
    testRule(RULE, {
      invalid: [
        {
          policy: `okrs:
  - id: eng-q3
    team: engineering
    key_results:
      - { metric: defect-rate }
      - { metric: enterprise-arr, target: maximize }
      - { metric: new-arr, target: "+20%" }
`,
          errors: [
            {
              at: 'okrs.0.key_results.0',
              message:
                'OKR set eng-q3 has a key result on defect-rate with no target: nobody can tell at the end of the period whether it was met.',
              fix: 'write the level of defect-rate to reach, such as target: "+20%" (a change from where it stands) or target: "at least 120" (a level, in the unit the metric is counted in), on the key result on defect-rate in eng-q3',
            },
            {
              at: 'okrs.0.key_results.1.target',
              message:
                'OKR set eng-q3 has a key result on enterprise-arr with the target "maximize", which is not a number: nobody can tell at the end of the period whether it was met.',
              fix: 'write the level of enterprise-arr to reach, such as target: "+20%" (a change from where it stands) or target: "at least 120" (a level, in the unit the metric is counted in), on the key result on enterprise-arr in eng-q3',
            },
          ],
        },
      ],
    }));

  it('accepts numbers, text holding a number, and a confidential placeholder such as "$N"', () =>
    testRule(RULE, {
      valid: [
        `okrs:
  - id: eng-q3
    team: engineering
    key_results:
      - { metric: defect-rate, target: 0 }
      - { metric: deploy-frequency, target: daily }
      - { metric: new-arr, target: "$N net new ARR" }
      - { metric: enterprise-arr, target: "8 per day" }
`,
      ],
    }));

  it('accepts a deliverable, done or not at the end of the period; flags words of degree with no level', () =>
    testRule(RULE, {
      valid: [
        `okrs:
  - id: infra-q3
    team: engineering
    key_results:
      - { metric: runway, target: Runway operates production services }
      - { metric: tooling, target: Unify the department handbook and project management tools }
`,
      ],
      invalid: [
        {
          policy: `okrs:
  - id: infra-q3
    team: engineering
    key_results:
      - { metric: oncall, target: Improve on-call engineer experience }
      - { metric: cache, target: Ensure sufficient capacity at the cache layer }
`,
          errors: [
            {
              at: 'okrs.0.key_results.0.target',
              message:
                'OKR set infra-q3 has a key result on oncall with the target "Improve on-call engineer experience", which is not a number: nobody can tell at the end of the period whether it was met.',
              fix: 'write the level of oncall to reach, such as target: "+20%" (a change from where it stands) or target: "at least 120" (a level, in the unit the metric is counted in), on the key result on oncall in infra-q3',
            },
            {
              at: 'okrs.0.key_results.1.target',
              message:
                'OKR set infra-q3 has a key result on cache with the target "Ensure sufficient capacity at the cache layer", which is not a number: nobody can tell at the end of the period whether it was met.',
              fix: 'write the level of cache to reach, such as target: "+20%" (a change from where it stands) or target: "at least 120" (a level, in the unit the metric is counted in), on the key result on cache in infra-q3',
            },
          ],
        },
      ],
    }));
});
