/**
 * What a report may say about a rule that ran: its metadata and the severity it ran at, without its
 * check or options. SARIF lists every rule that ran, with a link to its documentation.
 */
import { ruleDocsUrl } from '../project.js';
import type { AnyRule, RuleMeta } from './rule.js';
import type { ConfiguredRule } from './finding.js';

/** A rule's metadata without its check or options, with the severity it ran at (its default, or the configuration's). */
export type RuleInfo = Pick<RuleMeta, 'id' | 'category' | 'severity' | 'summary' | 'rationale' | 'source'> & {
  /** Its documentation page; built-in rules and checks only (a plugin documents its own rules). */
  docsUrl?: string;
};

/**
 * `documented`: the rules with a page in docs/rules.md (the built-in rules and the engine's own
 * checks). The caller names them, so that the engine does not import the rule catalog back.
 */
export function describeRule({ rule, severity }: ConfiguredRule, documented: ReadonlySet<AnyRule>): RuleInfo {
  const { id, category, summary, rationale, source } = rule.meta;
  return {
    id,
    category,
    severity,
    summary,
    rationale,
    source,
    docsUrl: documented.has(rule) ? ruleDocsUrl(id) : undefined,
  };
}
