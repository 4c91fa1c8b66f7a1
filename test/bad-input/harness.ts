/**
 * Shared checks for hostile and broken input: a run that must stop says so at file:line:column,
 * exits 2, prints nothing on stdout and never shows a stack trace.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { FAST_LOAD_THRESHOLD } from '../../src/load/fast/index.js';
import { BIN, cliEnvironment, ROOT, tempDir, type CliRun } from '../helpers.js';

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
    expect(
      lines.some((line) => line.startsWith(prefix) && message.test(line.slice(prefix.length))),
      `${prefix}${message} in:\n${run.stderr}`,
    ).toBe(true);
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
  options: { cwd?: string; timeout?: number; nodeFlags?: readonly string[]; env?: Record<string, string>; uid?: number; gid?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: cliEnvironment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    });
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

/**
 * Cases that each stop the run at their own files, linted by ONE run of the built CLI: every case is
 * a folder of its own (case-1/, case-2/, …) and the paths of all of them are given on one command
 * line. The loader reads and checks each file on its own and reports every file's problems (capped
 * per file) before it merges anything, so a case gets the messages it gets alone, under its folder;
 * one process start then serves a whole catalog. Register every case while the file is collected
 * (`add` or `it`, outside test bodies): the run starts when the first test asks for its result.
 *
 * A case's run is the batch's exit code and stdout, and its stderr: its own `error` lines, with the
 * folder taken off the path (as the case alone prints them), and every line that is not an `error`
 * line of another case (the summary line, and any stack trace). Only cases with no other options
 * than their paths fit, and only while the batch stays below the fast loader's threshold, so that
 * every case is read by the loader it gets alone.
 */
export class LintBatch {
  /** The working folder of the run: it holds the case folders, and nothing else. */
  readonly root = tempDir();
  private readonly cases: { folder: string; files: Record<string, string | Uint8Array>; paths: readonly string[] }[] = [];
  private result: Promise<CliRun> | undefined;

  /** Adds a case: its files (relative to its folder) and the paths to lint (default policy.yaml). */
  add(files: Record<string, string | Uint8Array>, paths: readonly string[] = ['policy.yaml']): BatchCase {
    if (this.result) throw new Error('LintBatch: add every case while the test file is collected, before a test runs');
    const folder = `case-${this.cases.length + 1}`;
    this.cases.push({ folder, files, paths });
    return Object.assign(async () => caseView(await this.run(), folder), { folder: path.join(this.root, folder) });
  }

  /** A test of one case: its files, and the checks on its run. */
  it(
    name: string,
    files: Record<string, string | Uint8Array>,
    check: (run: CliRun) => void | Promise<void>,
    paths?: readonly string[],
  ): void {
    const run = this.add(files, paths);
    it(name, async () => check(await run()));
  }

  private run(): Promise<CliRun> {
    this.result ??= Promise.resolve().then(() => {
      let bytes = 0;
      for (const { folder, files } of this.cases) {
        for (const [name, content] of Object.entries(files)) {
          const full = path.join(this.root, folder, name);
          fs.mkdirSync(path.dirname(full), { recursive: true });
          fs.writeFileSync(full, content);
          bytes += Buffer.byteLength(content);
        }
      }
      if (bytes >= FAST_LOAD_THRESHOLD)
        throw new Error(`LintBatch: ${bytes} bytes would switch every case to the fast loader; split the batch`);
      return runCliAsync(
        this.cases.flatMap(({ folder, paths }) => paths.map((given) => `${folder}/${given}`)),
        { cwd: this.root },
      );
    });
    return this.result;
  }
}

/** A case of a LintBatch: its run, and its folder (absolute). */
export type BatchCase = (() => Promise<CliRun>) & { readonly folder: string };

function caseView(run: CliRun, folder: string): CliRun {
  const own = `error ${folder}/`;
  const stderr = run.stderr
    .split('\n')
    .filter((line) => !line.startsWith('error ') || line.startsWith(own))
    .map((line) => (line.startsWith(own) ? `error ${line.slice(own.length)}` : line))
    .join('\n');
  return { code: run.code, stdout: run.stdout, stderr };
}

/** One line per argument: line N of the file is argument N, so positions in tests read off the call. */
export function yamlLines(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
