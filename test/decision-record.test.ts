/**
 * `gate --record FILE`: the decision record a compensation committee files with its minutes. Real
 * git in a temporary repository; every input byte changes the record.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyWith, runCli, tempDir } from './helpers.js';

interface RecordJson {
  record: string;
  recordVersion: number;
  decidedAt: string;
  tool: { name: string; version: string };
  announce: string;
  verdict: string;
  files: { file: string; role: string; sha256: string }[];
  git: { repository: boolean; commit?: string; clean?: boolean; changes?: string[] };
  rules: { id: string; severity: string; options: Record<string, unknown> }[];
  waivers: { rule: string; target: string; approved_by: string; expires: string; findings: number }[];
  steps: { id: string; status: string; findings: { rule: string }[] }[];
  digest: string;
}

const POLICY = policyWith(`compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    commission:
      - { metric: new-arr, segment: enterprise, rate: "8%" }
      - { metric: new-arr, segment: smb, rate: "8%" }
    rationale: FY26 plan.
waivers:
  - rule: flat-commission
    target: ae-2026
    reason: The plan changes with the Q3 cycle.
    approved_by: CRO
    expires: 2026-09-30
`);
const CONFIG = 'rules:\n  too-many-measures: [warning, { max: 6 }]\n';
const NOTES = 'meeting: 2026-02-01\n';

function repository(): string {
  const dir = tempDir({ 'policy/policy.yaml': POLICY, 'policy/notes.yaml': NOTES, 'incentive-lint.config.yaml': CONFIG });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'policy');
  return dir;
}

function recordOf(dir: string, file = `record-${Math.random().toString(36).slice(2)}.json`): RecordJson {
  const run = runCli(['gate', 'policy', '--today', '2026-06-01', '--record', path.join('..', `${path.basename(dir)}-${file}`)], {
    cwd: dir,
  });
  expect(run.code, run.stderr).toBe(1);
  const written = path.join(path.dirname(dir), `${path.basename(dir)}-${file}`);
  const record = JSON.parse(fs.readFileSync(written, 'utf8')) as RecordJson;
  fs.rmSync(written);
  return record;
}

const withoutTime = ({ decidedAt: _, ...rest }: RecordJson) => rest;

describe('gate --record', () => {
  it('writes the sha256 of every file read, the commit and a clean tree, rules with options, waivers, steps, verdict and time', () => {
    const dir = repository();
    const record = recordOf(dir);
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    expect(record).toMatchObject({
      record: 'incentive-lint decision record',
      recordVersion: 1,
      announce: '2026-03-02',
      verdict: 'no-go',
      tool: { name: 'incentive-lint' },
    });
    expect(record.git).toEqual({ repository: true, commit: head, clean: true, changes: [] });
    const sha = (file: string) => execFileSync('sha256sum', [file], { cwd: dir, encoding: 'utf8' }).split(' ')[0];
    expect(record.files).toEqual([
      { file: 'policy/policy.yaml', role: 'policy', sha256: sha('policy/policy.yaml') },
      { file: 'policy/notes.yaml', role: 'skipped', sha256: sha('policy/notes.yaml') },
      { file: 'incentive-lint.config.yaml', role: 'config', sha256: sha('incentive-lint.config.yaml') },
    ]);
    expect(record.rules.find((rule) => rule.id === 'too-many-measures')).toMatchObject({ severity: 'warning', options: { max: 6 } });
    expect(record.waivers).toEqual([
      {
        rule: 'flat-commission',
        target: 'ae-2026',
        approved_by: 'CRO',
        expires: '2026-09-30',
        reason: 'The plan changes with the Q3 cycle.',
        findings: 1,
      },
    ]);
    expect(record.steps.map((step) => step.id)).toEqual([
      'incentives-updated',
      'changes-explained',
      'priorities-rewarded',
      'recognition-reinforces',
    ]);
    expect(Date.parse(record.decidedAt)).not.toBeNaN();
    expect(record.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same inputs, and changes when any byte of any input does', () => {
    const dir = repository();
    const first = recordOf(dir);
    expect(withoutTime(recordOf(dir))).toEqual(withoutTime(first));
    for (const file of ['policy/policy.yaml', 'policy/notes.yaml', 'incentive-lint.config.yaml']) {
      const original = fs.readFileSync(path.join(dir, file));
      // One byte more at the end: a trailing space on the last line changes nothing a rule reads.
      fs.writeFileSync(path.join(dir, file), Buffer.concat([original, Buffer.from('#')]));
      const changed = recordOf(dir);
      expect(changed.digest, file).not.toBe(first.digest);
      expect(changed.files.find((entry) => entry.file === file)!.sha256).not.toBe(first.files.find((entry) => entry.file === file)!.sha256);
      expect(changed.git.clean, file).toBe(false);
      expect(changed.git.changes, file).toEqual([file]);
      fs.writeFileSync(path.join(dir, file), original);
    }
    expect(withoutTime(recordOf(dir))).toEqual(withoutTime(first));
  });

  it('never writes over an existing file without --force, nor over an input', () => {
    const dir = repository();
    fs.writeFileSync(path.join(dir, 'record.json'), 'minutes of 2026-02-01\n');
    const refused = runCli(['gate', 'policy', '--today', '2026-06-01', '--record', 'record.json'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('record.json: already exists: the decision record does not overwrite it; pass --force to replace it');
    expect(fs.readFileSync(path.join(dir, 'record.json'), 'utf8')).toBe('minutes of 2026-02-01\n');
    const forced = runCli(['gate', 'policy', '--today', '2026-06-01', '--record', 'record.json', '--force'], { cwd: dir });
    expect(forced.code).toBe(1);
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'record.json'), 'utf8')) as RecordJson).verdict).toBe('no-go');
    const input = runCli(['gate', 'policy', '--today', '2026-06-01', '--record', 'policy/policy.yaml', '--force'], { cwd: dir });
    expect(input.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'policy/policy.yaml'), 'utf8')).toBe(POLICY);
  });

  it('says there is no repository outside git', () => {
    const dir = tempDir({ 'policy.yaml': POLICY });
    const run = runCli(['gate', 'policy.yaml', '--today', '2026-06-01', '--record', 'r.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as RecordJson).git).toEqual({ repository: false });
  });
});
