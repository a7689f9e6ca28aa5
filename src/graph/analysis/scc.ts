import type { EdgeKind, ModuleGraph } from '../types.js';

/** One strongly connected component that forms at least one cycle. */
export interface Cycle {
  /** Every module of the component, sorted. */
  members: string[];
  /** One shortest cycle inside the component, closed: it starts and ends with the same module. */
  example: string[];
  /** The kinds of the edges between members (in the order runtime, type-only, dynamic). */
  kinds: EdgeKind[];
}

export interface EdgeFilter {
  /** Drop `import type` edges before looking for cycles (they vanish at run time). */
  ignoreTypeOnly?: boolean;
  /** Drop `import()` edges before looking for cycles (they do not run at load time). */
  ignoreDynamic?: boolean;
}

export const EDGE_KINDS: readonly EdgeKind[] = ['runtime', 'type-only', 'dynamic'];

export function filterEdges(
  edges: ReadonlyArray<[string, string, EdgeKind]>,
  filter: EdgeFilter = {},
): Array<[string, string, EdgeKind]> {
  return edges.filter(
    ([, , kind]) =>
      !(filter.ignoreTypeOnly && kind === 'type-only') && !(filter.ignoreDynamic && kind === 'dynamic'),
  );
}

/**
 * The graph as integer adjacency (CSR), with nodes and each node's successors sorted by path so that
 * everything computed from it is the same whatever order the files were found in.
 */
export interface IndexedGraph {
  nodes: string[];
  index: Map<string, number>;
  /** Successors of node i are `targets[offsets[i]..offsets[i+1])`, ascending, without duplicates. */
  offsets: Int32Array;
  targets: Int32Array;
}

export function indexGraph(
  nodes: readonly string[],
  edges: ReadonlyArray<readonly [string, string, EdgeKind?]>,
): IndexedGraph {
  const all = new Set(nodes);
  for (const [from, to] of edges) {
    all.add(from);
    all.add(to);
  }
  const sorted = [...all].sort(compareStrings);
  const index = new Map<string, number>();
  sorted.forEach((n, i) => index.set(n, i));
  const pairs: number[] = [];
  for (const [from, to] of edges) pairs.push(index.get(from)!, index.get(to)!);
  const count = new Int32Array(sorted.length + 1);
  for (let i = 0; i < pairs.length; i += 2) count[pairs[i] + 1]++;
  for (let i = 0; i < sorted.length; i++) count[i + 1] += count[i];
  const raw = new Int32Array(pairs.length / 2);
  const fill = count.slice(0, sorted.length);
  for (let i = 0; i < pairs.length; i += 2) raw[fill[pairs[i]]++] = pairs[i + 1];
  // Sort and de-duplicate each node's successors (several kinds of edge may join the same pair).
  const offsets = new Int32Array(sorted.length + 1);
  const targets = new Int32Array(raw.length);
  let t = 0;
  for (let n = 0; n < sorted.length; n++) {
    offsets[n] = t;
    const succ = raw.subarray(count[n], count[n + 1]).sort();
    for (let k = 0; k < succ.length; k++) if (k === 0 || succ[k] !== succ[k - 1]) targets[t++] = succ[k];
  }
  offsets[sorted.length] = t;
  return { nodes: sorted, index, offsets, targets: targets.slice(0, t) };
}

/**
 * Tarjan's strongly connected components, iterative (an explicit call stack, so a chain of 100,000
 * imports cannot overflow the JavaScript stack). Returns component ids per node and the number of
 * components; component ids are in Tarjan's completion order.
 */
export function tarjan(g: IndexedGraph): { component: Int32Array; count: number } {
  const n = g.nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let sp = 0;
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = g.offsets[root];
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const e = callEdge[depth];
      if (e < g.offsets[v + 1]) {
        callEdge[depth] = e + 1;
        const w = g.targets[e];
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = g.offsets[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return { component, count };
}

function hasSelfLoop(g: IndexedGraph, v: number): boolean {
  for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) if (g.targets[e] === v) return true;
  return false;
}

/** Node ids of every component that contains a cycle (two or more nodes, or one with a self-import). */
export function cyclicComponents(g: IndexedGraph): number[][] {
  const { component, count } = tarjan(g);
  const groups: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < g.nodes.length; v++) groups[component[v]].push(v);
  return groups
    .filter((members) => members.length > 1 || hasSelfLoop(g, members[0]))
    .map((members) => members.sort((a, b) => a - b))
    .sort((a, b) => a[0] - b[0]);
}

/** Scratch arrays shared by every search of one graph, so a search costs its own size, not the graph's. */
interface Scratch {
  /** Component id of each node (-1 outside any cycle). */
  componentOf: Int32Array;
  /** Search stamp of the last search that reached each node. */
  seen: Int32Array;
  parent: Int32Array;
  queue: Int32Array;
  stamp: number;
}

/**
 * The shortest cycle through `start` that stays inside its component (BFS), closed (`[a, b, a]`),
 * or undefined when there is none.
 */
function shortestCycleThrough(g: IndexedGraph, start: number, s: Scratch): number[] | undefined {
  const comp = s.componentOf[start];
  const stamp = ++s.stamp;
  s.seen[start] = stamp;
  let tail = 0;
  s.queue[tail++] = start;
  for (let head = 0; head < tail; head++) {
    const v = s.queue[head];
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
      const w = g.targets[e];
      if (w === start) {
        const path = [v];
        let p = v;
        while (p !== start) {
          p = s.parent[p];
          path.push(p);
        }
        path.reverse();
        path.push(start);
        return path;
      }
      if (s.componentOf[w] !== comp || s.seen[w] === stamp) continue;
      s.seen[w] = stamp;
      s.parent[w] = v;
      s.queue[tail++] = w;
    }
  }
  return undefined;
}

/** Searches from every member only while the component is small enough for that to stay cheap. */
const EXHAUSTIVE_BUDGET = 4_000_000;

function exampleCycle(g: IndexedGraph, members: number[], s: Scratch): number[] {
  let edgesInside = 0;
  for (const v of members) edgesInside += g.offsets[v + 1] - g.offsets[v];
  const starts =
    members.length * (members.length + edgesInside) <= EXHAUSTIVE_BUDGET ? members : [members[0]];
  let best: number[] | undefined;
  // Members are ascending, so on equal length the cycle through the smallest path wins.
  for (const start of starts) {
    const c = shortestCycleThrough(g, start, s);
    if (c && (!best || c.length < best.length)) best = c;
    if (best && best.length === 2) break;
  }
  return rotateToSmallest(best!);
}

/** The same closed cycle, started at its smallest node, so equal cycles print equally. */
function rotateToSmallest(closed: number[]): number[] {
  const open = closed.slice(0, -1);
  let at = 0;
  for (let i = 1; i < open.length; i++) if (open[i] < open[at]) at = i;
  const rotated = [...open.slice(at), ...open.slice(0, at)];
  rotated.push(rotated[0]);
  return rotated;
}

/**
 * Every cycle of the graph as its strongly connected component with one shortest example, sorted by
 * first member. Edge kinds excluded by `filter` are removed first.
 */
export function findCycles(
  graph: Pick<ModuleGraph, 'nodes' | 'edges'>,
  filter: EdgeFilter = {},
  /** The unfiltered graph already indexed, reused when the filter drops nothing. */
  indexed?: IndexedGraph,
): Cycle[] {
  const edges = filterEdges(graph.edges, filter);
  const g = indexed && edges.length === graph.edges.length ? indexed : indexGraph(graph.nodes, edges);
  const components = cyclicComponents(g);
  if (components.length === 0) return [];
  const componentOf = new Int32Array(g.nodes.length).fill(-1);
  components.forEach((members, c) => members.forEach((v) => (componentOf[v] = c)));
  const n = g.nodes.length;
  const scratch: Scratch = {
    componentOf,
    seen: new Int32Array(n),
    parent: new Int32Array(n),
    queue: new Int32Array(n),
    stamp: 0,
  };
  const kinds: Array<Set<EdgeKind>> = components.map(() => new Set());
  for (const [from, to, kind] of edges) {
    const a = componentOf[g.index.get(from)!];
    if (a !== -1 && a === componentOf[g.index.get(to)!]) kinds[a].add(kind);
  }
  return components.map((members, c) => ({
    members: members.map((v) => g.nodes[v]),
    example: exampleCycle(g, members, scratch).map((v) => g.nodes[v]),
    kinds: EDGE_KINDS.filter((k) => kinds[c].has(k)),
  }));
}

/** Code-unit order, the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
