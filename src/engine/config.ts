/**
 * Which rules run, at which severity and with which options. Defaults come from each rule's
 * metadata; overrides come from the configuration (issue-level details live with the config loader).
 */
import { InputError, didYouMean, type Diagnostic } from '../diagnostics.js';
import { resolveOptions, SEVERITIES, type AnyRule, type Severity } from './rule.js';
import type { ConfiguredRule } from './run.js';

export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>?];

export interface RuleOverrides {
  [ruleId: string]: RuleSetting;
}

export function configureRules(available: readonly AnyRule[], overrides: RuleOverrides = {}): ConfiguredRule[] {
  const byId = new Map(available.map((rule) => [rule.meta.id, rule]));
  const diagnostics: Diagnostic[] = [];
  for (const id of Object.keys(overrides)) {
    if (!byId.has(id)) diagnostics.push({ message: `unknown rule "${id}"${didYouMean(id, byId.keys())}`, source: 'config' });
  }
  const configured: ConfiguredRule[] = [];
  for (const rule of available) {
    const setting = overrides[rule.meta.id];
    const [severity, given] = Array.isArray(setting) ? setting : [setting ?? rule.meta.severity, undefined];
    if (severity === 'off') continue;
    if (!SEVERITIES.includes(severity as Severity)) {
      diagnostics.push({ message: `rule ${rule.meta.id}: severity "${String(severity)}" is not one of off, ${SEVERITIES.join(', ')}`, source: 'config' });
      continue;
    }
    const options = resolveOptions(rule, given);
    if (!options.success) {
      const detail = options.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; ');
      diagnostics.push({ message: `rule ${rule.meta.id}: invalid options: ${detail}`, source: 'config' });
      continue;
    }
    configured.push({ rule, severity: severity as Severity, options: options.data });
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return configured;
}
