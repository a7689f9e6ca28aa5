import type { ModuleGraph } from '../types.js';
import { type IndexedGraph, compareStrings, indexGraph } from './scc.js';

/**
 * Robert C. Martin's package metrics, per module and per folder. Edges of every kind count (a
 * type-only import still couples two modules); several kinds between one pair count once.
 */
export interface ModuleCoupling {
  path: string;
  /** Afferent coupling: distinct modules that import this one. */
  fanIn: number;
  /** Efferent coupling: distinct modules this one imports. */
  fanOut: number;
  /** fanOut / (fanIn + fanOut); 0 for an isolated module. 0 = stable, 1 = unstable. */
  instability: number;
}

export interface FolderCoupling {
  /** Folder relative to the root (`.` for the root itself). */
  folder: string;
  modules: number;
  /** Distinct modules outside the folder that import a module inside it. */
  fanIn: number;
  /** Distinct modules outside the folder that a module inside it imports. */
  fanOut: number;
  instability: number;
  /** Imports between modules of this same folder. */
  internalEdges: number;
}

export interface FolderEdge {
  from: string;
  to: string;
  /** Module-level imports (distinct pairs) behind this folder-level edge. */
  imports: number;
}

export interface Coupling {
  modules: ModuleCoupling[];
  folders: FolderCoupling[];
  folderEdges: FolderEdge[];
  /** The most depended-upon modules, highest fan-in first (ties by path), at most `top`. */
  mostDependedUpon: ModuleCoupling[];
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

function instability(fanIn: number, fanOut: number): number {
  const total = fanIn + fanOut;
  return total === 0 ? 0 : Math.round((fanOut / total) * 1000) / 1000;
}

export function computeCoupling(
  graph: Pick<ModuleGraph, 'nodes' | 'edges'>,
  opts: { top?: number } = {},
): Coupling {
  return couplingOf(indexGraph(graph.nodes, graph.edges), opts);
}

/**
 * The same from an already indexed graph (shared with cycle detection). Works on integer ids only:
 * the CSR groups edges by importer, a reverse CSR by imported module, and a stamp per folder counts
 * each outside module once per folder without building sets.
 */
export function couplingOf(g: IndexedGraph, opts: { top?: number } = {}): Coupling {
  const n = g.nodes.length;
  const fanIn = new Int32Array(n);
  const fanOut = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
      const w = g.targets[e];
      if (w === v) continue;
      fanOut[v]++;
      fanIn[w]++;
    }
  }
  const modules: ModuleCoupling[] = g.nodes.map((path, v) => ({
    path,
    fanIn: fanIn[v],
    fanOut: fanOut[v],
    instability: instability(fanIn[v], fanOut[v]),
  }));

  // Folder ids in path order; nodes are sorted, so one folder's modules are mostly contiguous.
  const folderIndex = new Map<string, number>();
  const folderOfNode = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const f = folderOf(g.nodes[v]);
    let id = folderIndex.get(f);
    if (id === undefined) folderIndex.set(f, (id = folderIndex.size));
    folderOfNode[v] = id;
  }
  const F = folderIndex.size;
  const folderNames: string[] = new Array<string>(F);
  for (const [name, id] of folderIndex) folderNames[id] = name;
  const size = new Int32Array(F);
  for (let v = 0; v < n; v++) size[folderOfNode[v]]++;
  const importers = new Int32Array(F);
  const imported = new Int32Array(F);
  const internal = new Int32Array(F);
  const stamp = new Int32Array(F).fill(-1);
  const pairCount = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const a = folderOfNode[v];
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
      const w = g.targets[e];
      if (w === v) continue;
      const b = folderOfNode[w];
      if (a === b) {
        internal[a]++;
        continue;
      }
      const key = a * F + b;
      pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
      // v counts once as an importer of folder b, however many of b's modules it imports.
      if (stamp[b] !== v) {
        stamp[b] = v;
        importers[b]++;
      }
    }
  }
  // Distinct outside modules each folder imports: walk the reverse graph, one stamp per target.
  const revCount = new Int32Array(n + 1);
  for (let e = 0; e < g.targets.length; e++) revCount[g.targets[e] + 1]++;
  for (let v = 0; v < n; v++) revCount[v + 1] += revCount[v];
  const revSources = new Int32Array(g.targets.length);
  const fill = revCount.slice(0, n);
  for (let v = 0; v < n; v++)
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) revSources[fill[g.targets[e]]++] = v;
  stamp.fill(-1);
  for (let w = 0; w < n; w++) {
    const b = folderOfNode[w];
    for (let k = revCount[w]; k < revCount[w + 1]; k++) {
      const a = folderOfNode[revSources[k]];
      if (a === b || stamp[a] === w) continue;
      stamp[a] = w;
      imported[a]++;
    }
  }

  const folders = folderNames
    .map((folder, id) => ({
      folder,
      modules: size[id],
      fanIn: importers[id],
      fanOut: imported[id],
      instability: instability(importers[id], imported[id]),
      internalEdges: internal[id],
    }))
    .sort((x, y) => compareStrings(x.folder, y.folder));
  const folderEdges = [...pairCount]
    .map(([key, imports]) => ({ from: folderNames[Math.floor(key / F)], to: folderNames[key % F], imports }))
    .sort((x, y) => compareStrings(x.from, y.from) || compareStrings(x.to, y.to));
  const top = opts.top ?? 10;
  const mostDependedUpon = modules
    .filter((m) => m.fanIn > 0)
    .sort((x, y) => y.fanIn - x.fanIn || compareStrings(x.path, y.path))
    .slice(0, top);
  return { modules, folders, folderEdges, mostDependedUpon };
}
