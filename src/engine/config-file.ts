/**
 * Finding and reading `incentive-lint.config.yaml`: walked up to from the working folder, or named
 * with `--config`. Read with the policy's YAML loader, so every problem carries file:line:column.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, type Pair } from 'yaml';
import type * as z from 'zod';
import { InputError, didYouMean, type Diagnostic } from '../diagnostics.js';
import { readInputText, UnreadableFile } from '../files/read.js';
import { CONFIG_FILE_NAMES, displayPath, ioDiagnostic } from '../load/discover.js';
import { parseYaml } from '../load/parse.js';
import type { PathSegment, SourceDocument } from '../load/source.js';
import type { ConfigLayer, Preset, SettingPlace } from './config.js';
import { CONFIG_KEY_EXAMPLES, CONFIG_KEYS, ConfigFileSchema } from './config-schema.js';

export interface PluginReference {
  specifier: string;
  place?: SettingPlace;
}

export interface ConfigFile {
  /** Absolute path of the file. */
  path: string;
  /** The path as shown to the user. */
  display: string;
  /** Its folder: plugin paths and ignore globs are relative to it. */
  dir: string;
  extends?: Preset;
  extendsPlace?: SettingPlace;
  /** The `rules` mapping, as a configuration layer with the position of every setting. */
  layer: ConfigLayer;
  plugins: PluginReference[];
  ignore: string[];
}

/**
 * The nearest configuration file in `startDir` or a folder above it, up to the repository root (the
 * folder holding `.git`): a configuration above the repository (in a parent or a shared folder) is
 * not the repository's, and its plugins would run code nobody reviewed with it.
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Reads and checks a configuration file; throws an InputError with every problem found. */
export function readConfigFile(absolute: string, cwd: string): ConfigFile {
  const display = displayPath(absolute, cwd);
  let text: string;
  try {
    text = readInputText(absolute, 'config');
  } catch (error) {
    const problem =
      error instanceof UnreadableFile && !error.code ? { file: display, message: error.message } : ioDiagnostic(display, error);
    throw new InputError([{ ...problem, source: 'config' }]);
  }
  return parseConfigText(text, absolute, display);
}

function parseConfigText(text: string, absolute: string, display: string): ConfigFile {
  const parsed = parseYaml(display, text);
  if (parsed.diagnostics.length > 0) throw new InputError(parsed.diagnostics);
  if (parsed.documents.length > 1) {
    throw new InputError([
      {
        ...parsed.documents[1]!.locate([]),
        message: 'a configuration file holds one YAML document: remove the second `---` and merge the two',
        source: 'config',
      },
    ]);
  }
  const source = parsed.documents[0];
  const value = parsed.values[0] ?? {};
  // jitless: parsed once per run, so zod's eval-based fast path would cost more than it saves.
  const result = ConfigFileSchema.safeParse(value, { reportInput: true, jitless: true });
  if (!result.success) {
    throw new InputError(result.error.issues.map((issue) => describeIssue(issue, source, display)));
  }
  const content = result.data;
  const placeOf = (at: readonly PathSegment[]): SettingPlace | undefined => (source ? toPlace(source.locate(at)) : undefined);

  const layer: ConfigLayer = {
    origin: display,
    rules: keepEveryKey(content.rules ?? {}, (value as { rules?: unknown }).rules),
    place: (ruleId, at, pointAt = 'value') => {
      if (!source) return undefined;
      if (at === undefined) return keyPlace(source, ['rules'], ruleId) ?? placeOf(['rules', ruleId]);
      const rulePath: PathSegment[] = ['rules', ruleId, ...at];
      const last = rulePath[rulePath.length - 1];
      const key = pointAt === 'key' && typeof last === 'string' ? keyPlace(source, rulePath.slice(0, -1), last) : undefined;
      return key ?? placeOf(rulePath);
    },
  };
  return {
    path: absolute,
    display,
    dir: path.dirname(absolute),
    extends: content.extends,
    extendsPlace: content.extends ? placeOf(['extends']) : undefined,
    layer,
    plugins: (content.plugins ?? []).map((specifier, index) => ({ specifier, place: placeOf(['plugins', index]) })),
    ignore: content.ignore ?? [],
  };
}

/**
 * The rules mapping with every key the file wrote. Validation copies it into a plain object, where
 * `__proto__: …` sets the prototype instead of adding a key, and the setting would vanish without
 * a word; put back as an own key, it is reported as the unknown rule it is.
 */
function keepEveryKey(rules: Record<string, unknown>, written: unknown): Record<string, unknown> {
  if (typeof written !== 'object' || written === null) return rules;
  for (const key of Object.keys(written)) {
    if (!Object.hasOwn(rules, key))
      Object.defineProperty(rules, key, {
        value: (written as Record<string, unknown>)[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return rules;
}

function toPlace(location: { file: string; line: number; column: number }): SettingPlace {
  return { file: location.file, line: location.line, column: location.column };
}

/** The position of the key `key` in the mapping at `mapPath` (values are located by locate()). */
function keyPlace(source: SourceDocument, mapPath: readonly PathSegment[], key: string): SettingPlace | undefined {
  const map = source.document.getIn(mapPath, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item: Pair) => isScalar(item.key) && String(item.key.value) === key);
  const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  if (offset === undefined) return undefined;
  const position = source.lineCounter.linePos(offset);
  return { file: source.file, line: position.line, column: position.col };
}

function describeIssue(issue: z.core.$ZodIssue, source: SourceDocument | undefined, display: string): Diagnostic {
  const segments = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  const located = (at: readonly PathSegment[]) => (source ? source.locate(at) : { file: display, line: 1, column: 1 });
  const key = segments[0] === undefined ? undefined : String(segments[0]);
  const example = key ? CONFIG_KEY_EXAMPLES[key] : undefined;
  const write = example ? `; write it such as ${example}` : '';

  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys[0]!;
    const place = (source && keyPlace(source, segments, unknown)) ?? located([...segments, unknown]);
    return {
      ...place,
      message: `unknown key "${unknown}" in the configuration: the keys are ${CONFIG_KEYS.join(', ')}${didYouMean(unknown, CONFIG_KEYS)}`,
      source: 'config',
    };
  }
  if (issue.code === 'invalid_type' && segments.length === 0) {
    return {
      ...located([]),
      message: `the configuration must be a mapping of keys, such as ${CONFIG_KEY_EXAMPLES.extends}`,
      source: 'config',
    };
  }
  if (issue.code === 'invalid_value' && key === 'extends') {
    const given = String(issue.input);
    return {
      ...located(segments),
      message: `extends: "${given}" is not one of ${issue.values.join(', ')}${didYouMean(given, issue.values.map(String))}`,
      source: 'config',
    };
  }
  if (issue.code === 'invalid_type') {
    const expected =
      issue.expected === 'array'
        ? 'a list'
        : issue.expected === 'record' || issue.expected === 'object'
          ? 'a mapping'
          : `a ${issue.expected}`;
    return { ...located(segments), message: `${segments.join('.')}: expected ${expected}${write}`, source: 'config' };
  }
  return { ...located(segments), message: `${segments.join('.')}: ${issue.message}${write}`, source: 'config' };
}
