import type { LineView } from './block.js';
import { maskLine } from './clean.js';
import { lexicalScore, type GenericLine } from './generic.js';
import { fnv, type PassingIndex } from './passing.js';

const MAX_CANDIDATES = 5000;
const MAX_TEMPLATES = 50_000;

/**
 * The error-ish lines the generic extractor chooses from, and how often each line's template
 * (masked form, hashed) occurs among them. Both are bounded: when full, the weaker half of the
 * candidates (lowest lexical score, oldest first) and the rarest templates are evicted at once,
 * so a flood of error lines costs O(log n) per line, never a re-scan per line.
 */
export class CandidatePool {
  private readonly byN = new Map<number, GenericLine>();
  private readonly templates = new Map<number, number>();
  private floor = -Infinity;

  constructor(private readonly passing?: PassingIndex) {}

  /** A line the pre-filter hit, or (with `tailDistance`) one of the lines before a failing exit. */
  offer(view: LineView, tailDistance?: number): void {
    const old = this.byN.get(view.n);
    if (old) {
      if (tailDistance !== undefined && (old.tailDistance === undefined || tailDistance < old.tailDistance)) {
        old.tailDistance = tailDistance;
      }
      return;
    }
    const lexical = lexicalScore(view.text);
    if (tailDistance === undefined && lexical <= 0) return;
    const template = fnv(maskLine(view.text));
    this.count(template);
    if (tailDistance === undefined && lexical < this.floor) return;
    if (this.byN.size >= MAX_CANDIDATES && !this.evict()) return;
    if (tailDistance === undefined && lexical < this.floor) return;
    const g: GenericLine = { n: view.n, text: view.text, template, lexical };
    if (tailDistance !== undefined) g.tailDistance = tailDistance;
    if (this.passing) g.fresh = !this.passing.has(view.text);
    this.byN.set(view.n, g);
  }

  lines(): GenericLine[] {
    return [...this.byN.values()];
  }

  templateCount(template: number): number {
    return this.templates.get(template) ?? 1;
  }

  private count(template: number): void {
    const c = this.templates.get(template);
    if (c !== undefined) {
      this.templates.set(template, c + 1);
      return;
    }
    if (this.templates.size >= MAX_TEMPLATES) {
      const counts = [...this.templates.values()].sort((a, b) => a - b);
      const cut = counts[counts.length >> 1];
      for (const [k, v] of this.templates)
        if (v < cut || (cut === counts[0] && v === cut)) this.templates.delete(k);
    }
    this.templates.set(template, 1);
  }

  /** Drops the weaker half of the lines outside any tail window; false when nothing could go. */
  private evict(): boolean {
    const evictable = [...this.byN.values()]
      .filter((c) => c.tailDistance === undefined)
      .sort((a, b) => a.lexical - b.lexical || a.n - b.n);
    const drop = evictable.slice(0, Math.max(1, evictable.length >> 1));
    if (evictable.length === 0) return false;
    for (const c of drop) this.byN.delete(c.n);
    this.floor = drop[drop.length - 1].lexical;
    return this.byN.size < MAX_CANDIDATES;
  }
}
