/**
 * --format csv, read back as a spreadsheet reads it: csv-parse for the RFC 4180 records, and
 * LibreOffice (Debian's libreoffice-calc-nogui, headless) converting the file to XLSX, which exceljs
 * then reads: no cell of the converted workbook may be a formula, whatever the policy's text says.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../src/index.js';
import { loadFormatter } from '../src/report/index.js';
import { CSV_COLUMNS } from '../src/report/csv.js';
import { policyWith, runCli, tempDir } from './helpers.js';

/** File names are the author's: each starts as a spreadsheet formula would. */
const HOSTILE_FILES = ['=1+2.yaml', '+3+4.yaml', '-5+6.yaml', '@SUM(7).yaml', '\t=8.yaml'];

const FLAT_PLAN = (id: string) => `compensation:
  - id: ${id}
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "8%" }
      - { metric: new-arr, segment: smb, rate: "8%" }
`;

async function render(result: LintResult): Promise<string> {
  const formatter = await loadFormatter('csv');
  return formatter!(result, { chalk: new Chalk({ level: 0 }) });
}

function soffice(): string {
  for (const candidate of ['soffice', 'libreoffice']) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('LibreOffice is not installed: apt-get install libreoffice-calc-nogui (.ci/run does)');
}

describe('csv format', () => {
  let dir: string;
  let result: LintResult;
  let text: string;
  beforeAll(async () => {
    dir = tempDir({
      'plan.yaml': policyWith(FLAT_PLAN('ae-2026')),
      ...Object.fromEntries(HOSTILE_FILES.map((file, index) => [file, `version: 1\n${FLAT_PLAN(`plan-${index}`)}`])),
    });
    result = await lint(['.'], { cwd: dir, today: '2026-06-01', rules: { 'flat-commission': 'error' } });
    text = await render(result);
  });

  it('has a header and one RFC 4180 record per finding, CRLF-terminated, every value read back', () => {
    expect(result.findings.filter((finding) => finding.rule === 'flat-commission').length).toBeGreaterThanOrEqual(6);
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parse(text, { relax_column_count: false }) as string[][];
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records.length).toBe(result.findings.length + 1);
    const teams = new Set(result.loaded!.policy.teams.map((team) => team.id));
    const unneutralized = records.slice(1).map((row) => row.map((cell) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell)));
    expect(unneutralized).toEqual(
      result.findings.map((finding) => [
        finding.file.replace('\t', '\\t'),
        String(finding.line),
        String(finding.column),
        finding.severity,
        finding.rule,
        finding.instrument ?? '',
        finding.instrument !== undefined ? 'sales' : teams.has(finding.subject ?? '') ? finding.subject : '',
        finding.message.replaceAll('\n', '\\n'),
        finding.fix.replaceAll('\n', '\\n'),
      ]),
    );
    const flat = records.find((row) => row[4] === 'flat-commission' && row[0] === 'plan.yaml')!;
    expect(flat.slice(0, 7)).toEqual([
      'plan.yaml',
      String(result.findings.find((f) => f.file === 'plan.yaml' && f.rule === 'flat-commission')!.line),
      '9',
      'error',
      'flat-commission',
      'ae-2026',
      'sales',
    ]);
  });

  it('neutralizes every cell that starts as a formula with a leading apostrophe', () => {
    const records = parse(text) as string[][];
    const files = new Set(records.slice(1).map((row) => row[0]));
    expect([...files].sort()).toEqual(["'+3+4.yaml", "'-5+6.yaml", "'=1+2.yaml", "'@SUM(7).yaml", '\\t=8.yaml', 'plan.yaml'].sort());
  });

  it('LibreOffice opens it with no cell evaluated as a formula', async () => {
    // The control: the same reader does evaluate a cell left as the policy wrote it.
    const work = tempDir({ 'findings.csv': text, 'control.csv': 'file\r\n=1+2.yaml\r\n' });
    execFileSync(
      soffice(),
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${path.join(work, 'profile')}`,
        '--infilter=CSV:44,34,76',
        '--convert-to',
        'xlsx',
        '--outdir',
        work,
        path.join(work, 'findings.csv'),
        path.join(work, 'control.csv'),
      ],
      { stdio: 'ignore', timeout: 90_000 },
    );
    const control = new ExcelJS.Workbook();
    await control.xlsx.readFile(path.join(work, 'control.xlsx'));
    expect(control.worksheets[0]!.getCell('A2').type).toBe(ExcelJS.ValueType.Formula);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(work, 'findings.xlsx'));
    const sheet = workbook.worksheets[0]!;
    const cells: { type: ExcelJS.ValueType; text: string }[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push({ type: cell.type, text: cell.text })));
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(sheet.rowCount).toBe(result.findings.length + 1);
    const firstColumn = sheet.getColumn(1).values.slice(2).map(String);
    // What the spreadsheet shows is the file name (LibreOffice takes the apostrophe as "this is text").
    expect(firstColumn.map((cell) => cell.replace(/^'/, '')).sort()).toEqual(
      result.findings.map((f) => f.file.replace('\t', '\\t')).sort(),
    );
  }, 120_000);

  it('is a --format choice of the CLI', () => {
    const run = runCli(['plan.yaml', '--format', 'csv', '--no-config'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });
});
