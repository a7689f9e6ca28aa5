import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { Logger } from '../core/logger.js';
import { ScanCache, type GraphCacheBackend, type ScannedImport } from './cache.js';
import { revisionSource, workingTreeSource, type FileSource } from './files.js';
import { GoResolver, parseGoMod, scanGo, type GoModule } from './go.js';
import { PythonResolver, scanPython } from './python.js';
import { JS_EXTENSIONS, JsResolver } from './resolve-js.js';
import { scanJs } from './scan-js.js';
import type { EdgeKind, Language, ModuleGraph } from './types.js';

export interface BuildGraphOptions {
  /** Repository root (absolute). Paths in the graph are relative to it. */
  root: string;
  /** Globs (relative to root) limiting which files are scanned; default: all. Resolution still sees every file. */
  paths?: string[];
  /** Languages to scan; default: every language found (JS/TS, Python, Go with a go.mod). */
  languages?: Language[];
  /** Globs of files to leave out entirely (generated code, vendored folders). `node_modules` is always left out. */
  ignore?: string[];
  /** Scan results by content hash, shared between builds; see {@link loadScanCache}. */
  cache?: ScanCache;
  /** Build the graph of a committed revision (read through git) instead of the working tree. */
  revision?: string;
  logger?: Logger;
}

/** What a build adds to the shared {@link ModuleGraph} contract. */
export interface BuiltGraph extends ModuleGraph {
  /** Every file the build saw (source or not), for rules that need the file list (tests, test data). */
  files: string[];
  /** Go package folder -> import path. */
  goPackages: Record<string, string>;
  /** Workspace packages found (npm/pnpm/yarn/lerna). */
  workspaces: Array<{ name: string; dir: string }>;
  stats: { files: number; scanned: number; cacheHits: number; ms: number };
}

const JS_EXT_RE = /\.(?:[cm]?[jt]sx?)$/;

export function languageOf(path: string): Language | undefined {
  if (JS_EXT_RE.test(path)) return 'js';
  if (path.endsWith('.py')) return 'python';
  if (path.endsWith('.go')) return 'go';
  return undefined;
}

function scan(lang: Language, text: string): ScannedImport[] {
  if (lang === 'js') return scanJs(text);
  if (lang === 'python') return scanPython(text);
  return scanGo(text);
}

export async function loadScanCache(
  backend: GraphCacheBackend | undefined,
  logger?: Logger,
): Promise<ScanCache> {
  if (!backend) return new ScanCache();
  try {
    return ScanCache.fromText(await backend.load());
  } catch (err) {
    logger?.warning(
      `Import-graph cache could not be read (${(err as Error).message}); building from scratch.`,
    );
    return new ScanCache();
  }
}

export async function saveScanCache(
  backend: GraphCacheBackend | undefined,
  cache: ScanCache,
  logger?: Logger,
): Promise<void> {
  if (!backend || !cache.dirty) return;
  try {
    await backend.save(cache.toText());
  } catch (err) {
    logger?.warning(
      `Import-graph cache could not be saved (${(err as Error).message}); the next run builds from scratch.`,
    );
  }
}

/**
 * Builds the file-level import graph of a repository (or of one of its revisions): JS/TS, Python
 * and Go. Files are listed through git when the root is a work tree (their blob SHAs are the cache
 * keys, so a warm build reads only files whose content is new), else by walking the folder.
 */
export async function buildGraph(opts: BuildGraphOptions): Promise<BuiltGraph> {
  const t0 = performance.now();
  const root = opts.root;
  const source: FileSource = opts.revision
    ? await revisionSource(root, opts.revision)
    : await workingTreeSource(root);
  const ignore = opts.ignore?.length ? picomatch(opts.ignore, { dot: true }) : undefined;
  const include = opts.paths?.length ? picomatch(opts.paths, { dot: true }) : undefined;
  const hashes = source.files;
  if (ignore) for (const p of [...hashes.keys()]) if (ignore(p)) hashes.delete(p);
  const allFiles = new Set(hashes.keys());

  const hasGoMod = [...allFiles].some((f) => f === 'go.mod' || f.endsWith('/go.mod'));
  const wanted = new Set<Language>(opts.languages ?? ['js', 'python', 'go']);
  const sources: Array<[string, Language]> = [];
  for (const f of allFiles) {
    const lang = languageOf(f);
    if (!lang || !wanted.has(lang)) continue;
    if (lang === 'go' && !hasGoMod) continue;
    if (include && !include(f)) continue;
    sources.push([f, lang]);
  }

  // Scan: cached by content hash, read only what is new.
  const cache = opts.cache ?? new ScanCache();
  const imports = new Map<string, ScannedImport[]>();
  const toRead: string[] = [];
  for (const [f, lang] of sources) {
    const h = hashes.get(f);
    const hit = h ? cache.get(`${h}:${lang}`) : undefined;
    if (hit) imports.set(f, hit);
    else toRead.push(f);
  }
  const texts = await source.readMany(toRead);
  let scanned = 0;
  for (const f of toRead) {
    const got = texts.get(f);
    if (!got) continue;
    const [text, sha] = got;
    const lang = languageOf(f)!;
    const key = `${sha}:${lang}`;
    let found = cache.get(key);
    if (!found) {
      found = scan(lang, text);
      scanned++;
      cache.set(key, found);
    }
    imports.set(f, found);
  }

  // Resolve against the whole file set.
  const languages = new Set<Language>();
  for (const [f, lang] of sources) if (imports.has(f)) languages.add(lang);
  const js = languages.has('js')
    ? await JsResolver.create(allFiles, source.readText, opts.revision ? undefined : root)
    : undefined;
  const py = languages.has('python') ? new PythonResolver(allFiles) : undefined;
  let go: GoResolver | undefined;
  const goPackages: Record<string, string> = {};
  if (languages.has('go')) {
    const mods: GoModule[] = [];
    for (const f of allFiles) {
      if (f !== 'go.mod' && !f.endsWith('/go.mod')) continue;
      const m = parseGoMod(
        posix.dirname(f) === '.' ? '' : posix.dirname(f),
        (await source.readText(f)) ?? '',
      );
      if (m) mods.push(m);
    }
    go = new GoResolver(allFiles, mods);
  }

  const nodes = new Set<string>();
  const edgeKeys = new Set<string>();
  const edges: Array<[string, string, EdgeKind]> = [];
  const unresolved: Array<{ from: string; specifier: string }> = [];
  const addEdge = (from: string, to: string, kind: EdgeKind): void => {
    if (from === to) return;
    const k = `${from}\0${to}\0${kind}`;
    if (edgeKeys.has(k)) return;
    edgeKeys.add(k);
    edges.push([from, to, kind]);
    nodes.add(to);
  };

  for (const [f, lang] of sources) {
    const list = imports.get(f);
    if (!list) continue;
    nodes.add(f);
    if (lang === 'js' && js) {
      for (const imp of list) {
        const r = js.resolve(f, imp.specifier);
        if (r.path) addEdge(f, r.path, imp.kind);
        else if (r.local) unresolved.push({ from: f, specifier: imp.specifier });
      }
    } else if (lang === 'python' && py) {
      for (const imp of list) {
        const r = py.resolve(f, imp.specifier);
        for (const p of r.paths) addEdge(f, p, imp.kind);
        if (!r.found && r.local && !imp.optional) unresolved.push({ from: f, specifier: imp.specifier });
      }
    } else if (lang === 'go' && go) {
      const dir = posix.dirname(f) === '.' ? '' : posix.dirname(f);
      const ip = go.importPathOf(dir);
      if (ip) goPackages[dir] = ip;
      for (const imp of list) {
        const r = go.resolve(imp.specifier);
        for (const p of r.paths) addEdge(f, p, 'runtime');
        if (r.local && !r.paths.length) unresolved.push({ from: f, specifier: imp.specifier });
      }
      // A package's tests compile with the package: its test files depend on every file of it.
      if (f.endsWith('_test.go')) for (const p of go.filesOf(dir)) addEdge(f, p, 'runtime');
    }
  }

  const ms = performance.now() - t0;
  opts.logger?.debug(
    `Import graph: ${nodes.size} modules, ${edges.length} edges, ${scanned} scanned, ${cache.hits} cached, ${ms.toFixed(0)} ms.`,
  );
  return {
    root,
    nodes: [...nodes].sort(),
    edges,
    unresolved,
    languages: [...languages].sort(),
    files: [...allFiles].sort(),
    goPackages,
    workspaces: js?.workspacePackages() ?? [],
    stats: { files: allFiles.size, scanned, cacheHits: sources.length - toRead.length, ms },
  };
}

export { JS_EXTENSIONS };
