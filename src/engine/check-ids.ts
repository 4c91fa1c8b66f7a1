/**
 * Checks that are not rules of the catalog but report findings a waiver may name: the gate's
 * step 3 (every priority rewarded through every lever in use).
 */
export const LEVER_COVERAGE = 'lever-coverage';

export const CHECK_IDS: readonly string[] = [LEVER_COVERAGE];
