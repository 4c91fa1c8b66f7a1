/**
 * `incentive-lint import` as an analyst runs it on the exports in examples/import/: the policy it
 * writes lints, every imported value names its row, a changed export updates exactly the values
 * that changed and keeps the user's edits, and nothing is written over an input or a file import
 * did not write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, isMap, isSeq, isScalar, isPair, type Node } from 'yaml';
import ExcelJS from 'exceljs';
import { EXAMPLES, runCli, tempDir } from './helpers.js';

const FOLDER = path.join(EXAMPLES, 'import');

/** A copy of examples/import/ in a fresh folder, as an analyst's working folder. */
function workingCopy(): string {
  const dir = tempDir();
  fs.cpSync(FOLDER, dir, { recursive: true });
  return dir;
}

function importInto(dir: string, args: string[]) {
  return runCli(['import', ...args], { cwd: dir });
}

const PLANS = ['plans.csv', '--layout', 'plans', '-o', 'plans.yaml'];
const ROSTER = ['quota-attainment.csv', '--mapping', 'mappings/salesforce-quota-attainment.yaml', '-o', 'roster.yaml'];
const OKRS = ['okrs.csv', '--mapping', 'mappings/peoplecues-objectives.yaml', '-o', 'okrs.yaml'];

/** Every scalar value under the document's sections, with the provenance comment that covers it. */
function importedValues(text: string): { path: string; value: unknown; comment: string | undefined }[] {
  const doc = parseDocument(text);
  const out: { path: string; value: unknown; comment: string | undefined }[] = [];
  const walk = (node: Node | null | undefined, where: string, covering: string | undefined) => {
    if (!node) return;
    const own = (node as { comment?: string | null }).comment ?? undefined;
    const comment = own ?? covering;
    if (isScalar(node)) out.push({ path: where, value: node.value, comment });
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        // A flow map's comment covers its values; a block map's items carry their own.
        walk(pair.value as Node, `${where}.${String(pair.key.value)}`, node.flow ? comment : undefined);
      }
    } else if (isSeq(node)) {
      for (const [index, item] of node.items.entries()) walk(item as Node, `${where}[${index}]`, undefined);
    }
  };
  const root = doc.contents;
  if (!isMap(root)) return out;
  for (const pair of root.items) {
    if (isScalar(pair.key) && pair.key.value !== 'version') walk(pair.value as Node, String(pair.key.value), undefined);
  }
  return out;
}

describe('import of the example exports', () => {
  it('writes plans (at least 20 lines), a roster and OKRs that lint with no error or warning, each value with its row', () => {
    const dir = workingCopy();
    const planLines = fs.readFileSync(path.join(dir, 'plans.csv'), 'utf8').trim().split('\n').length - 1;
    expect(planLines).toBeGreaterThanOrEqual(20);
    const plans = importInto(dir, PLANS);
    expect(plans.stderr).toBe('');
    expect(plans.stdout).toBe(`wrote plans.yaml from ${planLines} rows of plans.csv\n`);
    expect(plans.code).toBe(0);
    const roster = importInto(dir, ROSTER);
    expect(roster.stdout).toBe('wrote roster.yaml from 10 rows of quota-attainment.csv\n');
    expect(roster.stderr).toBe('note: left out the columns the mapping does not name: "Role"\n');
    const okrs = importInto(dir, OKRS);
    expect(okrs.stdout).toBe('wrote okrs.yaml from 5 rows of okrs.csv\n');
    expect(okrs.code).toBe(0);

    for (const [file, source] of [
      ['plans.yaml', 'plans.csv'],
      ['roster.yaml', 'quota-attainment.csv'],
      ['okrs.yaml', 'okrs.csv'],
    ] as const) {
      const values = importedValues(fs.readFileSync(path.join(dir, file), 'utf8'));
      expect(values.length).toBeGreaterThan(0);
      const unsourced = values.filter(
        (value) => !new RegExp(`^ ?${source.replace('.', '\\.')}, rows? \\d+(-\\d+)?( |$)`).test(value.comment ?? ''),
      );
      expect(unsourced, `${file}: values without a provenance comment`).toEqual([]);
    }
    const text = fs.readFileSync(path.join(dir, 'plans.yaml'), 'utf8');
    expect(text).toContain(
      '      - { metric: new-arr, segment: enterprise, amount: 1200000, period: year, curve: { threshold: 0.5, cap: { attainment: 3 } } } # plans.csv, row 2\n',
    );
    expect(text).toContain('    clawback: { months: 6 } # plans.csv, row 2\n');
    expect(fs.readFileSync(path.join(dir, 'roster.yaml'), 'utf8')).toContain(
      '  - { person: Ana Lopez, team: sales, plan: ae-enterprise-east, ote: 240000, variable_share: 0.5, quota: 1200000, attainment: 1.04 } # quota-attainment.csv, row 2 ("AE Enterprise East")\n',
    );
    const okrText = fs.readFileSync(path.join(dir, 'okrs.yaml'), 'utf8');
    expect(okrText).toContain('    effective: 2026-07-01 # okrs.csv, rows 2-3 ("2026-Q3")\n');
    expect(okrText).toContain('{ metric: new-arr, target: 2400000,');

    const lint = runCli(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(lint.code).toBe(0);
    const findings = (JSON.parse(lint.stdout) as { findings: { severity: string; rule: string }[] }).findings;
    // The exports carry no rationale for the OKR sets: that info is the only finding.
    expect(findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
    expect([...new Set(findings.map((finding) => finding.rule))]).toEqual(['missing-rationale']);
  });

  it("a second export with three changed rows updates exactly those three values and keeps the user's edits", () => {
    const dir = workingCopy();
    expect(importInto(dir, PLANS).code).toBe(0);
    // The analyst's own edits: a comment of their own and a value whose provenance they deleted.
    const first = fs.readFileSync(path.join(dir, 'plans.yaml'), 'utf8');
    const edited = first
      .replace('version: 1\n', 'version: 1\n# Reviewed with finance on 2026-01-10.\n')
      .replace('    ote: 90000 # plans.csv, rows 14-16\n', '    ote: 95000\n');
    fs.writeFileSync(path.join(dir, 'plans.yaml'), edited);
    // Next month's export, saved under the same name as the first.
    fs.copyFileSync(path.join(dir, 'plans-q2.csv'), path.join(dir, 'plans.csv'));
    const rerun = importInto(dir, PLANS);
    expect(rerun.stdout).toBe('updated plans.yaml from plans.csv: 3 values changed, 0 added, 0 removed\n');
    expect(rerun.code).toBe(0);
    const after = fs.readFileSync(path.join(dir, 'plans.yaml'), 'utf8');
    const changed = edited
      .split('\n')
      .flatMap((line, index) => (line === after.split('\n')[index] ? [] : [{ before: line, after: after.split('\n')[index] }]));
    expect(after.split('\n')).toHaveLength(edited.split('\n').length);
    expect(changed).toEqual([
      {
        before:
          '      - { metric: new-arr, segment: enterprise, amount: 1200000, period: year, curve: { threshold: 0.5, cap: { attainment: 3 } } } # plans.csv, row 2',
        after:
          '      - { metric: new-arr, segment: enterprise, amount: 1200000, period: year, curve: { threshold: 0.5, cap: { attainment: 2.5 } } } # plans.csv, row 2',
      },
      {
        before:
          '      - { metric: new-arr, segment: enterprise, amount: 1100000, period: year, curve: { threshold: 0.5, cap: { attainment: 3 } } } # plans.csv, row 4',
        after:
          '      - { metric: new-arr, segment: enterprise, amount: 1250000, period: year, curve: { threshold: 0.5, cap: { attainment: 3 } } } # plans.csv, row 4',
      },
      {
        before: '      - { metric: new-arr, segment: smb, rate: 0.03 } # plans.csv, row 9',
        after: '      - { metric: new-arr, segment: smb, rate: 0.025 } # plans.csv, row 9',
      },
    ]);
    expect(after).toContain('# Reviewed with finance on 2026-01-10.\n');
    expect(after).toContain('    ote: 95000\n');
    // Run again on the same export: nothing to do, and the file is untouched.
    const again = importInto(dir, PLANS);
    expect(again.stdout).toBe('plans.yaml is up to date with plans.csv\n');
    expect(fs.readFileSync(path.join(dir, 'plans.yaml'), 'utf8')).toBe(after);
  });

  it('an export under a new name updates the same values, and its provenance names the new export', () => {
    const dir = workingCopy();
    expect(importInto(dir, PLANS).code).toBe(0);
    const rerun = importInto(dir, ['plans-q2.csv', '--layout', 'plans', '-o', 'plans.yaml']);
    expect(rerun.stdout).toBe('updated plans.yaml from plans-q2.csv: 3 values changed, 0 added, 0 removed\n');
    const values = importedValues(fs.readFileSync(path.join(dir, 'plans.yaml'), 'utf8'));
    expect(values.filter((value) => !value.comment?.startsWith(' plans-q2.csv, row'))).toEqual([]);
  });

  it('never writes over a file import did not write, nor over its input, without --force', () => {
    const dir = workingCopy();
    const strategy = fs.readFileSync(path.join(dir, 'strategy.yaml'), 'utf8');
    const refused = importInto(dir, ['plans.csv', '--layout', 'plans', '-o', 'strategy.yaml']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('strategy.yaml');
    expect(refused.stderr).toContain(
      'exists and was not written by import: nothing was written; choose another --output, or --force to replace it',
    );
    expect(fs.readFileSync(path.join(dir, 'strategy.yaml'), 'utf8')).toBe(strategy);
    const csv = fs.readFileSync(path.join(dir, 'plans.csv'), 'utf8');
    const ontoInput = importInto(dir, ['plans.csv', '--layout', 'plans', '-o', 'plans.csv', '--force']);
    expect(ontoInput.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'plans.csv'), 'utf8')).toBe(csv);
    expect(importInto(dir, PLANS).code).toBe(0);
    const otherLayout = importInto(dir, [
      'quota-attainment.csv',
      '--mapping',
      'mappings/salesforce-quota-attainment.yaml',
      '-o',
      'plans.yaml',
    ]);
    expect(otherLayout.code).toBe(2);
    expect(otherLayout.stderr).toContain(
      'plans.yaml:1:1: was imported with the plans layout, not roster: nothing was written; import each layout into a file of its own, or --force to replace it',
    );
  });

  it('without the strategy beside it, leaves TODOs that lint reports until they are answered', () => {
    const dir = workingCopy();
    fs.rmSync(path.join(dir, 'strategy.yaml'));
    const result = importInto(dir, PLANS);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote plans\.yaml from 24 rows of plans\.csv; \d+ TODOs to answer \(lint lists them\)\n$/);
    const todos = Number(/; (\d+) TODOs/.exec(result.stdout)![1]);
    const text = fs.readFileSync(path.join(dir, 'plans.yaml'), 'utf8');
    expect(text.split('\n').filter((line) => line.trimStart().startsWith('# TODO(incentive-lint):'))).toHaveLength(todos);
    const lint = runCli(['lint', '--format', 'json', 'plans.yaml'], { cwd: dir });
    const reported = (JSON.parse(lint.stdout) as { findings: { rule: string }[] }).findings.filter(
      (finding) => finding.rule === 'import-todo',
    );
    expect(reported).toHaveLength(todos);
  });

  it('a cell it cannot read is named by file, row and column, with what to write, and nothing is written', () => {
    const dir = workingCopy();
    fs.writeFileSync(
      path.join(dir, 'bad.csv'),
      'Plan,Team,Component,Metric,Segment,Rate\nAE,sales,commission,new-arr,enterprise,eight percent\n',
    );
    const result = importInto(dir, ['bad.csv', '--layout', 'plans', '-o', 'bad.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.csv:2:6');
    expect(result.stderr).toContain('"eight percent" is not a share: write a percentage such as 8% or a fraction such as 0.08');
    expect(fs.existsSync(path.join(dir, 'bad.yaml'))).toBe(false);
  });
});

describe('an XLSX workbook', () => {
  it('is read by sheet, cells keep their types (a percentage-formatted 0.08, a date), and provenance names the sheet', async () => {
    const dir = workingCopy();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['This sheet is not the plans']);
    const sheet = workbook.addWorksheet('Plans');
    sheet.addRow(['Plan', 'Team', 'Component', 'Metric', 'Segment', 'Commission Rate', 'Effective', 'OTE', 'Rationale']);
    sheet.addRow([
      'AE Enterprise',
      'sales',
      'commission',
      'new-arr',
      'enterprise',
      0.1,
      new Date(Date.UTC(2026, 0, 1)),
      240000,
      'Enterprise ARR is the strategy.',
    ]);
    sheet.addRow(['AE Enterprise', 'sales', 'commission', 'new-arr', 'smb', 0.03, new Date(Date.UTC(2026, 0, 1)), 240000, '']);
    sheet.getColumn(6).numFmt = '0%';
    sheet.getColumn(8).numFmt = '"$"#,##0';
    await workbook.xlsx.writeFile(path.join(dir, 'plans.xlsx'));
    const run = importInto(dir, ['plans.xlsx', '--sheet', 'Plans', '--layout', 'plans', '-o', 'xlsx-plans.yaml']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('wrote xlsx-plans.yaml from 2 rows of plans.xlsx\n');
    const text = fs.readFileSync(path.join(dir, 'xlsx-plans.yaml'), 'utf8');
    expect(text).toContain('    effective: 2026-01-01 # plans.xlsx, sheet Plans, rows 2-3\n');
    expect(text).toContain('    ote: 240000 # plans.xlsx, sheet Plans, rows 2-3\n');
    expect(text).toContain('      - { metric: new-arr, segment: enterprise, rate: 0.1 } # plans.xlsx, sheet Plans, row 2\n');
    expect(text).toContain('      - { metric: new-arr, segment: smb, rate: 0.03 } # plans.xlsx, sheet Plans, row 3\n');
    const missing = importInto(dir, ['plans.xlsx', '--sheet', 'Plan', '--layout', 'plans', '-o', 'other.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('plans.xlsx');
    expect(missing.stderr).toContain('Plans');
  });
});

describe('a mapping file', () => {
  it('that is wrong is named at the line and column of the mistake, with what to write', () => {
    const dir = workingCopy();
    fs.writeFileSync(
      path.join(dir, 'bad-mapping.yaml'),
      'layout: okrs\ncolumns: { Objective Title: objective }\nvalues:\n  metric:\n    Win rate: opportunity-win-rate\n  New ARR: new-arr\ncolour: red\n',
    );
    const run = importInto(dir, ['okrs.csv', '--mapping', 'bad-mapping.yaml', '-o', 'okrs.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('error '))).toEqual([
      'error bad-mapping.yaml:6:12: values.New ARR: values is a mapping of field to { cell value: id }, such as values: { team: { Enterprise Sales: sales } }',
      'error bad-mapping.yaml:7:1: the mapping: unknown key "colour": a mapping file has layout, sheet, header_row, decimal, columns, values, defaults and description',
    ]);
    expect(fs.existsSync(path.join(dir, 'okrs.yaml'))).toBe(false);
  });
});

describe('the README section on import', () => {
  const readme = fs.readFileSync(path.join(EXAMPLES, '..', 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## From spreadsheets: `incentive-lint import`'),
    readme.indexOf('## Configuration and plugins'),
  );

  it('runs as written: its commands import the examples into a policy that lints with no error or warning', () => {
    const commands = /```sh\n([\s\S]*?)```/.exec(section)![1]!.trim().split('\n');
    expect(commands[0]).toBe('cd examples/import');
    const dir = workingCopy();
    for (const command of commands.slice(1)) {
      expect(command.startsWith('npx --no-install incentive-lint ')).toBe(true);
      const run = runCli(command.slice('npx --no-install incentive-lint '.length).split(' '), { cwd: dir });
      expect(run.code, `${command}\n${run.stderr}`).toBe(0);
    }
    // The provenance it shows is what the import writes.
    const shown = /```yaml\n( {2}- id: ae-enterprise-east[\s\S]*?)```/.exec(section)![1]!.trim().split('\n');
    const plans = fs.readFileSync(path.join(dir, 'plans.yaml'), 'utf8');
    for (const line of shown) expect(plans).toContain(`${line}\n`);
  });

  it('the two mappings it names are there and read the exports', () => {
    for (const mapping of ['salesforce-quota-attainment.yaml', 'peoplecues-objectives.yaml']) {
      expect(section).toContain(`\`${mapping}\``);
      expect(fs.existsSync(path.join(FOLDER, 'mappings', mapping))).toBe(true);
    }
  });
});
