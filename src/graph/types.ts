/**
 * The file-level module graph shared by select-tests and architecture-scan. Paths are relative to
 * the repository root, with `/`.
 */
export type EdgeKind = 'runtime' | 'type-only' | 'dynamic';
export type Language = 'js' | 'python' | 'go';

export interface ModuleGraph {
  /** Absolute path of the repository root the paths are relative to. */
  root: string;
  /** Every module, sorted (source file; for Go, a file too — a package's files import each other's package). */
  nodes: string[];
  /** `[from, to, kind]`; one edge per (from, to, kind). */
  edges: Array<[string, string, EdgeKind]>;
  /** Imports that name a local module which could not be found. External packages are not listed. */
  unresolved: Array<{ from: string; specifier: string }>;
  languages: Language[];
}
