/**
 * A parsed YAML document and the way back from a path inside it to file, line and column.
 * Positions are computed only when asked for: most nodes of a policy are never reported.
 */
import { isCollection, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

export type PathSegment = string | number;
export type NodePath = readonly PathSegment[];

export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The node's place in its own YAML document, such as ["compensation", 0, "commission", 1]. */
  path: PathSegment[];
}

/**
 * What the loader, the provenance map and the engine need from one YAML document: its file, its text
 * and the way from a path to a position. The exact loader (`SourceDocument`) and the fast loader for
 * large policies (`FastSource`) both provide it, and must give the same position for every path.
 */
export interface PolicySource {
  readonly file: string;
  readonly index: number;
  readonly text: string;
  locate(path: NodePath): Location;
  /**
   * The `yaml` node at `path`, for a structured edit (engine/edits.ts), read without parsing the
   * whole file again where that can be done; undefined where it cannot (the engine then parses the
   * file). The node's ranges plus `base` are offsets in `text`.
   */
  editTarget?(path: NodePath): EditTarget | undefined;
}

export interface EditTarget {
  node: unknown;
  /** The offset in the file's text of the text the node was read from. */
  base: number;
}

export class SourceDocument implements PolicySource {
  constructor(
    /** Path of the file as shown to the user (relative to the working folder). */
    readonly file: string,
    /** Index of this document within its file (0 for single-document files). */
    readonly index: number,
    readonly document: Document.Parsed,
    readonly lineCounter: LineCounter,
    /** The file's text (without a byte order mark), for trimming ranges and reading comments. */
    readonly text: string,
  ) {}

  /**
   * Where the node at `path` stands. A scalar is located by its own text; a collection that is the
   * value of a key is located from its key (`bonus:`), so that the line shown is the one people read.
   */
  locate(path: NodePath): Location {
    return this.locateRange(path, this.offsets(path));
  }

  /** Where the key of the entry at `path` stands (an unknown key is about the key, not its value). */
  locateKey(path: NodePath): Location {
    return this.locateRange(path, this.offsets(path, true));
  }

  private locateRange(path: NodePath, [start, rawEnd]: [number, number]): Location {
    let end = rawEnd;
    while (end > start && /\s/.test(this.text.charAt(end - 1))) end--;
    const from = this.lineCounter.linePos(start);
    const to = this.lineCounter.linePos(Math.max(start, end));
    return { file: this.file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col, path: [...path] };
  }

  /**
   * This document's own nodes: the first document of a file is what a parse of the whole file
   * (engine/edits.ts) would give; the edits of the others are left to that parse, as before.
   */
  editTarget(path: NodePath): EditTarget | undefined {
    return this.index === 0 ? { node: this.document.getIn(path, true), base: 0 } : undefined;
  }

  /** The YAML node at `path`, for messages that depend on how the text was written (quoted or not, `{ … }` or block). */
  nodeAt(path: NodePath): Node | undefined {
    let node: unknown = this.document.contents;
    for (const segment of path) {
      if (isMap(node)) node = this.pairOf(node, String(segment))?.value;
      else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
      else return undefined;
    }
    return (node ?? undefined) as Node | undefined;
  }

  /** Each large mapping's entries by key: a hostile mapping of 80,000 keys must not make every lookup a scan. */
  private readonly pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    const matches = (item: Pair) => isScalar(item.key) && String(item.key.value) === key;
    if (map.items.length <= SMALL_MAPPING) return map.items.find(matches);
    let pairs = this.pairsByKey.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const item of map.items) {
        if (isScalar(item.key) && !pairs.has(String(item.key.value))) pairs.set(String(item.key.value), item);
      }
      this.pairsByKey.set(map, pairs);
    }
    return pairs.get(key);
  }

  private offsets(path: NodePath, keyOnly = false): [number, number] {
    let node: unknown = this.document.contents;
    let pair: Pair | undefined;
    let fallback: [number, number] = [0, 0];
    for (const segment of path) {
      const range = rangeOf(node);
      if (range) fallback = range;
      pair = undefined;
      if (isMap(node)) {
        pair = this.pairOf(node, String(segment));
        node = pair?.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        node = undefined;
      }
      if (node === undefined && pair === undefined) return fallback;
    }
    const keyRange = pair ? rangeOf(pair.key) : undefined;
    if (keyOnly && keyRange) return keyRange;
    const valueRange = rangeOf(node);
    if (keyRange && (!valueRange || isCollection(node))) {
      return [keyRange[0], valueRange ? valueRange[1] : keyRange[1]];
    }
    return valueRange ?? keyRange ?? fallback;
  }
}

/** Mappings up to this size are searched directly: an index would cost more than it saves. */
const SMALL_MAPPING = 16;

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}
