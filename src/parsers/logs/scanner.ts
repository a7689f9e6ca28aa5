import type { LineView, LookBack, OpenBlock, Finding, Starter } from './block.js';
import { cleanRaw, maskLine } from './clean.js';
import { EXIT_MARKER, genericFailures, lexicalScore, type GenericLine } from './generic.js';
import { jsStarters } from './tools-js.js';
import { otherStarters } from './tools-other.js';
import type { LogFailure, LogLine } from './types.js';
import { redact } from '../../core/redact.js';

/** Lines longer than this are cut: a 50 MB line without newline must not become a 50 MB string. */
export const MAX_LINE_CHARS = 16 * 1024;
const TAIL_WINDOW = 60;
const MAX_CANDIDATES = 5000;
const MAX_TEMPLATES = 50_000;
const MAX_FINDINGS = 500;
/** Lines in a report made without a passing log (a triage prompt's worth). */
export const NO_PASSING_BUDGET = 30;

// The cheap pre-filter, run over whole chunks: only lines it hits (and lines inside an open
// failure block) are looked at one by one. Chunks are latin1 strings (one char per byte), so the
// non-ASCII markers are written as their UTF-8 bytes.
const u8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const HIT = new RegExp(
  [
    "error|fail|panic|exception|traceback|fatal|timed? ?out|not ok|denied|cannot|can't|could not|unable|not found|no such",
    'refused|killed|abort|undefined|undeclared|invalid|exit (?:code|status)|segmentation|What went wrong|\\d\\) ',
    '_{4,} |\\berr_|yarn (?:run|install) v|(?:^|\\dZ )e: |\\[ERROR\\]|##\\[',
    ['●', '✖', '×', '✕', '→', '❯'].map(u8).join('|'),
  ].join('|'),
  'gim',
);

/** Masked lines of a passing run of the same job, as 32-bit hashes. */
export class PassingIndex {
  readonly hashes = new Set<number>();
  full = false;
  static readonly MAX = 1_000_000;
  add(clean: string): void {
    if (this.hashes.size >= PassingIndex.MAX) {
      this.full = true;
      return;
    }
    this.hashes.add(fnv(maskLine(clean)));
  }
  has(clean: string): boolean {
    return this.hashes.has(fnv(maskLine(clean)));
  }
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Splits a byte stream into lines (LF, CRLF, lone CR) with bounded memory: each chunk becomes one
 * latin1 string, the unfinished last line is carried over (cut at MAX_LINE_CHARS).
 */
export class LineSplitter {
  private carry = '';
  private carryCut = false;
  private pendingCR = false;
  longLines = 0;
  bytes = 0;

  /** Complete lines of this chunk as one string ending in '\n' (or '' when none completed). */
  push(chunk: Buffer): string {
    this.bytes += chunk.length;
    let s = chunk.toString('latin1');
    if (this.pendingCR) {
      s = '\r' + s;
      this.pendingCR = false;
    }
    if (s.endsWith('\r')) {
      this.pendingCR = true;
      s = s.slice(0, -1);
    }
    if (s.indexOf('\r') !== -1) s = s.replace(/\r\n?/g, '\n');
    const lastNl = s.lastIndexOf('\n');
    if (lastNl === -1) {
      this.appendCarry(s);
      return '';
    }
    const head = this.carry + s.slice(0, lastNl + 1);
    this.carry = '';
    this.carryCut = false;
    this.appendCarry(s.slice(lastNl + 1));
    return head;
  }

  private appendCarry(s: string): void {
    if (this.carryCut) return;
    if (this.carry.length + s.length > MAX_LINE_CHARS) {
      this.carry = Buffer.from(
        this.carry + s.slice(0, MAX_LINE_CHARS - this.carry.length),
        'latin1',
      ).toString('latin1');
      this.carryCut = true;
      this.longLines++;
      return;
    }
    this.carry += s;
  }

  /** What is left at the end of the stream, as a last line without '\n'. */
  end(): string {
    const rest = this.carry + (this.pendingCR ? '\n' : '');
    this.carry = '';
    this.pendingCR = false;
    return rest;
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
 * The streaming core: feed chunks with push(), then end(). Memory is bounded by the chunk size,
 * the candidate caps and the previous chunk kept for looking back.
 */
export class LogScanner {
  private readonly splitter = new LineSplitter();
  private readonly starters: Starter[] = [...jsStarters(), ...otherStarters()];
  private open: { block: OpenBlock } | null = null;
  private readonly findings: Finding[] = [];
  private readonly candidates = new Map<number, GenericLine>();
  private readonly templates = new Map<string, number>();
  private readonly warnings: string[] = [];
  private n = 0;
  private prevText = '';
  private prevEndN = 0;
  private curText = '';
  private curBaseN = 0;
  private markers = 0;
  private floor = -Infinity;
  private sniffed = false;
  private binary = false;
  private readonly maxLines: number;

  constructor(private readonly opts: { maxLinesPerFailure?: number; passing?: PassingIndex } = {}) {
    this.maxLines = Math.max(1, opts.maxLinesPerFailure ?? 40);
  }

  push(chunk: Buffer): void {
    if (!this.sniffed && chunk.length > 0) {
      this.sniffed = true;
      const probe = chunk.subarray(0, 4096);
      let ctl = 0;
      for (const b of probe) if (b === 0 || (b < 9 && b !== 0) || (b > 13 && b < 32 && b !== 27)) ctl++;
      this.binary = ctl > probe.length * 0.1;
    }
    const text = this.splitter.push(chunk);
    if (text) this.scan(text);
  }

  end(): ScanResult {
    const rest = this.splitter.end();
    if (rest) this.scan(rest + '\n');
    this.closeBlock();
    this.collectTail(this.curText.length, TAIL_WINDOW);
    return this.result();
  }

  private scan(s: string): void {
    this.prevText = this.curText;
    this.prevEndN = this.n;
    this.curText = s;
    this.curBaseN = this.n;
    let pos = 0;
    while (pos < s.length) {
      if (!this.open) {
        HIT.lastIndex = pos;
        const h = HIT.exec(s);
        if (!h) {
          this.n += countNl(s, pos, s.length);
          break;
        }
        const ls = h.index === 0 ? 0 : s.lastIndexOf('\n', h.index - 1) + 1;
        if (ls > pos) this.n += countNl(s, pos, ls);
        pos = ls;
      }
      let nl = s.indexOf('\n', pos);
      if (nl === -1) nl = s.length;
      this.n++;
      this.line(s.slice(pos, Math.min(nl, pos + MAX_LINE_CHARS)), pos);
      pos = nl + 1;
    }
  }

  private line(raw: string, pos: number): void {
    const text = cleanRaw(raw);
    const view: LineView = { n: this.n, text };
    if (this.open) {
      if (this.open.block.feed(view)) return;
      this.closeBlock();
    }
    if (EXIT_MARKER.test(text) && !/exit code 0\b/.test(text)) {
      this.markers++;
      this.collectTail(pos, TAIL_WINDOW);
      return;
    }
    const back = this.lookBack(pos);
    for (const st of this.starters) {
      const b = st.start(view, back);
      if (b) {
        this.open = { block: b };
        return;
      }
    }
    this.candidate(view, undefined);
  }

  private candidate(view: LineView, tailDistance: number | undefined): void {
    const old = this.candidates.get(view.n);
    if (old) {
      if (tailDistance !== undefined && (old.tailDistance === undefined || tailDistance < old.tailDistance)) {
        old.tailDistance = tailDistance;
      }
      return;
    }
    const lexical = lexicalScore(view.text);
    if (tailDistance === undefined && lexical <= 0) return;
    const mask = maskLine(view.text);
    if (this.templates.size < MAX_TEMPLATES || this.templates.has(mask)) {
      this.templates.set(mask, (this.templates.get(mask) ?? 0) + 1);
    }
    if (this.candidates.size >= MAX_CANDIDATES) {
      // Amortised: drop the weaker half at once (only floods of error-ish lines get here).
      if (lexical < this.floor) return;
      const scores = [...this.candidates.values()].map((c) => c.lexical).sort((a, b) => a - b);
      this.floor = scores[scores.length >> 1];
      for (const [k, c] of this.candidates)
        if (c.tailDistance === undefined && c.lexical < this.floor) this.candidates.delete(k);
      if (this.candidates.size >= MAX_CANDIDATES || lexical < this.floor) return;
    }
    const g: GenericLine = { n: view.n, text: view.text, mask, lexical };
    if (tailDistance !== undefined) g.tailDistance = tailDistance;
    if (this.opts.passing) g.fresh = !this.opts.passing.has(view.text);
    this.candidates.set(view.n, g);
  }

  /** The lines before position `pos` of the current chunk (then of the previous one). */
  private lookBack(pos: number, atEnd = false): LookBack {
    const cache: LineView[] = [];
    let cur = this.curText;
    let p = pos;
    // Inside the text `pos` starts line this.n; at the end it is past the last line.
    let n = atEnd ? this.n + 1 : this.n;
    let inPrev = false;
    return {
      prev: (k: number) => {
        while (cache.length < k) {
          if (p <= 0) {
            if (inPrev || !this.prevText) return undefined;
            inPrev = true;
            cur = this.prevText;
            p = cur.length;
            if (n - 1 !== this.prevEndN) return undefined;
          }
          const end = p - 1;
          const start = end <= 0 ? 0 : cur.lastIndexOf('\n', end - 1) + 1;
          n--;
          if (n < 1) return undefined;
          cache.push({ n, text: cleanRaw(cur.slice(start, Math.min(end, start + MAX_LINE_CHARS))) });
          p = start;
        }
        return cache[k - 1];
      },
    };
  }

  private collectTail(pos: number, count: number): void {
    // The line at `pos` is the marker itself (already counted) or the end of the text.
    const atEnd = pos >= this.curText.length;
    const back = this.lookBack(pos, atEnd);
    for (let k = 1; k <= count; k++) {
      const v = back.prev(k);
      if (!v) break;
      this.candidate(v, k - 1);
    }
  }

  private closeBlock(): void {
    if (!this.open) return;
    const f = this.open.block.finish();
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
        lines: [...this.candidates.values()],
        templateCount: (m) => this.templates.get(m) ?? 1,
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
