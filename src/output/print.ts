/**
 * The only way the CLI writes to stdout and stderr. Every chunk passes `guardLines` for its medium
 * (see neutralize.ts), so that no line a run prints, on either stream and in any format, can start
 * a GitHub Actions workflow command, whatever the repository or the command line put in it.
 */
import { guardLines, type Medium } from './neutralize.js';

/** A report or other output on stdout, in its medium (plain text unless said otherwise). */
export function printOut(text: string, medium: Medium = 'text'): void {
  process.stdout.write(guardLines(text, medium));
}

/** Messages on stderr: always plain text, never workflow commands. */
export function printErr(text: string): void {
  process.stderr.write(guardLines(text, 'text'));
}
