import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

describe('incentive-lint init', () => {
  it('writes a starter policy and config into an empty folder, and the starter lints clean even under strict', () => {
    const dir = tempDir({});
    const run = runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote policy.yaml and incentive-lint.config.yaml');
    expect(fs.readdirSync(dir).sort()).toEqual(['incentive-lint.config.yaml', 'policy.yaml']);

    const policy = fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8');
    const schemaLine = /^# yaml-language-server: \$schema=(\S+)\n/.exec(policy);
    expect(schemaLine).not.toBeNull();
    // Where a local install puts it, never the copy of incentive-lint that is running (npx, global).
    expect(schemaLine![1]).toBe('./node_modules/incentive-lint/schema/policy.schema.json');
    expect(policy).toContain('to point elsewhere, write another path or a URL after $schema=');

    const lint = runCli(['--format', 'json'], { cwd: dir });
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout)).toEqual({ findings: [], summary: { errors: 0, warnings: 0, infos: 0, files: 1 } });

    // strict: every warning an error, and the suppression checks on.
    fs.writeFileSync(path.join(dir, 'strict.yaml'), 'extends: strict\n');
    const strictRun = runCli(['--format', 'json', '--config', 'strict.yaml'], { cwd: dir });
    expect(strictRun.code).toBe(0);
    expect(JSON.parse(strictRun.stdout).findings).toEqual([]);

    const printed = JSON.parse(runCli(['--print-config'], { cwd: dir }).stdout);
    expect(printed.configFile).toBe('incentive-lint.config.yaml');
    expect(printed.extends.value).toBe('recommended');
  });

  it("points the schema line at the project's installed incentive-lint when there is one", () => {
    const dir = tempDir({ 'node_modules/incentive-lint/schema/policy.schema.json': '{}' });
    fs.mkdirSync(path.join(dir, 'policies'));
    expect(runCli(['init'], { cwd: path.join(dir, 'policies') }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'policies', 'policy.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/incentive-lint/schema/policy.schema.json',
    );
  });

  it("points the schema line at the project root's node_modules when the project has a package.json but no install yet", () => {
    const dir = tempDir({ 'package.json': '{"name":"acme-policy","private":true}' });
    fs.mkdirSync(path.join(dir, 'policy', 'comp'), { recursive: true });
    expect(runCli(['init'], { cwd: path.join(dir, 'policy', 'comp') }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'policy', 'comp', 'policy.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../node_modules/incentive-lint/schema/policy.schema.json',
    );
  });

  it('refuses a folder where a target exists, names it, and writes nothing at all', () => {
    const dir = tempDir({ 'policy.yaml': 'version: 1\n# mine\n' });
    const run = runCli(['init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error policy.yaml: already exists: nothing was written; run `incentive-lint init --force` to overwrite it\n');
    expect(fs.readdirSync(dir)).toEqual(['policy.yaml']);
    expect(fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8')).toBe('version: 1\n# mine\n');

    const withConfig = tempDir({ '.incentive-lint.yaml': 'extends: strict\n' });
    const refused = runCli(['init'], { cwd: withConfig });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('error .incentive-lint.yaml: already exists');
    expect(fs.readdirSync(withConfig)).toEqual(['.incentive-lint.yaml']);
  });

  it('overwrites with --force', () => {
    const dir = tempDir({ 'policy.yaml': 'version: 1\n# mine\n', 'notes.txt': 'kept' });
    expect(runCli(['init', '--force'], { cwd: dir }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'policy.yaml'), 'utf8')).toContain('organization: Example Co');
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('kept');
  });
});
