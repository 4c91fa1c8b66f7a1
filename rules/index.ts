/** The built-in rules, in catalog order. Each is an ordinary plugin rule. */
import type { AnyRule } from '../src/api.js';
import acceleratorOnDeprioritized from './accelerator-on-deprioritized.js';
import capOnFavored from './cap-on-favored.js';
import duplicateId from './duplicate-id.js';
import effortAdjustedPay from './effort-adjusted-pay.js';
import expiredWaiver from './expired-waiver.js';
import flatCommission from './flat-commission.js';
import forcedRanking from './forced-ranking.js';
import gameableTarget from './gameable-target.js';
import incentiveAfterAnnouncement from './incentive-after-announcement.js';
import implausibleValue from './implausible-value.js';
import individualOnly from './individual-only.js';
import missingRationale from './missing-rationale.js';
import noRetentionGuard from './no-retention-guard.js';
import okrOldPriority from './okr-old-priority.js';
import payoutCliff from './payout-cliff.js';
import payMix from './pay-mix.js';
import p90PayMultiple from './p90-pay-multiple.js';
import capBelowP90 from './cap-below-p90.js';
import noUpsideOnFavored from './no-upside-on-favored.js';
import shareAtQuota from './share-at-quota.js';
import shareEarningNothing from './share-earning-nothing.js';
import payOldPriority from './pay-old-priority.js';
import preferenceNotPaid from './preference-not-paid.js';
import promotionOldBehavior from './promotion-old-behavior.js';
import rationalChoice from './rational-choice.js';
import recognitionMismatch from './recognition-mismatch.js';
import segmentBlindMetric from './segment-blind-metric.js';
import sharedPortionRange from './shared-portion-range.js';
import siloedHandoff from './siloed-handoff.js';
import speedWithoutQuality from './speed-without-quality.js';
import spiffTiming from './spiff-timing.js';
import tooManyMeasures from './too-many-measures.js';
import unbalancedScorecard from './unbalanced-scorecard.js';
import undeclaredQualityLink from './undeclared-quality-link.js';
import uncoveredPriority from './uncovered-priority.js';
import staleIncentive from './stale-incentive.js';
import undeclaredMetricMeaning from './undeclared-metric-meaning.js';
import unknownReference from './unknown-reference.js';
import unmeasurableKeyResult from './unmeasurable-key-result.js';
import unrecognizedTeam from './unrecognized-team.js';
import vanityMetric from './vanity-metric.js';
import weightsSum from './weights-sum.js';

export const builtinRules: readonly AnyRule[] = [
  flatCommission,
  payOldPriority,
  effortAdjustedPay,
  preferenceNotPaid,
  rationalChoice,
  capOnFavored,
  acceleratorOnDeprioritized,
  spiffTiming,
  okrOldPriority,
  unmeasurableKeyResult,
  promotionOldBehavior,
  recognitionMismatch,
  incentiveAfterAnnouncement,
  uncoveredPriority,
  segmentBlindMetric,
  missingRationale,
  siloedHandoff,
  sharedPortionRange,
  noRetentionGuard,
  vanityMetric,
  speedWithoutQuality,
  gameableTarget,
  undeclaredQualityLink,
  unbalancedScorecard,
  tooManyMeasures,
  individualOnly,
  forcedRanking,
  unrecognizedTeam,
  staleIncentive,
  unknownReference,
  undeclaredMetricMeaning,
  duplicateId,
  weightsSum,
  implausibleValue,
  payoutCliff,
  expiredWaiver,
  // The goalposts: off unless the goalposts preset (or a configuration) turns them on.
  shareAtQuota,
  shareEarningNothing,
  p90PayMultiple,
  capBelowP90,
  noUpsideOnFavored,
  payMix,
];
