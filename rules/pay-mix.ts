import { compareIds, defineRule, formatPercent, least, z, type CompensationPlanT, type PolicyIndex } from '../src/api.js';
import { quotaPlanExample } from './helpers/example-plans.js';

const plan = (variableShare: number) => quotaPlanExample({ variableShare });

export default defineRule({
  meta: {
    id: 'pay-mix',
    category: 'goalposts',
    severity: 'warning',
    presets: ['goalposts'],
    summary: 'A plan whose deals take a long sales cycle puts more of on-target pay at risk than a long cycle bears',
    rationale:
      'The pay mix follows the sale: short, transactional cycles are best paid with up to half of on-target pay variable, while roles whose deals take ' +
      'several months or more need a higher share of base salary, for the stability of the long wait between commissions. A high variable share on a long cycle ' +
      'pays a seller for the quarter they close in, not for the months of work behind the deal, and pushes them toward the shorter deals the plan pays sooner. ' +
      'A 60/40 mix is the common one; the rule reports a plan that pays on a segment whose sales_cycle_days reach long_cycle_days with a variable share above max_variable_share. ' +
      'Only segments the plan names are judged (a line on every segment says nothing about which deals its sellers work). effort-adjusted-pay and rational-choice ' +
      'compare what each segment pays per month of effort, not the share at risk, so no other rule judges the mix.',
    source:
      'Topline Sales Comp, "Designing Pay Mix That Attracts, Retains and Motivates Top Sales Talent" (https://toplinesalescomp.com/designing-pay-mix-that-attracts-retains-and-motivates-top-sales-talent): short cycles up to 50% variable, long cycles need a higher proportion of base salary; ' +
      'Level Six, "What is Pay Mix Ratio and How to Set It for Sales" (https://www.level6.com/blog/what-pay-mix-ratio): a company with 9-month sales cycles cannot use the 50/50 split of a transactional team, and 60/40 is the common split',
    reads: [
      'compensation[].variable_share',
      'compensation[].quotas[].segment',
      'compensation[].commission[].segment',
      'compensation[].commission[].segments',
      'compensation[].bonus[].segment',
      'compensation[].bonus[].segments',
      'segments[].sales_cycle_days',
    ],
    options: z.object({
      long_cycle_days: z.number().positive().default(180).describe('the sales cycle, in days, from which a segment is a long-cycle sale'),
      max_variable_share: z
        .number()
        .min(0)
        .max(1)
        .default(0.4)
        .describe('the largest share of on-target pay that should be variable on a plan selling a long-cycle segment'),
    }),
    examples: { bad: plan(0.5), good: plan(0.3) },
  },
  check({ index, options, report }) {
    for (const plan of index.policy.compensation) {
      const share = plan.variable_share;
      if (share === undefined || share <= options.max_variable_share + 1e-9) continue;
      const long = segmentsOf(plan)
        .map((id) => ({ id, days: cycleDays(index, id) }))
        .filter(
          (segment): segment is { id: string; days: number } => segment.days !== undefined && segment.days >= options.long_cycle_days,
        );
      // The longest cycle the plan sells is the one the mix must bear (on a tie, the lowest id).
      const longest = least(long, (a, b) => b.days - a.days || compareIds(a.id, b.id));
      if (!longest) continue;
      report({
        node: plan,
        key: 'variable_share',
        message:
          `Plan ${plan.id} puts ${formatPercent(share)} of on-target pay at risk while its sellers work ${longest.id} deals of ${longest.days}-day cycles, ` +
          `more than ${formatPercent(options.max_variable_share)}: a long sale needs more base to carry the seller between commissions, ` +
          'or they turn to the shorter deals the plan pays sooner.',
        fix: `lower the variable_share of plan ${plan.id} to at most ${formatPercent(options.max_variable_share)} (such as variable_share: ${options.max_variable_share}), moving the difference into base salary`,
      });
    }
  },
});

/** The segments the plan's lines name. */
function segmentsOf(plan: CompensationPlanT): string[] {
  const named = new Set<string>();
  for (const line of [...(plan.quotas ?? []), ...(plan.commission ?? []), ...(plan.bonus ?? [])]) {
    if ('segment' in line && line.segment !== undefined) named.add(line.segment);
    if ('segments' in line && Array.isArray(line.segments)) for (const segment of line.segments) named.add(segment);
  }
  return [...named];
}

function cycleDays(index: PolicyIndex, segment: string): number | undefined {
  return index.policy.segments.find((candidate) => candidate.id === segment)?.sales_cycle_days;
}
