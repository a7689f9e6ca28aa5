import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EdgeKind } from './types.js';

/**
 * The incremental part of the graph: what each file's scanner found, keyed by the file's content
 * hash (git's blob SHA) and the scanner that read it. Resolution is redone on every build (it
 * depends on the whole file set and is fast); reading and scanning are what a warm build skips.
 */
export interface ScannedImport {
  specifier: string;
  kind: EdgeKind;
  /** A candidate that may legitimately not exist (Python `from pkg import name` may name a variable). */
  optional?: boolean;
}

/** Where the cache's serialized form lives: a file, or a key in the shared store. */
export interface GraphCacheBackend {
  load(): Promise<string | undefined>;
  save(text: string): Promise<void>;
}

/** Bump when a scanner changes what it finds: old entries are then ignored. */
export const SCANNER_VERSION = 7;

const KIND_CODE: Record<EdgeKind, string> = { runtime: 'r', 'type-only': 't', dynamic: 'd' };
const CODE_KIND: Record<string, EdgeKind> = { r: 'runtime', t: 'type-only', d: 'dynamic' };

/**
 * A file's resolved imports: `[blob SHA, ...targets]`, a target being `4 * <index of the file in the
 * sorted file list> + <kind number>` (runtime 0, type-only 1, dynamic 2), `'<kind code><path>'` for a
 * target outside the list, or `'u<specifier>'` for an import that resolved nowhere.
 */
export type ResolvedEntry = [string, ...Array<number | string>];
/** Indexed like the sorted file list of the context; JSON `null` where a file has no entry. */
type ResolvedFiles = unknown[];

export class ScanCache {
  /** Scan entries parsed in full: only when a save must rewrite them, or for a cache built in memory. */
  private entriesMap: Map<string, string[]> | undefined;
  /** The serialized scan entries as loaded; single entries are cut out of it on demand. */
  private entriesText: string | undefined;
  /** Entries cut out of `entriesText` or added by this run (while `entriesMap` is not built). */
  private readonly picked = new Map<string, string[]>();
  private readonly used = new Set<string>();
  private changed = false;
  /**
   * Resolved edges per file, valid for one resolution context (file set + config contents), which
   * also fixes the file numbering. Kept as parsed: numbers cost the JSON parser and the garbage
   * collector far less than 30,000 path strings did (a warm build of 10,000 files is mostly this).
   */
  private resolved: { ctx: string; files: ResolvedFiles } | undefined;
  private contextSize = 0;
  private resolvedChanged = false;
  private claimed = false;
  private freshContext = false;
  private newEntries = 0;
  hits = 0;
  misses = 0;

  constructor(
    entries: Map<string, string[]> = new Map(),
    resolved?: { ctx: string; files: ResolvedFiles },
    entriesText?: string,
  ) {
    this.entriesMap = entriesText === undefined ? entries : undefined;
    this.entriesText = entriesText;
    this.resolved = resolved;
  }

  /**
   * The serialized form is two JSON lines: `{v, res}` (resolved edges per path), then the scan
   * entries. The second line is read lazily, one entry at a time.
   */
  static fromText(text: string | undefined): ScanCache {
    if (!text) return new ScanCache();
    try {
      const nl = text.indexOf('\n');
      if (nl < 0) return new ScanCache();
      const head = JSON.parse(text.slice(0, nl)) as { v?: unknown; res?: { ctx?: unknown; files?: unknown } };
      if (head.v !== SCANNER_VERSION) return new ScanCache();
      const res = head.res;
      const resolved =
        res && typeof res.ctx === 'string' && Array.isArray(res.files)
          ? { ctx: res.ctx, files: res.files as ResolvedFiles }
          : undefined;
      return new ScanCache(new Map(), resolved, text.slice(nl + 1));
    } catch {
      // A corrupt cache is an empty cache: the build reads every file, and the next save repairs it.
      return new ScanCache();
    }
  }

  private get entries(): Map<string, string[]> {
    if (!this.entriesMap) {
      const map = new Map<string, string[]>();
      try {
        const data = JSON.parse(this.entriesText ?? '{}') as unknown;
        if (data && typeof data === 'object') {
          for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
            if (isStringArray(v)) map.set(k, v);
          }
        }
      } catch {
        // corrupt scan entries: scan again
      }
      for (const [k, v] of this.picked) map.set(k, v);
      this.entriesMap = map;
      this.entriesText = undefined;
    }
    return this.entriesMap;
  }

  /** One entry without parsing the others (a warm build needs a handful of 10,000). */
  private lookup(key: string): string[] | undefined {
    if (this.entriesMap) return this.entriesMap.get(key);
    const had = this.picked.get(key);
    if (had) return had;
    const v = extractEntry(this.entriesText ?? '', key);
    if (v) this.picked.set(key, v);
    return v;
  }

  get(key: string): ScannedImport[] | undefined {
    const v = this.getEncoded(key);
    return v?.map(decodeImport);
  }

  /** The imports in their compact form (`<kind>[?]<specifier>`), see {@link decodeImport}. */
  getEncoded(key: string): string[] | undefined {
    const v = this.lookup(key);
    if (!v) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.used.add(key);
    return v;
  }

  set(key: string, imports: ScannedImport[]): string[] {
    const enc = imports.map(encode);
    if (!this.lookup(key)) this.newEntries++;
    if (this.entriesMap) this.entriesMap.set(key, enc);
    else this.picked.set(key, enc);
    this.used.add(key);
    this.changed = true;
    return enc;
  }

  /** Edges resolved earlier for file number `index` with content `sha` in resolution context `ctx`. */
  getResolved(ctx: string, index: number, sha: string): ResolvedEntry | undefined {
    if (this.resolved?.ctx !== ctx) return undefined;
    const v = this.resolved.files[index];
    if (!Array.isArray(v) || v[0] !== sha) return undefined;
    const limit = this.contextSize * 4;
    for (let k = 1; k < v.length; k++) {
      const e: unknown = v[k];
      if (typeof e === 'number' ? !(Number.isInteger(e) && e >= 0 && e < limit) : typeof e !== 'string')
        return undefined;
    }
    return v as ResolvedEntry;
  }

  /** Only the first context of a run is kept. */
  setResolved(ctx: string, index: number, entry: ResolvedEntry): void {
    if (!this.claimed) {
      this.claimed = true;
      if (this.resolved?.ctx !== ctx) {
        this.resolved = { ctx, files: [] };
        this.freshContext = true;
      }
    }
    if (this.resolved?.ctx !== ctx) return;
    const files = this.resolved.files;
    while (files.length < index) files.push(null);
    files[index] = entry;
    this.resolvedChanged = true;
  }

  /**
   * Claims the context of the first build of a run (the head), so a base build does not replace it;
   * `size` is the length of its file list (entries pointing past it are corrupt).
   */
  useContext(ctx: string, size: number): void {
    if (this.claimed) return;
    this.contextSize = size;
    if (this.resolved?.ctx === ctx) this.claimed = true;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Serializes the entries used since loading plus those the resolved files still name (so the cache
   * never grows past one tree's worth plus a base, and a later change of context finds them).
   */
  toText(): string {
    const head = JSON.stringify({ v: SCANNER_VERSION, ...(this.resolved ? { res: this.resolved } : {}) });
    if (!this.entriesMap && this.picked.size === 0) return `${head}\n${this.entriesText ?? '{}'}`;
    const entries = this.entries;
    const keep = new Set(this.used);
    if (this.resolved)
      for (const v of this.resolved.files) if (Array.isArray(v) && typeof v[0] === 'string') keep.add(v[0]);
    const out: Record<string, string[]> = {};
    for (const k of keep) {
      const v = entries.get(k);
      if (v) out[k] = v;
    }
    return `${head}\n${JSON.stringify(out)}`;
  }

  get dirty(): boolean {
    return (
      this.changed ||
      this.resolvedChanged ||
      (this.entriesMap !== undefined && this.used.size !== this.entriesMap.size)
    );
  }

  /**
   * Whether saving pays: always after a new context or many new entries; a handful of changed files
   * is cheaper to scan again next time than to re-serialize the whole cache now.
   */
  get worthSaving(): boolean {
    if (!this.dirty) return false;
    if (this.freshContext) return true;
    const size = this.entriesMap?.size ?? this.resolved?.files.length ?? 0;
    if (size === this.newEntries) return true;
    return this.newEntries > Math.max(20, size * 0.005);
  }
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/**
 * Cuts the value of `key` out of the serialized entries object without parsing the rest. Keys are
 * `<hex sha>:<language>` (no characters JSON escapes), so the quoted key can only occur as a key:
 * a value is an array of strings, and inside one a quote is always escaped.
 */
export function extractEntry(text: string, key: string): string[] | undefined {
  const at = text.indexOf(`"${key}":[`);
  if (at < 0) return undefined;
  const start = at + key.length + 3;
  let i = start + 1;
  // Walk string tokens to the array's closing bracket.
  for (;;) {
    while (i < text.length && (text[i] === ',' || text[i] === ' ')) i++;
    if (i >= text.length) return undefined;
    if (text[i] === ']') break;
    if (text[i] !== '"') return undefined;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) return undefined;
    i++;
  }
  try {
    const v = JSON.parse(text.slice(start, i + 1)) as unknown;
    return isStringArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function encode(i: ScannedImport): string {
  return KIND_CODE[i.kind] + (i.optional ? '?' : '') + i.specifier;
}

export function decodeImport(s: string): ScannedImport {
  const kind = CODE_KIND[s[0]] ?? 'runtime';
  if (s[1] === '?') return { specifier: s.slice(2), kind, optional: true };
  return { specifier: s.slice(1), kind };
}

/** A cache kept in one JSON file (under `AI_CI_CACHE_DIR` or `RUNNER_TEMP`). */
export function fileCacheBackend(path: string): GraphCacheBackend {
  return {
    load: async () => {
      try {
        // One buffer decoded once: reading as text decodes per chunk and joins (3x the garbage).
        return (await readFile(path)).toString('utf8');
      } catch {
        return undefined;
      }
    },
    save: async (text) => {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, path);
    },
  };
}
