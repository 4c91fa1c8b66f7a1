/**
 * The keys of the policy format as paths, in the notation rule metadata uses for what a rule reads
 * (`RuleMeta.reads`): a list section or list key is followed by `[]` (`metrics[].nets_churn`,
 * `compensation[].commission[].segment`), a mapping by a dot (`strategy.priorities[].favor.segments`,
 * `compensation[].curve.cap.amount`). Walked on the zod schema itself, so a path names a key the
 * loader accepts or it is not a path.
 */
import type * as z from 'zod';
import { PolicyDocumentSchema } from './schema.js';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** What a key holds once optional, default and pipe wrappers are taken off: a mapping, a list of something, or a value. */
type Shape = { kind: 'object'; keys: Record<string, z.ZodType> } | { kind: 'array'; element: z.ZodType } | { kind: 'value' };

function shapeOf(schema: z.ZodType): Shape {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return { kind: 'object', keys: def.shape ?? {} };
    case 'array':
      return { kind: 'array', element: def.element! };
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
      return shapeOf(def.innerType!);
    case 'pipe':
      return shapeOf(def.in!);
    case 'union': {
      // A value written one of several ways (a share as 0.08 or "8%") holds no keys; a union of mappings does not occur.
      const object = (def.options ?? []).map(shapeOf).find((option) => option.kind !== 'value');
      return object ?? { kind: 'value' };
    }
    default:
      return { kind: 'value' };
  }
}

/** Every key path of a policy file, in schema order (a mapping's keys before the keys inside them). */
export function policyKeyPaths(root: z.ZodType = PolicyDocumentSchema): string[] {
  const paths: string[] = [];
  const visit = (schema: z.ZodType, prefix: string) => {
    const shape = shapeOf(schema);
    if (shape.kind !== 'object') return;
    for (const [key, value] of Object.entries(shape.keys)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      paths.push(path);
      const inner = shapeOf(value);
      if (inner.kind === 'array') visit(inner.element, `${path}[]`);
      else if (inner.kind === 'object') visit(value, path);
    }
  };
  visit(root, '');
  return paths;
}

/**
 * Whether `path` names a key of the policy schema, walked segment by segment: `[]` only after a
 * list, `.` only into a mapping. `metrics[].reportedby`, `metrics.type` and `metrics[]` are not paths.
 */
export function isPolicyKeyPath(path: string, root: z.ZodType = PolicyDocumentSchema): boolean {
  const segments = path.split('.');
  let schema: z.ZodType = root;
  for (const [position, segment] of segments.entries()) {
    const match = /^([a-z_]+)(\[\])?$/.exec(segment);
    if (!match) return false;
    const shape = shapeOf(schema);
    if (shape.kind !== 'object' || !Object.hasOwn(shape.keys, match[1]!)) return false;
    let value = shape.keys[match[1]!]!;
    if (match[2]) {
      const list = shapeOf(value);
      if (list.kind !== 'array') return false;
      value = list.element;
    }
    // A path ends at a key; `[]` at the end (`metrics[]`) names an entry, not a key.
    if (position === segments.length - 1 && match[2]) return false;
    schema = value;
  }
  return true;
}

let order: ReadonlyMap<string, number> | undefined;

/** `paths` once each, in schema order (a path that is no key last, as given), so that related keys read together. */
export function inSchemaOrder(paths: readonly string[]): string[] {
  order ??= new Map(policyKeyPaths().map((path, position) => [path, position]));
  const rank = (path: string) => order!.get(path) ?? Number.POSITIVE_INFINITY;
  return [...new Set(paths)].sort((a, b) => rank(a) - rank(b));
}
