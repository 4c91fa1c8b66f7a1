/**
 * `testRule`: runs one rule alone, in memory, over small policies, and fails on anything but the
 * findings the test expects (ESLint's RuleTester, for policies). A valid case must produce no
 * finding; an invalid case exactly the findings it lists, in order, with their positions, messages
 * and fixes. Any diagnostic fails the case: a rule that throws, a report() the engine refuses, a
 * policy that does not load, options the rule's schema rejects. An invalid case may also give the
 * policy text its findings' edits produce (`output`, ESLint's RuleTester), and each finding the
 * safety of its edits.
 */
import { AssertionError } from 'node:assert';
import { builtinRules } from '../../rules/index.js';
import { formatDiagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import { CHECK_IDS } from '../engine/check-ids.js';
import { resolveOptions, type AnyRule, type Severity } from '../engine/rule.js';
import { applyTextEdits, type EditSafety } from '../engine/edits.js';
import type { MessageData } from '../engine/messages.js';
import { runRules, type Finding } from '../engine/run.js';
import { SUPPRESSION_RULES } from '../engine/suppressions.js';
import { IMPORT_TODO_RULES } from '../engine/import-todos.js';
import { loadPolicyTexts, type LoadedPolicy } from '../load/index.js';
import { applyEdits, mergeFragment, renderPolicy, type PolicyEdit, type PolicyFragment, type PolicyPath } from './fragment.js';

/** The date rule tests run on unless a case gives its own. */
export const TEST_TODAY = '2026-06-01';

/** The policy of a case. By default the base policy (see BASE_POLICY), with `policy` merged in and `edits` applied. */
export interface PolicyCase {
  /** The policy the fragment is merged onto, when a case needs another than BASE_POLICY (a whole policy, text or data). */
  base?: PolicyFragment;
  /** A fragment merged onto the base policy (see mergeFragment). */
  policy?: PolicyFragment;
  /** Structured changes applied after the merge, such as set('strategy.priorities.0.favor.segments', [...]). */
  edits?: readonly PolicyEdit[];
  /** A whole policy file, used as written instead of the base policy (for comments, anchors, layout). */
  text?: string;
}

export interface RuleTestCase extends PolicyCase {
  /** What the case is about, shown when it fails. */
  name?: string;
  /** The rule's options (validated by its schema; defaults fill the rest). */
  options?: Record<string, unknown>;
  /** The current date, YYYY-MM-DD (default 2026-06-01). */
  today?: string;
  /** An earlier version of the policy: the rule then sees `context.diff` (stale-incentive). */
  baseline?: PolicyCase;
}

/**
 * One finding an invalid case expects: where (a line and column, or the path of the node), what,
 * and the fix. What is the message, or (for a rule with meta.messages) the messageId and its data,
 * as ESLint's RuleTester takes either; with a messageId the fix may be left out (then not compared).
 */
export type ExpectedFinding = (
  | { message: string; fix: string; messageId?: undefined; data?: undefined }
  | { messageId: string; data?: MessageData; fix?: string; message?: undefined }
) & {
  /** Default: the rule's own severity. */
  severity?: Severity;
  /** The safety of the finding's edits (`safe` or `suggestion`), or `none` for a finding without edits. Not compared when left out. */
  editSafety?: EditSafety | 'none';
} & ({ line: number; column: number; at?: undefined } | { at: PolicyPath; line?: undefined; column?: undefined });

export interface InvalidRuleTestCase extends RuleTestCase {
  /** Every finding the rule must report, in the order of the report (by position). */
  errors: readonly ExpectedFinding[];
  /**
   * The policy text after applying the edits of every finding, safe ones and suggestions (ESLint's
   * `output`): one pass, as `incentive-lint fix --suggestions` makes it, an edit that overlaps an
   * earlier one left out. `null`: no finding carries edits. Not compared when left out.
   */
  output?: string | null;
}

export interface RuleTests {
  valid?: readonly (RuleTestCase | string)[];
  invalid?: readonly InvalidRuleTestCase[];
}

/**
 * Runs every case and throws one AssertionError that lists each failing case with the policy it ran
 * on. `ruleOrId` is a rule object (a plugin's, or a built-in one) or the id of a built-in rule.
 */
export async function testRule(ruleOrId: AnyRule | string, tests: RuleTests): Promise<void> {
  const rule = typeof ruleOrId === 'string' ? builtinRule(ruleOrId) : ruleOrId;
  const cases = [
    ...(tests.valid ?? []).map((test, index) => ({
      kind: 'valid' as const,
      index,
      test: typeof test === 'string' ? { policy: test } : test,
      errors: [] as readonly ExpectedFinding[],
    })),
    ...(tests.invalid ?? []).map((test, index) => ({ kind: 'invalid' as const, index, test, errors: test.errors })),
  ];
  if (cases.length === 0) throw new Error(`testRule(${rule.meta.id}): no valid or invalid case`);
  const failures: string[] = [];
  for (const { kind, index, test, errors } of cases) {
    const label = `${kind}[${index}]${test.name ? ` ${test.name}` : ''}`;
    if (kind === 'invalid' && errors.length === 0) {
      failures.push(`${label}: an invalid case lists the findings it expects (errors is empty; make it a valid case)`);
      continue;
    }
    const failure = await runCase(rule, test, errors, kind === 'invalid' ? (test as InvalidRuleTestCase).output : undefined);
    if (failure) failures.push(`${label}: ${failure}`);
  }
  if (failures.length > 0) {
    throw new AssertionError({
      message: `${rule.meta.id}: ${failures.length} of ${cases.length} cases failed\n\n${failures.join('\n\n')}`,
    });
  }
}

/** The text of the policy a case runs on. */
export function policyText(test: PolicyCase): string {
  if (test.text !== undefined) {
    if (test.base !== undefined || test.policy !== undefined || test.edits !== undefined)
      throw new Error('a case gives either `text` or `base`/`policy`/`edits`, not both');
    return test.text;
  }
  return renderPolicy(applyEdits(mergeFragment(test.policy, test.base), test.edits));
}

/** What a case produced: the rule's findings, or why it could not be judged (every diagnostic, as text). */
export type CaseRun = { text: string; loaded: LoadedPolicy; findings: Finding[]; problem?: undefined } | { text?: string; problem: string };

/** Runs one rule alone over the policy of a case, in memory: its findings, or the problem that makes the case untrustworthy. */
export async function runRuleCase(ruleOrId: AnyRule | string, test: RuleTestCase): Promise<CaseRun> {
  const rule = typeof ruleOrId === 'string' ? builtinRule(ruleOrId) : ruleOrId;
  let text: string;
  try {
    text = policyText(test);
  } catch (error) {
    return { problem: `the policy could not be built: ${(error as Error).message}` };
  }
  const options = resolveOptions(rule, test.options ?? {});
  if (!options.success)
    return {
      text,
      problem: `options ${JSON.stringify(test.options)} are invalid: ${options.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    };
  const loaded = load(text);
  if ('diagnostics' in loaded) return { text, problem: `the policy does not load:\n${listDiagnostics(loaded.diagnostics)}` };
  let baseline: LoadedPolicy | undefined;
  if (test.baseline) {
    const loadedBaseline = load(policyText(test.baseline), 'baseline.yaml');
    if ('diagnostics' in loadedBaseline)
      return { text, problem: `the baseline policy does not load:\n${listDiagnostics(loadedBaseline.diagnostics)}` };
    baseline = loadedBaseline;
  }
  const run = await runRules(loaded, [{ rule, severity: rule.meta.severity, options: options.data }], {
    today: test.today ?? TEST_TODAY,
    knownRuleIds: knownRuleIds(rule),
    baseline,
  });
  if (run.diagnostics.length > 0) return { text, problem: `the run has diagnostics:\n${listDiagnostics(run.diagnostics)}` };
  return { text, loaded, findings: run.findings };
}

async function runCase(
  rule: AnyRule,
  test: RuleTestCase,
  expected: readonly ExpectedFinding[],
  output: string | null | undefined,
): Promise<string | undefined> {
  const run = await runRuleCase(rule, test);
  const withText = (message: string) => (run.text === undefined ? message : `${message}\n${numbered(run.text)}`);
  if (run.problem !== undefined) return withText(run.problem);
  const actual = run.findings.map((finding, index) => describeActual(finding, expected[index]));
  const wanted = expected.map((finding) => describeExpected(rule, run.loaded, finding));
  const positionError = wanted.find((finding) => typeof finding === 'string');
  if (positionError !== undefined) return withText(positionError as string);
  if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
    const count =
      wanted.length === actual.length
        ? 'the findings differ'
        : `expected ${wanted.length} finding${wanted.length === 1 ? '' : 's'}, got ${actual.length}`;
    return withText(`${count}\n  expected: ${indentJson(wanted)}\n  actual:   ${indentJson(actual)}`);
  }
  return output === undefined ? undefined : compareOutput(run.text, run.findings, output);
}

/** The edited text against the case's `output`: the same text, or no edits at all for `null`. */
function compareOutput(text: string, findings: readonly Finding[], output: string | null): string | undefined {
  const edits = findings.flatMap((finding) => finding.edits ?? []);
  if (output === null)
    return edits.length === 0
      ? undefined
      : withNumbers('output is null, but the findings carry edits; the text they produce', applyTextEdits(text, edits).text);
  if (edits.length === 0) return withNumbers('the findings carry no edits, so the text is unchanged (write output: null for that)', text);
  const edited = applyTextEdits(text, edits).text;
  const reloaded = load(edited);
  // As ESLint's RuleTester fails a fix that produces code that does not parse.
  if ('diagnostics' in reloaded)
    return withNumbers(`the text after the edits does not load:\n${listDiagnostics(reloaded.diagnostics)}`, edited);
  if (edited === output) return undefined;
  const firstDifference = edited.split('\n').findIndex((line, index) => line !== output.split('\n')[index]);
  return `the text after the edits differs from output, first at line ${firstDifference + 1}\n  expected:\n${numbered(output)}\n  actual:\n${numbered(edited)}`;
}

function withNumbers(message: string, text: string): string {
  return `${message}\n${numbered(text)}`;
}

function listDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((diagnostic) => `  ${formatDiagnostic(diagnostic)}`).join('\n');
}

function load(text: string, file = 'policy.yaml'): LoadedPolicy | { diagnostics: Diagnostic[] } {
  try {
    // The exact loader: positions are what a user sees on a policy of any size.
    return loadPolicyTexts([{ path: file, text }], { cwd: '/', loader: 'exact' });
  } catch (error) {
    if (error instanceof InputError) return { diagnostics: error.diagnostics };
    throw error;
  }
}

interface ComparedFinding {
  rule: string;
  line: number;
  column: number;
  severity: Severity;
  message?: string;
  messageId?: string;
  data?: MessageData;
  fix?: string;
  editSafety?: EditSafety | 'none';
}

/** A finding as the expected one at its place is written: by message or by messageId and data, with the safety of its edits if named. */
function describeActual(
  { rule, line, column, severity, message, messageId, data, fix, edits }: Finding,
  expected: ExpectedFinding | undefined,
): ComparedFinding {
  const safety = !edits ? 'none' : edits.every((edit) => edit.safety === 'safe') ? 'safe' : 'suggestion';
  const what =
    expected?.messageId !== undefined
      ? { messageId: messageId ?? '(none: the rule reported a message)', data: sortedData(data) }
      : { message };
  const fixShown = expected?.messageId !== undefined && expected.fix === undefined ? {} : { fix };
  return { rule, line, column, severity, ...what, ...fixShown, ...(expected?.editSafety !== undefined ? { editSafety: safety } : {}) };
}

/** Data with its keys in order, so that comparing JSON texts does not depend on the order they were written in. */
function sortedData(data: MessageData | undefined): MessageData {
  return Object.fromEntries(Object.entries(data ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function describeExpected(rule: AnyRule, loaded: LoadedPolicy, expected: ExpectedFinding): ComparedFinding | string {
  let { line, column } = expected;
  if (expected.messageId !== undefined && !Object.hasOwn(rule.meta.messages ?? {}, expected.messageId)) {
    const known = Object.keys(rule.meta.messages ?? {});
    return `the expected messageId ${JSON.stringify(expected.messageId)} is not declared in the rule's meta.messages${known.length ? ` (${known.join(', ')})` : ' (it declares none)'}`;
  }
  if (expected.at !== undefined) {
    const path =
      typeof expected.at === 'string' ? expected.at.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [...expected.at];
    // locate() falls back to the nearest ancestor: a path that names nothing must fail, not point near.
    const exists = path.every((_segment, index) => valueAt(loaded.policy, path.slice(0, index + 1)) !== undefined);
    if (!exists) return `the expected finding at ${path.join('.')} names no node of the policy`;
    ({ line, column } = loaded.sources[0]!.locate(path));
  }
  return {
    rule: rule.meta.id,
    line: line!,
    column: column!,
    severity: expected.severity ?? rule.meta.severity,
    ...(expected.messageId !== undefined
      ? { messageId: expected.messageId, data: sortedData(expected.data) }
      : { message: expected.message }),
    ...(expected.fix !== undefined ? { fix: expected.fix } : {}),
    ...(expected.editSafety !== undefined ? { editSafety: expected.editSafety } : {}),
  };
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, segment) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined),
    root,
  );
}

/** Every id a waiver or suppression may name in a real run: the built-in rules, the checks, and the rule under test. */
function knownRuleIds(rule: AnyRule): ReadonlySet<string> {
  return new Set(
    [...builtinRules, ...SUPPRESSION_RULES, ...IMPORT_TODO_RULES].map((known) => known.meta.id).concat(CHECK_IDS, rule.meta.id),
  );
}

function builtinRule(id: string): AnyRule {
  const rule = builtinRules.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new Error(`testRule: no built-in rule ${JSON.stringify(id)}; pass a plugin's rule object itself`);
  return rule;
}

function numbered(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line, index) => `  ${String(index + 1).padStart(3)} | ${line}`)
    .join('\n');
}

function indentJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n            ');
}
