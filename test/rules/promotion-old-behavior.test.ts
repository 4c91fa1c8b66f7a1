import { describe, expect, it } from 'vitest';
import { findingsOf, lintText } from '../helpers.js';

const STRATEGY = `version: 1
strategy:
  announced: 2026-03-02
  priorities:
    - id: cross-functional
      favor: { metrics: [cross-team-impact, mentoring, uptime], segments: [enterprise] }
      deprioritize: { metrics: [solo-delivery], segments: [smb] }
segments:
  - { id: enterprise }
  - { id: smb }
teams:
  - { id: engineering }
metrics:
  - { id: cross-team-impact, name: "Cross-team impact: enables others", type: behavior }
  - { id: mentoring, type: behavior }
  - { id: solo-delivery, type: behavior }
  - { id: uptime, type: quality }
`;

describe('promotion-old-behavior', () => {
  it('fires on criteria with a deprioritized metric or segment, and on the section when a favored behavior is in no criterion', async () => {
    const result = await lintText(`${STRATEGY}promotions:
  - id: eng-ladder
    team: engineering
    criteria:
      - { text: Delivers functional goals independently, metric: solo-delivery }
      - { text: Wins SMB logos, segment: smb }
      - { text: Keeps the lights on, metric: uptime }
  - id: staff-ladder
    criteria:
      - { text: Mentors engineers, metric: mentoring }
`);
    expect(findingsOf(result, 'promotion-old-behavior')).toEqual([
      {
        line: 18,
        column: 1,
        severity: 'error',
        message:
          'No promotion criterion names cross-team-impact, a behavior priority cross-functional favors: work nobody is promoted for stays invisible and unrewarded.',
        fix: 'add { text: "Cross-team impact: enables others", metric: cross-team-impact } to the criteria of eng-ladder and staff-ladder',
      },
      {
        line: 22,
        column: 9,
        severity: 'error',
        message:
          'Promotion ladder eng-ladder promotes on "Delivers functional goals independently", which measures the deprioritized metric solo-delivery: people get promoted for the behavior the strategy wants less of.',
        fix: 'base this criterion on cross-team-impact, mentoring or uptime instead (what the strategy favors)',
      },
      {
        line: 23,
        column: 9,
        severity: 'error',
        message:
          'Promotion ladder eng-ladder promotes on "Wins SMB logos", which measures the deprioritized segment smb: people get promoted for the behavior the strategy wants less of.',
        fix: 'base this criterion on enterprise instead (what the strategy favors)',
      },
    ]);
  });

  it('stays silent when every favored behavior is a criterion, whatever the non-behavior metrics', async () => {
    const result = await lintText(`${STRATEGY}promotions:
  - id: eng-ladder
    criteria:
      - { text: Enables other teams, metric: cross-team-impact, segment: enterprise }
      - { text: Mentors engineers, metric: mentoring }
      - { text: Owns a component end to end }
`);
    expect(findingsOf(result, 'promotion-old-behavior')).toEqual([]);
  });

  it('stays silent about missing behaviors when the policy has no promotion ladder', async () => {
    expect(findingsOf(await lintText(STRATEGY), 'promotion-old-behavior')).toEqual([]);
  });

  it('stays silent on a behavior that one priority favors and another deprioritizes', async () => {
    const contested = STRATEGY.replace(
      '      deprioritize: { metrics: [solo-delivery], segments: [smb] }\n',
      '      deprioritize: { metrics: [solo-delivery, mentoring, cross-team-impact], segments: [smb] }\n',
    );
    const result = await lintText(`${contested}promotions:
  - id: eng-ladder
    criteria:
      - { text: Mentors engineers, metric: mentoring }
`);
    expect(findingsOf(result, 'promotion-old-behavior')).toEqual([]);
  });
});
