import type { EdgeKind, ModuleGraph } from './types.js';

/** For each module, the modules that import it (the reverse graph). */
export interface ImportersIndex {
  /** The importers of `module`, in edge order. */
  importersOf(module: string): string[];
}

/**
 * Builds the reverse graph in compressed form (typed arrays over module numbers): a 10,000-module
 * graph as a Map of arrays was 10,000 small objects for the garbage collector on every run.
 */
export function importersIndex(
  graph: Pick<ModuleGraph, 'edges'>,
  kinds?: ReadonlySet<EdgeKind>,
): ImportersIndex {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (n: string): number => {
    let i = ids.get(n);
    if (i === undefined) {
      i = names.length;
      ids.set(n, i);
      names.push(n);
    }
    return i;
  };
  const from = new Int32Array(graph.edges.length);
  const to = new Int32Array(graph.edges.length);
  let m = 0;
  // Index loops: this runs once per process, in code V8 has not optimized, where for-of
  // allocates an iterator result per step.
  const edges = graph.edges;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    if (kinds && !kinds.has(edge[2])) continue;
    from[m] = idOf(edge[0]);
    to[m] = idOf(edge[1]);
    m++;
  }
  const offsets = new Int32Array(names.length + 1);
  for (let e = 0; e < m; e++) offsets[to[e] + 1]++;
  for (let i = 0; i < names.length; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, names.length);
  const list = new Int32Array(m);
  for (let e = 0; e < m; e++) list[cursor[to[e]]++] = from[e];
  return {
    importersOf(module: string): string[] {
      const i = ids.get(module);
      if (i === undefined) return [];
      const out: string[] = [];
      for (let p = offsets[i]; p < offsets[i + 1]; p++) out.push(names[list[p]]);
      return out;
    },
  };
}

/**
 * Every module that depends, directly or transitively, on one of `changed`, with the next step
 * toward the change that reached it first (breadth-first, so chains are shortest). The changed
 * modules themselves are included with no next step.
 */
export function dependentsOf(
  importers: ImportersIndex,
  changed: Iterable<string>,
): Map<string, string | null> {
  const next = new Map<string, string | null>();
  const queue: string[] = [];
  for (const c of changed) {
    if (next.has(c)) continue;
    next.set(c, null);
    queue.push(c);
  }
  for (let head = 0; head < queue.length; head++) {
    const cur = queue[head];
    const importers_ = importers.importersOf(cur);
    for (let k = 0; k < importers_.length; k++) {
      const imp = importers_[k];
      if (next.has(imp)) continue;
      next.set(imp, cur);
      queue.push(imp);
    }
  }
  return next;
}

/** The import chain from `start` to the changed module it depends on: `[start, ..., changed]`. */
export function chainFrom(next: Map<string, string | null>, start: string): string[] {
  const chain: string[] = [];
  let cur: string | null | undefined = start;
  while (cur !== null && cur !== undefined && chain.length < 10_000) {
    chain.push(cur);
    cur = next.get(cur);
  }
  return chain;
}
