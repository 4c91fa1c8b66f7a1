/**
 * Plugin rules loaded from the configuration run in a worker thread each: a rule that throws, hangs
 * or exhausts memory is stopped and reported with its id, and the process and the other rules go on.
 * Built-in rules (and rules handed to the API as objects) run in-process: they are this package's
 * own code, or the caller's.
 */
import { pathToFileURL } from 'node:url';
import type { LoadedPolicy } from '../load/index.js';
import { importModule } from '../import-module.js';
import { packageFile } from '../package-root.js';
import type { EditDescriptor } from './edits.js';
import { numberNodes } from './node-ids.js';
import type { DescribedRule, PluginJob, WorkerMessage } from './plugin-worker.js';
import type { AnyRule, ReportDescriptor } from './rule.js';

/** How long a plugin rule may run by default, in milliseconds (`--rule-timeout`). */
export const DEFAULT_RULE_TIMEOUT_MS = 5000;

const pluginModules = new WeakMap<AnyRule, string>();

/** Remembers the module a plugin rule came from, so that a worker can import it again. */
export function markPluginRule(rule: AnyRule, moduleFile: string): void {
  pluginModules.set(rule, moduleFile);
}

export function pluginModuleOf(rule: AnyRule): string | undefined {
  return pluginModules.get(rule);
}

class RuleTimeoutError extends Error {}

export async function runIsolated(
  rule: AnyRule,
  moduleFile: string,
  loaded: LoadedPolicy,
  { options, today, ruleIds }: { options: Record<string, unknown>; today: string; ruleIds: ReadonlySet<string> },
  timeoutMs: number,
): Promise<ReportDescriptor[]> {
  const graph = { policy: loaded.policy, sections: loaded.sections };
  const nodes = numberNodes(graph);
  const job: PluginJob = { moduleFile, ruleId: rule.meta.id, graph, options, today, ruleIds: [...ruleIds] };
  const message = await inWorker(job, timeoutMs, `did not finish within ${timeoutMs} ms (raise --rule-timeout if it is only slow)`);
  if (!message.ok) throw new Error(message.error);
  const foreign = {};
  const nodeOf = (id: number) => (id >= 0 ? nodes[id] : id === -1 ? foreign : undefined) as object;
  return message.reports.map((report) => ({
    node: nodeOf(report.node),
    key: report.key,
    message: report.message as string,
    ...(report.messageId !== undefined ? { messageId: report.messageId as string, data: report.data } : {}),
    fix: report.fix as string,
    ...(report.priorities ? { priorities: report.priorities } : {}),
    ...(report.milder ? { milder: true } : {}),
    ...(report.edits
      ? {
          edits: report.edits.map((edit) => {
            const value: unknown = edit.value === undefined ? undefined : JSON.parse(edit.value);
            const safety = edit.safety as EditDescriptor['safety'];
            return edit.op === 'set'
              ? { set: { node: nodeOf(edit.node), key: edit.key as string, value }, safety }
              : { append: { node: nodeOf(edit.node) as unknown[], value }, safety };
          }),
        }
      : {}),
  }));
}

/**
 * Imports a plugin module in a worker, never in the main thread, and describes its rules as plain
 * data: top-level code that exits, throws or never ends is stopped there (within the rule timeout)
 * and reported, and can neither end nor hang the run.
 */
export async function describePlugin(moduleFile: string, timeoutMs: number): Promise<DescribedRule[]> {
  const job: PluginJob = {
    moduleFile,
    describe: true,
    ruleId: '',
    graph: { policy: {} as PluginJob['graph']['policy'], sections: {} as PluginJob['graph']['sections'] },
    options: {},
    today: '',
    ruleIds: [],
  };
  const message = await inWorker(
    job,
    timeoutMs,
    `its top-level code did not finish within ${timeoutMs} ms (raise --rule-timeout if it is only slow)`,
  );
  if (!message.ok) throw new Error(message.error);
  return message.rules ?? [];
}

async function inWorker(job: PluginJob, timeoutMs: number, timeoutMessage: string): Promise<WorkerMessage> {
  // Loaded here, not at start-up: only runs with plugins start workers.
  const { Worker } = await importModule<typeof import('node:worker_threads')>('node:worker_threads');
  return new Promise<WorkerMessage>((resolve, reject) => {
    const worker = new Worker(workerFile(), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new RuleTimeoutError(timeoutMessage));
    }, timeoutMs);
    const settle = (action: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    worker.once('message', (value: WorkerMessage) => settle(() => resolve(value)));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`its worker stopped (exit code ${code}) before reporting`))));
  });
}

/**
 * Always the compiled module in dist/src/: a worker needs a file of its own, also when this code
 * runs from the single-file bundle or, under the test runner, from the TypeScript sources.
 */
function workerFile(): URL {
  return pathToFileURL(packageFile('dist/src/engine/plugin-worker.js'));
}
