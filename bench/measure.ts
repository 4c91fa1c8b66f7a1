/**
 * One measurement in a fresh process, printed as JSON for bench/run.ts. Modules are imported before
 * the clock starts; reading the files is inside it for every mode.
 *
 *   node dist/bench/measure.js lint PATH [--cache FILE] [--loader fast|exact|auto]
 *   node dist/bench/measure.js js-yaml PATH      js-yaml's load of the same files (CORE_SCHEMA)
 *   node dist/bench/measure.js yaml PATH         the `yaml` package alone (parseAllDocuments + toJS)
 *   node dist/bench/measure.js simulate PATH [--format stylish|json|markdown]   `simulate` of every plan
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Measurement {
  total: number;
  parse?: number;
  validate?: number;
  rules?: number;
  report?: number;
  findings?: number;
  /** Peak resident memory of the process, in MB. */
  peakMb: number;
}

function yamlFiles(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(target, name));
}

async function measure(mode: string, target: string, flags: string[]): Promise<Measurement> {
  const flag = (name: string) => {
    const at = flags.indexOf(name);
    return at === -1 ? undefined : flags[at + 1];
  };
  if (mode === 'js-yaml') {
    const { default: jsYaml } = await import('js-yaml');
    const start = performance.now();
    for (const file of yamlFiles(target)) jsYaml.loadAll(fs.readFileSync(file, 'utf8'), undefined, { schema: jsYaml.CORE_SCHEMA });
    return { total: performance.now() - start, peakMb: peakMb() };
  }
  if (mode === 'yaml') {
    const { parseAllDocuments } = await import('yaml');
    const start = performance.now();
    for (const file of yamlFiles(target)) {
      for (const document of parseAllDocuments(fs.readFileSync(file, 'utf8'), { version: '1.2', schema: 'core', merge: false })) {
        if ('toJS' in document) document.toJS();
      }
    }
    return { total: performance.now() - start, peakMb: peakMb() };
  }
  if (mode === 'simulate') return simulate(target, (flag('--format') ?? 'stylish') as 'stylish' | 'json' | 'markdown');
  const { lint } = await import('../src/lint.js');
  const { emptyTimings } = await import('../src/timing.js');
  const { loadFormatter } = await import('../src/report/index.js');
  const { Chalk } = await import('chalk');
  const stylish = (await loadFormatter('stylish'))!;
  const timings = emptyTimings();
  const cache = flag('--cache');
  const loader = flag('--loader') as 'fast' | 'exact' | 'auto' | undefined;
  const start = performance.now();
  const result = await lint([target], {
    cwd: path.dirname(target),
    today: '2026-06-01',
    timings,
    loader,
    cache: cache !== undefined,
    cacheLocation: cache,
  });
  const linted = performance.now();
  const report = stylish(result, { chalk: new Chalk({ level: 0 }) });
  const end = performance.now();
  if (result.diagnostics.length > 0) throw new Error(`the benchmark policy did not load: ${result.diagnostics[0]!.message}`);
  if (report.length === 0) throw new Error('empty report');
  return { total: end - start, ...timings, report: end - linted, findings: result.findings.length, peakMb: peakMb() };
}

/** Load (parse, validate), simulate every plan that pays per deal, render: what `incentive-lint simulate` does. */
async function simulate(target: string, format: 'stylish' | 'json' | 'markdown'): Promise<Measurement> {
  const { loadPolicy } = await import('../src/load/index.js');
  const { buildSimulationReport, renderSimulation } = await import('../src/payout/report.js');
  const { Chalk } = await import('chalk');
  const start = performance.now();
  const loaded = loadPolicy([target], { cwd: path.dirname(target) });
  const parsed = performance.now();
  const report = buildSimulationReport(loaded, { date: '2026-06-01' });
  const simulated = performance.now();
  const text = renderSimulation(report, format, new Chalk({ level: 0 }));
  const end = performance.now();
  if (text.length === 0 || report.plans.length === 0) throw new Error('nothing simulated');
  return {
    total: end - start,
    parse: parsed - start,
    rules: simulated - parsed,
    report: end - simulated,
    findings: report.plans.length,
    peakMb: peakMb(),
  };
}

function peakMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

const [mode = 'lint', target = '.', ...flags] = process.argv.slice(2);
process.stdout.write(`${JSON.stringify(await measure(mode, path.resolve(target), flags))}\n`);
