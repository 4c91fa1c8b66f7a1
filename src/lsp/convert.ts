/**
 * What the language server sends, computed from a lint result without any protocol machinery:
 * findings and input problems as LSP diagnostics (zero-based, UTF-16 columns, as the yaml
 * library counts them), and the quick fixes a finding offers.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as InputProblem } from '../diagnostics.js';
import { describeEdits } from '../engine/edits.js';
import type { Finding } from '../engine/run.js';
import type { LintResult } from '../lint.js';

/** LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information. */
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface LspDiagnostic {
  range: LspRange;
  severity: 1 | 2 | 3;
  source: 'incentive-lint';
  /** The rule id, or for a problem that stops the run, what kind of problem it is (yaml, schema …). */
  code: string;
  message: string;
  data?: { rule: string; fix: string; action?: FixAction };
}

/** A finding's edits as the editor applies them: the quick fix it offers first. */
interface FixAction {
  title: string;
  /** Safe edits are the preferred fix (VS Code's auto-fix, Neovim's first choice); suggestions are offered, not preferred. */
  isPreferred: boolean;
  changes: Record<string, TextEdit[]>;
}

function rangeOf(place: { line?: number; column?: number; endLine?: number; endColumn?: number }): LspRange {
  const line = Math.max(0, (place.line ?? 1) - 1);
  const character = Math.max(0, (place.column ?? 1) - 1);
  const endLine = Math.max(line, (place.endLine ?? place.line ?? 1) - 1);
  const endCharacter = place.endColumn !== undefined ? Math.max(0, place.endColumn - 1) : character;
  // An empty range at the start of a node still underlines something in every editor.
  const sameSpot = endLine === line && endCharacter <= character;
  return { start: { line, character }, end: { line: endLine, character: sameSpot ? character + 1 : endCharacter } };
}

/** `texts`: the text each file was linted as, for naming what an edit replaces; `root`: the folder file names are relative to. */
function findingDiagnostic(finding: Finding, root = '.', texts: ReadonlyMap<string, string> = new Map()): LspDiagnostic {
  const action = finding.edits ? fixAction(finding, root, texts) : undefined;
  return {
    range: rangeOf(finding),
    severity: SEVERITY[finding.severity],
    source: 'incentive-lint',
    code: finding.rule,
    message: `${finding.message}\nfix: ${finding.fix}`,
    data: { rule: finding.rule, fix: finding.fix, ...(action ? { action } : {}) },
  };
}

/**
 * A finding's edits as one quick fix. Its title says what the edits write ("Change 8% to "16%"",
 * "Add clawback: { months: 6 }"), since the fix in words may offer alternatives the edits take one of.
 */
function fixAction(finding: Finding, root: string, texts: ReadonlyMap<string, string>): FixAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of finding.edits ?? []) {
    const uri = pathToFileURL(path.resolve(root, edit.file)).href;
    (changes[uri] ??= []).push({
      range: {
        start: { line: edit.start.line - 1, character: edit.start.column - 1 },
        end: { line: edit.end.line - 1, character: edit.end.column - 1 },
      },
      newText: edit.text,
    });
  }
  const safe = (finding.edits ?? []).every((edit) => edit.safety === 'safe');
  return {
    title: `${describeEdits(finding.edits ?? [], texts)} (${finding.rule}${safe ? '' : ': a suggestion to review'})`,
    isPreferred: safe,
    changes,
  };
}

function problemDiagnostic(problem: InputProblem): LspDiagnostic {
  return { range: rangeOf(problem), severity: SEVERITY.error, source: 'incentive-lint', code: problem.source, message: problem.message };
}

/**
 * Every diagnostic of a run, by the file URI it belongs to. A problem with no file (a bad
 * configuration file outside the policy, say) goes to `fallbackUri`, the document that was edited.
 */
export function diagnosticsByUri(result: LintResult, root: string, fallbackUri: string): Map<string, LspDiagnostic[]> {
  const byUri = new Map<string, LspDiagnostic[]>();
  const add = (file: string | undefined, diagnostic: LspDiagnostic) => {
    const uri = file === undefined ? fallbackUri : pathToFileURL(path.resolve(root, file)).href;
    const list = byUri.get(uri);
    if (list) list.push(diagnostic);
    else byUri.set(uri, [diagnostic]);
  };
  for (const problem of result.diagnostics) add(problem.file, problemDiagnostic(problem));
  const texts = new Map((result.loaded?.sources ?? []).map((source) => [source.file, source.text]));
  for (const finding of result.findings) add(finding.file, findingDiagnostic(finding, root, texts));
  return byUri;
}

interface TextEdit {
  range: LspRange;
  newText: string;
}

export interface QuickFix {
  title: string;
  kind: 'quickfix';
  diagnostics: LspDiagnostic[];
  isPreferred?: boolean;
  edit: { changes: Record<string, TextEdit[]> };
}

/** The quick fix of a finding's edits, when it has them. */
export function editFix(diagnostic: LspDiagnostic): QuickFix | undefined {
  const action = diagnostic.data?.action;
  if (!action) return undefined;
  return {
    title: action.title,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    isPreferred: action.isPreferred,
    edit: { changes: action.changes },
  };
}

/**
 * The quick fix every finding offers: an inline suppression on the line above it, indented as that
 * line is (ESLint's "disable for this line"). Its reason is the user's to write: `suppression-reason`
 * asks for one under the strict preset.
 */
export function suppressionFix(uri: string, diagnostic: LspDiagnostic, lineText: string): QuickFix {
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const line = diagnostic.range.start.line;
  return {
    title: `Disable ${diagnostic.code} for this line`,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [uri]: [
          {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            newText: `${indent}# incentive-lint-disable-next-line ${diagnostic.code}\n`,
          },
        ],
      },
    },
  };
}

export function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (x: LspRange['start'], y: LspRange['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
