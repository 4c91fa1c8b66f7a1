import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, buildBaseline } from '../src/engine/baseline.js';
import { lint } from '../src/index.js';
import { FLAT_PLAN } from './config-helpers.js';
import { runCli, tempDir } from './helpers.js';

/** Findings in two instruments: flat-commission in ae-2026; okr-old-priority and speed-without-quality in engineering-2026-h1. */
const TWO_FINDINGS = FLAT_PLAN.replace('{ metric: defect-escape-rate, target: "< 2%" }', '{ metric: velocity, target: "+20%" }');

interface JsonReport {
  findings: { rule: string }[];
}
const rules = (stdout: string) =>
  (JSON.parse(stdout) as JsonReport).findings
    .map((finding) => finding.rule)
    .filter((rule) => rule === 'flat-commission' || rule === 'okr-old-priority' || rule === 'recognition-mismatch');

describe('baseline', () => {
  it("records today's findings by rule, file and instrument, then reports only new ones", () => {
    const dir = tempDir({ 'policies/policy.yaml': TWO_FINDINGS });
    const lintIn = (...args: string[]) => runCli(['--no-config', '--format', 'json', 'policies', ...args], { cwd: dir });

    const written = lintIn('--baseline-write', 'ci/baseline.json');
    expect(written.code).toBe(0);
    expect(rules(written.stdout)).toEqual([]);
    expect(written.stderr).toMatch(/^wrote ci\/baseline\.json: \d+ findings in \d+ entries\n$/);
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'ci', 'baseline.json'), 'utf8'));
    expect(baseline.version).toBe(1);
    expect(
      baseline.entries.filter((entry: { rule: string }) => entry.rule === 'flat-commission' || entry.rule === 'okr-old-priority'),
    ).toEqual([
      { rule: 'flat-commission', file: '../policies/policy.yaml', instrument: 'ae-2026', count: 1 },
      { rule: 'okr-old-priority', file: '../policies/policy.yaml', instrument: 'engineering-2026-h1', count: 1 },
    ]);

    // Lines above move every finding: the baseline still matches, because it is not keyed by line.
    fs.writeFileSync(path.join(dir, 'policies', 'policy.yaml'), `# reviewed by the comp committee\n# on 2026-05-01\n${TWO_FINDINGS}`);
    const shifted = lintIn('--baseline', 'ci/baseline.json');
    expect(shifted.code).toBe(0);
    expect(rules(shifted.stdout)).toEqual([]);
    expect(shifted.stderr).toBe('');

    // A new finding is reported; the known ones stay hidden.
    fs.writeFileSync(
      path.join(dir, 'policies', 'policy.yaml'),
      TWO_FINDINGS.replace(
        '      - { text: Cross-team enabler',
        '      - { text: Top SMB closer, segment: smb, teams: [sales] }\n      - { text: Cross-team enabler',
      ),
    );
    const fresh = lintIn('--baseline', 'ci/baseline.json');
    expect(fresh.code).toBe(1);
    expect(rules(fresh.stdout)).toEqual(['recognition-mismatch']);
  });

  it('reports entries that no longer match as stale, and --baseline-prune removes them', () => {
    const dir = tempDir({ 'policy.yaml': TWO_FINDINGS });
    const lintIn = (...args: string[]) => runCli(['--no-config', '--format', 'json', ...args], { cwd: dir });
    expect(lintIn('--baseline-write', 'baseline.json').code).toBe(0);

    fs.writeFileSync(path.join(dir, 'policy.yaml'), FLAT_PLAN); // the velocity key result is gone
    const stale = lintIn('--baseline', 'baseline.json');
    expect(stale.code).toBe(0);
    expect(stale.stderr).toBe(
      // The velocity key result sits beside an outcome key result, which balances it: speed-without-quality never fired.
      'baseline.json: 1 stale entry no longer matches a finding (fixed, or the rule is off); remove it with --baseline-prune:\n' +
        '  okr-old-priority in policy.yaml (engineering-2026-h1)\n',
    );

    const pruned = lintIn('--baseline', 'baseline.json', '--baseline-prune');
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toBe('pruned 1 stale entry from baseline.json\n');
    const entries = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')).entries as { rule: string }[];
    expect(entries.map((entry) => entry.rule)).toContain('flat-commission');
    expect(entries.map((entry) => entry.rule)).not.toContain('okr-old-priority');
    expect(lintIn('--baseline', 'baseline.json').stderr).toBe('');
  });

  it('refuses a missing or malformed baseline, and --baseline-prune without --baseline (exit 2)', () => {
    const dir = tempDir({ 'policy.yaml': TWO_FINDINGS, 'bad.json': '{"version": 2, "entries": []}' });
    const missing = runCli(['--no-config', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error nope.json: no such baseline file: write one with --baseline-write <file>');
    const malformed = runCli(['--no-config', '--baseline', 'bad.json'], { cwd: dir });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('error bad.json: not a baseline written by --baseline-write (version: ');
    const prune = runCli(['--no-config', '--baseline-prune'], { cwd: dir });
    expect(prune.code).toBe(2);
    expect(prune.stderr).toContain('--baseline-prune needs --baseline <file>');
  });

  it('reports every finding of a key whose count grew, since which one is new cannot be told', async () => {
    const result = await lint({ files: [{ path: 'policy.yaml', text: FLAT_PLAN }] }, { config: false, today: '2026-06-01' });
    const flat = result.findings.find((finding) => finding.rule === 'flat-commission')!;
    const same = (file: string) => file;
    const baseline = buildBaseline([flat], same);
    expect(applyBaseline([flat], baseline, same)).toMatchObject({ fresh: [], known: [flat], stale: [] });
    const another = { ...flat, line: flat.line + 1 };
    expect(applyBaseline([flat, another], baseline, same)).toMatchObject({ fresh: [flat, another], known: [], stale: [] });
    expect(applyBaseline([], baseline, same)).toMatchObject({
      fresh: [],
      stale: [{ rule: 'flat-commission', instrument: 'ae-2026', count: 1 }],
      pruned: { entries: [] },
    });
  });
});
