/**
 * The one rounding of rates, weights and ratios that rules show. A bound in a fix rounds toward what
 * satisfies it ('up' for "at least", 'down' for "at most"), so that following the fix silences the
 * finding.
 */
export type Rounding = 'nearest' | 'up' | 'down';

/**
 * Floating-point noise, in steps: 0.16 × 10000 is 1600.0000000000002, which must stay 1600 (16%), not
 * round up to 1601. Far below any step a person could write. Larger than EPSILON (src/epsilon.ts):
 * scaling to steps multiplies the noise too.
 */
const NOISE = 1e-6;

/** `value` counted in whole steps of 1/`scale` (scale 10000: hundredths of a percent), rounded as asked. */
export function roundToSteps(value: number, scale: number, rounding: Rounding = 'nearest'): number {
  const steps = value * scale;
  return rounding === 'up' ? Math.ceil(steps - NOISE) : rounding === 'down' ? Math.floor(steps + NOISE) : Math.round(steps);
}

/** A rate, weight or ratio rounded to `decimals` places (default 4: hundredths of a percent): 0.053333 → 0.0533 (up: 0.0534). */
export function roundRate(value: number, rounding: Rounding = 'nearest', decimals = 4): number {
  const scale = 10 ** decimals;
  return roundToSteps(value, scale, rounding) / scale;
}
