import { describe, expect, it } from 'vitest';
import { BASE_POLICY, findingsOf, lineOf, lintText } from '../helpers.js';

// BASE_POLICY ends with its metrics list (21 lines): two more metrics, then the instruments from line 24.
const policy = (base = BASE_POLICY) => `${base}  - { id: mqls, type: output, segmented: false }
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

describe('segment-blind-metric', () => {
  it('fires where a customer-facing team is paid or measured on a metric declared segmented: false', async () => {
    expect(findingsOf(await lintText(policy()), 'segment-blind-metric')).toEqual([
      {
        line: 28,
        column: 9,
        severity: 'warning',
        message:
          'Team sales is paid on mqls in plan sales-2026, a metric that cannot tell customer segments apart, while the strategy favors enterprise: ' +
          'the smallest customer counts as much as the largest, so the cheapest segment is the easiest to serve.',
        fix: 'measure mqls per segment and name it on this line (segment: enterprise), or pay on a segmented metric the strategy favors, such as enterprise-arr',
      },
      {
        line: 36,
        column: 9,
        severity: 'warning',
        message:
          'Team sales is measured on mqls in OKR set sales-q3, a metric that cannot tell customer segments apart, while the strategy favors enterprise: ' +
          'the smallest customer counts as much as the largest, so the cheapest segment is the easiest to serve.',
        fix: 'measure mqls per segment and name it on this line (segment: enterprise), or measure on a segmented metric the strategy favors, such as enterprise-arr',
      },
    ]);
  });

  it('with assume_unsegmented, also reports metrics that do not declare segmented', async () => {
    const result = await lintText(policy(), { rules: { 'segment-blind-metric': ['warning', { assume_unsegmented: true }] } });
    expect(findingsOf(result, 'segment-blind-metric').map(({ line }) => line)).toEqual([28, 30, 36]);
  });

  it('stays silent when the strategy favors no segment, or when the metric is itself favored', async () => {
    const noSegments = BASE_POLICY.replace('favor: { segments: [enterprise], metrics: [enterprise-arr] }', 'favor: { metrics: [enterprise-arr] }');
    expect(findingsOf(await lintText(policy(noSegments)), 'segment-blind-metric')).toEqual([]);
    const favoredMqls = BASE_POLICY.replace('metrics: [enterprise-arr] }', 'metrics: [enterprise-arr, mqls] }');
    expect(findingsOf(await lintText(policy(favoredMqls)), 'segment-blind-metric')).toEqual([]);
  });

  it('stays silent for teams that are not declared customer-facing', async () => {
    const notFacing = BASE_POLICY.replace('{ id: sales, kind: revenue, customer_facing: true }', '{ id: sales, kind: revenue }');
    expect(findingsOf(await lintText(policy(notFacing)), 'segment-blind-metric')).toEqual([]);
  });
});

describe('segment-blind-metric on metrics that do not declare `segmented`', () => {
  // BASE_POLICY ends with its metrics list: two more metrics that do not say whether they are segmented.
  const text = `${BASE_POLICY}  - { id: mqls, type: output, proxy_for: [enterprise-arr] }
  - { id: nps, type: outcome, perspective: customer }
okrs:
  - id: sales-q3
    team: sales
    key_results:
      - { metric: mqls, target: 4000 }
      - { metric: nps, target: 50 }
`;

  it('counts a volume metric (activity or output) as unsegmented by default, not an outcome', async () => {
    const result = await lintText(text);
    expect(result.diagnostics).toEqual([]);
    expect(findingsOf(result, 'segment-blind-metric').map((f) => f.line)).toEqual([lineOf(text, 'metric: mqls')]);
  });

  it('assume_volume_unsegmented: false reports only declared `segmented: false`; assume_unsegmented: true reports both', async () => {
    const off = await lintText(text, { rules: { 'segment-blind-metric': ['warning', { assume_volume_unsegmented: false }] } });
    expect(findingsOf(off, 'segment-blind-metric')).toEqual([]);
    const all = await lintText(text, { rules: { 'segment-blind-metric': ['warning', { assume_unsegmented: true }] } });
    expect(findingsOf(all, 'segment-blind-metric').map((f) => f.line)).toEqual([lineOf(text, 'metric: mqls'), lineOf(text, 'metric: nps')]);
  });
});
