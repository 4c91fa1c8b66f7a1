/**
 * The messages a new user meets when values come from a spreadsheet or a starter (issue 24): each
 * one exact, at the line and column of what to change, with what to write instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const HEAD = `version: 1
strategy:
  name: Enterprise
  priorities:
    - id: enterprise-growth
      statement: Win enterprise accounts
      favor: { segments: [enterprise], metrics: [new-arr] }
segments:
  - { id: enterprise, name: Enterprise }
  - { id: smb-small, name: Small business }
teams:
  - { id: sales, kind: revenue }
  - { id: customer-support, kind: non-revenue }
metrics:
  - { id: new-arr, name: New ARR, type: outcome }
`;

/** The error lines lint prints for `text` (exit 2: the input is wrong). */
function inputErrors(text: string): string[] {
  const dir = tempDir({ 'policy.yaml': text });
  const run = runCli(['lint', 'policy.yaml'], { cwd: dir });
  expect(run.code).toBe(2);
  return run.stderr.split('\n').filter((line) => line.startsWith('error '));
}

describe('a number pasted from a spreadsheet', () => {
  it.each([
    [
      'ote: 260,000',
      'error policy.yaml:19:10: ote: 260,000 is written with thousands separators, and YAML reads it as text, not a number: write ote: 260000',
    ],
    [
      'ote: $260,000',
      'error policy.yaml:19:10: ote: $260,000 is written with a currency sign and thousands separators, and YAML reads it as text, not a number: write ote: 260000',
    ],
    [
      'ote: 260k',
      'error policy.yaml:19:10: ote: 260k is written with the suffix k, and YAML reads it as text, not a number: write ote: 260000',
    ],
    [
      'ote: €45.000',
      'error policy.yaml:19:10: ote: €45.000 is written with a currency sign and thousands separators, and YAML reads it as text, not a number: write ote: 45000',
    ],
  ])('outside { }: %s', (line, expected) => {
    expect(inputErrors(`${HEAD}compensation:\n  - id: ae\n    team: sales\n    ${line}\n`)).toEqual([expected]);
  });

  it('inside { }: 1,300,000 as a quota amount is one message at the value, not two unknown keys', () => {
    const text = `${HEAD}compensation:\n  - id: ae\n    team: sales\n    quotas:\n      - { metric: new-arr, amount: 1,300,000, period: year }\n`;
    expect(inputErrors(text)).toEqual([
      'error policy.yaml:20:36: amount: 1,300,000 is written with thousands separators, and inside { } a comma ends the value, so "300" and "000" were read as keys: write amount: 1300000',
    ]);
  });

  it("inside { }: 140,000 as a segment's deal size", () => {
    const text = HEAD.replace('{ id: enterprise, name: Enterprise }', '{ id: enterprise, name: Enterprise, avg_deal_size: 140,000 }');
    expect(inputErrors(text)).toEqual([
      'error policy.yaml:9:56: avg_deal_size: 140,000 is written with thousands separators, and inside { } a comma ends the value, so "000" was read as a key: write avg_deal_size: 140000',
    ]);
  });

  it('inside { }: a decimal comma in a tier multiplier and in a rate', () => {
    const text = `${HEAD}compensation:\n  - id: ae\n    team: sales\n    commission:\n      - { metric: new-arr, segment: enterprise, rate: 1,5 }\n    quotas:\n      - metric: new-arr\n        amount: 1000000\n        curve: { tiers: [{ from: 1, multiplier: 1,5 }] }\n`;
    expect(inputErrors(text)).toEqual([
      'error policy.yaml:20:55: rate: 1,5 is written with a decimal comma, and inside { } a comma ends the value, so "5" was read as a key: write rate: "1.5%" (or 0.015)',
      'error policy.yaml:24:49: multiplier: 1,5 is written with a decimal comma, and inside { } a comma ends the value, so "5" was read as a key: write multiplier: 1.5',
    ]);
  });

  it('stays silent on numbers written as YAML numbers and on quoted percentages', () => {
    const dir = tempDir({
      'policy.yaml': `${HEAD}compensation:\n  - id: ae\n    team: sales\n    rationale: Enterprise ARR is the strategy.\n    ote: 260000\n    commission:\n      - { metric: new-arr, segment: enterprise, rate: "8%" }\n`,
    });
    const run = runCli(['lint', '--format', 'json', 'policy.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).not.toBe(2);
  });
});

describe('unknown references', () => {
  const text = `${HEAD}compensation:
  - id: ae
    team: sales
    rationale: Enterprise ARR is the strategy.
    commission:
      - { metric: new-arr, segment: enterprise, rate: 0.1 }
  - id: support-plan
    team: support
    commission:
      - { metric: new-arr, segment: smb, rate: 0.2 }
      - { metric: new-arr, segment: mid, rate: 0.2 }
`;

  it('come first, each with a suggestion, and the instrument holding them is not judged further (said once)', () => {
    const dir = tempDir({ 'policy.yaml': text });
    const run = runCli(['lint', '--format', 'json', 'policy.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; line: number; column: number; message: string }[] }).findings;
    expect(findings.slice(0, 3).map(({ rule, line, column, message }) => ({ rule, line, column, message }))).toEqual([
      { rule: 'unknown-reference', line: 23, column: 11, message: 'Unknown team "support"; did you mean "customer-support"?' },
      { rule: 'unknown-reference', line: 25, column: 37, message: 'Unknown segment "smb"; did you mean "smb-small"?' },
      {
        rule: 'unknown-reference',
        line: 26,
        column: 37,
        message: 'Unknown segment "mid"; the declared segments are enterprise, smb-small',
      },
    ]);
    expect(findings.slice(3).map((finding) => finding.rule)).not.toContain('unknown-reference');
    // support-plan spans lines 22 to 26: no other rule judges it (fixed, missing-rationale does).
    expect(findings.filter((finding) => finding.rule !== 'unknown-reference' && finding.line >= 22 && finding.line <= 26)).toEqual([]);
    const stylish = runCli(['lint', 'policy.yaml'], { cwd: dir });
    expect(stylish.stdout.split('\n').filter((line) => line.includes('not judged further'))).toEqual([
      '(not judged further until their unknown references are fixed: support-plan)',
    ]);
  });

  it('the same plan with its references fixed is judged again', () => {
    const fixed = text
      .replace('team: support', 'team: customer-support')
      .replace('segment: smb,', 'segment: smb-small,')
      .replace('segment: mid,', 'segment: enterprise,');
    const dir = tempDir({ 'policy.yaml': fixed });
    const run = runCli(['lint', '--format', 'json', 'policy.yaml'], { cwd: dir });
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; line: number }[] }).findings;
    expect(findings.filter((finding) => finding.rule === 'unknown-reference')).toEqual([]);
    expect(findings.filter((finding) => finding.line >= 22 && finding.line <= 26).map((finding) => finding.rule)).toContain(
      'missing-rationale',
    );
    expect(runCli(['lint', 'policy.yaml'], { cwd: dir }).stdout).not.toContain('not judged further');
  });
});

describe('one extra space of indentation', () => {
  it('is reported at the line indented too far, with the column to start it in', () => {
    expect(inputErrors('version: 1\nteams:\n  - id: sales\n     kind: revenue\n')).toEqual([
      'error policy.yaml:4:6: kind: is indented 1 space more than id: on the line above, so YAML reads it as part of that value: start kind: in column 5, under id:',
    ]);
  });

  it('leaves a value with ": " in it to the quoting message', () => {
    expect(inputErrors('version: 1\norganization: Acme: Corp\n')).toEqual([
      'error policy.yaml:2:15: a value that contains ": " must be quoted: write it in double quotes, such as name: "Enterprise: first"',
    ]);
  });
});

describe("init's starter beside a policy of the user's", () => {
  it('says to delete or replace the starter, not to merge its strategy', () => {
    const dir = tempDir();
    expect(runCli(['init'], { cwd: dir }).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'mine.yaml'), HEAD);
    const run = runCli(['lint'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'error policy.yaml:12:1: a second strategy: policy.yaml is the starter policy init wrote, and mine.yaml has a strategy of its own: delete policy.yaml, or replace its content with your policy (a policy has exactly one strategy)\n',
    );
    fs.rmSync(path.join(dir, 'policy.yaml'));
    expect(runCli(['lint'], { cwd: dir }).code).not.toBe(2);
  });

  it("two strategies of the user's are still told to merge", () => {
    const dir = tempDir({ 'a.yaml': HEAD, 'b.yaml': HEAD.split('\n').slice(0, 7).join('\n') });
    expect(runCli(['lint'], { cwd: dir }).stderr).toContain(
      'error b.yaml:2:1: a second strategy: a policy has exactly one (the first is in a.yaml:2); merge the priorities into it\n',
    );
  });
});

describe('a file of policy content without version: 1', () => {
  it('is an input error naming the file; unrelated YAML stays skipped and listed', () => {
    const dir = tempDir({
      'policy.yaml': HEAD,
      'awards.yaml':
        'recognition:\n  - id: quarterly-awards\n    awards:\n      - { text: Enterprise win of the quarter, metric: new-arr }\n',
      'ci.yml': 'name: lint\non: [push]\njobs: {}\n',
      'monitoring.yaml': 'metrics:\n  port: 9090\n',
    });
    const run = runCli(['lint'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('error '))).toEqual([
      'error awards.yaml:1:1: holds policy content (recognition) but no version key, so it cannot be read as part of the policy: add `version: 1` as its first line',
    ]);
    fs.writeFileSync(path.join(dir, 'awards.yaml'), `version: 1\n${fs.readFileSync(path.join(dir, 'awards.yaml'), 'utf8')}`);
    const fixed = runCli(['lint'], { cwd: dir });
    expect(fixed.code).not.toBe(2);
    expect(fixed.stdout).toContain('(skipped 2 YAML files without a version key: ci.yml, monitoring.yaml)');
  });
});
