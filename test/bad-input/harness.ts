/**
 * Shared checks for hostile and broken input: a run that must stop says so at file:line:column,
 * exits 2, prints nothing on stdout and never shows a stack trace.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { BIN, ROOT, tempDir, type CliRun } from '../helpers.js';

/** Every bad-input run is killed after this long: a hang fails the test instead of stalling CI. */
export const BAD_INPUT_TIMEOUT_MS = 20_000;

/** A stack frame ("    at fn (file:1:2)") or an exception class dump ("TypeError: …"). */
const STACK_FRAME = /^\s+at\s/m;
const ERROR_CLASS = /\b[A-Z]\w*Error:/;

export function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(STACK_FRAME);
  expect(output).not.toMatch(ERROR_CLASS);
  expect(output).not.toMatch(/internal error/);
}

/** The run stopped with exit 2, naming `where` ("file:line:column" or "file") and `message`. */
export function expectUntrusted(run: CliRun, where: string, message: string | RegExp): void {
  expectNoStackTrace(run.stderr);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((line) => line.startsWith('error '));
  if (typeof message === 'string') {
    expect(lines, run.stderr).toContain(`error ${where}: ${message}`);
  } else {
    const prefix = `error ${where}: `;
    expect(lines.some((line) => line.startsWith(prefix) && message.test(line.slice(prefix.length))), `${prefix}${message} in:\n${run.stderr}`).toBe(true);
  }
  expect(run.code).toBe(2);
}

/** Writes `files` (text or bytes) into a fresh temporary folder and returns it. */
export function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

/**
 * Runs the built CLI like `runCli`, but without blocking, so that the cases of a file run side by
 * side. Killed after `timeout`: a hang ends as code -1 and fails the test.
 */
export function runCliAsync(
  args: readonly string[],
  options: { cwd?: string; timeout?: number; nodeFlags?: readonly string[]; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? BAD_INPUT_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Lints `files` in a fresh folder with the built CLI, killed after BAD_INPUT_TIMEOUT_MS. */
export function lintFiles(files: Record<string, string | Uint8Array>, args: readonly string[] = ['policy.yaml']): Promise<CliRun> {
  return runCliAsync(args, { cwd: folderWith(files) });
}

/** One line per argument: line N of the file is argument N, so positions in tests read off the call. */
export function yamlLines(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
