/**
 * Inline suppressions in YAML comments:
 *   # incentive-lint-disable-next-line RULE[, RULE] -- reason
 *   # incentive-lint-disable-line RULE[, RULE] -- reason
 * Parsed once per file, applied after the rules ran. Two rule-like checks judge the comments
 * themselves: `unused-suppression` (it suppresses nothing) and `suppression-reason` (it gives no
 * reason). Both are off under `recommended` and errors under `strict`.
 */
import { Lexer, LineCounter } from 'yaml';
import { didYouMean } from '../diagnostics.js';
import type { PolicySource } from '../load/source.js';
import { defineRule, type AnyRule, type Severity } from './rule.js';
import type { CheckDoc } from './rule-docs.js';
import type { ConfiguredRule, Finding } from './finding.js';
import { groupBy } from '../group-by.js';

type DirectiveKind = 'disable-line' | 'disable-next-line';

export interface SuppressionDirective {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  kind: DirectiveKind;
  rules: string[];
  reason?: string;
  /** The line whose findings it suppresses. */
  targetLine: number;
}

const DIRECTIVE = /^#\s*incentive-lint-(disable-next-line|disable-line)(?=\s|$)(.*)$/;
/** Tokens the YAML lexer emits that stand for no text of the file. */
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/** The directives in the comments of one file (the lexer tells comments from `#` inside strings). */
export function parseDirectives(source: Pick<PolicySource, 'file' | 'text'>): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = source.text.indexOf('\n'); at !== -1; at = source.text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  let offset = 0;
  for (const token of new Lexer().lex(source.text)) {
    if (CONTROL_TOKENS.has(token)) continue;
    const start = offset;
    offset += token.length;
    if (!token.startsWith('#')) continue;
    const match = DIRECTIVE.exec(token.trimEnd());
    if (!match) continue;
    const [rulesText = '', ...reasonParts] = match[2]!.split('--');
    const reason = reasonParts.join('--').trim();
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(start + token.trimEnd().length);
    const kind = match[1] as DirectiveKind;
    directives.push({
      file: source.file,
      line: from.line,
      column: from.col,
      endLine: to.line,
      endColumn: to.col,
      kind,
      rules: rulesText
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
      reason: reason || undefined,
      targetLine: kind === 'disable-line' ? from.line : from.line + 1,
    });
  }
  return directives;
}

const SUPPRESSION_SOURCE =
  '"What role do incentives play in strategic alignment failures?" (WattNext), section "Communicate the incentive logic": "Don\'t just change incentives - explain the reasoning"';

const unusedSuppression = defineRule({
  meta: {
    id: 'unused-suppression',
    category: 'integrity',
    severity: 'warning',
    summary: 'A suppression comment that suppresses no finding (stale, or a misspelled rule id)',
    rationale:
      'A suppression is an accepted exception. Once the finding is gone, the comment only hides the next, unrelated finding of that rule on the line. ' +
      'Off under recommended; an error under strict.',
    source: SUPPRESSION_SOURCE,
    examples: {
      bad: `# incentive-lint-disable-next-line flat-commission -- Q3 plan change
- { metric: new-arr, segment: smb, rate: "4%" }   # no longer flat`,
      good: '- { metric: new-arr, segment: smb, rate: "4%" }',
    },
  },
  check() {
    // Judged by the engine once every other rule has reported (see applySuppressions).
  },
});

const suppressionReason = defineRule({
  meta: {
    id: 'suppression-reason',
    category: 'integrity',
    severity: 'warning',
    summary: 'A suppression comment without a reason after `--`',
    rationale:
      '"Don\'t just change incentives - explain the reasoning." An exception to an incentive rule needs the same: the next reader must know why it was accepted. ' +
      'Off under recommended; an error under strict.',
    source: SUPPRESSION_SOURCE,
    examples: {
      bad: '# incentive-lint-disable-next-line flat-commission',
      good: '# incentive-lint-disable-next-line flat-commission -- enterprise motion starts in Q3; plan changes with the Q3 cycle',
    },
  },
  check() {
    // Judged by the engine when it reads the comments (see applySuppressions).
  },
});

export const SUPPRESSION_RULES: readonly AnyRule[] = [unusedSuppression, suppressionReason];

const SUPPRESSION_RUNS =
  'The lint command (`incentive-lint [paths…]`), once every rule has reported: it judges the suppression comments (# incentive-lint-disable-line, ' +
  '# incentive-lint-disable-next-line), not the policy. Off under the recommended configuration, an error under strict; ';

/** What `explain` and docs/rules.md say about the two checks of suppression comments, which are not rules of the catalog. */
export const SUPPRESSION_CHECK_DOCS: readonly CheckDoc[] = [
  {
    meta: unusedSuppression.meta,
    where: 'lint, suppression comments',
    severity: 'off under recommended, error under strict',
    runs: `${SUPPRESSION_RUNS}turn it on alone with rules: { unused-suppression: warning } in incentive-lint.config.yaml. The gate and the report honor no inline comment, so it does not run there.`,
    satisfy:
      'Delete the comment once the finding it suppressed is gone, or correct the rule id it names (`incentive-lint rules` lists them).',
    exception: {
      text: 'A suppression comment is itself an exception, so there is nothing to waive: leave the check off in incentive-lint.config.yaml (rules: { unused-suppression: off }), as the recommended configuration does.',
    },
  },
  {
    meta: suppressionReason.meta,
    where: 'lint, suppression comments',
    severity: 'off under recommended, error under strict',
    runs: `${SUPPRESSION_RUNS}turn it on alone with rules: { suppression-reason: warning } in incentive-lint.config.yaml. The gate and the report honor no inline comment, so it does not run there.`,
    satisfy: 'Write the reason after `--` on the comment: why the exception is accepted, and until when.',
    exception: {
      text: 'A suppression comment is itself an exception, so there is nothing to waive: leave the check off in incentive-lint.config.yaml (rules: { suppression-reason: off }), as the recommended configuration does.',
    },
  },
];

export interface SuppressionOutcome {
  kept: Finding[];
  suppressed: Finding[];
  /** Findings of unused-suppression and suppression-reason, when they are on. */
  findings: Finding[];
}

/**
 * `knownRuleIds` are every rule that exists, on or off: a comment naming an unknown id is reported
 * as such, one naming a rule that is off is not judged.
 */
export function applySuppressions(
  findings: readonly Finding[],
  sources: readonly PolicySource[],
  rules: readonly ConfiguredRule[],
  knownRuleIds?: ReadonlySet<string>,
): SuppressionOutcome {
  const seenFiles = new Set<string>();
  const directives: SuppressionDirective[] = [];
  for (const source of sources) {
    if (seenFiles.has(source.file)) continue; // documents of one file share its text
    seenFiles.add(source.file);
    if (source.text.includes('incentive-lint-disable')) directives.push(...parseDirectives(source));
  }
  if (directives.length === 0) return { kept: [...findings], suppressed: [], findings: [] };

  const byTarget = groupBy(directives, (directive) => `${directive.file}\0${directive.targetLine}`);
  const used = new Map<SuppressionDirective, Set<string>>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const directive = byTarget.get(`${finding.file}\0${finding.line}`)?.find((candidate) => candidate.rules.includes(finding.rule));
    if (!directive) {
      kept.push(finding);
      continue;
    }
    suppressed.push(finding);
    used.set(directive, (used.get(directive) ?? new Set()).add(finding.rule));
  }
  return { kept, suppressed, findings: judgeDirectives(directives, used, rules, knownRuleIds) };
}

function judgeDirectives(
  directives: readonly SuppressionDirective[],
  used: Map<SuppressionDirective, Set<string>>,
  rules: readonly ConfiguredRule[],
  knownRuleIds: ReadonlySet<string> | undefined,
): Finding[] {
  const severityOf = (id: string): Severity | undefined => rules.find((entry) => entry.rule.meta.id === id)?.severity;
  const unusedSeverity = severityOf(unusedSuppression.meta.id);
  const reasonSeverity = severityOf(suppressionReason.meta.id);
  const running = new Set(rules.map((entry) => entry.rule.meta.id));
  const known = knownRuleIds ?? running;
  const findings: Finding[] = [];
  const at = (directive: SuppressionDirective, rule: AnyRule, severity: Severity, message: string, fix: string): Finding => ({
    rule: rule.meta.id,
    severity,
    category: rule.meta.category,
    message,
    fix,
    file: directive.file,
    line: directive.line,
    column: directive.column,
    endLine: directive.endLine,
    endColumn: directive.endColumn,
    path: [],
  });

  for (const directive of directives) {
    const comment = `incentive-lint-${directive.kind}`;
    const written = [comment, directive.rules.join(', ')].filter(Boolean).join(' ');
    if (reasonSeverity && !directive.reason) {
      findings.push(
        at(
          directive,
          suppressionReason,
          reasonSeverity,
          `${written} gives no reason: an accepted exception must say why`,
          `add the reason after two dashes: # ${directive.rules.length ? written : `${comment} RULE`} -- <why this exception is accepted>`,
        ),
      );
    }
    if (!unusedSeverity) continue;
    if (directive.rules.length === 0) {
      findings.push(
        at(
          directive,
          unusedSuppression,
          unusedSeverity,
          `${comment} names no rule, so it suppresses nothing`,
          `name the rule it is meant for: # ${comment} RULE -- reason`,
        ),
      );
      continue;
    }
    for (const id of directive.rules) {
      if (used.get(directive)?.has(id)) continue;
      if (!known.has(id)) {
        findings.push(
          at(
            directive,
            unusedSuppression,
            unusedSeverity,
            `${comment} names rule "${id}", which does not exist${didYouMean(id, known)}`,
            `write the id of the rule it is meant for, or remove ${id} from the comment`,
          ),
        );
        continue;
      }
      if (!running.has(id)) continue; // a rule that is off reports nothing, so the comment cannot be judged
      const where = directive.kind === 'disable-line' ? 'on this line' : `on line ${directive.targetLine}`;
      findings.push(
        at(
          directive,
          unusedSuppression,
          unusedSeverity,
          `${comment} ${id} suppresses nothing: there is no ${id} finding ${where}`,
          directive.rules.length === 1
            ? 'remove the comment: the finding it suppressed is gone'
            : `remove ${id} from the comment: its finding is gone`,
        ),
      );
    }
  }
  return findings;
}
