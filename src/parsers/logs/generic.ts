import { classify } from './classify.js';
import type { LogFailure, LogLine } from './types.js';

/**
 * The extractor for logs of tools nobody wrote a parser for. It does not grep keywords: it scores
 * lines by (a) words and shapes of error lines, (b) rarity of the line's template among the
 * error-ish lines of the same log (a template that repeats hundreds of times is progress noise,
 * Drain-style), (c) closeness to the failing exit (`##[error]`, `Process completed with exit
 * code N`, end of log), and (d) with a passing log of the same job, whether the masked line is
 * new in the failing run. The best lines are grown into small context windows.
 */

const STRONG =
  /\b(?:errors?|fatal|panic|exception|traceback|failed|failure|segmentation fault|cannot|can't|could not|couldn't|unable to|no such file|not found|permission denied|refused|undeclared|undefined|denied|killed|timed out|aborted|unresolved)\b/i;
const MEDIUM =
  /\b(?:fail|invalid|missing|unexpected|wrong|bad|not allowed|forbidden|unauthorized|expected|exit (?:code|status) [1-9]\d*)\b/i;
const EXC_HEAD =
  /^\s*(?:[\w.$]+(?:Error|Exception|Exit|Interrupt)\b[:\s]|Traceback \(most recent call last\)|Caused by:|panic:|thread '.*' panicked)/;
const LOC = /(?:^|\s)[\w./\\-]+\.\w{1,6}[:(]\d+/;
const ZERO =
  /\b0 (?:errors?|failures?|failed|problems?)\b|\b(?:errors?|failures?|failed)[=:]\s*0\b|error_rate|\bno errors?\b|errors? ?(?:0|none)\b/i;
const CHATTER =
  /^\s*(?:\[?(?:INFO|DEBUG|TRACE|VERBOSE)\]?\b|Downloading|Downloaded|Progress|Receiving|Resolving deltas|Unpacking)/i;
export const EXIT_MARKER =
  /^##\[error\]Process completed with exit code \d+|^Process completed with exit code \d+|^Error: Process completed with exit code/;

export function lexicalScore(t: string): number {
  if (t.trim() === '' || EXIT_MARKER.test(t)) return -10;
  let s = 0;
  if (STRONG.test(t)) s += 3;
  else if (MEDIUM.test(t)) s += 1.5;
  if (EXC_HEAD.test(t)) s += 2;
  if (LOC.test(t)) s += 1;
  if (/^##\[error\]|^::error/.test(t)) s += 1.5;
  if (ZERO.test(t)) s -= 4;
  if (CHATTER.test(t)) s -= 2;
  if (/\bwarn(?:ing)?\b/i.test(t) && !STRONG.test(t.replace(/warn(?:ing)?/gi, ''))) s -= 1;
  return s;
}

export interface GenericLine {
  n: number;
  text: string;
  /** Hash of the masked line: lines with the same template are "the same line" with other numbers. */
  template: number;
  lexical: number;
  /** Distance in lines before the nearest failing-exit marker (or end of log), if within the tail window. */
  tailDistance?: number;
  /** True when a passing log was given and this masked line is not in it. */
  fresh?: boolean;
}

export interface GenericInput {
  lines: GenericLine[];
  /** How many times each template occurs among the error-ish lines of the whole log. */
  templateCount: (template: number) => number;
  diffMode: boolean;
  maxLines: number;
  tailWindow: number;
}

function score(l: GenericLine, input: GenericInput): number {
  if (input.diffMode && l.fresh === false) return -10;
  let s = l.lexical;
  if (s <= -10) return s;
  const count = Math.max(1, input.templateCount(l.template));
  // Rare lines keep their score, a template seen 64 times keeps a seventh of it.
  s = s > 0 ? s / (1 + Math.log2(count)) : s;
  if (l.tailDistance !== undefined) s += 1.5 * (1 - l.tailDistance / input.tailWindow);
  if (input.diffMode && l.fresh) s += 1;
  return s;
}

const CONTINUATION = /^\s+\S|^\s*\^+\s*$|^\s*\|/;

export function genericFailures(input: GenericInput): LogFailure[] {
  const byN = new Map<number, GenericLine>();
  for (const l of input.lines) if (!byN.has(l.n)) byN.set(l.n, l);
  const scored = [...byN.values()].map((l) => ({ l, s: score(l, input) }));
  const threshold = input.diffMode ? 1.8 : 2.2;
  const seeds = scored
    .filter((x) => x.s >= threshold)
    .sort((a, b) => b.s - a.s || b.l.n - a.l.n)
    .slice(0, 12);
  if (seeds.length === 0) return [];
  const picked = new Map<number, number>();
  const take = (n: number, s: number) => {
    if (picked.size >= input.maxLines && !picked.has(n)) return false;
    picked.set(n, Math.max(s, picked.get(n) ?? -Infinity));
    return true;
  };
  for (const { l, s } of seeds) {
    if (!take(l.n, s)) break;
    // Grow forward over the indented continuation of a multi-line error (tracebacks, notes, carets).
    const head = EXC_HEAD.test(l.text) || /:\s*$/.test(l.text);
    for (let k = 1; k <= 15; k++) {
      const next = byN.get(l.n + k);
      if (!next || (input.diffMode && next.fresh === false)) break;
      if (!(head || CONTINUATION.test(next.text) || /^\s*[\w.]+(?:Error|Exception)\b/.test(next.text))) break;
      if (next.text.trim() === '' || !take(next.n, s - 1)) break;
      if (/^\S/.test(next.text) && !/^\s*[\w.]+(?:Error|Exception)\b|^\S+:\d+/.test(next.text)) break;
    }
    // One line of lead-in when it is itself error-ish (a `file: In function` header, a command).
    const prev = byN.get(l.n - 1);
    if (prev && score(prev, input) >= threshold - 1 && !(input.diffMode && prev.fresh === false))
      take(prev.n, s - 1);
  }
  const ns = [...picked.keys()].sort((a, b) => a - b);
  // Clusters of nearby lines become one finding each.
  const clusters: number[][] = [];
  for (const n of ns) {
    const last = clusters[clusters.length - 1];
    if (last && n - last[last.length - 1] <= 3) last.push(n);
    else clusters.push([n]);
  }
  return clusters.map((c) => {
    const lines: LogLine[] = c.map((n) => ({ n, text: byN.get(n)?.text ?? '' }));
    const best = c.reduce((a, b) => ((picked.get(b) ?? 0) > (picked.get(a) ?? 0) ? b : a));
    const f: LogFailure = {
      item: (byN.get(best)?.text ?? '').trim().slice(0, 160),
      kind: classify(lines.map((x) => x.text)),
      lines,
    };
    for (const x of lines) {
      const m =
        /(?:^|[\s"'(])((?:[\w.-]+\/)*[\w.-]+\.(?:c|cc|cpp|h|hpp|rs|go|py|rb|java|kt|cs|[cm]?[jt]sx?|tf|ya?ml|json|sh|swift|php))(?::|", line |\()(\d+)/.exec(
          x.text,
        );
      if (m && !/site-packages|\/usr\/lib|node_modules/.test(m[1])) {
        f.file = m[1];
        f.line = Number(m[2]);
        break;
      }
    }
    return f;
  });
}
