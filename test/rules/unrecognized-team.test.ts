import { describe, expect, it } from 'vitest';
import { findingsOf, lintText } from '../helpers.js';

const policy = (recognition: string) => `version: 1
strategy: { name: Service }
teams:
  - { id: support }
  - { id: finance }
  - { id: hr, name: People }
  - { id: facilities }
metrics:
  - { id: csat, type: quality }
okrs:
  - id: support-okrs
    team: support
    key_results: [{ metric: csat }]
promotions:
  - id: facilities-ladder
    team: facilities
    criteria: [{ text: Keeps the buildings safe }]
${recognition}`;

const awards = `recognition:
  - id: awards
    awards:
      - { text: Clean close, teams: [finance] }
      - { text: Employee of the month }
`;

describe('unrecognized-team', () => {
  it('fires on a team named by no instrument and no award (a company-wide award does not count)', async () => {
    expect(findingsOf(await lintText(policy(awards)), 'unrecognized-team')).toEqual([
      {
        line: 6,
        column: 11,
        severity: 'info',
        message: 'Team hr is named by no plan, OKR set, promotion ladder or award: nothing tells it what the strategy needs from it, and nothing recognizes it.',
        fix: 'add an award { text: "People: win of the quarter", teams: [hr] } to recognition program awards, or give hr an OKR set (team: hr)',
      },
    ]);
  });

  it('suggests an OKR set or a recognition program when the policy has none', async () => {
    expect(findingsOf(await lintText(policy('')), 'unrecognized-team').map((finding) => [finding.line, finding.fix])).toEqual([
      [5, 'give finance an OKR set (team: finance), or a recognition program with an award { text: "finance: win of the quarter", teams: [finance] }'],
      [6, 'give hr an OKR set (team: hr), or a recognition program with an award { text: "People: win of the quarter", teams: [hr] }'],
    ]);
  });

  it('stays silent once an award names the team', async () => {
    const named = policy(awards.replace('teams: [finance]', 'teams: [finance, hr]'));
    expect(findingsOf(await lintText(named), 'unrecognized-team')).toEqual([]);
  });

  it('suggests the recognition program with the lowest id, whatever order the programs are declared in', async () => {
    const programs = ['  - id: spot-awards\n    awards: [{ text: Clean close, teams: [finance] }]', '  - id: annual-awards\n    awards: [{ text: Employee of the year }]'];
    for (const order of [programs, [...programs].reverse()]) {
      expect(findingsOf(await lintText(policy(`recognition:\n${order.join('\n')}\n`)), 'unrecognized-team').map((finding) => finding.fix)).toEqual([
        'add an award { text: "People: win of the quarter", teams: [hr] } to recognition program annual-awards, or give hr an OKR set (team: hr)',
      ]);
    }
  });
});

