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
  // A Map, not a WeakMap: the policy lives exactly as long as this map, and a WeakMap of a large
  // policy's hundreds of thousands of nodes costs the garbage collector more than the walk itself.
  private readonly origins = new Map<object, NodeOrigin>();

  /** Records the origin of `value` (a whole document) and of every object and list inside it. */
  record(value: unknown, source: PolicySource): void {
    if (value === null || typeof value !== 'object') return;
    const document = new NodeOrigin(source, undefined, undefined, undefined, undefined);
    this.origins.set(value, document);
    for (const section in value) {
      const sectionValue = (value as Record<string, unknown>)[section];
      if (sectionValue === null || typeof sectionValue !== 'object') continue;
      const sectionOrigin = new NodeOrigin(source, document, section, undefined, undefined);
      this.origins.set(sectionValue, sectionOrigin);
      if (section === 'strategy') {
        this.recordStrategy(sectionValue as Record<string, unknown>, sectionOrigin);
      } else if (Array.isArray(sectionValue)) {
        this.recordItems(sectionValue, section, sectionOrigin);
      } else {
        this.recordChildren(sectionValue, sectionOrigin, undefined, undefined);
      }
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

  /** Items of a top-level list: an instrument (of a lever) or a declaration (team, segment, metric) owns what is inside it. */
  private recordItems(items: unknown[], section: string, parent: NodeOrigin): void {
    const lever = LEVERS.has(section) ? (section as Lever) : undefined;
    const declares = DECLARATIONS.has(section);
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (item === null || typeof item !== 'object') continue;
      const id = (item as { id?: unknown }).id;
      const instrument = lever !== undefined && typeof id === 'string' ? { lever, id, node: item } : undefined;
      const subject = declares && typeof id === 'string' ? id : undefined;
      this.recordChildren(item, this.add(item, parent, index, instrument, subject), instrument, subject);
    }
  }

  /** The strategy's priorities are declarations too: a finding about a priority can be waived by its id. */
  private recordStrategy(strategy: Record<string, unknown>, parent: NodeOrigin): void {
    for (const key in strategy) {
      const child = strategy[key];
      if (child === null || typeof child !== 'object') continue;
      const origin = this.add(child, parent, key, undefined, undefined);
      if (key !== 'priorities' || !Array.isArray(child)) {
        this.recordChildren(child, origin, undefined, undefined);
        continue;
      }
      for (let index = 0; index < child.length; index++) {
        const priority = child[index];
        if (priority === null || typeof priority !== 'object') continue;
        const id = (priority as { id?: unknown }).id;
        const subject = typeof id === 'string' ? id : undefined;
        this.recordChildren(priority, this.add(priority, origin, index, undefined, subject), undefined, subject);
      }
    }
  }

  private recordChildren(value: object, origin: NodeOrigin, instrument: InstrumentOrigin | undefined, subject: string | undefined): void {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const child: unknown = value[index];
        if (child !== null && typeof child === 'object')
          this.recordChildren(child, this.add(child, origin, index, instrument, subject), instrument, subject);
      }
      return;
    }
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object')
        this.recordChildren(child, this.add(child, origin, key, instrument, subject), instrument, subject);
    }
  }

  private add(
    node: object,
    parent: NodeOrigin,
    key: PathSegment,
    instrument: InstrumentOrigin | undefined,
    subject: string | undefined,
  ): NodeOrigin {
    const origin = new NodeOrigin(parent.source, parent, key, instrument, subject);
    this.origins.set(node, origin);
    return origin;
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
