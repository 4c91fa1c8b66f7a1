/**
 * Plugins: JavaScript modules that export one rule or a list of rules made with defineRule, named in
 * the configuration by a path (relative to the config file) or an npm package name (resolved from
 * the config file's folder). A plugin that fails to load is reported and left out; the rest run.
 * A plugin's code never runs in the main thread: its module is imported in a worker, which
 * describes its rules as plain data, and each rule's check runs in a worker of its own.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as z from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { recordInput } from '../files/inputs.js';
import type { SettingPlace } from './config.js';
import type { PluginReference } from './config-file.js';
import { DEFAULT_RULE_TIMEOUT_MS, describePlugin, markPluginRule } from './isolation.js';
import { describeError } from './plugin-check.js';
import type { DescribedRule } from './plugin-worker.js';
import { defineRule, type AnyRule, type OptionsSchema } from './rule.js';

export interface LoadedPlugins {
  rules: AnyRule[];
  /** One per plugin that could not be loaded or holds a rule that is not valid. */
  diagnostics: Diagnostic[];
}

export async function loadPlugins(
  references: readonly PluginReference[],
  baseDir: string,
  takenIds: Iterable<string>,
  timeoutMs: number = DEFAULT_RULE_TIMEOUT_MS,
): Promise<LoadedPlugins> {
  const taken = new Map<string, string>([...takenIds].map((id) => [id, 'a built-in rule']));
  const rules: AnyRule[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { specifier, place } of references) {
    const fail = (cause: string) => diagnostics.push(pluginDiagnostic(specifier, place, cause));
    let described: DescribedRule[];
    let file: string;
    try {
      file = resolvePlugin(specifier, baseDir);
      recordInput(fs.statSync(file, { bigint: true }), 'plugin');
      described = await describePlugin(file, timeoutMs);
    } catch (error) {
      fail(`could not be loaded: ${describeError(error)}${esmInCommonJsHint(specifier, error)}`);
      continue;
    }
    if (described.length === 0) {
      fail('exports no rule: export default one rule made with defineRule(), or a list of them');
      continue;
    }
    for (const candidate of described) {
      if ('problem' in candidate) {
        fail(`${candidate.id !== undefined ? `rule ${candidate.id}: ` : ''}${candidate.problem}`);
        continue;
      }
      const rule = standIn(candidate);
      const owner = taken.get(rule.meta.id);
      if (owner) {
        fail(`rule ${rule.meta.id} is already defined by ${owner}: give it another id`);
        continue;
      }
      taken.set(rule.meta.id, `plugin ${specifier}`);
      markPluginRule(rule, file);
      rules.push(rule);
    }
  }
  return { rules, diagnostics };
}

/**
 * Node.js reads a `.js` file as CommonJS where the nearest package.json has no `"type": "module"` (a
 * default `npm init` repository), so a plugin written as the README shows fails on its first `import`.
 */
function esmInCommonJsHint(specifier: string, error: unknown): string {
  const message = describeError(error);
  if (!/\.js$/i.test(specifier) || !/Cannot use import statement outside a module|Unexpected token 'export'/.test(message)) return '';
  return ' (Node.js reads this .js file as CommonJS: name the plugin .mjs, or add "type": "module" to the nearest package.json)';
}

function pluginDiagnostic(specifier: string, place: SettingPlace | undefined, cause: string): Diagnostic {
  return { ...place, message: `plugin ${specifier}: ${cause}; its rules do not run, so this run cannot be trusted`, source: 'plugin' };
}

/**
 * The main thread's stand-in for a plugin rule: its metadata, and a copy of its options schema made
 * from JSON Schema (so the configuration is checked where it is read, with positions). The check
 * itself only ever runs in a worker (isolation.ts), which checks the options with the rule's own schema.
 */
function standIn(described: Extract<DescribedRule, { meta: unknown }>): AnyRule {
  let options: OptionsSchema | undefined;
  if (described.optionsSchema) {
    try {
      const copy = z.fromJSONSchema(described.optionsSchema as z.core.JSONSchema.JSONSchema);
      if (copy instanceof z.ZodObject) options = copy as OptionsSchema;
    } catch {
      options = undefined;
    }
  }
  if (!options && described.optionKeys.length > 0)
    options = z.looseObject(Object.fromEntries(described.optionKeys.map((key) => [key, z.unknown()])));
  return defineRule({
    meta: { ...described.meta, ...(options ? { options } : {}) },
    check() {
      throw new Error('a plugin rule runs in its worker only');
    },
  });
}

const PATH_LIKE = /^(?:\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/])/;

/**
 * A path inside the config file's folder, or a package resolved from there. A path may not leave
 * the folder (`../`, an absolute path, a link pointing out): code from outside the repository is
 * named as a package, which someone installed on purpose.
 */
function resolvePlugin(specifier: string, baseDir: string): string {
  if (PATH_LIKE.test(specifier)) {
    const file = path.resolve(baseDir, specifier);
    if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
    const real = fs.realpathSync.native(file);
    const inside = path.relative(fs.realpathSync.native(baseDir), real);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new Error(
        `the path leads outside the configuration's folder (to ${real}): keep plugin files beside the configuration, or install the plugin as a package and name the package`,
      );
    }
    return file;
  }
  try {
    return createRequire(path.join(baseDir, 'noop.js')).resolve(specifier);
  } catch (error) {
    // An ESM-only package ("exports": { "import": … }) is not resolvable with require.
    const entry = esmEntry(specifier, baseDir);
    if (entry) return entry;
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') {
      throw new Error(
        `cannot find package "${specifier}" from ${baseDir}: install it (npm install --save-dev ${specifier}), or write a path such as ./${specifier}.js`,
      );
    }
    throw error;
  }
}

function esmEntry(name: string, baseDir: string): string | undefined {
  for (let dir = baseDir; ; dir = path.dirname(dir)) {
    const packageDir = path.join(dir, 'node_modules', name);
    const manifest = path.join(packageDir, 'package.json');
    if (fs.existsSync(manifest)) {
      const json = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports?: unknown; main?: string };
      const target = exportTarget(json.exports) ?? json.main ?? 'index.js';
      return path.resolve(packageDir, target);
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (typeof exports !== 'object' || exports === null) return undefined;
  const conditions = exports as Record<string, unknown>;
  if ('.' in conditions) return exportTarget(conditions['.']);
  for (const condition of ['import', 'node', 'default']) {
    const target = exportTarget(conditions[condition]);
    if (target) return target;
  }
  return undefined;
}
