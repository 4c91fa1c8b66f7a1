/**
 * The documents of a file whose parse came from the cache. The cache skips parsing and validation;
 * positions must still be the ones an uncached run reports, so a file the exact path would read
 * gets them from the exact parser, which reads the text only when a position is first asked for.
 */
import { parseYaml } from './parse.js';
import type { NodePath, PolicySource, SourceDocument } from './source.js';

const BOM = '\uFEFF';

export function exactSourcesFor(file: string, rawText: string, count: number): PolicySource[] {
  const text = rawText.startsWith(BOM) ? rawText.slice(1) : rawText;
  let parsed: SourceDocument[] | undefined;
  const exact = (index: number) => (parsed ??= parseYaml(file, rawText).documents)[index]!;
  return Array.from({ length: count }, (_, index) => ({ file, index, text, locate: (path: NodePath) => exact(index).locate(path) }));
}
