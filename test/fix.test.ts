/**
 * `incentive-lint fix` as a user runs it, on copies of policies in temporary folders: the diff of
 * --dry-run applies with git, a safe fix changes the value and nothing around it, only the policy
 * files that were read change, a run with nothing to fix says so, and the exit code is the re-lint's
 * (ESLint's --fix: 1 while an error is left, 0 otherwise, 2 for input it cannot read). The edits in
 * JSON and SARIF `fixes` are checked against the same texts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTextEdits } from '../src/engine/edits.js';
import { BASE_POLICY } from '../src/testing/index.js';
import { EXAMPLES, runCli, tempDir } from './helpers.js';
import { compileFile, SARIF_SCHEMA_PATH } from './json-schema.js';

const TODAY = ['--today', '2026-06-01'];
/** The base policy with no team left unnamed (its engineering team would be an info finding of its own). */
const BASE = BASE_POLICY.replace('  - { id: engineering, kind: non-revenue }\n', '');

/** A plan on the favored metric whose rate of 1 reads as 100%: implausible-value's safe fix, around comments and hand alignment. */
const TYPO_PLAN = `compensation:
  # Enterprise AEs. Rates were agreed with finance on 2026-01-12.
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    rationale: Pays enterprise ARR, which the strategy favors.

    commission:
      - metric: enterprise-arr
        segment:   enterprise     # aligned by hand
        rate: 1       # the rate from the offer letter
    clawback: { months: 12, triggers: [churn] }   # twelve months, agreed with legal
`;

/** Pays enterprise and smb the same rate: flat-commission's error, whose fix is a suggestion (raise a rate). */
const FLAT_PLAN = `compensation:
  - id: ae-2026
    team: sales
    effective: 2026-01-01
    rationale: Every new ARR dollar pays the same.
    commission:
      - { metric: new-arr, segment: enterprise, rate: "8%" }
      - { metric: new-arr, segment: smb, rate: "8%" }
    clawback: { months: 12, triggers: [churn] }
`;

const git = (cwd: string, ...args: string[]) => {
  const run = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

const lintJson = (cwd: string, ...paths: string[]) => {
  const run = runCli(['lint', ...paths, '--format', 'json', ...TODAY], { cwd });
  return JSON.parse(run.stdout) as {
    findings: {
      rule: string;
      path: unknown[];
      edits?: {
        file: string;
        range: [number, number];
        text: string;
        safety: string;
        start: { line: number; column: number };
        end: { line: number; column: number };
      }[];
    }[];
  };
};

/** Every file under a folder and its bytes. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((entry) => entry.isFile() && !entry.parentPath.includes(`${path.sep}.git`) && entry.name !== '.git')
      .map((entry) => {
        const full = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, full), fs.readFileSync(full, 'utf8')];
      }),
  );

describe('incentive-lint fix --dry-run', () => {
  it('prints a unified diff that git apply applies to the repository, after which no finding has an edit left', () => {
    const dir = tempDir({ 'enterprise-first.yaml': fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8') });
    expect(git(dir, 'init', '-q').code).toBe(0);
    expect(git(dir, 'add', '.').code).toBe(0);
    expect(git(dir, 'commit', '-qm', 'policy').code).toBe(0);
    const before = lintJson(dir, 'enterprise-first.yaml');
    const fixable = before.findings.filter((finding) => finding.edits).map((finding) => `${finding.rule} ${JSON.stringify(finding.path)}`);
    expect(fixable.length).toBeGreaterThan(0);

    const run = runCli(['fix', 'enterprise-first.yaml', '--dry-run', '--suggestions', ...TODAY], { cwd: dir });
    // Errors without a mechanical fix are left: exit 1, as `eslint --fix` exits while an error remains.
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^={10,}\n--- a\/enterprise-first\.yaml\n\+\+\+ b\/enterprise-first\.yaml\n@@ /);
    expect(run.stderr).toMatch(/^would change 1 file \(\d+ edits?\): enterprise-first\.yaml; \d+ findings left\n$/);
    // A dry run writes nothing.
    expect(git(dir, 'status', '--porcelain').stdout).toBe('');

    fs.writeFileSync(path.join(dir, 'fix.patch'), run.stdout);
    const applied = git(dir, 'apply', '--whitespace=error-all', 'fix.patch');
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(git(dir, 'diff', '--name-only').stdout).toBe('enterprise-first.yaml\n');
    const after = lintJson(dir, 'enterprise-first.yaml');
    const left = after.findings.map((finding) => `${finding.rule} ${JSON.stringify(finding.path)}`);
    // Every finding with an edit is gone, but the second line of a plan (and of an OKR set) moved to
    // the same favored metric as the first: its fix, now "move its weight to the line the plan
    // already has", is words, not an edit. Nothing is left that fix could still apply.
    expect(fixable.filter((finding) => left.includes(finding))).toEqual([
      'pay-old-priority ["compensation",2,"bonus",2]',
      'okr-old-priority ["okrs",0,"key_results",1]',
    ]);
    expect(after.findings.filter((finding) => finding.edits)).toEqual([]);
  });

  it('applies one fix per rule and instrument in a pass, so two lines of a plan are not both moved to the same metric', () => {
    const dir = tempDir({ 'enterprise-first.yaml': fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8') });
    const before = lintJson(dir, 'enterprise-first.yaml');
    // pay-old-priority suggests net-retention for both customer-count and accounts-per-csm of cs-2026, each on its own.
    expect(before.findings.filter((finding) => finding.rule === 'pay-old-priority').map((finding) => finding.edits?.[0]?.text)).toEqual([
      'net-retention',
      'net-retention',
    ]);
    const run = runCli(['fix', 'enterprise-first.yaml', '--dry-run', '--suggestions', ...TODAY], { cwd: dir });
    const added = run.stdout.split('\n').filter((line) => line.startsWith('+ '));
    expect(added.filter((line) => line.includes('metric: net-retention'))).toEqual(['+      - { metric: net-retention, weight: 0.3 }']);
    expect(added.filter((line) => line.includes('metric: enterprise-feature-adoption'))).toEqual([
      '+      - { metric: enterprise-feature-adoption, target: "+20%" }',
    ]);
  });

  it('without --suggestions applies only safe edits: nothing on enterprise-first, and it says how to apply the suggestions', () => {
    const dir = tempDir({ 'enterprise-first.yaml': fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8') });
    const run = runCli(['fix', 'enterprise-first.yaml', '--dry-run', ...TODAY], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^nothing to fix: no finding has a safe fix incentive-lint can apply; 20 findings left, 6 findings with a suggested fix \(--suggestions applies them\)\n$/,
    );
  });
});

describe('incentive-lint fix', () => {
  it('a safe fix (implausible-value: rate 1 → "1%") changes the value and keeps every comment, blank line and alignment byte for byte', () => {
    const text = BASE + TYPO_PLAN;
    const dir = tempDir({ 'policy.yaml': text });
    const run = runCli(['fix', 'policy.yaml', ...TODAY], { cwd: dir });
    expect(run.stderr).toBe('changed 1 file (1 edit): policy.yaml; no finding is left\n');
    expect(run.code).toBe(0);
    const fixed = fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8');
    const at = text.indexOf('rate: 1 ') + 'rate: '.length;
    expect(fixed).toBe(`${text.slice(0, at)}"1%"${text.slice(at + 1)}`);
    expect(runCli(['lint', 'policy.yaml', ...TODAY], { cwd: dir }).code).toBe(0);
  });

  it('changes only the policy file that holds the fix: other policy files, files it did not read and a copy outside the paths stay as they were', () => {
    const plans = `version: 1\n${TYPO_PLAN}`;
    const dir = tempDir({
      'policy/base.yaml': BASE,
      'policy/plans.yaml': plans,
      'policy/notes.yaml': 'just: notes, not a policy\n',
      'copy/plans.yaml': plans,
      'README.md': 'rate: 1\n',
    });
    const before = snapshot(dir);
    const run = runCli(['fix', 'policy', ...TODAY], { cwd: dir });
    expect(run.stderr).toMatch(/^changed 1 file \(1 edit\): policy[/\\]plans\.yaml; no finding is left\n/);
    expect(run.code).toBe(0);
    const after = snapshot(dir);
    // No other file, and no temporary file left behind by the writer.
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const file of Object.keys(before)) if (file !== path.join('policy', 'plans.yaml')) expect(after[file], file).toBe(before[file]);
    expect(after[path.join('policy', 'plans.yaml')]).toBe(plans.replace('rate: 1 ', 'rate: "1%" '));
  });

  it('never writes through a symbolic link: the file it points to is left as it was', () => {
    const plans = `version: 1\n${TYPO_PLAN}`;
    const dir = tempDir({ 'policy/base.yaml': BASE, 'elsewhere/plans.yaml': plans });
    fs.symlinkSync(path.join(dir, 'elsewhere', 'plans.yaml'), path.join(dir, 'policy', 'plans.yaml'));
    const run = runCli(['fix', 'policy', ...TODAY], { cwd: dir });
    expect(run.stderr).not.toMatch(/^changed/);
    expect(fs.readFileSync(path.join(dir, 'elsewhere', 'plans.yaml'), 'utf8')).toBe(plans);
    expect(fs.lstatSync(path.join(dir, 'policy', 'plans.yaml')).isSymbolicLink()).toBe(true);
  });

  it('keeps CRLF line endings: a line it adds to a CRLF file ends with CRLF, and the finding it fixes is gone', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'shared-incentives.yaml'), 'utf8').replace(/\n/g, '\r\n');
    const dir = tempDir({ 'policy.yaml': text });
    const before = lintJson(dir, 'policy.yaml').findings.filter((finding) => finding.rule === 'no-retention-guard');
    expect(before).toHaveLength(1);
    runCli(['fix', 'policy.yaml', '--suggestions', '--rule', 'no-retention-guard', ...TODAY], { cwd: dir });
    const fixed = fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8');
    expect(fixed).toContain('\r\n    clawback: { months: 6 }\r\n');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lintJson(dir, 'policy.yaml').findings.filter((finding) => finding.rule === 'no-retention-guard')).toEqual([]);
  });

  it('with nothing to fix says so, writes nothing and exits 0 on a clean policy', () => {
    const dir = tempDir({ 'aligned.yaml': fs.readFileSync(path.join(EXAMPLES, 'aligned.yaml'), 'utf8') });
    const before = snapshot(dir);
    const mtime = fs.statSync(path.join(dir, 'aligned.yaml')).mtimeMs;
    const run = runCli(['fix', 'aligned.yaml', ...TODAY], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('nothing to fix: no finding has a safe fix incentive-lint can apply; no finding is left\n');
    expect(snapshot(dir)).toEqual(before);
    expect(fs.statSync(path.join(dir, 'aligned.yaml')).mtimeMs).toBe(mtime);
  });

  it('exits 1 while an error is left and 0 once --suggestions has fixed it (the re-lint decides, as in eslint --fix)', () => {
    const dir = tempDir({ 'policy.yaml': BASE + FLAT_PLAN });
    expect(runCli(['lint', 'policy.yaml', ...TODAY], { cwd: dir }).code).toBe(1);

    const safeOnly = runCli(['fix', 'policy.yaml', ...TODAY], { cwd: dir });
    expect(safeOnly.code).toBe(1);
    expect(safeOnly.stdout).toMatch(/flat-commission/);
    expect(safeOnly.stderr).toBe(
      'nothing to fix: no finding has a safe fix incentive-lint can apply; 1 finding left, 1 finding with a suggested fix (--suggestions applies it)\n',
    );
    expect(fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8')).toBe(BASE + FLAT_PLAN);

    const withSuggestions = runCli(['fix', 'policy.yaml', '--suggestions', ...TODAY], { cwd: dir });
    expect(withSuggestions.stderr).toBe('changed 1 file (1 edit): policy.yaml; no finding is left\n');
    expect(withSuggestions.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8')).toBe(
      BASE + FLAT_PLAN.replace('segment: enterprise, rate: "8%"', 'segment: enterprise, rate: "16%"'),
    );
  });

  it("--rule applies only that rule's fixes, and a --rule that names no rule is a usage error (exit 2)", () => {
    const dir = tempDir({ 'policy.yaml': BASE + FLAT_PLAN.replace('rate: "8%" }\n    clawback', 'rate: 1 }\n    clawback') });
    const other = runCli(['fix', 'policy.yaml', '--suggestions', '--rule', 'implausible-value', '--dry-run', ...TODAY], { cwd: dir });
    expect(other.stdout).toMatch(/^\+.*segment: smb, rate: "1%"/m);
    expect(other.stdout).not.toMatch(/16%/);
    const unknown = runCli(['fix', 'policy.yaml', '--rule', 'implausible-values', ...TODAY], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--rule implausible-values names no rule of this run/);
  });

  it('refuses a policy it cannot read with the file, line and column, exit 2, and writes nothing', () => {
    const dir = tempDir({ 'policy.yaml': `${BASE}compensation: [\n` });
    const run = runCli(['fix', 'policy.yaml', ...TODAY], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/policy\.yaml:\d+:\d+/);
    expect(run.stderr).toMatch(/nothing was fixed \(exit 2\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8')).toBe(`${BASE}compensation: [\n`);
  });
});

describe('edits in the JSON and SARIF reports', () => {
  const text = BASE + TYPO_PLAN;

  it('JSON edits give the change by offsets and by one-based line and column, and applying them is what fix writes', () => {
    const dir = tempDir({ 'policy.yaml': text });
    const [finding] = lintJson(dir, 'policy.yaml').findings;
    expect(finding!.rule).toBe('implausible-value');
    const [edit] = finding!.edits!;
    const line = text.split('\n').findIndex((candidate) => candidate.includes('rate: 1 ')) + 1;
    expect(edit).toEqual({
      file: 'policy.yaml',
      start: { line, column: 15 },
      end: { line, column: 16 },
      range: [text.indexOf('rate: 1 ') + 6, text.indexOf('rate: 1 ') + 7],
      text: '"1%"',
      safety: 'safe',
    });
    runCli(['fix', 'policy.yaml', ...TODAY], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8')).toBe(applyTextEdits(text, finding!.edits as never).text);
  });

  it('SARIF carries them as fixes that validate against the SARIF 2.1.0 schema, and applying the replacements by region gives the fixed text', () => {
    const dir = tempDir({ 'policy.yaml': text, 'flat/policy.yaml': BASE + FLAT_PLAN });
    const validate = compileFile(SARIF_SCHEMA_PATH);
    for (const target of ['policy.yaml', 'flat']) {
      const run = runCli(['lint', target, '--format', 'sarif', ...TODAY], { cwd: dir });
      const log = JSON.parse(run.stdout);
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      const results = log.runs[0].results as {
        ruleId: string;
        fixes?: {
          description: { text: string };
          properties: { safety: string };
          artifactChanges: {
            artifactLocation: { uri: string };
            replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[];
          }[];
        }[];
      }[];
      const withFixes = results.filter((result) => result.fixes);
      expect(withFixes.map((result) => result.ruleId)).toEqual([target === 'flat' ? 'flat-commission' : 'implausible-value']);
      const [fix] = withFixes[0]!.fixes!;
      expect(fix!.properties.safety).toBe(target === 'flat' ? 'suggestion' : 'safe');
      // What the edits write, not the fix in words (which offers two ways; the edits take the first).
      expect(fix!.description.text).toBe(
        target === 'flat' ? 'Suggested fix (a decision to review): Change "8%" to "16%"' : 'Safe fix: Change 1 to "1%"',
      );
      const [change] = fix!.artifactChanges;
      const file = target === 'flat' ? 'flat/policy.yaml' : 'policy.yaml';
      expect(change!.artifactLocation.uri).toBe(file);
      const original = fs.readFileSync(path.join(dir, file), 'utf8');
      const expected = runCli(['fix', target, '--dry-run', '--suggestions', ...TODAY], { cwd: dir }).stdout;
      const fixed = applyRegions(original, change!.replacements);
      expect(fixed).not.toBe(original);
      // The one line the fix changes, as the dry run's diff shows it.
      const changedLine = fixed.split('\n').find((line, index) => line !== original.split('\n')[index]);
      expect(expected).toContain(`\n+${changedLine}\n`);
    }
  });
});

/** Applies SARIF replacements as a viewer does: regions by one-based line and UTF-16 column (SARIF's default columnKind). */
function applyRegions(
  text: string,
  replacements: readonly { deletedRegion: Record<string, number>; insertedContent: { text: string } }[],
): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const offset = (line: number, column: number) => lineStarts[line - 1]! + column - 1;
  const spans = replacements.map(({ deletedRegion: region, insertedContent }) => ({
    from: offset(region.startLine!, region.startColumn!),
    to: offset(region.endLine ?? region.startLine!, region.endColumn!),
    text: insertedContent.text,
  }));
  return spans.sort((a, b) => b.from - a.from).reduce((out, span) => out.slice(0, span.from) + span.text + out.slice(span.to), text);
}
