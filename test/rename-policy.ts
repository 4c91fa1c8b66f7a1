/**
 * Renames a policy's ids and names to meaningless tokens, for the test that nothing depends on how an
 * id or name is spelled. YAML-aware, not textual: every mapping's `id` is collected from the parsed
 * documents of all the policy's files, then every scalar value equal to one of those ids (a
 * definition or a reference, in any file) and every `name` of a mapping with an id is rewritten in
 * place at its source range. A token has the length and the hyphens of what it replaces, so every
 * line and column of the renamed policy is the original's; the substitution is one map over all the
 * files of a policy, so a reference in one file still names the definition in another.
 */
import { createHash } from 'node:crypto';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Scalar } from 'yaml';

/** Keys whose values are the format's own words (enums: type, perspective, triggers, …), never ids. */
const FORMAT_WORDS = new Set([
  'bottom_outcome',
  'earned_on',
  'every',
  'kind',
  'per',
  'period',
  'perspective',
  'triggers',
  'type',
  'version',
  'within',
]);

const LETTERS = 'bcdfghjklmnpqrstvwxz';

/** A token of the same shape as `text`: each letter a letter, each digit a digit, anything else kept; drawn from a hash of `text` and `salt`. */
function scramble(text: string, salt: number): string {
  let bytes = Buffer.alloc(0);
  for (let round = 0; bytes.length < text.length; round++) {
    bytes = Buffer.concat([bytes, createHash('sha256').update(`${salt}:${round}:${text}`).digest()]);
  }
  return [...text]
    .map((char, at) => {
      if (/[a-z]/i.test(char)) return LETTERS[bytes[at]! % LETTERS.length]!;
      if (/[0-9]/.test(char)) return String(bytes[at]! % 10);
      return char;
    })
    .join('');
}

/** The key of the pair a scalar is the value of (directly or as an item of a sequence), or undefined for a map key or a top-level scalar. */
function ownerKey(key: unknown, path: readonly unknown[]): string | undefined {
  if (key === 'key') return undefined;
  for (let at = path.length - 1; at >= 0; at--) {
    const node = path[at];
    if (isPair(node)) return isScalar(node.key) ? String(node.key.value) : undefined;
    if (!isSeq(node)) return undefined;
  }
  return undefined;
}

export interface RenamedPolicy {
  /** The renamed texts, by the same paths. */
  files: { path: string; text: string }[];
  /** Each id renamed, original → token. */
  ids: Map<string, string>;
  /** How many scalars were rewritten (definitions, references and names). */
  rewritten: number;
}

/**
 * `scrambled` draws each token from a hash of the id; `reversed` also makes the tokens sort in the
 * reverse order of the ids, so that anything picked "by the lowest id" is picked differently.
 */
export type RenameOrder = 'scrambled' | 'reversed';

export function renamePolicy(files: readonly { path: string; text: string }[], order: RenameOrder = 'scrambled'): RenamedPolicy {
  const parsed = files.map((file) => ({ ...file, docs: parseAllDocuments(file.text) }));
  const ids = new Set<string>();
  const values = new Set<string>();
  for (const { docs } of parsed) {
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      visit(doc, {
        Pair(_, pair) {
          if (isScalar(pair.key) && pair.key.value === 'id' && isScalar(pair.value) && typeof pair.value.value === 'string')
            ids.add(pair.value.value);
        },
        Scalar(_, node) {
          if (typeof node.value === 'string') values.add(node.value);
        },
      });
    }
  }
  // One token per id, never equal to another id, token or string of the policy.
  const tokens = new Map<string, string>();
  const taken = new Set(values);
  const sorted = [...ids].sort();
  const width = Math.max(1, Math.ceil(Math.log(sorted.length) / Math.log(LETTERS.length)));
  sorted.forEach((id, rank) => {
    let token = scramble(id, 0);
    for (let salt = 1; taken.has(token) || (order === 'reversed' && token.length < width); salt++) {
      if (order === 'reversed' && id.length < width) throw new Error(`id ${id} is too short to be renamed in reverse order`);
      token = scramble(id, salt);
    }
    if (order === 'reversed') {
      // The first letters spell the id's rank from the end: the tokens sort in the reverse order of the ids.
      let prefix = '';
      for (let left = sorted.length - 1 - rank, at = 0; at < width; at++, left = Math.floor(left / LETTERS.length))
        prefix = LETTERS[left % LETTERS.length]! + prefix;
      const tail = (salt: number) => scramble(id, salt).slice(width);
      let salt = 0;
      token = prefix + tail(salt);
      while (taken.has(token)) token = prefix + tail(++salt);
    }
    tokens.set(id, token);
    taken.add(token);
  });
  let rewritten = 0;
  const renamed = parsed.map(({ path, text, docs }) => {
    const edits: { start: number; end: number; text: string }[] = [];
    const rewrite = (node: Scalar, replacement: (source: string) => string) => {
      const [start, end] = node.range!;
      const source = text.slice(start, end);
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (!quoted && node.type !== 'PLAIN')
        throw new Error(`${path}: a block scalar at offset ${start} is not renamed (${source.slice(0, 40)})`);
      const inner = quoted ? source.slice(1, -1) : source;
      const next = replacement(inner);
      if (next.length !== inner.length) throw new Error(`${path}: the token for ${inner} changes its length`);
      edits.push({ start, end, text: quoted ? `${source[0]}${next}${source.at(-1)}` : next });
      rewritten++;
    };
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]!.message}`);
      visit(doc, {
        Scalar(key, node, path) {
          if (typeof node.value !== 'string') return;
          const owner = ownerKey(key, path);
          if (owner === undefined || FORMAT_WORDS.has(owner)) return;
          const token = tokens.get(node.value);
          if (token !== undefined) {
            rewrite(node, (source) => {
              if (source !== node.value) throw new Error(`${path}: id ${node.value} is written with escapes`);
              return token;
            });
            return;
          }
          // The name of a metric, team, instrument, priority or segment: its letters scrambled, escapes kept.
          const parent = path.at(-2);
          if (owner === 'name' && isMap(parent) && parent.has('id'))
            rewrite(node, (source) => source.replace(/\\.|[A-Za-z0-9]+/g, (part) => (part.startsWith('\\') ? part : scramble(part, 0))));
        },
      });
    }
    let result = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    return { path, text: result };
  });
  return { files: renamed, ids: tokens, rewritten };
}
