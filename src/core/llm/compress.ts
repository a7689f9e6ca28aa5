import { countTokens, truncateToTokens } from './tokens.js';

/**
 * Prompt compression: prompts carry facts, not raw logs. A CI log is reduced to its failure blocks
 * (the tool's report of each failing test: message, diff, in-app stack frames), similar blocks are
 * clustered with one exemplar each (other members add only the lines that differ), repeated lines
 * become one line with a count, runtime and dependency stack frames are dropped, and the result is
 * fitted to a token budget. Redaction runs before this (the client redacts again before sending).
 */

// ---------------------------------------------------------------------------------------------
// Lines

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
/** The runner's timestamp prefix on every line of a downloaded job log. */
const RUNNER_TS = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;

/** Removes colour codes, runner timestamps, carriage-return overdraws and trailing blanks. */
export function normalizeLogLine(line: string): string {
  let l = line.replace(RUNNER_TS, '');
  const cr = l.lastIndexOf('\r', l.length - 2);
  if (cr >= 0) l = l.slice(cr + 1);
  return l.replace(ANSI, '').trimEnd();
}

/**
 * The shape of a line with its variable parts (numbers, ids, hashes, times, addresses) replaced,
 * so that `retry 3 of 10 after 250ms` and `retry 4 of 10 after 500ms` count as one template.
 */
export function templateOf(line: string): string {
  return line
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\b0x[0-9a-f]+\b/gi, '<hex>')
    .replace(/\b[0-9a-f]{12,}\b/gi, '<hex>')
    .replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?/g, '<time>')
    .replace(/\d+(?:\.\d+)?\s?(?:ms|s|µs|us|ns|m|h)\b/g, '<dur>')
    .replace(/\d+(?:\.\d+)?/g, '<n>');
}

export interface RepeatedLine {
  /** The first line of the run. */
  line: string;
  count: number;
  /** The run's lines share a template but are not identical. */
  similar?: boolean;
}

/**
 * Collapses neighbouring repeats: identical lines always, lines that only differ in numbers, ids
 * or times when at least `minSimilarRun` of them follow each other (progress spam, retry loops).
 * Shorter runs of similar lines stay, since `Expected: 3` / `Expected: 4` can be the whole story.
 */
export function collapseRepeats(lines: string[], minSimilarRun = 5): RepeatedLine[] {
  const out: RepeatedLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const t = templateOf(lines[i]);
    let j = i + 1;
    while (j < lines.length && templateOf(lines[j]) === t) j++;
    const run = lines.slice(i, j);
    if (run.every((l) => l === run[0])) {
      out.push({ line: run[0], count: run.length });
    } else if (run.length >= minSimilarRun) {
      out.push({ line: run[0], count: run.length, similar: true });
    } else {
      for (const l of run) {
        const last = out[out.length - 1];
        if (last && !last.similar && last.line === l) last.count++;
        else out.push({ line: l, count: 1 });
      }
    }
    i = j;
  }
  return out;
}

export function renderRepeats(items: RepeatedLine[]): string[] {
  return items.map((r) => (r.count > 1 ? `${r.line} [×${r.count}${r.similar ? ' similar' : ''}]` : r.line));
}

// ---------------------------------------------------------------------------------------------
// Stack traces

/** A JS frame: `at fn (path:1:2)`, `at path:1:2`, or node --test's `fn (file:///path:1:2)`. */
const JS_FRAME =
  /^\s*(?:at\s+)?(?:[^\s()]+(?: \[as [^\]]+\])?(?: [^\s()]+)*\s+\()?((?:file:\/\/)?[^\s()]+?):(\d+)(?::(\d+))?\)?\s*$/;
const JS_AT = /^\s*at\s/;
const PY_FRAME = /^\s*File "([^"]+)", line (\d+)/;
/** pytest's long traceback: `path/to/file.py:12: in func`. */
const PYTEST_FRAME = /^\s*(\S+\.py):(\d+): in \S/;
/** A JS frame whose location is not a file: `new Promise (<anonymous>)`, `async Promise.all (index 0)`. */
const JS_NO_FILE = /^\s*(?:at\s+)?(?:async\s+)?[\w.$<>[\] ]+ \((?:<anonymous>|native|index \d+)\)\s*$/;
const GO_FILE = /^\s+(\/\S+\.go):(\d+)(?: \+0x[0-9a-f]+)?$/;
const JAVA_RUNTIME =
  /^\s*at\s+(?:java\.|javax\.|jdk\.|sun\.|org\.junit\.|junit\.|org\.apache\.maven\.|org\.gradle\.|kotlin\.)/;

const RUNTIME_PATH =
  /node_modules[\\/]|^node:|[(\s]node:|^internal\/|\(internal\/|\(<anonymous>\)|site-packages[\\/]|dist-packages[\\/]|[\\/]lib[\\/]python\d[\d.]*[\\/]|<frozen |[\\/]go(?:-[\d.]+)?[\\/]src[\\/]|[\\/]go[\\/]pkg[\\/]mod[\\/]|^\s*testing\.|[\\/]\.pnpm[\\/]|[\\/]\.yarn[\\/]/;

export type FrameKind = 'app' | 'runtime';

/** Whether a line is a stack frame, and whose: the project's own (`app`) or runtime/dependency code. */
export function classifyFrame(line: string): FrameKind | undefined {
  if (JAVA_RUNTIME.test(line)) return 'runtime';
  if (JS_NO_FILE.test(line)) return 'runtime';
  const py = PY_FRAME.exec(line) ?? PYTEST_FRAME.exec(line);
  if (py) return RUNTIME_PATH.test(py[1]) ? 'runtime' : 'app';
  const go = GO_FILE.exec(line);
  if (go) return RUNTIME_PATH.test(go[1]) || go[1].startsWith('/usr/') ? 'runtime' : 'app';
  if (JS_AT.test(line)) {
    return RUNTIME_PATH.test(line) || /\((?:native|<anonymous>)\)\s*$/.test(line) ? 'runtime' : 'app';
  }
  const js = JS_FRAME.exec(line);
  if (js && /[\\/.]|^node:/.test(js[1]) && /^\s/.test(line))
    return RUNTIME_PATH.test(line) ? 'runtime' : 'app';
  return undefined;
}

/**
 * Keeps in-app frames and drops frames in node_modules/, node:internal, site-packages, the Go and
 * Java runtimes. A Python frame's source line and a Go frame's function line go with their frame.
 * Runs of dropped frames leave one `… N runtime frames` marker so the model knows the trace went on.
 */
export function trimStack(lines: string[]): string[] {
  const out: string[] = [];
  let dropped = 0;
  let droppedIndent = '    ';
  const flush = () => {
    if (dropped > 0) out.push(`${droppedIndent}… ${dropped} runtime frame${dropped === 1 ? '' : 's'}`);
    dropped = 0;
  };
  const drop = (line: string) => {
    if (dropped === 0) droppedIndent = indentOf(line);
    dropped++;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    // Go: a function line (`pkg.fn(...)`, `created by ...`) followed by its runtime file line.
    if (
      next !== undefined &&
      !/^\s/.test(line) &&
      line.trim() !== '' &&
      GO_FILE.test(next) &&
      classifyFrame(next) === 'runtime'
    ) {
      drop(next);
      i++;
      continue;
    }
    const kind = classifyFrame(line);
    if (kind === 'runtime') {
      // Python: the source lines (and pytest's ^^^ markers) printed under a frame belong to it.
      if (PY_FRAME.test(line) || PYTEST_FRAME.test(line)) {
        while (i + 1 < lines.length && indent(lines[i + 1]) > indent(line) && !classifyFrame(lines[i + 1]))
          i++;
      }
      drop(line);
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out;
}

function indent(line: string): number {
  return line.length - line.trimStart().length;
}

function indentOf(line: string): string {
  return line.slice(0, indent(line));
}

// ---------------------------------------------------------------------------------------------
// Records

/**
 * Compact `key:value|key:value` encoding for records (a failure, a test, a metric). Separators in
 * values are escaped, newlines become `\n`, empty and undefined values are left out.
 */
export function encodeRecord(record: Record<string, string | number | boolean | undefined | null>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(record)) {
    if (v === undefined || v === null || v === '') continue;
    const value = String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n');
    parts.push(`${k}:${value}`);
  }
  return parts.join('|');
}

export function encodeRecords(
  records: Record<string, string | number | boolean | undefined | null>[],
): string {
  return records.map(encodeRecord).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Failure blocks in a raw log

/**
 * Lines that open a failing test's report in common tools' console output. Without `until`, the
 * block runs on while lines are indented deeper than its first line; with `until`, to that line.
 */
const BLOCK_START: { re: RegExp; until?: RegExp }[] = [
  { re: /^\s*● (?!Console\b)/ }, // jest
  { re: /^\s*\d+\) \S/ }, // mocha failures list
  { re: /^\s*not ok \d+/ }, // TAP (node --test, tap)
  { re: /^\s*✖ (?!failing tests:)/ }, // node --test spec
  { re: /^\s*(?:×|✗) / }, // vitest, in the run list
  { re: /^\s*FAIL .*(?:>|›) /, until: /^\s*⎯{3,}|^\s*Test Files / }, // vitest "Failed Tests" section
  { re: /^\s*--- FAIL: / }, // go test
  { re: /^panic: /, until: /^(?:FAIL|ok)\s|^exit status / }, // go panic with goroutine trace
  { re: /^_{3,} .* _{3,}$/, until: /^_{3,} .* _{3,}$|^={3,}/ }, // pytest
  { re: /^\s*Traceback \(most recent call last\):/ }, // python
  { re: /^\[ERROR\] \S+ -- Time elapsed: .* <<< (?:FAILURE|ERROR)!/, until: /^\[(?:INFO|ERROR|WARNING)\]/ }, // surefire
  { re: /^\S[^>]*? > .+ FAILED$/ }, // gradle test: the exception (and stack) indented below
  // javac under gradle (whose 4.x plain console glues the task name on): source line, caret, details
  { re: /^(?::[\w:-]+?(?=\/|[A-Za-z]:\\))?\S+\.java:\d+: error: / },
  { re: /^\* What went wrong:/, until: /^\* (?:Try|Get more help|Exception is):|^BUILD FAILED/ }, // gradle
];

/** Summary lines worth keeping as facts: counts of tests, suites, failures. */
const SUMMARY =
  /^\s*(?:(?:\[\w+\] )?\d+ (?:errors?|warnings?|problems?)$|\d+ problems? \(|Tests?:|Test Suites:|Test Files|# (?:tests|pass|fail|skipped|todo|cancelled)\b|ℹ (?:tests|pass|fail|skipped|todo|cancelled)\b|\d+ (?:passing|failing|pending)\b|=+ .*\b(?:failed|passed|error)\b.* =+$|(?:FAIL|ok)\s+\S+\s+[\d.]+s$|Tests run: \d+, Failures: \d+|FAILED \S+::|ERROR \S+::)/;

/** Lines outside blocks that still explain a failure (a crash, a missing module, npm's verdict). */
const ERRORISH =
  /\bERR_[A-Z0-9_]+|\bE(?:NOENT|ACCES|PERM|ADDRINUSE|CONNREFUSED|TIMEDOUT|NOTFOUND)\b|Missing script|: In (?:function|member function|constructor) |No such file or directory|command not found|Permission denied|cannot |^[\w./@-]+\.\w+(?::\d+){1,2}: |^[\w./@-]+\.\w+\(\d+,\d+\): |\b(?:Error|ERROR|error|ERR!|Exception|FAILED|FAIL|failed|fatal|panic|Cannot find|not found|Unhandled|Segmentation fault|exit code [1-9]|exited with code [1-9])\b/;

/** Lines of a block's end: the next section of the tool's output begins. */
const SECTION_END =
  /^(?:=+ .* =+|={5,}|-{5,}|Test Suites:|Tests:|Ran all test suites|Summary of all failing tests|\s*\d+ (?:passing|failing|pending)\b)/;

export interface FailureBlock {
  /** First line of the block (test name marker). */
  title: string;
  /** The message, diff and in-app frames, normalised and trimmed. */
  lines: string[];
  /** 0-based line index in the log where the block starts. */
  start: number;
}

const MAX_BLOCK_LINES = 400;

function startOf(line: string): { until?: RegExp } | undefined {
  for (const s of BLOCK_START) if (s.re.test(line)) return s;
  return undefined;
}

/** Finds failure blocks in normalised log lines. */
export function findFailureBlocks(lines: string[]): { blocks: FailureBlock[]; inBlock: Uint8Array } {
  const blocks: FailureBlock[] = [];
  const inBlock = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const start = startOf(lines[i]);
    if (!start) continue;
    const base = indent(lines[i]);
    const body: string[] = [];
    let j = i + 1;
    const traceback = /Traceback \(most recent call last\)/.test(lines[i]);
    for (; j < lines.length && j - i < MAX_BLOCK_LINES; j++) {
      const l = lines[j];
      if (start.until) {
        if (start.until.test(l) || startOf(l)) break;
        body.push(l);
        continue;
      }
      if (l.trim() === '') {
        body.push(l);
        continue;
      }
      if (SECTION_END.test(l) || startOf(l)) break;
      if (indent(l) > base) {
        body.push(l);
        continue;
      }
      // mocha prints parts of an assertion message unindented inside an indented block: a shallow
      // line ends the block only when the next non-blank line is shallow too.
      const after = lines.slice(j + 1, j + 4).find((x) => x.trim() !== '');
      if (
        after !== undefined &&
        indent(after) > base &&
        !startOf(after) &&
        !SECTION_END.test(after) &&
        !traceback
      ) {
        body.push(l);
        continue;
      }
      // Python prints the exception itself unindented after the frames.
      if (traceback && /^\w[\w.]*(?:Error|Exception|Exit|Interrupt)\b/.test(l)) {
        body.push(l);
      }
      break;
    }
    while (body.length && body[body.length - 1].trim() === '') body.pop();
    for (let k = i; k < i + 1 + body.length; k++) inBlock[k] = 1;
    blocks.push({ title: lines[i].trim(), lines: cleanBlock(body), start: i });
    i += body.length;
  }
  return { blocks, inBlock };
}

/**
 * Code frames: the failing line is the fact (marked `>` by jest, or the numbered line right above
 * the caret line in vitest and gcc); the context lines around it and the caret line are decoration.
 */
const CODE_LINE = /^\s*\d+\s*\|/;
const CARET_LINE = /^\s*\|\s*\^[\s^~]*$|^\s*\|\s*$/;

function dropCodeContext(body: string[]): string[] {
  return body.filter((l, i) => {
    if (CARET_LINE.test(l)) return false;
    if (!CODE_LINE.test(l)) return true;
    const next = body[i + 1];
    return next !== undefined && CARET_LINE.test(next) && /\^/.test(next);
  });
}

/** Per-test timings inside a block change every run and explain nothing. */
const TIMING = /^\s*duration_ms: [\d.]+$/;

function cleanBlock(body: string[]): string[] {
  const kept = dropCodeContext(body).filter((l) => !TIMING.test(l));
  const trimmed = trimStack(kept);
  // Blank lines separate parts of a message; one is enough, none at the ends.
  const out: string[] = [];
  for (const l of trimmed) {
    if (l.trim() === '' && (out.length === 0 || out[out.length - 1].trim() === '')) continue;
    out.push(l);
  }
  while (out.length && out[out.length - 1].trim() === '') out.pop();
  return renderRepeats(collapseRepeats(out));
}

// ---------------------------------------------------------------------------------------------
// Clusters

export interface FailureCluster {
  /** The first block of the cluster, shown in full. */
  exemplar: FailureBlock;
  /** The other blocks: their titles and the lines that the exemplar does not already show. */
  members: { title: string; extra: string[] }[];
}

/**
 * Same failure, different test: the signature is the message with its variable parts templated,
 * plus the in-app frames without line numbers. A block identical to an earlier one (tools that
 * print failures twice, in place and in a summary) joins that cluster with no extra lines.
 */
export function clusterBlocks(blocks: FailureBlock[]): FailureCluster[] {
  const byKey = new Map<string, { cluster: FailureCluster; shown: Set<string> }>();
  const clusters: FailureCluster[] = [];
  for (const b of blocks) {
    const key = signature(b);
    const entry = byKey.get(key);
    if (!entry) {
      const fresh: FailureCluster = { exemplar: b, members: [] };
      byKey.set(key, { cluster: fresh, shown: new Set([b.title, ...b.lines.map((l) => l.trim())]) });
      clusters.push(fresh);
      continue;
    }
    const extra = b.lines.filter((l) => l.trim() !== '' && !entry.shown.has(l.trim()));
    for (const l of extra) entry.shown.add(l.trim());
    entry.cluster.members.push({ title: b.title, extra });
  }
  return clusters;
}

function signature(b: FailureBlock): string {
  // A block with no body has nothing in common with another but its shape of title.
  if (b.lines.every((l) => l.trim() === '')) return `title:${b.title}`;
  const message = b.lines
    .filter((l) => !classifyFrame(l) && l.trim() !== '')
    .slice(0, 6)
    .map((l) => templateOf(l.trim()));
  const frames = b.lines.filter((l) => classifyFrame(l) === 'app').map((l) => templateOf(l.trim()));
  return `${message.join('\n')}\n--\n${frames.join('\n')}`;
}

// ---------------------------------------------------------------------------------------------
// Whole log

export interface CompressOptions {
  /** Token budget for the compressed text (estimated with gpt-tokenizer). */
  budgetTokens: number;
  /** Members listed per cluster before the rest are only counted. */
  maxMembers?: number;
  /** Lines kept from outside failure blocks (errors, summaries). */
  maxOtherLines?: number;
  /** Longer logs are read from the end only (default 32 MiB). */
  maxInputChars?: number;
}

export interface CompressedLog {
  text: string;
  tokens: number;
  totalLines: number;
  blocks: number;
  clusters: number;
  /** True when the budget forced content out (the text says where). */
  truncated: boolean;
}

/**
 * Reduces a (redacted) CI log to a prompt section: a header record, failure clusters with one
 * exemplar each, then other error and summary lines with repeats counted, all within the budget.
 */
export function compressLog(raw: string, opts: CompressOptions): CompressedLog {
  // Failures and summaries sit at the end of a log; past the cap only the tail is read.
  const cap = opts.maxInputChars ?? 32 * 1024 * 1024;
  const skipped = raw.length > cap ? raw.length - cap : 0;
  const text = skipped ? raw.slice(skipped) : raw;
  const lines = text.split('\n').map(normalizeLogLine);
  const { blocks, inBlock } = findFailureBlocks(lines);
  const clusters = clusterBlocks(blocks);

  const other: string[] = [];
  const kept = new Set<number>();
  const keep = (k: number) => {
    if (kept.has(k) || inBlock[k]) return;
    kept.add(k);
    other.push(lines[k].trim());
  };
  for (let i = 0; i < lines.length; i++) {
    if (inBlock[i]) continue;
    const l = lines[i];
    if (l.trim() === '' || /^##\[(?:end)?group\]/.test(l)) continue;
    // A bare level tag (`[ERROR]`) or `FAIL` with nothing after it says nothing.
    if (l.replace(/^\s*\[\w+\]|\b(?:FAIL|ERROR|error)\b/g, '').replace(/\W/g, '').length < 3) continue;
    if (!SUMMARY.test(l) && !ERRORISH.test(l)) continue;
    const parent = headingOf(lines, i);
    if (parent !== undefined) keep(parent);
    keep(i);
    // A compiler diagnostic's source line (the numbered line above a caret) is part of it.
    const code = lines[i + 1];
    const caret = lines[i + 2];
    if (code !== undefined && caret !== undefined && CODE_LINE.test(code) && /^\s*\|\s*\^/.test(caret)) {
      keep(i + 1);
      inBlock[i + 1] = 1;
    }
  }
  const otherItems = dedupeExact(other).slice(0, opts.maxOtherLines ?? 60);

  const header = encodeRecord({
    log_lines: lines.length,
    skipped_head_chars: skipped || undefined,
    failure_blocks: blocks.length,
    clusters: clusters.length,
  });
  const sections: Section[] = [{ text: header, required: true }];
  // Blocks that are only a title (a test listed as failed, its details elsewhere) share one section.
  const bare = clusters.filter(
    (c) => c.exemplar.lines.length === 0 && c.members.every((m) => m.extra.length === 0),
  );
  clusters
    .filter((c) => !bare.includes(c))
    .forEach((c, idx) => sections.push({ text: renderCluster(c, idx + 1, opts.maxMembers ?? 12) }));
  if (bare.length) {
    sections.push({
      text: ['failed, no details at this place:', ...bare.map((c) => c.exemplar.title)].join('\n'),
    });
  }
  if (otherItems.length) {
    sections.push({ text: ['other errors and summary:', ...renderRepeats(otherItems)].join('\n') });
  }
  const fitted = fitSections(sections, opts.budgetTokens);
  const result = {
    text: fitted.text,
    tokens: fitted.tokens,
    totalLines: lines.length,
    blocks: blocks.length,
    clusters: clusters.length,
    truncated: fitted.truncated,
  };
  // A short log is its own best summary: when the cleaned log is no longer than the facts
  // extracted from it, send the log (never more tokens than the naive prompt).
  if (!skipped && text.length <= 64 * 1024) {
    const cleaned = lines
      .filter((l) => !/^##\[(?:end)?group\]/.test(l))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    const tokens = countTokens(cleaned);
    if (tokens <= result.tokens && tokens <= opts.budgetTokens)
      return { ...result, text: cleaned, tokens, truncated: false };
  }
  return result;
}

/** Identical lines anywhere in the rest of the log are shown once with their count. */
function dedupeExact(lines: string[]): RepeatedLine[] {
  const seen = new Map<string, RepeatedLine>();
  const out: RepeatedLine[] = [];
  for (const l of lines) {
    const r = seen.get(l);
    if (r) r.count++;
    else {
      const fresh = { line: l, count: 1 };
      seen.set(l, fresh);
      out.push(fresh);
    }
  }
  return out;
}

/**
 * The line that gives an error its context: the file an indented lint message belongs to
 * (eslint's stylish output), or the `# package` line go prints above its compiler errors.
 */
function headingOf(lines: string[], i: number): number | undefined {
  const depth = indent(lines[i]);
  for (let k = i - 1; k >= 0 && k >= i - 200; k--) {
    const l = lines[k];
    if (l.trim() === '') continue;
    if (depth > 0) {
      if (indent(l) < depth) return /^##\[/.test(l) ? undefined : k;
      continue;
    }
    return /^# \S+/.test(l) ? k : undefined;
  }
  return undefined;
}

export function renderCluster(c: FailureCluster, n: number, maxMembers: number): string {
  // Tools that print each failure twice (in place and in a final list) add nothing the second time.
  const members = c.members.filter((m) => m.title !== c.exemplar.title || m.extra.length > 0);
  const head = encodeRecord({ cluster: n, failures: 1 + members.length });
  const out = [head, c.exemplar.title, ...c.exemplar.lines];
  const listed = members.slice(0, maxMembers);
  for (const m of listed) {
    out.push(m.extra.length ? `also ${m.title}:` : `also ${m.title}`);
    out.push(...m.extra);
  }
  const rest = members.length - listed.length;
  if (rest > 0) out.push(`… and ${rest} more like this`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Budget

export interface Section {
  text: string;
  /** Kept even when it alone exceeds the budget (cut to fit). */
  required?: boolean;
}

/**
 * Fits sections, in priority order, into a token budget: whole sections while they fit, the first
 * one that does not is cut at a line, the rest are dropped with a count so the model knows.
 */
export function fitSections(
  sections: Section[],
  budgetTokens: number,
): { text: string; tokens: number; truncated: boolean } {
  const out: string[] = [];
  let used = 0;
  let truncated = false;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    const cost = countTokens(s.text) + 1;
    if (used + cost <= budgetTokens) {
      out.push(s.text);
      used += cost;
      continue;
    }
    truncated = true;
    const remaining = sections.length - i - 1;
    const note = `[budget reached: ${remaining + 1} section${remaining ? 's' : ''} cut or omitted]`;
    const room = budgetTokens - used - countTokens(note) - 2;
    if (room > 16) {
      const cut = truncateToTokens(s.text, room);
      if (cut) {
        out.push(cut);
        used += countTokens(cut) + 1;
      }
    }
    if (used + countTokens(note) <= budgetTokens) out.push(note);
    break;
  }
  const text = out.join('\n');
  return { text, tokens: countTokens(text), truncated };
}

// ---------------------------------------------------------------------------------------------
// Structured failures (from parsed reports)

export interface FailureFact {
  test: string;
  file?: string;
  line?: number;
  message: string;
  stack?: string;
}

/**
 * The same clustering for failures already parsed from a report (JUnit, JSON): one exemplar per
 * cluster with its message and in-app frames, members with their differing lines, within budget.
 */
export function compressFailures(failures: FailureFact[], opts: CompressOptions): CompressedLog {
  const blocks: FailureBlock[] = failures.map((f, i) => {
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : undefined;
    const body = [...f.message.split('\n'), ...(f.stack ? f.stack.split('\n') : [])].map(normalizeLogLine);
    // Stacks usually repeat the message first; keep it once.
    const deduped = body.filter(
      (l, k) => l.trim() === '' || body.findIndex((x) => x.trim() === l.trim()) === k,
    );
    return { title: encodeRecord({ test: f.test, at: where }), lines: cleanBlock(deduped), start: i };
  });
  const clusters = clusterBlocks(blocks);
  const sections: Section[] = [
    { text: encodeRecord({ failures: failures.length, clusters: clusters.length }), required: true },
    ...clusters.map((c, i) => ({ text: renderCluster(c, i + 1, opts.maxMembers ?? 12) })),
  ];
  const fitted = fitSections(sections, opts.budgetTokens);
  return {
    text: fitted.text,
    tokens: fitted.tokens,
    totalLines: blocks.reduce((n, b) => n + b.lines.length, 0),
    blocks: blocks.length,
    clusters: clusters.length,
    truncated: fitted.truncated,
  };
}
