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
export const SCANNER_VERSION = 4;

const KIND_CODE: Record<EdgeKind, string> = { runtime: 'r', 'type-only': 't', dynamic: 'd' };
const CODE_KIND: Record<string, EdgeKind> = { r: 'runtime', t: 'type-only', d: 'dynamic' };

export class ScanCache {
  private readonly entries: Map<string, string[]>;
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
  ) {
    this.entries = entries;
    this.resolved = resolved;
  }

  static fromText(text: string | undefined): ScanCache {
    if (!text) return new ScanCache();
    try {
      const data = JSON.parse(text) as {
        v?: unknown;
        entries?: unknown;
        res?: { ctx?: unknown; files?: unknown };
      };
      if (data.v !== SCANNER_VERSION || !data.entries || typeof data.entries !== 'object')
        return new ScanCache();
      const map = new Map<string, string[]>();
      for (const [k, v] of Object.entries(data.entries as Record<string, unknown>)) {
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) map.set(k, v as string[]);
      }
      let resolved: { ctx: string; files: Map<string, string[]> } | undefined;
      if (
        data.res &&
        typeof data.res.ctx === 'string' &&
        data.res.files &&
        typeof data.res.files === 'object'
      ) {
        const files = new Map<string, string[]>();
        for (const [k, v] of Object.entries(data.res.files as Record<string, unknown>)) {
          if (Array.isArray(v) && v.length >= 1 && v.every((x) => typeof x === 'string'))
            files.set(k, v as string[]);
        }
        resolved = { ctx: data.res.ctx, files };
      }
      return new ScanCache(map, resolved);
    } catch {
      // A corrupt cache is an empty cache: the build reads every file, and the next save repairs it.
      return new ScanCache();
    }
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
    const out: Record<string, string[]> = {};
    for (const k of this.used) {
      const v = this.entries.get(k);
      if (v) out[k] = v;
    }
    const res = this.resolved
      ? { ctx: this.resolved.ctx, files: Object.fromEntries(this.resolved.files) }
      : undefined;
    return JSON.stringify({ v: SCANNER_VERSION, entries: out, ...(res ? { res } : {}) });
  }

  get dirty(): boolean {
    return this.changed || this.resolvedChanged || this.used.size !== this.entries.size;
  }

  /**
   * Whether saving pays: always after a new context or many new entries; a handful of changed files
   * is cheaper to scan again next time than to re-serialize the whole cache now.
   */
  get worthSaving(): boolean {
    if (!this.dirty) return false;
    if (this.freshContext || this.entries.size === this.newEntries) return true;
    return this.newEntries > Math.max(20, this.entries.size * 0.005);
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
