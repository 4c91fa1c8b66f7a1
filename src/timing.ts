/** Where a run spends its time, for the benchmark: milliseconds per phase, summed over files. */
export interface PhaseTimings {
  /** Reading files and YAML → plain values. */
  parse: number;
  /** Checking values against format v1 (zod). */
  validate: number;
  /** Merging documents, indexing, running the rules, and locating each finding. */
  rules: number;
}

export function emptyTimings(): PhaseTimings {
  return { parse: 0, validate: 0, rules: 0 };
}

/** Runs `work`, adding its duration to `phase` when timings are being collected. */
export function timed<T>(timings: PhaseTimings | undefined, phase: keyof PhaseTimings, work: () => T): T {
  if (!timings) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    timings[phase] += performance.now() - start;
  }
}
