/**
 * Runs the configured rules over a loaded policy: builds the index once, gives each rule its
 * context, turns reported nodes into positions, applies waivers, and sorts the findings.
 * A rule that throws or reports nonsense becomes a diagnostic with its id; the others still run.
 */
import { EditBuilder, type TextEdit } from './edits.js';
import { renderMessage, type MessageData } from './messages.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { LoadedPolicy, Location } from '../load/index.js';
import type { WaiverT } from '../schema.js';
import { PolicyDiff } from './policy-diff.js';
import { DEFAULT_RULE_TIMEOUT_MS, pluginModuleOf, runIsolated } from './isolation.js';
import { PolicyIndex } from './lookups/policy-index.js';
import type { AnyRule, ReportDescriptor, Severity } from './rule.js';
import { applySuppressions } from './suppressions.js';
import { importTodoFindings } from './import-todos.js';

export interface ConfiguredRule {
  rule: AnyRule;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface Finding extends Location {
  rule: string;
  severity: Severity;
  category: string;
  message: string;
  fix: string;
  /** The id of the instrument the node belongs to, when it belongs to one. */
  instrument?: string;
  /** For a node outside any instrument: the team, segment, metric or priority it belongs to. */
  subject?: string;
  /** The id of the rule's wording (meta.messages) and the values it was filled with, when the rule reported one. */
  messageId?: string;
  data?: MessageData;
  /** The fix as text edits a tool can apply, when it is mechanical (see ReportDescriptor.edits). */
  edits?: TextEdit[];
}

export interface WaivedFinding {
  finding: Finding;
  waiver: WaiverT;
}

export interface RunResult {
  findings: Finding[];
  /** Findings a current waiver silenced: shown by the gate, never counted. */
  waived: WaivedFinding[];
  /** Findings an inline `# incentive-lint-disable-…` comment silenced: never counted. */
  suppressed: Finding[];
  diagnostics: Diagnostic[];
  /** Instruments that name an id the policy does not declare: no rule but unknown-reference judges them. */
  notJudged: string[];
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
  const diff = options.baseline ? new PolicyDiff(new PolicyIndex(options.baseline.policy, options.baseline.sections), index) : undefined;
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  const ruleIds = options.knownRuleIds ?? new Set(rules.map(({ rule }) => rule.meta.id));

  const editBuilder = new EditBuilder(loaded);
  for (const { rule, severity, options: ruleOptions } of rules) {
    const reported: Finding[] = [];
    const report = (descriptor: ReportDescriptor) => {
      const finding = toFinding(loaded, rule, severity, descriptor, editBuilder);
      if (typeof finding === 'string') throw new RuleReportError(finding);
      reported.push(finding);
    };
    try {
      const pluginModule = pluginModuleOf(rule);
      if (pluginModule) {
        const timeout = options.ruleTimeoutMs ?? DEFAULT_RULE_TIMEOUT_MS;
        for (const descriptor of await runIsolated(rule, pluginModule, loaded, { options: ruleOptions, today: options.today, ruleIds }, timeout)) report(descriptor);
      } else {
        await rule.check({ policy: loaded.policy, index, strategy: index.strategy, options: ruleOptions, today: options.today, diff, ruleIds, report });
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
  const suppression =
    options.inlineSuppressions === false ? { kept: judged, suppressed: [], findings: [] } : applySuppressions(judged, loaded.sources, rules, options.knownRuleIds);
  const { kept, waived } = applyWaivers(suppression.kept, loaded.policy.waivers, options.today);
  return { findings: sortFindings([...kept, ...suppression.findings, ...importTodoFindings(loaded.sources, rules)]), waived, suppressed: suppression.suppressed, diagnostics, notJudged };
}

export const UNKNOWN_REFERENCE = 'unknown-reference';

/**
 * An instrument that names an undeclared team, segment or metric is judged on a guess (its line
 * has no segment, its plan no team): what other rules say of it is left out until the reference is
 * fixed, and the run says so once.
 */
function withoutBrokenInstruments(findings: readonly Finding[]): { judged: Finding[]; notJudged: string[] } {
  const broken = new Set(findings.filter((finding) => finding.rule === UNKNOWN_REFERENCE && finding.instrument !== undefined).map((finding) => finding.instrument!));
  if (broken.size === 0) return { judged: [...findings], notJudged: [] };
  const judged = findings.filter((finding) => finding.rule === UNKNOWN_REFERENCE || finding.instrument === undefined || !broken.has(finding.instrument));
  return { judged, notJudged: [...broken].sort() };
}

class RuleReportError extends Error {}

function toFinding(loaded: LoadedPolicy, rule: AnyRule, severity: Severity, descriptor: ReportDescriptor, editBuilder: EditBuilder): Finding | string {
  if (typeof descriptor !== 'object' || descriptor === null) return 'report() needs { node, message, fix }';
  const { node, key, fix } = descriptor;
  const rendered = renderMessage(rule.meta, descriptor);
  if (typeof rendered === 'string') return rendered;
  const { message } = rendered;
  if (typeof fix !== 'string' || fix.trim() === '') return 'report() needs a fix string: every finding says what to change';
  if (typeof node !== 'object' || node === null) return 'report() needs the node of the policy the finding is about';
  const location =
    node === loaded.policy ? loaded.sources[0]?.locate([]) : loaded.provenance.locate(node, key);
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
    severity,
    category: rule.meta.category,
    message,
    ...(rendered.messageId !== undefined ? { messageId: rendered.messageId, ...(rendered.data ? { data: rendered.data } : {}) } : {}),
    fix,
    ...location,
    instrument: origin?.instrument?.id,
    subject: origin?.instrument ? undefined : origin?.subject,
    ...(edits ? { edits } : {}),
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
export function applyWaivers(findings: Finding[], waivers: readonly WaiverT[], today: string): { kept: Finding[]; waived: WaivedFinding[] } {
  // One current waiver per rule and target, so that many waivers cost no scan per finding. When two
  // accept the same findings, the one that lasts longest is in force, whatever their order.
  const active = new Map<string, WaiverT>();
  const lastsLonger = (a: WaiverT, b: WaiverT) => compare(b.expires, a.expires) || compare(a.approved_by, b.approved_by) || compare(a.reason, b.reason);
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

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
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
