/**
 * Which rules run, at which severity and with which options, and where each setting came from.
 * Settings are layered, lowest first: the rule's own default, the preset named by `extends`, the
 * configuration file, then overrides (`--rule`, or `rules` given to lint()). A layer that gives only
 * a severity keeps the options of the layers below it, as ESLint does.
 */
import { InputError, didYouMean, type Diagnostic } from '../diagnostics.js';
import { resolveOptions, SEVERITIES, type AnyRule, type Severity } from './rule.js';
import type { ConfiguredRule } from './run.js';

type SeverityOrOff = Severity | 'off';
export type RuleSetting = SeverityOrOff | [SeverityOrOff, Record<string, unknown>?];

export interface RuleOverrides {
  [ruleId: string]: RuleSetting;
}

/**
 * `goalposts` is `recommended` plus the rules that judge a plan against compensation consultants'
 * goalposts on a modelled sales force (meta.presets: ['goalposts']). They stay off in `strict` too:
 * strict is recommended's rules with warnings raised to errors, the severities the gate and the
 * report judge an announcement at, and the goalposts judge an assumed attainment distribution whose
 * precision on real policies is not yet measured; a go / no-go must not turn on an assumption.
 */
export const PRESETS = ['recommended', 'strict', 'goalposts'] as const;
export type Preset = (typeof PRESETS)[number];

/** Where a setting is written, for messages and `--print-config`. */
export interface SettingPlace {
  file: string;
  line: number;
  column: number;
}

export interface ConfigLayer {
  /** Who set these: "incentive-lint.config.yaml", "--rule", "lint() options". */
  origin: string;
  rules: Readonly<Record<string, unknown>>;
  /**
   * Where the setting of `ruleId` is written (its key), or the part of it at `path`, such as
   * [1, "min_ratio"] (its value, or its key with pointAt "key").
   */
  place?: (ruleId: string, path?: readonly (string | number)[], pointAt?: 'key' | 'value') => SettingPlace | undefined;
}

export interface ResolvedRule extends Omit<ConfiguredRule, 'severity'> {
  severity: SeverityOrOff;
  /** Where the severity and the options come from: "rule default", "extends: strict", "--rule", "policy.config.yaml:4:3". */
  severityFrom: string;
  optionsFrom: string;
}

export interface RuleSelection {
  /** Default: recommended. */
  extends?: Preset;
  /** Applied in order, later layers win. */
  layers?: readonly ConfigLayer[];
  /**
   * Rule ids that are not defined but must not be reported as unknown (the namespace of a plugin
   * that failed to load: its failure is already reported).
   */
  tolerateUnknown?: (ruleId: string) => boolean;
}

/**
 * Rules whose default depends on the preset rather than on their metadata: suppression checks are
 * off under `recommended` and errors under `strict`.
 */
const PRESET_ONLY: Record<Preset, Record<string, SeverityOrOff>> = {
  recommended: { 'unused-suppression': 'off', 'suppression-reason': 'off' },
  strict: { 'unused-suppression': 'error', 'suppression-reason': 'error' },
  goalposts: { 'unused-suppression': 'off', 'suppression-reason': 'off' },
};

/**
 * The severity a preset gives a rule: off when the rule names the presets that run it and this is
 * not one of them; `strict` turns every warning into an error; infos stay infos.
 */
function presetSeverity(preset: Preset, rule: AnyRule): SeverityOrOff {
  const special = PRESET_ONLY[preset][rule.meta.id];
  if (special) return special;
  if (rule.meta.presets !== undefined && !rule.meta.presets.includes(preset)) return 'off';
  return preset === 'strict' && rule.meta.severity === 'warning' ? 'error' : rule.meta.severity;
}

/** Every available rule with its resolved setting, including the ones that are off. */
export function resolveRules(available: readonly AnyRule[], selection: RuleSelection = {}): ResolvedRule[] {
  const preset = selection.extends ?? 'recommended';
  const byId = new Map(available.map((rule) => [rule.meta.id, rule]));
  const diagnostics: Diagnostic[] = [];
  const layers = selection.layers ?? [];

  for (const layer of layers) {
    for (const id of Object.keys(layer.rules)) {
      if (byId.has(id) || selection.tolerateUnknown?.(id)) continue;
      diagnostics.push(at(layer, id, undefined, `unknown rule "${id}"`, didYouMean(id, byId.keys())));
    }
  }

  const resolved: ResolvedRule[] = [];
  for (const rule of available) {
    const id = rule.meta.id;
    const presetValue = presetSeverity(preset, rule);
    let severity: SeverityOrOff = presetValue;
    let severityFrom = presetValue === rule.meta.severity ? 'rule default' : `extends: ${preset}`;
    let given: Record<string, unknown> | undefined;
    let optionsFrom = 'rule default';
    let optionsLayer: ConfigLayer | undefined;
    let valid = true;

    for (const layer of layers) {
      if (!Object.hasOwn(layer.rules, id)) continue;
      const parsed = parseSetting(layer.rules[id]);
      const where = describePlace(layer, id);
      if (typeof parsed === 'string') {
        diagnostics.push(at(layer, id, Array.isArray(layer.rules[id]) ? [0] : [], `rule ${id}`, `: ${parsed}`));
        valid = false;
        continue;
      }
      severity = parsed.severity;
      severityFrom = where;
      if (parsed.options !== undefined) {
        given = parsed.options;
        optionsFrom = describePlace(layer, id, [1]);
        optionsLayer = layer;
      }
    }
    if (!valid) continue;

    const problems = optionProblems(rule, given);
    const options = resolveOptions(rule, given);
    if (!options.success) {
      for (const issue of options.error.issues) {
        const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
        problems.push({ path, message: `${path.join('.') || 'options'}: ${issue.message}`, pointAt: 'value' });
      }
    }
    if (problems.length > 0 || !options.success) {
      for (const problem of problems) {
        diagnostics.push(
          at(optionsLayer, id, [1, ...problem.path], `rule ${id}`, `: invalid options: ${problem.message}`, problem.pointAt),
        );
      }
      continue;
    }
    resolved.push({ rule, severity, options: options.data, severityFrom, optionsFrom });
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return resolved;
}

/**
 * The rules that run. `overrides` is either one set of per-rule settings (as in the `rules` key of
 * the configuration, or a command's own strict severities) or a full selection with layers.
 */
export function configureRules(available: readonly AnyRule[], overrides: RuleOverrides | RuleSelection = {}): ConfiguredRule[] {
  const selection: RuleSelection = isSelection(overrides) ? overrides : { layers: [{ origin: 'rule overrides', rules: overrides }] };
  return runnableRules(resolveRules(available, selection));
}

/** The resolved rules that are not off, as the engine runs them. */
export function runnableRules(resolved: readonly ResolvedRule[]): ConfiguredRule[] {
  return resolved
    .filter((entry): entry is ResolvedRule & { severity: Severity } => entry.severity !== 'off')
    .map(({ rule, severity, options }) => ({ rule, severity, options }));
}

function isSelection(value: RuleOverrides | RuleSelection): value is RuleSelection {
  return 'layers' in value || 'extends' in value || 'tolerateUnknown' in value;
}

const SEVERITY_WORDS = ['off', ...SEVERITIES] as const;

function parseSetting(value: unknown): { severity: SeverityOrOff; options?: Record<string, unknown> } | string {
  const [severity, options, ...rest] = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && (value.length === 0 || rest.length > 0)) {
    return `write the setting as a severity or as [severity, { options }], such as [error, { min_ratio: 2 }]`;
  }
  if (typeof severity !== 'string' || !(SEVERITY_WORDS as readonly string[]).includes(severity)) {
    const shown = typeof severity === 'string' ? `"${severity}"` : (JSON.stringify(severity) ?? String(severity));
    return `severity ${shown} is not one of ${SEVERITY_WORDS.join(', ')}${typeof severity === 'string' ? didYouMean(severity, SEVERITY_WORDS) : ''}`;
  }
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    return 'the options (the second item) must be a mapping of option names to values, such as { min_ratio: 2 }';
  }
  return { severity: severity as SeverityOrOff, options: (options ?? undefined) as Record<string, unknown> | undefined };
}

interface OptionProblem {
  path: (string | number)[];
  message: string;
  pointAt: 'key' | 'value';
}

/** Option keys a rule does not have: zod objects drop them silently, but a typo must not pass. */
function optionProblems(rule: AnyRule, given: Record<string, unknown> | undefined): OptionProblem[] {
  const known = Object.keys(rule.meta.options?.shape ?? {});
  return Object.keys(given ?? {})
    .filter((key) => !known.includes(key))
    .map(
      (key): OptionProblem => ({
        path: [key],
        pointAt: 'key',
        message: `unknown option "${key}"${didYouMean(key, known)} (${known.length ? `the options of ${rule.meta.id} are ${known.join(', ')}` : `${rule.meta.id} has no options`})`,
      }),
    );
}

/** A config diagnostic at the setting's place; the layer is named only when it has no file position. */
function at(
  layer: ConfigLayer | undefined,
  id: string,
  path: readonly (string | number)[] | undefined,
  subject: string,
  detail: string,
  pointAt: 'key' | 'value' = 'value',
): Diagnostic {
  const place = (path && layer?.place?.(id, path, pointAt)) || layer?.place?.(id);
  const origin = place || !layer ? '' : ` in ${layer.origin}`;
  return { ...place, message: `${subject}${origin}${detail}`, source: 'config' };
}

function describePlace(layer: ConfigLayer, id: string, path?: readonly (string | number)[]): string {
  const place = (path && layer.place?.(id, path)) || layer.place?.(id);
  return place ? `${place.file}:${place.line}:${place.column}` : layer.origin;
}
