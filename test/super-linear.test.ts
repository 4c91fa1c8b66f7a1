/**
 * Inputs a pull request can craft so that a step of the run costs the square (or worse) of their
 * size (issue 21, "Denial of service"). Each case runs at a size where the code before the fix took
 * far longer than the test's timeout (the figure is in the case's name) and the fix takes a small
 * part of it; the output is checked, not the time. bench/hostile.ts measures the issue's sizes.
 */
import { Chalk } from 'chalk';
import fs from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/run.js';
import { runGate, type GateOutcome } from '../src/gate/run.js';
import { buildReportModel } from '../src/html-report/model.js';
import { compareFindings } from '../src/diff/finding-changes.js';
import { renderReportPage } from '../src/html-report/page.js';
import { editDistance } from '../src/diagnostics.js';
import { markdownText } from '../src/output/neutralize.js';
import { loadFormatter } from '../src/report/index.js';
import { lint } from '../src/index.js';
import { BASE_POLICY, EXAMPLES, findingsOf, lintText, tempDir } from './helpers.js';

/** The test's own limit: well above what the fixed code takes on a loaded machine, far below the old cost. */
const LIMIT = 30_000;

describe('formatters group findings in linear time', () => {
  const COUNT = 40_000;
  let outcome: Extract<GateOutcome, { report: object }>;
  let many: Finding[];
  beforeAll(async () => {
    const gated = await runGate([path.join(EXAMPLES, 'enterprise-first.yaml')], { cwd: EXAMPLES, config: false, today: '2026-06-01' });
    if (!gated.report) throw new Error('the example did not gate');
    outcome = gated;
    const about = gated.lint.findings.find((finding) => finding.instrument !== undefined)!;
    // Every finding in one file, about one instrument, with short texts: what costs is the grouping, not the text.
    many = Array.from({ length: COUNT }, (_, position) => ({ ...about, line: position + 1, message: `m${position}`, fix: 'f' }));
  });

  async function render(format: string): Promise<string> {
    return (await loadFormatter(format))!({ ...outcome.lint, findings: many }, { chalk: new Chalk({ level: 0 }) });
  }

  it(`JUnit: ${COUNT} findings in one file are one suite of ${COUNT} cases, in order (before: 43 s)`, { timeout: LIMIT }, async () => {
    const xml = await render('junit');
    // Read back in full at a small size (report-formats.test.ts); here the counts and the order.
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    expect([...xml.matchAll(/<testcase [^>]* line="(\d+)"/g)].map((match) => Number(match[1]))).toEqual(
      many.map((finding) => finding.line),
    );
  });

  it(`Markdown: ${COUNT} findings in one file are one table of ${COUNT} rows, in order (before: 51 s)`, { timeout: LIMIT }, async () => {
    const text = await render('markdown');
    expect(text.match(/^#### /gm)).toHaveLength(1);
    expect([...text.matchAll(/^\| (\d+):\d+ \|/gm)].map((match) => Number(match[1]))).toEqual(many.map((finding) => finding.line));
  });

  it(`report --since: ${COUNT} alike findings then and ${COUNT + 1} now are matched one to one (before: 33 s)`, { timeout: LIMIT }, () => {
    const alike = many.map((finding) => ({ ...finding, message: 'the same' }));
    const compared = compareFindings(alike, [...alike, { ...alike[0]! }]);
    expect([compared.unchanged.length, compared.added.length, compared.fixed.length]).toEqual([COUNT, 1, 0]);
    expect(compareFindings(alike, alike.slice(1)).fixed).toEqual([alike.at(-1)]);
  });

  it(`HTML report: ${COUNT} findings are listed once each, grouped by what they are about (before: 43 s)`, { timeout: LIMIT }, () => {
    const page = renderReportPage(
      buildReportModel(outcome.report, { ...outcome.lint, findings: many }, outcome.lint.loaded!, '2026-06-01', '0'),
    );
    const gateFindings = new Set([...outcome.report.steps.flatMap((step) => step.findings), ...outcome.report.blocking]);
    expect(page.match(/<li class="finding /g)).toHaveLength(COUNT + gateFindings.size);
    expect(page).toContain(`m${COUNT - 1}`);
  });
});

describe('Markdown escaping is linear', () => {
  it('a text of 100,000 letters with no mention is escaped at once (before: 34 s; 300,000 letters: more than two minutes)', {
    timeout: LIMIT,
  }, () => {
    const letters = 'a'.repeat(100_000);
    expect(markdownText(letters)).toBe(letters);
    expect(markdownText(`${letters}@team`)).toBe(`\`${letters}@team\``);
    expect(markdownText(`${letters} www.${letters}`)).toBe(`${letters} \`www.${letters}\``);
  });

  it('finds the same mentions and links as the backtracking expression did, on any short text', () => {
    const before = /(?<![A-Za-z0-9+.-])(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[^\s`|<>]+|[\w.+-]*(?:@[\w.+/-]+)+/g;
    const shownBefore = (value: string) => {
      let out = '';
      let last = 0;
      for (const match of value.matchAll(before)) {
        out += markdownText(value.slice(last, match.index));
        out += `\`${match[0]}\``;
        last = match.index + match[0].length;
      }
      return out + markdownText(value.slice(last));
    };
    const text = fc
      .array(fc.constantFrom('a', 'w', 'www.', '@', '.', '+', '-', '/', ':', '://', ' ', '_', '1'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(markdownText(value)).toBe(shownBefore(value));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['ping @octocat now', 'ping `@octocat` now'],
    ['mail a.b+c@example.com', 'mail `a.b+c@example.com`'],
    ['team @org/reviewers', 'team `@org/reviewers`'],
    ['a@b@c chain', '`a@b@c` chain'],
    ['x/y@z', 'x/`y@z`'],
    ['trailing @', 'trailing @'],
    ['see https://example.com/a|b', 'see `https://example.com/a`\\|b'],
  ])('%s is shown as %s, as before', (input, shown) => {
    expect(markdownText(input)).toBe(shown);
  });
});

/** The full table, as the distance was computed before: the reference the banded one must agree with. */
function optimalStringAlignment(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('"did you mean" is bounded', () => {
  it('the edit distance with a limit stops at the limit: a long id far from every declared one costs its length, not its square', () => {
    const long = 'a'.repeat(50_000);
    expect(editDistance(long, 'b'.repeat(50_000), 3)).toBe(4);
    expect(editDistance(`${long}x`, `${long}y`, 3)).toBe(1);
    expect(editDistance('defect-rat', 'defect-rate', 3)).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });

  it('with or without a limit, the distance is the same wherever it is within the limit', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 5 }), (a, b, limit) => {
        const full = optimalStringAlignment(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, limit)).toBe(full <= limit ? full : limit + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('150 unknown ids of 300 characters against 150 declared ones: every one reported, a typo still suggested (before: more than five minutes)', {
    timeout: LIMIT,
  }, async () => {
    const COUNT = 150;
    const id = (prefix: string, position: number) => `${prefix}-${position}-`.padEnd(300, prefix === 'declared' ? 'x' : 'y');
    const typo = `${id('declared', 7).slice(0, 150)}z${id('declared', 7).slice(151)}`;
    const declared = Array.from(
      { length: COUNT },
      (_, position) => `  - { id: ${id('declared', position)}, type: outcome, perspective: financial, segmented: true }`,
    );
    const lines = [typo, ...Array.from({ length: COUNT - 1 }, (_, position) => id('unknown', position))].map(
      (metric) => `      - { metric: ${metric}, segment: enterprise, rate: "8%" }`,
    );
    const policy = `${BASE_POLICY}${declared.join('\n')}\ncompensation:\n  - id: ae-2026\n    team: sales\n    commission:\n${lines.join('\n')}\n`;
    const found = findingsOf(await lintText(policy, { rules: { 'unknown-reference': 'error' } }), 'unknown-reference');
    expect(found).toHaveLength(COUNT);
    expect(found[0]!.message).toBe(`Unknown metric "${typo}"; did you mean "${id('declared', 7)}"?`);
  });
});

describe('a folder scan costs the size of the tree', () => {
  it('a policy 1,500 folders deep is found and linted (before: 39 s; each folder asked the system for its real path again)', {
    timeout: LIMIT,
  }, async () => {
    const dir = tempDir();
    const deep = path.join(dir, ...Array.from({ length: 1500 }, () => 'a'));
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, 'policy.yaml'), BASE_POLICY);
    const result = await lint(['.'], { cwd: dir, today: '2026-06-01', config: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toEqual([`${'a/'.repeat(1500)}policy.yaml`]);
  });
});

/**
 * 300 priorities, 500 metrics each declared a proxy for the next (a chain), 1,000 commission lines:
 * every line stands toward every priority through up to 500 proxies (168 KB). One priority favors a
 * metric nothing pays.
 */
function proxyChainPolicy(): string {
  const [metrics, priorities, lines, favored] = [500, 300, 1000, 20];
  const out = ['version: 1', 'organization: Stress', 'strategy:', '  name: s', '  announced: 2026-03-02', '  priorities:'];
  for (let p = 0; p < priorities; p++) {
    const favor = Array.from({ length: favored }, (_, k) => `m${metrics - 1 - ((p * favored + k) % 50)}`).join(',');
    out.push(`    - { id: p${p}, statement: s, favor: { metrics: [${favor}] }, deprioritize: { metrics: [x${p}] } }`);
  }
  out.push('    - { id: lonely, statement: s, favor: { metrics: [unpaid] } }');
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
  out.push(
    '  - { id: unpaid, type: outcome, perspective: financial }',
    'compensation:',
    '  - id: ae',
    '    team: sales',
    '    commission:',
  );
  for (let r = 0; r < lines; r++) out.push(`      - { metric: m${r % 40}, segment: enterprise, rate: "1%" }`);
  return `${out.join('\n')}\n`;
}

describe('the stance of a line toward a priority is computed once per metric', () => {
  it('300 priorities served through a chain of 500 proxies: the gate finds only the one nothing rewards (before: 55 s)', {
    timeout: LIMIT,
  }, async () => {
    const dir = tempDir({ 'policy.yaml': proxyChainPolicy() });
    const outcome = await runGate(['policy.yaml'], { cwd: dir, config: false, today: '2026-06-01' });
    if (!outcome.report) throw new Error(JSON.stringify(outcome.diagnostics));
    const step = outcome.report.steps.find((candidate) => candidate.id === 'priorities-rewarded')!;
    expect(step.findings.map((finding) => [finding.rule, finding.subject ?? finding.instrument])).toEqual([
      ['uncovered-priority', 'lonely'],
      ['lever-coverage', 'lonely'],
    ]);
  });
});
