/** The built-in rules, in catalog order. Each is an ordinary plugin rule. */
import type { AnyRule } from '../src/api.js';
import duplicateId from './duplicate-id.js';
import flatCommission from './flat-commission.js';
import okrOldPriority from './okr-old-priority.js';
import recognitionMismatch from './recognition-mismatch.js';
import staleIncentive from './stale-incentive.js';
import unknownReference from './unknown-reference.js';
import weightsSum from './weights-sum.js';

export const builtinRules: readonly AnyRule[] = [
  flatCommission,
  okrOldPriority,
  recognitionMismatch,
  staleIncentive,
  unknownReference,
  duplicateId,
  weightsSum,
];
