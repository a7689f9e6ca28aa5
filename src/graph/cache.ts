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
export const SCANNER_VERSION = 3;

const KIND_CODE: Record<EdgeKind, string> = { runtime: 'r', 'type-only': 't', dynamic: 'd' };
const CODE_KIND: Record<string, EdgeKind> = { r: 'runtime', t: 'type-only', d: 'dynamic' };

export class ScanCache {
  private readonly entries: Map<string, string[]>;
  private readonly used = new Set<string>();
  private changed = false;
  hits = 0;
  misses = 0;

  constructor(entries: Map<string, string[]> = new Map()) {
    this.entries = entries;
  }

  static fromText(text: string | undefined): ScanCache {
    if (!text) return new ScanCache();
    try {
      const data = JSON.parse(text) as { v?: unknown; entries?: unknown };
      if (data.v !== SCANNER_VERSION || !data.entries || typeof data.entries !== 'object')
        return new ScanCache();
      const map = new Map<string, string[]>();
      for (const [k, v] of Object.entries(data.entries as Record<string, unknown>)) {
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) map.set(k, v as string[]);
      }
      return new ScanCache(map);
    } catch {
      // A corrupt cache is an empty cache: the build reads every file, and the next save repairs it.
      return new ScanCache();
    }
  }

  get(key: string): ScannedImport[] | undefined {
    const v = this.entries.get(key);
    if (!v) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.used.add(key);
    return v.map(decode);
  }

  set(key: string, imports: ScannedImport[]): void {
    this.entries.set(key, imports.map(encode));
    this.used.add(key);
    this.changed = true;
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
    return JSON.stringify({ v: SCANNER_VERSION, entries: out });
  }

  get dirty(): boolean {
    return this.changed || this.used.size !== this.entries.size;
  }
}

function encode(i: ScannedImport): string {
  return KIND_CODE[i.kind] + (i.optional ? '?' : '') + i.specifier;
}

function decode(s: string): ScannedImport {
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
