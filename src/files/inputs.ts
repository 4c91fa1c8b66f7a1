/**
 * The files this run read, by device and inode: whatever path, symbolic link or hard link leads to
 * one of them, a report, baseline or cache is never written over it. Reads register themselves
 * (read.ts); writes consult the register (write.ts).
 */
import fs from 'node:fs';

/** What a file was read as; a write may replace only the inputs of its own role (the cache it read). */
export type InputRole = 'policy' | 'config' | 'baseline' | 'cache' | 'plugin';

const inputs = new Map<string, Set<InputRole>>();
/** Inputs known by path only: the file --stdin-filename names stands for the text read, whether it exists or not. */
const inputPaths = new Map<string, { role: InputRole; description: string }[]>();

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

/**
 * Records `absolute` as an input of the run by its path (and, when it exists, by its identity):
 * the file `--stdin-filename` names is what the text read from stdin stands for, so no report may
 * replace it, even when it does not exist yet.
 */
export function recordInputPath(absolute: string, role: InputRole, description: string): void {
  inputPaths.set(absolute, [...(inputPaths.get(absolute) ?? []), { role, description }]);
  try {
    recordInput(fs.statSync(absolute, { bigint: true }), role);
  } catch {
    // not there (yet): its path is enough
  }
}

/** How `absolute` (a resolved path) was recorded by path, in the roles `allowed` does not cover. */
export function protectedPathRoles(absolute: string, allowed: readonly InputRole[] = []): string[] {
  return (inputPaths.get(absolute) ?? []).filter((input) => !allowed.includes(input.role)).map((input) => input.description);
}
