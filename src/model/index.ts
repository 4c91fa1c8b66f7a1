/** The model of what each team is rewarded for: see build.ts. */
export { RewardModel, type PayExtra } from './build.js';
export type { Guard, GuardKind, HowMade, NumberKind, RewardEntry, RewardLever, Strength, TeamProfile } from './entry.js';
export { setsLevel, isCheckable, type TargetKind } from './targets.js';
export { modelJson } from './json.js';
export { isDeliverable, type Stakes } from './declared.js';
