import { describe, it } from 'vitest';
import { set, testRule } from '../../src/testing/index.js';

const RULE = 'unrecognized-team';

/** Support has OKRs and facilities a ladder; finance and hr have nothing yet. */
const SERVICE = `version: 1
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
`;

const AWARDS = `recognition:
  - id: awards
    awards:
      - { text: Clean close, teams: [finance] }
      - { text: Employee of the month }
`;

const UNRECOGNIZED = (team: string) =>
  `Team ${team} is named by no plan, OKR set, promotion ladder or award: nothing tells it what the strategy needs from it, and nothing recognizes it.`;

describe('unrecognized-team', () => {
  it('fires on a team named by no instrument and no award (a company-wide award does not count)', () =>
    testRule(RULE, {
      invalid: [
        {
          base: SERVICE,
          policy: AWARDS,
          errors: [
            {
              at: 'teams.2.id',
              message: UNRECOGNIZED('hr'),
              fix: 'add an award { text: "People: win of the quarter", teams: [hr] } to recognition program awards, or give hr an OKR set (team: hr)',
            },
          ],
        },
      ],
    }));

  it('suggests an OKR set or a recognition program when the policy has none', () =>
    testRule(RULE, {
      invalid: [
        {
          base: SERVICE,
          errors: [
            {
              at: 'teams.1.id',
              message: UNRECOGNIZED('finance'),
              fix: 'give finance an OKR set (team: finance), or a recognition program with an award { text: "finance: win of the quarter", teams: [finance] }',
            },
            {
              at: 'teams.2.id',
              message: UNRECOGNIZED('hr'),
              fix: 'give hr an OKR set (team: hr), or a recognition program with an award { text: "People: win of the quarter", teams: [hr] }',
            },
          ],
        },
      ],
    }));

  it('stays silent once an award names the team', () =>
    testRule(RULE, { valid: [{ base: SERVICE, policy: AWARDS, edits: [set('recognition.0.awards.0.teams', ['finance', 'hr'])] }] }));

  it('suggests the recognition program with the lowest id, whatever order the programs are declared in', () => {
    const programs = [
      { id: 'spot-awards', awards: [{ text: 'Clean close', teams: ['finance'] }] },
      { id: 'annual-awards', awards: [{ text: 'Employee of the year' }] },
    ];
    const errors = [
      {
        at: 'teams.2.id',
        message: UNRECOGNIZED('hr'),
        fix: 'add an award { text: "People: win of the quarter", teams: [hr] } to recognition program annual-awards, or give hr an OKR set (team: hr)',
      },
    ];
    return testRule(RULE, {
      invalid: [
        { name: 'spot first', base: SERVICE, policy: { recognition: programs }, errors },
        { name: 'annual first', base: SERVICE, policy: { recognition: [...programs].reverse() }, errors },
      ],
    });
  });

  it('stays silent on a team paid by a component shared with it, or by a plan of the whole company (a gainshare)', () =>
    testRule(RULE, {
      valid: [
        {
          text: `${SERVICE}compensation:
  - { id: gainshare, bonus: [{ metric: csat, weight: 1 }] }
`,
        },
        {
          text: `${SERVICE}compensation:
  - { id: support-pay, team: support, bonus: [{ metric: csat, weight: 1, shared_with: [finance, hr, facilities] }] }
`,
        },
        {
          name: 'a profit-sharing pool for every employee, with no line of its own',
          text: `${SERVICE.replace('  - { id: csat, type: quality }', '  - { id: csat, type: quality }\n  - { id: profit, type: outcome }\n  - { id: tenure, type: behavior }')}compensation:
  - id: profit-sharing
    pool: { funded_by: profit, rating: [{ metric: tenure, weight: 1 }] }
`,
        },
      ],
      invalid: [
        {
          name: 'a pool of one team names only that team',
          text: `${SERVICE.replace('  - { id: csat, type: quality }', '  - { id: csat, type: quality }\n  - { id: profit, type: outcome }\n  - { id: tenure, type: behavior }')}compensation:
  - id: support-pool
    team: support
    pool: { funded_by: profit, rating: [{ metric: tenure, weight: 1 }] }
`,
          errors: [
            {
              at: 'teams.1.id',
              message: UNRECOGNIZED('finance'),
              fix: 'give finance an OKR set (team: finance), or a recognition program with an award { text: "finance: win of the quarter", teams: [finance] }',
            },
            {
              at: 'teams.2.id',
              message: UNRECOGNIZED('hr'),
              fix: 'give hr an OKR set (team: hr), or a recognition program with an award { text: "People: win of the quarter", teams: [hr] }',
            },
          ],
        },
      ],
    }));
});
