/**
 * `npm run bench:population`: simulate --population (10,000 draws per plan by default) over the
 * generated 1k-plan benchmark policy, and at 2× plans and 2× draws to show the cost is linear in
 * plans × draws. Each figure is the median of fresh processes (min–max); the section "simulate
 * --population" of bench/results.md is replaced with the table, and the same text printed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePolicy, writePolicy } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS = path.join(ROOT, 'bench', 'results.md');
const RUNS = 5;

if (process.argv[2] === 'measure') {
  // In a fresh process: load, then time the model alone and the whole command's work.
  const [target, draws] = [process.argv[3]!, Number(process.argv[4])];
  const start = process.hrtime.bigint();
  const { loadPolicy } = await import('../src/load/index.js');
  const { buildPopulationReport, renderPopulation } = await import('../src/population/report.js');
  const loaded = loadPolicy([target], { cwd: path.dirname(target) });
  const loadedAt = process.hrtime.bigint();
  const report = buildPopulationReport(loaded, { seed: 1, draws, distribution: { median: 1, sigma: 0.3 } });
  const modelledAt = process.hrtime.bigint();
  renderPopulation(report, 'stylish');
  const end = process.hrtime.bigint();
  const modelled = report.plans.filter((plan) => plan.skipped === undefined).length;
  process.stdout.write(
    JSON.stringify({
      load: Number(loadedAt - start) / 1e6,
      model: Number(modelledAt - loadedAt) / 1e6,
      total: Number(end - start) / 1e6,
      modelled,
    }),
  );
} else {
  const cases = [
    { plans: 1000, draws: 10_000 },
    { plans: 1000, draws: 20_000 },
    { plans: 2000, draws: 10_000 },
  ];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'incentive-lint-bench-population-'));
  const rows: string[] = [];
  const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);
  let basis: number | undefined;
  for (const { plans, draws } of cases) {
    const target = writePolicy(path.join(folder, `${plans}`), generatePolicy({ plans }));
    const runs = Array.from({ length: RUNS }, () => {
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'measure', target, String(draws)], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      return JSON.parse(run.stdout) as { load: number; model: number; total: number; modelled: number };
    });
    const model = medianOf(runs.map((run) => run.model));
    const modelled = runs[0]!.modelled;
    const perMillion = (model / (modelled * draws)) * 1e6;
    basis ??= perMillion;
    rows.push(
      `| ${plans / 1000}k plans | ${modelled} | ${draws.toLocaleString('en-US')} | ${ms(medianOf(runs.map((run) => run.total)))} | ${ms(medianOf(runs.map((run) => run.load)))} | ${ms(model)} (${ms(Math.min(...runs.map((run) => run.model)))}–${ms(Math.max(...runs.map((run) => run.model)))}) | ${Math.round(perMillion)} ms | ${(perMillion / basis).toFixed(2)} |`,
    );
  }
  fs.rmSync(folder, { recursive: true, force: true });
  const section = `## simulate --population

Measured by \`npm run bench:population\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}. Medians of ${RUNS} fresh processes. Load = read, parse, validate, merge; model = the draws (once, shared by every plan) and every plan with a quota priced at every draw; total adds the stylish output. Per million = model time ÷ (plans modelled × draws): equal across rows means linear in plans × draws.

| policy | plans modelled | draws per plan | total | load | model | per million seller-years | ÷ first row |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
  const results = fs.readFileSync(RESULTS, 'utf8');
  const start = results.indexOf('## simulate --population');
  const next = start < 0 ? -1 : results.indexOf('\n## ', start + 1);
  const updated =
    start < 0 ? `${results.trimEnd()}\n\n${section}` : `${results.slice(0, start)}${section}${next < 0 ? '' : results.slice(next)}`;
  fs.writeFileSync(RESULTS, updated);
  process.stdout.write(section);
}
