/**
 * `npm run bench:hostile`: inputs a pull request can craft so that a step of the run would cost the
 * square (or worse) of their size (issue 21, "Denial of service"), at the issue's sizes. Each case is
 * timed in this process (median of three runs, modules loaded); the "before" column is what the
 * code before the fix took on the same machine, measured once when the fix was made. Writes the
 * "Hostile inputs" section of bench/results.md and prints it.
 */
import { Chalk } from 'chalk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globMatcher } from '../src/engine/glob.js';
import { runGate } from '../src/gate/run.js';
import { buildReportModel } from '../src/html-report/model.js';
import { renderReportPage } from '../src/html-report/page.js';
import { lint } from '../src/index.js';
import { BASE_POLICY } from '../src/testing/base-policy.js';
import { markdownText } from '../src/output/neutralize.js';
import { loadFormatter } from '../src/report/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'incentive-lint-hostile-'));

interface Case {
  name: string;
  size: string;
  before: string;
  run: () => unknown;
}

function folderWith(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(work, 'case-'));
  fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Unknown metric ids of 300 characters against as many declared ones, one of them a typo. */
function unknownIdsPolicy(count: number): string {
  const id = (prefix: string, position: number) => `${prefix}-${position}-`.padEnd(300, prefix === 'declared' ? 'x' : 'y');
  const declared = Array.from(
    { length: count },
    (_, position) => `  - { id: ${id('declared', position)}, type: outcome, perspective: financial, segmented: true }`,
  );
  const lines = Array.from(
    { length: count },
    (_, position) => `      - { metric: ${id('unknown', position)}, segment: enterprise, rate: "8%" }`,
  );
  return `${BASE_POLICY}${declared.join('\n')}\ncompensation:\n  - id: ae-2026\n    team: sales\n    commission:\n${lines.join('\n')}\n`;
}

/** 300 priorities, 500 metrics in a proxy chain, 1,000 commission lines (as test/super-linear.test.ts). */
function proxyChainPolicy(): string {
  const [metrics, priorities, lines, favored] = [500, 300, 1000, 20];
  const out = ['version: 1', 'organization: Stress', 'strategy:', '  name: s', '  announced: 2026-03-02', '  priorities:'];
  for (let p = 0; p < priorities; p++) {
    const favor = Array.from({ length: favored }, (_, k) => `m${metrics - 1 - ((p * favored + k) % 50)}`).join(',');
    out.push(`    - { id: p${p}, statement: s, favor: { metrics: [${favor}] }, deprioritize: { metrics: [x${p}] } }`);
  }
  out.push(
    'segments:',
    '  - { id: enterprise, sales_cycle_days: 210, avg_deal_size: 120000 }',
    'teams:',
    '  - { id: sales, kind: revenue, customer_facing: true }',
    'metrics:',
  );
  for (let m = 0; m < metrics; m++)
    out.push(`  - { id: m${m}, type: outcome, perspective: financial${m < metrics - 1 ? `, proxy_for: [m${m + 1}]` : ''} }`);
  for (let p = 0; p < priorities; p++) out.push(`  - { id: x${p}, type: activity, perspective: financial }`);
  out.push('compensation:', '  - id: ae', '    team: sales', '    commission:');
  for (let r = 0; r < lines; r++) out.push(`      - { metric: m${r % 40}, segment: enterprise, rate: "1%" }`);
  return `${out.join('\n')}\n`;
}

const kb = (text: string) => `${Math.round(Buffer.byteLength(text) / 1024)} KB`;

async function main(): Promise<void> {
  const unknownIds = unknownIdsPolicy(250);
  const unknownDir = folderWith('policy.yaml', unknownIds);
  const chain = proxyChainPolicy();
  const chainDir = folderWith('policy.yaml', chain);
  const deepDir = fs.mkdtempSync(path.join(work, 'deep-'));
  const deep = path.join(deepDir, ...Array.from({ length: 1500 }, () => 'a'));
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(deep, 'policy.yaml'), BASE_POLICY);

  const gated = await runGate([path.join(EXAMPLES, 'enterprise-first.yaml')], { cwd: EXAMPLES, config: false, today: '2026-06-01' });
  if (!gated.report) throw new Error('the example did not gate');
  const about = gated.lint.findings.find((finding) => finding.instrument !== undefined)!;
  const many = Array.from({ length: 120_000 }, (_, position) => ({ ...about, line: position + 1 }));
  const manyResult = { ...gated.lint, findings: many };
  const chalk = new Chalk({ level: 0 });
  const junit = (await loadFormatter('junit'))!;
  const markdown = (await loadFormatter('markdown'))!;
  const letters = 'a'.repeat(300_000);
  const pattern = `${'*a'.repeat(40)}b`;
  const longName = 'a'.repeat(100_000);

  const cases: Case[] = [
    {
      name: '`ignore` glob `*a*a*…*ab` (40 stars) against a long file name',
      size: '100,000 characters',
      before: 'minutes (backtracking)',
      run: () => globMatcher([pattern])(longName),
    },
    {
      name: 'unknown-reference: unknown ids of 300 characters against as many declared ones',
      size: `250 × 250, ${kb(unknownIds)}`,
      before: 'more than 5 min (150 × 150)',
      run: () => lint(['policy.yaml'], { cwd: unknownDir, config: false, today: '2026-06-01' }),
    },
    {
      name: 'gate: 300 priorities, a chain of 500 proxies, 1,000 lines',
      size: kb(chain),
      before: '55 s',
      run: () => runGate(['policy.yaml'], { cwd: chainDir, config: false, today: '2026-06-01' }),
    },
    {
      name: 'JUnit: findings in one file',
      size: '120,000 findings',
      before: 'more than 120 s (40,000: 43 s)',
      run: () => junit(manyResult, { chalk }),
    },
    {
      name: 'Markdown: findings in one file',
      size: '120,000 findings',
      before: 'more than 120 s (40,000: 51 s)',
      run: () => markdown(manyResult, { chalk }),
    },
    {
      name: 'HTML report: findings about one instrument',
      size: '120,000 findings',
      before: 'more than 120 s (40,000: 43 s)',
      run: () => renderReportPage(buildReportModel(gated.report, manyResult, gated.lint.loaded!, '2026-06-01', '0')),
    },
    {
      name: 'Markdown escaping of one word',
      size: '300,000 letters',
      before: 'more than 120 s (100,000: 34 s)',
      run: () => markdownText(letters),
    },
    {
      name: 'folder scan of a policy 1,500 folders deep',
      size: '1,500 levels',
      before: '39 s',
      run: () => lint(['.'], { cwd: deepDir, config: false, today: '2026-06-01' }),
    },
  ];

  const lines = [
    '## Hostile inputs',
    '',
    `Measured by \`npm run bench:hostile\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}): inputs a pull request can craft so that a step would cost the square of their size or worse (issue 21). Median of three runs in one process; "before" is the code before each fix on the same machine.`,
    '',
    '| input | size | before | now |',
    '| --- | --- | --- | --- |',
  ];
  for (const item of cases) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await item.run();
      times.push(performance.now() - start);
    }
    const median = times.sort((a, b) => a - b)[1]!;
    lines.push(
      `| ${item.name} | ${item.size} | ${item.before} | ${median >= 1000 ? `${(median / 1000).toFixed(2)} s` : `${Math.round(median)} ms`} |`,
    );
    process.stderr.write(`${item.name}: ${Math.round(median)} ms\n`);
  }
  fs.rmSync(work, { recursive: true, force: true });

  const section = `${lines.join('\n')}\n`;
  const resultsFile = path.join(ROOT, 'bench', 'results.md');
  const current = fs.readFileSync(resultsFile, 'utf8');
  // The section sits before the test suite's, which `npm test` timings fill in.
  const without = current.replace(/\n## Hostile inputs\n[\s\S]*?(?=\n## |$)/, '');
  const at = without.search(/\n## Test suite wall time\n/);
  fs.writeFileSync(resultsFile, at < 0 ? `${without.trimEnd()}\n\n${section}` : `${without.slice(0, at)}\n${section}${without.slice(at)}`);
  process.stdout.write(section);
}

await main();
