import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileFile, SARIF_SCHEMA_PATH } from './json-schema.js';
import { BIN, EXAMPLES, ROOT, tempDir } from './helpers.js';
import { readGithub, readJunit } from './report-parsers.js';

interface ActionStep {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const CI_START = README.indexOf('## CI integration');
const CI_END = README.indexOf('\n## ', CI_START + 1);
const CI_SECTION = README.slice(CI_START, CI_END === -1 ? undefined : CI_END);

/** A repository checkout: the enterprise-first example as its policy/ folder, and `files`. */
function repository(files: Record<string, string> = {}): string {
  return tempDir({ 'policy/plan.yaml': fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8'), ...files });
}

/**
 * Runs one step of the action (by id or index) as the runner would: its script, in a fresh checkout,
 * with its env filled from the inputs; returns what it wrote to GITHUB_OUTPUT and GITHUB_PATH.
 */
function runStep(
  which: string | number,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  files: Record<string, string> = {},
) {
  const step = typeof which === 'number' ? action.runs.steps[which]! : action.runs.steps.find((candidate) => candidate.id === which)!;
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])),
    ...inputs,
  };
  const stepEnv: Record<string, string> = {};
  for (const [name, expression] of Object.entries(step.env ?? {})) {
    stepEnv[name] = expression
      .replace('${{ github.action_path }}', ROOT)
      .replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, input: string) => values[input] ?? '');
  }
  const cwd = repository(files);
  const githubOutput = path.join(cwd, '..', `${path.basename(cwd)}-output`);
  const githubPath = path.join(cwd, '..', `${path.basename(cwd)}-path`);
  fs.writeFileSync(githubOutput, '');
  fs.writeFileSync(githubPath, '');
  const run = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run!], {
    cwd: step['working-directory'] === '${{ github.action_path }}' ? ROOT : cwd,
    env: {
      PATH: process.env.PATH,
      NO_COLOR: '1',
      RUNNER_OS: 'Linux',
      GITHUB_OUTPUT: githubOutput,
      GITHUB_PATH: githubPath,
      ...stepEnv,
      ...env,
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    code: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    cwd,
    outputs: fs.readFileSync(githubOutput, 'utf8'),
    path: fs.readFileSync(githubPath, 'utf8'),
  };
}

/** Runs the action's lint step. */
function runLintStep(inputs: Record<string, string>, files: Record<string, string> = {}) {
  return runStep('lint', inputs, {}, files);
}

describe('the GitHub Action (action.yml)', () => {
  it('is a composite action with the inputs paths, format and config', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'config', 'upload-sarif', 'sarif-file']));
  });

  it('passes inputs through the environment, never pasted into a script, and names only declared inputs', () => {
    for (const step of action.runs.steps) {
      if (step.run) expect(step.run).not.toContain('${{');
    }
    const used = [...fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8').matchAll(/inputs\.([\w-]+)/g)].map((match) => match[1]);
    for (const input of used) expect(Object.keys(action.inputs)).toContain(input);
  });

  it('annotates with the github format, writes SARIF that validates, and fails the step on errors', () => {
    const run = runLintStep({ paths: 'policy/', 'upload-sarif': 'true' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const annotations = readGithub(run.stdout);
    expect(annotations.map((finding) => [finding.rule, finding.file, finding.line])).toContainEqual([
      'flat-commission',
      'policy/plan.yaml',
      76,
    ]);
    expect(run.outputs).toBe('sarif=incentive-lint.sarif\n');
    const sarif = JSON.parse(fs.readFileSync(path.join(run.cwd, 'incentive-lint.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    const validate = compileFile(SARIF_SCHEMA_PATH);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs[0]!.results).toHaveLength(annotations.length);
  });

  it('takes one path per line (spaces kept, blank lines skipped), expands globs, and writes no SARIF unless asked', () => {
    const run = runLintStep({ paths: 'policy/plan.yaml\n', format: 'junit' });
    expect(run.code).toBe(1);
    expect(readJunit(run.stdout).suites.map((suite) => suite.attributes.name)).toEqual(['policy/plan.yaml']);
    expect(run.outputs).toBe('');
    expect(fs.readdirSync(run.cwd)).toEqual(['policy']);

    const spaced = runLintStep(
      { paths: '  policy/plan.yaml  \n\npolicy/Q3 plans/*.yaml\n', format: 'junit' },
      { 'policy/Q3 plans/sales plan.yaml': 'version: 1\n' },
    );
    expect(spaced.stderr).toBe('');
    expect(readJunit(spaced.stdout).suites.map((suite) => suite.attributes.name)).toEqual([
      'policy/Q3 plans/sales plan.yaml',
      'policy/plan.yaml',
    ]);
  });

  it('has a description the Marketplace accepts (under 125 characters)', () => {
    expect((action as unknown as { description: string }).description.length).toBeLessThan(125);
  });

  it('runs on a Node.js still supported in 2026 that package.json allows, and installs it only when the PATH has another', () => {
    const nodeVersion = action.inputs['node-version']!.default!;
    expect(Number(nodeVersion)).toBeGreaterThanOrEqual(22);
    const { engines } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(engines.node).toMatch(/>=22\.12\.0$/);
    const find = (version: string) => runStep('node', { 'node-version': version });
    const same = find(process.versions.node.split('.')[0]!);
    expect(same.outputs).toBe(`caller-dir=${path.dirname(process.execPath)}\ninstall=false\n`);
    expect(find('99').outputs).toContain('install=true');
    const setup = action.runs.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))!;
    expect(setup.if).toBe("${{ steps.node.outputs.install == 'true' }}");
  });

  it("gives later steps the caller's node, npm and npx back when it installed another, and hides no other tool", () => {
    const last = action.runs.steps.at(-1)!;
    expect(last.if).toContain("always() && steps.node.outputs.install == 'true'");
    // The caller's node sits in /usr/bin-like folder with other tools; an earlier step put a tool of its own first.
    const callerBin = tempDir({
      node: '#!/bin/sh\necho caller-node\n',
      npm: '#!/bin/sh\necho caller-npm\n',
      npx: '#!/bin/sh\necho caller-npx\n',
      python3: '#!/bin/sh\necho system-python\n',
    });
    for (const tool of fs.readdirSync(callerBin)) fs.chmodSync(path.join(callerBin, tool), 0o755);
    const runnerTemp = tempDir();
    const run = runStep(action.runs.steps.indexOf(last), {}, { CALLER_NODE_DIR: callerBin, RUNNER_TEMP: runnerTemp });
    expect(run.code).toBe(0);
    const added = run.path.split('\n').filter(Boolean);
    expect(added).toHaveLength(1);
    expect(added[0]).not.toBe(callerBin);
    expect(path.dirname(added[0]!)).toBe(runnerTemp);
    expect(fs.readdirSync(added[0]!).sort()).toEqual(['node', 'npm', 'npx']);
    const earlierTool = tempDir({ python3: '#!/bin/sh\necho setup-python\n' });
    fs.chmodSync(path.join(earlierTool, 'python3'), 0o755);
    // The runner prepends GITHUB_PATH to the PATH the job had: the earlier step's python3 still wins.
    const later = (command: string) =>
      spawnSync('sh', ['-c', command], { env: { PATH: `${added[0]}:${earlierTool}:${callerBin}:/usr/bin:/bin` }, encoding: 'utf8' }).stdout;
    expect(later('node; npm; npx; python3')).toBe('caller-node\ncaller-npm\ncaller-npx\nsetup-python\n');
  });

  describe('the step summary', () => {
    const summaryRun = (existing: string, files: Record<string, string> = {}, inputs: Record<string, string> = {}) => {
      const dir = tempDir({ 'step-summary.md': existing });
      const summary = path.join(dir, 'step-summary.md');
      const run = runStep('lint', { paths: 'policy/', ...inputs }, { GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: dir }, files);
      if (run.code === null) throw new Error(`the lint step did not finish: ${run.stderr.slice(0, 500)}`);
      return { run, text: fs.readFileSync(summary, 'utf8'), leftovers: fs.readdirSync(dir) };
    };

    it('appends the Markdown report after what earlier steps wrote, and leaves no temporary file', () => {
      const { run, text, leftovers } = summaryRun('## Earlier step\n\nkept\n');
      expect(run.code).toBe(1);
      expect(text.startsWith('## Earlier step\n\nkept\n<!-- incentive-lint report -->\n')).toBe(true);
      expect(text).toContain('| 76:9 | error | [flat-commission]');
      expect(text).not.toContain('The report is cut here');
      expect(leftovers).toEqual(['step-summary.md']);
    });

    it('writes nothing there when step-summary is false', () => {
      const { run, text } = summaryRun('earlier\n', {}, { 'step-summary': 'false' });
      expect(run.code).toBe(1);
      expect(text).toBe('earlier\n');
    });

    it('cuts a report longer than 1 MiB at a line, with a note, and stays under 1 MiB', () => {
      const example = fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8');
      // 1,500 more plans paying the same on both segments: about 3,000 findings, 1.3 MiB of Markdown.
      const plans = Array.from(
        { length: 1500 },
        (_, n) =>
          `  - id: flat-${n}\n    team: sales\n    effective: 2026-01-01\n    variable_share: 0.5\n    commission:\n      - { metric: new-arr, segment: enterprise, rate: "8%" }\n      - { metric: new-arr, segment: smb, rate: "8%" }\n    rationale: Same on both.\n`,
      ).join('');
      const big = example.replace('compensation:\n', `compensation:\n${plans}`);
      expect(big).not.toBe(example);
      const earlier = 'earlier step\n';
      const { run, text } = summaryRun(earlier, { 'policy/plan.yaml': big });
      expect(run.code).toBe(1);
      const bytes = Buffer.byteLength(text);
      expect(bytes).toBeLessThan(1024 * 1024);
      expect(bytes).toBeGreaterThan(1000 * 1024);
      expect(text.startsWith(`${earlier}<!-- incentive-lint report -->`)).toBe(true);
      const lines = text.split('\n');
      const note = lines.findIndex((line) => line.startsWith('> **The report is cut here:**'));
      expect(lines[note]).toMatch(
        /^> \*\*The report is cut here:\*\* it is \d{4} KiB, and GitHub shows at most 1 MiB of a step summary\. Every finding is in the log of this step\.$/,
      );
      expect(lines.slice(note + 1)).toEqual(['']);
      // The cut falls between table rows: the last row before the note is whole.
      expect(lines[note - 2]).toMatch(/^\| \d+:\d+ \| .* \|$/);
      expect(lines[note - 1]).toBe('');
    });
  });

  it('builds once per version: npm ci runs only when the cached build (keyed by its sources and Node.js) is missing', () => {
    const first = runStep('build', {});
    expect(first.outputs).toMatch(
      new RegExp(`^key=incentive-lint-Linux-node${process.versions.node.replace(/\./g, '\\.')}-[0-9a-f]{32}\n$`),
    );
    expect(runStep('build', {}).outputs).toBe(first.outputs);
    const cache = action.runs.steps.find((step) => step.uses?.startsWith('actions/cache@'))!;
    expect(cache.with?.key).toBe('${{ steps.build.outputs.key }}');
    expect(cache.with?.path).toContain('${{ github.action_path }}/node_modules');
    expect(cache.with?.path).toContain('${{ github.action_path }}/dist');
    const install = action.runs.steps.find((step) => step.run?.startsWith('npm ci'))!;
    expect(install.if).toBe("${{ steps.cache.outputs.cache-hit != 'true' }}");
  });

  it('uploads with github/codeql-action/upload-sarif only when a SARIF report was written, even after findings', () => {
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.if).toBe("${{ !cancelled() && steps.lint.outputs.sarif != '' }}");
    expect(upload.with).toMatchObject({ sarif_file: '${{ steps.lint.outputs.sarif }}' });
  });

  it('reports no SARIF to upload when the policy cannot be linted (exit 2)', () => {
    const run = runLintStep({ paths: 'missing/', 'upload-sarif': 'true' });
    expect(run.code).toBe(2);
    expect(run.outputs).toBe('');
  });
});

describe('the example workflow and the pre-commit hook', () => {
  it('examples/ci/github-workflow.yml uses the action with declared inputs, with the permission SARIF upload needs', () => {
    const workflow = parse(fs.readFileSync(path.join(EXAMPLES, 'ci', 'github-workflow.yml'), 'utf8')) as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    const step = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((candidate) => candidate.uses?.startsWith('incentive-lint/incentive-lint@'))!;
    for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    expect(step.with?.['upload-sarif']).toBe(true);
    expect(workflow.permissions['security-events']).toBe('write');
    // A private repository's SARIF upload also reads the workflow run.
    expect(workflow.permissions.actions).toBe('read');
  });

  it('the README shows the example workflow verbatim', () => {
    expect(CI_SECTION).toContain(fs.readFileSync(path.join(EXAMPLES, 'ci', 'github-workflow.yml'), 'utf8'));
  });

  it('.pre-commit-hooks.yaml runs the package binary on the whole policy when a YAML file changes', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      language: string;
      files: string;
      pass_filenames: boolean;
    }[];
    const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect([hook!.id, hook!.language, hook!.pass_filenames]).toEqual(['incentive-lint', 'node', false]);
    expect(Object.keys(packageJson.bin)).toContain(hook!.entry);
    const files = new RegExp(hook!.files);
    expect(['policy/plan.yaml', 'a.yml'].map((file) => files.test(file))).toEqual([true, true]);
    expect(files.test('README.md')).toBe(false);
  });
});

describe('the README CI section, as written', () => {
  const blocks = [...CI_SECTION.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, language, body]) => ({ language: language!, body: body! }));

  it('every YAML snippet parses', () => {
    const yamlBlocks = blocks.filter((block) => block.language === 'yaml');
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(4);
    for (const block of yamlBlocks) expect(() => parse(block.body)).not.toThrow();
  });

  /** Every incentive-lint command of the section: shell lines, and `run:` / `script:` lines of YAML. */
  const commands = blocks
    .flatMap((block) => block.body.split('\n'))
    .map((line) => /(?:^|run: |- )(npx --no-install incentive-lint .*)$/.exec(line.trim())?.[1])
    .filter((command): command is string => command !== undefined);

  it('has the commands this test runs', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
  });

  it('every npx command of the README runs the version the lockfile pins, never one fetched by name', () => {
    const npx = [...README.matchAll(/npx [^\n`]*incentive-lint/g)].map((match) => match[0]);
    expect(npx.length).toBeGreaterThan(10);
    // The one exception is the sentence that warns against it.
    expect(npx.filter((command) => !command.startsWith('npx --no-install incentive-lint'))).toEqual(['npx --yes incentive-lint']);
    expect(README).toContain("`npx --yes incentive-lint` could fetch and run someone else's code");
  });

  it.each(commands)('%s', (command) => {
    const cwd = repository();
    const summary = path.join(cwd, 'step-summary.md');
    const run = spawnSync('bash', ['-c', command.replace(/^npx --no-install incentive-lint/, `"${process.execPath}" "${BIN}"`)], {
      cwd,
      env: { PATH: process.env.PATH, NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(run.stderr).toBe('');
    // The example policy has error-level findings: every command reports them and fails the job.
    expect(run.status).toBe(1);
    const written = [...command.matchAll(/(?<=\S):(\S+)|--output (\S+)/g)].map((match) => match[1] ?? match[2]!);
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) {
      expect(fs.readFileSync(file === '$GITHUB_STEP_SUMMARY' ? summary : path.join(cwd, file), 'utf8')).toContain('flat-commission');
    }
  });
});
