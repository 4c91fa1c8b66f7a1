/**
 * Where each report goes. `--format NAME[:FILE]` may be repeated, so one run can print a report for
 * people and write one for CI (`--format stylish --format sarif:results.sarif`); `--output FILE`
 * sends the one report that names no file of its own to FILE. At most one report goes to stdout.
 */
import { Chalk } from 'chalk';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { LintResult } from '../lint.js';
import { FORMAT_NAMES, loadFormatter } from '../report/index.js';
import { chooseChalk } from '../terminal.js';

export interface ReportTarget {
  format: string;
  /** The file to write, as the user wrote it (relative to the working folder); absent: stdout. */
  file?: string;
}

export type TargetPlan = { targets: ReportTarget[] } | { problem: string };

/** Turns the `--format` values and `--output` into one target per report, or says what is wrong. */
export function planTargets(formats: readonly string[], output: string | undefined): TargetPlan {
  const targets: ReportTarget[] = [];
  for (const spec of formats.length > 0 ? formats : ['stylish']) {
    const colon = spec.indexOf(':');
    const format = colon === -1 ? spec : spec.slice(0, colon);
    const file = colon === -1 ? undefined : spec.slice(colon + 1);
    if (!FORMAT_NAMES.includes(format)) {
      return { problem: `unknown format "${format}" in --format ${spec}: use one of ${FORMAT_NAMES.join(', ')}, optionally followed by :FILE` };
    }
    if (file !== undefined && file.trim() === '') {
      return { problem: `--format ${spec} names no file: write --format ${format}:results.${format === 'sarif' ? 'sarif' : 'txt'}, or leave out the colon to print it` };
    }
    targets.push(file === undefined ? { format } : { format, file });
  }

  const toStdout = targets.filter((target) => target.file === undefined);
  if (output !== undefined) {
    if (toStdout.length !== 1) {
      return {
        problem: `--output ${output} takes the one report that names no file, but ${toStdout.length} do: write each as --format NAME:FILE instead`,
      };
    }
    toStdout[0]!.file = output;
  } else if (toStdout.length > 1) {
    return {
      problem: `${toStdout.length} reports would be printed together (${toStdout.map((target) => target.format).join(', ')}): give all but one a file, such as --format ${toStdout[1]!.format}:report.out`,
    };
  }

  const byFile = new Map<string, string>();
  for (const target of targets) {
    if (target.file === undefined) continue;
    const resolved = path.resolve(target.file);
    const other = byFile.get(resolved);
    if (other) return { problem: `the ${other} and ${target.format} reports would both be written to ${target.file}: give each its own file` };
    byFile.set(resolved, target.format);
  }
  return { targets };
}

/**
 * Renders each report and sends it where it goes: stdout in the terminal's colors, a file without
 * color. Returns a diagnostic for each file that could not be written (the CLI exits 2).
 */
export async function emitReports(targets: readonly ReportTarget[], result: LintResult, colorFlag: boolean | undefined): Promise<Diagnostic[]> {
  const failures: Diagnostic[] = [];
  for (const target of targets) {
    const formatter = await loadFormatter(target.format);
    if (!formatter) throw new Error(`no formatter for the planned format ${target.format}`);
    if (target.file === undefined) {
      process.stdout.write(formatter(result, { chalk: chooseChalk(process.stdout, colorFlag) }));
      continue;
    }
    const failure = writeOutput(target.file, formatter(result, { chalk: new Chalk({ level: 0 }) }), `the ${target.format} report`, result.files);
    if (failure) failures.push(failure);
  }
  return failures;
}

/**
 * Writes `what` (such as "the sarif report") to `file`, creating missing folders. Refuses to
 * overwrite a policy file, and turns every failure into a diagnostic that names the path and what to do.
 */
export function writeOutput(file: string, text: string, what: string, policyFiles: readonly string[] = []): Diagnostic | undefined {
  const resolved = path.resolve(file);
  if (policyFiles.some((policyFile) => path.resolve(policyFile) === resolved)) {
    return { file, message: `is a policy file being linted: ${what} will not overwrite it; choose another file`, source: 'usage' };
  }
  try {
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    fs.writeFileSync(resolved, text);
    return undefined;
  } catch (error) {
    return { file, message: `cannot write ${what} here (${reason(error)}): choose a writable file`, source: 'io' };
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of the path is a file, not a folder';
    case 'ENOENT':
      return 'its folder does not exist and cannot be created';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
