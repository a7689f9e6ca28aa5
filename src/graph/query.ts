import type { EdgeKind, ModuleGraph } from './types.js';

/** For each module, the modules that import it (the reverse graph). */
export function importersIndex(
  graph: Pick<ModuleGraph, 'edges'>,
  kinds?: ReadonlySet<EdgeKind>,
): Map<string, string[]> {
  const rev = new Map<string, string[]>();
  for (const [from, to, kind] of graph.edges) {
    if (kinds && !kinds.has(kind)) continue;
    let list = rev.get(to);
    if (!list) rev.set(to, (list = []));
    list.push(from);
  }
  return rev;
}

/**
 * Every module that depends, directly or transitively, on one of `changed`, with the next step
 * toward the change that reached it first (breadth-first, so chains are shortest). The changed
 * modules themselves are included with no next step.
 */
export function dependentsOf(
  importers: Map<string, string[]>,
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
    const list = importers.get(cur);
    if (!list) continue;
    for (const imp of list) {
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
