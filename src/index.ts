/**
 * incentive-lint's programmatic API: `lint()` for tools, `defineRule()` and the types for plugins.
 */
export * from './api.js';
export type { RuleInfo } from './engine/rule-info.js';
export { lint, todayUtc, type LintInput, type LintOptions, type LintResult, type Summary } from './lint.js';
export { resolveConfig, describeConfig, type ConfigOptions, type ResolvedConfig } from './resolve-config.js';
export {
  configureRules,
  resolveRules,
  type ConfigLayer,
  type Preset,
  type ResolvedRule,
  type RuleOverrides,
  type RuleSelection,
  type RuleSetting,
} from './engine/config.js';
export { SUPPRESSION_RULES } from './engine/suppressions.js';
export type { PolicyText } from './load/index.js';
export type { Finding, WaivedFinding, ConfiguredRule } from './engine/run.js';
export type { Diagnostic } from './diagnostics.js';
export type { Location, PathSegment } from './load/index.js';
export { builtinRules } from '../rules/index.js';
