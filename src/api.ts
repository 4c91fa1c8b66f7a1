/**
 * The plugin API: everything a rule module may import, and nothing a rule does not need. Built-in
 * rules import only this module, so they are written exactly as a plugin would be; what is here is
 * what they use, and the README's "The plugin API" lists it (a test holds the two together).
 */

// The rule contract: metadata, a check, and what the check may report.
export {
  defineRule,
  type AnyRule,
  type Category,
  type ReportDescriptor,
  type Rule,
  type RuleContext,
  type RuleMeta,
  type Severity,
} from './engine/rule.js';
export type { EditDescriptor, EditSafety, Position, TextEdit } from './engine/edits.js';
export * as z from 'zod';

// What a rule reads: the policy (format v1's types), the model of what each team is rewarded for
// (`context.model`), the strategy view (`context.strategy`) and the comparison with an earlier
// version (`context.diff`).
export type * from './schema.js';
export type {
  RewardModel,
  Guard,
  GuardKind,
  HowMade,
  NumberKind,
  RewardEntry,
  RewardLever,
  Strength,
  TeamProfile,
  TargetKind,
  Stakes,
} from './model/index.js';
export { setsLevel, isCheckable, isDeliverable } from './model/index.js';
export type { StrategyView, FocusKind, FocusStatus, OldFocus, Stance } from './engine/strategy/strategy-view.js';
export type { PolicyDiff, PriorityChange, StatusChange } from './engine/policy-diff.js';
/** @deprecated since 0.2: read `context.model` (what each team is rewarded for); the index stays as its lookups for one release. */
export type { PolicyIndex } from './engine/lookups/policy-index.js';
export { isPricedCommission, type PricedCommissionLine } from './engine/lookups/lines.js';
export type {
  IncentiveLine,
  InstrumentInfo,
  LineOf,
  Reward,
  RewardComponent,
  Reference,
  Declaration,
  Handoff,
} from './engine/lookups/lines.js';

// What a plan pays: the quota, the curve and the seller's rational choice, as the pay rules price them.
export { annualQuota, baseRate, curveFactor, excludedByQuota, isFlatRatePlan, quotaWeight, targetVariablePay } from './payout/model.js';
export { commissionPerMonth, cycleMonths, dealEconomics, type DealEconomics } from './payout/deal-economics.js';
export { paysPerDeal, planChoices, simulatePlan, type LevelWinner, type PlanSimulation } from './payout/rational-choice.js';
// What a plan pays a whole sales force (context.population), as the goalposts rules judge it.
export type { SalesForce, QuotaCap } from './population/sales-force.js';
export { percentile as percentileOf } from './population/model.js';

// Messages and fixes that every rule words alike: numbers, lists, canonical order, suggestions.
export {
  formatShare as formatPercent,
  formatMoney,
  listIds,
  listInOrder,
  listMetricsAndSegments,
  describeInstrument,
  formatRewardLine,
  addSharedComponent,
} from './engine/format.js';
export { describeSpiff, deprioritizedTarget } from './payout/wording.js';
export { roundRate, roundToSteps, type Rounding } from './engine/rounding.js';
export { EPSILON } from './epsilon.js';
export { compareIds, compareInstruments, compareMetrics, compareRewards, least, sortedIds } from './engine/order.js';
export { didYouMean, editDistance, suggestionBudget, type DistanceBudget } from './diagnostics.js';
/** Examples in fix texts derived from the policy's own metrics, not borrowed from one industry. */
export { GAMING_CLAWBACK, independentCheckExample, qualityOfCountedExample, targetExamples } from './engine/fix-wording.js';
