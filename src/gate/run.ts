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
import type { Lever, WaiverT } from '../schema.js';
import { leverCoverage } from './lever-coverage.js';
import { groupBy } from '../group-by.js';

/** The categories whose warnings and infos become errors in the gate. */
const STRICT_CATEGORIES: readonly string[] = ['strategic-alignment', 'communication'];

interface GateStepSpec {
  number: number;
  id: string;
  title: string;
  /** Rules whose findings belong to this step; the step says so when one of them is not installed. */
  rules: readonly string[];
  /** Findings of other rules in these categories belong here too, so new rules land in a step. */
  categories: readonly string[];
  /** The levers whose instruments this step judges: one the policy neither declares nor says it does not use cannot be judged. */
  levers: readonly Lever[];
  /** What else the step needs to say anything: instruments to read, priorities to reward. */
  needs?: 'instruments' | 'priorities';
}

/** "What role do incentives play in strategic alignment failures?" (WattNext), "Sequence changes correctly": 1. update comp plans, OKRs, promotion criteria; 2. communicate why; 3. announce; 4. reinforce through recognition. */
const GATE_STEPS: readonly GateStepSpec[] = [
  {
    number: 1,
    id: 'incentives-updated',
    title: 'Compensation plans, OKRs and promotion criteria updated, effective by the announcement',
    rules: [
      'flat-commission',
      'pay-old-priority',
      'effort-adjusted-pay',
      'okr-old-priority',
      'promotion-old-behavior',
      'segment-blind-metric',
      'incentive-after-announcement',
    ],
    categories: ['strategic-alignment'],
    levers: ['compensation', 'okrs', 'promotions'],
  },
  {
    number: 2,
    id: 'changes-explained',
    title: 'Every changed instrument explains itself (rationale)',
    rules: ['missing-rationale'],
    categories: ['communication'],
    levers: [],
    needs: 'instruments',
  },
  {
    number: 3,
    id: 'priorities-rewarded',
    title: 'Every priority rewarded by each lever in use',
    rules: [LEVER_COVERAGE, 'uncovered-priority'],
    categories: [],
    levers: [],
    needs: 'priorities',
  },
  {
    number: 4,
    id: 'recognition-reinforces',
    title: 'Recognition reinforces the priorities',
    rules: ['recognition-mismatch'],
    categories: [],
    levers: ['recognition'],
  },
];

export interface GateStep {
  number: number;
  id: string;
  title: string;
  /** cannot-judge: no finding, but the step lacked what it judges (see cannotJudge); never a pass. */
  status: 'pass' | 'fail' | 'cannot-judge';
  findings: Finding[];
  /** What the step could not judge, in words ("no recognition program declared"); empty when it judged everything. */
  cannotJudge: string[];
  /** Rules this step relies on that this installation does not have: the step did not check them. */
  notChecked: string[];
}

interface WaiverUse {
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
  /** YAML files the run found and did not read (no `version: 1`): what they hold was not judged. */
  skipped: string[];
}

export interface GateOptions {
  cwd?: string;
  today?: string;
  /** The announcement date to judge against; default: the policy's `strategy.announced`. */
  announce?: string;
  /** Rules from plugins: they run beside the built-in ones, under the same strict severities. */
  plugins?: readonly AnyRule[];
  /** false reads no configuration file (and so loads no plugin it names); a path reads that one; default: the nearest, as lint does. */
  config?: string | false;
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
          message:
            'the gate judges readiness for an announcement date, and there is none: add `announced: YYYY-MM-DD` to the strategy, or pass --announce YYYY-MM-DD',
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

/**
 * Every rule of a strict category runs as an error, whatever its default; a rule only a preset
 * turns on (meta.presets) runs as the configuration says, for a go / no-go does not turn on an
 * assumption the configuration did not choose.
 */
function strictSeverities(rules: readonly AnyRule[]): RuleOverrides {
  return Object.fromEntries(
    rules
      .filter((rule) => rule.meta.presets === undefined && STRICT_CATEGORIES.includes(rule.meta.category))
      .map((rule) => [rule.meta.id, GATE_OPTIONS[rule.meta.id] ? (['error', GATE_OPTIONS[rule.meta.id]] as const) : ('error' as const)]),
  ) as RuleOverrides;
}

function buildReport(result: LintResult, loaded: LoadedPolicy, announce: string, rules: readonly AnyRule[], today: string): GateReport {
  const installed = new Set(rules.map((rule) => rule.meta.id));
  installed.add(LEVER_COVERAGE);
  const byStep = new Map<number, Finding[]>(GATE_STEPS.map((step) => [step.number, []]));
  const blocking: Finding[] = [];
  // A waiver of lever-coverage names the priority, as for any finding about a priority.
  const coverage = applyWaivers(leverCoverage(loaded, result.model), loaded.policy.waivers, today);
  for (const finding of [...result.findings, ...coverage.kept]) {
    const step =
      GATE_STEPS.find((candidate) => candidate.rules.includes(finding.rule)) ??
      GATE_STEPS.find((candidate) => candidate.categories.includes(finding.category));
    if (step) byStep.get(step.number)!.push(finding);
    else if (finding.severity === 'error') blocking.push(finding);
  }
  const steps = GATE_STEPS.map((spec): GateStep => {
    const findings = byStep.get(spec.number)!;
    const cannotJudge = unjudgeable(spec, loaded);
    return {
      number: spec.number,
      id: spec.id,
      title: spec.title,
      status: findings.length > 0 ? 'fail' : cannotJudge.length > 0 ? 'cannot-judge' : 'pass',
      findings,
      cannotJudge,
      notChecked: spec.rules.filter((rule) => !installed.has(rule)),
    };
  });
  const ready = steps.every((step) => step.status === 'pass') && blocking.length === 0;
  return {
    verdict: ready ? 'go' : 'no-go',
    announce,
    steps,
    blocking,
    waivers: waiversUsed([...result.waived, ...coverage.waived]),
    files: result.files,
    skipped: result.skipped,
  };
}

const LEVER_NOUNS: Record<Lever, string> = {
  compensation: 'compensation plan',
  okrs: 'OKR set',
  promotions: 'promotion ladder',
  recognition: 'recognition program',
};

/**
 * What a step lacks to judge: a lever it reads with no instrument, unless the strategy says the
 * lever is not used (levers_not_used); no instrument or no priority at all. A step never passes
 * for lack of data: silence about a lever nobody declared is not evidence that it is aligned.
 */
function unjudgeable(spec: GateStepSpec, loaded: LoadedPolicy): string[] {
  const { policy } = loaded;
  const notUsed = new Set(policy.strategy.levers_not_used ?? []);
  const reasons = spec.levers
    .filter((lever) => policy[lever].length === 0 && !notUsed.has(lever))
    .map((lever) => `no ${LEVER_NOUNS[lever]} declared`);
  const instruments = policy.compensation.length + policy.okrs.length + policy.promotions.length + policy.recognition.length;
  if (spec.needs === 'instruments' && instruments === 0) reasons.push('no instrument declared');
  if (spec.needs === 'priorities' && policy.strategy.priorities.length === 0) reasons.push('no priority declared');
  return reasons;
}

function waiversUsed(waived: readonly WaivedFinding[]): WaiverUse[] {
  const uses = groupBy(waived, (use) => use.waiver);
  return [...uses].map(([waiver, findings]) => ({ waiver, findings: findings.map((use) => use.finding) }));
}
