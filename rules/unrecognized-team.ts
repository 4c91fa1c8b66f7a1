import { compareInstruments, defineRule, least } from '../src/api.js';
import { LINE_METRICS, REWARDED_TEAMS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'unrecognized-team',
    category: 'balanced-measurement',
    severity: 'info',
    summary: 'A team with no instrument and no award at all',
    rationale:
      'Amplify\'s "Performance Incentives Beyond Sales" asks for "Fair Recognition Distribution: Monitoring to ensure recognition opportunities are fairly distributed across all ' +
      'team members and performance levels." A declared team that no plan, OKR set, promotion ladder or award names is invisible to the ' +
      'incentive system: nothing tells it what the strategy needs from it, and nothing celebrates it when it delivers.',
    source:
      '"Performance Incentives Beyond Sales: Motivating Non-Revenue Teams" (Amplify), section "Quality Assurance": fair recognition distribution',
    // Every declared team is judged: its id is what the finding is about.
    reads: ['teams[].id', ...REWARDED_TEAMS, ...LINE_METRICS, 'compensation[].bonus[].shared_with'],
    examples: {
      bad: `teams:
  - { id: hr }
recognition:
  - id: awards
    awards: [{ text: Enterprise win of the quarter, segment: enterprise, teams: [sales, engineering] }]`,
      good: `teams:
  - { id: hr }
recognition:
  - id: awards
    awards:
      - { text: Enterprise win of the quarter, segment: enterprise, teams: [sales, engineering] }
      - { text: Hire of the quarter still here a year later, teams: [hr] }`,
    },
  },
  check({ index, model, report }) {
    const program = least(
      index.instruments.filter((instrument) => instrument.lever === 'recognition'),
      compareInstruments,
    );
    const companyWide = index.instruments.some((instrument) => instrument.lever !== 'recognition' && instrument.team === undefined);
    for (const team of index.teams.values()) {
      if (index.instrumentsOfTeam(team.id).length > 0 || index.rewardsForTeam(team.id).length > 0) continue;
      // A team paid on a component shared with it, or by a plan or OKR set of the whole company, is told what the strategy needs
      // (an award open to everyone recognizes no team in particular).
      if (index.componentsSharedWith(team.id).length > 0 || model.profileOf(team.id).entries.some((entry) => entry.lever !== 'recognition'))
        continue;
      // A plan of the whole company with no line of its own (a profit-sharing pool for every employee) names every team.
      if (companyWide) continue;
      const label = team.name ?? team.id;
      const award = `{ text: "${label}: win of the quarter", teams: [${team.id}] }`;
      report({
        node: team,
        key: 'id',
        message: `Team ${team.id} is named by no plan, OKR set, promotion ladder or award: nothing tells it what the strategy needs from it, and nothing recognizes it.`,
        fix: program
          ? `add an award ${award} to recognition program ${program.id}, or give ${team.id} an OKR set (team: ${team.id})`
          : `give ${team.id} an OKR set (team: ${team.id}), or a recognition program with an award ${award}`,
      });
    }
  },
});
