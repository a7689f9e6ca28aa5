import { maskLine } from './clean.js';

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Masked lines of a passing run of the same job, as 32-bit hashes in an open-addressing table
 * (a typed array: a million lines cost 8 MB, not the ~40 MB of a Set of numbers).
 */
export class PassingIndex {
  static readonly MAX = 1_000_000;
  private table = new Uint32Array(1 << 12);
  private count = 0;
  full = false;

  get size(): number {
    return this.count;
  }

  add(clean: string): void {
    if (this.count >= PassingIndex.MAX) {
      this.full = true;
      return;
    }
    if (this.insert(key(clean))) this.count++;
    if (this.count * 2 > this.table.length) this.grow();
  }

  has(clean: string): boolean {
    const k = key(clean);
    const mask = this.table.length - 1;
    for (let i = k & mask; ; i = (i + 1) & mask) {
      const v = this.table[i];
      if (v === 0) return false;
      if (v === k) return true;
    }
  }

  private insert(k: number): boolean {
    const mask = this.table.length - 1;
    for (let i = k & mask; ; i = (i + 1) & mask) {
      const v = this.table[i];
      if (v === k) return false;
      if (v === 0) {
        this.table[i] = k;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (const v of old) if (v !== 0) this.insert(v);
  }
}

// 0 marks an empty slot, so a hash of 0 is stored as 1 (one more collision in four billion).
function key(clean: string): number {
  return fnv(maskLine(clean)) || 1;
}
