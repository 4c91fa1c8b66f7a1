/**
 * The keys of format v1 that say what a quota-based plan really pays: on-target earnings, quotas,
 * the attainment curve (threshold, tiers, cap, retroactive tiers), quota-credit multipliers, SPIFFs
 * and kickers, when commission is earned, the clawback's triggers, and a ramp or guarantee for new
 * hires. All optional: a policy without them reads exactly as before.
 *
 * The pieces are built by `definePayoutSchemas` from the primitives of `src/schema.ts` (ids, dates,
 * fractions), which imports this module: a function, because two modules that build zod schemas
 * from each other's constants at load time cannot import each other.
 */
import * as z from 'zod';
import { checkQuotaExcludes, exclusive } from '../schema-additions.js';
import { EPSILON } from '../epsilon.js';

export const PERIODS = ['month', 'quarter', 'half', 'year'] as const;
export type Period = (typeof PERIODS)[number];
export const MONTHS_IN: Readonly<Record<Period, number>> = { month: 1, quarter: 3, half: 6, year: 12 };

const EARNED_ON = ['booking', 'invoice', 'collection'] as const;
const CLAWBACK_TRIGGERS = ['churn', 'non-payment', 'refund', 'misconduct'] as const;
const SPIFF_KINDS = ['spiff', 'kicker'] as const;
const SPIFF_PER = ['deal', 'once'] as const;

/** The largest attainment or multiplier anyone writes (10 = 1,000%): larger numbers are percentages written without the %. */
const MAX_RATIO = 10;
const PERCENT = /^\s*\d+(?:\.\d+)?\s*%\s*$/;

/** ISO 4217 codes the runtime knows (Node's ICU), so that "USD" passes and "USS" or "usd" gets a fix. */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const Currency = z
  .string({ error: 'a currency is a three-letter ISO 4217 code, such as USD or EUR' })
  .refine((code) => CURRENCIES.has(code), {
    error: (issue) => {
      const text = String(issue.input);
      const upper = text.trim().toUpperCase();
      if (CURRENCIES.has(upper)) return `"${text}" is written in capitals in ISO 4217: write currency: ${upper}`;
      const near = upper.slice(0, 3);
      const example = CURRENCIES.has(near) ? `, such as currency: ${near}` : ', such as USD, EUR or GBP';
      return `"${text}" is not an ISO 4217 currency code: write its three capital letters${example}`;
    },
  })
  .meta({ pattern: '^[A-Z]{3}$' })
  .describe('ISO 4217 code of the currency every amount in the policy is written in (ote, quota amounts, caps, SPIFFs), such as USD');

/**
 * A ratio of quota or of the base rate, such as an attainment (1.5 or "150%") or a multiplier (1.5 or
 * "150%"). `what` names it in messages ("from", "multiplier").
 */
function ratio(what: string, example: string) {
  return z
    .union(
      [
        z.number().meta({ minimum: 0, maximum: MAX_RATIO }),
        z.string().regex(PERCENT, {
          error: (issue) =>
            `"${String(issue.input)}" is not a percentage: write ${what}: ${example} or "${Math.round(Number(example) * 100)}%"`,
        }),
      ],
      {
        error: `${what} is a number such as ${example}, or a percentage such as "${Math.round(Number(example) * 100)}%"`,
      },
    )
    .transform((value, context) => {
      const number = typeof value === 'number' ? value : Number.parseFloat(value) / 100;
      if (number >= 0 && number <= MAX_RATIO) return number;
      context.issues.push({
        code: 'custom',
        input: value,
        message:
          number < 0
            ? `${what} is negative: write 0 or more, such as ${what}: ${example}`
            : `${what}: ${String(value)} reads as ${Math.round(number * 100).toLocaleString('en-US')}%: for ${String(value)}% write ${number / 100} or "${String(value)}%"`,
      });
      return z.NEVER;
    });
}

export const Attainment = (what: string, example: string) => ratio(what, example);
const Multiplier = ratio('multiplier', '1.5');

export const Amount = (what: string, example: string) =>
  z
    .number({ error: `${what} is an amount of money, such as ${what}: ${example}` })
    .positive({ error: `${what} must be greater than 0, such as ${what}: ${example}` });

/** What the payout pieces need from `src/schema.ts`. */
export interface SchemaPrimitives {
  Id: z.ZodType<string>;
  IsoDate: z.ZodType<string>;
  Fraction: z.ZodType<number, string | number>;
  Text: z.ZodType<string>;
  PositiveInteger: (what: string) => z.ZodType<number>;
}

type Issue = Parameters<Parameters<z.ZodType['superRefine']>[0]>[1];

/** Builds the payout schemas from the base primitives (see the module comment for why a function). */
export function definePayoutSchemas({ Id, IsoDate, Fraction, Text, PositiveInteger }: SchemaPrimitives) {
  const Tier = z
    .strictObject({
      from: Attainment('from', '1').describe('attainment where the tier starts, as a share of quota: 1 or "100%" is quota'),
      multiplier: Multiplier.describe(
        'multiple of the base rate paid on the dollars inside the tier: above 1 an accelerator, below 1 a decelerator',
      ),
      retroactive: z
        .boolean({ error: 'retroactive is true or false' })
        .optional()
        .describe('when true, reaching the tier re-prices every dollar from the first at its multiplier'),
      description: Text.optional().describe('what the tier is, for people reading the file'),
    })
    .meta({ title: 'Curve tier', description: 'a tier of the attainment curve' });

  const Cap = z
    .strictObject({
      attainment: Attainment('attainment', '2')
        .optional()
        .describe('attainment above which bookings earn nothing more, such as 2 (200% of quota)'),
      amount: Amount('amount', '300000').optional().describe('the most commission one quota pays in one period, in the policy currency'),
      description: Text.optional().describe('what the cap or windfall clause says, for people reading the file'),
    })
    .superRefine((cap, context) => {
      if ((cap.attainment === undefined) === (cap.amount === undefined)) {
        context.addIssue({
          code: 'custom',
          path: [],
          message:
            cap.attainment === undefined
              ? 'a cap needs a limit: write attainment (such as attainment: 2 for 200% of quota) or amount (the most one quota pays per period)'
              : 'a cap has either attainment or amount, not both: keep the one the plan states',
        });
      }
    })
    .meta({ title: 'Cap', description: 'a cap: where the curve stops paying, as attainment or as an amount' });

  const Curve = z
    .strictObject({
      threshold: Attainment('threshold', '0.5')
        .optional()
        .describe('attainment below which the quota pays nothing; once reached, every dollar from the first is paid'),
      tiers: z
        .array(Tier, { error: 'tiers is a list, such as - { from: 1, multiplier: 1.5 }' })
        .optional()
        .describe('tiers in increasing order of `from`; below the first tier the multiplier is 1'),
      cap: Cap.optional(),
      description: Text.optional().describe("the curve in the plan's own words"),
    })
    .superRefine((curve, context) => checkCurve(curve, context))
    .meta({ title: 'Attainment curve', description: 'the attainment curve: how the base rate changes with attainment of quota' });

  const Quota = z
    .strictObject({
      metric: Id.describe('the metric the quota is measured on, such as new-arr'),
      segment: Id.optional().describe('the customer segment whose bookings count toward this quota; without it, every segment counts'),
      excludes: z
        .array(Id, { error: 'excludes is a list of segment ids, such as [partner-sourced]' })
        .min(1, { error: 'excludes lists at least one segment id; to count every segment, remove excludes' })
        .optional()
        .describe(
          'ids of segments (a channel, declared as a segment) whose bookings do not count toward this quota, such as [partner-sourced]; to credit them at a share instead, write a credit multiplier below 1',
        ),
      amount: Amount('amount', '1200000').describe(
        'the quota for one period: an amount in the policy currency, or a count for a metric that counts (logos, meetings)',
      ),
      period: z
        .enum(PERIODS, { error: `period is one of ${PERIODS.join(', ')}` })
        .default('year')
        .describe('the period the amount is for: month, quarter, half or year (default year)'),
      weight: Fraction.optional().describe(
        'share of target variable pay riding on this quota when a plan has several; quotas without a weight share what the others leave equally',
      ),
      curve: Curve.optional().describe("the attainment curve of this quota, when it differs from the plan's curve"),
      description: Text.optional().describe('what the quota is, for people reading the file'),
    })
    .superRefine(checkQuotaExcludes)
    .meta({
      ...exclusive(['segment', 'excludes']),
      title: 'Quota',
      description: 'a quota: how much of a metric one seller is expected to book per period',
    });

  const Credit = z
    .strictObject({
      metric: Id.optional().describe(
        'the metric whose bookings get this credit: one the plan has a quota or commission line on, such as new-arr (to credit a kind of deal, such as multi-year contracts, declare it as a segment)',
      ),
      segment: Id.optional().describe('the segment whose bookings get this credit, such as partner-sourced'),
      multiplier: Multiplier.describe('quota credit per dollar booked: 1.25 credits a prepaid dollar as $1.25 toward quota and pay'),
      description: Text.optional().describe('what earns the credit, such as "annual prepaid"'),
    })
    .superRefine((credit, context) => {
      if (credit.multiplier === 0) {
        context.addIssue({
          code: 'custom',
          path: ['multiplier'],
          message:
            'a credit of 0 counts nothing toward quota and pays nothing: to leave these bookings out of a quota, write excludes: [segment] on the quota, or give the plan no line or quota on them',
        });
      }
      if (credit.metric === undefined && credit.segment === undefined) {
        context.addIssue({
          code: 'custom',
          path: [],
          message:
            'a credit multiplier names what it applies to: add segment (such as segment: multi-year), a metric the plan pays on, or both',
        });
      }
    })
    .meta({ title: 'Quota credit', description: 'a quota-credit multiplier for bookings of a metric and/or segment' });

  const Spiff = z
    .strictObject({
      id: Id.optional().describe('kebab-case id of the SPIFF or kicker'),
      kind: z
        .enum(SPIFF_KINDS, { error: 'kind is spiff or kicker' })
        .default('spiff')
        .describe('spiff (a short contest) or kicker (a standing extra); both pay the same way'),
      metric: Id.optional().describe('the metric whose bookings earn it; without it, every metric the plan pays on'),
      segment: Id.optional().describe('the segment whose deals earn it; without it, every segment'),
      start: IsoDate.optional().describe('first day deals count, YYYY-MM-DD'),
      end: IsoDate.optional().describe('last day deals count, YYYY-MM-DD'),
      amount: Amount('amount', '500').optional().describe('money paid per deal, or once (see per)'),
      rate: Fraction.optional().describe('share of each deal\'s bookings paid on top of commission, such as "2%"'),
      per: z
        .enum(SPIFF_PER, { error: 'per is deal or once' })
        .default('deal')
        .describe('deal: paid for every qualifying deal; once: paid once, on the first qualifying deal or on reaching `at`'),
      at: Attainment('at', '1')
        .optional()
        .describe('for per: once, the attainment of quota that earns it (a step bonus), such as 1 for 100%'),
      description: Text.optional().describe('what the SPIFF or kicker says, for people reading the file'),
    })
    .superRefine((spiff, context) => checkSpiff(spiff, context))
    .meta({
      title: 'SPIFF or kicker',
      description: 'a SPIFF or kicker: an extra payment for deals of a metric and/or segment, within dates',
    });

  const RampStep = z
    .strictObject({
      months: PositiveInteger('ramp months').describe('how many months this step lasts'),
      quota_share: Fraction.describe('share of the full quota carried during these months, such as 0.5'),
    })
    .meta({ title: 'Ramp step', description: "one step of a new hire's ramp" });

  const Guarantee = z
    .strictObject({
      months: PositiveInteger('guarantee months').describe('how many months the guarantee lasts'),
      share: Fraction.describe('share of target variable pay paid whatever is booked, such as 1'),
      recoverable: z
        .boolean({ error: 'recoverable is true or false' })
        .optional()
        .describe('true for a draw recovered from later commission, false for a guarantee kept'),
    })
    .meta({ title: 'Guarantee', description: 'a guarantee or draw for new hires' });

  const ClawbackTriggers = z
    .array(z.enum(CLAWBACK_TRIGGERS, { error: `a clawback trigger is one of ${CLAWBACK_TRIGGERS.join(', ')}` }), {
      error: `triggers is a list, such as [churn, non-payment]`,
    })
    .describe('what takes commission back within the months: churn, non-payment, refund, misconduct');

  /** The keys a compensation plan gains. */
  const planKeys = {
    ote: Amount('ote', '180000').optional().describe('on-target earnings per year (base plus target variable pay), in the policy currency'),
    quotas: z
      .array(Quota, { error: 'quotas is a list, such as - { metric: new-arr, amount: 1200000, period: year }' })
      .optional()
      .describe('the quotas of the plan'),
    curve: Curve.optional(),
    credit: z
      .array(Credit, { error: 'credit is a list, such as - { segment: partner-sourced, multiplier: 1.1 }' })
      .optional()
      .describe('quota-credit multipliers'),
    spiffs: z
      .array(Spiff, { error: 'spiffs is a list, such as - { segment: smb, amount: 500, start: 2026-04-01, end: 2026-06-30 }' })
      .optional()
      .describe('SPIFFs and kickers'),
    earned_on: z
      .enum(EARNED_ON, { error: `earned_on is one of ${EARNED_ON.join(', ')}` })
      .optional()
      .describe('when commission is earned: booking, invoice or collection'),
    ramp: z
      .array(RampStep, { error: 'ramp is a list, such as - { months: 3, quota_share: 0.5 }' })
      .optional()
      .describe("a new hire's ramp: reduced quota for the first months"),
    guarantee: Guarantee.optional(),
  };

  return { Quota, Tier, Cap, Curve, Credit, Spiff, RampStep, Guarantee, ClawbackTriggers, planKeys };
}

interface CurveShape {
  threshold?: number;
  tiers?: ReadonlyArray<{ from: number; multiplier: number; retroactive?: boolean }>;
  cap?: { attainment?: number };
}

/** Tiers in order, a threshold at or below the first tier, a cap above the threshold and the last tier. */
function checkCurve(curve: CurveShape, context: Issue): void {
  const tiers = curve.tiers ?? [];
  tiers.forEach((tier, index) => {
    const before = tiers[index - 1];
    if (before && tier.from <= before.from) {
      context.addIssue({
        code: 'custom',
        path: ['tiers', index, 'from'],
        message: `tiers go in increasing order of from: this tier starts at ${percent(tier.from)}, not above the tier before it (${percent(before.from)}); reorder them or fix the attainment`,
      });
    }
  });
  tiers.forEach((tier, index) => {
    if (!tier.retroactive) return;
    // Re-pricing the dollars below at a lower multiplier would pay less for the deal that reaches the tier.
    const below = Math.max(...tiers.slice(0, index).map((other) => other.multiplier), (tiers[0]?.from ?? 0) > 0 ? 1 : 0);
    if (tier.multiplier < below) {
      context.addIssue({
        code: 'custom',
        path: ['tiers', index, 'multiplier'],
        message: `a retroactive tier re-prices every dollar below it, so its multiplier (${tier.multiplier}) must be at least the ${below} paid below it, or the deal that reaches it would lower pay: raise it to ${below} or more, or remove retroactive`,
      });
    }
  });
  const first = tiers[0];
  if (curve.threshold !== undefined && first && curve.threshold > first.from) {
    context.addIssue({
      code: 'custom',
      path: ['threshold'],
      message: `${percent(curve.threshold)} is above the first tier (from ${percent(first.from)}), whose start could never pay: lower the threshold to at most ${percent(first.from)} or start the tier at the threshold`,
    });
  }
  const cap = curve.cap?.attainment;
  if (cap === undefined) return;
  if (curve.threshold !== undefined && cap <= curve.threshold) {
    context.addIssue({
      code: 'custom',
      path: ['cap', 'attainment'],
      message: `the cap (${percent(cap)}) is not above the threshold (${percent(curve.threshold)}), so the plan never pays: write a cap above ${percent(curve.threshold)}, such as attainment: ${Math.max(2, curve.threshold * 2)}`,
    });
  }
  const last = tiers[tiers.length - 1];
  if (last && cap <= last.from) {
    context.addIssue({
      code: 'custom',
      path: ['cap', 'attainment'],
      message: `the cap (${percent(cap)}) is at or below the tier from ${percent(last.from)}, which could never pay: raise the cap above ${percent(last.from)} or remove the tier`,
    });
  }
}

interface SpiffShape {
  start?: string;
  end?: string;
  amount?: number;
  rate?: number;
  per: string;
  at?: number;
}

function checkSpiff(spiff: SpiffShape, context: Issue): void {
  if (spiff.start !== undefined && spiff.end !== undefined && spiff.end < spiff.start) {
    context.addIssue({
      code: 'custom',
      path: ['end'],
      message: `the SPIFF ends (${spiff.end}) before it starts (${spiff.start}): write an end on or after ${spiff.start}`,
    });
  }
  if ((spiff.amount === undefined) === (spiff.rate === undefined)) {
    context.addIssue({
      code: 'custom',
      path: [],
      message:
        spiff.amount === undefined
          ? 'a SPIFF pays an amount or a rate: add amount (such as amount: 500) or rate (such as rate: "2%")'
          : 'a SPIFF pays an amount or a rate, not both: keep the one the plan states',
    });
  }
  if (spiff.rate !== undefined && spiff.per === 'once') {
    context.addIssue({
      code: 'custom',
      path: ['per'],
      message: 'a rate is paid on each deal: write per: deal, or an amount for a one-time payment',
    });
  }
  if (spiff.at !== undefined && spiff.per !== 'once') {
    context.addIssue({
      code: 'custom',
      path: ['at'],
      message: 'at (the attainment that earns a step bonus) goes with per: once: add per: once, or remove at',
    });
  }
}

function listAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function percent(value: number): string {
  return `${Math.round(value * 10000) / 100}%`;
}

/** A compensation plan as the plan-level check sees it (the output of the plan schema). */
interface PlanShape {
  ote?: number;
  variable_share?: number;
  quotas?: ReadonlyArray<{ metric: string; segment?: string; weight?: number }>;
  commission?: ReadonlyArray<{ metric: string; segment?: string; rate?: number; per_unit?: number }>;
  credit?: ReadonlyArray<{ metric?: string; segment?: string }>;
}

/**
 * A commission line may omit its rate only when the plan gives what the base rate is computed from:
 * ote, variable_share and a quota on the line's metric (target variable pay ÷ quota).
 */
export function checkPlanPayout(plan: PlanShape, context: Issue): void {
  const missing = [plan.ote === undefined && 'ote', plan.variable_share === undefined && 'variable_share'].filter(Boolean) as string[];
  (plan.commission ?? []).forEach((line, index) => {
    // A piece rate pays an amount per unit: it has no rate to compute.
    if (line.rate !== undefined || line.per_unit !== undefined) return;
    const quota = quotaFor(plan.quotas ?? [], line.metric, line.segment);
    const needs = [...missing, ...(quota ? [] : [`a quota on ${line.metric}`])];
    if (needs.length === 0) return;
    context.addIssue({
      code: 'custom',
      path: ['commission', index],
      message: `a commission line has no "rate": add it, such as rate: "8%", or give the plan ${listAnd(needs)} so that the rate is target variable pay ÷ quota`,
    });
  });
  // A credit on a metric the plan does not pay on matches no booking: it would change nothing, silently.
  const paid = [...new Set([...(plan.quotas ?? []), ...(plan.commission ?? [])].map((line) => line.metric))];
  (plan.credit ?? []).forEach((credit, index) => {
    if (credit.metric === undefined || paid.includes(credit.metric)) return;
    context.addIssue({
      code: 'custom',
      path: ['credit', index, 'metric'],
      message:
        `the credit on ${credit.metric} matches no quota or commission line of this plan, so it changes nothing: credit a metric the plan pays on${paid.length ? ` (${paid.join(', ')})` : ''}, ` +
        `or, to credit a kind of deal within it (such as multi-year contracts), declare that kind as a segment and write credit: [{ segment: …, multiplier: … }]`,
    });
  });
  const weights = (plan.quotas ?? []).map((quota) => quota.weight ?? 0);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total > 1 + EPSILON) {
    context.addIssue({
      code: 'custom',
      path: ['quotas'],
      message: `the quota weights add up to ${percent(total)} of target variable pay: make them add up to at most 1 (100%)`,
    });
  }
}

/** The quota a line of `metric` and `segment` is measured against: the one on its segment, else the one on every segment. */
export function quotaFor<Q extends { metric: string; segment?: string; excludes?: readonly string[] }>(
  quotas: readonly Q[],
  metric: string,
  segment: string | undefined,
): Q | undefined {
  // A quota that excludes a segment (a channel) does not count its bookings.
  return (
    quotas.find((quota) => quota.metric === metric && quota.segment !== undefined && quota.segment === segment) ??
    quotas.find(
      (quota) =>
        quota.metric === metric && quota.segment === undefined && !(segment !== undefined && (quota.excludes ?? []).includes(segment)),
    )
  );
}
