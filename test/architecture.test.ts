/**
 * No import cycles (issue 27): every import of src/ and rules/, read with the TypeScript compiler's
 * own scanner (type-only imports, re-exports and import() included: each is a dependency of the
 * design), makes two graphs. Between folders, each folder of src/ (with everything under it) is one
 * node, each loose file of src/ is its own, and rules/ and rules/helpers/ are one node each; between
 * files, each file is a node. Neither graph may have a cycle, except through the edges listed below,
 * each dated and with its reason: they close the cycles that existed when the test was written, and
 * a new cycle anywhere fails it. An edge that no longer exists must be taken off the list.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

interface AllowedEdge {
  from: string;
  to: string;
  since: string;
  reason: string;
}

/**
 * Folder edges that go against the pipeline today, because a file sits in a folder it does not
 * belong to (the moves issue 27 lists); each closes a cycle of the folder graph. Remove an entry
 * with the move that makes it unnecessary.
 */
const ALLOWED_FOLDER_EDGES: readonly AllowedEdge[] = [
  {
    from: 'src/population',
    to: 'src/engine',
    since: '2026-12-07',
    reason:
      'the sales force prices plans through engine/lookups (the policy index), which belongs with the model, below the engine that hands rules context.population',
  },
  {
    from: 'src/schema.ts',
    to: 'src/payout',
    since: '2026-12-07',
    reason: 'payout/schema.ts is part of format v1, not of the payout model: it belongs beside src/schema.ts',
  },
  {
    from: 'src/roster',
    to: 'src/payout',
    since: '2026-12-07',
    reason: 'roster/schema.ts reads payout/schema.ts, which belongs beside src/schema.ts',
  },
  {
    from: 'src/output',
    to: 'src/load',
    since: '2026-12-07',
    reason: 'load/printable.ts neutralizes text for terminals: it belongs in src/output/, which the loader uses',
  },
  {
    from: 'src/load',
    to: 'src/engine',
    since: '2026-12-07',
    reason: "engine/glob.ts (the configuration's ignore globs) belongs with the configuration, below the loader",
  },
  {
    from: 'src/load',
    to: 'src/import',
    since: '2026-12-07',
    reason: 'import/numbers.ts is the one reader of pasted numbers that the loader and import share: it belongs below both',
  },
  {
    from: 'src/model',
    to: 'src/engine',
    since: '2026-12-07',
    reason: 'engine/lookups/ and engine/format.ts are what the model is built from and worded with: they belong below the engine',
  },
  {
    from: 'src/payout',
    to: 'src/engine',
    since: '2026-12-07',
    reason: 'engine/lookups/, engine/format.ts and engine/order.ts are read by the payout model: they belong below the engine',
  },
];

/** File edges that close a cycle between files: none since 2026-12-07, when the last four were cut. */
const ALLOWED_FILE_EDGES: readonly AllowedEdge[] = [];

type Graph = ReadonlyMap<string, ReadonlySet<string>>;

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The file an import specifier names, as the compiler resolves it under NodeNext (`./x.js` is `./x.ts`). */
function resolveImport(from: string, specifier: string): string | undefined {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [target.replace(/\.js$/, '.ts'), `${target}.ts`, `${target}/index.ts`];
  return candidates.find((candidate) => fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile());
}

interface Imports {
  graph: Graph;
  unresolved: string[];
}

function readImports(files: readonly string[]): Imports {
  const graph = new Map<string, Set<string>>();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets = new Set<string>();
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveImport(file, fileName);
      if (target === undefined) unresolved.push(`${file} imports ${fileName}`);
      else if (target.endsWith('.ts') && target !== file) targets.add(target);
    }
    graph.set(file, targets);
  }
  return { graph, unresolved };
}

/** The node of the folder graph a file belongs to. */
function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'rules') return parts.length > 2 ? `rules/${parts[1]}` : 'rules';
  return parts.length > 2 ? `src/${parts[1]}` : file;
}

/** The folder graph, and for each folder edge the file imports that make it. */
function foldersOf(files: Graph): { graph: Graph; because: Map<string, string[]> } {
  const graph = new Map<string, Set<string>>();
  const because = new Map<string, string[]>();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of targets) {
      const to = folderOf(target);
      if (to === from) continue;
      graph.get(from)!.add(to);
      const key = `${from} -> ${to}`;
      because.set(key, [...(because.get(key) ?? []), `${file} -> ${target}`]);
    }
  }
  return { graph, because };
}

function without(graph: Graph, allowed: readonly AllowedEdge[]): Graph {
  const skip = new Set(allowed.map((edge) => `${edge.from} -> ${edge.to}`));
  return new Map([...graph].map(([from, targets]) => [from, new Set([...targets].filter((to) => !skip.has(`${from} -> ${to}`)))]));
}

/** One cycle through each strongly connected component of more than one node (Tarjan, then a shortest way back). */
function cyclesOf(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => shortestCycle(graph, component));
}

function shortestCycle(graph: Graph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const cycle = [node];
        while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0]!)!);
        return [...cycle, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...component];
}

const FILES = [...sourceFiles('src'), ...sourceFiles('rules')];
const IMPORTS = readImports(FILES);
const FOLDERS = foldersOf(IMPORTS.graph);

function describeCycle(cycle: readonly string[], because?: ReadonlyMap<string, string[]>): string {
  const steps = cycle.slice(1).map((to, i) => {
    const key = `${cycle[i]} -> ${to}`;
    const example = because?.get(key)?.[0];
    return example ? `  ${key}   (${example})` : `  ${key}`;
  });
  return `${cycle.join(' -> ')}\n${steps.join('\n')}`;
}

describe('the cycle finder', () => {
  it('finds a cycle, and none in a graph without one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set<string>()],
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(cyclesOf(without(graph, [{ from: 'c', to: 'a', since: '', reason: '' }]))).toEqual([]);
  });
});

describe('imports of src/ and rules/', () => {
  it('all resolve to a file (so the graphs below hold every dependency)', () => {
    expect(IMPORTS.unresolved).toEqual([]);
    // The scanner saw the imports it should: the run imports the engine, a rule the plugin API.
    expect(IMPORTS.graph.get('src/lint.ts')?.has('src/engine/run.ts')).toBe(true);
    expect(IMPORTS.graph.get('rules/weights-sum.ts')?.has('src/api.ts')).toBe(true);
  });

  it('make no cycle between folders beyond the dated exceptions', () => {
    const cycles = cyclesOf(without(FOLDERS.graph, ALLOWED_FOLDER_EDGES));
    expect(cycles.map((cycle) => describeCycle(cycle, FOLDERS.because))).toEqual([]);
  });

  it('make no cycle between files beyond the dated exceptions', () => {
    const cycles = cyclesOf(without(IMPORTS.graph, ALLOWED_FILE_EDGES));
    expect(cycles.map((cycle) => describeCycle(cycle))).toEqual([]);
  });

  it('still need every exception: an edge that no longer exists is taken off the list', () => {
    const stale = [
      ...ALLOWED_FOLDER_EDGES.filter((edge) => !FOLDERS.graph.get(edge.from)?.has(edge.to)),
      ...ALLOWED_FILE_EDGES.filter((edge) => !IMPORTS.graph.get(edge.from)?.has(edge.to)),
    ].map((edge) => `${edge.from} -> ${edge.to}`);
    expect(stale).toEqual([]);
  });

  it.each([
    ['folders', FOLDERS.graph, ALLOWED_FOLDER_EDGES],
    ['files', IMPORTS.graph, ALLOWED_FILE_EDGES],
  ] as const)('each exception between %s closes a cycle that exists and says when and why', (_, graph, allowed) => {
    for (const edge of allowed) {
      expect(edge.since, `${edge.from} -> ${edge.to}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(edge.reason.length, `${edge.from} -> ${edge.to}`).toBeGreaterThan(20);
      // Dropping the edge from the exceptions must bring a cycle back, or it is not needed.
      const others = allowed.filter((other) => other !== edge);
      expect(cyclesOf(without(graph, others)).length, `${edge.from} -> ${edge.to} closes no cycle`).toBeGreaterThan(0);
    }
  });
});
