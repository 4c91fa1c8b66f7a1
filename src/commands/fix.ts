/**
 * `incentive-lint fix [paths…]`: applies the edits of the findings whose fix is mechanical, safe
 * ones only unless --suggestions, then lints again and reports what is left (ESLint's --fix). With
 * --dry-run it prints the change as a unified diff and writes nothing. It edits in place only the
 * policy files it read, through the one safe writer, and no other file.
 */
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { applyTextEdits, type TextEdit } from '../engine/edits.js';
import type { Finding } from '../engine/run.js';
import { replaceFile } from '../files/write.js';
import { lint, type LintResult } from '../lint.js';
import type { PolicyText } from '../load/index.js';
import { printErr, printOut } from '../output/print.js';
import { loadFormatter } from '../report/index.js';
import { plural } from '../report/stylish.js';
import { textLine } from '../output/neutralize.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { DEFAULT_RULE_TIMEOUT_MS } from '../engine/isolation.js';
import { parseMilliseconds } from './lint-settings.js';
import { parseDate, type CommandRegistration } from './shared.js';

/** ESLint's limit: after this many passes a fix that keeps producing new fixes stops. */
const MAX_PASSES = 10;

interface FixOptions {
  /** A path, or false from --no-config. */
  config?: string | false;
  dryRun?: boolean;
  suggestions?: boolean;
  /** --rule: apply only these rules' fixes. */
  rule?: string[];
  color?: boolean;
  today?: string;
  ruleTimeout?: number;
}

export const registerFix: CommandRegistration = (program, setExitCode) => {
  program
    .command('fix')
    .description("apply the findings' mechanical fixes (safe ones; suggestions with --suggestions), then report what is left")
    .argument('[paths...]', 'policy files or folders (default: the current folder)')
    .option('--dry-run', 'print the change as a unified diff and write nothing')
    .option('--suggestions', 'also apply suggested fixes: business decisions (a rate, a clawback) to review before committing')
    .option('-c, --config <file>', 'configuration file (default: the nearest incentive-lint.config.yaml upward)')
    .option('--no-config', 'ignore every configuration file')
    .option('--rule <id>', "apply only this rule's fixes (repeatable)", (value: string, previous: string[] | undefined) => [
      ...(previous ?? []),
      value,
    ])
    .option('--today <date>', 'the current date, YYYY-MM-DD, for waiver expiry (default: the clock)', parseDate)
    .option('--rule-timeout <ms>', `stop a plugin rule that runs longer than this (default ${DEFAULT_RULE_TIMEOUT_MS})`, parseMilliseconds)
    .option('--no-color', 'turn colors off (also: NO_COLOR=1)')
    .action(async (paths: string[], options: FixOptions) => setExitCode(await fixCommand(paths, options)));
};

/**
 * The edits a pass applies: each finding's edits together or not at all, none overlapping another's,
 * and one finding per rule and instrument. Two findings of a rule on one plan were each computed
 * without the other's fix (both lines of a plan moved to the same favored metric would pay it twice):
 * the next pass re-lints and proposes the second fix knowing the first.
 */
function chooseEdits(findings: readonly Finding[], options: FixOptions): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  const taken = new Set<string>();
  for (const finding of findings) {
    if (!finding.edits || (options.rule && !options.rule.includes(finding.rule))) continue;
    if (!options.suggestions && finding.edits.some((edit) => edit.safety !== 'safe')) continue;
    const owner = `${finding.rule}\0${finding.instrument ?? finding.subject ?? ''}`;
    if (taken.has(owner)) continue;
    const clashes = finding.edits.some((edit) =>
      (byFile.get(edit.file) ?? []).some(
        (taken) => (edit.range[0] < taken.range[1] && taken.range[0] < edit.range[1]) || edit.range[0] === taken.range[0],
      ),
    );
    if (clashes) continue;
    taken.add(owner);
    for (const edit of finding.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  }
  return byFile;
}

async function fixCommand(paths: string[], options: FixOptions): Promise<number> {
  const errChalk = chooseChalk(process.stderr, options.color);
  const settings = { config: options.config, today: options.today, ruleTimeoutMs: options.ruleTimeout };
  const original = new Map<string, string>();
  const texts = new Map<string, string>();
  let result: LintResult = await lint(paths, settings);
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES && result.loaded && result.diagnostics.length === 0; pass++) {
    if (pass === 0) for (const source of result.loaded.sources) original.set(source.file, source.text);
    const chosen = chooseEdits(result.findings, options);
    if (chosen.size === 0) break;
    for (const [file, edits] of chosen) {
      const before = texts.get(file) ?? original.get(file);
      if (before === undefined) continue;
      const outcome = applyTextEdits(before, edits);
      applied += outcome.applied.length;
      texts.set(file, outcome.text);
    }
    const files: PolicyText[] = [...texts].map(([file, text]) => ({ path: file, text }));
    result = await lint({ files, paths }, settings);
  }
  if (!result.loaded || result.diagnostics.length > 0) {
    printDiagnostics(result.diagnostics, errChalk);
    printErr(
      applied > 0
        ? `the fixes would leave the policy unreadable, so nothing was written (exit 2)\n`
        : `the policy could not be linted, so nothing was fixed (exit 2)\n`,
    );
    return EXIT.untrusted;
  }
  const unknown = (options.rule ?? []).filter((id) => !result.rules.some((rule) => rule.id === id));
  if (unknown.length > 0) {
    printDiagnostics(
      unknown.map((id) => ({
        message: `--rule ${id} names no rule of this run: see incentive-lint rules for the ids (a rule turned off gives no fixes)`,
        source: 'usage' as const,
      })),
      errChalk,
    );
    return EXIT.untrusted;
  }
  const changed = [...texts].filter(([file, text]) => original.get(file) !== text);
  if (options.dryRun) {
    // Only the diff on stdout, so that it can be piped to `git apply` or `patch -p1`.
    for (const [file, text] of changed)
      printOut(createTwoFilesPatch(`a/${file}`, `b/${file}`, original.get(file)!, text, undefined, undefined, { context: 3 }), 'text');
  } else {
    for (const [file, text] of changed) {
      try {
        // The file was read by this run: it is the one input fix may replace.
        replaceFile(path.resolve(file), text, 'the fixed policy', { replaces: ['policy'] });
      } catch (error) {
        printDiagnostics(
          [{ file, message: `cannot write the fixed policy: ${error instanceof Error ? error.message : String(error)}`, source: 'io' }],
          errChalk,
        );
        return EXIT.untrusted;
      }
    }
  }
  if (!options.dryRun) printOut((await loadFormatter('stylish'))!(result, { chalk: chooseChalk(process.stdout, options.color) }), 'text');
  printErr(
    `${summaryLine(
      changed.map(([file]) => file),
      applied,
      result,
      options,
    )}\n`,
  );
  // ESLint's --fix: the exit code is the re-lint's, so 1 while an error is left (warnings do not fail it).
  return result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
}

/** What the run did and what is left, for stderr (stdout is the diff with --dry-run). */
function summaryLine(changed: readonly string[], applied: number, result: LintResult, options: FixOptions): string {
  const left = result.findings.length;
  const suggested = options.suggestions
    ? 0
    : result.findings.filter((finding) => finding.edits && (!options.rule || options.rule.includes(finding.rule))).length;
  const suggestions =
    suggested > 0
      ? `, ${plural(suggested, 'finding')} with a suggested fix (--suggestions applies ${suggested === 1 ? 'it' : 'them'})`
      : '';
  const remaining = left === 0 ? 'no finding is left' : `${plural(left, 'finding')} left${suggestions}`;
  if (changed.length === 0)
    return `nothing to fix: no finding has a ${options.suggestions ? '' : 'safe '}fix incentive-lint can apply; ${remaining}`;
  return `${options.dryRun ? 'would change' : 'changed'} ${plural(changed.length, 'file')} (${plural(applied, 'edit')}): ${changed.map(textLine).join(', ')}; ${remaining}`;
}
