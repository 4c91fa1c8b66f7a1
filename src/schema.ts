/**
 * Format v1 of an incentive policy, in zod. This one schema is the source of the TypeScript types,
 * of the validation the loader runs on every YAML document, and of the published JSON Schema.
 *
 * A policy may be split over many files and documents; each document is validated on its own
 * (`PolicyDocumentSchema`, every section optional) so that errors point into the right file, and the
 * loader merges the documents into one `Policy`.
 */
import * as z from 'zod';
import { SCHEMA_URL } from './project.js';
import { checkPlanPayout, Currency, definePayoutSchemas } from './payout/schema.js';
import { defineRosterSchema } from './roster/schema.js';
import {
  checkCommissionLine,
  checkDeadlines,
  checkInstrumentDates,
  checkLineSegments,
  checkQualityLink,
  defineAdditionSchemas,
  definePool,
  exclusive,
  withExample,
} from './schema-additions.js';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERCENT = /^\s*-?\d+(?:\.\d+)?\s*%\s*$/;
/**
 * The percentages the loader accepts, for JSON Schema: 0% to 100% (and -0%). PERCENT reads any
 * percentage so that the loader can say what is wrong with "800%"; editors only need to know that
 * it is wrong, and must agree with the loader on it.
 */
const PERCENT_0_TO_100 = /^\s*(?:-?0+(?:\.0+)?|0*(?:\d{1,2}(?:\.\d+)?|100(?:\.0+)?))\s*%\s*$/;

/** `description` for every editor; `markdownDescription` where formatting helps (VS Code shows it on hover). */
function doc(description: string, markdownDescription?: string): { description: string; markdownDescription?: string } {
  return markdownDescription === undefined ? { description } : { description, markdownDescription };
}

export const Id = z.string({ error: 'an id is a kebab-case string such as enterprise-arr' }).regex(KEBAB_ID, {
  error: (issue) =>
    `"${String(issue.input)}" is not a kebab-case id: use lowercase letters, digits and hyphens, such as "${toKebab(String(issue.input))}"`,
});

function toKebab(text: string): string {
  const kebab = text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return kebab || 'my-id';
}

function isRealDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO calendar date, kept as its `YYYY-MM-DD` string so that dates compare as strings. */
export const IsoDate = z
  .string({ error: 'a date is written YYYY-MM-DD, such as 2026-03-02' })
  .refine(isRealDate, {
    error: (issue) =>
      ISO_DATE.test(String(issue.input))
        ? `${String(issue.input)} is not a calendar date: check the month and day`
        : `"${String(issue.input)}" is not a date: write it YYYY-MM-DD, such as 2026-03-02`,
  })
  // The refinement is invisible to JSON Schema; editors still get the shape of a date.
  .meta({ format: 'date', pattern: ISO_DATE.source });

const FRACTION_MARKDOWN =
  'Write a fraction (`0.08`) or a percentage string (`"8%"`), between 0 and 100%; never a whole number of percent (`8` is 800%).';

/** A share between 0 and 1, written as a fraction (0.08) or a percentage string ("8%"). */
export const Fraction = z
  // The range is checked after the percentage is converted, which JSON Schema cannot see; the
  // metadata gives editors the range of a fraction, so that `rate: 8` (meaning 8%) is flagged there.
  .union(
    [
      z.number().meta({ minimum: 0, maximum: 1 }),
      z
        .string()
        .regex(PERCENT, { error: (issue) => notAPercentage(String(issue.input)) })
        .meta({ pattern: PERCENT_0_TO_100.source }),
    ],
    {
      error: 'write a fraction such as 0.08 or a percentage such as "8%"',
    },
  )
  // One transform converts and checks the range: a large policy has tens of thousands of rates and
  // weights, and a pipe into a second schema adds a pass over each of them.
  .transform((value, context) => {
    const share = typeof value === 'number' ? value : Number.parseFloat(value) / 100;
    if (share >= 0 && share <= 1) return Object.is(share, -0) ? 0 : share;
    context.issues.push({
      code: 'custom',
      input: share,
      message:
        share < 0
          ? `${formatShare(share)} is negative: a share is between 0 and 1 (0% and 100%)`
          : typeof value === 'number' && value > 1 && value <= 100
            ? // A whole number of percent (50 meaning 50%): say the two ways to write what was meant.
              `${formatShare(share)} is above 100%: if you meant ${value}%, write ${Math.round(value * 100) / 10000} or "${value}%"`
            : `${formatShare(share)} is above 100%: write a share between 0 and 1, such as 0.08 or "8%"`,
    });
    return z.NEVER;
  });

/** A quoted number ("0.08") is text in YAML: say to drop the quotes rather than to write a fraction. */
function notAPercentage(text: string): string {
  const number = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(number)
    ? `"${text}" is text because of the quotes: write ${text.trim()} without them, or a percentage such as "${Math.round(number * 10000) / 100}%"`
    : `"${text}" is not a percentage: write a fraction such as 0.08 or a percentage such as "8%"`;
}

function formatShare(value: unknown): string {
  return typeof value === 'number' ? `${value} (${Math.round(value * 10000) / 100}%)` : String(value);
}

const PositiveNumber = (what: string) =>
  z.number({ error: `${what} is a number, such as 210` }).positive({ error: `${what} must be greater than 0` });

const PositiveInteger = (what: string) =>
  z
    .number({ error: `${what} is a whole number, such as 6` })
    .int({ error: `${what} is a whole number, such as 6` })
    .positive({ error: `${what} must be greater than 0` });

const Text = z.string({ error: 'write this as text' });
/** A list of ids; the example in its message names the kind of id the list holds. */
const IdList = (example: string) => z.array(Id, { error: `write a list of ids, such as ${example}` });

/** The measurement window and the rank against peers (src/schema-additions.ts). */
const Additions = defineAdditionSchemas({ Id, Fraction, Text, PositiveInteger });

/** Keys that every declared thing may carry for people reading the file. */
const Described = {
  name: Text.optional().describe('A display name for people reading the policy and the reports; the id stays the reference.'),
  description: Text.optional().describe('Free text for people reading the policy: what this is and why it exists. Not judged by any rule.'),
};

export const SegmentFocus = z
  .strictObject({
    segments: IdList('[enterprise, mid-market]').optional().describe('Ids of customer segments (declared under segments).'),
    metrics: IdList('[new-arr, net-retention]').optional().describe('Ids of metrics (declared under metrics).'),
  })
  .meta({ title: 'Focus' });

/** One metric the strategy wants more of than another, while still wanting both. */
export const Preference = z.strictObject({
  metric: Id.describe('The metric the priority prefers, such as annual-contract-arr.'),
  over: Id.describe('The metric it is preferred over, still wanted but less, such as monthly-contract-arr.'),
});

export const Priority = z
  .strictObject({
    id: Id.describe("The priority's id, unique among priorities (kebab-case, such as enterprise-growth)."),
    statement: Text.optional().describe('The priority in one sentence, as leadership announced it.'),
    ...Described,
    favor: SegmentFocus.optional().meta(
      doc(
        'What behavior should increase: the segments and metrics this priority wants more of. Instruments should reward them.',
        'What behavior should **increase**: the segments and metrics this priority wants more of. Instruments should reward them.\n\n```yaml\nfavor: { segments: [enterprise], metrics: [net-retention] }\n```',
      ),
    ),
    deprioritize: SegmentFocus.optional().meta(
      doc(
        'What behavior should decrease (the old strategy): no instrument should reward these segments and metrics.',
        'What behavior should **decrease** (the old strategy): no instrument should reward these segments and metrics.\n\n```yaml\ndeprioritize: { segments: [smb], metrics: [feature-count] }\n```',
      ),
    ),
    by: IsoDate.optional().describe(
      'The deadline of the priority, YYYY-MM-DD: the day by which it is to be met (no one waits more than four hours by 2004-12-31). ' +
        'Timing is judged against it: an incentive for this priority that takes effect after the announcement but on or before this day is on time.',
    ),
    prefer: z
      .array(Preference, { error: 'write a list such as [{ metric: annual-contract-arr, over: monthly-contract-arr }]' })
      .optional()
      .describe(
        'Metrics this priority wants more than another without deprioritizing the other (annual over monthly contracts): ' +
          'an instrument that rewards both must pay the preferred one more.',
      ),
  })
  .meta({ title: 'Priority' });

export const Strategy = z
  .strictObject({
    name: Text.optional().describe("The strategy's name, such as Enterprise-first."),
    description: Text.optional().describe('Free text for people reading the policy. Not judged by any rule.'),
    announced: IsoDate.optional().describe(
      "The day the strategy is (or was) announced, YYYY-MM-DD. Incentives should be effective on or before it; the gate's --announce overrides it for one run.",
    ),
    priorities: z.array(Priority).default([]).describe('What the strategy favors and deprioritizes, one entry per priority.'),
    levers_not_used: z
      .array(
        z.enum(['compensation', 'okrs', 'promotions', 'recognition'], {
          error: 'a lever is compensation, okrs, promotions or recognition',
        }),
        {
          error: 'write a list of levers, such as [recognition]',
        },
      )
      .optional()
      .describe(
        'Levers the organization deliberately does not use (compensation, okrs, promotions, recognition), such as [recognition] for a company without a recognition program. ' +
          'The gate cannot judge a lever that has no instrument, so it does not say GO until each lever either has one or is listed here.',
      ),
  })
  .superRefine(checkDeadlines)
  .meta({ title: 'Strategy' });

export const Segment = z
  .strictObject({
    id: Id.describe("The segment's id, unique among segments (kebab-case, such as enterprise or smb)."),
    ...Described,
    sales_cycle_days: PositiveNumber('sales_cycle_days')
      .optional()
      .describe(
        'Days from first contact to signature, on average (greater than 0). With avg_deal_size, lets effort-adjusted-pay compare pay per month of selling.',
      ),
    avg_deal_size: PositiveNumber('avg_deal_size')
      .optional()
      .describe('The average deal size, in the currency the plans pay in (greater than 0).'),
  })
  .meta({ title: 'Segment' });

export const TeamKind = z
  .enum(['revenue', 'non-revenue'])
  .describe('revenue: carries a revenue number (sales, account management); non-revenue: every other team.');

export const Team = z
  .strictObject({
    id: Id.describe("The team's id, unique among teams (kebab-case, such as sales)."),
    ...Described,
    kind: TeamKind.optional(),
    headcount: PositiveInteger('headcount')
      .optional()
      .describe(
        'How many people the team has (a whole number). The report ranks the changes to make first by how many people an instrument pays.',
      ),
    customer_facing: z
      .boolean()
      .optional()
      .describe('true when the team works with customers, so that the segment a metric counts matters (segment-blind-metric).'),
    hands_off_to: IdList('[implementation, customer-success]')
      .optional()
      .describe(
        'Ids of the teams this team hands its work to (sales to implementation, say). Teams joined by a handoff should share a metric (siloed-handoff, individual-only).',
      ),
    leads: IdList('[sales, sales-development]')
      .optional()
      .describe('The teams this team manages: paid on their shared result, a leader is accountable for it, not a free rider on it.'),
  })
  .meta({ title: 'Team' });

export const MetricType = z
  .enum(['outcome', 'output', 'activity', 'quality', 'speed', 'behavior'])
  .meta(
    doc(
      'What the metric counts: outcome (a business result), output (things produced), activity (effort spent), quality, speed, or behavior.',
      'What the metric counts:\n- `outcome`: a business result (new-arr, net-retention)\n- `output`: things produced (feature-count)\n- `activity`: effort spent (calls, demos)\n- `quality`: how well (defect-escape-rate)\n- `speed`: how fast (velocity)\n- `behavior`: how people work (cross-team-impact)',
    ),
  );
export const Perspective = z
  .enum(['financial', 'customer', 'internal', 'learning'])
  .describe('The balanced-scorecard perspective the metric belongs to: financial, customer, internal (processes) or learning (growth).');

export const Metric = z
  .strictObject({
    id: Id.describe("The metric's id, unique among metrics (kebab-case, such as new-arr)."),
    ...Described,
    type: MetricType.optional(),
    perspective: Perspective.optional(),
    segmented: z
      .boolean()
      .optional()
      .describe(
        'true when the metric is measured per customer segment; false when it cannot tell segments apart (an MQL counts the same for every customer size).',
      ),
    proxy_for: IdList('[new-arr]')
      .optional()
      .describe(
        'Ids of the metrics this one stands in for: the outcome an activity or output count serves, the higher outcome a means serves (customer satisfaction for return on equity), or the same quantity under another id (profit above the peer average, for a priority on beating peers). A line on this metric counts as a line on those, and a line on those serves a priority that favors this one. Without it, vanity-metric asks which outcome the number serves.',
      ),
    vanity: z
      .boolean()
      .optional()
      .describe('true marks a number that can rise while the business does not (page views, raw sign-ups): rewarding it is reported.'),
    reported_by: IdList('[schedulers]')
      .optional()
      .describe(
        "Ids of the teams that produce or report the number themselves (teachers who handle their own tests' answer sheets, schedulers who " +
          'enter the date a patient asked for): paying or measuring a team on a number it reports needs a guard (gameable-target).',
      ),
    accepted_by: Id.optional().describe(
      'Id of the team that accepts each item before it counts (a sales-accepted opportunity, a screening board that adopts suggestions): ' +
        'the count carries a quality gate kept by another team, so paying on it is guarded when that team is rewarded on the result or ' +
        'its quality, or on nothing at all; a gatekeeper paid only on counts gains from accepting more (gameable-target, vanity-metric).',
    ),
    nets_churn: z
      .boolean()
      .optional()
      .describe(
        'The metric counts what customers take away against it (net or gross revenue retention, customer retention, net growth of a book of accounts): ' +
          'a lost customer lowers it, so it is its own retention guard, and a team rewarded on it is paid on keeping customers ' +
          "(no-retention-guard, siloed-handoff). Nothing is inferred from a metric's id or name: declare it.",
      ),
    measures_collection: z
      .boolean()
      .optional()
      .describe(
        'true when the metric is cash collected from customers (collections, invoices paid): commission earned on collection ' +
          "(earned_on: collection) rewards it, and a priority favoring it is served that way (uncovered-priority). Nothing is inferred from a metric's id or name: declare it.",
      ),
    quality_measured_by: Id.optional().meta(
      withExample(
        'Id of the metric that measures the quality of the same units this metric counts (redo-rate for units installed): ' +
          'the count is guarded where the same team is also rewarded or measured on that metric.',
        '- { id: units-installed, type: output, quality_measured_by: redo-rate }\n- { id: redo-rate, type: quality }',
      ),
    ),
    counts_only_good: z
      .boolean()
      .optional()
      .meta(
        withExample(
          'true when only units that pass a quality check are counted (good, saleable tons; nothing for scrap): the quality gate is inside the count, so it is its own quality guard.',
          '- { id: saleable-tons, type: output, counts_only_good: true }',
        ),
      ),
    deliverable: z
      .boolean()
      .optional()
      .meta(
        withExample(
          'true when the metric is a named deliverable, done or not by its date (ship the repackaged product family, sample the coprocessor by June 15), not a number that can be inflated or a pace: it is judged as a milestone, not as a count or a speed.',
          '- { id: coprocessor-sampled, name: Sample the arithmetic coprocessor, type: output, deliverable: true }',
        ),
      ),
    window: Additions.Window.optional(),
  })
  .superRefine(checkQualityLink)
  .meta({ title: 'Metric' });

/** What every reward line may say besides its own keys: the customer segment it pays on. */
const RewardLine = {
  segment: Id.optional().describe('The id of the customer segment this line pays on or measures; absent: every segment.'),
  segments: IdList('[enterprise, mid-market]')
    .min(1, { error: 'segments lists at least one segment id; to pay on every segment, remove segments' })
    .optional()
    .meta(
      withExample(
        "Ids of the customer segments this line pays on or measures, when it is more than one: each listed segment at the line's own rate, weight or target, and no other. Write segment for one.",
        'segments: [enterprise, mid-market]   # one line on two segments, instead of segment: enterprise',
      ),
    ),
  window: Additions.Window.optional().describe("The measurement window of this line, when it differs from its metric's window."),
  description: Text.optional().describe('Free text for people reading the policy. Not judged by any rule.'),
  accounts: Text.optional().describe(
    'The named accounts or territory this line is limited to, such as "Tier 1 customers": a line scoped this way tells customers apart as a segment does.',
  ),
};

export const CommissionLine = z
  .strictObject({
    metric: Id.describe('The id of the metric commission is paid on, such as new-arr.'),
    ...RewardLine,
    // Optional only on a quota plan (ote, variable_share, quota): checked by checkPlanPayout.
    rate: Fraction.optional().meta(
      doc(
        'The commission rate: a fraction such as 0.08 or a percentage such as "8%", between 0 and 100%. On a quota plan (ote, variable_share, quotas) it may be omitted: the line then pays the base rate, target variable pay ÷ quota.',
        `The commission rate. ${FRACTION_MARKDOWN} On a quota plan it may be omitted: the line pays the base rate, target variable pay ÷ quota.`,
      ),
    ),
    per_unit: z
      .number({ error: 'per_unit is an amount of money per unit, such as per_unit: 20' })
      .positive({ error: 'per_unit must be greater than 0, such as per_unit: 20' })
      .optional()
      .meta(
        withExample(
          'A fixed amount paid for each unit the metric counts (a piece rate), in the policy currency, instead of a rate on an amount booked.',
          '- { metric: units-installed, per_unit: 20 }   # 20 for every unit installed',
        ),
      ),
  })
  .superRefine(checkCommissionLine)
  .meta({ title: 'Commission line', ...exclusive(['segment', 'segments'], ['rate', 'per_unit']) });

export const BonusComponent = z
  .strictObject({
    metric: Id.describe('The id of the metric this part of the bonus is paid on.'),
    ...RewardLine,
    weight: Fraction.meta(
      doc(
        'The share of variable pay this component is worth: a fraction such as 0.2 or a percentage such as "20%".',
        `The share of variable pay this component is worth. ${FRACTION_MARKDOWN}`,
      ),
    ),
    shared_with: IdList('[customer-success]')
      .optional()
      .describe('Ids of the other teams paid on the same result: this component is a shared incentive.'),
    ranked: Additions.Ranked.optional(),
  })
  .superRefine(checkLineSegments)
  .meta({ title: 'Bonus component', ...exclusive(['segment', 'segments']) });

/** One component of the merit rating that splits a pool: its weight is its share of the rating. */
export const RatingComponent = z
  .strictObject({
    metric: Id.describe('The id of the metric this part of the rating is on, such as output or work-quality.'),
    ...RewardLine,
    weight: Fraction.meta(
      doc(
        'The share of the rating this component is worth: a fraction such as 0.25 or a percentage such as "25%".',
        `The share of the rating this component is worth. ${FRACTION_MARKDOWN}`,
      ),
    ),
  })
  .superRefine(checkLineSegments)
  .meta({ title: 'Rating component', ...exclusive(['segment', 'segments']) });

export const Pool = definePool({ Id, Fraction, Text, PositiveInteger }, RatingComponent, Additions.Ranked);

/** The quota-plan pieces (quotas, curve, credit, SPIFFs, ramp…), built from the primitives above. */
const Payout = definePayoutSchemas({ Id, IsoDate, Fraction, Text, PositiveInteger });

export const Clawback = z
  .strictObject({
    months: PositiveInteger('clawback months').describe(
      'How many months after signature commission can be taken back (a whole number, greater than 0).',
    ),
    triggers: Payout.ClawbackTriggers.optional(),
  })
  .meta({ title: 'Clawback' });

export const Deferral = z
  .strictObject({
    share: Fraction.meta(
      doc(
        'The share of commission held back: a fraction such as 0.3 or a percentage such as "30%".',
        `The share of commission held back. ${FRACTION_MARKDOWN}`,
      ),
    ),
    months: PositiveInteger('deferral months').describe(
      'How many months the deferred share is held before it is paid (a whole number, greater than 0).',
    ),
  })
  .meta({ title: 'Deferral' });

/** What every instrument (plan, OKR set, ladder, recognition program) carries. */
const InstrumentBase = {
  id: Id.describe(
    "The instrument's id, unique among plans, OKR sets, ladders and recognition programs (kebab-case). Waivers name it as their target.",
  ),
  ...Described,
  team: Id.optional().describe('The id of the team this instrument applies to.'),
  effective: IsoDate.optional().describe(
    'The day it takes effect, YYYY-MM-DD. An instrument that starts after the strategy is announced leaves a gap (incentive-after-announcement).',
  ),
  until: IsoDate.optional().meta(
    withExample(
      'The last day it is in force, YYYY-MM-DD (inclusive), on or after effective; absent: in force until replaced.',
      'effective: 2026-01-01\nuntil: 2026-12-31',
    ),
  ),
  rationale: Text.optional().describe(
    'Why it rewards what it does, in words the team will read. Instruments without one are reported (missing-rationale).',
  ),
};

export const CompensationPlan = z
  .strictObject({
    ...InstrumentBase,
    variable_share: Fraction.optional().meta(
      doc(
        'The share of on-target pay that is variable: a fraction such as 0.5 or a percentage such as "50%". Bonus weights divide it.',
        `The share of on-target pay that is variable; bonus weights divide it. ${FRACTION_MARKDOWN}`,
      ),
    ),
    commission: z.array(CommissionLine).optional().describe('Commission lines: a rate paid on a metric, optionally for one segment.'),
    bonus: z.array(BonusComponent).optional().describe('Bonus components: weights of variable pay, each on a metric.'),
    clawback: Clawback.optional().describe('Commission can be taken back within the months given; triggers say what takes it back.'),
    deferral: Deferral.optional().describe('A share of commission is paid only after the months given.'),
    ...Payout.planKeys,
    pool: Pool.optional(),
  })
  .superRefine(checkPlanPayout)
  .superRefine(checkInstrumentDates)
  .meta({ title: 'Compensation plan' });

export const KeyResult = z
  .strictObject({
    metric: Id.describe('The id of the metric this key result measures.'),
    ...RewardLine,
    target: z
      .union([z.string(), z.number()], { error: 'a target is a number or text, such as "+20%"' })
      .optional()
      .describe(
        'The target, as a number or text such as "+20%" or "< 2%". A key result without a measurable target is reported (unmeasurable-key-result).',
      ),
    guardrail: z
      .boolean()
      .optional()
      .describe(
        'A health measure that must not get worse while the other key results are pursued (complaints, refunds, quality): it guards the counts of its OKR set.',
      ),
  })
  .superRefine(checkLineSegments)
  .meta({ title: 'Key result', ...exclusive(['segment', 'segments']) });

export const OkrStakes = z
  .enum(['pay', 'review', 'none'], { error: 'stakes is one of pay, review, none' })
  .meta(
    withExample(
      'What the key results decide: pay (bonus or commission depends on them), review (performance ratings, promotion, careers, or a public league table) or none (the policy says they are not used for pay or evaluation: stretch goals graded for learning). Absent: judged as if they decided pay.',
      'stakes: none   # "OKRs are not used for compensation or performance reviews"',
    ),
  );

export const OkrSet = z
  .strictObject({
    ...InstrumentBase,
    objective: Text.optional().describe('The objective, in words.'),
    stakes: OkrStakes.optional(),
    key_results: z.array(KeyResult).default([]).describe('The key results, each on a metric.'),
  })
  .superRefine(checkInstrumentDates)
  .meta({ title: 'OKR set' });

export const Criterion = z
  .strictObject({
    text: Text.describe('The criterion as the ladder states it, such as "Leads cross-team projects".'),
    metric: Id.optional().describe('The id of the metric or behavior the criterion measures, so that rules can judge it.'),
    ...RewardLine,
    ranked: Additions.Ranked.optional(),
  })
  .superRefine(checkLineSegments)
  .meta({ title: 'Promotion criterion', ...exclusive(['segment', 'segments']) });

export const PromotionLadder = z
  .strictObject({
    ...InstrumentBase,
    criteria: z.array(Criterion).default([]).describe('What people are promoted for.'),
  })
  .superRefine(checkInstrumentDates)
  .meta({ title: 'Promotion ladder' });

export const Award = z
  .strictObject({
    text: Text.describe('The award as it is announced, such as "First enterprise win of the quarter".'),
    metric: Id.optional().describe('The id of the metric the award celebrates.'),
    ...RewardLine,
    teams: IdList('[sales, marketing]').optional().describe('Ids of the teams that can win it; absent: every team.'),
    ranked: Additions.Ranked.optional(),
  })
  .superRefine(checkLineSegments)
  .meta({ title: 'Award', ...exclusive(['segment', 'segments']) });

export const RecognitionProgram = z
  .strictObject({
    ...InstrumentBase,
    awards: z.array(Award).default([]).describe('The awards the program gives.'),
  })
  .superRefine(checkInstrumentDates)
  .meta({ title: 'Recognition program' });

export const Waiver = z
  .strictObject({
    rule: z
      .string({ error: 'name the rule id this waiver accepts, such as flat-commission' })
      .min(1)
      .describe('The id of the rule whose findings this waiver accepts, such as flat-commission.'),
    target: Id.describe(
      "The instrument the findings are in, or, for a finding about a team, segment, metric or priority, that thing's id.",
    ),
    reason: Text.describe('Why the exception is accepted.'),
    approved_by: Text.describe('Who accepted it: a name or a role.'),
    expires: IsoDate.describe(
      'The last day the waiver holds, YYYY-MM-DD; after it, the findings are reported again and the waiver itself is (expired-waiver).',
    ),
  })
  .meta({ title: 'Waiver' });

/** One person, or one role with a headcount, paid on the plans (written by `import`). */
export const RosterEntry = defineRosterSchema({ Id, Fraction, Text, PositiveInteger });

const sections = {
  segments: z.array(Segment).optional().describe('Customer segments the strategy and the plans name.'),
  teams: z.array(Team).optional().describe('The teams incentives apply to.'),
  metrics: z.array(Metric).optional().describe('Every metric an instrument or priority names.'),
  compensation: z.array(CompensationPlan).optional().describe('Commission and bonus plans.'),
  okrs: z.array(OkrSet).optional().describe('OKR sets: objectives with key results on metrics.'),
  promotions: z.array(PromotionLadder).optional().describe('Promotion ladders: the criteria people are promoted on.'),
  recognition: z.array(RecognitionProgram).optional().describe('Recognition programs: awards and what they celebrate.'),
  waivers: z.array(Waiver).optional().describe('Accepted exceptions to a rule, each with an owner and an expiry date.'),
  roster: z
    .array(RosterEntry)
    .optional()
    .describe('Who is paid on the plans: people, or roles with a headcount, with OTE, variable share, quota and attainment where known.'),
};

/** One YAML document of a policy: any subset of the sections, and always `version: 1`. */
export const PolicyDocumentSchema = z
  .strictObject({
    version: z
      .literal(1, { error: 'this tool reads format version 1: write version: 1' })
      .describe('The format version: always 1. A YAML file without it is not a policy file (folder scans skip it).'),
    organization: Text.optional().describe("The organization's name; every file of one policy must give the same one."),
    currency: Currency.optional(),
    strategy: Strategy.optional().describe('The strategy the incentives must serve. A policy (all its files together) has exactly one.'),
    ...sections,
  })
  .meta({ title: 'Policy file' });

/** The list sections, in the order the loader concatenates them. */
export const LIST_SECTIONS = Object.keys(sections) as ListSection[];
export type ListSection = keyof typeof sections;

/** The instrument sections: every reward in a policy lives in one of these. */
export const INSTRUMENT_SECTIONS = ['compensation', 'okrs', 'promotions', 'recognition'] as const;
export type Lever = (typeof INSTRUMENT_SECTIONS)[number];

export type PolicyDocument = z.output<typeof PolicyDocumentSchema>;
export type StrategyT = z.output<typeof Strategy>;
export type PriorityT = z.output<typeof Priority>;
export type PreferenceT = z.output<typeof Preference>;
export type SegmentT = z.output<typeof Segment>;
export type TeamT = z.output<typeof Team>;
export type MetricT = z.output<typeof Metric>;
export type CompensationPlanT = z.output<typeof CompensationPlan>;
export type CommissionLineT = z.output<typeof CommissionLine>;
export type BonusComponentT = z.output<typeof BonusComponent>;
export type OkrSetT = z.output<typeof OkrSet>;
export type KeyResultT = z.output<typeof KeyResult>;
export type PromotionLadderT = z.output<typeof PromotionLadder>;
export type CriterionT = z.output<typeof Criterion>;
export type RecognitionProgramT = z.output<typeof RecognitionProgram>;
export type AwardT = z.output<typeof Award>;
export type WaiverT = z.output<typeof Waiver>;
export type RosterEntryT = z.output<typeof RosterEntry>;
export type PoolT = z.output<typeof Pool>;
export type RatingComponentT = z.output<typeof RatingComponent>;
export type WindowT = z.output<typeof Additions.Window>;
export type RankedT = z.output<typeof Additions.Ranked>;
export type QuotaT = z.output<typeof Payout.Quota>;
export type CurveT = z.output<typeof Payout.Curve>;
export type TierT = z.output<typeof Payout.Tier>;
export type CapT = z.output<typeof Payout.Cap>;
export type CreditT = z.output<typeof Payout.Credit>;
export type SpiffT = z.output<typeof Payout.Spiff>;
export type RampStepT = z.output<typeof Payout.RampStep>;
export type GuaranteeT = z.output<typeof Payout.Guarantee>;
export type InstrumentT = CompensationPlanT | OkrSetT | PromotionLadderT | RecognitionProgramT;

/** The merged policy: every document's sections concatenated, exactly one strategy. */
export interface Policy {
  version: 1;
  organization?: string;
  /** ISO 4217 code of every amount, when the policy says. */
  currency?: string;
  strategy: StrategyT;
  segments: SegmentT[];
  teams: TeamT[];
  metrics: MetricT[];
  compensation: CompensationPlanT[];
  okrs: OkrSetT[];
  promotions: PromotionLadderT[];
  recognition: RecognitionProgramT[];
  waivers: WaiverT[];
  roster: RosterEntryT[];
}

/** The JSON Schema of one policy file, for editors (`yaml-language-server`) and other tools. */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PolicyDocumentSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: SCHEMA_URL,
    title: 'incentive-lint policy, format v1',
  };
}
