export const id = 507;
export const ids = [507];
export const modules = {

/***/ 35507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LogScanner: () => (/* reexport */ LogScanner),
  PassingIndex: () => (/* reexport */ PassingIndex),
  cleanRaw: () => (/* reexport */ cleanRaw),
  extractLogFailures: () => (/* binding */ extractLogFailures),
  extractLogFailuresFromStream: () => (/* binding */ extractLogFailuresFromStream),
  extractLogFailuresFromText: () => (/* binding */ extractLogFailuresFromText),
  indexPassingLog: () => (/* binding */ indexPassingLog),
  maskLine: () => (/* reexport */ maskLine),
  stripAnsi: () => (/* reexport */ stripAnsi),
  stripRunnerTimestamp: () => (/* reexport */ stripRunnerTimestamp)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/parsers/logs/clean.ts
/** Turning raw log bytes into the text quoted in reports: no ANSI codes, no runner timestamps. */
// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks, titles).
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// The prefix the GitHub runner writes before every line of a job log.
const RUNNER_TS = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
function stripAnsi(s) {
    return s.indexOf('\x1b') === -1 ? s : s.replace(ANSI, '');
}
function stripRunnerTimestamp(s) {
    return s.replace(RUNNER_TS, '');
}
/**
 * A raw line as read (bytes held one per char, latin1) to display text: UTF-8 decoded, runner
 * timestamp and ANSI removed, trailing whitespace and stray control characters dropped.
 */
function cleanRaw(raw) {
    let s = raw;
    // Only re-decode when a byte above 0x7f is present; pure ASCII is already right.
    if (/[\x80-\xff]/.test(s))
        s = Buffer.from(s, 'latin1').toString('utf8');
    s = stripAnsi(stripRunnerTimestamp(s));
    return s.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').trimEnd();
}
/**
 * A line with everything that differs between two runs of the same job masked: timestamps,
 * durations, hex ids, numbers, temp paths. Two lines with the same mask are "the same line".
 */
function maskLine(clean) {
    return clean
        .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
        .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi, '<hex>')
        .replace(/\d+(?:[.:,]\d+)*\s*(?:ms|s|sec|seconds|m|min|µs|ns)?\b/g, '0')
        .replace(/\s+/g, ' ')
        .trim();
}

;// CONCATENATED MODULE: ./src/parsers/logs/classify.ts
/** The kind of a failure from the words of its explaining lines; the first rule that matches wins. */
const RULES = [
    [
        /toMatch(?:Inline)?Snapshot|Snapshot name:|snapshots? (?:failed|obsolete|mismatch)|New snapshot was not written/i,
        'snapshot',
    ],
    [
        /Exceeded timeout|Timeout of \d+ms exceeded|timed out|deadline exceeded|test timed out|TimeoutError/i,
        'timeout',
    ],
    [
        /ModuleNotFoundError|ImportError|Cannot find module|Module not found|No module named|ERR_MODULE_NOT_FOUND|TS2307|unresolved import|cannot find package/i,
        'import',
    ],
    [
        /\b(?:ENOTFOUND|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN)\b|[Rr]ate limit|No space left on device|[Oo]ut of memory|OOMKilled|\bKilled\b|runner has received a shutdown|lost communication with the server|Service Unavailable|502 Bad Gateway/,
        'infra',
    ],
    [
        /ENOTCACHED|ERESOLVE|ETARGET|E404|EINTEGRITY|ELOCKVERIFY|npm ci can only install|lockfile|Could not resolve dependencies|No matching distribution|could not find a version|dependency resolution/i,
        'dependency',
    ],
    [/\berror TS\d+|\bTS\d{4}\b|is not assignable to type|Type '.*' is not/i, 'type'],
    [
        /COMPILATION ERROR|compilation failed|build failed|cannot find symbol|undeclared|undefined: |syntax error|SyntaxError|expected ';'|Compilation failure|^\S+:\d+:(?:\d+:)? (?:fatal )?error: /im,
        'compile',
    ],
    [
        /AssertionError|AssertionFailedError|assert(?:ion)?\b|expect\(|Expected:|Received:|expected .* to |!==|want \S|ComparisonFailure|to (?:be|equal)\b/i,
        'assertion',
    ],
    [/\w*(?:Error|Exception)\b|panic:|Traceback|segmentation fault|SIGSEGV|thrown:/, 'exception'],
];
function classify(texts, fallback = 'unknown') {
    const joined = texts.slice(0, 20).join('\n');
    for (const [re, kind] of RULES)
        if (re.test(joined))
            return kind;
    return fallback;
}
/** A stack frame's location that belongs to the project, not to node internals or dependencies. */
function inAppFrame(text) {
    const m = /\(?((?:file:\/\/)?[^\s()'"]+?\.(?:[cm]?[jt]sx?|py|go|java|kt|rb|rs|cs|php|c|cc|cpp|h)):(\d+)(?::\d+)?\)?/.exec(text);
    if (!m)
        return undefined;
    const file = m[1].replace(/^file:\/\//, '');
    if (/node_modules|^node:|\/usr\/lib\/go|\/src\/runtime\/|\/src\/testing\/|site-packages|\/lib\/python\d/.test(file)) {
        return undefined;
    }
    return { file, line: Number(m[2]) };
}

;// CONCATENATED MODULE: ./src/parsers/logs/generic.ts

/**
 * The extractor for logs of tools nobody wrote a parser for. It does not grep keywords: it scores
 * lines by (a) words and shapes of error lines, (b) rarity of the line's template among the
 * error-ish lines of the same log (a template that repeats hundreds of times is progress noise,
 * Drain-style), (c) closeness to the failing exit (`##[error]`, `Process completed with exit
 * code N`, end of log), and (d) with a passing log of the same job, whether the masked line is
 * new in the failing run. The best lines are grown into small context windows.
 */
const STRONG = /\b(?:errors?|fatal|panic|exception|traceback|failed|failure|segmentation fault|cannot|can't|could not|couldn't|unable to|no such file|not found|permission denied|refused|undeclared|undefined|denied|killed|timed out|aborted|unresolved)\b/i;
const MEDIUM = /\b(?:fail|invalid|missing|unexpected|wrong|bad|not allowed|forbidden|unauthorized|expected|exit (?:code|status) [1-9]\d*)\b/i;
const EXC_HEAD = /^\s*(?:[\w.$]+(?:Error|Exception|Exit|Interrupt)\b[:\s]|Traceback \(most recent call last\)|Caused by:|panic:|thread '.*' panicked)/;
const LOC = /(?:^|\s)[\w./\\-]+\.\w{1,6}[:(]\d+/;
const ZERO = /\b0 (?:errors?|failures?|failed|problems?)\b|\b(?:errors?|failures?|failed)[=:]\s*0\b|error_rate|\bno errors?\b|errors? ?(?:0|none)\b/i;
const CHATTER = /^\s*(?:\[?(?:INFO|DEBUG|TRACE|VERBOSE)\]?\b|Downloading|Downloaded|Progress|Receiving|Resolving deltas|Unpacking)/i;
const EXIT_MARKER = /^##\[error\]Process completed with exit code \d+|^Process completed with exit code \d+|^Error: Process completed with exit code/;
function lexicalScore(t) {
    if (t.trim() === '' || EXIT_MARKER.test(t))
        return -10;
    let s = 0;
    if (STRONG.test(t))
        s += 3;
    else if (MEDIUM.test(t))
        s += 1.5;
    if (EXC_HEAD.test(t))
        s += 2;
    if (LOC.test(t))
        s += 1;
    if (/^##\[error\]|^::error/.test(t))
        s += 1.5;
    if (ZERO.test(t))
        s -= 4;
    if (CHATTER.test(t))
        s -= 2;
    if (/\bwarn(?:ing)?\b/i.test(t) && !STRONG.test(t.replace(/warn(?:ing)?/gi, '')))
        s -= 1;
    return s;
}
function score(l, input) {
    if (input.diffMode && l.fresh === false)
        return -10;
    let s = l.lexical;
    if (s <= -10)
        return s;
    const count = Math.max(1, input.templateCount(l.template));
    // Rare lines keep their score, a template seen 64 times keeps a seventh of it.
    s = s > 0 ? s / (1 + Math.log2(count)) : s;
    if (l.tailDistance !== undefined)
        s += 1.5 * (1 - l.tailDistance / input.tailWindow);
    if (input.diffMode && l.fresh)
        s += 1;
    return s;
}
const CONTINUATION = /^\s+\S|^\s*\^+\s*$|^\s*\|/;
function genericFailures(input) {
    const byN = new Map();
    for (const l of input.lines)
        if (!byN.has(l.n))
            byN.set(l.n, l);
    const scored = [...byN.values()].map((l) => ({ l, s: score(l, input) }));
    const threshold = input.diffMode ? 1.8 : 2.2;
    const seeds = scored
        .filter((x) => x.s >= threshold)
        .sort((a, b) => b.s - a.s || b.l.n - a.l.n)
        .slice(0, 12);
    if (seeds.length === 0)
        return [];
    const picked = new Map();
    const take = (n, s) => {
        if (picked.size >= input.maxLines && !picked.has(n))
            return false;
        picked.set(n, Math.max(s, picked.get(n) ?? -Infinity));
        return true;
    };
    for (const { l, s } of seeds) {
        if (!take(l.n, s))
            break;
        // Grow forward over the indented continuation of a multi-line error (tracebacks, notes, carets).
        const head = EXC_HEAD.test(l.text) || /:\s*$/.test(l.text);
        for (let k = 1; k <= 15; k++) {
            const next = byN.get(l.n + k);
            if (!next || (input.diffMode && next.fresh === false))
                break;
            if (!(head || CONTINUATION.test(next.text) || /^\s*[\w.]+(?:Error|Exception)\b/.test(next.text)))
                break;
            if (next.text.trim() === '' || !take(next.n, s - 1))
                break;
            if (/^\S/.test(next.text) && !/^\s*[\w.]+(?:Error|Exception)\b|^\S+:\d+/.test(next.text))
                break;
        }
        // One line of lead-in when it is itself error-ish (a `file: In function` header, a command).
        const prev = byN.get(l.n - 1);
        if (prev && score(prev, input) >= threshold - 1 && !(input.diffMode && prev.fresh === false))
            take(prev.n, s - 1);
    }
    const ns = [...picked.keys()].sort((a, b) => a - b);
    // Clusters of nearby lines become one finding each.
    const clusters = [];
    for (const n of ns) {
        const last = clusters[clusters.length - 1];
        if (last && n - last[last.length - 1] <= 3)
            last.push(n);
        else
            clusters.push([n]);
    }
    return clusters.map((c) => {
        const lines = c.map((n) => ({ n, text: byN.get(n)?.text ?? '' }));
        const best = c.reduce((a, b) => ((picked.get(b) ?? 0) > (picked.get(a) ?? 0) ? b : a));
        const f = {
            item: (byN.get(best)?.text ?? '').trim().slice(0, 160),
            kind: classify(lines.map((x) => x.text)),
            lines,
        };
        for (const x of lines) {
            const m = /(?:^|[\s"'(])((?:[\w.-]+\/)*[\w.-]+\.(?:c|cc|cpp|h|hpp|rs|go|py|rb|java|kt|cs|[cm]?[jt]sx?|tf|ya?ml|json|sh|swift|php))(?::|", line |\()(\d+)/.exec(x.text);
            if (m && !/site-packages|\/usr\/lib|node_modules/.test(m[1])) {
                f.file = m[1];
                f.line = Number(m[2]);
                break;
            }
        }
        return f;
    });
}

;// CONCATENATED MODULE: ./src/parsers/logs/passing.ts

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv(s) {
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
class PassingIndex {
    static MAX = 1_000_000;
    table = new Uint32Array(1 << 12);
    count = 0;
    full = false;
    get size() {
        return this.count;
    }
    add(clean) {
        if (this.count >= PassingIndex.MAX) {
            this.full = true;
            return;
        }
        if (this.insert(key(clean)))
            this.count++;
        if (this.count * 2 > this.table.length)
            this.grow();
    }
    has(clean) {
        const k = key(clean);
        const mask = this.table.length - 1;
        for (let i = k & mask;; i = (i + 1) & mask) {
            const v = this.table[i];
            if (v === 0)
                return false;
            if (v === k)
                return true;
        }
    }
    insert(k) {
        const mask = this.table.length - 1;
        for (let i = k & mask;; i = (i + 1) & mask) {
            const v = this.table[i];
            if (v === k)
                return false;
            if (v === 0) {
                this.table[i] = k;
                return true;
            }
        }
    }
    grow() {
        const old = this.table;
        this.table = new Uint32Array(old.length * 2);
        for (const v of old)
            if (v !== 0)
                this.insert(v);
    }
}
// 0 marks an empty slot, so a hash of 0 is stored as 1 (one more collision in four billion).
function key(clean) {
    return fnv(maskLine(clean)) || 1;
}

;// CONCATENATED MODULE: ./src/parsers/logs/candidates.ts



const MAX_CANDIDATES = 5000;
const MAX_TEMPLATES = 50_000;
/**
 * The error-ish lines the generic extractor chooses from, and how often each line's template
 * (masked form, hashed) occurs among them. Both are bounded: when full, the weaker half of the
 * candidates (lowest lexical score, oldest first) and the rarest templates are evicted at once,
 * so a flood of error lines costs O(log n) per line, never a re-scan per line.
 */
class CandidatePool {
    passing;
    byN = new Map();
    templates = new Map();
    floor = -Infinity;
    constructor(passing) {
        this.passing = passing;
    }
    /** A line the pre-filter hit, or (with `tailDistance`) one of the lines before a failing exit. */
    offer(view, tailDistance) {
        const old = this.byN.get(view.n);
        if (old) {
            if (tailDistance !== undefined && (old.tailDistance === undefined || tailDistance < old.tailDistance)) {
                old.tailDistance = tailDistance;
            }
            return;
        }
        const lexical = lexicalScore(view.text);
        if (tailDistance === undefined && lexical <= 0)
            return;
        const template = fnv(maskLine(view.text));
        this.count(template);
        if (tailDistance === undefined && lexical < this.floor)
            return;
        if (this.byN.size >= MAX_CANDIDATES && !this.evict())
            return;
        if (tailDistance === undefined && lexical < this.floor)
            return;
        const g = { n: view.n, text: view.text, template, lexical };
        if (tailDistance !== undefined)
            g.tailDistance = tailDistance;
        if (this.passing)
            g.fresh = !this.passing.has(view.text);
        this.byN.set(view.n, g);
    }
    lines() {
        return [...this.byN.values()];
    }
    templateCount(template) {
        return this.templates.get(template) ?? 1;
    }
    count(template) {
        const c = this.templates.get(template);
        if (c !== undefined) {
            this.templates.set(template, c + 1);
            return;
        }
        if (this.templates.size >= MAX_TEMPLATES) {
            const counts = [...this.templates.values()].sort((a, b) => a - b);
            const cut = counts[counts.length >> 1];
            for (const [k, v] of this.templates)
                if (v < cut || (cut === counts[0] && v === cut))
                    this.templates.delete(k);
        }
        this.templates.set(template, 1);
    }
    /** Drops the weaker half of the lines outside any tail window; false when nothing could go. */
    evict() {
        const evictable = [...this.byN.values()]
            .filter((c) => c.tailDistance === undefined)
            .sort((a, b) => a.lexical - b.lexical || a.n - b.n);
        const drop = evictable.slice(0, Math.max(1, evictable.length >> 1));
        if (evictable.length === 0)
            return false;
        for (const c of drop)
            this.byN.delete(c.n);
        this.floor = drop[drop.length - 1].lexical;
        return this.byN.size < MAX_CANDIDATES;
    }
}

;// CONCATENATED MODULE: ./src/parsers/logs/prefilter.ts
/**
 * The cheap pre-filter, run by two regexes over a whole chunk: only lines it hits (and lines inside
 * an open failure block, and the tail before a failing exit) are looked at one by one. It must hit
 * every line a tool starter or the generic scorer could use; zero counts (`errors=0`,
 * `Failures: 0`, `0 failed`, `error_rate`) are not hits, because the scorer rates such lines as
 * noise anyway and progress logs print them on every line. Chunks are latin1 strings (one char
 * per byte), so the non-ASCII markers are written as their UTF-8 bytes.
 */
const ERROR = String.raw `error(?!s? ?(?:0|none)\b|_rate)(?!(?<!\werror)s?[=:][ \t]*0\b)(?!(?<=\b(?:0|no) error)s?\b)`;
const FAIL = String.raw `fail(?!(?<!\wfail)(?:ures?|ed)[=:][ \t]*0\b)(?!(?<=\b0 fail)(?:ures?|ed)\b)`;
// Grouped by first letter so that the regex engine rejects most positions on one character;
// context is checked after the literal (a leading look-behind would be tried at every position).
const WORDS = String.raw `e(?:xception|xit (?:code|status))|fatal|panic|t(?:raceback|imed? ?out)|n(?:ot (?:ok|found)|o such|pm err!)|denied|c(?:an(?:not|'t)|ould(?: not|n't))|un(?:able|de(?:clared|fined)|resolved)|refused|killed|abort|invalid|segmentation|what went wrong`;
// Case-sensitive, as the tools print them: case folding doubles this pass's time.
const MARKS = String.raw `\) (?<=\d\) )|____+ |ERR_(?<=\bERR_)|yarn (?:run|install) v|[eE]: (?<=(?:^|\dZ )[eE]: )|\[(?:ERROR|error|Error)\]|##\[error|::error`;
// ● ✖ ✕ → ❯ and ×
const SYMBOLS = String.raw `\xe2(?:\x97\x8f|\x9c[\x96\x95]|\x86\x92|\x9d\xaf)|\xc3\x97`;
// Two passes cost less than one: V8's regex engine skips ahead well over a small alternation,
// and not at all over one whose alternatives start with two dozen different characters
// (measured on the 100 MB bench log: one regex ~2x the time of these two).
const PASSES = [
    new RegExp([ERROR, FAIL, WORDS].join('|'), 'gi'),
    new RegExp([MARKS, SYMBOLS].join('|'), 'gm'),
];
/** The next pre-filter hit in one text, merging the passes; each pass is re-run only once passed. */
class Prefilter {
    text = '';
    next = PASSES.map(() => -1);
    /** Starts on a new text (a hit cached for the previous one says nothing about it). */
    reset(text) {
        this.text = text;
        this.next.fill(-1);
    }
    /** Index of the first hit at or after `from` in the current text, or -1. */
    find(from) {
        const text = this.text;
        let best = -1;
        for (let i = 0; i < PASSES.length; i++) {
            let at = this.next[i];
            if (at !== Infinity && at < from) {
                const re = PASSES[i];
                re.lastIndex = from;
                const h = re.exec(text);
                at = this.next[i] = h ? h.index : Infinity;
            }
            if (at !== Infinity && (best === -1 || at < best))
                best = at;
        }
        return best;
    }
}

;// CONCATENATED MODULE: ./src/parsers/logs/splitter.ts
/** Lines longer than this are cut: a 50 MB line without newline must not become a 50 MB string. */
const MAX_LINE_CHARS = 16 * 1024;
const STRING_PIECE = 64 * 1024;
/**
 * Splits a byte stream into lines (LF, CRLF, lone CR) with bounded memory. Each chunk becomes
 * one latin1 string (one char per byte) whose complete lines are handed on in place, without
 * copying; only the line that straddles two chunks is carried over (cut at MAX_LINE_CHARS).
 */
class LineSplitter {
    carry = '';
    carrying = false;
    carryCut = false;
    pendingCR = false;
    longLines = 0;
    bytes = 0;
    push(chunk, sink) {
        // Decoded in pieces small enough to live and die in V8's young generation: strings over
        // ~128 KiB go to large-object space and stay until a full GC, which is what made RSS grow.
        for (let i = 0; i < chunk.length; i += STRING_PIECE) {
            this.pushPiece(chunk.subarray(i, Math.min(chunk.length, i + STRING_PIECE)), sink);
        }
    }
    pushPiece(chunk, sink) {
        this.bytes += chunk.length;
        let s = chunk.toString('latin1');
        if (this.pendingCR) {
            s = '\r' + s;
            this.pendingCR = false;
        }
        if (s.charCodeAt(s.length - 1) === 13) {
            this.pendingCR = true;
            s = s.slice(0, -1);
        }
        if (s.indexOf('\r') !== -1)
            s = s.replace(/\r\n?/g, '\n');
        const first = s.indexOf('\n');
        if (first === -1) {
            this.appendCarry(s);
            return;
        }
        let body = 0;
        if (this.carrying) {
            this.appendCarry(s.slice(0, first));
            const line = this.carry + '\n';
            this.resetCarry();
            sink(line, 0, line.length);
            body = first + 1;
        }
        const last = s.lastIndexOf('\n');
        if (last >= body)
            sink(s, body, last + 1);
        if (last + 1 < s.length)
            this.appendCarry(s.slice(last + 1));
    }
    /** The last line when the stream does not end with a line break. */
    end(sink) {
        if (this.carrying || this.pendingCR) {
            const line = this.carry + '\n';
            this.resetCarry();
            this.pendingCR = false;
            sink(line, 0, line.length);
        }
    }
    resetCarry() {
        this.carry = '';
        this.carrying = false;
        this.carryCut = false;
    }
    appendCarry(s) {
        this.carrying = true;
        if (this.carryCut)
            return;
        if (this.carry.length + s.length > MAX_LINE_CHARS) {
            // Copied flat so that the carried text holds no reference to the chunks it came from.
            this.carry = Buffer.from(this.carry + s.slice(0, MAX_LINE_CHARS - this.carry.length), 'latin1').toString('latin1');
            this.carryCut = true;
            this.longLines++;
            return;
        }
        this.carry += s;
    }
}
/**
 * `text.slice(start, end)` as a string of its own. A plain slice of a chunk is a view that keeps
 * the whole chunk alive; lines kept in findings or candidates must not pin their chunks.
 */
function ownLine(text, start, end) {
    return Buffer.from(text.slice(start, end), 'latin1').toString('latin1');
}

;// CONCATENATED MODULE: ./src/parsers/logs/block.ts

const notBlank = (l) => l.text.trim() !== '';
class Block {
    spec;
    lines = [];
    /** Every line read, kept or not (for classification and bookkeeping). */
    count = 0;
    constructor(spec, first) {
        this.spec = spec;
        for (const l of spec.before ?? [])
            this.add(l);
        this.add(first);
    }
    add(l) {
        this.count++;
        if ((this.spec.keep ?? notBlank)(l) && this.lines.length < (this.spec.maxLines ?? 400)) {
            this.lines.push({ n: l.n, text: l.text });
        }
    }
    feed(line) {
        if (this.count >= 2000 || !this.spec.belongs(line, this))
            return false;
        this.add(line);
        return true;
    }
    finish() {
        const texts = this.lines.map((l) => l.text);
        let file = this.spec.file;
        let line = this.spec.line;
        if (file === undefined) {
            for (const t of texts) {
                const loc = inAppFrame(t);
                if (loc) {
                    file = loc.file;
                    line = loc.line;
                    break;
                }
            }
        }
        const f = {
            tool: this.spec.tool,
            item: this.spec.item,
            kind: this.spec.kind ?? classify(texts),
            lines: this.lines,
        };
        if (file !== undefined)
            f.file = file;
        if (line !== undefined)
            f.line = line;
        return this.spec.done ? this.spec.done(f, this) : f;
    }
}

;// CONCATENATED MODULE: ./src/parsers/logs/tools-js.ts


// Code frames that jest, vitest and tsc print around the failing source line: the location is
// already in the finding, and the frame is not what the tool reports as the failure.
const CODE_FRAME = /^\s*(?:>\s*)?\d+\s*\|(?:\s|$)|^\s*\|\s*[\^~]+\s*$|^\s*\|\s*$/;
const keepNoFrame = (l) => l.text.trim() !== '' && !CODE_FRAME.test(l.text);
/** jest: `● Suite › test` blocks up to the next one or the summary. */
function jest() {
    return {
        tool: 'jest',
        start(l) {
            const m = /^\s*● (.+)$/.exec(l.text);
            if (!m)
                return null;
            const item = m[1].trim();
            return new Block({
                tool: 'jest',
                item,
                keep: keepNoFrame,
                belongs: (x) => !/^\s*● |^(?:PASS|FAIL) |^(?:Test Suites|Tests|Snapshots|Time):|^ › \d+ snapshots? |^Snapshot Summary|^Summary of all failing tests|^> |^npm (?:ERR!|error)/.test(x.text),
            }, l);
        },
    };
}
/** vitest: `FAIL  file > suite > test` blocks closed by the `⎯⎯⎯` rule, and the `×` lines of the run list. */
function vitest() {
    return {
        tool: 'vitest',
        start(l) {
            let m = /^\s*FAIL\s+(\S+\.[cm]?[jt]sx?)\s+>\s+(.+?)\s*$/.exec(l.text);
            if (m) {
                return new Block({
                    tool: 'vitest',
                    item: m[2],
                    file: m[1],
                    keep: (x) => keepNoFrame(x) && !/^\s*⎯+/.test(x.text),
                    belongs: (x) => !/^\s*⎯{3,}|^\s*FAIL\s|^\s*Test Files\s/.test(x.text),
                    done: (f) => {
                        for (const t of f.lines) {
                            const loc = /❯\s+(?:\S+\s+)?(\S+?):(\d+):\d+/.exec(t.text);
                            if (loc && loc[1] === f.file) {
                                f.line = Number(loc[2]);
                                break;
                            }
                        }
                        return f;
                    },
                }, l);
            }
            m = /^\s*[×✕]\s+(.+?)(?:\s+\d+ms)?\s*$/.exec(l.text);
            if (m) {
                return new Block({ tool: 'vitest', item: m[1], belongs: (x) => /^\s*→ /.test(x.text), maxLines: 6 }, l);
            }
            return null;
        },
    };
}
/** mocha (spec reporter): after `N failing`, `  1) Suite\n       test:` blocks. */
function mocha() {
    let armed = false;
    return {
        tool: 'mocha',
        start(l) {
            if (/^\s+\d+ failing\s*$/.test(l.text)) {
                armed = true;
                return null;
            }
            const m = armed && /^ {2}(\d+)\) (.+)$/.exec(l.text);
            if (!m)
                return null;
            const title = [m[2].trim()];
            let titleDone = m[2].trim().endsWith(':');
            return new Block({
                tool: 'mocha',
                item: '',
                belongs: (x, b) => {
                    if (/^ {2}\d+\) |^npm (?:ERR!|error)|^##\[/.test(x.text))
                        return false;
                    if (!titleDone && x.text.trim() !== '') {
                        title.push(x.text.trim());
                        titleDone = x.text.trim().endsWith(':');
                    }
                    return b.count < 200;
                },
                done: (f) => {
                    f.item = title.join(' ').replace(/:$/, '');
                    return f;
                },
            }, l);
        },
    };
}
/** node --test, TAP reporter: `not ok N - name` and its YAML diagnostic up to `...`. */
function nodeTap() {
    return {
        tool: 'node-test',
        start(l) {
            const m = /^(\s*)not ok \d+ - (.+?)(?:\s+#.*)?$/.exec(l.text);
            if (!m)
                return null;
            const indent = m[1].length;
            let closed = false;
            let location;
            let parent = false;
            // The error's class (`name: 'RangeError'`): the quoted lines drop the YAML keys, so the
            // kind would otherwise be guessed from the message alone.
            let errorClass;
            return new Block({
                tool: 'node-test',
                item: m[2],
                keep: (x) => x.text.trim() !== '' &&
                    !/^\s*(?:---|\.\.\.|duration_ms:|type:|failureType:|code:|name:|operator:|location:)/.test(x.text),
                belongs: (x) => {
                    if (closed)
                        return false;
                    const lead = /^\s*/.exec(x.text)?.[0].length ?? 0;
                    if (lead <= indent && x.text.trim() !== '')
                        return false;
                    const loc = /location: '(.+):(\d+):\d+'/.exec(x.text);
                    if (loc)
                        location = { file: loc[1], line: Number(loc[2]) };
                    if (/failureType: 'subtestsFailed'/.test(x.text))
                        parent = true;
                    errorClass ??= /^\s*name: '?([\w$.]+(?:Error|Exception))'?\s*$/.exec(x.text)?.[1];
                    if (x.text.trim() === '...' && lead === indent + 2)
                        closed = true;
                    return true;
                },
                done: (f) => {
                    if (parent)
                        return null;
                    if (f.kind === 'unknown' && errorClass)
                        f.kind = classify([errorClass], 'exception');
                    if (location) {
                        f.file = location.file;
                        f.line = location.line;
                    }
                    return f;
                },
            }, l);
        },
    };
}
/** node --test, spec reporter: `✖ name (1.2ms)` with its error below; suites without a body are dropped. */
function nodeSpec() {
    return {
        tool: 'node-test',
        start(l, back) {
            const m = /^(\s*)✖ (.+?) \([\d.]+m?s\)\s*$/.exec(l.text);
            if (!m)
                return null;
            const indent = m[1].length;
            const at = back.prev(1);
            const loc = at && /^test at (.+):(\d+):\d+$/.exec(at.text);
            return new Block({
                tool: 'node-test',
                item: m[2],
                ...(loc ? { file: loc[1], line: Number(loc[2]) } : {}),
                belongs: (x) => {
                    const lead = /^\s*/.exec(x.text)?.[0].length ?? 0;
                    if (x.text.trim() === '')
                        return true;
                    return lead > indent && !/^\s*(?:✔|✖|▶|ℹ|﹣)/.test(x.text);
                },
                done: (f) => (f.lines.length > 1 ? f : null),
            }, l);
        },
    };
}
/** eslint stylish: problem lines under their file's path line; one finding per file. */
function eslint() {
    const PROBLEM = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)(?:\s{2,}(\S+))?\s*$/;
    return {
        tool: 'eslint',
        start(l, back) {
            const m = PROBLEM.exec(l.text);
            if (!m || m[3] !== 'error')
                return null;
            const path = back.prev(1);
            if (!path || !/^\S+\.\w+$/.test(path.text.trim()))
                return null;
            return new Block({
                tool: 'eslint',
                item: path.text.trim(),
                kind: 'lint',
                file: path.text.trim(),
                line: Number(m[1]),
                before: [path],
                belongs: (x) => PROBLEM.test(x.text),
            }, l);
        },
    };
}
function tscKind(code, text) {
    if (/^TS(?:2307|2305|2306|2792|2614|7016)$/.test(code))
        return 'import';
    if (/^TS1\d{3}$/.test(code))
        return 'compile';
    return classify([text], 'type') === 'import' ? 'import' : 'type';
}
/** tsc, plain (`file(l,c): error TSn: msg`) and pretty (`file:l:c - error TSn: msg` + code frame). */
function tsc() {
    const PLAIN = /^(\S.*?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
    const PRETTY = /^(\S.*?):(\d+):(\d+) - error (TS\d+): (.*)$/;
    return {
        tool: 'tsc',
        start(l) {
            const m = PLAIN.exec(l.text) ?? PRETTY.exec(l.text);
            if (!m)
                return null;
            return new Block({
                tool: 'tsc',
                item: `${m[1]}:${m[2]}:${m[3]} ${m[4]}`,
                kind: tscKind(m[4], m[5]),
                file: m[1],
                line: Number(m[2]),
                keep: (x) => x.text.trim() !== '' && !/^\d+\s|^\s*~+\s*$|^\s+~/.test(x.text),
                belongs: (x) => !PLAIN.test(x.text) &&
                    !PRETTY.test(x.text) &&
                    (x.text.trim() === '' || /^\s/.test(x.text) || /^\d+ /.test(x.text)) &&
                    !/^Found \d+ errors?/.test(x.text),
                maxLines: 12,
            }, l);
        },
    };
}
const NPM_INFRA = /ENOTFOUND|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|E5\d\d|socket hang up/;
/** npm (`npm error`/`npm ERR!`), yarn classic (`error ...`) and pnpm (`ERR_PNPM_*`). */
function packageManagers() {
    let yarnSeen = false;
    return {
        tool: 'npm',
        start(l) {
            if (/^yarn (?:run|install) v\d/.test(l.text))
                yarnSeen = true;
            let m = /^npm (?:ERR!|error) ?(.*)$/.exec(l.text);
            if (m) {
                let code = '';
                return new Block({
                    tool: 'npm',
                    item: '',
                    keep: (x) => x.text.replace(/^npm (?:ERR!|error)/, '').trim() !== '' &&
                        !/A complete log of this run/.test(x.text),
                    belongs: (x) => {
                        const c = /^npm (?:ERR!|error) code (\S+)/.exec(x.text);
                        if (c && !code)
                            code = c[1];
                        return /^npm (?:ERR!|error)/.test(x.text);
                    },
                    done: (f, b) => {
                        const first = /^npm (?:ERR!|error) code (\S+)/.exec(b.lines[0]?.text ?? '');
                        code ||= first?.[1] ?? '';
                        const all = f.lines.map((x) => x.text).join('\n');
                        const script = /Missing script: "?([^"\s]+)"?/.exec(all);
                        f.item = script ? `npm missing script ${script[1]}` : `npm ${code || 'error'}`;
                        if (NPM_INFRA.test(code))
                            f.kind = 'infra';
                        else if (script)
                            f.kind = 'unknown';
                        else if (/^E(?:NOTCACHED|RESOLVE|TARGET|404|INTEGRITY|USAGE|LOCKVERIFY)$/.test(code))
                            f.kind = 'dependency';
                        if (/Lifecycle script|command failed|^code [1-9]\d*$/m.test(all.replace(/npm (?:ERR!|error) /g, ''))) {
                            f.consequence = !script;
                        }
                        return f;
                    },
                }, l);
            }
            m = /^\s*(ERR_PNPM_\w+)\s+(.*)$/.exec(l.text);
            if (m) {
                const code = m[1];
                return new Block({
                    tool: 'pnpm',
                    item: `pnpm ${code}`,
                    kind: /NO_SCRIPT/.test(code) ? 'unknown' : classify([l.text], 'dependency'),
                    belongs: (x, b) => b.count < 4 && !/^\s*ERR_PNPM_/.test(x.text),
                }, l);
            }
            m = yarnSeen ? /^error (.+)$/.exec(l.text) : null;
            if (m) {
                return new Block({
                    tool: 'yarn',
                    item: `yarn ${m[1].replace(/\.$/, '')}`,
                    kind: /Command ".*" not found/.test(m[1]) ? 'unknown' : classify([m[1]], 'dependency'),
                    belongs: () => false,
                }, l);
            }
            return null;
        },
    };
}
function jsStarters() {
    return [jest(), vitest(), mocha(), nodeTap(), nodeSpec(), eslint(), tsc(), packageManagers()];
}

;// CONCATENATED MODULE: ./src/parsers/logs/tools-other.ts


/** pytest: `____ name ____` sections up to the next rule, and the `FAILED x::y - msg` summary lines. */
function pytest() {
    return {
        tool: 'pytest',
        start(l) {
            let m = /^_{3,} (.+?) _{3,}$/.exec(l.text);
            if (m) {
                const header = m[1];
                const collecting = /^ERROR collecting (.+)$/.exec(header);
                let loc;
                return new Block({
                    tool: 'pytest',
                    item: collecting ? collecting[1] : header.replace(/^ERROR at (?:setup|teardown) of /, ''),
                    belongs: (x) => {
                        if (/^_{3,} .+ _{3,}$|^={3,}|^-{3,} Captured /.test(x.text))
                            return false;
                        const m2 = /^(\S+\.py):(\d+): /.exec(x.text);
                        if (m2)
                            loc = { file: m2[1], line: Number(m2[2]) };
                        return true;
                    },
                    done: (f) => {
                        if (collecting) {
                            f.kind = classify(f.lines.map((x) => x.text), 'import');
                            if (f.kind === 'exception' || f.kind === 'unknown')
                                f.kind = 'import';
                        }
                        else {
                            const e = f.lines.filter((x) => /^E\s/.test(x.text)).map((x) => x.text);
                            f.kind = classify(e.length ? e : f.lines.map((x) => x.text), 'exception');
                        }
                        if (loc && !/site-packages|\/lib\/python\d/.test(loc.file)) {
                            f.file = loc.file;
                            f.line = loc.line;
                        }
                        else if (collecting) {
                            f.file = collecting[1];
                            delete f.line;
                        }
                        return f;
                    },
                }, l);
            }
            m = /^(?:FAILED|ERROR) (\S+?)(?: - (.*))?$/.exec(l.text);
            if (m && /\.py\b/.test(m[1])) {
                const id = m[1];
                const name = id.includes('::') ? id.slice(id.lastIndexOf('::') + 2) : id;
                return new Block({ tool: 'pytest', item: name, belongs: () => false }, l);
            }
            return null;
        },
    };
}
const GO_FRAMEWORK = /\/usr\/(?:local\/)?(?:lib\/)?go[^/]*\/src\/|\/src\/runtime\/|\/src\/testing\//;
/** go test: `--- FAIL: Name` with its indented output, panics, and `[build failed]` packages. */
function goTest() {
    let lastFail;
    return {
        tool: 'go',
        start(l, back) {
            let m = /^(\s*)--- FAIL: (\S+) \([\d.]+s\)/.exec(l.text);
            if (m) {
                const indent = m[1].length;
                lastFail = m[2];
                return new Block({
                    tool: 'go',
                    item: m[2],
                    belongs: (x) => {
                        const lead = /^\s*/.exec(x.text)?.[0].length ?? 0;
                        return lead > indent && x.text.trim() !== '' && !/^\s*--- (?:FAIL|PASS|SKIP):/.test(x.text);
                    },
                    done: (f) => {
                        for (const t of f.lines) {
                            const loc = /^\s+(\S+_test\.go|\S+\.go):(\d+): /.exec(t.text);
                            if (loc) {
                                f.file = loc[1];
                                f.line = Number(loc[2]);
                                f.kind = classify([t.text.replace(/^\s+\S+:\d+: /, '')], 'assertion');
                                if (f.kind === 'unknown' || f.kind === 'compile')
                                    f.kind = 'assertion';
                                break;
                            }
                        }
                        return f;
                    },
                }, l);
            }
            m = /^panic: (.+)$/.exec(l.text);
            if (m) {
                const item = lastFail ?? 'panic';
                return new Block({
                    tool: 'go',
                    item,
                    kind: /test timed out/.test(m[1]) ? 'timeout' : 'exception',
                    belongs: (x) => !/^(?:FAIL|ok)\s|^exit status \d+|^--- FAIL/.test(x.text),
                    maxLines: 60,
                    done: (f) => {
                        delete f.file;
                        delete f.line;
                        for (const t of f.lines) {
                            const loc = /^\s+(\/\S+\.go):(\d+)(?: \+0x[0-9a-f]+)?$/.exec(t.text);
                            if (loc && !GO_FRAMEWORK.test(loc[1])) {
                                f.file = loc[1];
                                f.line = Number(loc[2]);
                                break;
                            }
                        }
                        return f;
                    },
                }, l);
            }
            m = /^FAIL\s+(\S+)\s+\[(build|setup) failed\]/.exec(l.text);
            if (m) {
                const pkg = m[1];
                // The compiler's messages come before this line, under a `# pkg` header.
                const before = [];
                for (let k = 1; k <= 50; k++) {
                    const p = back.prev(k);
                    if (!p)
                        break;
                    if (/^# \S+/.test(p.text)) {
                        before.unshift(p);
                        break;
                    }
                    if (/^(?:FAIL|ok|---|===)\s/.test(p.text))
                        break;
                    before.unshift(p);
                }
                let loc;
                for (const p of before) {
                    const x = /^(\S+\.go):(\d+):\d+: /.exec(p.text.trim());
                    if (x) {
                        loc = { file: x[1], line: Number(x[2]) };
                        break;
                    }
                }
                const kind = classify(before.map((p) => p.text), 'compile');
                return new Block({
                    tool: 'go',
                    item: pkg,
                    kind: kind === 'import' || kind === 'dependency' ? kind : 'compile',
                    ...(loc ? { file: loc.file, line: loc.line } : {}),
                    before,
                    belongs: () => false,
                }, l);
            }
            return null;
        },
    };
}
/** Maven: Surefire failures, javac errors, and the BUILD FAILURE block's `Failed to execute goal`. */
function maven() {
    const SUREFIRE = /^\[ERROR\] (?:(\S+)\.(\w+)(?:\(.*?\))? -- Time elapsed: .*<<< (FAILURE|ERROR)!|(\w+)\((\S+)\)\s+Time elapsed: .*<<< (FAILURE|ERROR)!)/;
    const JAVAC = /^\[ERROR\] (\S+\.(?:java|kt|scala|groovy)):\[(\d+),(\d+)\] (.*)$/;
    let testFailures = 0;
    return {
        tool: 'maven',
        start(l) {
            let m = SUREFIRE.exec(l.text);
            if (m) {
                testFailures++;
                const item = m[1] ? `${m[1]}.${m[2]}` : `${m[5]}.${m[4]}`;
                const errorKind = (m[3] ?? m[6]) === 'ERROR';
                return new Block({
                    tool: 'maven',
                    item,
                    belongs: (x) => x.text.trim() !== '' && !/^\[(?:INFO|ERROR|WARNING)\]/.test(x.text),
                    maxLines: 60,
                    done: (f) => {
                        const cls = item.slice(0, item.lastIndexOf('.'));
                        const simple = cls.slice(cls.lastIndexOf('.') + 1);
                        for (const t of f.lines) {
                            const fr = /^\s+at (\S+)\.\w+\((\w+\.java):(\d+)\)/.exec(t.text);
                            if (fr && (fr[1] === cls || fr[2] === `${simple}.java`)) {
                                f.file = fr[2];
                                f.line = Number(fr[3]);
                                break;
                            }
                        }
                        f.kind = classify(f.lines.slice(1, 3).map((x) => x.text), errorKind ? 'exception' : 'assertion');
                        if (!errorKind && f.kind === 'exception')
                            f.kind = 'assertion';
                        return f;
                    },
                }, l);
            }
            m = JAVAC.exec(l.text);
            if (m) {
                const file = m[1];
                return new Block({
                    tool: 'maven',
                    item: `${file.slice(file.lastIndexOf('/') + 1)}:${m[2]}`,
                    kind: classify([m[4]], 'compile') === 'import' ? 'import' : 'compile',
                    file,
                    line: Number(m[2]),
                    // javac's detail lines follow, indented, with or without the [ERROR] prefix.
                    belongs: (x) => /^(?:\[ERROR\])? {2}\S/.test(x.text) && !JAVAC.test(x.text),
                    maxLines: 8,
                }, l);
            }
            m = /^\[ERROR\] Tests run: .*|^\[ERROR\] {3}(\w+)\.(\w+)(?::\d+)? (.*)$/.exec(l.text);
            if (m && m[1]) {
                // The Results section repeats each failure in one line; merge it into the Surefire finding.
                return new Block({ tool: 'maven', item: `@results:${m[1]}.${m[2]}`, belongs: () => false }, l);
            }
            m = /^\[ERROR\] Failed to execute goal (\S+) (?:\(([^)]*)\) )?on project (\S+): (.*)$/.exec(l.text);
            if (m) {
                const reason = m[4];
                return new Block({
                    tool: 'maven',
                    item: `${m[1]} ${m[3]}`,
                    belongs: (x) => /^\[ERROR\] \S/.test(x.text) && !/^\[ERROR\] -> \[Help/.test(x.text),
                    maxLines: 20,
                    done: (f) => {
                        // After test or compiler failures this block only repeats them.
                        if (testFailures > 0 || /Compilation failure|There are test failures/.test(reason)) {
                            f.consequence = true;
                        }
                        f.kind = classify([reason], 'unknown');
                        return f;
                    },
                }, l);
            }
            return null;
        },
    };
}
/** javac through Gradle; the plain console of Gradle 4.x prints the task name with no line end before it. */
const GRADLE_JAVAC = /^(?::[\w:-]+?(?=\/|[A-Za-z]:\\))?(\S+\.java):(\d+): error: (.*)$/;
const GRADLE_KOTLINC = /^e: (?:file:\/\/)?(\S+\.kts?):(\d+):(\d+):? (.*)$/;
/** Frames of the JDK, JUnit and Gradle's test worker: never where a test failed. */
const JVM_FRAMEWORK = /^(?:java\.|javax\.|jdk\.|sun\.|org\.junit\.|junit\.|org\.opentest4j\.|org\.gradle\.|worker\.org\.gradle\.)/;
/**
 * Where a Gradle test failure happened: the test class's own frame, as Gradle's short exception
 * format (`java.lang.AssertionError at BasketTest.java:10`) names it; in the full format, the
 * test class's frame, else the first frame outside the JDK and the test frameworks.
 */
function gradleTestLocation(lines, cls) {
    let other;
    for (const t of lines) {
        const short = /^\s+\S+ at (\w+\.(?:java|kt|groovy|scala)):(\d+)$/.exec(t.text);
        if (short)
            return { file: short[1], line: Number(short[2]) };
        // `at app//shop.BasketTest.total(BasketTest.java:10)`: JDK 9+ may put a loader or module before the class.
        const fr = /^\s+at (?:[\w.@-]*\/+)?([\w.$]+)\.[\w$<>-]+\((\w+\.(?:java|kt|groovy|scala)):(\d+)\)/.exec(t.text);
        if (!fr)
            continue;
        const loc = { file: fr[2], line: Number(fr[3]) };
        if (fr[1] === cls || fr[1].startsWith(`${cls}$`))
            return loc;
        if (!other && !JVM_FRAMEWORK.test(fr[1]))
            other = loc;
    }
    return other;
}
/** Gradle: `Test > method FAILED` with its indented cause, compiler errors, and `* What went wrong:`. */
function gradle() {
    return {
        tool: 'gradle',
        start(l) {
            let m = /^(\S[^>]*?) > (.+?) FAILED$/.exec(l.text);
            if (m) {
                const cls = m[1];
                return new Block({
                    tool: 'gradle',
                    item: `${m[1]}.${m[2]}`,
                    // The exception at 4 spaces, its stack (exceptionFormat 'full') at 8.
                    belongs: (x) => /^\s{4,}\S/.test(x.text),
                    maxLines: 20,
                    done: (f) => {
                        // The exception's own line says what failed; frames of assert methods do not.
                        const k = classify(f.lines.slice(1, 2).map((x) => x.text), 'assertion');
                        f.kind = k === 'compile' ? 'assertion' : k;
                        delete f.file;
                        delete f.line;
                        const loc = gradleTestLocation(f.lines, cls);
                        if (loc) {
                            f.file = loc.file;
                            f.line = loc.line;
                        }
                        return f;
                    },
                }, l);
            }
            m = GRADLE_KOTLINC.exec(l.text) ?? GRADLE_JAVAC.exec(l.text);
            if (m) {
                const file = m[1];
                const message = m[m.length - 1];
                return new Block({
                    tool: 'gradle',
                    item: `${file.slice(file.lastIndexOf('/') + 1)}:${m[2]}`,
                    kind: classify([message], 'compile') === 'import' ? 'import' : 'compile',
                    file,
                    line: Number(m[2]),
                    // javac's source line, caret and `symbol:`/`location:` details follow, indented.
                    belongs: (x) => /^\s+\S/.test(x.text),
                    keep: (x) => x.text.trim() !== '' && !/^\s+\^\s*$/.test(x.text),
                    maxLines: 6,
                }, l);
            }
            if (/^\* What went wrong:/.test(l.text)) {
                let item = '';
                return new Block({
                    tool: 'gradle',
                    item: 'gradle build',
                    belongs: (x) => {
                        if (!item && x.text.trim())
                            item = x.text.trim();
                        return !/^\* (?:Try|Get more help|Exception is):|^BUILD FAILED/.test(x.text);
                    },
                    maxLines: 20,
                    done: (f) => {
                        f.item = item.replace(/[.:]$/, '') || 'gradle build';
                        const texts = f.lines.map((x) => x.text);
                        f.kind = texts.some((t) => /Could not (?:resolve|find|download|GET)\b|Could not resolve all (?:files|dependencies|artifacts)/.test(t))
                            ? 'dependency'
                            : classify(texts, 'unknown');
                        // `Execution failed for task ':test'.` then `> There were failing tests...`: the cause is
                        // on the second line; the failures themselves were reported above.
                        f.consequence = texts.some((t) => /There were failing tests|Compilation failed; see the compiler error output|Compilation error\. See log for more details/.test(t));
                        return f;
                    },
                }, l);
            }
            return null;
        },
    };
}
function otherStarters() {
    return [pytest(), goTest(), maven(), gradle()];
}

// EXTERNAL MODULE: ./src/core/redact.ts + 1 modules
var redact = __webpack_require__(37394);
;// CONCATENATED MODULE: ./src/parsers/logs/scanner.ts









const TAIL_WINDOW = 60;
/** Lines kept reachable behind the current one: the tail window and go's build-failure look-back fit. */
const LOOKBACK_LINES = 64;
const MAX_FINDINGS = 500;
/** Lines in a report made without a passing log (a triage prompt's worth). */
const NO_PASSING_BUDGET = 30;
/** Walks back line by line from a position, through the segments still kept. */
class SegmentLookBack {
    segments;
    seg;
    p;
    n;
    cache = [];
    constructor(segments, seg, p, 
    /** The number of the line starting at `p`. */
    n) {
        this.segments = segments;
        this.seg = seg;
        this.p = p;
        this.n = n;
    }
    prev(k) {
        while (this.cache.length < k) {
            let s = this.segments[this.seg];
            if (this.p <= s.start) {
                if (this.seg === 0)
                    return undefined;
                s = this.segments[--this.seg];
                this.p = s.end;
            }
            const end = this.p - 1;
            const nl = end > s.start ? s.text.lastIndexOf('\n', end - 1) : -1;
            const start = nl < s.start ? s.start : nl + 1;
            this.n--;
            if (this.n < 1)
                return undefined;
            this.cache.push({
                n: this.n,
                text: cleanRaw(ownLine(s.text, start, Math.min(end, start + MAX_LINE_CHARS))),
            });
            this.p = start;
        }
        return this.cache[k - 1];
    }
}
/**
 * The streaming core: feed chunks with push(), then end(). One regex pass over each chunk finds
 * the few lines worth reading; every other line costs only its share of that pass and of the
 * newline count. Memory is bounded by the chunk size, the candidate and template caps, and the
 * last LOOKBACK_LINES lines kept for looking back.
 */
class LogScanner {
    opts;
    splitter = new LineSplitter();
    starters = [...jsStarters(), ...otherStarters()];
    open = null;
    findings = [];
    pool;
    warnings = [];
    /** The last line number read. */
    n = 0;
    segments = [];
    /** Lines in segments[1..]: the first segment is dropped once the others hold LOOKBACK_LINES. */
    laterLines = 0;
    markers = 0;
    sniffed = false;
    binary = false;
    maxLines;
    prefilter = new Prefilter();
    sink = (text, start, end) => this.scan(text, start, end);
    constructor(opts = {}) {
        this.opts = opts;
        this.maxLines = Math.max(1, opts.maxLinesPerFailure ?? 40);
        this.pool = new CandidatePool(opts.passing);
    }
    push(chunk) {
        if (!this.sniffed && chunk.length > 0) {
            this.sniffed = true;
            const probe = chunk.subarray(0, 4096);
            let ctl = 0;
            for (const b of probe)
                if (b === 0 || (b < 9 && b !== 0) || (b > 13 && b < 32 && b !== 27))
                    ctl++;
            this.binary = ctl > probe.length * 0.1;
        }
        this.splitter.push(chunk, this.sink);
    }
    end() {
        this.splitter.end(this.sink);
        this.closeBlock();
        const last = this.segments.length - 1;
        if (last >= 0)
            this.collectTail(last, this.segments[last].end, this.n + 1);
        return this.result();
    }
    scan(text, start, end) {
        const seg = { text, start, end, firstN: this.n + 1, lines: 0 };
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
                if (ls > pos)
                    this.n += countNl(text, pos, ls);
                pos = ls;
            }
            const nl = text.indexOf('\n', pos);
            this.n++;
            this.line(ownLine(text, pos, Math.min(nl, pos + MAX_LINE_CHARS)), idx, pos);
            pos = nl + 1;
        }
        seg.lines = this.n - seg.firstN + 1;
        if (this.segments.length > 1)
            this.laterLines += seg.lines;
        while (this.segments.length > 1 && this.laterLines >= LOOKBACK_LINES) {
            this.segments.shift();
            this.laterLines -= this.segments[0].lines;
        }
    }
    line(raw, seg, pos) {
        const text = cleanRaw(raw);
        const view = { n: this.n, text };
        if (this.open) {
            if (this.open.feed(view))
                return;
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
    collectTail(seg, pos, n) {
        const back = new SegmentLookBack(this.segments, seg, pos, n);
        for (let k = 1; k <= TAIL_WINDOW; k++) {
            const v = back.prev(k);
            if (!v)
                break;
            this.pool.offer(v, k - 1);
        }
    }
    closeBlock() {
        if (!this.open)
            return;
        const f = this.open.finish();
        this.open = null;
        if (f && this.findings.length < MAX_FINDINGS)
            this.findings.push(f);
    }
    result() {
        const warnings = [...this.warnings];
        if (this.splitter.bytes === 0)
            warnings.push('empty log: nothing to extract');
        if (this.binary)
            warnings.push('does not look like a text log (binary data); scanned as text, results may be meaningless');
        if (this.splitter.longLines > 0) {
            warnings.push(`${this.splitter.longLines} line(s) longer than ${MAX_LINE_CHARS / 1024} KiB were cut to their first ${MAX_LINE_CHARS / 1024} KiB`);
        }
        if (this.opts.passing?.full)
            warnings.push('passing log too large: only its first lines were used for the diff');
        const passing = this.opts.passing;
        const failures = mergeFindings(this.findings);
        const tools = new Map();
        for (const f of failures)
            tools.set(f.tool, (tools.get(f.tool) ?? 0) + 1);
        let tool = [...tools.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'generic';
        let out = failures.map((f) => toFailure(f, this.maxLines, passing));
        // Without a passing log nothing filters repeated noise, so the whole report gets a budget.
        if (!passing)
            budget(out, NO_PASSING_BUDGET);
        if (out.length === 0) {
            tool = 'generic';
            out = genericFailures({
                lines: this.pool.lines(),
                templateCount: (t) => this.pool.templateCount(t),
                diffMode: passing !== undefined,
                maxLines: passing ? 20 : 30,
                tailWindow: TAIL_WINDOW,
            });
            for (const f of out)
                for (const l of f.lines)
                    l.text = (0,redact/* redact */.E$)(l.text);
        }
        if (out.length === 0 && this.splitter.bytes > 0)
            warnings.push('no failure found in the log');
        return { tool, failures: out, warnings, lines: this.n, bytes: this.splitter.bytes };
    }
}
/** Trims the failures' lines to `total`, round robin, so that every failure keeps its first lines. */
function budget(failures, total) {
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
        if (!progressed)
            break;
    }
    failures.forEach((f, i) => (f.lines = f.lines.slice(0, keep[i])));
}
function countNl(s, from, to) {
    let c = 0;
    let i = s.indexOf('\n', from);
    while (i !== -1 && i < to) {
        c++;
        i = s.indexOf('\n', i + 1);
    }
    return c;
}
/** Findings of the same tool and item are one failure (a summary repeating a block, a merged results line). */
function mergeFindings(all) {
    const real = all.filter((f) => !f.consequence || all.every((g) => g.consequence || g === f));
    const byKey = new Map();
    const order = [];
    for (const f of real) {
        if (f.item.startsWith('@results:')) {
            const suffix = f.item.slice('@results:'.length);
            const target = order.find((g) => g.tool === f.tool && (g.item === suffix || g.item.endsWith(`.${suffix}`)));
            if (target)
                target.lines.push(...f.lines);
            continue;
        }
        const key = `${f.tool}\u0000${f.item}`;
        const same = byKey.get(key);
        if (same) {
            same.lines.push(...f.lines);
            same.file ??= f.file;
            same.line ??= f.line;
            if (same.kind === 'unknown')
                same.kind = f.kind;
            continue;
        }
        byKey.set(key, f);
        order.push(f);
    }
    return order;
}
function toFailure(f, maxLines, passing) {
    const seen = new Set();
    const lines = [];
    const sorted = [...f.lines].sort((a, b) => a.n - b.n);
    for (let i = 0; i < sorted.length; i++) {
        const l = sorted[i];
        if (seen.has(l.n))
            continue;
        seen.add(l.n);
        // With a passing log, lines the passing run printed too explain nothing (never the header).
        if (passing && i > 0 && passing.has(l.text))
            continue;
        if (lines.length >= maxLines)
            break;
        lines.push({ n: l.n, text: (0,redact/* redact */.E$)(l.text) });
    }
    const out = { item: (0,redact/* redact */.E$)(f.item), kind: f.kind, lines };
    if (f.file !== undefined)
        out.file = f.file;
    if (f.line !== undefined)
        out.line = f.line;
    return out;
}

;// CONCATENATED MODULE: ./src/parsers/logs/index.ts
/**
 * Failures and the lines that explain them, from a raw CI job log (GitHub's timestamps, group
 * markers and ANSI colours allowed), for jest, vitest, mocha, node --test, pytest, go test, eslint,
 * tsc, npm/yarn/pnpm, Maven and Gradle, and a generic extractor for everything else.
 */








// Read size; the splitter decodes each read in 64 KiB pieces.
const CHUNK = 1 << 20;
function toReport(file, r) {
    const report = { file, kind: 'log', tool: r.tool, failures: r.failures };
    if (r.warnings.length)
        report.warnings = r.warnings;
    return report;
}
/** Indexes a passing log (every line masked) from any byte source. */
async function indexPassingLog(source) {
    const idx = new PassingIndex();
    const splitter = new LineSplitter();
    const add = (s, start, end) => {
        for (let p = start; p < end && !idx.full;) {
            const nl = s.indexOf('\n', p);
            idx.add(cleanRaw(s.slice(p, Math.min(nl, p + MAX_LINE_CHARS))));
            p = nl + 1;
        }
    };
    for await (const c of source) {
        splitter.push(typeof c === 'string' ? Buffer.from(c) : c, add);
        // Past the cap nothing more is used: stop reading instead of splitting the rest.
        if (idx.full)
            break;
    }
    splitter.end(add);
    return idx;
}
/** The streaming core over any byte source (a file stream, an HTTP body, chunks in a test). */
async function extractLogFailuresFromStream(source, opts = {}) {
    const scanner = new LogScanner({ passing: opts.passing, maxLinesPerFailure: opts.maxLinesPerFailure });
    for await (const c of source)
        scanner.push(typeof c === 'string' ? Buffer.from(c) : c);
    return toReport(opts.file ?? '<stream>', scanner.end());
}
/** The same on a log already in memory (tests, API responses); `passingLog` is the passing run's text. */
async function extractLogFailuresFromText(text, opts = {}) {
    const buf = typeof text === 'string' ? Buffer.from(text) : text;
    const chunks = [];
    for (let i = 0; i < buf.length; i += CHUNK)
        chunks.push(buf.subarray(i, i + CHUNK));
    const passing = opts.passingLog === undefined
        ? undefined
        : await indexPassingLog([
            typeof opts.passingLog === 'string' ? Buffer.from(opts.passingLog) : opts.passingLog,
        ]);
    return extractLogFailuresFromStream(chunks, {
        file: opts.file,
        passing,
        maxLinesPerFailure: opts.maxLinesPerFailure,
    });
}
/** Reads a log file as a stream with bounded memory; an unreadable file throws with a one-line message. */
async function extractLogFailures(path, opts = {}) {
    await (0,promises_.stat)(path);
    const passing = opts.passingLogPath ? await indexPassingLog(readChunks(opts.passingLogPath)) : undefined;
    return extractLogFailuresFromStream(readChunks(path), {
        file: path,
        passing,
        maxLinesPerFailure: opts.maxLinesPerFailure,
    });
}
/**
 * A file's bytes through two reused buffers: the next read runs while the current chunk is
 * scanned, and each chunk is decoded before its buffer is read into again, so a 1 GB log makes
 * no 1 GB of short-lived buffers (external memory that V8 collects late).
 */
async function* readChunks(path) {
    const fh = await (0,promises_.open)(path, 'r');
    const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let offset = 0;
    let next = fh.read(bufs[0], 0, CHUNK, offset);
    try {
        for (let i = 0;; i ^= 1) {
            const { bytesRead } = await next;
            if (bytesRead === 0)
                return;
            offset += bytesRead;
            next = fh.read(bufs[i ^ 1], 0, CHUNK, offset);
            yield bufs[i].subarray(0, bytesRead);
        }
    }
    finally {
        await next.catch(() => undefined);
        await fh.close();
    }
}


/***/ })

};
