/**
 * Test helpers: spawn the built CLI as a user would, and lint policies written to temporary folders.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type LintOptions, type LintResult } from '../src/index.js';
import { BASE_POLICY } from '../src/testing/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'incentive-lint.js');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a CLI run: this process's, with color off (unless `overrides` say otherwise)
 * and without NODE_EXTRA_CA_CERTS, which makes every Node process parse a bundle of certificates
 * as it starts (0.08 s of CPU per run on the development machine) for the TLS connections that
 * the CLI never makes.
 */
export function cliEnvironment(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    NODE_EXTRA_CA_CERTS: undefined,
    ...overrides,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as NodeJS.ProcessEnv;
}

/**
 * Runs the built binary (or the launcher `bin` of a copy of the package) with this Node.js (or the
 * binary `node`) in `cliEnvironment` and with no stdin. A run that outlives `timeout` (default 60 s) is killed and reports code -1: a hang
 * fails the test.
 */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeout?: number; bin?: string; node?: string } = {},
): CliRun {
  const result = spawnSync(options.node ?? process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnvironment(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder holding `files` (relative path → content). */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incentive-lint-test-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

/** Lints one policy text (written to a temporary `policy.yaml`) through the public API. */
export async function lintText(text: string, options: LintOptions = {}): Promise<LintResult> {
  const dir = tempDir({ 'policy.yaml': text });
  return lint(['policy.yaml'], { today: '2026-06-01', ...options, cwd: dir });
}

/** Only the findings of one rule, as {line, column, message, fix} for exact assertions. */
export function findingsOf(result: LintResult, rule: string) {
  return result.findings
    .filter((finding) => finding.rule === rule)
    .map(({ line, column, message, fix, severity }) => ({ line, column, severity, message, fix }));
}

/** The base policy of rule tests (see src/testing/base-policy.ts). Append sections with `policyWith(...)`. */
export { BASE_POLICY };

export function policyWith(...sections: string[]): string {
  return [BASE_POLICY, ...sections].join('\n');
}

/** The 1-based line of the first line of `text` that contains `needle` (to assert positions exactly). */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`"${needle}" not found in the policy text`);
}

/** A `compensation:` section: plan ae-2026 of team sales paying new-arr on enterprise and on smb. */
export function salesPlan(enterprise = '8%', smb = '8%'): string {
  return `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: new-arr, segment: enterprise, rate: "${enterprise}" }
      - { metric: new-arr, segment: smb, rate: "${smb}" }
`;
}
