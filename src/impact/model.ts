/**
 * The impact of a change to the compensation plans: every plan added, removed or changed between two
 * versions of a policy, priced by the sales-force model (`simulate --population`) and judged by the
 * rational-choice simulation (`simulate`) in both versions, with the findings about it that appear
 * and disappear. Nothing here prices or judges a plan itself: both versions go through
 * `simulate --population`'s builder and `simulatePlan` (what `simulate` and the rational-choice
 * rule run), so the figures are the ones `simulate` would print for each.
 *
 * - Common random numbers: both versions are priced on one drawn force (one seed, one count of
 *   draws; `buildPopulationReport` draws from the seed alone), so a difference is the plan's, not the
 *   sampling's. A version's roster, where it gives attainments, replaces the draws for its plans.
 * - One date for both versions (the SPIFFs' year and the judged date): a change is judged by what
 *   it changes, not by when each version was announced.
 * - A plan absent from a version pays nothing there: an added plan moves pay and cost of sales from
 *   0, a removed one to 0. A plan the model cannot price (no quota) has no figure, and no move.
 * - A plan whose declaration is identical in both versions is listed too ("affected") when what it
 *   pays, its rational choice or its findings moved: a roster, a segment's deal economics or the
 *   strategy changed around it. Only plans that can have moved are priced: a plan declared the same
 *   in the same surroundings (the policy but its plans) pays the same on the same draws.
 */
import { canonicalForm } from '../engine/order.js';
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import type { Finding } from '../engine/run.js';
import { compareFindings } from '../diff/finding-changes.js';
import type { LoadedPolicy } from '../load/index.js';
import {
  DEFAULT_LEVELS,
  paysPerDeal,
  simulatePlan,
  type ChoiceStatus,
  type PlanSimulation,
  type Verdict,
} from '../payout/rational-choice.js';
import type { PopulationStats } from '../population/model.js';
import { buildPopulationReport, type PopulationOptions, type PopulationPlan } from '../population/report.js';
import type { CompensationPlanT } from '../schema.js';

/** One version of the policy: its plans and what a lint run found in it. */
export interface PolicyVersion {
  /** What the user called it: a git ref, or "the working tree". */
  label: string;
  /** Undefined when the version holds no policy files: it has no plans. */
  loaded?: LoadedPolicy;
  findings: readonly Finding[];
  /** How a file of this version is named to the reader (a snapshot's temporary path → `REF:path`). */
  fileName?: (file: string) => string;
}

export interface ImpactOptions extends Omit<PopulationOptions, 'plan' | 'date'> {
  /** The one date both versions are simulated and judged at. */
  date: string;
  /** Attainment levels of the rational choice (shares of quota). */
  levels?: readonly number[];
  /** `--max-cost-change`: the most percentage points a plan's cost of sales may move. */
  maxCostChangePoints?: number;
}

type PlanChange = 'added' | 'removed' | 'changed' | 'affected';

/** What one version of a plan pays its force; null figures when the model could not price it. */
export interface PlanFigures {
  /** Why the population model did not price the plan (no quota). */
  skipped?: string;
  sellers?: number;
  source?: PopulationStats['source'];
  pay?: PopulationStats['pay'];
  costOfSales: number | null;
  shareEarningNothing?: number;
  shareAtOrAboveQuota?: number;
  shareAtCap?: number | null;
  p90MultipleOfTarget?: number | null;
  /** The rational choice's verdict, when the plan pays per deal. */
  verdict: Verdict | null;
  summary: string | null;
}

/** The best-paid choice at one attainment level, in each version (null: none there). */
export interface ChoiceAtLevel {
  attainment: number | null;
  before: { metric: string; segment: string; status: ChoiceStatus } | null;
  after: { metric: string; segment: string; status: ChoiceStatus } | null;
  changed: boolean;
}

/** A finding as the impact reports it: what a reader needs to find it, nothing of the run. */
export interface ImpactFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  file: string;
  line: number;
  column: number;
  instrument?: string;
  subject?: string;
}

interface FindingMoves {
  appeared: ImpactFinding[];
  disappeared: ImpactFinding[];
}

export interface PlanImpact {
  plan: string;
  /** The plan's `name` (the later version's, else the earlier's), as the policy writes it. */
  name: string | null;
  team: string | null;
  change: PlanChange;
  /** Where the plan is declared in the later version (the earlier for a removed plan). */
  file?: string;
  line?: number;
  column?: number;
  before: PlanFigures | null;
  after: PlanFigures | null;
  /** After − before, an absent plan paying 0; null where either side has no figure. */
  delta: {
    pay: { p10: number | null; p50: number | null; p90: number | null; mean: number | null };
    /** In percentage points of bookings (8.0% → 9.5% is +1.5). */
    costOfSalesPoints: number | null;
  };
  /** Whether |costOfSalesPoints| exceeds --max-cost-change (false without it). */
  exceedsMaxCostChange: boolean;
  choices: ChoiceAtLevel[];
  findings: FindingMoves;
}

export interface ImpactReport {
  version: 1;
  kind: 'impact';
  base: string;
  head: string;
  seed: number;
  draws: number;
  distribution: PopulationOptions['distribution'];
  date: string;
  currency: string | null;
  behaviour: 'mechanical';
  levels: number[];
  /** The --max-cost-change threshold, in percentage points; null without it. */
  maxCostChangePoints: number | null;
  plans: PlanImpact[];
  /** Plans in both versions whose declaration, figures, choice and findings are all the same. */
  unchangedPlans: number;
  /** Findings that appear or disappear about anything but a listed plan. */
  elsewhere: FindingMoves;
}

/** A tolerance for the --max-cost-change boundary: a move of exactly PCT points passes. */
const POINTS_EPSILON = 1e-9;

export function buildImpact(base: PolicyVersion, head: PolicyVersion, given: ImpactOptions): ImpactReport {
  const options = { ...given, levels: given.levels ?? DEFAULT_LEVELS };
  const findings = compareFindings(base.findings, head.findings);
  const appearedBy = byInstrument(findings.added);
  const disappearedBy = byInstrument(findings.fixed);
  const baseNodes = plansOf(base);
  const headNodes = plansOf(head);
  const ids = [...headNodes.keys(), ...[...baseNodes.keys()].filter((id) => !headNodes.has(id))];
  // A plan declared the same in both versions, in the same surroundings (everything but the plans:
  // strategy, segments, roster…), pays the same on the same draws: only the others are priced.
  const surroundingsChanged = canonicalForm(surroundingsOf(base)) !== canonicalForm(surroundingsOf(head));
  const toPrice = new Set(
    ids.filter((id) => {
      const then = baseNodes.get(id);
      const now = headNodes.get(id);
      return (
        surroundingsChanged || !then || !now || canonicalForm(then) !== canonicalForm(now) || appearedBy.has(id) || disappearedBy.has(id)
      );
    }),
  );
  const population = { seed: options.seed, draws: options.draws, distribution: options.distribution, date: options.date };
  const before = priced(base, toPrice, { ...population, ignoreRoster: options.ignoreRoster }, options);
  const after = priced(head, toPrice, { ...population, ignoreRoster: options.ignoreRoster }, options);

  const plans: PlanImpact[] = [];
  const listed = new Set<string>();
  let unchangedPlans = 0;
  for (const id of ids) {
    if (!toPrice.has(id)) {
      unchangedPlans++;
      continue;
    }
    const then = before.get(id);
    const now = after.get(id);
    const moves: FindingMoves = {
      appeared: (appearedBy.get(id) ?? []).map(shown),
      disappeared: (disappearedBy.get(id) ?? []).map(shown),
    };
    const beforeFigures = then && figuresOf(then);
    const afterFigures = now && figuresOf(now);
    const choices = choicesAt(options.levels, then?.simulation, now?.simulation);
    const change: PlanChange | undefined = !then
      ? 'added'
      : !now
        ? 'removed'
        : canonicalForm(then.node) !== canonicalForm(now.node)
          ? 'changed'
          : canonicalForm(beforeFigures) !== canonicalForm(afterFigures) ||
              choices.some((choice) => choice.changed) ||
              moves.appeared.length + moves.disappeared.length > 0
            ? 'affected'
            : undefined;
    if (change === undefined) {
      unchangedPlans++;
      continue;
    }
    listed.add(id);
    const declared = (now ?? then)!;
    const declaredIn = now ? head : base;
    const costOfSalesPoints = pointsMoved(beforeFigures, afterFigures);
    plans.push({
      plan: id,
      name: now?.node.name ?? then?.node.name ?? null,
      team: declared.node.team ?? null,
      change,
      ...(declared.population.file !== undefined && {
        file: declaredIn.fileName ? declaredIn.fileName(declared.population.file) : declared.population.file,
        line: declared.population.line,
        column: declared.population.column,
      }),
      before: beforeFigures ?? null,
      after: afterFigures ?? null,
      delta: {
        pay: {
          p10: payMoved(beforeFigures, afterFigures, 'p10'),
          p50: payMoved(beforeFigures, afterFigures, 'p50'),
          p90: payMoved(beforeFigures, afterFigures, 'p90'),
          mean: payMoved(beforeFigures, afterFigures, 'mean'),
        },
        costOfSalesPoints,
      },
      exceedsMaxCostChange:
        options.maxCostChangePoints !== undefined &&
        costOfSalesPoints !== null &&
        Math.abs(costOfSalesPoints) > options.maxCostChangePoints + POINTS_EPSILON,
      choices,
      findings: moves,
    });
  }
  const elsewhere = (moved: readonly Finding[]) =>
    moved.filter((finding) => finding.instrument === undefined || !listed.has(finding.instrument)).map(shown);
  return {
    version: 1,
    kind: 'impact',
    base: base.label,
    head: head.label,
    seed: options.seed,
    draws: options.draws,
    distribution: options.distribution,
    date: options.date,
    currency: head.loaded?.policy.currency ?? base.loaded?.policy.currency ?? null,
    behaviour: 'mechanical',
    levels: [...options.levels],
    maxCostChangePoints: options.maxCostChangePoints ?? null,
    plans,
    unchangedPlans,
    // Findings about plans left out as unchanged cannot have moved: only their absence is counted.
    elsewhere: { appeared: elsewhere(findings.added), disappeared: elsewhere(findings.fixed) },
  };
}

/** The plans whose cost of sales moved more than --max-cost-change: the run exits 1 when there is one. */
export function plansOverMaxCostChange(report: ImpactReport): PlanImpact[] {
  return report.plans.filter((plan) => plan.exceedsMaxCostChange);
}

interface PricedPlan {
  node: CompensationPlanT;
  population: PopulationPlan;
  simulation?: PlanSimulation;
}

function plansOf(version: PolicyVersion): Map<string, CompensationPlanT> {
  return new Map((version.loaded?.policy.compensation ?? []).map((plan) => [plan.id, plan]));
}

/** What a plan's figures depend on besides its declaration: the rest of the policy, conservatively. */
function surroundingsOf(version: PolicyVersion): unknown {
  if (!version.loaded) return null;
  const { compensation: _plans, ...rest } = version.loaded.policy;
  return rest;
}

/**
 * The plans `ids` of a version, priced by `simulate --population`'s builder (on the draws of the
 * seed, whichever plans are priced) and judged by `simulate`'s rational choice, on the whole policy.
 */
function priced(
  version: PolicyVersion,
  ids: ReadonlySet<string>,
  population: PopulationOptions,
  options: ImpactOptions,
): Map<string, PricedPlan> {
  const plans = new Map<string, PricedPlan>();
  const loaded = version.loaded;
  if (!loaded) return plans;
  const index = new PolicyIndex(loaded.policy, loaded.sections);
  const chosen = loaded.policy.compensation.filter((plan) => ids.has(plan.id));
  const report = buildPopulationReport({ ...loaded, policy: { ...loaded.policy, compensation: chosen } }, population, index);
  const populationOf = new Map(report.plans.map((plan) => [plan.plan, plan]));
  for (const node of chosen) {
    const figures = populationOf.get(node.id);
    if (!figures) continue;
    const simulation = paysPerDeal(node)
      ? simulatePlan(index, node, { date: options.date, levels: options.levels, curveStep: 0 })
      : undefined;
    plans.set(node.id, { node, population: figures, ...(simulation && { simulation }) });
  }
  return plans;
}

function figuresOf(plan: PricedPlan): PlanFigures {
  const { population, simulation } = plan;
  const judged = { verdict: simulation?.verdict ?? null, summary: simulation?.summary ?? null };
  if (population.skipped !== undefined) return { skipped: population.skipped, costOfSales: null, ...judged };
  return {
    sellers: population.sellers!,
    source: population.source!,
    pay: population.pay!,
    costOfSales: population.costOfSales ?? null,
    shareEarningNothing: population.shareEarningNothing!,
    shareAtOrAboveQuota: population.shareAtOrAboveQuota!,
    shareAtCap: population.shareAtCap ?? null,
    p90MultipleOfTarget: population.p90MultipleOfTarget ?? null,
    ...judged,
  };
}

/** A side's figure: 0 for a plan absent from that version, undefined for one the model could not price. */
function sideValue(figures: PlanFigures | undefined, pick: (figures: PlanFigures) => number | null | undefined): number | undefined {
  if (figures === undefined) return 0;
  return pick(figures) ?? undefined;
}

function payMoved(before: PlanFigures | undefined, after: PlanFigures | undefined, key: 'p10' | 'p50' | 'p90' | 'mean'): number | null {
  const then = sideValue(before, (figures) => figures.pay?.[key]);
  const now = sideValue(after, (figures) => figures.pay?.[key]);
  return then === undefined || now === undefined ? null : now - then;
}

function pointsMoved(before: PlanFigures | undefined, after: PlanFigures | undefined): number | null {
  const then = sideValue(before, (figures) => figures.costOfSales);
  const now = sideValue(after, (figures) => figures.costOfSales);
  return then === undefined || now === undefined ? null : (now - then) * 100;
}

/** The winner at each level in both versions; the levels are the simulation's (a plan without quota has one, "any"). */
function choicesAt(levels: readonly number[], before: PlanSimulation | undefined, after: PlanSimulation | undefined): ChoiceAtLevel[] {
  const winnerKey = (level: number | null) => (level === null ? 'any' : String(level));
  const at = (report: PlanSimulation | undefined) =>
    new Map((report?.winners ?? []).map((winner) => [winnerKey(winner.attainment), winner]));
  const then = at(before);
  const now = at(after);
  const keys = [...new Set([...then.keys(), ...now.keys()])];
  if (keys.length === 0) return [];
  const order = new Map(levels.map((level, position) => [winnerKey(level), position]));
  keys.sort((a, b) => (order.get(a) ?? -1) - (order.get(b) ?? -1));
  return keys.map((key) => {
    const earlier = then.get(key);
    const later = now.get(key);
    const pick = (winner: typeof earlier) => (winner ? { metric: winner.metric, segment: winner.segment, status: winner.status } : null);
    const beforeChoice = pick(earlier);
    const afterChoice = pick(later);
    return {
      attainment: (later ?? earlier)!.attainment,
      before: beforeChoice,
      after: afterChoice,
      changed: canonicalForm(beforeChoice) !== canonicalForm(afterChoice),
    };
  });
}

function byInstrument(findings: readonly Finding[]): Map<string, Finding[]> {
  const grouped = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.instrument === undefined) continue;
    const list = grouped.get(finding.instrument) ?? [];
    list.push(finding);
    grouped.set(finding.instrument, list);
  }
  return grouped;
}

function shown(finding: Finding): ImpactFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    ...(finding.instrument !== undefined && { instrument: finding.instrument }),
    ...(finding.subject !== undefined && { subject: finding.subject }),
  };
}
