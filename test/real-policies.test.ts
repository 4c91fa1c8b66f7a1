/**
 * Real, publicly documented incentive systems (test/fixtures/real/*.yaml), each linted with the
 * recommended rules and compared finding by finding with the reviewed record beside it
 * (<name>.expected.json). Every recorded finding carries a reviewer's verdict: true-positive,
 * false-positive or noise, with a one-line reason. A change in what the linter says about a real
 * policy fails here until someone reviews it.
 *
 * To re-record after an intended change: REAL_POLICIES_RECORD=1 npx vitest run test/real-policies.test.ts
 * keeps the verdicts of findings whose message did not change (wherever they moved) and marks new
 * ones "unreviewed", which fails until a verdict is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../src/index.js';
import { ROOT } from './helpers.js';

const FOLDER = path.join(ROOT, 'test', 'fixtures', 'real');
const VERDICTS = ['true-positive', 'false-positive', 'noise'] as const;
type Verdict = (typeof VERDICTS)[number] | 'unreviewed';

interface ReviewedFinding {
  rule: string;
  line: number;
  column: number;
  severity: Finding['severity'];
  verdict: Verdict;
  reason: string;
  message?: string;
}

interface Record {
  policy: string;
  findings: ReviewedFinding[];
}

const policies = fs
  .readdirSync(FOLDER)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

const key = (finding: { rule: string; line: number; column: number; severity: string }) =>
  `${finding.rule} ${finding.line}:${finding.column} ${finding.severity}`;

async function lintPolicy(name: string) {
  // A fixed date: waivers and announcement checks must not drift with the calendar.
  return lint([path.join(FOLDER, name)], { cwd: FOLDER, today: '2026-06-01' });
}

function recordPath(name: string): string {
  return path.join(FOLDER, name.replace(/\.yaml$/, '.expected.json'));
}

function readRecord(name: string): Record | undefined {
  const file = recordPath(name);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record) : undefined;
}

function rerecord(name: string, findings: readonly Finding[], previous: Record | undefined): void {
  // A verdict follows its finding when lines move (same rule and message), or stays at its place.
  const byMessage = new Map((previous?.findings ?? []).map((finding) => [`${finding.rule} ${finding.message ?? ''}`, finding]));
  const byPlace = new Map((previous?.findings ?? []).map((finding) => [key(finding), finding]));
  const record: Record = {
    policy: name,
    findings: findings.map((finding) => {
      const before = byMessage.get(`${finding.rule} ${finding.message}`) ?? byPlace.get(key(finding));
      return {
        rule: finding.rule,
        line: finding.line,
        column: finding.column,
        severity: finding.severity,
        verdict: before?.verdict ?? 'unreviewed',
        reason: before?.reason ?? '',
        message: finding.message,
      };
    }),
  };
  fs.writeFileSync(recordPath(name), `${JSON.stringify(record, null, 2)}\n`);
}

describe('real policies', () => {
  it('has at least five publicly documented systems, each with its source and a reviewed record', () => {
    expect(policies.length).toBeGreaterThanOrEqual(5);
    for (const name of policies) {
      const text = fs.readFileSync(path.join(FOLDER, name), 'utf8');
      expect(text.split('\n').slice(0, 15).join('\n'), `${name} names its sources in its header comment`).toMatch(/^# Sources?:/m);
      expect(text, name).toMatch(/https?:\/\/|repository/);
    }
  });

  it('fails the Wells Fargo 2011-2015 system (exit 1) for the right reason: pay and daily goals on unguarded counts', async () => {
    const result = await lintPolicy('wells-fargo-community-bank-2011.yaml');
    expect(result.summary.errors).toBeGreaterThan(0);
    expect(new Set(result.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule))).toEqual(
      new Set(['gameable-target']),
    );
  });

  for (const name of policies) {
    it(`${name}: the findings are the reviewed ones`, async () => {
      const result = await lintPolicy(name);
      expect(result.diagnostics).toEqual([]);
      if (process.env.REAL_POLICIES_RECORD === '1') rerecord(name, result.findings, readRecord(name));
      const record = readRecord(name);
      expect(record, `${recordPath(name)} is missing: run with REAL_POLICIES_RECORD=1 and review it`).toBeDefined();
      expect(result.findings.map(key)).toEqual(record!.findings.map(key));
      for (const finding of record!.findings) {
        expect(VERDICTS, `${name} ${key(finding)} needs a verdict`).toContain(finding.verdict);
        expect(finding.reason.trim(), `${name} ${key(finding)} needs a reason`).not.toBe('');
      }
    });
  }
});
