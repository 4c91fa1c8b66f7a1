/**
 * The keys of format v1 that the held-out real systems needed (issue 22): an instrument's last day
 * (`until`), a priority's deadline (`by`), several segments on one line, a count's quality link, a
 * rank against peers, a piece rate, a pool split by a rating, a quota that leaves a segment out and
 * the measurement window. All optional: a policy without them reads exactly as before.
 *
 * Built by `defineAdditionSchemas` from the primitives of `src/schema.ts`, as the payout keys are
 * (see src/payout/schema.ts for why a function), with the checks that span several keys.
 */
import * as z from 'zod';
import { EPSILON } from './epsilon.js';

/** The periods a measurement window repeats in, with the most days each can have. */
const WINDOW_PERIODS = ['week', 'month', 'quarter', 'half', 'year'] as const;
type WindowPeriod = (typeof WINDOW_PERIODS)[number];
const MAX_DAYS_IN: Readonly<Record<WindowPeriod, number>> = { week: 7, month: 31, quarter: 92, half: 184, year: 366 };

const RANK_WITHIN = ['team', 'company'] as const;
const BOTTOM_OUTCOMES = ['nothing', 'exit'] as const;

type Issue = Parameters<Parameters<z.ZodType['superRefine']>[0]>[1];

interface Primitives {
  Id: z.ZodType<string>;
  Fraction: z.ZodType<number, string | number>;
  Text: z.ZodType<string>;
  PositiveInteger: (what: string) => z.ZodType<number>;
}

function percent(value: number): string {
  return `${Math.round(value * 10000) / 100}%`;
}

export function defineAdditionSchemas({ Fraction, Text, PositiveInteger }: Primitives) {
  const Window = z
    .strictObject({
      days: PositiveInteger('window days').describe(
        'How many days the number is measured over, each period (a whole number, greater than 0), such as 7 for one week.',
      ),
      every: z
        .enum(WINDOW_PERIODS, { error: `every is one of ${WINDOW_PERIODS.join(', ')}` })
        .describe('The period the window repeats in: week, month, quarter, half or year.'),
      description: Text.optional().describe('Which days, for people reading the policy, such as "the census week in March".'),
    })
    .superRefine((window, context) => {
      const most = MAX_DAYS_IN[window.every];
      if (window.days > most) {
        context.addIssue({
          code: 'custom',
          path: ['days'],
          message: `a window of ${window.days} days is longer than a ${window.every} (at most ${most} days): write days: ${most} or fewer, or a longer period in every`,
        });
      }
    })
    .meta({
      title: 'Measurement window',
      ...withExample(
        'The number is measured over `days` days once every `every`, not over the whole period (one census week a year is not a year). A window as long as the period is continuous measurement.',
        'window: { days: 7, every: year }   # measured in one week a year',
      ),
    });

  const Ranked = z
    .strictObject({
      within: z
        .enum(RANK_WITHIN, { error: `within is one of ${RANK_WITHIN.join(', ')}` })
        .default('team')
        .describe(
          'Whom each person is ranked against: team (teammates, a forced distribution inside each team; the default) or company (everyone the instrument covers).',
        ),
      top: Fraction.optional().describe('The share of people placed at the top whatever their results, such as "20%".'),
      bottom: Fraction.optional().describe('The share of people placed at the bottom whatever their results, such as "10%".'),
      bottom_outcome: z
        .enum(BOTTOM_OUTCOMES, { error: `bottom_outcome is one of ${BOTTOM_OUTCOMES.join(', ')}` })
        .optional()
        .describe('What the bottom share gets: nothing (no payout, promotion or award) or exit (managed out). Absent: the lowest rating.'),
      description: Text.optional().describe("The ranking in the policy's own words."),
    })
    .superRefine((ranked, context) => {
      if (ranked.top !== undefined && ranked.bottom !== undefined && ranked.top + ranked.bottom > 1 + EPSILON) {
        context.addIssue({
          code: 'custom',
          path: ['bottom'],
          message: `top (${percent(ranked.top)}) and bottom (${percent(ranked.bottom)}) add up to more than 100% of the people ranked: make them add up to at most 100%`,
        });
      }
      if (ranked.bottom_outcome !== undefined && ranked.bottom === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['bottom_outcome'],
          message: 'bottom_outcome says what the bottom share gets: add bottom (such as bottom: "10%"), or remove bottom_outcome',
        });
      }
    })
    .meta({
      title: 'Rank against peers',
      ...withExample(
        "The number is a rank of each person against peers (a forced distribution): fixed shares are placed at the top and at the bottom whatever the absolute results, so one person's gain is a peer's loss.",
        'ranked: { within: team, top: "20%", bottom: "10%", bottom_outcome: exit }',
      ),
    });

  return { Window, Ranked };
}

/**
 * JSON Schema for keys that exclude each other (segment and segments on one line): the loader says
 * which to keep; editors only need to know that the pair is not allowed.
 */
export function exclusive(...pairs: ReadonlyArray<readonly [string, string]>): { allOf: Array<{ not: { required: string[] } }> } {
  return { allOf: pairs.map((pair) => ({ not: { required: [...pair] } })) };
}

/** `description` plus an example that `docs/format.md` and editors' hovers show as YAML. */
export function withExample(description: string, example: string): { description: string; markdownDescription: string } {
  return { description, markdownDescription: `${description}\n\n\`\`\`yaml\n${example}\n\`\`\`` };
}

/** A pool split by a rating: built from the reward line keys, which live in src/schema.ts. */
export function definePool<R extends z.ZodType<{ weight: number }>, K extends z.ZodType>(
  { Id, Fraction, Text }: Primitives,
  RatingComponent: R,
  Ranked: K,
) {
  return z
    .strictObject({
      funded_by: Id.describe('The id of the metric that funds the pool, such as company-profit: the pool grows and shrinks with it.'),
      share: Fraction.optional().describe('The share of that metric paid into the pool, such as "10%".'),
      weight: Fraction.optional().describe(
        'The share of variable pay the pool is, when the plan also has bonus components or commission; absent: all the variable pay they leave.',
      ),
      rating: z
        .array(RatingComponent, { error: 'rating is a list, such as - { metric: output, weight: 0.5 }' })
        .min(1, { error: 'a pool is split by a rating: list at least one component, such as - { metric: output, weight: 1 }' })
        .describe(
          "The merit rating that splits the pool: each person's share is the pool × their rating. The components' weights add up to 1 (100%).",
        ),
      ranked: Ranked.optional(),
      description: Text.optional().describe("The pool in the plan's own words."),
    })
    .superRefine((pool, context) => {
      const total = (pool.rating as ReadonlyArray<{ weight: number }>).reduce((sum, component) => sum + component.weight, 0);
      if (pool.rating.length > 0 && Math.abs(total - 1) > EPSILON) {
        context.addIssue({
          code: 'custom',
          path: ['rating'],
          message: `the rating's weights add up to ${percent(total)}: make them add up to 1 (100%), each the share of the rating a component is worth`,
        });
      }
    })
    .meta({
      title: 'Pool split by a rating',
      ...withExample(
        'A pool funded by a metric and split among people by a merit rating: pay = pool × rating, so no rating component pays on its own and a pool of nothing pays nothing at any rating.',
        'pool:\n  funded_by: company-profit\n  share: "10%"\n  rating:\n    - { metric: output, weight: 0.5 }\n    - { metric: work-quality, weight: 0.5 }',
      ),
    });
}

/** An instrument ends on or after the day it takes effect. */
export function checkInstrumentDates(instrument: { effective?: string; until?: string }, context: Issue): void {
  if (instrument.effective !== undefined && instrument.until !== undefined && instrument.until < instrument.effective) {
    context.addIssue({
      code: 'custom',
      path: ['until'],
      message: `until (${instrument.until}) is before effective (${instrument.effective}): the instrument would never be in force; write an until on or after ${instrument.effective}`,
    });
  }
}

/** A priority is due on or after the day the strategy is announced. */
export function checkDeadlines(strategy: { announced?: string; priorities: ReadonlyArray<{ by?: string }> }, context: Issue): void {
  const announced = strategy.announced;
  if (announced === undefined) return;
  strategy.priorities.forEach((priority, index) => {
    if (priority.by === undefined || priority.by >= announced) return;
    context.addIssue({
      code: 'custom',
      path: ['priorities', index, 'by'],
      message: `the deadline (by: ${priority.by}) is before the strategy is announced (${announced}): a priority cannot be due before it is announced; write a by on or after ${announced}`,
    });
  });
}

/** One reward line names its segment once: `segment: x` or `segments: [x, y]`. */
export function checkLineSegments(line: { segment?: string; segments?: readonly string[] }, context: Issue): void {
  if (line.segments === undefined) return;
  if (line.segment !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['segments'],
      message: `a line has segment or segments, not both: write segments: [${[...new Set([line.segment, ...line.segments])].join(', ')}]`,
    });
  }
  const seen = new Set<string>();
  line.segments.forEach((segment, index) => {
    if (seen.has(segment))
      context.addIssue({
        code: 'custom',
        path: ['segments', index],
        message: `${segment} is listed twice in segments: list each segment once`,
      });
    seen.add(segment);
  });
}

/** A commission line pays a share of an amount or an amount per unit. */
export function checkCommissionLine(
  line: { rate?: number; per_unit?: number; segment?: string; segments?: readonly string[] },
  context: Issue,
): void {
  checkLineSegments(line, context);
  if (line.rate !== undefined && line.per_unit !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['per_unit'],
      message:
        'a commission line pays a rate (a share of what is booked) or per_unit (an amount for each unit counted), not both: keep the one the plan states',
    });
  }
}

/** A count's quality link names another metric; only a count counts good units. */
export function checkQualityLink(
  metric: { id: string; type?: string; quality_measured_by?: string; counts_only_good?: boolean },
  context: Issue,
): void {
  if (metric.quality_measured_by === metric.id) {
    context.addIssue({
      code: 'custom',
      path: ['quality_measured_by'],
      message: `quality_measured_by names the metric itself: name the quality metric of the same units (such as redo-rate for units installed), or remove it`,
    });
  }
  if (metric.counts_only_good && metric.type === 'quality') {
    context.addIssue({
      code: 'custom',
      path: ['counts_only_good'],
      message:
        'counts_only_good is for a count of units (such as saleable tons), and this metric is the quality measure itself: remove it here, or put it on the count this metric guards',
    });
  }
}

/** A quota on one segment already leaves the others out. */
export function checkQuotaExcludes(quota: { segment?: string; excludes?: readonly string[] }, context: Issue): void {
  if (quota.segment !== undefined && quota.excludes !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['excludes'],
      message: `a quota on segment ${quota.segment} already leaves every other segment out: remove excludes, or remove segment to count every segment but the excluded ones`,
    });
  }
  if (quota.segment === undefined && quota.excludes !== undefined && new Set(quota.excludes).size < quota.excludes.length) {
    context.addIssue({ code: 'custom', path: ['excludes'], message: 'a segment is listed twice in excludes: list each segment once' });
  }
}
