/**
 * The shape of `incentive-lint.config.yaml`. Per-rule settings are checked by configureRules, which
 * knows the rules and their option schemas; this schema checks everything around them.
 */
import * as z from 'zod';
import { PRESETS } from './config.js';

const NonEmptyText = z.string().trim().min(1, 'must not be empty');

export const ConfigFileSchema = z.strictObject({
  extends: z.enum(PRESETS).optional(),
  rules: z.record(z.string(), z.unknown()).nullish(),
  plugins: z.array(NonEmptyText).nullish(),
  ignore: z.array(NonEmptyText).nullish(),
});

export const CONFIG_KEYS: readonly string[] = Object.keys(ConfigFileSchema.shape);

/** What each key takes, for messages that say what to write instead. */
export const CONFIG_KEY_EXAMPLES: Record<string, string> = {
  extends: 'extends: recommended   (or strict: every warning an error)',
  rules: 'rules: { flat-commission: [error, { min_ratio: 3 }], missing-rationale: off }',
  plugins: 'plugins: [./rules/my-rule.js, some-npm-package]',
  ignore: 'ignore: ["drafts/**", "archive/*.yaml"]',
};
