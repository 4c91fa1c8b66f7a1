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
  /**
   * The id of the declared thing outside any instrument that the node belongs to: a team, segment,
   * metric or priority. A waiver may name it, for findings about a team rather than a plan.
   */
  subject?: string;
}

const LEVERS: ReadonlySet<string> = new Set(INSTRUMENT_SECTIONS);
const DECLARATIONS: ReadonlySet<string> = new Set(['teams', 'segments', 'metrics']);

export class Provenance {
  private readonly origins = new WeakMap<object, Origin>();

  /** Records the origin of `value` (a whole document) and of every object and list inside it. */
  record(value: unknown, source: PolicySource): void {
    this.recordUnder(value, source, undefined, undefined, undefined, undefined);
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

  private recordUnder(
    value: unknown,
    source: PolicySource,
    parent: NodeOrigin | undefined,
    key: PathSegment | undefined,
    instrument: InstrumentOrigin | undefined,
    subject: string | undefined,
  ): void {
    if (value === null || typeof value !== 'object') return;
    const id = (value as { id?: unknown }).id;
    const topList = parent?.parent?.parent === undefined ? parent?.key : undefined;
    const priorityList = parent?.key === 'priorities' && parent.parent?.key === 'strategy' && parent.parent.parent?.parent === undefined;
    if (typeof id === 'string' && ((topList !== undefined && DECLARATIONS.has(String(topList))) || priorityList)) subject = id;
    // An item of a lever's list (compensation[3]) is an instrument; everything inside it belongs to it.
    if (parent?.parent?.parent === undefined && parent?.key !== undefined && LEVERS.has(String(parent.key)) && typeof (value as { id?: unknown }).id === 'string') {
      instrument = { lever: parent.key as Lever, id: (value as { id: string }).id, node: value };
    }
    const origin = new NodeOrigin(source, parent, key, instrument, subject);
    this.origins.set(value, origin);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) this.recordUnder(value[index], source, origin, index, instrument, subject);
    } else {
      for (const [child, item] of Object.entries(value)) this.recordUnder(item, source, origin, child, instrument, subject);
    }
  }
}

/**
 * An origin that keeps its parent and its own key rather than a copy of the whole path: a large
 * policy has hundreds of thousands of nodes, and only the few that findings point at need a path.
 */
class NodeOrigin implements Origin {
  constructor(
    readonly source: PolicySource,
    readonly parent: NodeOrigin | undefined,
    /** The key or index under the parent; undefined for a document. */
    readonly key: PathSegment | undefined,
    readonly instrument: InstrumentOrigin | undefined,
    readonly subject: string | undefined,
  ) {}

  get path(): PathSegment[] {
    const segments: PathSegment[] = [];
    for (let origin: NodeOrigin | undefined = this; origin?.key !== undefined; origin = origin.parent) segments.push(origin.key);
    return segments.reverse();
  }
}
