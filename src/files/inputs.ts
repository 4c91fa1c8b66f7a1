/**
 * The files this run read, by device and inode: whatever path, symbolic link or hard link leads to
 * one of them, a report, baseline or cache is never written over it. Reads register themselves
 * (read.ts); writes consult the register (write.ts).
 */
import type fs from 'node:fs';

/** What a file was read as; a write may replace only the inputs of its own role (the cache it read). */
export type InputRole = 'policy' | 'config' | 'baseline' | 'cache' | 'plugin';

const inputs = new Map<string, Set<InputRole>>();

function keyOf(stats: fs.BigIntStats): string {
  return `${stats.dev}:${stats.ino}`;
}

export function recordInput(stats: fs.BigIntStats, role: InputRole): void {
  const key = keyOf(stats);
  const roles = inputs.get(key) ?? new Set<InputRole>();
  roles.add(role);
  inputs.set(key, roles);
}

/** The roles the file was read in that `allowed` does not cover: what overwriting it would destroy. */
export function protectedRoles(stats: fs.BigIntStats, allowed: readonly InputRole[] = []): InputRole[] {
  return [...(inputs.get(keyOf(stats)) ?? [])].filter((role) => !allowed.includes(role));
}
