/**
 * What a plugin's export must be: rules made with defineRule, with namespaced ids and zod options.
 * Checked in the worker that imports the plugin (see plugins.ts), where the plugin's code runs.
 */
import { defineRule, type AnyRule } from './rule.js';

export function checkPluginRule(candidate: unknown): string | undefined {
  try {
    defineRule(candidate as AnyRule);
  } catch (error) {
    return `not a rule made with defineRule(): ${describeError(error)}`;
  }
  const rule = candidate as AnyRule;
  if (!rule.meta.id.includes('/')) {
    return `plugin rule ids are namespaced, such as acme/${rule.meta.id}: rename it to <your-namespace>/${rule.meta.id}`;
  }
  if (rule.meta.options !== undefined && typeof (rule.meta.options as { safeParse?: unknown }).safeParse !== 'function') {
    return 'meta.options must be a zod object schema (import { z } from "incentive-lint")';
  }
  return undefined;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] || error.name;
  return String(error);
}
