/**
 * The one tolerance for comparing numbers the run computes: shares, weights, rates, attainments and
 * amounts are sums and products of the decimals a policy writes, and 0.1 + 0.2 is 0.30000000000000004.
 * Values that should be equal differ in their sixteenth significant digit, so up to millions the
 * noise stays below 1e-9 (1e6 × 2.2e-16 ≈ 2e-10); every difference a policy means is far above it (a
 * hundredth of a percent is 1e-4, a cent 1e-2). Compare `a <= b + EPSILON`, `a >= b - EPSILON`.
 * Not a threshold: how far a policy's own numbers may be off (weights-sum's `tolerance`) is a rule option.
 */
export const EPSILON = 1e-9;
