/**
 * `incentive-lint report` as a user runs it: where the HTML goes, the exit codes, and the checks it
 * shares with the gate. What the page shows in a browser is html-report.browser.test.ts's subject.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_POLICY, EXAMPLES, runCli, tempDir } from './helpers.js';

const ENTERPRISE_FIRST = path.join(EXAMPLES, 'enterprise-first.yaml');

describe('incentive-lint report', () => {
  it('prints one HTML document with the gate verdict to stdout, and exits 0 whatever the verdict', () => {
    const run = runCli(['report', ENTERPRISE_FIRST, '--today', '2026-02-01']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(run.stdout.trimEnd().endsWith('</html>')).toBe(true);
    expect(run.stdout).toContain('data-verdict="no-go"');
    expect(run.stdout).toContain('Announcement on <strong>2026-03-02</strong>');
    expect(run.stdout).not.toMatch(/<script|<link|@import|url\(http|src="http/i);
  });

  it('writes the file named by -o, creating its folder, and says so with the verdict', () => {
    const dir = tempDir();
    const run = runCli(['report', path.join(EXAMPLES, 'aligned.yaml'), '--today', '2026-02-01', '-o', 'board/launch.html'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('wrote board/launch.html: GO for the announcement\n');
    expect(fs.readFileSync(path.join(dir, 'board', 'launch.html'), 'utf8')).toContain('data-verdict="go"');
  });

  it('the GO report of an aligned quota plan quotes no article line, names no change to make, and prices in its currency', () => {
    const run = runCli(['report', path.join(EXAMPLES, 'quota-plan-aligned.yaml'), '--today', '2026-02-01']);
    expect(run.stdout).toContain('data-verdict="go"');
    expect(run.stdout).not.toContain('Rational choice: close SMB deals');
    expect(run.stdout).not.toContain('class="first-changes"');
    expect(run.stdout).toMatch(/USD [\d,]+ \/ month/);
  });

  it('judges against --announce: a later date leaves no instrument late', () => {
    const early = runCli(['report', ENTERPRISE_FIRST, '--today', '2026-02-01']);
    const late = runCli(['report', ENTERPRISE_FIRST, '--today', '2026-02-01', '--announce', '2026-07-01']);
    expect(early.stdout).toContain('product-2026-q3 starts 121 days after the announcement');
    expect(late.stdout).toContain('Announcement on <strong>2026-07-01</strong>');
    expect(late.stdout).not.toContain('days after the announcement');
    expect(late.stdout).toContain('Every instrument is in force by the announcement on 2026-07-01');
  });

  it('never overwrites a policy file it reads (exit 2, the file unchanged)', () => {
    const dir = tempDir({ 'policy.yaml': BASE_POLICY });
    const run = runCli(['report', 'policy.yaml', '-o', 'policy.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('policy.yaml');
    expect(run.stderr).toContain('the HTML report will not overwrite it; choose another file');
    expect(fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8')).toBe(BASE_POLICY);
  });

  it('cannot judge without an announcement date: exit 2 with what to write, no HTML', () => {
    const dir = tempDir({ 'policy.yaml': BASE_POLICY.replace('  announced: 2026-03-02\n', '') });
    const run = runCli(['report', 'policy.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('add `announced: YYYY-MM-DD` to the strategy, or pass --announce YYYY-MM-DD');
    expect(run.stderr).toContain('the report could not be made (exit 2)');
  });

  it('rejects a malformed --announce date as usage (exit 2)', () => {
    const run = runCli(['report', ENTERPRISE_FIRST, '--announce', '2026-3-2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('write the date as YYYY-MM-DD');
  });
});
