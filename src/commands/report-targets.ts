/**
 * Where each report goes. `--format NAME[:FILE]` may be repeated, so one run can print a report for
 * people and write one for CI (`--format stylish --format sarif:results.sarif`); `--output FILE`
 * sends the one report that names no file of its own to FILE. At most one report goes to stdout.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { LintResult } from '../lint.js';
import { writeFileSafely } from '../files/write.js';
import { textLine } from '../output/neutralize.js';
import { printOut } from '../output/print.js';
import { FORMAT_NAMES, loadFormatter, mediumOf } from '../report/index.js';
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
      return {
        problem: `unknown format "${textLine(format)}" in --format ${textLine(spec)}: use one of ${FORMAT_NAMES.join(', ')}, optionally followed by :FILE`,
      };
    }
    if (file !== undefined && file.trim() === '') {
      return {
        problem: `--format ${textLine(spec)} names no file: write --format ${format}:results.${format === 'sarif' ? 'sarif' : 'txt'}, or leave out the colon to print it`,
      };
    }
    targets.push(file === undefined ? { format } : { format, file });
  }

  const toStdout = targets.filter((target) => target.file === undefined);
  if (output !== undefined) {
    if (toStdout.length !== 1) {
      return {
        problem: `--output ${textLine(output)} takes the one report that names no file, but ${toStdout.length} do: write each as --format NAME:FILE instead`,
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
    if (other)
      return {
        problem: `the ${other} and ${target.format} reports would both be written to ${textLine(target.file)}: give each its own file`,
      };
    byFile.set(resolved, target.format);
  }
  return { targets };
}

/**
 * Text a command puts before a report of some format, such as the strategy changes diff lists above
 * its stylish report; '' for none.
 */
export type ReportPreface = (format: string, chalk: ChalkInstance) => string;

/**
 * Renders each report and sends it where it goes: stdout in the terminal's colors, a file without
 * color. Returns a diagnostic for each file that could not be written (the CLI exits 2).
 */
export async function emitReports(
  targets: readonly ReportTarget[],
  result: LintResult,
  colorFlag: boolean | undefined,
  preface?: ReportPreface,
): Promise<Diagnostic[]> {
  const failures: Diagnostic[] = [];
  for (const target of targets) {
    const formatter = await loadFormatter(target.format);
    if (!formatter) throw new Error(`no formatter for the planned format ${target.format}`);
    if (target.file === undefined) {
      const chalk = chooseChalk(process.stdout, colorFlag);
      printOut(`${preface?.(target.format, chalk) ?? ''}${formatter(result, { chalk })}`, mediumOf(target.format));
      continue;
    }
    const plain = new Chalk({ level: 0 });
    const failure = writeOutput(
      target.file,
      `${preface?.(target.format, plain) ?? ''}${formatter(result, { chalk: plain })}`,
      `the ${target.format} report`,
    );
    if (failure) failures.push(failure);
  }
  return failures;
}

/**
 * Writes `what` (such as "the sarif report") to `file`, creating missing folders, and only as a new
 * regular file (see files/write.ts: never over an input of the run, never through a link or into a
 * device). Every failure becomes a diagnostic that names the path and what to do.
 */
export function writeOutput(file: string, text: string, what: string): Diagnostic | undefined {
  return writeFileSafely(file, text, what);
}
