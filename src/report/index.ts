/** The output formats. Each formatter is imported only when it is used. */
import type { Formatter } from './types.js';

export type { Formatter, ReportContext } from './types.js';

const loaders: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(loaders);

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return loaders[name]?.();
}
