/**
 * Runs one plugin rule in a worker thread, so that a rule that never returns can be stopped and one
 * that crashes takes nothing else down. The policy arrives as a structured clone; reports go back as
 * node numbers (see node-ids.ts) with the rule's message and fix, checked on the main thread.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { ListSection, Policy } from '../schema.js';
import { numberNodes } from './node-ids.js';
import { PolicyIndex } from './lookups/policy-index.js';
import type { AnyRule, ReportDescriptor } from './rule.js';

export interface PluginJob {
  moduleFile: string;
  /** Only import the module (its top-level code runs here first, where it can be stopped), run nothing. */
  probe?: boolean;
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
  fix: unknown;
}

export type WorkerMessage = { ok: true; reports: WorkerReport[] } | { ok: false; error: string };

async function run(job: PluginJob): Promise<WorkerMessage> {
  const module = (await import(pathToFileURL(job.moduleFile).href)) as Record<string, unknown>;
  if (job.probe) return { ok: true, reports: [] };
  const exported = module.default ?? module.rules;
  const rules = (Array.isArray(exported) ? exported : [exported]) as AnyRule[];
  const rule = rules.find((candidate) => candidate?.meta?.id === job.ruleId);
  if (!rule) return { ok: false, error: `the plugin no longer exports rule ${job.ruleId}` };
  const ids = new Map(numberNodes(job.graph).map((node, id) => [node, id]));
  const index = new PolicyIndex(job.graph.policy, job.graph.sections);
  const reports: WorkerReport[] = [];
  const report = (descriptor: ReportDescriptor) => {
    const node = typeof descriptor?.node === 'object' && descriptor.node !== null ? (ids.get(descriptor.node) ?? -1) : -2;
    const key = typeof descriptor?.key === 'string' || typeof descriptor?.key === 'number' ? descriptor.key : undefined;
    // Only plain values cross the boundary: anything else is reported as what it is, not cloned.
    const plain = (value: unknown) => (typeof value === 'string' ? value : undefined);
    reports.push({ node, key, message: plain(descriptor?.message), fix: plain(descriptor?.fix) });
  };
  await rule.check({ policy: job.graph.policy, index, strategy: index.strategy, options: job.options, today: job.today, ruleIds: new Set(job.ruleIds), report });
  return { ok: true, reports };
}

run(workerData as PluginJob).then(
  (message) => parentPort?.postMessage(message),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message || error.name : String(error) }),
);
