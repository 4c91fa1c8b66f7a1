/**
 * incentive-lint's programmatic API: `lint()` for tools, `defineRule()` and the types for plugins.
 */
export * from './api.js';
export { lint, todayUtc, type LintOptions, type LintResult, type Summary } from './lint.js';
export type { RuleInfo } from './engine/rule-info.js';
export type { Finding, WaivedFinding, ConfiguredRule } from './engine/run.js';
export type { Diagnostic } from './diagnostics.js';
export type { Location, PathSegment } from './load/index.js';
export { builtinRules } from '../rules/index.js';
