/** What every command module shares: how it registers itself, and common argument parsers. */
import { InvalidArgumentError, type Command } from 'commander';
import { InputError } from '../diagnostics.js';
import { loadPolicy, type LoadedPolicy } from '../load/index.js';
import { configuredIgnore } from '../resolve-config.js';
import { printErr } from '../output/print.js';
import { chooseChalk, printDiagnostics } from '../terminal.js';

/** A command module adds its command to the program; its action reports the exit code. */
export type CommandRegistration = (program: Command, setExitCode: (code: number) => void) => void;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(value: string): string {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('write the date as YYYY-MM-DD, such as 2026-03-02.');
  }
  return value;
}

/**
 * The policy at `paths`, or undefined after its problems are printed with a last line saying there is
 * no `product` (exit 2 is the caller's to set): what report commands such as matrix and simulate share.
 * The files the configuration's `ignore` leaves out are left out, as lint does; `useConfig` false
 * (`--no-config`) reads no configuration. Plugins are never loaded: these commands run no rule.
 */
export function loadForReport(
  paths: readonly string[],
  product: string,
  color: boolean | undefined,
  useConfig = true,
): LoadedPolicy | undefined {
  try {
    return loadPolicy(paths, { ignore: configuredIgnore(useConfig ? {} : { config: false }) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    printDiagnostics(error.diagnostics, chooseChalk(process.stderr, color));
    printErr(`the policy could not be read, so there is no ${product} (exit 2)\n`);
    return undefined;
  }
}

/**
 * The width the terminal tables fit: the terminal's own, else COLUMNS (set by shells and by CI
 * runners that know their log width), else 80, the width every terminal has.
 */
export function terminalWidth(): number {
  const fromEnv = Number(process.env.COLUMNS);
  return process.stdout.columns || (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80);
}
