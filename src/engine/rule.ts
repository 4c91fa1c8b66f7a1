/**
 * The rule API: the one contract built-in rules and plugins share. A rule is metadata plus a check;
 * the check reads the policy and its index and reports nodes. The engine turns nodes into positions.
 */
import type { EditDescriptor } from './edits.js';
import { checkMessages, type MessageData } from './messages.js';
import * as z from 'zod';
import type { PathSegment } from '../load/source.js';
import type { Policy } from '../schema.js';
import type { PolicyDiff } from './policy-diff.js';
import type { PolicyIndex } from './lookups/policy-index.js';
import type { StrategyView } from './strategy/strategy-view.js';
import type { RewardModel } from '../model/build.js';
import type { SalesForce } from '../population/sales-force.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Category = 'strategic-alignment' | 'communication' | 'shared-incentives' | 'balanced-measurement' | 'integrity' | (string & {});

/** Options of a rule: a zod object whose every key has a default. */
export type OptionsSchema = z.ZodObject<z.ZodRawShape>;

export interface RuleMeta<Options extends OptionsSchema = OptionsSchema> {
  /** kebab-case; plugin rules are namespaced, such as `acme/no-spiff-on-smb`. */
  id: string;
  category: Category;
  /** The severity when no configuration says otherwise. */
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters, with the sentence or study it comes from. */
  rationale: string;
  /** Where the rationale comes from: a source article (by title and publisher), a paper, a practitioner rule of thumb. */
  source: string;
  options?: Options;
  /**
   * The policy keys the rule reads (`metrics[].reported_by`, `compensation[].clawback`…): what a
   * declaration buys. docs/format.md lists, for every key, the rules that read it.
   */
  reads?: readonly string[];
  /**
   * The presets that turn the rule on (`extends:` in the configuration); default: every preset. A
   * rule judged on assumptions whose precision is not yet measured (the goalposts, on a modelled
   * sales force) gives ['goalposts'], so `recommended` and `strict` leave it off until a configuration
   * turns it on.
   */
  presets?: readonly string[];
  /**
   * Rules this rule leaves a defect to: when one of them is enabled and reports a finding about the
   * same model entry (`ReportDescriptor.about`), this rule's finding on that entry is dropped by the
   * engine. Never a rule's options or thresholds: only what it reported in this run.
   */
  defersTo?: readonly string[];
  /**
   * The rule's wordings by message id, with `{{placeholders}}` (ESLint's meta.messages): a report
   * gives `messageId` and `data` instead of `message`, and tests assert the id and the data.
   */
  messages?: Record<string, string>;
  /**
   * YAML fragments for `explain`, merged onto the base policy of rule tests (incentive-lint/testing):
   * one that the rule reports, one that it accepts. A test proves both for every built-in rule.
   */
  examples?: {
    bad: string;
    good: string;
    /** For a rule that compares two versions (`diff`, `--since`): the earlier version both examples are compared with. */
    baseline?: string;
  };
}

export interface ReportDescriptor {
  /** An object or list of the policy: the most specific node the finding is about. */
  node: object;
  /** A key (or list index) of `node` to point at, for values that are not objects themselves. */
  key?: PathSegment;
  /** The finding in words; or leave it out and give `messageId` (a key of meta.messages) and `data`. */
  message?: string;
  messageId?: string;
  /** The values of the `{{placeholders}}` of the messageId's text. */
  data?: MessageData;
  /** What a person could change to resolve it, with the numbers and ids of this policy. */
  fix: string;
  /**
   * The model entries (or the YAML lines behind them) the finding is about; default: the entries at
   * `node`. The engine keeps one finding per defect by them (see RuleMeta.defersTo).
   */
  about?: readonly object[];
  /**
   * The ids of the priorities the finding says its node works against (a line paying what one
   * deprioritizes, a plan whose rational choice is deprioritized). The alignment matrix marks the
   * cell of the node's team and each of these priorities undermined; a test holds lint and the
   * matrix to that, on every example and real policy.
   */
  priorities?: readonly string[];
  /**
   * One step below the severity the rule runs at (error → warning, warning → info; info stays info):
   * for a finding of the rule's defect where it costs less (a cap that binds on a segment the
   * strategy does not favor, where on a favored one it is the rule's full severity). The
   * configuration still decides the rule's severity; this only ranks its findings under it.
   */
  milder?: boolean;
  /**
   * The fix as changes a tool can apply (`incentive-lint fix`, editors' quick fixes, SARIF `fixes`),
   * where it is mechanical. Applying them must make this finding go away; a test checks that for
   * every finding of the examples and the real-policy corpus.
   */
  edits?: EditDescriptor[];
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly policy: Policy;
  readonly index: PolicyIndex;
  /** What the strategy favors and deprioritizes (contested ids left out), and how a line stands toward it: `index.strategy`. */
  readonly strategy: StrategyView;
  /** What each team is rewarded for: every (metric, segment) entry, its lever, strength, dates, how it is made, its guards, the priorities it serves or undermines. */
  readonly model: RewardModel;
  readonly options: Options;
  /** The current date, YYYY-MM-DD (from `--today` or the clock), for anything that expires. */
  readonly today: string;
  /**
   * What every compensation plan with a quota pays a whole sales force: the roster's attainments
   * where the policy gives them, else the documented default distribution with its default seed (as
   * `simulate --population` draws it), so a finding is the same on every run. Priced the first time a
   * rule asks for a plan, once per run: a run whose rules never ask costs nothing more.
   */
  readonly population: SalesForce;
  /** The comparison with an earlier version of the policy, when the run has one (`diff`, `--since`). */
  readonly diff?: PolicyDiff;
  /** Every rule id that exists in this run, on or off (built-ins and plugins): what a waiver may name. */
  readonly ruleIds: ReadonlySet<string>;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<Options extends OptionsSchema = OptionsSchema> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<z.output<Options>>): void | Promise<void>;
}

/** A rule of any options type, as the registry holds it. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds rules whose options types differ; each rule's own check is typed.
export type AnyRule = Rule<any>;

const RULE_ID = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Declares a rule. Identity at run time; it exists for the types and to check the metadata early. */
// biome-ignore lint/complexity/noBannedTypes: z.ZodObject<{}> is zod's own type of an object schema with no keys (a rule without options).
export function defineRule<Options extends OptionsSchema = z.ZodObject<{}>>(rule: Rule<Options>): Rule<Options> {
  const id = rule?.meta?.id;
  if (typeof id !== 'string' || !RULE_ID.test(id)) {
    throw new TypeError(`rule id ${JSON.stringify(id)} is not a kebab-case id (plugins: namespace/rule-id)`);
  }
  if (!SEVERITIES.includes(rule.meta.severity)) {
    throw new TypeError(`rule ${id}: severity must be one of ${SEVERITIES.join(', ')}`);
  }
  if (typeof rule.check !== 'function') throw new TypeError(`rule ${id}: check must be a function`);
  checkMessages(id, rule.meta.messages);
  return rule;
}

/** The options a rule runs with: its defaults, overridden by what the configuration gives. */
export function resolveOptions(rule: AnyRule, given: unknown = {}): z.ZodSafeParseResult<Record<string, unknown>> {
  const schema: OptionsSchema = rule.meta.options ?? z.object({});
  // Parsed once per run: compiling zod's eval-based fast path for it would cost more than it saves.
  return schema.safeParse(given ?? {}, { jitless: true }) as z.ZodSafeParseResult<Record<string, unknown>>;
}
