/**
 * The questions `import` leaves in the files it writes, as `# TODO(incentive-lint): …` comments
 * (what a spreadsheet cannot say: the strategy's stance, what each metric counts). Each one is a
 * finding of `import-todo` at the comment, until the comment is deleted: the policy still lints
 * (exit 0 or 1), as ruff's FIX002 and ESLint's no-warning-comments report a TODO, rather than
 * refusing a file that is valid but unfinished. A warning, so that strict (and CI on errors) holds
 * the line until the answers are written.
 */
import { Lexer, LineCounter } from 'yaml';
import type { PolicySource } from '../load/source.js';
import { defineRule, type AnyRule } from './rule.js';
import type { CheckDoc } from './rule-docs.js';
import type { ConfiguredRule, Finding } from './finding.js';

const MARK = 'TODO(incentive-lint):';
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

const importTodo = defineRule({
  meta: {
    id: 'import-todo',
    category: 'integrity',
    severity: 'warning',
    summary: 'A question `incentive-lint import` left in the policy (# TODO(incentive-lint): …) is not answered yet',
    rationale:
      'A spreadsheet says what the plans pay, not what the strategy favors or what a metric counts; until those are written, ' +
      'the rules that compare incentives with the strategy have nothing to compare them with, and every clean result is hollow.',
    source: 'policy format v1 (docs/format.md): strategy priorities and metric types',
    examples: {
      bad: `metrics:
  # TODO(incentive-lint): what does new-arr count? write type: outcome, output, activity, quality, speed or behavior, then delete this comment
  - id: new-arr`,
      good: `metrics:
  - { id: new-arr, type: outcome }`,
    },
  },
  check() {
    // Judged by the engine, which reads the comments (see importTodoFindings).
  },
});

export const IMPORT_TODO_RULES: readonly AnyRule[] = [importTodo];

export const IMPORT_TODO_CHECK_DOCS: readonly CheckDoc[] = [
  {
    meta: importTodo.meta,
    where: 'lint, comments left by import',
    severity: 'warning (error under strict)',
    runs: 'The lint command, over the comments of every policy file: each `# TODO(incentive-lint):` comment that `incentive-lint import` wrote is one finding at the comment.',
    satisfy: "Write what the comment asks (the strategy's priorities, the metric's type) and delete the comment.",
    exception: { text: 'Turn it off in incentive-lint.config.yaml (rules: { import-todo: off }) while the answers are being gathered.' },
  },
];

/** One finding per TODO comment, when the check is on. */
export function importTodoFindings(sources: readonly PolicySource[], rules: readonly ConfiguredRule[]): Finding[] {
  const severity = rules.find((entry) => entry.rule.meta.id === importTodo.meta.id)?.severity;
  if (!severity) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.file) || !source.text.includes(MARK)) continue;
    seen.add(source.file);
    const lines = new LineCounter();
    lines.addNewLine(0);
    for (let at = source.text.indexOf('\n'); at !== -1; at = source.text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
    let offset = 0;
    for (const token of new Lexer().lex(source.text)) {
      if (CONTROL_TOKENS.has(token)) continue;
      const start = offset;
      offset += token.length;
      if (!token.startsWith('#')) continue;
      const text = token.slice(1).trim();
      if (!text.startsWith(MARK)) continue;
      // A question may go on over the comment lines that follow it.
      let question = text.slice(MARK.length).trim();
      const rest = source.text.slice(offset).split('\n').slice(1);
      for (const line of rest) {
        const continued = /^\s*#\s?(.*)$/.exec(line);
        if (!continued || continued[1]!.trim().startsWith(MARK) || continued[1]!.trim() === '') break;
        question += ` ${continued[1]!.trim()}`;
      }
      const from = lines.linePos(start);
      const to = lines.linePos(start + token.trimEnd().length);
      findings.push({
        rule: importTodo.meta.id,
        severity,
        category: importTodo.meta.category,
        message: `Not answered yet (left by import): ${question}`,
        fix: 'write the answer in the policy, then delete this TODO comment',
        file: source.file,
        line: from.line,
        column: from.col,
        endLine: to.line,
        endColumn: to.col,
        path: [],
      });
    }
  }
  return findings;
}
