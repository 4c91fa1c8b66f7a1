/**
 * A pull request's author controls the policy, the configuration, the baseline, the cache file and
 * the file names; the CI author controls the command line. None of them may forge what the run
 * prints, overwrite a file, run code from outside the repository or exhaust the machine.
 */
import { createHash, createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LintBatch } from './bad-input/harness.js';
import { policyWith, runCli, salesPlan, tempDir, type CliRun } from './helpers.js';

const CLEAN = fs.readFileSync(path.join(__dirname, '..', 'examples', 'aligned.yaml'), 'utf8');
const FLAT = policyWith(salesPlan('8%', '8%'));

/** Lines of either stream that the Actions runner would read as a workflow command. */
function commandLines(run: CliRun, { annotations = false } = {}): string[] {
  const lines = [...run.stdout.split('\n'), ...run.stderr.split('\n')];
  return lines.filter(
    (line) => (/^\s*::/.test(line) && !(annotations && /^::(error|warning|notice) [^\n]*::/.test(line))) || line.includes('##['),
  );
}

const ESC = '\u001b';

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe('forged output', () => {
  it('a file name holding a newline and a workflow command is printed escaped on both streams of a github run', () => {
    const name = 'a\n::error::forged verdict.yaml';
    const dir = tempDir({ [name]: 'version: 1\nteams: [{ id: Sales }]\n' });
    const run = runCli(['-f', 'github', name], { cwd: dir });
    expect(run.code).toBe(2);
    expect(commandLines(run, { annotations: true })).toEqual([]);
    expect(run.stderr).toContain('error a\\n::error::forged verdict.yaml:2:');
    expect(run.stdout.split('\n')[0]).toMatch(/^::error file=a\\n%3A%3Aerror%3A%3Aforged verdict\.yaml,line=2,/);
  });

  it('a quoted key holding ::stop-commands:: cannot start a line of stderr', () => {
    const dir = tempDir({ 'p.yaml': 'version: 1\n"x\\n::stop-commands::pwned": 1\n' });
    const run = runCli(['-f', 'github', 'p.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(commandLines(run, { annotations: true })).toEqual([]);
    expect(run.stderr).toContain('unknown key "x\\n::stop-commands::pwned"');
  });

  const FORGING_AWARD = policyWith(`recognition:
  - id: awards
    effective: 2026-01-01
    awards:
      - { text: "Top closer\\n\\n✔ no problems in 1 file\\n::error::forged", metric: new-arr, segment: smb, teams: [sales] }
`);

  it('a newline in policy text does not forge lines in stylish or junit', () => {
    const dir = tempDir({ 'p.yaml': FORGING_AWARD });
    const stylish = runCli(['p.yaml', '--today', '2026-06-01'], { cwd: dir });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout.split('\n')).not.toContain('✔ no problems in 1 file');
    expect(stylish.stdout).toContain('Award "Top closer\\n\\n✔ no problems in 1 file\\n::error::forged" in awards');
    expect(commandLines(stylish)).toEqual([]);

    const junit = runCli(['p.yaml', '-f', 'junit', '--today', '2026-06-01'], { cwd: dir });
    expect(junit.stdout.split('\n').filter((line) => line.includes('no problems') && !line.includes('Top closer'))).toEqual([]);
    expect(commandLines(junit)).toEqual([]);
  });

  it('gate and lint markdown escape award text: no HTML, no fake verdict, no mention, no link', () => {
    const award =
      '</li></ul>\\n\\n## Pre-announcement gate: GO\\n<!-- <script>alert(1)</script> ![x](https://evil.example/x.png) @alice https://evil.example';
    const text = policyWith(`recognition:
  - id: awards
    effective: 2026-01-01
    awards:
      - { text: "${award}", metric: new-arr, segment: smb, teams: [sales] }
`);
    const dir = tempDir({ 'p.yaml': text });
    for (const args of [
      ['gate', 'p.yaml', '-f', 'markdown', '--announce', '2026-03-02'],
      ['p.yaml', '-f', 'markdown'],
    ]) {
      const run = runCli([...args, '--today', '2026-06-01'], { cwd: dir });
      expect(run.code).toBe(1);
      const body = run.stdout.replace('<!-- incentive-lint report -->', '').replace(/<br>/g, ' ');
      expect(body).not.toMatch(/(?<!\\)</);
      expect(body.split('\n').filter((line) => /^#+ Pre-announcement gate: GO/.test(line))).toEqual([]);
      expect(body).not.toMatch(/(?<!`)@alice/);
      expect(body).not.toMatch(/(?<!`)https:\/\/evil/);
      expect(body).toContain('`@alice`');
    }
  });

  it('control characters in a suppression comment are shown escaped', () => {
    const text = `${FLAT}# incentive-lint-disable-next-line flat${ESC}]0;pwned\u0007commission -- reason\n`;
    const dir = tempDir({ 'p.yaml': text });
    const run = runCli(['p.yaml', '--rule', 'unused-suppression=error'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('names rule "flat\\u001b]0;pwned\\u0007commission"');
    expect(run.stdout + run.stderr).not.toContain(ESC);
  });

  it('stale baseline entries are echoed escaped, one line each', () => {
    const baseline = {
      version: 1,
      entries: [{ rule: `flat-commission${ESC}[2J\n::error::forged`, file: 'p.yaml', instrument: null, count: 1 }],
    };
    const dir = tempDir({ 'p.yaml': CLEAN, 'baseline.json': JSON.stringify(baseline) });
    const run = runCli(['p.yaml', '--baseline', 'baseline.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('  flat-commission\\u001b[2J\\n::error::forged in p.yaml');
    expect(run.stderr).not.toContain(ESC);
    expect(commandLines(run)).toEqual([]);
  });

  it('command-line arguments are echoed escaped', () => {
    const run = runCli(['-f', `pdf\n::error::forged${ESC}[31m`, 'examples']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown format "pdf\\n" in --format pdf\\n::error::forged\\u001b[31m:');
    expect(commandLines(run)).toEqual([]);
    const commander = runCli(['--rule', 'x\n✔ no problems in 1 file=error', 'examples']);
    expect(commander.code).toBe(2);
    expect(commander.stderr).toContain("argument 'x\\n✔ no problems in 1 file=error' is invalid");
    expect(commander.stderr.split('\n').filter((line) => line.startsWith('✔'))).toEqual([]);
  });

  it('the legacy ##[command] form is neutralized anywhere in a line', () => {
    const dir = tempDir({ 'p.yaml': FORGING_AWARD.replace('::error::forged', '##[error]forged') });
    const run = runCli(['p.yaml', '--today', '2026-06-01'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('##\\u005berror]forged');
    expect(commandLines(run)).toEqual([]);
  });

  // Each file stops the run on its own: one run of the CLI for all five (see LintBatch).
  const invisible = new LintBatch();
  for (const [name, character] of [
    ['U+200E', '\u200e'],
    ['U+200F', '\u200f'],
    ['U+061C', '\u061c'],
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
  ] as const) {
    invisible.it(
      `the invisible mark or separator ${name} is refused in policy text`,
      { 'p.yaml': `version: 1\norganization: "Acme${character} Corp"\n` },
      (run) => {
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`p.yaml:2:15: this text contains the control character ${name}`);
      },
      ['p.yaml'],
    );
  }
});

describe('no file is overwritten', () => {
  it.each([
    ['--baseline-write', ['--baseline-write', 'p.yaml'], 'p.yaml', 'is a policy file this run reads: the baseline will not overwrite it'],
    [
      '--cache-location',
      ['--cache', '--cache-location', 'p.yaml'],
      'p.yaml',
      'is a policy file this run reads: the cache will not overwrite it',
    ],
    [
      '-o',
      ['-o', 'incentive-lint.config.yaml'],
      'incentive-lint.config.yaml',
      'is the configuration file this run reads: the stylish report will not overwrite it',
    ],
  ])('%s naming an input of the run is refused (exit 2), and the file is unchanged', (_flag, args, target, message) => {
    const dir = tempDir({ 'p.yaml': FLAT, 'incentive-lint.config.yaml': 'extends: recommended\n' });
    fs.mkdirSync(path.join(dir, '.git'));
    const before = fs.readFileSync(path.join(dir, target), 'utf8');
    const run = runCli(['p.yaml', ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error ${target}: ${message}`);
    expect(fs.readFileSync(path.join(dir, target), 'utf8')).toBe(before);
  });

  it('-f json:FILE is refused when FILE is a symbolic link or a hard link to the policy', () => {
    const dir = tempDir({ 'p.yaml': FLAT });
    fs.symlinkSync('p.yaml', path.join(dir, 'soft.json'));
    fs.linkSync(path.join(dir, 'p.yaml'), path.join(dir, 'hard.json'));
    const soft = runCli(['p.yaml', '-f', 'json:soft.json'], { cwd: dir });
    expect([soft.code, soft.stderr]).toEqual([
      2,
      expect.stringContaining('error soft.json: is a symbolic link: the json report is never written through a link'),
    ]);
    const hard = runCli(['p.yaml', '-f', 'json:hard.json'], { cwd: dir });
    expect([hard.code, hard.stderr]).toEqual([
      2,
      expect.stringContaining(
        'error hard.json: is a policy file this run reads, or a hard link to it: the json report will not overwrite it',
      ),
    ]);
    expect(fs.readFileSync(path.join(dir, 'p.yaml'), 'utf8')).toBe(FLAT);
  });

  it('a committed link as report file does not send the report outside the repository', () => {
    const outside = tempDir({ '.bashrc': 'export PATH=/usr/bin\n' });
    const dir = tempDir({ 'p.yaml': FLAT });
    fs.symlinkSync(path.join(outside, '.bashrc'), path.join(dir, 'incentive-lint.xml'));
    const run = runCli(['p.yaml', '-f', 'junit:incentive-lint.xml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(fs.readFileSync(path.join(outside, '.bashrc'), 'utf8')).toBe('export PATH=/usr/bin\n');
  });

  it('init does not write through a dangling symbolic link', () => {
    const outside = tempDir();
    const dir = tempDir();
    fs.symlinkSync(path.join(outside, 'planted.yaml'), path.join(dir, 'policy.yaml'));
    const run = runCli(['init', '--force'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error policy.yaml: is a symbolic link');
    expect(fs.existsSync(path.join(outside, 'planted.yaml'))).toBe(false);
  });

  it('--cache-location on a link to a pipe is refused (exit 2) without hanging, and the pipe stays a pipe', () => {
    const dir = tempDir({ 'p.yaml': FLAT });
    mkfifo(path.join(dir, 'pipe'));
    fs.symlinkSync('pipe', path.join(dir, 'cache'));
    const run = runCli(['p.yaml', '--cache', '--cache-location', 'cache'], { cwd: dir, timeout: 20_000, env: { XDG_CACHE_HOME: dir } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error cache: is a symbolic link: the cache is never written through a link');
    expect(fs.lstatSync(path.join(dir, 'pipe')).isFIFO()).toBe(true);
    const direct = runCli(['p.yaml', '--cache', '--cache-location', 'pipe'], { cwd: dir, timeout: 20_000, env: { XDG_CACHE_HOME: dir } });
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain('error pipe: is not a regular file (a device, pipe or socket)');
    expect(fs.lstatSync(path.join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it.each([
    ['-f FMT:FILE', ['p.yaml', '-f', 'json:reports/out.json'], 'the json report'],
    ['-o', ['p.yaml', '-o', 'reports/out.json'], 'the stylish report'],
    ['--baseline-write', ['p.yaml', '--baseline-write', 'reports/out.json'], 'the baseline'],
    ['--cache-location', ['p.yaml', '--cache', '--cache-location', 'reports/out.json'], 'the cache'],
    ['report -o', ['report', 'p.yaml', '-o', 'reports/out.json'], 'the HTML report'],
    ['schema -o', ['schema', '-o', 'reports/out.json'], 'the schema'],
  ])(
    '%s into a committed folder link that leads out of the working folder is refused (exit 2), and nothing is written there',
    (_flag, args, what) => {
      const outside = tempDir();
      const dir = tempDir({ 'p.yaml': FLAT });
      fs.symlinkSync(path.relative(dir, outside), path.join(dir, 'reports'));
      const run = runCli(args, { cwd: dir, env: { XDG_CACHE_HOME: tempDir() } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `error reports/out.json: its folder reports is a symbolic link to ${fs.realpathSync(outside)}, outside the working folder: ${what} is never written through a link out of the working folder`,
      );
      expect(fs.readdirSync(outside)).toEqual([]);
    },
  );

  it('a link deeper in the path, or one that leads nowhere, is refused too; a folder link that stays inside the working folder is followed', () => {
    const outside = tempDir();
    const dir = tempDir({ 'p.yaml': FLAT, 'build/reports/.keep': '' });
    fs.mkdirSync(path.join(dir, 'ci'));
    fs.symlinkSync(outside, path.join(dir, 'ci', 'out'));
    fs.symlinkSync('missing-folder', path.join(dir, 'gone'));
    fs.symlinkSync('build/reports', path.join(dir, 'reports'));
    const deep = runCli(['p.yaml', '-f', 'json:ci/out/new/r.json'], { cwd: dir });
    expect([deep.code, deep.stderr]).toEqual([
      2,
      expect.stringContaining('error ci/out/new/r.json: its folder ci/out is a symbolic link to'),
    ]);
    expect(fs.readdirSync(outside)).toEqual([]);
    const dangling = runCli(['p.yaml', '-o', 'gone/r.txt'], { cwd: dir });
    expect([dangling.code, dangling.stderr]).toEqual([
      2,
      expect.stringContaining('error gone/r.txt: its folder gone is a symbolic link that leads nowhere'),
    ]);
    expect(fs.existsSync(path.join(dir, 'missing-folder'))).toBe(false);
    const inside = runCli(['p.yaml', '-f', 'json:reports/r.json'], { cwd: dir });
    expect(inside.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'build', 'reports', 'r.json'), 'utf8')).summary.files).toBe(1);
  });

  it('a path the user writes outside the working folder is written where it leads', () => {
    const outside = tempDir();
    const dir = tempDir({ 'p.yaml': FLAT });
    const run = runCli(['p.yaml', '-o', path.join(path.relative(dir, outside), 'r.txt')], { cwd: dir });
    expect(run.code).toBe(1);
    expect(fs.readFileSync(path.join(outside, 'r.txt'), 'utf8')).toContain('flat-commission');
  });

  it.each([
    ['-o', ['-o', 'policy.yaml']],
    ['-f FMT:FILE', ['-f', 'json:policy.yaml']],
    ['-o through a hard link', ['-o', 'hard.yaml']],
  ])('--stdin --stdin-filename policy.yaml %s is refused (exit 2): the file the text stands for is an input', (_what, args) => {
    const dir = tempDir({ 'policy.yaml': FLAT });
    fs.linkSync(path.join(dir, 'policy.yaml'), path.join(dir, 'hard.yaml'));
    const run = runCli(['--stdin', '--stdin-filename', 'policy.yaml', ...args], { cwd: dir, input: FLAT });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error (policy|hard)\.yaml: is (the file --stdin-filename names|a policy file this run reads)/);
    expect(fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8')).toBe(FLAT);
  });

  it('--stdin-filename naming a file that does not exist yet still keeps the report off it', () => {
    const dir = tempDir();
    const run = runCli(['--stdin', '--stdin-filename', 'new.yaml', '-o', 'new.yaml'], { cwd: dir, input: FLAT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'error new.yaml: is the file --stdin-filename names (the policy text read from stdin stands for it), an input of this run: the stylish report will not overwrite it',
    );
    expect(fs.existsSync(path.join(dir, 'new.yaml'))).toBe(false);
  });

  it('a planted link at the old predictable temporary name (<cache>.<pid>.tmp) is not followed', () => {
    const dir = tempDir({ 'p.yaml': FLAT });
    const victim = path.join(tempDir({ 'victim.txt': 'keep me\n' }), 'victim.txt');
    // The next process ids on this machine: one of them is the run's.
    const next = Number(fs.readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8'));
    for (let pid = next + 1; pid <= next + 400; pid++) fs.symlinkSync(victim, path.join(dir, `.incentive-lint-cache.${pid}.tmp`));
    const run = runCli(['p.yaml', '--cache'], { cwd: dir, env: { XDG_CACHE_HOME: tempDir() } });
    expect(run.code).toBe(1);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(fs.lstatSync(path.join(dir, '.incentive-lint-cache')).isFile()).toBe(true);
  });
});

describe('every file read is a bounded regular file', () => {
  it.each([
    ['a policy path', (pipe: string) => [pipe]],
    ['--baseline', (pipe: string) => ['p.yaml', '--baseline', pipe]],
    ['--config', (pipe: string) => ['p.yaml', '--config', pipe]],
  ])('%s that is a named pipe is refused at once (exit 2)', (_what, args) => {
    const dir = tempDir({ 'p.yaml': FLAT });
    mkfifo(path.join(dir, 'pipe'));
    const run = runCli(args('pipe'), { cwd: dir, timeout: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pipe: ');
    expect(run.stderr).toContain('is a named pipe (FIFO), not a regular file');
  });

  it('a file that needs the exact reader is bounded by --max-exact-items, with a message naming the option', () => {
    const flow = `version: 1\norganization: [${Array.from({ length: 3000 }, () => '1').join(', ')}]\n`;
    const dir = tempDir({ 'p.yaml': flow });
    const bounded = runCli(['p.yaml', '--max-exact-items', '1000'], { cwd: dir });
    expect(bounded.code).toBe(2);
    expect(bounded.stderr).toContain('error p.yaml: this file needs the exact YAML reader');
    expect(bounded.stderr).toContain('raise the limit with --max-exact-items');
    const raised = runCli(['p.yaml'], { cwd: dir });
    expect(raised.code).toBe(2);
    expect(raised.stderr).not.toContain('--max-exact-items');
    expect(raised.stderr).toContain('p.yaml:2:1: organization:');
  });
});

describe('trust', () => {
  it('a forged cache entry is ignored: the policy is linted, not taken from the cache', () => {
    const clean = policyWith(salesPlan('8%', '2%'));
    const dir = tempDir({ 'p.yaml': clean });
    const env = { XDG_CACHE_HOME: tempDir() };
    runCli(['p.yaml', '--cache'], { cwd: dir, env });
    // The attacker's cache: the values of the policy as it was, under the hash of the policy as it is.
    const cacheFile = path.join(dir, '.incentive-lint-cache');
    const [headerLine, body] = splitOnce(fs.readFileSync(cacheFile, 'utf8'));
    const entries = JSON.parse(body) as Record<string, { hash: string }>;
    for (const entry of Object.values(entries)) entry.hash = createHash('sha256').update(FLAT).digest('base64url');
    const forgedBody = JSON.stringify(entries);
    const header = { ...JSON.parse(headerLine), checksum: createHash('sha256').update(forgedBody).digest('base64url') };
    fs.writeFileSync(cacheFile, `${JSON.stringify(header)}\n${forgedBody}`);
    fs.writeFileSync(path.join(dir, 'p.yaml'), FLAT);
    const cached = runCli(['p.yaml', '--cache', '-f', 'json'], { cwd: dir, env });
    const fresh = runCli(['p.yaml', '-f', 'json'], { cwd: tempDir({ 'p.yaml': FLAT }) });
    expect(JSON.parse(cached.stdout)).toEqual(JSON.parse(fresh.stdout));
    expect(JSON.parse(cached.stdout).findings.map((finding: { rule: string }) => finding.rule)).toContain('flat-commission');
  });

  /**
   * A cache whose entries say the flat policy lints clean, signed with `key`: what a merge request
   * commits with a cache-key file of its own. Returns the folder holding p.yaml (the flat policy).
   */
  function forgedCacheSignedWith(key: Buffer): string {
    const dir = tempDir({ 'p.yaml': policyWith(salesPlan('8%', '2%')) });
    runCli(['p.yaml', '--cache'], { cwd: dir, env: { XDG_CACHE_HOME: tempDir() } });
    const cacheFile = path.join(dir, '.incentive-lint-cache');
    const [headerLine, body] = splitOnce(fs.readFileSync(cacheFile, 'utf8'));
    const entries = JSON.parse(body) as Record<string, { hash: string }>;
    for (const entry of Object.values(entries)) entry.hash = createHash('sha256').update(FLAT).digest('base64url');
    const forgedBody = JSON.stringify(entries);
    const header = { ...JSON.parse(headerLine), checksum: createHmac('sha256', key).update(forgedBody).digest('base64url') };
    fs.writeFileSync(cacheFile, `${JSON.stringify(header)}\n${forgedBody}`);
    fs.writeFileSync(path.join(dir, 'p.yaml'), FLAT);
    return dir;
  }

  function plantKey(cacheHome: string, key: Buffer, mode: number): string {
    const file = path.join(cacheHome, 'incentive-lint', 'cache-key');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, key, { mode });
    fs.chmodSync(file, mode);
    return file;
  }

  const rulesOf = (run: CliRun) => (JSON.parse(run.stdout) as { findings: { rule: string }[] }).findings.map((finding) => finding.rule);
  const KEY = Buffer.alloc(32, 7);

  it('a cache key inside the working folder (a CI cache kept in the project, or committed) is not trusted: the policy is linted', () => {
    const dir = forgedCacheSignedWith(KEY);
    plantKey(path.join(dir, '.cache'), KEY, 0o600);
    const run = runCli(['p.yaml', '--cache', '-f', 'json'], { cwd: dir, env: { XDG_CACHE_HOME: path.join(dir, '.cache') } });
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(rulesOf(run)).toContain('flat-commission');
    expect(fs.readFileSync(path.join(dir, '.cache', 'incentive-lint', 'cache-key'))).toEqual(KEY);
  });

  it.each([
    ['readable by others', 0o644],
    ['writable by the group', 0o620],
  ])('a cache key %s is not trusted, and a key the user alone can read is', (_what, mode) => {
    const dir = forgedCacheSignedWith(KEY);
    const cacheHome = tempDir();
    const file = plantKey(cacheHome, KEY, mode);
    const run = runCli(['p.yaml', '--cache', '-f', 'json'], { cwd: dir, env: { XDG_CACHE_HOME: cacheHome } });
    expect(rulesOf(run)).toContain('flat-commission');
    // The control: the same key, private, is the user's own, and a cache signed with it is believed.
    fs.chmodSync(file, 0o600);
    const trusted = runCli(['p.yaml', '--cache', '-f', 'json'], { cwd: forgedCacheSignedWith(KEY), env: { XDG_CACHE_HOME: cacheHome } });
    expect(rulesOf(trusted)).not.toContain('flat-commission');
  });

  it.runIf(process.getuid?.() === 0)('a cache key another user owns is not trusted (run as root: the key is given to nobody)', () => {
    const dir = forgedCacheSignedWith(KEY);
    const cacheHome = tempDir();
    fs.chownSync(plantKey(cacheHome, KEY, 0o600), 65534, 65534);
    const run = runCli(['p.yaml', '--cache', '-f', 'json'], { cwd: dir, env: { XDG_CACHE_HOME: cacheHome } });
    expect(rulesOf(run)).toContain('flat-commission');
  });

  it('the configuration is looked up to the repository root, not above it', () => {
    const parent = tempDir({ 'incentive-lint.config.yaml': 'rules:\n  no-such-rule: error\n' });
    const repo = path.join(parent, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'p.yaml'), CLEAN);
    const run = runCli(['p.yaml'], { cwd: repo });
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it("a plugin path outside the configuration's folder is refused", () => {
    const parent = tempDir({ 'evil.js': 'export default [];\n' });
    const repo = path.join(parent, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'p.yaml'), CLEAN);
    fs.writeFileSync(path.join(repo, 'incentive-lint.config.yaml'), 'plugins:\n  - ../evil.js\n');
    const run = runCli(['p.yaml'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "incentive-lint.config.yaml:2:5: plugin ../evil.js: could not be loaded: the path leads outside the configuration's folder",
    );
  });

  it.each([
    ['process.exit(0) at import', 'process.exit(0);\nexport default [];\n', '20000', 'its worker stopped (exit code 0) before reporting'],
    ['an endless loop at import', 'for (;;) {}\nexport default [];\n', '1000', 'its top-level code did not finish within 1000 ms'],
  ])('a plugin with %s is stopped and reported (exit 2), the run goes on', (_what, code, timeout, message) => {
    const dir = tempDir({ 'p.yaml': CLEAN, 'plugin.mjs': code, 'incentive-lint.config.yaml': 'plugins:\n  - ./plugin.mjs\n' });
    fs.mkdirSync(path.join(dir, '.git'));
    const run = runCli(['p.yaml', '--rule-timeout', timeout], { cwd: dir, timeout: 40_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`plugin ./plugin.mjs: could not be loaded: ${message}`);
  });

  it("a plugin's code never runs in the main thread: one that exits there cannot end the run", () => {
    const plugin = `import { isMainThread } from 'node:worker_threads';
if (isMainThread) process.exit(0);
export default {
  meta: { id: 'acme/sees-plans', category: 'integrity', severity: 'warning', summary: 's', rationale: 'r', source: 's' },
  check({ index, report }) {
    for (const plan of index.instruments) if (plan.lever === 'compensation') report({ node: plan.node, message: 'seen ' + plan.id, fix: 'none' });
  },
};
`;
    const dir = tempDir({ 'p.yaml': FLAT, 'plugin.mjs': plugin, 'incentive-lint.config.yaml': 'plugins:\n  - ./plugin.mjs\n' });
    fs.mkdirSync(path.join(dir, '.git'));
    const run = runCli(['p.yaml', '-f', 'json', '--rule-timeout', '20000'], { cwd: dir, timeout: 40_000 });
    expect(run.code).toBe(1);
    expect(
      (JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] }).findings
        .filter((f) => f.rule === 'acme/sees-plans')
        .map((f) => f.message),
    ).toEqual(['seen ae-2026']);
  });

  it('rules: { __proto__: … } in the configuration is an unknown rule', () => {
    const dir = tempDir({ 'p.yaml': CLEAN, 'incentive-lint.config.yaml': 'rules:\n  __proto__: { polluted: 1 }\n' });
    fs.mkdirSync(path.join(dir, '.git'));
    const run = runCli(['p.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error incentive-lint.config.yaml:2:3: unknown rule "__proto__"');
  });
});

describe('inputs that cost more than their size', () => {
  it('an ignore glob *a*a*…*ab against a long file name does not stall the run (a backtracking matcher would take years)', () => {
    const name = `${'a'.repeat(200)}.yaml`;
    const dir = tempDir({
      'p.yaml': FLAT,
      [name]: 'version: 1\n',
      'incentive-lint.config.yaml': `ignore:\n  - "${'*a'.repeat(24)}b"\n  - "**/${'*a'.repeat(24)}b"\n`,
    });
    fs.mkdirSync(path.join(dir, '.git'));
    const run = runCli(['.', '-f', 'json'], { cwd: dir, timeout: 20_000 });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).summary.files).toBe(2);
  });
});

describe('folder scans stay inside their root', () => {
  it('links to / and to a parent folder are not followed out of the scanned folder', () => {
    const outer = tempDir({ 'outside.yaml': FLAT });
    const root = path.join(outer, 'repo');
    fs.mkdirSync(path.join(root, 'policy'), { recursive: true });
    fs.writeFileSync(path.join(root, 'policy', 'p.yaml'), CLEAN);
    fs.symlinkSync('/', path.join(root, 'policy', 'root'));
    fs.symlinkSync(outer, path.join(root, 'policy', 'up'));
    fs.symlinkSync(path.join(outer, 'outside.yaml'), path.join(root, 'policy', 'linked.yaml'));
    const run = runCli(['policy'], { cwd: root, timeout: 30_000 });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('no problems in 1 file');
  });

  it('a link inside the scanned folder is still followed', () => {
    const root = tempDir({ 'policy/real/p.yaml': CLEAN });
    fs.symlinkSync('real', path.join(root, 'policy', 'alias'));
    const run = runCli(['policy', '-f', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.files).toBe(1);
  });
});

function splitOnce(text: string): [string, string] {
  const newline = text.indexOf('\n');
  return [text.slice(0, newline), text.slice(newline + 1)];
}
