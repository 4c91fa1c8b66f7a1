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

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERCENT = /^\s*-?\d+(?:\.\d+)?\s*%\s*$/;

export const Id = z
  .string({ error: 'an id is a kebab-case string such as enterprise-arr' })
  .regex(KEBAB_ID, {
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

/** A share between 0 and 1, written as a fraction (0.08) or a percentage string ("8%"). */
export const Fraction = z
  // The range is checked after the percentage is converted, which JSON Schema cannot see; the
  // metadata gives editors the range of a fraction, so that `rate: 8` (meaning 8%) is flagged there.
  .union([z.number().meta({ minimum: 0, maximum: 1 }), z.string().regex(PERCENT, { error: (issue) => notAPercentage(String(issue.input)) })], {
    error: 'write a fraction such as 0.08 or a percentage such as "8%"',
  })
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
  z.number({ error: `${what} is a whole number, such as 6` }).int({ error: `${what} is a whole number, such as 6` }).positive({ error: `${what} must be greater than 0` });

const Text = z.string({ error: 'write this as text' });
/** A list of ids; the example in its message names the kind of id the list holds. */
const IdList = (example: string) => z.array(Id, { error: `write a list of ids, such as ${example}` });

/** Keys that every declared thing may carry for people reading the file. */
const Described = {
  name: Text.optional(),
  description: Text.optional(),
};

export const SegmentFocus = z.strictObject({
  segments: IdList('[enterprise, mid-market]').optional(),
  metrics: IdList('[new-arr, net-retention]').optional(),
});

/** One metric the strategy wants more of than another, while still wanting both. */
export const Preference = z.strictObject({
  metric: Id.describe('The metric the priority prefers, such as annual-contract-arr.'),
  over: Id.describe('The metric it is preferred over, still wanted but less, such as monthly-contract-arr.'),
});

export const Priority = z.strictObject({
  id: Id,
  statement: Text.optional(),
  ...Described,
  favor: SegmentFocus.optional(),
  deprioritize: SegmentFocus.optional(),
  prefer: z
    .array(Preference, { error: 'write a list such as [{ metric: annual-contract-arr, over: monthly-contract-arr }]' })
    .optional()
    .describe(
      'Metrics this priority wants more than another without deprioritizing the other (annual over monthly contracts): ' +
        'an instrument that rewards both must pay the preferred one more.',
    ),
});

export const Strategy = z.strictObject({
  name: Text.optional(),
  description: Text.optional(),
  announced: IsoDate.optional(),
  priorities: z.array(Priority).default([]),
});

export const Segment = z.strictObject({
  id: Id,
  ...Described,
  sales_cycle_days: PositiveNumber('sales_cycle_days').optional(),
  avg_deal_size: PositiveNumber('avg_deal_size').optional(),
});

export const TeamKind = z.enum(['revenue', 'non-revenue']);

export const Team = z.strictObject({
  id: Id,
  ...Described,
  kind: TeamKind.optional(),
  customer_facing: z.boolean().optional(),
  hands_off_to: IdList('[implementation, customer-success]').optional(),
  leads: IdList('[sales, sales-development]')
    .optional()
    .describe('The teams this team manages: paid on their shared result, a leader is accountable for it, not a free rider on it.'),
});

export const MetricType = z.enum(['outcome', 'output', 'activity', 'quality', 'speed', 'behavior']);
export const Perspective = z.enum(['financial', 'customer', 'internal', 'learning']);

export const Metric = z.strictObject({
  id: Id,
  ...Described,
  type: MetricType.optional(),
  perspective: Perspective.optional(),
  segmented: z.boolean().optional(),
  proxy_for: IdList('[new-arr]').optional(),
  vanity: z.boolean().optional(),
  nets_churn: z
    .boolean()
    .optional()
    .describe(
      'The metric subtracts what customers take away (net growth of a book of accounts, net revenue retention): ' +
        'a lost customer lowers it, so it is its own retention guard.',
    ),
});

/** What every reward line may say besides its own keys: the customer segment it pays on. */
const RewardLine = {
  segment: Id.optional(),
  description: Text.optional(),
  accounts: Text.optional().describe(
    'The named accounts or territory this line is limited to, such as "Tier 1 customers": a line scoped this way tells customers apart as a segment does.',
  ),
};

export const CommissionLine = z.strictObject({
  metric: Id,
  ...RewardLine,
  // Optional only on a quota plan (ote, variable_share, quota): checked by checkPlanPayout.
  rate: Fraction.optional(),
});

export const BonusComponent = z.strictObject({
  metric: Id,
  ...RewardLine,
  weight: Fraction,
  shared_with: IdList('[customer-success]').optional(),
});

/** The quota-plan pieces (quotas, curve, credit, SPIFFs, ramp…), built from the primitives above. */
const Payout = definePayoutSchemas({ Id, IsoDate, Fraction, Text, PositiveInteger });

export const Clawback = z.strictObject({
  months: PositiveInteger('clawback months'),
  triggers: Payout.ClawbackTriggers.optional(),
});

export const Deferral = z.strictObject({
  share: Fraction,
  months: PositiveInteger('deferral months'),
});

/** What every instrument (plan, OKR set, ladder, recognition program) carries. */
const InstrumentBase = {
  id: Id,
  ...Described,
  team: Id.optional(),
  effective: IsoDate.optional(),
  rationale: Text.optional(),
};

export const CompensationPlan = z.strictObject({
  ...InstrumentBase,
  variable_share: Fraction.optional(),
  commission: z.array(CommissionLine).optional(),
  bonus: z.array(BonusComponent).optional(),
  clawback: Clawback.optional(),
  deferral: Deferral.optional(),
  ...Payout.planKeys,
}).superRefine(checkPlanPayout);

export const KeyResult = z.strictObject({
  metric: Id,
  ...RewardLine,
  target: z.union([z.string(), z.number()], { error: 'a target is a number or text, such as "+20%"' }).optional(),
  guardrail: z
    .boolean()
    .optional()
    .describe(
      'A health measure that must not get worse while the other key results are pursued (complaints, refunds, quality): it guards the counts of its OKR set.',
    ),
});

export const OkrSet = z.strictObject({
  ...InstrumentBase,
  objective: Text.optional(),
  key_results: z.array(KeyResult).default([]),
});

export const Criterion = z.strictObject({
  text: Text,
  metric: Id.optional(),
  ...RewardLine,
});

export const PromotionLadder = z.strictObject({
  ...InstrumentBase,
  criteria: z.array(Criterion).default([]),
});

export const Award = z.strictObject({
  text: Text,
  metric: Id.optional(),
  ...RewardLine,
  teams: IdList('[sales, marketing]').optional(),
});

export const RecognitionProgram = z.strictObject({
  ...InstrumentBase,
  awards: z.array(Award).default([]),
});

export const Waiver = z.strictObject({
  rule: z.string({ error: 'name the rule id this waiver accepts, such as flat-commission' }).min(1),
  target: Id,
  reason: Text,
  approved_by: Text,
  expires: IsoDate,
});

const sections = {
  segments: z.array(Segment).optional(),
  teams: z.array(Team).optional(),
  metrics: z.array(Metric).optional(),
  compensation: z.array(CompensationPlan).optional(),
  okrs: z.array(OkrSet).optional(),
  promotions: z.array(PromotionLadder).optional(),
  recognition: z.array(RecognitionProgram).optional(),
  waivers: z.array(Waiver).optional(),
};

/** One YAML document of a policy: any subset of the sections, and always `version: 1`. */
export const PolicyDocumentSchema = z.strictObject({
  version: z.literal(1, { error: 'this tool reads format version 1: write version: 1' }),
  organization: Text.optional(),
  currency: Currency.optional(),
  strategy: Strategy.optional(),
  ...sections,
});

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
