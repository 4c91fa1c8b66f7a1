/**
 * The pre-announcement gate: one lint run under strict severities, its findings sorted into the
 * steps of the sequence the strategy article prescribes ("Don't announce strategy until incentives
 * are updated"), plus the gate's own check that every priority is rewarded through every lever.
 */
import { builtinRules } from '../../rules/index.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RuleOverrides } from '../engine/config.js';
import { listInOrder, listMetricsAndSegments } from '../engine/format.js';
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import type { AnyRule } from '../engine/rule.js';
import { favoredMetricsOf } from '../engine/strategy/strategy-view.js';
import { LEVER_COVERAGE } from '../engine/check-ids.js';
import { applyWaivers, type Finding, type WaivedFinding } from '../engine/run.js';
import { lint, todayUtc, type LintResult } from '../lint.js';
import type { LoadedPolicy } from '../load/index.js';
import type { Lever, PriorityT, WaiverT } from '../schema.js';

/** The categories whose warnings and infos become errors in the gate. */
export const STRICT_CATEGORIES: readonly string[] = ['strategic-alignment', 'communication'];

/** The id of the gate's own finding: a priority that a lever in use does not reward. */

export interface GateStepSpec {
  number: number;
  id: string;
  title: string;
  /** Rules whose findings belong to this step; the step says so when one of them is not installed. */
  rules: readonly string[];
  /** Findings of other rules in these categories belong here too, so new rules land in a step. */
  categories: readonly string[];
}

/** "What role do incentives play in strategic alignment failures?" (WattNext), "Sequence changes correctly": 1. update comp plans, OKRs, promotion criteria; 2. communicate why; 3. announce; 4. reinforce through recognition. */
export const GATE_STEPS: readonly GateStepSpec[] = [
  {
    number: 1,
    id: 'incentives-updated',
    title: 'Compensation plans, OKRs and promotion criteria updated, effective by the announcement',
    rules: ['flat-commission', 'pay-old-priority', 'effort-adjusted-pay', 'okr-old-priority', 'promotion-old-behavior', 'segment-blind-metric', 'incentive-after-announcement'],
    categories: ['strategic-alignment'],
  },
  {
    number: 2,
    id: 'changes-explained',
    title: 'Every changed instrument explains itself (rationale)',
    rules: ['missing-rationale'],
    categories: ['communication'],
  },
  {
    number: 3,
    id: 'priorities-rewarded',
    title: 'Every priority rewarded by each lever in use',
    rules: [LEVER_COVERAGE, 'uncovered-priority'],
    categories: [],
  },
  {
    number: 4,
    id: 'recognition-reinforces',
    title: 'Recognition reinforces the priorities',
    rules: ['recognition-mismatch'],
    categories: [],
  },
];

export interface GateStep {
  number: number;
  id: string;
  title: string;
  status: 'pass' | 'fail';
  findings: Finding[];
  /** Rules this step relies on that this installation does not have: the step did not check them. */
  notChecked: string[];
}

export interface WaiverUse {
  waiver: WaiverT;
  findings: Finding[];
}

export interface GateReport {
  verdict: 'go' | 'no-go';
  announce: string;
  steps: GateStep[];
  /** Error-level findings that belong to no step (integrity errors, say): they block too. */
  blocking: Finding[];
  /** The waivers that silenced a finding in this run: every exception leadership accepts. */
  waivers: WaiverUse[];
  files: string[];
}

export interface GateOptions {
  cwd?: string;
  today?: string;
  /** The announcement date to judge against; default: the policy's `strategy.announced`. */
  announce?: string;
  /** Rules from plugins: they run beside the built-in ones, under the same strict severities. */
  plugins?: readonly AnyRule[];
}

/** `lint` is the gate's own lint run (strict severities): reports that show more than the verdict read it. */
export type GateOutcome = { report: GateReport; lint: LintResult; diagnostics: [] } | { report?: undefined; diagnostics: Diagnostic[] };

export async function runGate(paths: readonly string[], options: GateOptions = {}): Promise<GateOutcome> {
  const rules = [...builtinRules, ...(options.plugins ?? [])];
  const result = await lint(paths, {
    cwd: options.cwd,
    today: options.today,
    announced: options.announce,
    plugins: options.plugins,
    rules: strictSeverities(rules),
    inlineSuppressions: false,
  });
  if (result.diagnostics.length > 0 || !result.loaded) return { diagnostics: result.diagnostics };
  const announce = result.loaded.policy.strategy.announced;
  if (announce === undefined) {
    const where = result.loaded.provenance.locate(result.loaded.policy.strategy);
    return {
      diagnostics: [
        {
          ...where,
          message: 'the gate judges readiness for an announcement date, and there is none: add `announced: YYYY-MM-DD` to the strategy, or pass --announce YYYY-MM-DD',
          source: 'usage',
        },
      ],
    };
  }
  return { report: buildReport(result, result.loaded, announce, rules, options.today ?? todayUtc()), lint: result, diagnostics: [] };
}

/** Options the gate runs rules with: before an announcement, every late instrument counts. */
const GATE_OPTIONS: Readonly<Record<string, Record<string, unknown>>> = {
  'incentive-after-announcement': { every_instrument: true },
};

/** Every rule of a strict category runs as an error, whatever its default. */
function strictSeverities(rules: readonly AnyRule[]): RuleOverrides {
  return Object.fromEntries(
    rules
      .filter((rule) => STRICT_CATEGORIES.includes(rule.meta.category))
      .map((rule) => [rule.meta.id, GATE_OPTIONS[rule.meta.id] ? (['error', GATE_OPTIONS[rule.meta.id]] as const) : ('error' as const)]),
  ) as RuleOverrides;
}

function buildReport(result: LintResult, loaded: LoadedPolicy, announce: string, rules: readonly AnyRule[], today: string): GateReport {
  const installed = new Set(rules.map((rule) => rule.meta.id));
  installed.add(LEVER_COVERAGE);
  const byStep = new Map<number, Finding[]>(GATE_STEPS.map((step) => [step.number, []]));
  const blocking: Finding[] = [];
  // A waiver of lever-coverage names the priority, as for any finding about a priority.
  const coverage = applyWaivers(leverCoverage(loaded), loaded.policy.waivers, today);
  for (const finding of [...result.findings, ...coverage.kept]) {
    const step = GATE_STEPS.find((candidate) => candidate.rules.includes(finding.rule)) ?? GATE_STEPS.find((candidate) => candidate.categories.includes(finding.category));
    if (step) byStep.get(step.number)!.push(finding);
    else if (finding.severity === 'error') blocking.push(finding);
  }
  const steps = GATE_STEPS.map((spec): GateStep => {
    const findings = byStep.get(spec.number)!;
    return {
      number: spec.number,
      id: spec.id,
      title: spec.title,
      status: findings.length > 0 ? 'fail' : 'pass',
      findings,
      notChecked: spec.rules.filter((rule) => !installed.has(rule)),
    };
  });
  const ready = steps.every((step) => step.status === 'pass') && blocking.length === 0;
  return { verdict: ready ? 'go' : 'no-go', announce, steps, blocking, waivers: waiversUsed([...result.waived, ...coverage.waived]), files: result.files };
}

function waiversUsed(waived: readonly WaivedFinding[]): WaiverUse[] {
  const uses = new Map<WaiverT, Finding[]>();
  for (const { waiver, finding } of waived) uses.set(waiver, [...(uses.get(waiver) ?? []), finding]);
  return [...uses].map(([waiver, findings]) => ({ waiver, findings }));
}

const LEVER_NOUN: Record<Lever, string> = {
  compensation: 'compensation plan',
  okrs: 'OKR set',
  promotions: 'promotion ladder',
  recognition: 'recognition program',
};

/**
 * Step 3: a priority must be rewarded by at least one instrument of every lever in use where it
 * matters: the levers of the teams it concerns (see teamsConcerned) and of company-wide
 * instruments. "People do what they're measured on, bonused for, promoted for, and publicly
 * recognized for": a priority missing from one of those is the one people learn to skip. One plan
 * for one team does not make compensation a lever every priority must use.
 */
function leverCoverage(loaded: LoadedPolicy): Finding[] {
  const index = new PolicyIndex(loaded.policy, loaded.sections);
  const findings: Finding[] = [];
  const report = (priority: PriorityT, message: string, fix: string) => {
    const location = loaded.provenance.locate(priority, 'id');
    if (location) findings.push({ rule: LEVER_COVERAGE, severity: 'error', category: 'strategic-alignment', message, fix, ...location, subject: priority.id });
  };
  for (const priority of loaded.policy.strategy.priorities) {
    // A metric the priority prefers over another is one it wants more of: rewarding it rewards the priority.
    const favored = { metrics: favoredMetricsOf(priority), segments: priority.favor?.segments ?? [] };
    if (favored.metrics.length + favored.segments.length === 0) {
      report(priority, `Priority ${priority.id} favors no metric or segment, so no instrument can reward it.`, `add favor: { metrics: [...] } or favor: { segments: [...] } to priority ${priority.id}`);
      continue;
    }
    const levers = leversConcerning(index, priority);
    const missing = levers.filter((lever) => !index.rewards.some((reward) => reward.instrument.lever === lever && index.strategy.stanceOf(reward, priority).reinforces));
    if (missing.length === 0) continue;
    const nouns = missing.map((lever) => `no ${LEVER_NOUN[lever]}`);
    report(
      priority,
      `Priority ${priority.id} is rewarded by ${listInOrder(nouns, 'and')}: teams are told it matters but are not ${listInOrder(missing.map(verbOf), 'or')} for it.`,
      `reward ${listMetricsAndSegments(favored.metrics, favored.segments)} in ${listInOrder(missing.map((lever) => withArticle(LEVER_NOUN[lever])), 'and')}`,
    );
  }
  return findings;
}

/**
 * The levers in use for the teams `priority` concerns, and those of company-wide instruments; when
 * nothing rewards anything the priority names, every lever the policy uses (no lever rewards it,
 * and nothing says whom it concerns).
 */
function leversConcerning(index: PolicyIndex, priority: PriorityT): Lever[] {
  const teams = teamsConcerned(index, priority);
  const inUse = index.leversInUse();
  if (!teams) return inUse;
  const used = new Set<Lever>();
  for (const instrument of index.instruments) {
    const lines = index.rewardsOf(instrument);
    const companyWide = instrument.team === undefined && lines.every((reward) => reward.teams.length === 0);
    const concerned = (instrument.team !== undefined && teams.has(instrument.team)) || lines.some((reward) => reward.teams.some((team) => teams.has(team)));
    if (companyWide || concerned) used.add(instrument.lever);
  }
  return inUse.filter((lever) => used.has(lever));
}

/**
 * The teams a priority concerns: those whose own instruments (a plan, OKR set, ladder or program
 * with their `team`) reward or undermine it, through what it favors, prefers or deprioritizes. An
 * award of a company-wide program that names a team does not make the priority that team's job: a
 * plant crew recognized for on-time delivery to OEM accounts is not thereby to be promoted for
 * winning OEM contracts. Only when nothing but such awards touch the priority do their teams say
 * whom it concerns. Undefined when nothing touches it at all.
 */
function teamsConcerned(index: PolicyIndex, priority: PriorityT): Set<string> | undefined {
  const touching = index.rewards.filter((reward) => {
    const stance = index.strategy.stanceOf(reward, priority);
    return stance.reinforces || stance.undermines;
  });
  if (touching.length === 0) return undefined;
  const owned = touching.filter((reward) => reward.instrument.team !== undefined);
  return new Set((owned.length > 0 ? owned : touching).flatMap((reward) => reward.teams));
}

function withArticle(noun: string): string {
  return `${/^[aeiou]|^OKR/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function verbOf(lever: Lever): string {
  return { compensation: 'paid', okrs: 'measured', promotions: 'promoted', recognition: 'recognized' }[lever];
}
