/**
 * The HTML report in a real browser (system Chromium, one launch for the file): each example's
 * report loads with no console error and no request, shows one heatmap cell per priority × team
 * with the matrix's label and one timeline bar per instrument, prints to PDF, passes axe-core at
 * serious and critical level, and renders hostile policy text as text. Screenshots of each report
 * are written to test-artifacts/ (not compared); the README's screenshot is made here too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHtmlReport } from '../src/html-report/run.js';
import { loadPolicy } from '../src/load/index.js';
import { buildMatrix } from '../src/matrix/build.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';
import { pdfWords, renderPdfPage } from './pdf.js';

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'html-report');
const README_SCREENSHOT = path.join(ROOT, 'docs', 'report-enterprise-first.png');
const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TODAY = '2026-02-01';

interface Example {
  name: string;
  cwd: string;
  file: string;
}

const EXAMPLE_REPORTS: readonly Example[] = [
  ...[
    'enterprise-first',
    'aligned',
    'non-revenue-teams',
    'quality-over-speed',
    'shared-incentives',
    'quota-plan',
    'quota-plan-aligned',
  ].map((name) => ({ name, cwd: ROOT, file: path.join(EXAMPLES, `${name}.yaml`) })),
  { name: 'plugins', cwd: path.join(EXAMPLES, 'plugins'), file: 'policy.yaml' },
];

interface MatrixJson {
  teams: string[];
  rows: { priority: string; cells: Record<string, { status: string; reinforcedBy: string[]; underminedBy: string[] }> }[];
}

/**
 * Writes the report of the example through the programmatic path the CLI calls (in process: the
 * suite stays fast; report-command.test.ts runs the binary) and returns its path and verdict.
 */
async function writeReport(example: Example, name = example.name): Promise<{ file: string; verdict: string }> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const outcome = await runHtmlReport([example.file], { cwd: example.cwd, today: TODAY });
  expect(outcome.diagnostics).toEqual([]);
  if (outcome.html === undefined) throw new Error(`no report for ${name}`);
  const file = path.join(ARTIFACTS, `${name}.html`);
  fs.writeFileSync(file, outcome.html);
  return { file, verdict: outcome.verdict };
}

/**
 * The analyst pack with its unversioned recognition file swapped for another tool's YAML: since
 * issue 24 policy content without `version: 1` stops the run, and an unrelated file is what is
 * still skipped and listed.
 */
function analystPackWithCiFile(): Example {
  const dir = fs.mkdtempSync(path.join(ARTIFACTS, 'analyst-pack-'));
  fs.cpSync(path.join(ROOT, 'test/fixtures/analyst-pack'), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'recognition.yaml'));
  fs.writeFileSync(
    path.join(dir, 'ci.yml'),
    'name: policy\non: [pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx --no-install incentive-lint\n',
  );
  return { name: 'analyst-pack', cwd: dir, file: '.' };
}

/** What `matrix --format json` prints for the example: the heatmap must show the same cells. */
function matrixOf(example: Example): MatrixJson {
  return buildMatrix(loadPolicy([example.file], { cwd: example.cwd }));
}

function instrumentCount(example: Example): number {
  const policy = yaml.load(fs.readFileSync(path.resolve(example.cwd, example.file), 'utf8')) as Record<string, unknown[] | undefined>;
  return ['compensation', 'okrs', 'promotions', 'recognition'].reduce((count, lever) => count + (policy[lever]?.length ?? 0), 0);
}

interface Visit {
  page: Page;
  consoleErrors: string[];
  /** Every request the page made besides loading the report itself. */
  requests: string[];
  dialogs: string[];
}

/** Opens the report with requests intercepted (and refused) and console errors collected. */
async function visit(browser: TestBrowser, file: string, options: { javaScript: boolean }): Promise<Visit> {
  const page = await browser.browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.setJavaScriptEnabled(options.javaScript);
  const visited: Visit = { page, consoleErrors: [], requests: [], dialogs: [] };
  const documentUrl = pathToFileURL(file).href;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === documentUrl) return void request.continue();
    visited.requests.push(request.url());
    void request.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') visited.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => visited.consoleErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    visited.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(documentUrl, { waitUntil: 'load' });
  return visited;
}

async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
  });
}

let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the HTML report in Chromium', () => {
  it.each(EXAMPLE_REPORTS)(
    '$name: loads offline with no error, one cell per priority × team, one bar per instrument, a PDF and no serious accessibility problem',
    async (example) => {
      const { file, verdict } = await writeReport(example);
      const matrix = matrixOf(example);

      // With JavaScript off, as a board pack is often opened: everything is in the markup.
      const { page, consoleErrors, requests, dialogs } = await visit(browser, file, { javaScript: false });
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(0);
      expect(await page.$eval('[data-verdict]', (element) => element.getAttribute('data-verdict'))).toBe(verdict);

      const cells = await page.$$eval('td[data-cell]', (elements) =>
        elements.map((element) => ({
          priority: element.getAttribute('data-priority'),
          team: element.getAttribute('data-team'),
          label: element.querySelector('.status')!.textContent!.trim(),
          items: element.querySelectorAll('.evidence li').length,
        })),
      );
      expect(cells).toHaveLength(matrix.rows.length * matrix.teams.length);
      const expected = matrix.rows.flatMap((row) =>
        matrix.teams.map((team) => {
          const cell = row.cells[team]!;
          return {
            priority: row.priority,
            team,
            label: expect.stringMatching(new RegExp(`${cell.status}$`)),
            items: cell.reinforcedBy.length + cell.underminedBy.length,
          };
        }),
      );
      expect(cells).toEqual(expected);

      const bars = await page.$$eval('svg.timeline rect.bar', (elements) =>
        elements.map((element) => element.getAttribute('data-instrument')),
      );
      expect(bars).toHaveLength(instrumentCount(example));
      expect(new Set(bars).size).toBe(bars.length);

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      await page.screenshot({ path: path.join(ARTIFACTS, `${example.name}.png`), fullPage: true, optimizeForSpeed: true });

      // axe-core needs scripts: the page again with JavaScript on, still with no request and no error.
      await page.setJavaScriptEnabled(true);
      await page.reload({ waitUntil: 'load' });
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(requests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.close();
    },
  );

  it('enterprise-first: the verdict says no-go and why, on the first screen; the README screenshot is made from it', async () => {
    const example = EXAMPLE_REPORTS[0]!;
    const { page } = await visit(browser, (await writeReport(example, 'enterprise-first-top')).file, { javaScript: false });
    const verdict = await page.$eval('.verdict', (element) => ({
      text: (element as HTMLElement).innerText,
      bottom: element.getBoundingClientRect().bottom,
    }));
    expect(verdict.text).toContain('NO-GO');
    expect(verdict.text).toContain('4 of 4 readiness steps fail');
    expect(verdict.text).toContain('5 of 15 priority × team cells are undermined');
    expect(verdict.text).toContain('product-2026-q3 starts 121 days after the announcement');
    expect(verdict.text).toContain(
      "ae-2026 pays most per month of effort for SMB (under 200 employees), which the strategy deprioritizes, at any attainment (1,371 a month against 960 for Enterprise (1,000+ employees)): the rational choice is not the strategy's",
    );
    expect(verdict.bottom).toBeLessThan(900);
    const choice = await page.$eval('[data-plan="ae-2026"] [data-choice="rational"]', (element) => element.getAttribute('data-segment'));
    expect(choice).toBe('smb');
    // Each step links to findings of its own rules, and each finding links to its rule's documentation.
    const stepLinks = await page.$$eval('tr[data-step] a', (links) =>
      links.map((link) => {
        const target = document.getElementById(link.getAttribute('href')!.slice(1));
        return { step: link.closest('tr')!.getAttribute('data-step'), rule: target?.getAttribute('data-rule') ?? null };
      }),
    );
    expect(stepLinks.length).toBeGreaterThan(0);
    expect(stepLinks.filter((link) => link.step === 'incentives-updated').map((link) => link.rule)).toContain('flat-commission');
    expect(stepLinks.filter((link) => link.step === 'recognition-reinforces').every((link) => link.rule === 'recognition-mismatch')).toBe(
      true,
    );
    expect(stepLinks.every((link) => link.rule !== null)).toBe(true);
    const docs = await page.$$eval('li.finding[data-rule="flat-commission"] a.rule', (links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(docs).toEqual(['https://github.com/incentive-lint/incentive-lint/blob/main/docs/rules.md#flat-commission']);
    expect(
      await page.$$eval('li.finding', (findings) =>
        findings.every((finding) => finding.querySelector('.fix')!.textContent!.startsWith('Fix: ')),
      ),
    ).toBe(true);
    const heatmapBottom = await page.$eval('#heatmap', (element) => element.getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({ path: README_SCREENSHOT, clip: { x: 0, y: 0, width: 1200, height: Math.ceil(heatmapBottom) + 16 } });
    await page.close();
  });

  it('aligned: the verdict says go and why', async () => {
    const { page } = await visit(browser, (await writeReport(EXAMPLE_REPORTS[1]!, 'aligned-top')).file, { javaScript: false });
    const text = await page.$eval('.verdict', (element) => (element as HTMLElement).innerText);
    expect(text).toContain('GO');
    expect(text).not.toContain('NO-GO');
    expect(text).toContain('All 4 readiness steps pass');
    expect(text).toContain('No team is rewarded against a priority');
    expect(text).toContain('Every instrument is in force by the announcement on 2026-03-02');
    expect(text).toContain(
      "At every level, ae-2026 pays most per month of effort for Enterprise (1,000+ employees), which the strategy favors: the rational choice is the strategy's",
    );
    await page.close();
  });

  it('quota-plan: one pay-versus-attainment curve per segment, and the rational choice marked at each attainment level', async () => {
    const example = EXAMPLE_REPORTS.find((candidate) => candidate.name === 'quota-plan')!;
    const simulation = JSON.parse(runCli(['simulate', example.file, '--format', 'json', '--date', '2026-03-02']).stdout) as {
      plans: { plan: string; choices: { segment: string }[]; winners: { attainment: number | null; segment: string }[] }[];
    };
    const { page } = await visit(browser, (await writeReport(example, 'quota-plan-curves')).file, { javaScript: false });
    for (const plan of simulation.plans) {
      const figure = `figure[data-plan="${plan.plan}"]`;
      if (plan.winners[0]?.attainment === null) {
        expect(await page.$$eval(`${figure} g.pay-row`, (rows) => rows.map((row) => row.getAttribute('data-segment')))).toEqual(
          plan.choices.map((choice) => choice.segment),
        );
        expect(await page.$eval(`${figure} [data-choice="rational"]`, (row) => row.getAttribute('data-segment'))).toBe(
          plan.winners[0]!.segment,
        );
        continue;
      }
      expect(await page.$$eval(`${figure} g.curve`, (curves) => curves.map((curve) => curve.getAttribute('data-segment')))).toEqual(
        plan.choices.map((choice) => choice.segment),
      );
      expect(
        await page.$$eval(`${figure} g.level`, (levels) =>
          levels.map((level) => [level.getAttribute('data-level'), level.getAttribute('data-choice')]),
        ),
      ).toEqual(plan.winners.map((winner) => [`${Math.round(winner.attainment! * 100)}%`, winner.segment]));
    }
    const ae = await page.$eval('figure[data-plan="ae-2026"]', (element) => (element as HTMLElement).innerText);
    expect(ae).toContain('pays most per month of effort for SMB (under 200 employees), which the strategy deprioritizes');
    await page.close();
  });

  it('the analyst pack: a skipped file, a step that cannot be judged, the Q1 SPIFF priced in Q1, names and dollars', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const pack = analystPackWithCiFile();
    const { page } = await visit(browser, (await writeReport(pack)).file, { javaScript: false });
    expect(await page.$eval('[data-skipped]', (element) => (element as HTMLElement).innerText)).toContain('ci.yml');
    const step = await page.$eval('tr[data-step="recognition-reinforces"]', (row) => ({
      status: row.getAttribute('data-status'),
      text: (row as HTMLElement).innerText,
    }));
    expect(step.status).toBe('cannot-judge');
    expect(step.text).toContain('cannot judge');
    expect(step.text).toContain('Cannot judge: no recognition program declared.');
    const verdict = await page.$eval('.verdict', (element) => (element as HTMLElement).innerText);
    expect(verdict).toContain('NO-GO');
    expect(verdict).toMatch(
      /^Account Executive plan FY2027 \(Account executives, 40 people\): 50% of on-target pay rewards Small business/m,
    );
    const plan = await page.$eval('figure[data-plan="ae-fy2027"]', (element) => (element as HTMLElement).innerText);
    expect(plan).toContain('Account Executive plan FY2027 (Account executives)');
    expect(plan).toContain('USD 3,341 a month against USD 2,400 for Enterprise (1,000+ employees)');
    // At 100% of quota: 1,000,000 in 83.3 deals, 38.9 months; the SPIFF pays on the 87 days of Q1 from the announcement.
    const smbAtQuota = await page.$eval('figure[data-plan="ae-fy2027"] table.levels tr[data-segment="smb"] td:nth-of-type(2)', (cell) =>
      cell.textContent!.trim(),
    );
    expect(smbAtQuota).toMatch(/^3,341/);
    const heads = await page.$$eval('table.heatmap thead th', (cells) => cells.map((cell) => cell.firstChild!.textContent!.trim()));
    expect(heads).toContain('Account executives');
    expect(await page.$eval('#pay .lead', (element) => element.textContent)).not.toContain('Rational choice: close SMB deals');
    await page.close();
  });

  it.each(['enterprise-first', 'analyst-pack'])(
    '%s prints on A4: margins, no file path in a header or footer, and the heatmap header row is never stranded at a page foot',
    async (name) => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const example: Example = name === 'analyst-pack' ? analystPackWithCiFile() : EXAMPLE_REPORTS[0]!;
      const { file } = await writeReport(example, `${name}-print`);
      const { page } = await visit(browser, file, { javaScript: false });
      const firstRow = await page.$eval('table.heatmap tbody th[scope=row]', (cell) => cell.firstChild!.textContent!.trim());
      // As the test prints, and as a user's browser prints by default (with its header and footer on):
      // the page's @page margin boxes take their place, so the local file path never prints.
      for (const displayHeaderFooter of [false, true]) {
        const pdfFile = path.join(ARTIFACTS, `${name}-print${displayHeaderFooter ? '-hf' : ''}.pdf`);
        fs.writeFileSync(pdfFile, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter }));
        const words = pdfWords(pdfFile);
        const text = words.map((word) => word.text).join(' ');
        expect(text).not.toContain('file:');
        expect(text).not.toContain(path.basename(file));
        expect(text).toMatch(/page 1 of \d+/);
        // A4 in points, with the report's margins: no word within 10 mm of an edge.
        for (const word of words) {
          expect(word.pageWidth).toBeCloseTo(595, 0);
          expect(word.pageHeight).toBeCloseTo(842, 0);
          expect(word.xMin).toBeGreaterThan(28);
          expect(word.yMin).toBeGreaterThan(28);
        }
        // The heatmap's header row ("priority \ team") is on the page of its first row, above it.
        const header = words.findIndex((word, index) => word.text === '\\' && words[index - 1]?.text === 'priority');
        expect(header).toBeGreaterThan(0);
        const row = words.findIndex((word, index) => index > header && word.text.startsWith(firstRow.split(/[\s-]/)[0]!));
        expect(row).toBeGreaterThan(header);
        expect(words[row]!.page).toBe(words[header]!.page);
        expect(words[row]!.yMin).toBeGreaterThan(words[header]!.yMax);
      }
      // Page 1 rendered to an image, as a reviewer looks at it (test-artifacts/).
      const png = renderPdfPage(path.join(ARTIFACTS, `${name}-print.pdf`), 1, path.join(ARTIFACTS, `${name}-print-page1`));
      expect(fs.readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
      await page.close();
    },
  );

  it('renders hostile policy text (<script>, </svg>, quotes, newlines) as text, in a file whose name is markup', async () => {
    const hostile = {
      organization: 'Acme <script>alert(1)</script> & "Sons"',
      strategy: "</svg><script>alert('x')</script>",
      statement: 'Win </svg> "enterprise" \'accounts\'\n<img src=x onerror=alert(1)>',
      team: 'Sales </td></tr></table><script>alert(2)</script>',
      award: 'Top closer\n</svg><script>alert(4)</script> "quoted"',
      reason: 'Because <script>alert(5)</script>\nand "more"',
      owner: 'CRO </td><img src=owner.png>',
    };
    const quoted = (text: string) => JSON.stringify(text);
    const policy = `version: 1
organization: ${quoted(hostile.organization)}
strategy:
  name: ${quoted(hostile.strategy)}
  announced: 2026-03-02
  priorities:
    - id: enterprise-growth
      statement: ${quoted(hostile.statement)}
      favor: { segments: [enterprise], metrics: [enterprise-arr] }
      deprioritize: { segments: [smb], metrics: [velocity] }
segments:
  - { id: enterprise, sales_cycle_days: 210, avg_deal_size: 120000 }
  - { id: smb, sales_cycle_days: 21, avg_deal_size: 8000 }
teams:
  - { id: sales, name: ${quoted(hostile.team)}, kind: revenue, customer_facing: true }
  - { id: engineering, kind: non-revenue }
metrics:
  - { id: new-arr, type: outcome, perspective: financial, segmented: true }
  - { id: enterprise-arr, type: outcome, perspective: financial, segmented: true }
  - { id: velocity, type: speed, perspective: internal }
compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    commission:
      - { metric: new-arr, segment: enterprise, rate: "8%" }
      - { metric: new-arr, segment: smb, rate: "8%" }
    rationale: "</style><script>alert(3)</script>"
recognition:
  - id: awards
    effective: 2026-01-01
    rationale: Celebrate the deals.
    awards:
      - { text: ${quoted(hostile.award)}, metric: new-arr, segment: smb, teams: [sales] }
waivers:
  - rule: flat-commission
    target: ae-2026
    reason: ${quoted(hostile.reason)}
    approved_by: ${quoted(hostile.owner)}
    expires: 2026-12-31
`;
    const fileName = 'hostile-<img src=name.png>.yaml';
    const dir = tempDir({ [fileName]: policy });
    const { file } = await writeReport({ name: 'hostile', cwd: dir, file: fileName });
    const { page, consoleErrors, requests, dialogs } = await visit(browser, file, { javaScript: true });
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.$$eval('script, img, iframe, object', (elements) => elements.length)).toBe(0);
    expect(await page.title()).toBe(`Launch readiness: ${hostile.strategy} (${hostile.organization})`);
    const text = await page.$eval('main', (element) => element.textContent!);
    for (const value of Object.values(hostile)) expect(text).toContain(value);
    expect(text).toContain(fileName);
    // `</svg>` in the texts did not close the charts: every bar and every cell is still there.
    expect(await page.$$eval('svg.timeline rect.bar', (elements) => elements.length)).toBe(2);
    expect(await page.$$eval('td[data-cell]', (elements) => elements.length)).toBe(2);
    expect(
      await page.$$eval('tr[data-waiver]', (rows) =>
        rows.map((row) => [row.getAttribute('data-state'), row.querySelector('td.num')!.textContent]),
      ),
    ).toEqual([['in-force', '1']]);
    await page.close();
  });
});
