/**
 * `--since` and the commands that read a policy, run by a pull request's author: the working tree,
 * any folder laid out like a repository in it, the configuration and its plugins, and even the
 * commits are theirs. None of it may choose the repository git reads, run a program through git,
 * drop an option of the run, or write outside the temporary folder the earlier version is read into.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, salesPlan, tempDir } from './helpers.js';
import { GIT_ENV } from './git-fixture.js';

/** Runs git for the test's own set-up (never what the CLI runs), with `input` on stdin. */
function git(cwd: string, args: string[], input?: string): string {
  const result = spawnSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    input,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

const strategy = (priorities: string) => `version: 1
strategy:
  name: Test
  announced: 2026-03-02
  priorities:
${priorities}
segments:
  - { id: enterprise }
  - { id: smb }
teams:
  - { id: sales }
metrics:
  - { id: new-arr, segmented: true }
`;
const OLD_STRATEGY = strategy(`    - id: growth
      favor: { metrics: [new-arr] }`);
const NEW_STRATEGY = strategy(`    - id: enterprise-growth
      favor: { segments: [enterprise], metrics: [new-arr] }
      deprioritize: { segments: [smb] }`);
const SALES_PLAN = `version: 1\n${salesPlan()}`;
const STALE_MESSAGE =
  'ae-2026 is unchanged, but the strategy changed what it rewards: segment enterprise (neutral → favored) and segment smb (neutral → deprioritized). Teams keep doing what it still pays for.';

/** A repository whose last commit has the old strategy; the work tree has the new one, so ae-2026 is stale. */
function repositoryWithStalePlan(files: Record<string, string> = {}): string {
  const repo = tempDir({ 'policy/strategy.yaml': OLD_STRATEGY, 'policy/plans.yaml': SALES_PLAN, ...files });
  git(repo, ['init', '-q']);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'old strategy']);
  write(repo, 'policy/strategy.yaml', NEW_STRATEGY);
  return repo;
}

/** A plugin module that leaves `marker` behind when it is imported. */
function markerPlugin(marker: string): string {
  return `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'the plugin ran');\nexport default [];\n`;
}

/** A configuration in `dir` naming a plugin that writes a marker file; returns the marker's path. */
function plantPlugin(dir: string): string {
  const marker = path.join(path.dirname(dir), `${path.basename(dir)}-plugin-ran`);
  write(dir, 'marker-plugin.mjs', markerPlugin(marker));
  write(dir, 'incentive-lint.config.yaml', 'plugins:\n  - ./marker-plugin.mjs\n');
  return marker;
}

function staleMessages(json: string): string[] {
  return (JSON.parse(json) as { findings: { rule: string; message: string }[] }).findings.map(
    (finding) => `${finding.rule}: ${finding.message}`,
  );
}

describe('--since holds every option of the lint run', () => {
  it('--no-config loads no configuration and imports no plugin, for the comparison too', () => {
    const repo = repositoryWithStalePlan();
    const marker = plantPlugin(repo);
    const run = runCli(['--since', 'HEAD', '--no-config', 'policy', '-f', 'json'], { cwd: repo });
    expect(fs.existsSync(marker)).toBe(false);
    expect(run.code).toBe(1);
    expect(staleMessages(run.stdout)).toEqual([`stale-incentive: ${STALE_MESSAGE}`]);
    // The configuration is loaded without --no-config: the marker above is the plugin's to leave.
    runCli(['--since', 'HEAD', 'policy'], { cwd: repo, timeout: 40_000 });
    expect(fs.existsSync(marker)).toBe(true);
  });

  it("--rule and --config set the comparison's severities", () => {
    const repo = repositoryWithStalePlan({ 'strict.yaml': 'rules:\n  stale-incentive: error\n' });
    const off = runCli(['--since', 'HEAD', '--rule', 'stale-incentive=off', 'policy'], { cwd: repo });
    expect([off.code, off.stderr]).toEqual([0, '']);
    expect(off.stdout).not.toContain('stale-incentive');
    const strict = runCli(['--since', 'HEAD', '--config', 'strict.yaml', 'policy', '-f', 'json'], { cwd: repo });
    expect(strict.code).toBe(1);
    expect((JSON.parse(strict.stdout) as { findings: { severity: string }[] }).findings.map((finding) => finding.severity)).toEqual([
      'error',
    ]);
  });

  it('--baseline hides a known stale incentive and leaves the entries of other rules alone', () => {
    const repo = repositoryWithStalePlan({
      'baseline.json': JSON.stringify({
        version: 1,
        entries: [
          { rule: 'stale-incentive', file: 'policy/plans.yaml', instrument: 'ae-2026', count: 1 },
          { rule: 'flat-commission', file: 'policy/plans.yaml', instrument: 'ae-2026', count: 1 },
        ],
      }),
    });
    const run = runCli(['--since', 'HEAD', '--baseline', 'baseline.json', 'policy'], { cwd: repo });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).not.toContain('ae-2026 is unchanged');

    const baselineWrite = runCli(['--since', 'HEAD', '--baseline-write', 'new.json', 'policy'], { cwd: repo });
    expect(baselineWrite.code).toBe(2);
    expect(baselineWrite.stderr).toContain('--baseline-write cannot be combined with --since: a comparison reports stale incentives only');
    expect(fs.existsSync(path.join(repo, 'new.json'))).toBe(false);
  });

  it('--quiet hides the stale warning, and --max-warnings still counts it', () => {
    const repo = repositoryWithStalePlan();
    const run = runCli(['--since', 'HEAD', '--quiet', '--max-warnings', '0', 'policy', '-f', 'json'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(staleMessages(run.stdout)).toEqual([]);
    expect(run.stderr).toBe('1 warning, more than --max-warnings 0 allows (exit 1)\n');
    const quiet = runCli(['--since', 'HEAD', '--quiet', 'policy', '-f', 'json'], { cwd: repo });
    expect([quiet.code, staleMessages(quiet.stdout)]).toEqual([0, []]);
  });

  it('-o and -f NAME:FILE write the reports, the stylish one with the strategy changes first', () => {
    const repo = repositoryWithStalePlan();
    const output = runCli(['--since', 'HEAD', 'policy', '-f', 'stylish', '-o', 'out/stale.txt', '-f', 'sarif:out/stale.sarif'], {
      cwd: repo,
    });
    expect([output.code, output.stdout, output.stderr]).toEqual([1, '', '']);
    const stylish = fs.readFileSync(path.join(repo, 'out/stale.txt'), 'utf8');
    expect(stylish.split('\n').slice(0, 3)).toEqual([
      'Strategy changes from HEAD to the working tree:',
      '  - priority growth removed',
      '  + priority enterprise-growth added',
    ]);
    expect(stylish).toContain(STALE_MESSAGE);
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'out/stale.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(['stale-incentive']);
  });
});

describe('--since reads the repository of the working folder, and git runs nothing the repository names', () => {
  /**
   * The pull request commits, beside its policy, a bare repository's files (HEAD, config, objects/,
   * refs/) whose history has the new strategy already, and whose config names an fsmonitor command.
   */
  function repositoryWithPlantedRepository(): { repo: string; marker: string } {
    const repo = repositoryWithStalePlan();
    const marker = path.join(path.dirname(repo), `${path.basename(repo)}-fsmonitor-ran`);
    const planted = path.join(repo, 'planted');
    git(repo, ['init', '-q', '--bare', planted]);
    fs.rmSync(path.join(planted, 'hooks'), { recursive: true });
    const work = tempDir({ 'strategy.yaml': NEW_STRATEGY, 'plans.yaml': SALES_PLAN });
    git(repo, [`--git-dir=${planted}`, `--work-tree=${work}`, 'add', '-A']);
    git(repo, [`--git-dir=${planted}`, `--work-tree=${work}`, 'commit', '-q', '-m', 'fake history']);
    for (const name of fs.readdirSync(planted)) fs.renameSync(path.join(planted, name), path.join(repo, 'policy', name));
    fs.rmdirSync(planted);
    const gitDir = path.join(repo, 'policy');
    git(repo, [`--git-dir=${gitDir}`, 'config', 'core.bare', 'false']);
    git(repo, [`--git-dir=${gitDir}`, 'config', 'core.worktree', gitDir]);
    git(repo, [`--git-dir=${gitDir}`, 'config', 'core.fsmonitor', `touch ${JSON.stringify(marker)}; false`]);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'the pull request: new strategy and a planted repository']);
    write(repo, 'policy/strategy.yaml', OLD_STRATEGY);
    git(repo, ['commit', '-q', '-a', '-m', 'back to the old strategy']);
    write(repo, 'policy/strategy.yaml', NEW_STRATEGY);
    return { repo, marker };
  }

  it("a committed folder laid out like a repository is data: the history is the working folder's, and its fsmonitor never runs", () => {
    const { repo, marker } = repositoryWithPlantedRepository();
    const run = runCli(['--since', 'HEAD', '--no-config', 'policy', '-f', 'json'], { cwd: repo });
    expect(fs.existsSync(marker)).toBe(false);
    expect(run.code).toBe(1);
    expect(staleMessages(run.stdout)).toEqual([`stale-incentive: ${STALE_MESSAGE}`]);

    const inside = runCli(['--since', 'HEAD', '--no-config', '.'], { cwd: path.join(repo, 'policy') });
    expect(fs.existsSync(marker)).toBe(false);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain(
      `error --since: the working folder ${path.join(repo, 'policy')} is inside a folder laid out like a bare git repository (HEAD, objects/, refs/), which is never used as one`,
    );
  });

  it("an fsmonitor command in the repository's configuration does not run", () => {
    const repo = repositoryWithStalePlan();
    const marker = path.join(path.dirname(repo), `${path.basename(repo)}-fsmonitor-ran`);
    git(repo, ['config', 'core.fsmonitor', `touch ${JSON.stringify(marker)}; false`]);
    const run = runCli(['--since', 'HEAD', 'policy'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(STALE_MESSAGE);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('a path inside another repository (a nested clone or submodule) is refused, exit 2', () => {
    const repo = repositoryWithStalePlan({ 'vendor/policy.yaml': NEW_STRATEGY });
    git(path.join(repo, 'vendor'), ['init', '-q']);
    git(path.join(repo, 'vendor'), ['add', '-A']);
    git(path.join(repo, 'vendor'), ['commit', '-q', '-m', 'vendored']);
    const run = runCli(['--since', 'HEAD', 'vendor/policy.yaml'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `error vendor/policy.yaml is inside another git repository (${path.join(repo, 'vendor')}, a submodule or a nested clone): --since reads only the history of the repository of the working folder (${repo})`,
    );
  });

  it.runIf(process.getuid?.() === 0)(
    "a repository that belongs to another user is refused with git's safe.directory advice, not overridden",
    () => {
      const repo = repositoryWithStalePlan();
      spawnSync('chown', ['-R', '65534:65534', repo]);
      const run = runCli(['--since', 'HEAD', 'policy'], { cwd: repo, env: { SUDO_UID: undefined } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `error --since: git refuses the repository at ${repo}: it belongs to another user (git's safe.directory check). If you trust it, run \`git config --global --add safe.directory ${repo}\``,
      );
      expect(run.stderr).not.toContain('internal error');
    },
  );
});

describe('a crafted commit cannot make --since write outside its temporary folder', () => {
  /** A repository with a commit whose tree `tree` is made by `build` (object ids in, tree id out). */
  function craftedCommit(build: (blob: string, mktree: (lines: string[], missing?: boolean) => string) => string): {
    repo: string;
    commit: string;
  } {
    const repo = repositoryWithStalePlan();
    const blob = git(repo, ['hash-object', '-w', '--stdin'], NEW_STRATEGY);
    const mktree = (lines: string[], missing = false) => git(repo, ['mktree', ...(missing ? ['--missing'] : [])], `${lines.join('\n')}\n`);
    const commit = git(repo, ['commit-tree', '-m', 'crafted', build(blob, mktree)]);
    return { repo, commit };
  }

  it.each([
    [
      '..',
      'a/../../escaped.yaml',
      (blob: string, mktree: (lines: string[]) => string) => {
        const inner = mktree([`100644 blob ${blob}\tescaped.yaml`]);
        const up = mktree([`040000 tree ${mktree([`040000 tree ${inner}\t..`])}\t..`]);
        return mktree([`040000 tree ${up}\ta`]);
      },
    ],
    [
      '.',
      './escaped.yaml',
      (blob: string, mktree: (lines: string[]) => string) => mktree([`040000 tree ${mktree([`100644 blob ${blob}\tescaped.yaml`])}\t.`]),
    ],
  ])('a tree entry named "%s" is refused, naming the commit and the path (exit 2)', (name, shown, build) => {
    const { repo, commit } = craftedCommit(build);
    const temporary = tempDir();
    const inner = path.join(temporary, 'inner');
    fs.mkdirSync(inner);
    const run = runCli(['--since', commit, '.'], { cwd: repo, env: { TMPDIR: inner } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error ${commit}:${shown}: commit ${commit.slice(0, 12)} holds a tree entry named "${name}", which git never creates: the commit was crafted to write outside the folder it is read into, so --since reads nothing from it`,
    );
    expect(fs.readdirSync(temporary)).toEqual(['inner']);
    expect(fs.readdirSync(inner)).toEqual([]);
  });

  it('a tree entry with an empty name is refused (exit 2), never an internal error', () => {
    const { repo, commit } = craftedCommit((blob, mktree) => mktree([`040000 tree ${mktree([`100644 blob ${blob}\tescaped.yaml`])}\t`]));
    const run = runCli(['--since', commit, '.'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error git cannot list the files of ${commit} (commit ${commit.slice(0, 12)}): empty filename in tree entry; the commit is damaged or was crafted`,
    );
    expect(run.stderr).not.toContain('internal error');
  });

  it('a file whose object git cannot read is a diagnostic naming the commit and the path, not an internal error', () => {
    const missing = '1234567890123456789012345678901234567890';
    const { repo, commit } = craftedCommit((_blob, mktree) =>
      mktree([`040000 tree ${mktree([`100644 blob ${missing}\tplans.yaml`], true)}\tpolicy`], true),
    );
    const run = runCli(['--since', commit, 'policy'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error ${commit}:policy/plans.yaml: git cannot read this file at commit ${commit.slice(0, 12)} (object 123456789012 is missing: a partial clone, or a damaged repository)`,
    );
    expect(run.stderr).not.toContain('internal error');
  });
});

describe('every command that reads a policy takes --no-config and honours it', () => {
  const CLEAN = fs.readFileSync(path.join(EXAMPLES, 'aligned.yaml'), 'utf8');

  it.each([
    ['report', ['report', 'p.yaml', '--no-config', '-o', 'report.html'], 0],
    ['diff', ['diff', 'p.yaml', 'p.yaml', '--no-config'], 0],
    ['gate', ['gate', 'p.yaml', '--no-config'], 0],
    ['matrix', ['matrix', 'p.yaml', '--no-config'], 0],
    ['simulate', ['simulate', 'p.yaml', '--no-config'], 0],
  ])('%s --no-config imports no plugin', (_command, args, code) => {
    const dir = tempDir({ 'p.yaml': CLEAN });
    fs.mkdirSync(path.join(dir, '.git'));
    const marker = plantPlugin(dir);
    const run = runCli(args, { cwd: dir });
    expect(fs.existsSync(marker)).toBe(false);
    expect([run.code, run.stderr]).toEqual([code, '']);
  });

  it('matrix and simulate leave out what the configuration ignores, and --no-config reads it all', () => {
    const dir = tempDir({
      'policy/p.yaml': CLEAN,
      'policy/fixtures/broken.yaml': 'version: 1\nteams: [{ id: Sales }]\n',
      'incentive-lint.config.yaml': 'ignore:\n  - policy/fixtures/**\n',
    });
    fs.mkdirSync(path.join(dir, '.git'));
    for (const command of ['matrix', 'simulate']) {
      expect(runCli([command, 'policy'], { cwd: dir }).code).toBe(0);
      const unconfigured = runCli([command, 'policy', '--no-config'], { cwd: dir });
      expect(unconfigured.code).toBe(2);
      expect(unconfigured.stderr).toContain('policy/fixtures/broken.yaml:2:');
    }
  });
});

describe('the GitHub Action on a pull request from a fork', () => {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { steps: { id?: string; run?: string }[] };
  };

  /** Runs the action's lint step for a pull request whose head is `headRepository`, in a checkout with a plugin. */
  function lintPullRequest(headRepository: string | null, inputs: Record<string, string> = {}) {
    const checkout = tempDir({ 'policy/p.yaml': fs.readFileSync(path.join(EXAMPLES, 'aligned.yaml'), 'utf8') });
    fs.mkdirSync(path.join(checkout, '.git'));
    const marker = plantPlugin(checkout);
    const event = path.join(tempDir(), 'event.json');
    fs.writeFileSync(
      event,
      JSON.stringify({ pull_request: { number: 7, head: { repo: headRepository === null ? null : { full_name: headRepository } } } }),
    );
    const values = {
      ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])),
      paths: 'policy/',
      format: 'stylish',
      ...inputs,
    };
    const env = Object.fromEntries(
      Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, value]),
    );
    const step = action.runs.steps.find((candidate) => candidate.id === 'lint')!;
    const run = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run!], {
      cwd: checkout,
      env: {
        PATH: process.env.PATH,
        NO_COLOR: '1',
        INCENTIVE_LINT: BIN,
        GITHUB_OUTPUT: path.join(tempDir(), 'output'),
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/policy',
        ...env,
      },
      encoding: 'utf8',
    });
    return { code: run.status, stdout: run.stdout, ran: fs.existsSync(marker) };
  }

  it('passes --no-config for a fork, and for a deleted one, whatever the inputs say', () => {
    for (const head of ['mallory/policy', null]) {
      const run = lintPullRequest(head, { 'no-config': 'false', config: 'incentive-lint.config.yaml' });
      expect(run.ran).toBe(false);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        '::notice title=incentive-lint::a pull request from a fork: its configuration and plugins are not loaded (--no-config)',
      );
    }
  });

  it('loads the configuration for a pull request from a branch of the repository itself', () => {
    const run = lintPullRequest('acme/policy');
    expect(run.ran).toBe(true);
    expect(run.stdout).not.toContain('::notice');
  });
});
