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

/** A repository checkout: the enterprise-first example as its policy/ folder. */
function repository(): string {
  return tempDir({ 'policy/plan.yaml': fs.readFileSync(path.join(EXAMPLES, 'enterprise-first.yaml'), 'utf8') });
}

/** Runs the action's lint step as the runner would: its script, with its env filled from inputs. */
function runLintStep(inputs: Record<string, string>) {
  const step = action.runs.steps.find((candidate) => candidate.id === 'lint')!;
  const values: Record<string, string> = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...inputs };
  const env: Record<string, string> = {};
  for (const [name, expression] of Object.entries(step.env ?? {})) {
    env[name] = expression
      .replace('${{ github.action_path }}', ROOT)
      .replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, input: string) => values[input] ?? '');
  }
  const cwd = repository();
  const githubOutput = path.join(cwd, '..', `${path.basename(cwd)}-output`);
  fs.writeFileSync(githubOutput, '');
  const run = spawnSync('bash', ['-e', '-c', step.run!], {
    cwd,
    env: { PATH: process.env.PATH, NO_COLOR: '1', GITHUB_OUTPUT: githubOutput, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, cwd, outputs: fs.readFileSync(githubOutput, 'utf8') };
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
    expect(annotations.map((finding) => [finding.rule, finding.file, finding.line])).toContainEqual(['flat-commission', 'policy/plan.yaml', 76]);
    expect(run.outputs).toBe('sarif=incentive-lint.sarif\n');
    const sarif = JSON.parse(fs.readFileSync(path.join(run.cwd, 'incentive-lint.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    const validate = compileFile(SARIF_SCHEMA_PATH);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs[0]!.results).toHaveLength(annotations.length);
  });

  it('splits the paths input on spaces and new lines, and writes no SARIF unless asked', () => {
    const run = runLintStep({ paths: 'policy/plan.yaml\n', format: 'junit' });
    expect(run.code).toBe(1);
    expect(readJunit(run.stdout).suites.map((suite) => suite.attributes.name)).toEqual(['policy/plan.yaml']);
    expect(run.outputs).toBe('');
    expect(fs.readdirSync(run.cwd)).toEqual(['policy']);
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
    const step = Object.values(workflow.jobs).flatMap((job) => job.steps).find((candidate) => candidate.uses?.startsWith('incentive-lint/incentive-lint@'))!;
    for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    expect(step.with?.['upload-sarif']).toBe(true);
    expect(workflow.permissions['security-events']).toBe('write');
  });

  it('the README shows the example workflow verbatim', () => {
    expect(CI_SECTION).toContain(fs.readFileSync(path.join(EXAMPLES, 'ci', 'github-workflow.yml'), 'utf8'));
  });

  it('.pre-commit-hooks.yaml runs the package binary on the whole policy when a YAML file changes', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];
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
    .map((line) => /(?:^|run: |- )(npx (?:--yes )?incentive-lint .*)$/.exec(line.trim())?.[1])
    .filter((command): command is string => command !== undefined);

  it('has the commands this test runs', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
  });

  it.each(commands)('%s', (command) => {
    const cwd = repository();
    const summary = path.join(cwd, 'step-summary.md');
    const run = spawnSync('bash', ['-c', command.replace(/^npx (--yes )?incentive-lint/, `"${process.execPath}" "${BIN}"`)], {
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
