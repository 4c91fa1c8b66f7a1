import { EPSILON, compareRewards, defineRule, formatPercent, least, listIds, z, type IncentiveLine } from '../src/api.js';

export default defineRule({
  meta: {
    id: 'shared-portion-range',
    category: 'shared-incentives',
    severity: 'warning',
    summary: "The shared part of a plan's variable pay is below min (ignored) or above max (free riders, attrition)",
    rationale:
      '"How much of the compensation should be shared versus individual? If the shared portion is too small it will be ignored. ' +
      'If it is too large high performers may leave if they feel they lack control over their earnings", and there is "the risk of the ' +
      'free rider problem where high performers feel dragged down by a struggling department." Team incentives work (Garbers & Konradt ' +
      '2014: effect size 0.45 for team vs 0.32 for individual incentives) but hybrids of individual and team pay beat either alone ' +
      '(Pearsall et al. 2010), hence the max; practitioners find a variable component under about 10-15% ignored, hence the min. ' +
      'The max is about control over earnings, so a plan that declares its variable_share is judged on what the shared part is of total ' +
      "pay: 70% shared of a 10% bonus is 7% of anyone's earnings, too little to drive a high performer away. A revenue team's plan is " +
      "not held to the max: a sales overlay (solutions engineers paid on the account executives' number) is pooled by design. Nor is a " +
      'company-wide program whose shared result is all the plan pays (a Scanlon gainshare, an open-book profit share split the same way ' +
      'with every team): there the shared result is the point of the plan, and no individual pay is there to be dragged down. A leader ' +
      "paid on the teams it leads, and a team sharing its own result with the managers who lead it (a crew on its line's tons), share " +
      'nothing with a department that could drag them down.',
    source:
      '"What are Shared Incentives?", section "The Unknowns and Variables to Consider"; Garbers & Konradt (2014); Pearsall et al. (2010); practitioner 10-15% rule',
    reads: [
      'teams[].kind',
      'teams[].leads',
      'compensation[].team',
      'compensation[].variable_share',
      'compensation[].commission',
      'compensation[].quotas',
      'compensation[].bonus[].weight',
      'compensation[].bonus[].shared_with',
    ],
    options: z.object({
      min: z.number().min(0).max(1).default(0.1).describe('smallest shared share of variable pay that people notice'),
      max: z.number().min(0).max(1).default(0.5).describe('largest shared share of variable pay before free riding and attrition'),
      max_of_total_pay: z
        .number()
        .min(0)
        .max(1)
        .default(0.1)
        .describe(
          "a shared portion above max is accepted when, with the plan's declared variable_share, it is at most this share of total pay",
        ),
    }),
    examples: {
      bad: `compensation:
  - id: marketing-2026
    bonus:
      - { metric: mqls, weight: 0.95 }
      - { metric: feature-adoption, weight: 0.05, shared_with: [product] }`,
      good: `compensation:
  - id: marketing-2026
    bonus:
      - { metric: mqls, weight: 0.8 }
      - { metric: feature-adoption, weight: 0.2, shared_with: [product] }`,
    },
  },
  check({ index, model, strategy, options, report }) {
    // The teams that lead each team, read once: asking every team for every plan is quadratic in a large company.
    const leadersOf = new Map<string, Set<string>>();
    for (const team of index.policy.teams) {
      for (const led of team.leads ?? []) {
        const leaders = leadersOf.get(led) ?? new Set<string>();
        leaders.add(team.id);
        leadersOf.set(led, leaders);
      }
    }
    for (const plan of index.instruments) {
      if (plan.lever !== 'compensation') continue;
      // A leader paid on the result of the teams it leads is accountable for it, not a free rider.
      const led = new Set(plan.team === undefined ? [] : (index.teams.get(plan.team)?.leads ?? []));
      // Nor is a team sharing its own result with the managers who lead it: the output is the team's (a crew's bonus on its line's tons).
      const leaders = (plan.team === undefined ? undefined : leadersOf.get(plan.team)) ?? NO_TEAMS;
      const components = index
        .sharedComponentsOf(plan)
        .filter((reward) => reward.sharedWith.some((team) => !led.has(team) && !leaders.has(team)));
      if (components.length === 0) continue;
      const portion = sum(components);
      const tooSmall = portion < options.min - EPSILON;
      const variableShare = plan.node.variable_share;
      const ofTotalPay = variableShare === undefined ? undefined : portion * variableShare;
      // A sales overlay (solutions engineers on the account executives' number) is pooled by design.
      const overlay = plan.team !== undefined && index.teams.get(plan.team)?.kind === 'revenue';
      // A company-wide gainshare or profit share that is all the plan pays is the design, not free riding on a teammate.
      const companyProgram =
        components.every((line) => model.reachesEveryTeam(line)) && portion >= 1 - EPSILON && !index.hasCommission(plan);
      const tooLarge =
        !overlay &&
        !companyProgram &&
        portion > options.max + EPSILON &&
        !(ofTotalPay !== undefined && ofTotalPay <= options.max_of_total_pay + EPSILON);
      if (!tooSmall && !tooLarge) continue;
      const shared = [...components].sort(compareRewards);
      // Weight moved out of the shared part never goes to what the strategy deprioritizes (or a declared proxy of it).
      const individual = index
        .rewardsOfComponent(plan, 'bonus')
        .filter((reward) => reward.sharedWith.length === 0 && !strategy.deprioritizedMetricBehind(reward.metric));
      const hasCommission = index.hasCommission(plan);
      const totalPay = ofTotalPay === undefined ? '' : `, ${formatPercent(ofTotalPay)} of total pay`;
      const what = `${formatPercent(portion)} of variable pay${totalPay} (${shared.map(describe).join(', ')})`;
      report({
        node: plan.node,
        key: 'bonus',
        message: tooSmall
          ? `Plan ${plan.id} shares only ${what}, below the ${formatPercent(options.min)} minimum: a shared portion this small will be ignored.`
          : `Plan ${plan.id} shares ${what}, above the ${formatPercent(options.max)} maximum: it invites free riders, and high performers may leave when they lack control over their earnings.`,
        fix: tooSmall
          ? move(options.min - portion, largest(shared), largest(individual), hasCommission, 'raise')
          : move(portion - options.max, largest(shared), largest(individual), hasCommission, 'lower'),
      });
    }
  },
});

const NO_TEAMS: ReadonlySet<string> = new Set();

function sum(rewards: readonly IncentiveLine[]): number {
  return rewards.reduce((total, reward) => total + (reward.weight ?? 0), 0);
}

function describe(reward: IncentiveLine): string {
  return `${reward.metric} ${formatPercent(reward.weight ?? 0)} with ${listIds(reward.sharedWith, 'and')}`;
}

/** The heaviest line; on a tie, the first by content. */
function largest(rewards: readonly IncentiveLine[]): IncentiveLine | undefined {
  return least(rewards, (a, b) => (b.weight ?? 0) - (a.weight ?? 0) || compareRewards(a, b));
}

/** Moves `amount` of variable pay into (raise) or out of (lower) the shared part, naming the lines and their new weights. */
function move(
  amount: number,
  shared: IncentiveLine | undefined,
  individual: IncentiveLine | undefined,
  hasCommission: boolean,
  direction: 'raise' | 'lower',
): string {
  const sign = direction === 'raise' ? 1 : -1;
  const sharedWeight = shared?.weight ?? 0;
  const sharedPart =
    shared && sharedWeight + sign * amount >= -EPSILON
      ? `${direction} ${shared.metric} (shared with ${listIds(shared.sharedWith, 'and')}) from ${formatPercent(sharedWeight)} to ${formatPercent(sharedWeight + sign * amount)}`
      : `${direction} the shared components by ${formatPercent(amount)} in total`;
  const individualWeight = individual?.weight ?? 0;
  const balance =
    individual && individualWeight - sign * amount >= -EPSILON
      ? ` and ${direction === 'raise' ? 'lower' : 'raise'} ${individual.metric} from ${formatPercent(individualWeight)} to ${formatPercent(individualWeight - sign * amount)}`
      : hasCommission
        ? ' (commission takes the rest)'
        : ` and ${direction === 'raise' ? 'take' : 'give'} ${formatPercent(amount)} ${direction === 'raise' ? 'from' : 'to'} individual components`;
  return `${sharedPart}${balance}`;
}
