/**
 * The configuration of one run: configuration file (found or named) → plugins → every rule's
 * severity and options, with where each setting came from. Shared by lint() and `--print-config`.
 */
import path from 'node:path';
import { builtinRules } from '../rules/index.js';
import type { Diagnostic } from './diagnostics.js';
import { resolveRules, type ConfigLayer, type Preset, type ResolvedRule, type RuleOverrides } from './engine/config.js';
import { findConfigFile, readConfigFile, type ConfigFile } from './engine/config-file.js';
import { globMatcher } from './engine/glob.js';
import { loadPlugins } from './engine/plugins.js';
import type { AnyRule } from './engine/rule.js';
import { SUPPRESSION_RULES } from './engine/suppressions.js';
import { IMPORT_TODO_RULES } from './engine/import-todos.js';

export interface ConfigOptions {
  /** Folder the configuration is searched from, and paths are relative to. Default: process.cwd(). */
  cwd?: string;
  /**
   * The configuration file: a path (relative to cwd), or false for none. Default: the nearest
   * incentive-lint.config.yaml (or .incentive-lint.yaml) in cwd or a folder above it.
   */
  config?: string | false;
  /** Replaces the configuration file's `extends`. */
  extends?: Preset;
  /** Per-rule settings above the configuration file's, as in its `rules` key. */
  rules?: RuleOverrides;
  /** Who gives `rules`, for messages and --print-config. Default: "lint() options". */
  rulesOrigin?: string;
  /** Rules given as objects (no module to load), run beside the built-in ones. */
  plugins?: readonly AnyRule[];
  /** How long a plugin's top-level code (and each plugin rule) may run, in milliseconds. */
  ruleTimeoutMs?: number;
}

export interface ResolvedConfig {
  /** The configuration file used, as shown to the user. */
  file?: string;
  extends: Preset;
  extendsFrom: string;
  /** Plugin specifiers of the configuration file, as written. */
  plugins: string[];
  ignore: string[];
  /** Every rule, including the ones that are off. */
  rules: ResolvedRule[];
  /** Whether a policy file at this absolute path is ignored. */
  isIgnored: (absolutePath: string) => boolean;
  /** Problems that do not stop the run (a plugin that failed to load), but make it exit 2. */
  diagnostics: Diagnostic[];
}

/** Throws an InputError when the configuration is not valid (exit 2: nothing runs). */
export async function resolveConfig(options: ConfigOptions = {}): Promise<ResolvedConfig> {
  const file = configFileOf(options);

  const known = [...builtinRules, ...SUPPRESSION_RULES, ...IMPORT_TODO_RULES, ...(options.plugins ?? [])];
  const loaded = file
    ? await loadPlugins(
        file.plugins,
        file.dir,
        known.map((rule) => rule.meta.id),
        options.ruleTimeoutMs,
      )
    : { rules: [], diagnostics: [] };
  const available = [...known, ...loaded.rules];

  const layers: ConfigLayer[] = [];
  if (file) layers.push(file.layer);
  if (options.rules) layers.push({ origin: options.rulesOrigin ?? 'lint() options', rules: options.rules });

  const preset = options.extends ?? file?.extends ?? 'recommended';
  const extendsFrom = options.extends
    ? (options.rulesOrigin ?? 'lint() options')
    : file?.extends && file.extendsPlace
      ? `${file.extendsPlace.file}:${file.extendsPlace.line}:${file.extendsPlace.column}`
      : 'default';

  const pluginFailed = loaded.diagnostics.length > 0;
  const rules = resolveRules(available, {
    extends: preset,
    layers,
    // The rules of a plugin that failed to load are unknown; its failure is already reported.
    tolerateUnknown: (id) => pluginFailed && id.includes('/'),
  });

  const isIgnored = ignoreOf(file);

  return {
    file: file?.display,
    extends: preset,
    extendsFrom,
    plugins: file?.plugins.map((plugin) => plugin.specifier) ?? [],
    ignore: file?.ignore ?? [],
    rules,
    isIgnored,
    diagnostics: loaded.diagnostics,
  };
}

/**
 * Which policy files the configuration leaves out (its `ignore`, and the file itself), read without
 * loading its plugins: for commands that read the policy but run no rule (matrix, simulate).
 * Throws an InputError when the configuration is not valid.
 */
export function configuredIgnore(options: Pick<ConfigOptions, 'cwd' | 'config'> = {}): (absolutePath: string) => boolean {
  return ignoreOf(configFileOf(options));
}

function configFileOf(options: Pick<ConfigOptions, 'cwd' | 'config'>): ConfigFile | undefined {
  const cwd = options.cwd ?? process.cwd();
  const configPath =
    options.config === false ? undefined : options.config !== undefined ? path.resolve(cwd, options.config) : findConfigFile(cwd);
  return configPath ? readConfigFile(configPath, cwd) : undefined;
}

function ignoreOf(file: ConfigFile | undefined): (absolutePath: string) => boolean {
  const matches = globMatcher(file?.ignore ?? []);
  return (absolute: string) => {
    if (!file) return false;
    if (absolute === file.path) return true; // a --config file with another name is not a policy file
    if (file.ignore.length === 0) return false;
    const relative = path.relative(file.dir, absolute);
    return !relative.startsWith('..') && !path.isAbsolute(relative) && matches(relative.split(path.sep).join('/'));
  };
}

/** The resolved configuration as plain data, for `--print-config`. */
export function describeConfig(config: ResolvedConfig): Record<string, unknown> {
  return {
    configFile: config.file ?? null,
    extends: { value: config.extends, from: config.extendsFrom },
    plugins: config.plugins,
    ignore: config.ignore,
    rules: Object.fromEntries(
      config.rules.map((entry) => [
        entry.rule.meta.id,
        { severity: entry.severity, severityFrom: entry.severityFrom, options: entry.options, optionsFrom: entry.optionsFrom },
      ]),
    ),
  };
}
