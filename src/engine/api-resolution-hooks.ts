/**
 * Module resolution hooks for a plugin's worker (see plugin-worker.ts): `incentive-lint` and
 * `incentive-lint/testing`, which a plugin imports for `defineRule` and `z`, resolve as Node resolves
 * them from the plugin; only where that finds nothing (the GitHub Action runs a copy of incentive-lint
 * that is not installed in the repository it lints, nor is `npx` from another folder) they resolve to
 * the copy that is running the plugin.
 */
import type { InitializeHook, ResolveHook } from 'node:module';

/** Bare specifier → file URL of the running copy's module. */
let fallbacks: Record<string, string> = {};

export const initialize: InitializeHook<Record<string, string>> = (data) => {
  fallbacks = data;
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fallback = Object.hasOwn(fallbacks, specifier) ? fallbacks[specifier] : undefined;
    if (fallback === undefined || (error as { code?: unknown } | null)?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return { url: fallback, shortCircuit: true };
  }
};
