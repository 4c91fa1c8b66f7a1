/**
 * import() of a module that is not part of incentive-lint's own code: a plugin, or a Node builtin
 * that only some runs need. In the single-file CLI bundle, which runs as a vm.Script, import() itself
 * is not available (not without an experimental flag on Node 20), so the launcher hands the bundle
 * its own import as `__importModule` (bin/bundle-loader.js); everywhere else this is plain import().
 */
declare const __importModule: ((specifier: string) => Promise<unknown>) | undefined;

export function importModule<Module = Record<string, unknown>>(specifier: string): Promise<Module> {
  return (typeof __importModule === 'function' ? __importModule(specifier) : import(specifier)) as Promise<Module>;
}
