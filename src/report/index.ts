/** The output formats. Each formatter is imported only when it is used. */
import type { Medium } from '../output/neutralize.js';
import type { Formatter } from './types.js';

export type { Formatter } from './types.js';

const loaders: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
  junit: async () => (await import('./junit.js')).junit,
  markdown: async () => (await import('./markdown.js')).markdown,
  compact: async () => (await import('./compact.js')).compact,
  unix: async () => (await import('./unix.js')).unix,
  csv: async () => (await import('./csv.js')).csv,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(loaders);

/** What each format's text is, for the guard every printed report passes (see output/print.ts). */
const MEDIA: Record<string, Medium> = {
  stylish: 'text',
  json: 'json',
  sarif: 'json',
  github: 'github',
  gitlab: 'json',
  junit: 'xml',
  markdown: 'markdown',
  compact: 'text',
  unix: 'text',
  csv: 'text',
};

export function mediumOf(format: string): Medium {
  return MEDIA[format] ?? 'text';
}

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return loaders[name]?.();
}
