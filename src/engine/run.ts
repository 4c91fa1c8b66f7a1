/**
 * Runs the configured rules over a loaded policy: builds the index once, gives each rule its
 * context, turns reported nodes into positions, applies waivers, and sorts the findings.
 * A rule that throws or reports nonsense becomes a diagnostic with its id; the others still run.
 */
import { EditBuilder, type TextEdit } from './edits.js';
import type { ConfiguredRule, Finding, WaivedFinding } from './finding.js';
import { renderMessage } from './messages.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { LoadedPolicy } from '../load/index.js';
import type { WaiverT } from '../schema.js';
import { PolicyDiff } from './policy-diff.js';
import { DEFAULT_RULE_TIMEOUT_MS, pluginModuleOf, runIsolated } from './isolation.js';
import { PolicyIndex } from './lookups/policy-index.js';
import { RewardModel } from '../model/build.js';
import { SalesForce } from '../population/sales-force.js';
import { endedBy } from '../model/as-of.js';
import { untilOf } from '../model/declared.js';
import type { AnyRule, ReportDescriptor, Severity } from './rule.js';
import { applySuppressions } from './suppressions.js';
import { importTodoFindings } from './import-todos.js';

// The run's results are declared in finding.ts, which suppressions.ts and import-todos.ts read
// without importing the run back; re-exported here, where callers look for them.
export type { ConfiguredRule, Finding, WaivedFinding } from './finding.js';

export interface RunResult {
  findings: Finding[];
  /** Findings a current waiver silenced: shown by the gate, never counted. */
  waived: WaivedFinding[];
  /** Findings an inline `# incentive-lint-disable-…` comment silenced: never counted. */
  suppressed: Finding[];
  diagnostics: Diagnostic[];
  /** Instruments that name an id the policy does not declare: no rule but unknown-reference judges them. */
  notJudged: string[];
  /** The model every rule read: what each team is rewarded for. */
  model: RewardModel;
}

export interface RunOptions {
  today: string;
  /** Every rule id that exists, on or off, so a suppression comment naming none of them is caught. */
  knownRuleIds?: ReadonlySet<string>;
  /** An earlier version of the policy: rules then see what changed (`context.diff`). */
  baseline?: LoadedPolicy;
  /** Honor `# incentive-lint-disable-…` comments (default true); the gate accepts only waivers. */
  inlineSuppressions?: boolean;
  /** How long a plugin rule may run, in milliseconds, before it is stopped and reported. */
  ruleTimeoutMs?: number;
}

export async function runRules(loaded: LoadedPolicy, rules: readonly ConfiguredRule[], options: RunOptions): Promise<RunResult> {
  const index = new PolicyIndex(loaded.policy, loaded.sections);
  const model = new RewardModel(index, { today: options.today });
  // Built now, priced only when a rule asks: constructing it draws nothing.
  const population = new SalesForce(index, model.asOf === undefined ? {} : { date: model.asOf });
  const diff = options.baseline ? new PolicyDiff(new PolicyIndex(options.baseline.policy, options.baseline.sections), index) : undefined;
  const findings: Finding[] = [];
  /** The entries each rule's findings are about, for the engine's one-defect-one-finding step. */
  const aboutByFinding = new Map<Finding, readonly object[]>();
  const diagnostics: Diagnostic[] = [];
  const ruleIds = options.knownRuleIds ?? new Set(rules.map(({ rule }) => rule.meta.id));

  const editBuilder = new EditBuilder(loaded);
  for (const { rule, severity, options: ruleOptions } of rules) {
    const reported: Finding[] = [];
    const report = (descriptor: ReportDescriptor) => {
      const finding = toFinding(loaded, rule, severity, descriptor, editBuilder);
      if (typeof finding === 'string') throw new RuleReportError(finding);
      // An instrument that ended (until) before the date the model judges at is history: it rewards
      // nothing now, so what it rewarded is no finding (the matrix leaves it out too). Integrity
      // findings (a broken reference, weights that do not add up) still stand.
      if (rule.meta.category !== 'integrity' && endedInstrument(loaded, model, descriptor.node)) return;
      reported.push(finding);
      aboutByFinding.set(finding, aboutOf(model, descriptor));
    };
    try {
      const pluginModule = pluginModuleOf(rule);
      if (pluginModule) {
        const timeout = options.ruleTimeoutMs ?? DEFAULT_RULE_TIMEOUT_MS;
        for (const descriptor of await runIsolated(
          rule,
          pluginModule,
          loaded,
          { options: ruleOptions, today: options.today, ruleIds },
          timeout,
        ))
          report(descriptor);
      } else {
        await rule.check({
          policy: loaded.policy,
          index,
          strategy: index.strategy,
          model,
          population,
          options: ruleOptions,
          today: options.today,
          diff,
          ruleIds,
          report,
        });
      }
      for (const finding of reported) findings.push(finding);
    } catch (error) {
      diagnostics.push({
        message: `rule ${rule.meta.id} failed: ${error instanceof RuleReportError ? error.message : describeError(error)}; its findings are left out, so this run cannot be trusted`,
        source: 'rule',
      });
    }
  }

  const { judged, notJudged } = withoutBrokenInstruments(findings);
  // A rule disabled on a line by a comment is not enabled there: deferring to it happens only among the findings that survive the comments.
  const suppression =
    options.inlineSuppressions === false
      ? { kept: judged, suppressed: [], findings: [] }
      : applySuppressions(judged, loaded.sources, rules, options.knownRuleIds);
  const kept1 = onePerDefect(suppression.kept, rules, aboutByFinding);
  const { kept, waived } = applyWaivers(kept1, loaded.policy.waivers, options.today);
  return {
    findings: sortFindings([...kept, ...suppression.findings, ...importTodoFindings(loaded.sources, rules)]),
    waived,
    suppressed: suppression.suppressed,
    diagnostics,
    model,
    notJudged,
  };
}

const UNKNOWN_REFERENCE = 'unknown-reference';

/**
 * An instrument that names an undeclared team, segment or metric is judged on a guess (its line
 * has no segment, its plan no team): what other rules say of it is left out until the reference is
 * fixed, and the run says so once.
 */
function withoutBrokenInstruments(findings: readonly Finding[]): { judged: Finding[]; notJudged: string[] } {
  const broken = new Set(
    findings
      .filter((finding) => finding.rule === UNKNOWN_REFERENCE && finding.instrument !== undefined)
      .map((finding) => finding.instrument!),
  );
  if (broken.size === 0) return { judged: [...findings], notJudged: [] };
  const judged = findings.filter(
    (finding) => finding.rule === UNKNOWN_REFERENCE || finding.instrument === undefined || !broken.has(finding.instrument),
  );
  return { judged, notJudged: [...broken].sort() };
}

class RuleReportError extends Error {}

/** Whether `node` belongs to an instrument whose `until` is before the model's date. */
function endedInstrument(loaded: LoadedPolicy, model: RewardModel, node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const instrument = loaded.provenance.origin(node)?.instrument?.node;
  return instrument !== undefined && endedBy(untilOf(instrument), model.asOf);
}

/** The entries a finding is about: those it names (entries or their lines), else the entries at its node. */
function aboutOf(model: RewardModel, descriptor: ReportDescriptor): readonly object[] {
  const named = Array.isArray(descriptor.about) ? descriptor.about : [descriptor.node];
  return named.flatMap((item) => {
    const entries = model.entriesAt(item);
    return entries.length > 0 ? entries : 'key' in item && 'line' in item ? [item] : [];
  });
}

/**
 * One defect, one finding, decided here and only here: a finding of rule R about entries E is
 * dropped when a rule R defers to (`meta.defersTo`) is enabled in this run and reported a finding
 * about one of E that no inline comment disables (a waived finding still stands: the exception is
 * recorded against it). A rule never knows another rule's options: only what it reported.
 */
function onePerDefect(
  findings: readonly Finding[],
  rules: readonly ConfiguredRule[],
  about: ReadonlyMap<Finding, readonly object[]>,
): Finding[] {
  const deferring = rules.filter(({ rule }) => (rule.meta.defersTo ?? []).length > 0);
  if (deferring.length === 0) return [...findings];
  const entriesByRule = new Map<string, Set<object>>();
  for (const finding of findings) {
    let entries = entriesByRule.get(finding.rule);
    if (!entries) entriesByRule.set(finding.rule, (entries = new Set()));
    for (const entry of about.get(finding) ?? []) entries.add(entry);
  }
  const defersTo = new Map(deferring.map(({ rule }) => [rule.meta.id, rule.meta.defersTo!]));
  return findings.filter((finding) => {
    const others = defersTo.get(finding.rule);
    if (!others) return true;
    const mine = about.get(finding) ?? [];
    return !others.some((other) => other !== finding.rule && mine.some((entry) => entriesByRule.get(other)?.has(entry)));
  });
}

function toFinding(
  loaded: LoadedPolicy,
  rule: AnyRule,
  severity: Severity,
  descriptor: ReportDescriptor,
  editBuilder: EditBuilder,
): Finding | string {
  if (typeof descriptor !== 'object' || descriptor === null) return 'report() needs { node, message, fix }';
  const { node, key, fix } = descriptor;
  const rendered = renderMessage(rule.meta, descriptor);
  if (typeof rendered === 'string') return rendered;
  const { message } = rendered;
  if (typeof fix !== 'string' || fix.trim() === '') return 'report() needs a fix string: every finding says what to change';
  if (typeof node !== 'object' || node === null) return 'report() needs the node of the policy the finding is about';
  const location = node === loaded.policy ? loaded.sources[0]?.locate([]) : loaded.provenance.locate(node, key);
  if (!location) return 'report() was given a node that is not part of the policy';
  const origin = loaded.provenance.origin(node);
  let edits: TextEdit[] | undefined;
  if (descriptor.edits !== undefined) {
    if (!Array.isArray(descriptor.edits)) return 'report() needs edits as a list';
    const built = editBuilder.build(descriptor.edits);
    if (typeof built === 'string') return built;
    if (built.length > 0) edits = built;
  }
  return {
    rule: rule.meta.id,
    severity: descriptor.milder === true ? MILDER[severity] : severity,
    category: rule.meta.category,
    message,
    ...(rendered.messageId !== undefined ? { messageId: rendered.messageId, ...(rendered.data ? { data: rendered.data } : {}) } : {}),
    fix,
    ...location,
    instrument: origin?.instrument?.id,
    subject: origin?.instrument ? undefined : origin?.subject,
    ...(edits ? { edits } : {}),
    ...(Array.isArray(descriptor.priorities) && descriptor.priorities.length > 0
      ? { priorities: [...new Set(descriptor.priorities.map(String))] }
      : {}),
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'object' && error !== null && 'diagnostics' in error) {
    return ((error as { diagnostics: Diagnostic[] }).diagnostics ?? []).map(formatDiagnostic).join('; ');
  }
  return String(error);
}

/** A current waiver for rule R on instrument T silences R's findings inside T until it expires. */
export function applyWaivers(
  findings: Finding[],
  waivers: readonly WaiverT[],
  today: string,
): { kept: Finding[]; waived: WaivedFinding[] } {
  // One current waiver per rule and target, so that many waivers cost no scan per finding. When two
  // accept the same findings, the one that lasts longest is in force, whatever their order.
  const active = new Map<string, WaiverT>();
  const lastsLonger = (a: WaiverT, b: WaiverT) =>
    compare(b.expires, a.expires) || compare(a.approved_by, b.approved_by) || compare(a.reason, b.reason);
  for (const waiver of waivers) {
    if (waiver.expires < today) continue;
    const key = waiverKey(waiver.rule, waiver.target);
    const current = active.get(key);
    if (!current || lastsLonger(waiver, current) < 0) active.set(key, waiver);
  }
  if (active.size === 0) return { kept: findings, waived: [] };
  const kept: Finding[] = [];
  const waived: WaivedFinding[] = [];
  for (const finding of findings) {
    // A waiver names the instrument a finding is in; a finding about a team or priority, its id.
    const target = finding.instrument ?? finding.subject;
    const waiver = target === undefined ? undefined : active.get(waiverKey(finding.rule, target));
    if (waiver) waived.push({ finding, waiver });
    else kept.push(finding);
  }
  return { kept, waived };
}

function waiverKey(rule: string, target: string): string {
  return `${rule}\0${target}`;
}

const MILDER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      // Unknown references first: every other finding may change once they are fixed.
      Number(b.rule === UNKNOWN_REFERENCE) - Number(a.rule === UNKNOWN_REFERENCE) ||
      compare(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compare(a.rule, b.rule) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
