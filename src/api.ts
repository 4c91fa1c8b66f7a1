/**
 * The plugin API: everything a rule module may import. Built-in rules import only this module, so
 * they are written exactly as a plugin would be.
 */
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
/** @deprecated since 0.2: read `context.model` (what each team is rewarded for); the index stays as its lookups for one release. */
export type { EditDescriptor, EditSafety, Position, TextEdit } from './engine/edits.js';
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
export type { StrategyView, FocusKind, FocusStatus, OldFocus, Stance } from './engine/strategy/strategy-view.js';
export type { Booking, Payout, PayoutOptions, PlanPayout, QuotaPayout, SpiffPayout } from './payout/model.js';
export { annualQuota, baseRate, curveFactor, excludedByQuota, isFlatRatePlan, quotaWeight, targetVariablePay } from './payout/model.js';
export { describeSpiff, deprioritizedTarget } from './payout/wording.js';
export { commissionPerMonth, cycleMonths, dealEconomics, type DealEconomics } from './payout/deal-economics.js';
export { DEFAULT_LEVELS, paysPerDeal, planChoices, simulatePlan } from './payout/rational-choice.js';
export type {
  Candidate as PlanChoice,
  ChoicePoint,
  ChoiceStatus,
  LevelWinner,
  PlanSimulation,
  SimulatedChoice,
  SimulationOptions,
  Verdict,
} from './payout/rational-choice.js';
export type { PolicyDiff, PriorityChange, StatusChange } from './engine/policy-diff.js';
export type * from './schema.js';
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
export { roundRate, roundToSteps, type Rounding } from './engine/rounding.js';
export { EPSILON } from './epsilon.js';
export { compareIds, compareInstruments, compareMetrics, compareRewards, least, sortedIds } from './engine/order.js';
export { closest, didYouMean, editDistance, suggestionBudget, type DistanceBudget } from './diagnostics.js';
export * as z from 'zod';
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
export { paysOrMeasures, targetKind, setsLevel, isCheckable, isDeliverable, stakesOf } from './model/index.js';
/** Examples in fix texts derived from the policy's own metrics, not borrowed from one industry. */
export { GAMING_CLAWBACK, independentCheckExample, qualityOfCountedExample, targetExamples } from './engine/fix-wording.js';
