import { describe, expect, it } from 'vitest';
import { LintBatch } from './bad-input/harness.js';
import { BASE_POLICY, lineOf, runCli, salesPlan, tempDir } from './helpers.js';

const STRATEGY = BASE_POLICY;
const PLAN = `version: 1\n${salesPlan()}`;

function expectInputError(run: { code: number; stderr: string; stdout: string }, pattern: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|ZodError/);
  expect(run.stdout).toBe('');
}

describe('a policy split over files and folders', () => {
  it('lints as one policy, and each finding names the file and line of its node', () => {
    const dir = tempDir({
      'policy/strategy.yaml': STRATEGY,
      'policy/plans/sales/ae.yaml': PLAN,
      'policy/.github/workflows/ci.yml': 'name: CI\non: [push]\n',
      'policy/node_modules/pkg/policy.yaml': 'version: 1\nnot: valid\n',
      'policy/docker-compose.yml': 'version: "3.8"\nservices: {}\n',
    });
    const run = runCli(['policy', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: { rule: string; file: string; line: number; column: number; path: unknown[] }[];
      summary: { files: number };
    };
    expect(report.summary.files).toBe(2);
    const flat = report.findings.find((f) => f.rule === 'flat-commission');
    expect(flat).toMatchObject({
      file: 'policy/plans/sales/ae.yaml',
      line: lineOf(PLAN, 'segment: smb'),
      column: 9,
      path: ['compensation', 0, 'commission', 1],
    });
  });

  it('says how many YAML files without a version key it skipped', () => {
    const dir = tempDir({ 'strategy.yaml': STRATEGY, 'ci.yml': 'name: CI\n', 'other.yaml': 'foo: 1\n' });
    const run = runCli(['.'], { cwd: dir });
    expect(run.stdout).toContain('(skipped 2 YAML files without a version key: ci.yml, other.yaml)');
  });

  it('a second strategy is an input error naming both places', () => {
    const dir = tempDir({ 'a.yaml': STRATEGY, 'b.yaml': STRATEGY });
    expectInputError(
      runCli(['.'], { cwd: dir }),
      /^error b\.yaml:3:1: a second strategy: a policy has exactly one \(the first is in a\.yaml:3\)/m,
    );
  });

  it('no strategy at all is an input error', () => {
    const dir = tempDir({ 'plan.yaml': PLAN });
    expectInputError(runCli(['plan.yaml'], { cwd: dir }), /plan\.yaml:1:1: the policy has no strategy: add a `strategy:` section/);
  });
});

describe('bad input: exit 2, file:line:column, a plain sentence, no stack trace', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a syntax error (unclosed flow mapping)',
      `${BASE_POLICY}compensation:\n  - { id: ae, team: sales\n`,
      /policy\.yaml:23:5: this \{ mapping \} is never closed: end it with \}/,
    ],
    [
      'a duplicate key',
      BASE_POLICY.replace('organization: Test Co', 'organization: Test Co\norganization: Again'),
      /policy\.yaml:3:1: duplicate key "organization": a key may appear once in a mapping/,
    ],
    [
      'an alias bomb',
      `version: 1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
      /policy\.yaml:\d+:\d+: too many aliases: a document may expand at most 50 aliases/,
    ],
    [
      'an unknown key with a near miss',
      `${BASE_POLICY}compensation:\n  - id: ae-2026\n    comission: []\n`,
      /policy\.yaml:24:5: unknown key "comission" in a compensation plan; did you mean "commission"\?/,
    ],
    [
      'a wrong type',
      BASE_POLICY.replace('sales_cycle_days: 210', 'sales_cycle_days: "210 days"'),
      /policy\.yaml:12:41: sales_cycle_days is a number, such as 210/,
    ],
    [
      'a rate above 100%',
      `${BASE_POLICY}compensation:\n  - id: ae-2026\n    commission:\n      - { metric: new-arr, rate: 8 }\n`,
      /policy\.yaml:25:34: rate: 8 \(800%\) is above 100%: if you meant 8%, write 0.08 or "8%"/,
    ],
    [
      'a missing version',
      BASE_POLICY.replace('version: 1\n', ''),
      /policy\.yaml:1:1: holds policy content \([a-z, ]+\) but no version key, so it cannot be read as part of the policy: add `version: 1` as its first line/,
    ],
    ['an empty file', '', /policy\.yaml:1:1: the file is empty: a policy file starts with version: 1/],
    [
      'tabs for indentation',
      `${BASE_POLICY}okrs:\n\tfoo: 1\n`,
      /policy\.yaml:23:1: tabs are not allowed as indentation: YAML indents with spaces, not tabs/,
    ],
    ['a tag', `${BASE_POLICY}organization2: !!js/function 'x'\n`, /policy\.yaml:\d+:\d+: YAML tag !!js\/function is not allowed/],
    [
      'an impossible date',
      BASE_POLICY.replace('2026-03-02', '2026-02-30'),
      /policy\.yaml:5:14: announced: 2026-02-30 is not a calendar date/,
    ],
    [
      'a non-kebab id',
      BASE_POLICY.replace('id: enterprise-growth', 'id: Enterprise Growth'),
      /policy\.yaml:7:11: id: "Enterprise Growth" is not a kebab-case id: use lowercase letters, digits and hyphens, such as "enterprise-growth"/,
    ],
    [
      'a bad enum value',
      BASE_POLICY.replace('kind: revenue', 'kind: revnue'),
      /policy\.yaml:15:\d+: kind: the text "revnue" is not one of revenue, non-revenue; did you mean "revenue"\?/,
    ],
  ];
  // Every case stops at its own file: one run of the CLI for all of them (see LintBatch).
  const batch = new LintBatch();
  for (const [name, text, pattern] of cases) {
    batch.it(name, { 'policy.yaml': text }, (run) => expectInputError(run, pattern));
  }

  batch.it('a missing file', {}, (run) => expectInputError(run, /no\/such\/policy\.yaml: no such file or folder/), ['no/such/policy.yaml']);

  it('a folder with no policy files', () => {
    const dir = tempDir({ 'ci.yml': 'name: CI\n' });
    expectInputError(runCli(['.'], { cwd: dir }), /no policy files found \(skipped 1 YAML file without a version key\)/);
  });
});
