/**
 * `npm run bench`: cold start, throughput and scaling of the linter on generated policies, and the
 * parse cache. Every figure is a median over repeated runs in fresh processes, with min and max.
 * Writes bench/results.md and prints the same text. BENCH_SCALES=1000,10000 limits the sizes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePolicy, writePolicy } from './generate.js';
import type { Measurement } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MEASURE = path.join(ROOT, 'dist', 'bench', 'measure.js');
const BIN = path.join(ROOT, 'bin', 'incentive-lint.js');
const SPLIT_FILES = 1000;
const SCALES = (process.env.BENCH_SCALES ?? '1000,10000,100000').split(',').map(Number);
/** The `yaml` package alone takes about 1.3 µs a byte (more on one big file): 100k plans would take minutes. */
const YAML_FLOOR_MAX_BYTES = 12 * 1024 * 1024;

interface Stats {
  median: number;
  min: number;
  max: number;
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

function wallMs(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (run.status === null || run.status > 1) throw new Error(`${args.join(' ')} failed with ${run.status ?? run.signal}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function measure(args: readonly string[]): Measurement {
  const run = spawnSync(process.execPath, ['--max-old-space-size=8192', MEASURE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`measure ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Measurement;
}

function repeat(times: number, args: readonly string[]): Measurement[] {
  return Array.from({ length: times }, () => measure(args));
}

const ms = (value: number) =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
const range = (s: Stats) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
const of = (runs: readonly Measurement[], key: keyof Measurement) => stats(runs.map((run) => run[key] ?? 0));
const scaleName = (plans: number) => (plans >= 1000 ? `${plans / 1000}k` : String(plans));

function folderBytes(target: string): number {
  if (!fs.statSync(target).isDirectory()) return fs.statSync(target).size;
  return fs.readdirSync(target).reduce((total, name) => total + folderBytes(path.join(target, name)), 0);
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const lines: string[] = [];
const out = (...text: string[]) => lines.push(...text);
/** Each figure issue 28 sets a target for, against that target: printed, and written as the last section of the results. */
const targetRows: string[] = [];
function checkTarget(what: string, measured: number, limit: number, shown: (value: number) => string): void {
  const row = `| ${what} | ${shown(measured)} | ≤ ${shown(limit)} | ${measured <= limit ? 'yes' : 'no'} |`;
  targetRows.push(row);
  log(`target: ${what}: ${shown(measured)} (target ≤ ${shown(limit)}, ${measured <= limit ? 'met' : 'not met'})`);
}
const times = (value: number) => `${value.toFixed(2)} ×`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'incentive-lint-bench-'));
const benchStart = performance.now();

out(
  '# Benchmark results',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
    `Node ${process.version}, ${os.platform()} ${os.arch()}. Medians over repeated runs in fresh processes, (min–max).`,
  '',
);

// 1. Cold start, interleaved with the floor every Node CLI pays so that both see the same machine.
log('cold start…');
const coldRuns = 21;
const nodeFloor: number[] = [];
const coldLint: number[] = [];
for (let i = 0; i < coldRuns; i++) {
  nodeFloor.push(wallMs(['-e', '0']));
  coldLint.push(wallMs([BIN, 'examples/enterprise-first.yaml']));
}
const floor = stats(nodeFloor);
const cold = stats(coldLint);
out(
  '## Cold start',
  '',
  '| command | wall time |',
  '| --- | --- |',
  `| \`node -e 0\` | ${range(floor)} |`,
  `| \`incentive-lint examples/enterprise-first.yaml\` | ${range(cold)} |`,
  '',
  `Ratio of medians: **${(cold.median / floor.median).toFixed(2)} ×** \`node -e 0\` (${coldRuns} runs each, interleaved).`,
  '',
);
checkTarget('cold start ÷ `node -e 0`', cold.median / floor.median, 1.6, times);

// 2. Throughput and scaling.
out(
  '## Throughput',
  '',
  'Total = lint (read, parse, validate, merge, index, rules, positions of findings) + the stylish report, in process, modules already loaded. ' +
    'Floors: js-yaml `loadAll` (CORE_SCHEMA) and the `yaml` package alone (`parseAllDocuments` + `toJS`) reading the same files.',
  '',
  '| policy | YAML | findings | total | parse | validate | rules | report | peak memory | js-yaml floor | × js-yaml | `yaml` floor | × `yaml` |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
);
const totals = new Map<string, number>();
const targets = new Map<string, string>();
for (const plans of SCALES) {
  for (const files of [1, SPLIT_FILES]) {
    const layout = files === 1 ? 'one file' : `${files.toLocaleString('en-US')} files`;
    const name = `${scaleName(plans)} plans, ${layout}`;
    log(`${name}: generating…`);
    const target = writePolicy(path.join(work, `${plans}-${files}`), generatePolicy({ plans, files, seed: 42 }));
    targets.set(`${plans}-${files}`, target);
    const bytes = folderBytes(target);
    const reps = plans >= 100_000 ? 1 : plans >= 10_000 ? 3 : 5;
    log(`${name}: lint and js-yaml, interleaved, ×${reps}…`);
    // Interleaved so that the lint and its floor see the same load on a shared machine.
    const runs: Measurement[] = [];
    const jsYamlRuns: Measurement[] = [];
    for (let i = 0; i < reps; i++) {
      runs.push(measure(['lint', target]));
      jsYamlRuns.push(measure(['js-yaml', target]));
    }
    const jsYamlFloor = of(jsYamlRuns, 'total');
    log(`${name}: yaml floor…`);
    const yamlFloor = bytes > YAML_FLOOR_MAX_BYTES ? undefined : of(repeat(plans >= 10_000 ? 1 : reps, ['yaml', target]), 'total');
    const total = of(runs, 'total');
    totals.set(`${plans}-${files}`, total.median);
    if (plans === 10_000) checkTarget(`${name}: lint ÷ js-yaml's load`, total.median / jsYamlFloor.median, 2, times);
    if (plans === 100_000) checkTarget(`${name}: peak memory`, of(runs, 'peakMb').median, 800, (value) => `${Math.round(value)} MB`);
    out(
      `| ${name} | ${(bytes / 1e6).toFixed(1)} MB | ${runs[0]!.findings} | ${range(total)} | ${ms(of(runs, 'parse').median)} | ${ms(of(runs, 'validate').median)} | ` +
        `${ms(of(runs, 'rules').median)} | ${ms(of(runs, 'report').median)} | ${Math.round(of(runs, 'peakMb').median)} MB | ${ms(jsYamlFloor.median)} | ` +
        `${(total.median / jsYamlFloor.median).toFixed(2)} | ${yamlFloor ? ms(yamlFloor.median) : 'not run (minutes)'} | ${yamlFloor ? (total.median / yamlFloor.median).toFixed(2) : '–'} |`,
    );
  }
}
out('');

// 2b. simulate: the rational choice of every plan that pays per deal, against a lint of the same policy.
out(
  '## simulate',
  '',
  'Total = load (read, parse, validate, merge) + index + the simulation of every plan that pays per deal (choices × 4 attainment levels, ' +
    'and a pay-versus-attainment curve every 10% up to 250%) + the stylish output, in process. Lint total measured alternately with it.',
  '',
  '| policy | plans simulated | total | load | index + simulate | output | peak memory | lint total | simulate ÷ lint |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
);
for (const plans of SCALES.filter((scale) => scale <= 10_000)) {
  for (const files of [1, SPLIT_FILES]) {
    const name = `${scaleName(plans)} plans, ${files === 1 ? 'one file' : `${files.toLocaleString('en-US')} files`}`;
    const target = targets.get(`${plans}-${files}`)!;
    const reps = plans >= 10_000 ? 3 : 5;
    log(`${name}: simulate and lint, interleaved, ×${reps}…`);
    const simulated: Measurement[] = [];
    const linted: Measurement[] = [];
    for (let i = 0; i < reps; i++) {
      simulated.push(measure(['simulate', target]));
      linted.push(measure(['lint', target]));
    }
    const total = of(simulated, 'total');
    const lintTotal = of(linted, 'total');
    if (plans === 10_000) checkTarget(`${name}: simulate ÷ lint`, total.median / lintTotal.median, 1, times);
    out(
      `| ${name} | ${simulated[0]!.findings} | ${range(total)} | ${ms(of(simulated, 'parse').median)} | ${ms(of(simulated, 'rules').median)} | ` +
        `${ms(of(simulated, 'report').median)} | ${Math.round(of(simulated, 'peakMb').median)} MB | ${range(lintTotal)} | ${(total.median / lintTotal.median).toFixed(2)} |`,
    );
  }
}
out('');

// 3. Scaling exponent: time ∝ size^k between 10k and 100k plans.
if (SCALES.includes(10_000) && SCALES.includes(100_000)) {
  out('## Scaling, 10k → 100k plans', '', '| layout | 10k | 100k | growth | exponent |', '| --- | --- | --- | --- | --- |');
  for (const files of [1, SPLIT_FILES]) {
    const small = totals.get(`10000-${files}`)!;
    const large = totals.get(`100000-${files}`)!;
    checkTarget(
      `10k → 100k plans, ${files === 1 ? 'one file' : `${files} files`}: exponent`,
      Math.log(large / small) / Math.log(10),
      1.05,
      (value) => value.toFixed(2),
    );
    out(
      `| ${files === 1 ? 'one file' : `${files} files`} | ${ms(small)} | ${ms(large)} | ${(large / small).toFixed(1)} × | ${(Math.log(large / small) / Math.log(10)).toFixed(2)} |`,
    );
  }
  out('', 'Exponent k in time ∝ size^k: 1.00 is linear.', '');
}

// 4. The parse cache on the largest policy of at most 10k plans.
const cachePlans = Math.max(...SCALES.filter((plans) => plans <= 10_000));
out(
  `## --cache (${scaleName(cachePlans)} plans)`,
  '',
  '| policy | no cache | first run (writes the cache) | unchanged | one file changed |',
  '| --- | --- | --- | --- | --- |',
);
for (const files of [1, SPLIT_FILES]) {
  const target = targets.get(`${cachePlans}-${files}`)!;
  log(`cache, ${files} file(s)…`);
  const cacheFile = path.join(work, `cache-${files}`);
  const reps = 3;
  const none = of(repeat(reps, ['lint', target]), 'total');
  const first: number[] = [];
  const warm: number[] = [];
  const changed: number[] = [];
  for (let i = 0; i < reps; i++) {
    fs.rmSync(cacheFile, { force: true });
    first.push(measure(['lint', target, '--cache', cacheFile]).total);
    warm.push(measure(['lint', target, '--cache', cacheFile]).total);
    const touched = files === 1 ? target : path.join(target, fs.readdirSync(target).sort()[1]!);
    fs.appendFileSync(touched, `# touched ${i}\n`);
    changed.push(measure(['lint', target, '--cache', cacheFile]).total);
  }
  out(
    `| ${files === 1 ? 'one file' : `${files} files`} | ${range(none)} | ${range(stats(first))} | ${range(stats(warm))} | ${range(stats(changed))} |`,
  );
}
out('', `Bench time: ${ms(performance.now() - benchStart)}.`, '');
out('## Targets (issue 28)', '', '| figure | measured | target | met |', '| --- | --- | --- | --- |', ...targetRows, '');

fs.rmSync(work, { recursive: true, force: true });
const text = `${lines.join('\n')}`;
// The hostile inputs (npm run bench:hostile) and the test suite's wall time (npm test) are measured elsewhere: their sections, last in the file, are kept.
const resultsFile = path.join(ROOT, 'bench', 'results.md');
const testSuiteSection = fs.existsSync(resultsFile)
  ? (/\n## (?:Hostile inputs|Test suite wall time)\n[\s\S]*$/.exec(fs.readFileSync(resultsFile, 'utf8'))?.[0] ?? '')
  : '';
fs.writeFileSync(resultsFile, text + testSuiteSection);
process.stdout.write(text);
