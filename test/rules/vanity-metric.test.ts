import { describe, expect, it } from 'vitest';
import { findingsOf, lintText } from '../helpers.js';

const policy = `version: 1
strategy:
  priorities:
    - id: grow
      favor: { metrics: [new-arr] }
teams:
  - { id: marketing }
metrics:
  - { id: new-arr, type: outcome }
  - { id: social-followers, vanity: true }
  - { id: calls-made, type: activity }
  - { id: mqls, type: output, proxy_for: [new-arr] }
  - { id: blog-posts, type: output, proxy_for: [] }
  - { id: velocity, type: speed }
compensation:
  - id: marketing-2026
    team: marketing
    bonus:
      - { metric: social-followers, weight: 0.2 }
      - { metric: calls-made, weight: 0.3 }
      - { metric: mqls, weight: 0.3 }
      - { metric: blog-posts, weight: 0.2 }
okrs:
  - id: marketing-okrs
    team: marketing
    key_results: [{ metric: velocity }, { metric: new-arr }]
recognition:
  - id: awards
    awards:
      - { text: Most followers, metric: social-followers, teams: [marketing] }
      - { text: Mystery award, metric: undeclared-thing }
`;

const noProxy = (metric: string, type: string) =>
  `rewards ${metric}, an ${type} metric with no proxy_for: nothing says which outcome it stands in for, so the number can rise while the business does not.`;

describe('vanity-metric', () => {
  it('fires on every reward line of a vanity metric or of an activity/output metric without proxy_for', async () => {
    expect(findingsOf(await lintText(policy), 'vanity-metric')).toEqual([
      {
        line: 19,
        column: 9,
        severity: 'warning',
        message: 'Plan marketing-2026 rewards social-followers, which is declared a vanity metric: it says nothing about business health, and people will chase it anyway.',
        fix: 'replace social-followers with new-arr (type: outcome), or remove it from marketing-2026',
      },
      {
        line: 20,
        column: 9,
        severity: 'warning',
        message: `Plan marketing-2026 ${noProxy('calls-made', 'activity')}`,
        fix: 'declare the outcome it stands for on metric calls-made (proxy_for: [new-arr]), or reward new-arr instead',
      },
      {
        line: 22,
        column: 9,
        severity: 'warning',
        message: `Plan marketing-2026 ${noProxy('blog-posts', 'output')}`,
        fix: 'declare the outcome it stands for on metric blog-posts (proxy_for: [new-arr]), or reward new-arr instead',
      },
      {
        line: 30,
        column: 9,
        severity: 'warning',
        message: 'Recognition program awards rewards social-followers, which is declared a vanity metric: it says nothing about business health, and people will chase it anyway.',
        fix: 'replace social-followers with new-arr (type: outcome), or remove it from awards',
      },
    ]);
  });

  it('stays silent on proxied outputs, speed metrics, outcomes and undeclared metrics', async () => {
    const lines = findingsOf(await lintText(policy), 'vanity-metric').map((finding) => finding.line);
    expect(lines).not.toContain(21); // mqls has proxy_for
    expect(lines).not.toContain(26); // velocity (speed) and new-arr (outcome)
    expect(lines).not.toContain(31); // undeclared-thing is unknown-reference's business
    const clean = policy.replace('vanity: true', 'type: outcome').replace('type: activity', 'type: activity, proxy_for: [new-arr]').replace('proxy_for: []', 'proxy_for: [new-arr]');
    expect(findingsOf(await lintText(clean), 'vanity-metric')).toEqual([]);
  });

  it('says what to do when the policy declares no outcome to suggest', async () => {
    const noOutcome = `version: 1
strategy: { name: Reach }
metrics:
  - { id: social-followers, vanity: true }
  - { id: calls-made, type: activity }
okrs:
  - id: reach
    key_results: [{ metric: social-followers }, { metric: calls-made }]
`;
    expect(findingsOf(await lintText(noOutcome), 'vanity-metric').map((finding) => finding.fix)).toEqual([
      'remove social-followers from reach, or reward an outcome (type: outcome) that it was meant to move',
      'declare the outcome it stands for on metric calls-made (proxy_for: [an outcome metric id], declared with type: outcome), or stop rewarding it',
    ]);
  });
});
