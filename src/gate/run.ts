/**
 * The pre-announcement gate: one lint run under strict severities, its findings sorted into the
 * steps of the sequence the strategy article prescribes ("Don't announce strategy until incentives
 * are updated"), plus the gate's own check that every priority is rewarded through every lever.
 */
import { builtinRules } from '../../rules/index.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RuleOverrides } from '../engine/config.js';
import type { AnyRule } from '../engine/rule.js';
import { LEVER_COVERAGE } from '../engine/check-ids.js';
import { applyWaivers, type Finding, type WaivedFinding } from '../engine/run.js';
import { lint, todayUtc, type LintResult } from '../lint.js';
import type { LoadedPolicy } from '../load/index.js';
import type { WaiverT } from '../schema.js';
import { leverCoverage } from './lever-coverage.js';
import { groupBy } from '../group-by.js';

/** The categories whose warnings and infos become errors in the gate. */
export const STRICT_CATEGORIES: readonly string[] = ['strategic-alignment', 'communication'];

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
  /** false reads no configuration file (and so loads no plugin it names); default: the nearest, as lint does. */
  config?: false;
}

/** `lint` is the gate's own lint run (strict severities): reports that show more than the verdict read it. */
export type GateOutcome = { report: GateReport; lint: LintResult; diagnostics: [] } | { report?: undefined; diagnostics: Diagnostic[] };

export async function runGate(paths: readonly string[], options: GateOptions = {}): Promise<GateOutcome> {
  const rules = [...builtinRules, ...(options.plugins ?? [])];
  const result = await lint(paths, {
    cwd: options.cwd,
    config: options.config,
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
  const uses = groupBy(waived, (use) => use.waiver);
  return [...uses].map(([waiver, findings]) => ({ waiver, findings: findings.map((use) => use.finding) }));
}
