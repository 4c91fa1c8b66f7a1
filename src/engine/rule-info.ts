/**
 * What a report may say about a rule that ran: its metadata and the severity it ran at, without its
 * check or options. SARIF lists every rule that ran, with a link to its documentation.
 */
import { builtinRules } from '../../rules/index.js';
import { ruleDocsUrl } from '../project.js';
import { IMPORT_TODO_RULES } from './import-todos.js';
import type { RuleMeta } from './rule.js';
import type { ConfiguredRule } from './run.js';

/** A rule's metadata without its check or options, with the severity it ran at (its default, or the configuration's). */
export type RuleInfo = Pick<RuleMeta, 'id' | 'category' | 'severity' | 'summary' | 'rationale' | 'source'> & {
  /** Its documentation page; built-in rules and checks only (a plugin documents its own rules). */
  docsUrl?: string;
};

export function describeRule({ rule, severity }: ConfiguredRule): RuleInfo {
  const { id, category, summary, rationale, source } = rule.meta;
  return {
    id,
    category,
    severity,
    summary,
    rationale,
    source,
    docsUrl: builtinRules.includes(rule) || IMPORT_TODO_RULES.includes(rule) ? ruleDocsUrl(id) : undefined,
  };
}
