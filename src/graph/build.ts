import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { Logger } from '../core/logger.js';
import {
  ScanCache,
  decodeImport,
  type GraphCacheBackend,
  type ResolvedEntry,
  type ScannedImport,
} from './cache.js';
import { blobSha } from './files.js';
import { revisionSource, workingTreeSource, type FileSource } from './files.js';
import { createHash } from 'node:crypto';
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
  /** The working tree's listing when the caller started it early (it runs beside other git work). */
  workingTree?: Promise<FileSource>;
  logger?: Logger;
}

/** What a build adds to the shared {@link ModuleGraph} contract. */
export interface BuiltGraph extends ModuleGraph {
  /** Every file the build saw (source or not), sorted, for rules that need the file list (tests, test data). */
  files: string[];
  /** Go package folder -> import path. */
  goPackages: Record<string, string>;
  /** Workspace packages found (npm/pnpm/yarn/lerna). */
  workspaces: Array<{ name: string; dir: string }>;
  stats: { files: number; scanned: number; cacheHits: number; reusedResolutions: number; ms: number };
}

const JS_EXT_RE = /\.(?:[cm]?[jt]sx?)$/;

export function languageOf(path: string): Language | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = path.slice(dot + 1);
  if (ext === 'py') return 'python';
  if (ext === 'go') return 'go';
  return JS_EXT_RE.test(path) ? 'js' : undefined;
}

const KIND_CODE: Record<EdgeKind, string> = { runtime: 'r', 'type-only': 't', dynamic: 'd' };
const KIND_NUMBER: Record<EdgeKind, number> = { runtime: 0, 'type-only': 1, dynamic: 2 };
const NUMBER_KIND: EdgeKind[] = ['runtime', 'type-only', 'dynamic', 'runtime'];
const CODE_KIND: Record<string, EdgeKind> = { r: 'runtime', t: 'type-only', d: 'dynamic' };
const CONFIG_RE =
  /(^|\/)(tsconfig[^/]*\.json|jsconfig[^/]*\.json|package\.json|pnpm-workspace\.yaml|lerna\.json|go\.mod|go\.work|pyproject\.toml|setup\.py|setup\.cfg)$/;

/**
 * A hash of everything resolution depends on besides the importing file: the set of files and the
 * contents of the config files that steer resolution (tsconfig, package.json, go.mod, ...).
 */
async function resolutionContext(
  sorted: string[],
  hashes: Map<string, string | undefined>,
  source: FileSource,
): Promise<string> {
  const h = createHash('sha1');
  h.update(sorted.join('\n'));
  for (let k = 0; k < sorted.length; k++) {
    const f = sorted[k];
    if (!CONFIG_RE.test(f)) continue;
    let sha = hashes.get(f);
    if (!sha) {
      const text = await source.readText(f);
      sha = text === undefined ? 'missing' : blobSha(Buffer.from(text));
    }
    h.update(`\0${f}\0${sha}`);
  }
  return h.digest('hex');
}

/** The paths in code-unit order; git lists tracked files sorted already, so usually no sort is needed. */
/** The index of `p` in a list sorted in code-unit order, or -1. */
export function sortedIndexOf(list: readonly string[], p: string): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid];
    if (v === p) return mid;
    if (v < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function sortedPaths(paths: Iterable<string>): string[] {
  const list = [...paths];
  for (let k = 1; k < list.length; k++) if (list[k - 1] > list[k]) return list.sort();
  return list;
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
  if (!backend || !cache.worthSaving) return;
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
    : await (opts.workingTree ?? workingTreeSource(root));
  const ignore = opts.ignore?.length ? picomatch(opts.ignore, { dot: true }) : undefined;
  const include = opts.paths?.length ? picomatch(opts.paths, { dot: true }) : undefined;
  const hashes = source.files;
  if (ignore) for (const p of [...hashes.keys()]) if (ignore(p)) hashes.delete(p);
  const allFiles = new Set(hashes.keys());

  const wanted = new Set<Language>(opts.languages ?? ['js', 'python', 'go']);
  // Files are numbered by their place in the sorted list: the resolved-edge cache stores targets as
  // these numbers, valid as long as the resolution context (which hashes this list) is unchanged.
  const fileList = sortedPaths(allFiles);
  let hasGoMod = false;
  for (let i = 0; i < fileList.length; i++) {
    const f = fileList[i];
    if (f === 'go.mod' || f.endsWith('/go.mod')) hasGoMod = true;
  }
  const srcIndex: number[] = [];
  const srcLang: Language[] = [];
  for (let i = 0; i < fileList.length; i++) {
    const f = fileList[i];
    const lang = languageOf(f);
    if (!lang || !wanted.has(lang)) continue;
    if (lang === 'go' && !hasGoMod) continue;
    if (include && !include(f)) continue;
    srcIndex.push(i);
    srcLang.push(lang);
  }

  // A file whose content and resolution context are unchanged keeps its resolved edges: no read,
  // no scan. Others are scanned (cached by content hash, read only when new) and resolved.
  const cache = opts.cache ?? new ScanCache();
  const ctx = await resolutionContext(fileList, hashes, source);
  cache.useContext(ctx, fileList.length);
  const reusedEntries: Array<ResolvedEntry | undefined> = new Array<ResolvedEntry | undefined>(
    fileList.length,
  );
  const imports = new Map<string, string[]>();
  const contentSha = new Map<string, string>();
  const toRead: string[] = [];
  const toReadIndex: number[] = [];
  for (let s = 0; s < srcIndex.length; s++) {
    const i = srcIndex[s];
    const f = fileList[i];
    const h = hashes.get(f);
    if (h) {
      const done = cache.getResolved(ctx, i, h);
      if (done) {
        reusedEntries[i] = done;
        continue;
      }
      const hit = cache.getEncoded(`${h}:${srcLang[s]}`);
      if (hit) {
        imports.set(f, hit);
        contentSha.set(f, h);
        continue;
      }
    }
    toRead.push(f);
    toReadIndex.push(i);
  }
  const texts = await source.readMany(toRead);
  let scanned = 0;
  for (let r = 0; r < toRead.length; r++) {
    const f = toRead[r];
    const got = texts.get(f);
    if (!got) continue;
    const [text, sha] = got;
    // An untracked or edited file has no hash until read; unchanged since the cache was written,
    // it keeps its resolved edges too.
    const done = cache.getResolved(ctx, toReadIndex[r], sha);
    if (done) {
      reusedEntries[toReadIndex[r]] = done;
      continue;
    }
    const lang = languageOf(f)!;
    const key = `${sha}:${lang}`;
    let found = cache.getEncoded(key);
    if (!found) {
      found = cache.set(key, scan(lang, text));
      scanned++;
    }
    imports.set(f, found);
    contentSha.set(f, sha);
  }

  const languages = new Set<Language>();
  for (let s = 0; s < srcIndex.length; s++)
    if (reusedEntries[srcIndex[s]] || imports.has(fileList[srcIndex[s]])) languages.add(srcLang[s]);
  let js: JsResolver | undefined;
  const jsResolver = async (): Promise<JsResolver> =>
    (js ??= await JsResolver.create(allFiles, source.readText, opts.revision ? undefined : root));
  let py: PythonResolver | undefined;
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

  const isNode = new Uint8Array(fileList.length);
  const otherNodes = new Set<string>();
  // A warm build resolves a handful of files: binary search. A cold one resolves every import: a map.
  let lookups = 0;
  let indexMap: Map<string, number> | undefined;
  const indexOf = (p: string): number | undefined => {
    if (indexMap) return indexMap.get(p);
    if (++lookups > 256) {
      indexMap = new Map();
      for (let i = 0; i < fileList.length; i++) indexMap.set(fileList[i], i);
      return indexMap.get(p);
    }
    const at = sortedIndexOf(fileList, p);
    return at < 0 ? undefined : at;
  };
  const edges: Array<[string, string, EdgeKind]> = [];
  const unresolved: Array<{ from: string; specifier: string }> = [];
  let reused = 0;

  for (let s = 0; s < srcIndex.length; s++) {
    const i = srcIndex[s];
    const f = fileList[i];
    const lang = srcLang[s];
    let entry = reusedEntries[i];
    const list = imports.get(f);
    if (!entry && !list) continue;
    isNode[i] = 1;
    if (lang === 'go' && go) {
      const dir = posix.dirname(f) === '.' ? '' : posix.dirname(f);
      const ip = go.importPathOf(dir);
      if (ip) goPackages[dir] = ip;
    }
    if (entry) reused++;
    else if (list) {
      const fresh: ResolvedEntry = [contentSha.get(f)!];
      entry = fresh;
      const seen = new Set<number | string>();
      // A file that imports itself is a cycle architecture-scan must see; only the Go package
      // fan-out (a file "imports" every file of its package) skips the file itself.
      const add = (to: string, kind: EdgeKind, selfIsNoise = false): void => {
        if (to === f && selfIsNoise) return;
        const at = indexOf(to);
        const e = at === undefined ? KIND_CODE[kind] + to : at * 4 + KIND_NUMBER[kind];
        if (seen.has(e)) return;
        seen.add(e);
        fresh.push(e);
      };
      if (lang === 'js') {
        const r0 = await jsResolver();
        for (const enc of list) {
          const imp = decodeImport(enc);
          const r = r0.resolve(f, imp.specifier);
          if (r.path) add(r.path, imp.kind);
          else if (r.local) fresh.push(`u${imp.specifier}`);
        }
      } else if (lang === 'python') {
        py ??= new PythonResolver(allFiles);
        for (const enc of list) {
          const imp = decodeImport(enc);
          const r = py.resolve(f, imp.specifier);
          for (const p of r.paths) add(p, imp.kind);
          if (!r.found && r.local && !imp.optional) fresh.push(`u${imp.specifier}`);
        }
      } else if (lang === 'go' && go) {
        const dir = posix.dirname(f) === '.' ? '' : posix.dirname(f);
        for (const enc of list) {
          const imp = decodeImport(enc);
          const r = go.resolve(imp.specifier);
          for (const p of r.paths) add(p, 'runtime', true);
          if (r.local && !r.paths.length) fresh.push(`u${imp.specifier}`);
        }
        // A package's tests compile with the package: its test files depend on every file of it.
        if (f.endsWith('_test.go')) for (const p of go.filesOf(dir)) add(p, 'runtime', true);
      }
      cache.setResolved(ctx, i, fresh);
    }
    if (!entry) continue;
    for (let k = 1; k < entry.length; k++) {
      const e = entry[k];
      if (typeof e === 'number') {
        const t = e >> 2;
        edges.push([f, fileList[t], NUMBER_KIND[e & 3]]);
        isNode[t] = 1;
        continue;
      }
      const code = e[0];
      if (code === 'u') {
        unresolved.push({ from: f, specifier: e.slice(1) });
        continue;
      }
      const to = e.slice(1);
      edges.push([f, to, CODE_KIND[code] ?? 'runtime']);
      otherNodes.add(to);
    }
  }
  if (js === undefined && languages.has('js')) await jsResolver();

  const nodeList = sortedNodes(isNode, otherNodes, fileList);
  const ms = performance.now() - t0;
  opts.logger?.debug(
    `Import graph: ${nodeList.length} modules, ${edges.length} edges, ${scanned} scanned, ${reused} resolutions reused, ${ms.toFixed(0)} ms.`,
  );
  return {
    root,
    nodes: nodeList,
    edges,
    unresolved,
    languages: [...languages].sort(),
    files: fileList,
    goPackages,
    workspaces: js?.workspacePackages() ?? [],
    stats: {
      files: allFiles.size,
      scanned,
      cacheHits: srcIndex.length - toRead.length,
      reusedResolutions: reused,
      ms,
    },
  };
}

/** The modules in path order: the sorted file list filtered, plus (rarely) targets outside it. */
function sortedNodes(isNode: Uint8Array, others: Set<string>, fileList: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < fileList.length; i++) if (isNode[i]) out.push(fileList[i]);
  if (!others.size) return out;
  const inList = new Set(out);
  for (const n of others) if (!inList.has(n)) out.push(n);
  return sortedPaths(out);
}

export { JS_EXTENSIONS };
