/** The built-in rules, in catalog order. Each is an ordinary plugin rule. */
import type { AnyRule } from '../src/api.js';
import duplicateId from './duplicate-id.js';
import effortAdjustedPay from './effort-adjusted-pay.js';
import flatCommission from './flat-commission.js';
import incentiveAfterAnnouncement from './incentive-after-announcement.js';
import missingRationale from './missing-rationale.js';
import okrOldPriority from './okr-old-priority.js';
import payOldPriority from './pay-old-priority.js';
import promotionOldBehavior from './promotion-old-behavior.js';
import recognitionMismatch from './recognition-mismatch.js';
import segmentBlindMetric from './segment-blind-metric.js';
import uncoveredPriority from './uncovered-priority.js';
import unknownReference from './unknown-reference.js';
import weightsSum from './weights-sum.js';

export const builtinRules: readonly AnyRule[] = [
  flatCommission,
  payOldPriority,
  effortAdjustedPay,
  okrOldPriority,
  promotionOldBehavior,
  recognitionMismatch,
  incentiveAfterAnnouncement,
  uncoveredPriority,
  segmentBlindMetric,
  missingRationale,
  unknownReference,
  duplicateId,
  weightsSum,
];
