/**
 * Where every object and list of the validated policy came from: its document and its path there.
 * Rules report nodes (plain objects of the policy); this map turns them back into positions, and
 * tells which instrument a node belongs to (for waivers and baselines).
 */
import { INSTRUMENT_SECTIONS, type Lever } from '../schema.js';
import type { Location, PathSegment, PolicySource } from './source.js';

export interface InstrumentOrigin {
  lever: Lever;
  id: string;
  node: object;
}

export interface Origin {
  source: PolicySource;
  path: PathSegment[];
  instrument?: InstrumentOrigin;
}

const LEVERS: ReadonlySet<string> = new Set(INSTRUMENT_SECTIONS);

export class Provenance {
  private readonly origins = new WeakMap<object, Origin>();

  /** Records the origin of `value` and of every object and list inside it. */
  record(value: unknown, source: PolicySource, path: PathSegment[] = [], instrument?: InstrumentOrigin): void {
    if (value === null || typeof value !== 'object') return;
    if (path.length === 2 && LEVERS.has(String(path[0])) && typeof (value as { id?: unknown }).id === 'string') {
      instrument = { lever: path[0] as Lever, id: (value as { id: string }).id, node: value };
    }
    this.origins.set(value, { source, path, instrument });
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.record(item, source, [...path, index], instrument));
    } else {
      for (const [key, item] of Object.entries(value)) this.record(item, source, [...path, key], instrument);
    }
  }

  origin(node: object): Origin | undefined {
    return this.origins.get(node);
  }

  /** The position of `node`, or of its child `key` when given. */
  locate(node: object, key?: PathSegment): Location | undefined {
    const origin = this.origins.get(node);
    if (!origin) return undefined;
    return origin.source.locate(key === undefined ? origin.path : [...origin.path, key]);
  }
}
