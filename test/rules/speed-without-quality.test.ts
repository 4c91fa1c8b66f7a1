import { describe, expect, it } from 'vitest';
import { findingsOf, lineOf, lintText } from '../helpers.js';

const policy = (extra = '') => `version: 1
strategy:
  priorities:
    - id: service
      favor: { metrics: [csat] }
teams:
  - { id: support }
  - { id: engineering }
  - { id: sales }
metrics:
  - { id: tickets-closed, type: output, proxy_for: [first-contact-resolution] }
  - { id: first-response-time, type: speed }
  - { id: first-contact-resolution, type: quality }
  - { id: csat, type: quality }
  - { id: velocity, type: speed }
  - { id: calls-made, type: activity, proxy_for: [new-arr] }
  - { id: new-arr, type: outcome }
compensation:
  - id: support-2026
    team: support
    bonus:
      - { metric: tickets-closed, weight: 0.7 }
      - { metric: first-response-time, weight: 0.3 }
okrs:
  - id: eng-q3
    team: engineering
    key_results:
      - { metric: velocity }
${extra}`;

describe('speed-without-quality', () => {
  it('fires on the heaviest bonus line of a plan and on the speed or volume key result of an OKR set with no quality metric', async () => {
    expect(findingsOf(await lintText(policy()), 'speed-without-quality')).toEqual([
      {
        line: 22,
        column: 9,
        severity: 'warning',
        message: 'Plan support-2026 rewards first-response-time (speed) and tickets-closed (output) but no quality metric: people will trade quality for speed and volume.',
        fix: 'add - { metric: first-contact-resolution, weight: 0.35 } to plan support-2026 and lower tickets-closed from 70% to 35%',
      },
      {
        line: 28,
        column: 9,
        severity: 'warning',
        message: 'OKR set eng-q3 rewards velocity (speed) but no quality metric: people will trade quality for speed and volume.',
        fix: 'add a key result { metric: csat } to OKR set eng-q3 beside velocity',
      },
    ]);
  });

  it('names the same lines, metrics and quality metric whatever order they are declared in', async () => {
    const text = (lines: string[], qualityMetrics: string[]) => `version: 1
strategy: { name: Service }
teams:
  - { id: support }
metrics:
  - { id: tickets-closed, type: output }
  - { id: first-response-time, type: speed }
  - { id: handle-time, type: speed }
${qualityMetrics.join('\n')}
compensation:
  - id: support-2026
    team: support
    bonus:
${lines.join('\n')}
okrs:
  - id: support-q3
    team: support
    key_results:
${lines.map((line) => line.replace(/, weight: [\d.]+/, '')).join('\n')}
`;
    const lines = ['      - { metric: tickets-closed, weight: 0.4 }', '      - { metric: handle-time, weight: 0.4 }', '      - { metric: first-response-time, weight: 0.2 }'];
    const qualityMetrics = ['  - { id: resolution-rate, type: quality }', '  - { id: csat, type: quality }'];
    const message = (instrument: string) =>
      `${instrument} rewards first-response-time (speed), handle-time (speed) and tickets-closed (output) but no quality metric: people will trade quality for speed and volume.`;
    for (const [order, quality] of [
      [lines, qualityMetrics],
      [[...lines].reverse(), [...qualityMetrics].reverse()],
    ] as const) {
      const policy = text([...order], [...quality]);
      expect(findingsOf(await lintText(policy), 'speed-without-quality')).toEqual([
        {
          // Two components weigh 40%: the fix halves the first by metric id.
          line: lineOf(policy, '{ metric: handle-time, weight'),
          column: 9,
          severity: 'warning',
          message: message('Plan support-2026'),
          fix: 'add - { metric: csat, weight: 0.2 } to plan support-2026 and lower handle-time from 40% to 20%',
        },
        {
          line: lineOf(policy, '{ metric: first-response-time }'),
          column: 9,
          severity: 'warning',
          message: message('OKR set support-q3'),
          fix: 'add a key result { metric: csat } to OKR set support-q3 beside first-response-time',
        },
      ]);
    }
  });

  it('stays silent when a quality metric stands beside the speed or volume metric', async () => {
    const balanced = policy()
      .replace('weight: 0.7 }', 'weight: 0.35 }\n      - { metric: first-contact-resolution, weight: 0.35 }')
      .replace('      - { metric: velocity }\n', '      - { metric: velocity }\n      - { metric: csat }\n');
    expect(findingsOf(await lintText(balanced), 'speed-without-quality')).toEqual([]);
  });

  it('does not judge promotion ladders, recognition, or plans paying only on outcomes', async () => {
    const others = `promotions:
  - id: ladder
    team: engineering
    criteria: [{ text: Ships fast, metric: velocity }]
recognition:
  - id: awards
    awards: [{ text: Most tickets, metric: tickets-closed, teams: [support] }]
`;
    const outcomeOnly = policy(others)
      .replace('tickets-closed, weight: 0.7', 'new-arr, weight: 0.7')
      .replace('first-response-time, weight: 0.3', 'new-arr, weight: 0.3')
      .replace('      - { metric: velocity }\n', '      - { metric: new-arr }\n');
    expect(findingsOf(await lintText(outcomeOnly), 'speed-without-quality')).toEqual([]);
  });

  it('lets commission take the rest when the volume metric is paid by commission', async () => {
    const sdrPlan = `---
version: 1
compensation:
  - id: sdr-2026
    team: sales
    commission: [{ metric: calls-made, rate: "2%" }]
`;
    const fixes = findingsOf(await lintText(policy(sdrPlan)), 'speed-without-quality').map((finding) => finding.fix);
    expect(fixes).toContain('add a bonus component on csat (type: quality) to plan sdr-2026 beside calls-made (commission takes the rest)');
  });

  it('asks for a quality metric to be declared when the policy has none', async () => {
    const text = `version: 1
strategy: { name: Speed }
metrics:
  - { id: velocity, type: speed }
okrs:
  - id: eng-q3
    key_results: [{ metric: velocity }]
`;
    expect(findingsOf(await lintText(text), 'speed-without-quality').map((finding) => finding.fix)).toEqual([
      'declare a metric with type: quality that shows whether velocity is done well, and reward it in eng-q3 beside velocity',
    ]);
  });
  it("never suggests an unrelated team's quality metric: declaring one of the team's own is the fix", async () => {
    const text = `version: 1
strategy: { name: Service, priorities: [{ id: grow, favor: { metrics: [new-arr] } }] }
teams:
  - { id: sales }
  - { id: support }
metrics:
  - { id: new-arr, type: outcome }
  - { id: opportunity-win-rate, type: quality }
  - { id: tickets-closed, type: output, proxy_for: [new-arr] }
  - { id: first-response-time, type: speed }
compensation:
  - id: sales-2026
    team: sales
    commission: [{ metric: new-arr, rate: "8%" }]
    bonus: [{ metric: opportunity-win-rate, weight: 0.2 }]
  - id: support-2026
    team: support
    bonus:
      - { metric: tickets-closed, weight: 0.5 }
      - { metric: first-response-time, weight: 0.5 }
`;
    expect(findingsOf(await lintText(text), 'speed-without-quality').map((finding) => finding.fix)).toEqual([
      'declare a metric with type: quality that shows whether first-response-time is done well, and reward it in support-2026 beside first-response-time',
    ]);
  });
});
