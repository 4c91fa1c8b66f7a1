/**
 * What the CLI needs from the terminal: whether to color, and how to write a report or a
 * diagnostic. Colors follow NO_COLOR, FORCE_COLOR and --no-color, and are off when not a terminal.
 */
import { Chalk, supportsColor, type ChalkInstance } from 'chalk';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { printErr } from './output/print.js';

export const EXIT = { ok: 0, findings: 1, untrusted: 2 } as const;

export function chooseChalk(stream: NodeJS.WriteStream, colorFlag: boolean | undefined): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, colorFlag) });
}

function colorLevel(stream: NodeJS.WriteStream, colorFlag: boolean | undefined): 0 | 1 | 2 | 3 {
  if (colorFlag === false) return 0;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number.parseInt(force, 10);
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  if (!stream.isTTY) return 0;
  return supportsColor ? supportsColor.level : 0;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], chalk: ChalkInstance): void {
  for (const diagnostic of diagnostics) {
    printErr(`${chalk.red('error')} ${formatDiagnostic(diagnostic)}\n`);
  }
}
