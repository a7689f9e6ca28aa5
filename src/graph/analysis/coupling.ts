import type { EdgeKind, ModuleGraph } from '../types.js';
import { compareStrings } from './scc.js';

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

/** Distinct (from, to) pairs without self-imports. */
export function distinctPairs(
  edges: ReadonlyArray<readonly [string, string, EdgeKind?]>,
): Array<[string, string]> {
  const seen = new Set<string>();
  const out: Array<[string, string]> = [];
  for (const [from, to] of edges) {
    if (from === to) continue;
    const key = `${from}\0${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([from, to]);
  }
  return out;
}

export function computeCoupling(
  graph: Pick<ModuleGraph, 'nodes' | 'edges'>,
  opts: { top?: number } = {},
): Coupling {
  const pairs = distinctPairs(graph.edges);
  const fanIn = new Map<string, number>();
  const fanOut = new Map<string, number>();
  const nodes = new Set(graph.nodes);
  for (const [from, to] of pairs) {
    nodes.add(from).add(to);
    fanOut.set(from, (fanOut.get(from) ?? 0) + 1);
    fanIn.set(to, (fanIn.get(to) ?? 0) + 1);
  }
  const modules = [...nodes].sort(compareStrings).map((path) => {
    const i = fanIn.get(path) ?? 0;
    const o = fanOut.get(path) ?? 0;
    return { path, fanIn: i, fanOut: o, instability: instability(i, o) };
  });

  const folderModules = new Map<string, number>();
  for (const m of modules)
    folderModules.set(folderOf(m.path), (folderModules.get(folderOf(m.path)) ?? 0) + 1);
  const importers = new Map<string, Set<string>>();
  const imported = new Map<string, Set<string>>();
  const internal = new Map<string, number>();
  const folderPairs = new Map<string, FolderEdge>();
  for (const [from, to] of pairs) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) {
      internal.set(a, (internal.get(a) ?? 0) + 1);
      continue;
    }
    if (!importers.has(b)) importers.set(b, new Set());
    importers.get(b)!.add(from);
    if (!imported.has(a)) imported.set(a, new Set());
    imported.get(a)!.add(to);
    const key = `${a}\0${b}`;
    const fe = folderPairs.get(key);
    if (fe) fe.imports++;
    else folderPairs.set(key, { from: a, to: b, imports: 1 });
  }
  const folders = [...folderModules.keys()].sort(compareStrings).map((folder) => {
    const i = importers.get(folder)?.size ?? 0;
    const o = imported.get(folder)?.size ?? 0;
    return {
      folder,
      modules: folderModules.get(folder)!,
      fanIn: i,
      fanOut: o,
      instability: instability(i, o),
      internalEdges: internal.get(folder) ?? 0,
    };
  });
  const folderEdges = [...folderPairs.values()].sort(
    (x, y) => compareStrings(x.from, y.from) || compareStrings(x.to, y.to),
  );
  const mostDependedUpon = modules
    .filter((m) => m.fanIn > 0)
    .sort((x, y) => y.fanIn - x.fanIn || compareStrings(x.path, y.path))
    .slice(0, opts.top ?? 10);
  return { modules, folders, folderEdges, mostDependedUpon };
}
