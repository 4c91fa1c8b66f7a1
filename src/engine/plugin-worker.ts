/**
 * Runs one plugin rule in a worker thread, so that a rule that never returns can be stopped and one
 * that crashes takes nothing else down. The policy arrives as a structured clone; reports go back as
 * node numbers (see node-ids.ts) with the rule's message and fix, checked on the main thread.
 */
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import * as z from 'zod';
import type { ListSection, Policy } from '../schema.js';
import type { EditDescriptor } from './edits.js';
import { numberNodes } from './node-ids.js';
import { checkPluginRule } from './plugin-check.js';
import { PolicyIndex } from './lookups/policy-index.js';
import { RewardModel } from '../model/build.js';
import { SalesForce } from '../population/sales-force.js';
import type { AnyRule, RuleMeta, ReportDescriptor } from './rule.js';

export interface PluginJob {
  moduleFile: string;
  /**
   * Only import the module and describe its rules (its top-level code runs here, where it can be
   * stopped, and never in the main thread), run nothing.
   */
  describe?: boolean;
  ruleId: string;
  graph: { policy: Policy; sections: Record<ListSection, object[]> };
  options: Record<string, unknown>;
  today: string;
  ruleIds: string[];
}

export interface WorkerReport {
  node: number;
  key?: string | number;
  message: unknown;
  messageId?: unknown;
  /** The messageId's placeholders: only string and number values cross. */
  data?: Record<string, string | number>;
  fix: unknown;
  /** The priorities the report says its node works against: only strings cross. */
  priorities?: string[];
  /** ReportDescriptor.milder: one step below the rule's severity. */
  milder?: true;
  /** The report's edits, their nodes as numbers and their values as JSON text (plain data only). */
  edits?: { op: 'set' | 'append'; node: number; key?: unknown; value: string | undefined; safety: unknown }[];
}

/** A plugin's export as the main thread sees it: plain metadata, or why it is not a rule. */
export type DescribedRule =
  | { problem: string; id?: string }
  | { meta: Omit<RuleMeta, 'options'>; optionsSchema?: Record<string, unknown>; optionKeys: string[] };

export type WorkerMessage = { ok: true; reports: WorkerReport[]; rules?: DescribedRule[] } | { ok: false; error: string };

/**
 * The plugin API as this copy of incentive-lint ships it (package.json's "exports"), for a plugin that
 * cannot resolve `incentive-lint` from where it lies (see api-resolution-hooks.ts).
 */
const API_MODULES = { 'incentive-lint': '../index.js', 'incentive-lint/testing': '../testing/index.js' };

function provideApi(moduleFile: string): void {
  try {
    createRequire(moduleFile).resolve('incentive-lint');
    return;
  } catch {
    // Not installed where the plugin is: the hooks resolve it to this copy.
  }
  const data = Object.fromEntries(Object.entries(API_MODULES).map(([specifier, file]) => [specifier, new URL(file, import.meta.url).href]));
  register(new URL('./api-resolution-hooks.js', import.meta.url), { data });
}

async function run(job: PluginJob): Promise<WorkerMessage> {
  provideApi(job.moduleFile);
  const module = (await import(pathToFileURL(job.moduleFile).href)) as Record<string, unknown>;
  const exported = module.default ?? module.rules;
  const rules = (Array.isArray(exported) ? exported : [exported]) as AnyRule[];
  if (job.describe) return { ok: true, reports: [], rules: exported === undefined ? [] : rules.map(describeRule) };
  const rule = rules.find((candidate) => candidate?.meta?.id === job.ruleId);
  if (!rule) return { ok: false, error: `the plugin no longer exports rule ${job.ruleId}` };
  // The main thread checked the options against a copy of the schema; the rule's own schema decides.
  const parsed = rule.meta.options ? rule.meta.options.safeParse(job.options) : { success: true as const, data: job.options };
  if (!parsed.success)
    return {
      ok: false,
      error: `invalid options: ${parsed.error.issues.map((issue: z.core.$ZodIssue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; ')}`,
    };
  const ids = new Map(numberNodes(job.graph).map((node, id) => [node, id]));
  const index = new PolicyIndex(job.graph.policy, job.graph.sections);
  const reports: WorkerReport[] = [];
  const report = (descriptor: ReportDescriptor) => {
    const node = typeof descriptor?.node === 'object' && descriptor.node !== null ? (ids.get(descriptor.node) ?? -1) : -2;
    const key = typeof descriptor?.key === 'string' || typeof descriptor?.key === 'number' ? descriptor.key : undefined;
    // Only plain values cross the boundary: anything else is reported as what it is, not cloned.
    const plain = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const edits = Array.isArray(descriptor?.edits) ? descriptor.edits.map((edit) => workerEdit(edit, ids)) : undefined;
    const data = typeof descriptor?.data === 'object' && descriptor.data !== null ? plainData(descriptor.data) : undefined;
    const messageId =
      descriptor?.messageId === undefined ? {} : { messageId: plain(descriptor.messageId) ?? null, ...(data ? { data } : {}) };
    const priorities = Array.isArray(descriptor?.priorities)
      ? descriptor.priorities.filter((id): id is string => typeof id === 'string')
      : undefined;
    reports.push({
      node,
      key,
      message: plain(descriptor?.message),
      ...messageId,
      fix: plain(descriptor?.fix),
      ...(descriptor?.milder === true ? { milder: true } : {}),
      ...(priorities ? { priorities } : {}),
      ...(edits ? { edits } : {}),
    });
  };
  const model = new RewardModel(index, { today: job.today });
  await rule.check({
    policy: job.graph.policy,
    index,
    strategy: index.strategy,
    model,
    population: new SalesForce(index, { date: model.asOf }),
    options: parsed.data as Record<string, unknown>,
    today: job.today,
    ruleIds: new Set(job.ruleIds),
    report,
  });
  return { ok: true, reports };
}

function describeRule(candidate: unknown): DescribedRule {
  const problem = checkPluginRule(candidate);
  if (problem) {
    const id = (candidate as AnyRule | undefined)?.meta?.id;
    return typeof id === 'string' ? { problem, id } : { problem };
  }
  const { id, category, severity, summary, rationale, source, examples, options, messages, presets } = (candidate as AnyRule).meta;
  // Only text crosses to the main thread: the examples' snippets, not whatever else an object holds.
  const snippets = examples
    ? (Object.fromEntries(Object.entries(examples).filter(([, text]) => typeof text === 'string')) as RuleMeta['examples'])
    : undefined;
  const texts = messages
    ? (Object.fromEntries(Object.entries(messages).filter(([, text]) => typeof text === 'string')) as Record<string, string>)
    : undefined;
  const meta = {
    id,
    category,
    severity,
    summary,
    rationale,
    source,
    ...(snippets ? { examples: snippets } : {}),
    ...(texts ? { messages: texts } : {}),
    ...(Array.isArray(presets) ? { presets: presets.filter((preset): preset is string => typeof preset === 'string') } : {}),
  };
  let optionsSchema: Record<string, unknown> | undefined;
  try {
    optionsSchema = options ? (z.toJSONSchema(options, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>) : undefined;
  } catch {
    optionsSchema = undefined; // checked in the worker only, when the rule runs
  }
  return { meta: { ...meta }, optionsSchema, optionKeys: Object.keys(options?.shape ?? {}) };
}

run(workerData as PluginJob).then(
  (message) => parentPort?.postMessage(message),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message || error.name : String(error) }),
);

function workerEdit(edit: EditDescriptor, ids: Map<object, number>): NonNullable<WorkerReport['edits']>[number] {
  const id = (node: unknown) => (typeof node === 'object' && node !== null ? (ids.get(node) ?? -1) : -2);
  const json = (value: unknown) => {
    try {
      return JSON.stringify(value);
    } catch {
      return undefined;
    }
  };
  if (edit && 'set' in edit)
    return { op: 'set', node: id(edit.set?.node), key: edit.set?.key, value: json(edit.set?.value), safety: edit.safety };
  return { op: 'append', node: id(edit?.append?.node), value: json(edit?.append?.value), safety: edit?.safety };
}

function plainData(data: object): Record<string, string | number> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => typeof value === 'string' || typeof value === 'number')) as Record<
    string,
    string | number
  >;
}
