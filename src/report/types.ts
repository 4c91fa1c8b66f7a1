import type { ChalkInstance } from 'chalk';
import type { LintResult } from '../lint.js';

interface ReportContext {
  /** chalk with the color level the CLI chose (level 0 when color is off). */
  chalk: ChalkInstance;
  /** The folder the result's file names are relative to (default: the process's working folder). */
  cwd?: string;
}

/** A formatter turns a lint result into text. It never decides severity or exit codes. */
export type Formatter = (result: LintResult, context: ReportContext) => string;
