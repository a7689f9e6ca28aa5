import type { LineView, LookBack, OpenBlock, Finding, Starter } from './block.js';
import { CandidatePool } from './candidates.js';
import { cleanRaw } from './clean.js';
import { EXIT_MARKER, genericFailures } from './generic.js';
import type { PassingIndex } from './passing.js';
import { Prefilter } from './prefilter.js';
import { LineSplitter, MAX_LINE_CHARS, ownLine } from './splitter.js';
import { jsStarters } from './tools-js.js';
import { otherStarters } from './tools-other.js';
import type { LogFailure, LogLine } from './types.js';
import { redact } from '../../core/redact.js';

export { MAX_LINE_CHARS } from './splitter.js';
const TAIL_WINDOW = 60;
/** Lines kept reachable behind the current one: the tail window and go's build-failure look-back fit. */
const LOOKBACK_LINES = 64;
const MAX_FINDINGS = 500;
/** Lines in a report made without a passing log (a triage prompt's worth). */
export const NO_PASSING_BUDGET = 30;

/** Complete lines `text[start, end)`, the first being line `firstN`; `lines` is known once scanned. */
interface Segment {
  text: string;
  start: number;
  end: number;
  firstN: number;
  lines: number;
}

/** Walks back line by line from a position, through the segments still kept. */
class SegmentLookBack implements LookBack {
  private readonly cache: LineView[] = [];
  constructor(
    private readonly segments: readonly Segment[],
    private seg: number,
    private p: number,
    /** The number of the line starting at `p`. */
    private n: number,
  ) {}

  prev(k: number): LineView | undefined {
    while (this.cache.length < k) {
      let s = this.segments[this.seg];
      if (this.p <= s.start) {
        if (this.seg === 0) return undefined;
        s = this.segments[--this.seg];
        this.p = s.end;
      }
      const end = this.p - 1;
      const nl = end > s.start ? s.text.lastIndexOf('\n', end - 1) : -1;
      const start = nl < s.start ? s.start : nl + 1;
      this.n--;
      if (this.n < 1) return undefined;
      this.cache.push({
        n: this.n,
        text: cleanRaw(ownLine(s.text, start, Math.min(end, start + MAX_LINE_CHARS))),
      });
      this.p = start;
    }
    return this.cache[k - 1];
  }
}

export interface ScanResult {
  tool: string;
  failures: LogFailure[];
  warnings: string[];
  lines: number;
  bytes: number;
}

/**
 * The streaming core: feed chunks with push(), then end(). One regex pass over each chunk finds
 * the few lines worth reading; every other line costs only its share of that pass and of the
 * newline count. Memory is bounded by the chunk size, the candidate and template caps, and the
 * last LOOKBACK_LINES lines kept for looking back.
 */
export class LogScanner {
  private readonly splitter = new LineSplitter();
  private readonly starters: Starter[] = [...jsStarters(), ...otherStarters()];
  private open: OpenBlock | null = null;
  private readonly findings: Finding[] = [];
  private readonly pool: CandidatePool;
  private readonly warnings: string[] = [];
  /** The last line number read. */
  private n = 0;
  private readonly segments: Segment[] = [];
  /** Lines in segments[1..]: the first segment is dropped once the others hold LOOKBACK_LINES. */
  private laterLines = 0;
  private markers = 0;
  private sniffed = false;
  private binary = false;
  private readonly maxLines: number;
  private readonly prefilter = new Prefilter();
  private readonly sink = (text: string, start: number, end: number): void => this.scan(text, start, end);

  constructor(private readonly opts: { maxLinesPerFailure?: number; passing?: PassingIndex } = {}) {
    this.maxLines = Math.max(1, opts.maxLinesPerFailure ?? 40);
    this.pool = new CandidatePool(opts.passing);
  }

  push(chunk: Buffer): void {
    if (!this.sniffed && chunk.length > 0) {
      this.sniffed = true;
      const probe = chunk.subarray(0, 4096);
      let ctl = 0;
      for (const b of probe) if (b === 0 || (b < 9 && b !== 0) || (b > 13 && b < 32 && b !== 27)) ctl++;
      this.binary = ctl > probe.length * 0.1;
    }
    this.splitter.push(chunk, this.sink);
  }

  end(): ScanResult {
    this.splitter.end(this.sink);
    this.closeBlock();
    const last = this.segments.length - 1;
    if (last >= 0) this.collectTail(last, this.segments[last].end, this.n + 1);
    return this.result();
  }

  private scan(text: string, start: number, end: number): void {
    const seg: Segment = { text, start, end, firstN: this.n + 1, lines: 0 };
    this.segments.push(seg);
    const idx = this.segments.length - 1;
    let pos = start;
    this.prefilter.reset(text);
    while (pos < end) {
      if (!this.open) {
        const h = this.prefilter.find(pos);
        if (h === -1 || h >= end) {
          this.n += countNl(text, pos, end);
          break;
        }
        const ls = h === 0 ? 0 : text.lastIndexOf('\n', h - 1) + 1;
        if (ls > pos) this.n += countNl(text, pos, ls);
        pos = ls;
      }
      const nl = text.indexOf('\n', pos);
      this.n++;
      this.line(ownLine(text, pos, Math.min(nl, pos + MAX_LINE_CHARS)), idx, pos);
      pos = nl + 1;
    }
    seg.lines = this.n - seg.firstN + 1;
    if (this.segments.length > 1) this.laterLines += seg.lines;
    while (this.segments.length > 1 && this.laterLines >= LOOKBACK_LINES) {
      this.segments.shift();
      this.laterLines -= this.segments[0].lines;
    }
  }

  private line(raw: string, seg: number, pos: number): void {
    const text = cleanRaw(raw);
    const view: LineView = { n: this.n, text };
    if (this.open) {
      if (this.open.feed(view)) return;
      this.closeBlock();
    }
    if (EXIT_MARKER.test(text) && !/exit code 0\b/.test(text)) {
      this.markers++;
      this.collectTail(seg, pos, this.n);
      return;
    }
    const back = new SegmentLookBack(this.segments, seg, pos, this.n);
    for (const st of this.starters) {
      const b = st.start(view, back);
      if (b) {
        this.open = b;
        return;
      }
    }
    this.pool.offer(view);
  }

  /** Offers the `TAIL_WINDOW` lines before position `pos` (line `n`) as candidates near a failing exit. */
  private collectTail(seg: number, pos: number, n: number): void {
    const back = new SegmentLookBack(this.segments, seg, pos, n);
    for (let k = 1; k <= TAIL_WINDOW; k++) {
      const v = back.prev(k);
      if (!v) break;
      this.pool.offer(v, k - 1);
    }
  }

  private closeBlock(): void {
    if (!this.open) return;
    const f = this.open.finish();
    this.open = null;
    if (f && this.findings.length < MAX_FINDINGS) this.findings.push(f);
  }

  private result(): ScanResult {
    const warnings = [...this.warnings];
    if (this.splitter.bytes === 0) warnings.push('empty log: nothing to extract');
    if (this.binary)
      warnings.push(
        'does not look like a text log (binary data); scanned as text, results may be meaningless',
      );
    if (this.splitter.longLines > 0) {
      warnings.push(
        `${this.splitter.longLines} line(s) longer than ${MAX_LINE_CHARS / 1024} KiB were cut to their first ${MAX_LINE_CHARS / 1024} KiB`,
      );
    }
    if (this.opts.passing?.full)
      warnings.push('passing log too large: only its first lines were used for the diff');
    const passing = this.opts.passing;
    const failures = mergeFindings(this.findings);
    const tools = new Map<string, number>();
    for (const f of failures) tools.set(f.tool, (tools.get(f.tool) ?? 0) + 1);
    let tool = [...tools.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'generic';
    let out: LogFailure[] = failures.map((f) => toFailure(f, this.maxLines, passing));
    // Without a passing log nothing filters repeated noise, so the whole report gets a budget.
    if (!passing) budget(out, NO_PASSING_BUDGET);
    if (out.length === 0) {
      tool = 'generic';
      out = genericFailures({
        lines: this.pool.lines(),
        templateCount: (t) => this.pool.templateCount(t),
        diffMode: passing !== undefined,
        maxLines: passing ? 20 : 30,
        tailWindow: TAIL_WINDOW,
      });
      for (const f of out) for (const l of f.lines) l.text = redact(l.text);
    }
    if (out.length === 0 && this.splitter.bytes > 0) warnings.push('no failure found in the log');
    return { tool, failures: out, warnings, lines: this.n, bytes: this.splitter.bytes };
  }
}

/** Trims the failures' lines to `total`, round robin, so that every failure keeps its first lines. */
function budget(failures: LogFailure[], total: number): void {
  const keep = failures.map(() => 0);
  let left = total;
  for (let round = 0; left > 0; round++) {
    let progressed = false;
    for (let i = 0; i < failures.length && left > 0; i++) {
      if (keep[i] < failures[i].lines.length) {
        keep[i]++;
        left--;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  failures.forEach((f, i) => (f.lines = f.lines.slice(0, keep[i])));
}

function countNl(s: string, from: number, to: number): number {
  let c = 0;
  let i = s.indexOf('\n', from);
  while (i !== -1 && i < to) {
    c++;
    i = s.indexOf('\n', i + 1);
  }
  return c;
}

/** Findings of the same tool and item are one failure (a summary repeating a block, a merged results line). */
function mergeFindings(all: Finding[]): Finding[] {
  const real = all.filter((f) => !f.consequence || all.every((g) => g.consequence || g === f));
  const byKey = new Map<string, Finding>();
  const order: Finding[] = [];
  for (const f of real) {
    if (f.item.startsWith('@results:')) {
      const suffix = f.item.slice('@results:'.length);
      const target = order.find(
        (g) => g.tool === f.tool && (g.item === suffix || g.item.endsWith(`.${suffix}`)),
      );
      if (target) target.lines.push(...f.lines);
      continue;
    }
    const key = `${f.tool}\u0000${f.item}`;
    const same = byKey.get(key);
    if (same) {
      same.lines.push(...f.lines);
      same.file ??= f.file;
      same.line ??= f.line;
      if (same.kind === 'unknown') same.kind = f.kind;
      continue;
    }
    byKey.set(key, f);
    order.push(f);
  }
  return order;
}

function toFailure(f: Finding, maxLines: number, passing: PassingIndex | undefined): LogFailure {
  const seen = new Set<number>();
  const lines: LogLine[] = [];
  const sorted = [...f.lines].sort((a, b) => a.n - b.n);
  for (let i = 0; i < sorted.length; i++) {
    const l = sorted[i];
    if (seen.has(l.n)) continue;
    seen.add(l.n);
    // With a passing log, lines the passing run printed too explain nothing (never the header).
    if (passing && i > 0 && passing.has(l.text)) continue;
    if (lines.length >= maxLines) break;
    lines.push({ n: l.n, text: redact(l.text) });
  }
  const out: LogFailure = { item: redact(f.item), kind: f.kind, lines };
  if (f.file !== undefined) out.file = f.file;
  if (f.line !== undefined) out.line = f.line;
  return out;
}
