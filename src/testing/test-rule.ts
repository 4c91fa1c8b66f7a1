/**
 * `testRule`: runs one rule alone, in memory, over small policies, and fails on anything but the
 * findings the test expects (ESLint's RuleTester, for policies). A valid case must produce no
 * finding; an invalid case exactly the findings it lists, in order, with their positions, messages
 * and fixes. Any diagnostic fails the case: a rule that throws, a report() the engine refuses, a
 * policy that does not load, options the rule's schema rejects.
 */
import { AssertionError } from 'node:assert';
import { builtinRules } from '../../rules/index.js';
import { formatDiagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import { CHECK_IDS } from '../engine/check-ids.js';
import { resolveOptions, type AnyRule, type Severity } from '../engine/rule.js';
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

/** One finding an invalid case expects: where (a line and column, or the path of the node), what, and the fix. */
export type ExpectedFinding = {
  message: string;
  fix: string;
  /** Default: the rule's own severity. */
  severity?: Severity;
} & ({ line: number; column: number; at?: undefined } | { at: PolicyPath; line?: undefined; column?: undefined });

export interface InvalidRuleTestCase extends RuleTestCase {
  /** Every finding the rule must report, in the order of the report (by position). */
  errors: readonly ExpectedFinding[];
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
    ...(tests.valid ?? []).map((test, index) => ({ kind: 'valid' as const, index, test: typeof test === 'string' ? { policy: test } : test, errors: [] as readonly ExpectedFinding[] })),
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
    const failure = await runCase(rule, test, errors);
    if (failure) failures.push(`${label}: ${failure}`);
  }
  if (failures.length > 0) {
    throw new AssertionError({ message: `${rule.meta.id}: ${failures.length} of ${cases.length} cases failed\n\n${failures.join('\n\n')}` });
  }
}

/** The text of the policy a case runs on. */
export function policyText(test: PolicyCase): string {
  if (test.text !== undefined) {
    if (test.base !== undefined || test.policy !== undefined || test.edits !== undefined) throw new Error('a case gives either `text` or `base`/`policy`/`edits`, not both');
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
  if (!options.success) return { text, problem: `options ${JSON.stringify(test.options)} are invalid: ${options.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` };
  const loaded = load(text);
  if ('diagnostics' in loaded) return { text, problem: `the policy does not load:\n${listDiagnostics(loaded.diagnostics)}` };
  let baseline: LoadedPolicy | undefined;
  if (test.baseline) {
    const loadedBaseline = load(policyText(test.baseline), 'baseline.yaml');
    if ('diagnostics' in loadedBaseline) return { text, problem: `the baseline policy does not load:\n${listDiagnostics(loadedBaseline.diagnostics)}` };
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

async function runCase(rule: AnyRule, test: RuleTestCase, expected: readonly ExpectedFinding[]): Promise<string | undefined> {
  const run = await runRuleCase(rule, test);
  const withText = (message: string) => (run.text === undefined ? message : `${message}\n${numbered(run.text)}`);
  if (run.problem !== undefined) return withText(run.problem);
  const actual = run.findings.map((finding) => describeActual(finding));
  const wanted = expected.map((finding) => describeExpected(rule, run.loaded, finding));
  const positionError = wanted.find((finding) => typeof finding === 'string');
  if (positionError !== undefined) return withText(positionError as string);
  if (JSON.stringify(actual) === JSON.stringify(wanted)) return undefined;
  const count = wanted.length === actual.length ? 'the findings differ' : `expected ${wanted.length} finding${wanted.length === 1 ? '' : 's'}, got ${actual.length}`;
  return withText(`${count}\n  expected: ${indentJson(wanted)}\n  actual:   ${indentJson(actual)}`);
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
  message: string;
  fix: string;
}

function describeActual({ rule, line, column, severity, message, fix }: Finding): ComparedFinding {
  return { rule, line, column, severity, message, fix };
}

function describeExpected(rule: AnyRule, loaded: LoadedPolicy, expected: ExpectedFinding): ComparedFinding | string {
  let { line, column } = expected;
  if (expected.at !== undefined) {
    const path = typeof expected.at === 'string' ? expected.at.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [...expected.at];
    // locate() falls back to the nearest ancestor: a path that names nothing must fail, not point near.
    const exists = path.every((segment, index) => valueAt(loaded.policy, path.slice(0, index + 1)) !== undefined);
    if (!exists) return `the expected finding at ${path.join('.')} names no node of the policy`;
    ({ line, column } = loaded.sources[0]!.locate(path));
  }
  return { rule: rule.meta.id, line: line!, column: column!, severity: expected.severity ?? rule.meta.severity, message: expected.message, fix: expected.fix };
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, segment) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined), root);
}

/** Every id a waiver or suppression may name in a real run: the built-in rules, the checks, and the rule under test. */
function knownRuleIds(rule: AnyRule): ReadonlySet<string> {
  return new Set([...builtinRules, ...SUPPRESSION_RULES, ...IMPORT_TODO_RULES].map((known) => known.meta.id).concat(CHECK_IDS, rule.meta.id));
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
