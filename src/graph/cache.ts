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
export const SCANNER_VERSION = 6;

const KIND_CODE: Record<EdgeKind, string> = { runtime: 'r', 'type-only': 't', dynamic: 'd' };
const CODE_KIND: Record<string, EdgeKind> = { r: 'runtime', t: 'type-only', d: 'dynamic' };

export class ScanCache {
  /** Scan results; parsed from `entriesText` only when a build needs one (a warm build rarely does). */
  private entriesMap: Map<string, string[]> | undefined;
  private entriesText: string | undefined;
  private readonly used = new Set<string>();
  private changed = false;
  /** Resolved edges per path, valid for one resolution context (file set + config contents). */
  private resolved: { ctx: string; files: Map<string, string[]> } | undefined;
  private resolvedChanged = false;
  private claimed = false;
  private freshContext = false;
  private newEntries = 0;
  hits = 0;
  misses = 0;

  constructor(
    entries: Map<string, string[]> = new Map(),
    resolved?: { ctx: string; files: Map<string, string[]> },
    entriesText?: string,
  ) {
    this.entriesMap = entriesText === undefined ? entries : undefined;
    this.entriesText = entriesText;
    this.resolved = resolved;
  }

  /**
   * The serialized form is two JSON lines: `{v, res}` (resolved edges per path), then the scan
   * entries. The second line is parsed lazily.
   */
  static fromText(text: string | undefined): ScanCache {
    if (!text) return new ScanCache();
    try {
      const nl = text.indexOf('\n');
      if (nl < 0) return new ScanCache();
      const head = JSON.parse(text.slice(0, nl)) as { v?: unknown; res?: { ctx?: unknown; files?: unknown } };
      if (head.v !== SCANNER_VERSION) return new ScanCache();
      let resolved: { ctx: string; files: Map<string, string[]> } | undefined;
      const res = head.res;
      if (res && typeof res.ctx === 'string' && res.files && typeof res.files === 'object') {
        const files = new Map<string, string[]>();
        for (const [k, v] of Object.entries(res.files as Record<string, unknown>)) {
          if (Array.isArray(v) && typeof v[0] === 'string') files.set(k, v as string[]);
        }
        resolved = { ctx: res.ctx, files };
      }
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
            if (Array.isArray(v) && v.every((x) => typeof x === 'string')) map.set(k, v as string[]);
          }
        }
      } catch {
        // corrupt scan entries: scan again
      }
      this.entriesMap = map;
    }
    return this.entriesMap;
  }

  get(key: string): ScannedImport[] | undefined {
    const v = this.getEncoded(key);
    return v?.map(decodeImport);
  }

  /** The imports in their compact form (`<kind>[?]<specifier>`), see {@link decodeImport}. */
  getEncoded(key: string): string[] | undefined {
    const v = this.entries.get(key);
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
    if (!this.entries.has(key)) this.newEntries++;
    this.entries.set(key, enc);
    this.used.add(key);
    this.changed = true;
    return enc;
  }

  /** Edges resolved earlier for `path` with content `contentKey` in resolution context `ctx`. */
  getResolved(ctx: string, path: string, contentKey: string): string[] | undefined {
    if (this.resolved?.ctx !== ctx) return undefined;
    const v = this.resolved.files.get(path);
    if (!v || v[0] !== contentKey) return undefined;
    return v;
  }

  /** `entry`: `[contentKey, '<kind><target>'..., 'u<specifier>'...]`. Only the first context of a run is kept. */
  setResolved(ctx: string, path: string, entry: string[]): void {
    if (!this.claimed) {
      this.claimed = true;
      if (this.resolved?.ctx !== ctx) {
        this.resolved = { ctx, files: new Map() };
        this.freshContext = true;
      }
    }
    if (this.resolved?.ctx !== ctx) return;
    this.resolved.files.set(path, entry);
    this.resolvedChanged = true;
  }

  /** Claims the context of the first build of a run (the head), so a base build does not replace it. */
  useContext(ctx: string): void {
    if (this.claimed) return;
    if (this.resolved?.ctx === ctx) this.claimed = true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Serializes the entries used since loading (so the cache never grows past one tree's worth plus a base). */
  toText(): string {
    const res = this.resolved
      ? { ctx: this.resolved.ctx, files: Object.fromEntries(this.resolved.files) }
      : undefined;
    const head = JSON.stringify({ v: SCANNER_VERSION, ...(res ? { res } : {}) });
    if (!this.entriesMap) return `${head}\n${this.entriesText ?? '{}'}`;
    const out: Record<string, string[]> = {};
    for (const k of this.used) {
      const v = this.entriesMap.get(k);
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
    const size = this.entriesMap?.size ?? this.resolved?.files.size ?? 0;
    if (size === this.newEntries) return true;
    return this.newEntries > Math.max(20, size * 0.005);
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
        return await readFile(path, 'utf8');
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
