/** The model of what each team is rewarded for: see build.ts. */
export { RewardModel, paysOrMeasures, type ModelOptions, type PayExtra } from './build.js';
export { resolveAsOf, endedBy, type AsOf, type AsOfInputs, type AsOfSource } from './as-of.js';
export type { Guard, GuardKind, HowMade, NumberKind, RewardEntry, RewardLever, Strength, TeamProfile } from './entry.js';
export { targetKind, setsLevel, isCheckable, type TargetKind } from './targets.js';
export { modelJson, type ModelJson } from './json.js';
export { isDeliverable, stakesOf, type Stakes } from './declared.js';
