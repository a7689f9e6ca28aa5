export const id = 736;
export const ids = [736];
export const modules = {

/***/ 41736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Oo: () => (/* reexport */ types/* ALL_KINDS */.Oo),
  M8: () => (/* reexport */ types/* isParseError */.M8),
  go: () => (/* binding */ parseCoverage),
  CJ: () => (/* binding */ parseFile),
  parseTestReport: () => (/* binding */ parseTestReport),
  gs: () => (/* binding */ parseVulnerabilities)
});

// UNUSED EXPORTS: COVERAGE_KINDS, ReportFormatError, SEVERITIES, TEST_REPORT_KINDS, VULN_KINDS, detectContent, detectFile, testDisplayName

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/parsers/detect.ts
/**
 * Format detection from content, never from the file name: the first 64 KB are enough for every
 * format's distinguishing marks (root element, leading keys, first line).
 */

const HEAD_BYTES = 64 * 1024;
async function readHead(file, bytes = HEAD_BYTES) {
    const fh = await (0,promises_.open)(file, 'r');
    try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await fh.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
async function detectFile(file) {
    return detectContent(await readHead(file));
}
function detectContent(head) {
    if (head.length === 0)
        return { kind: null, reason: 'the file is empty' };
    if (looksBinary(head))
        return { kind: null, reason: 'binary content' };
    const text = head.toString('utf8').replace(/^\uFEFF/, '');
    const t = text.trimStart();
    if (t === '')
        return { kind: null, reason: 'the file is empty' };
    if (t.startsWith('<'))
        return detectXml(t);
    if (t.startsWith('{') || t.startsWith('['))
        return detectJson(t);
    return detectText(t);
}
function looksBinary(head) {
    const n = Math.min(head.length, 8192);
    let control = 0;
    for (let i = 0; i < n; i++) {
        const b = head[i];
        if (b === 0)
            return true;
        if (b < 8 || (b > 13 && b < 32 && b !== 27))
            control++;
    }
    return control > n * 0.1;
}
function detectXml(t) {
    // Skip the prolog (declaration, comments, processing instructions, doctype) to the root element.
    const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(t.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Z][^>]*>/g, ''));
    const name = root ? root[1] : null;
    if (name === 'testsuites' || name === 'testsuite')
        return { kind: 'junit' };
    if (name === 'report' && /<(package|sessioninfo|counter)\b/.test(t))
        return { kind: 'jacoco' };
    if (name === 'coverage') {
        if (/<project\b/.test(t) || /\bclover=/.test(t))
            return { kind: 'clover' };
        return { kind: 'cobertura' };
    }
    return { kind: null, reason: `unrecognised XML root element <${name ?? '?'}>` };
}
function detectJson(t) {
    const firstLine = t.split('\n', 1)[0];
    if (/^\{\s*"Time"\s*:/.test(firstLine) && /"Action"\s*:/.test(firstLine))
        return { kind: 'go-json' };
    if (/^\{\s*"Action"\s*:/.test(firstLine) && /"Package"\s*:/.test(firstLine))
        return { kind: 'go-json' };
    const has = (key) => t.includes(`"${key}"`);
    if (has('auditReportVersion') ||
        (has('advisories') && has('muted')) ||
        (has('actions') && has('advisories'))) {
        return { kind: 'npm-audit' };
    }
    if (has('SchemaVersion') && (has('ArtifactName') || has('Results')))
        return { kind: 'trivy' };
    if (has('matches') && (has('matchDetails') || has('artifact')))
        return { kind: 'grype' };
    if (has('runs') && (/"version"\s*:\s*"2\.1\.0"/.test(t) || /sarif/i.test(t.slice(0, 500))))
        return { kind: 'sarif' };
    if (has('numTotalTestSuites') && has('testResults')) {
        return {
            kind: has('openHandles') || has('numRuntimeErrorTestSuites') || has('wasInterrupted')
                ? 'jest-json'
                : 'vitest-json',
        };
    }
    if (has('numTotalTestSuites') || has('testResults'))
        return { kind: 'jest-json' };
    if (has('stats') && has('passes') && has('pending'))
        return { kind: 'mocha-json' };
    if (/^\{\s*"total"\s*:\s*\{\s*"lines"/.test(t))
        return { kind: 'istanbul' };
    if (has('statementMap') && has('fnMap'))
        return { kind: 'istanbul' };
    // npm's own error object when the audit could not run (kept as npm-audit to report "audit failed").
    if (/^\{\s*"message"\s*:/.test(t) && has('uri') && /security\/(advisories|audits)/.test(t))
        return { kind: 'npm-audit' };
    if (/^\{\s*"error"\s*:\s*\{/.test(t) && has('summary'))
        return { kind: 'npm-audit' };
    return { kind: null, reason: 'unrecognised JSON report' };
}
function detectText(t) {
    const lines = t.split(/\r\n|\r|\n/, 40).map((l) => l.trimEnd());
    const first = lines.find((l) => l.trim() !== '') ?? '';
    if (/^mode: (set|count|atomic)$/.test(first))
        return { kind: 'gocover' };
    if (/^TAP version 1[34]$/.test(first.trim()))
        return { kind: 'tap' };
    if (/^(TN|SF):/.test(first))
        return { kind: 'lcov' };
    if (/^1\.\.\d+/.test(first) || /^(not )?ok \d+\b/.test(first))
        return { kind: 'tap' };
    return { kind: 'log' };
}

// EXTERNAL MODULE: ./src/parsers/types.ts
var types = __webpack_require__(35429);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/saxes/saxes.js
var saxes = __webpack_require__(59800);
;// CONCATENATED MODULE: ./src/parsers/xml.ts
/**
 * Streaming, hostile-input-safe XML reading on top of saxes. Nothing is ever expanded or fetched: a
 * DOCTYPE with an internal subset (where entities are declared) is refused, undeclared entities are
 * malformed input, nesting is bounded, and a truncated file yields what was complete plus a warning.
 */




const MAX_XML_DEPTH = 256;
class XmlStop extends Error {
}
/** Parse `file` as XML, calling `handler`; `format` names the expected format in messages. */
async function streamXml(file, format, handler) {
    // Positions cost a third of the parse time; messages name the problem, not its column.
    const parser = new saxes/* SaxesParser */.wT({ xmlns: false, position: false });
    let depth = 0;
    let root = null;
    let rootClosed = false;
    let problem = null;
    let seenContent = false;
    parser.on('doctype', (doctype) => {
        if (doctype.includes('[') || /<!ENTITY/i.test(doctype)) {
            throw new types/* ReportFormatError */.Qs(`refusing XML with an inline DTD (entity declarations are never expanded): not a safe ${format} file`);
        }
    });
    // Character data is only delivered while the handler wants it: most of a report is text nobody
    // reads (passing tests' output), and a callback per text node halves the throughput.
    let textOn = false;
    const onText = (t) => handler.text?.(t);
    const syncText = () => {
        const want = handler.text !== undefined && handler.wantsText?.() === true;
        if (want === textOn)
            return;
        textOn = want;
        if (want) {
            parser.on('text', onText);
            parser.on('cdata', onText);
        }
        else {
            parser.off('text');
            parser.off('cdata');
        }
    };
    parser.on('opentag', (tag) => {
        depth++;
        if (depth > MAX_XML_DEPTH) {
            throw new types/* ReportFormatError */.Qs(`XML nested deeper than ${MAX_XML_DEPTH} levels: refusing this ${format} file`);
        }
        if (root === null)
            root = tag.name;
        handler.open(tag.name, tag.attributes, depth);
        syncText();
    });
    parser.on('closetag', (tag) => {
        handler.close(tag.name, depth);
        depth--;
        if (depth === 0)
            rootClosed = true;
        syncText();
    });
    parser.on('error', (err) => {
        problem = err.message;
        throw new XmlStop(err.message);
    });
    const stream = (0,external_node_fs_.createReadStream)(file, { highWaterMark: 1 << 20 });
    // Pieces of a chunk are joined back into one string: saxes reads fastest from a single flat string
    // per megabyte, not from a mix of sliced one-byte and small two-byte strings.
    const pieces = [];
    const collect = (t) => {
        pieces.push(t);
    };
    let carry = null;
    try {
        for await (const raw of stream) {
            let bytes = carry !== null ? Buffer.concat([carry, raw]) : raw;
            const end = completeUtf8End(bytes);
            carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : null;
            bytes = bytes.subarray(0, end);
            if (!seenContent) {
                const chunk = bytes.toString('utf8');
                const head = chunk.replace(/^\uFEFF/, '').trimStart();
                if (head.length === 0)
                    continue;
                if (head.includes('\u0000') || head[0] !== '<') {
                    throw new types/* ReportFormatError */.Qs(`not a ${format} file (it is not XML)`);
                }
                seenContent = true;
                parser.write(chunk);
                continue;
            }
            decodeUtf8(bytes, collect);
            parser.write(pieces.length === 1 ? pieces[0] : pieces.join(''));
            pieces.length = 0;
        }
        // A file cut inside a multi-byte character ends with what the decoder makes of the broken bytes.
        if (carry !== null) {
            const tail = carry.toString('utf8');
            if (!seenContent)
                throw new types/* ReportFormatError */.Qs(`not a ${format} file (it is not XML)`);
            parser.write(tail);
        }
        if (!seenContent)
            throw new types/* ReportFormatError */.Qs(`not a ${format} file (it is empty)`);
        parser.close();
    }
    catch (err) {
        stream.destroy();
        if (!(err instanceof XmlStop))
            throw err;
    }
    const warnings = [];
    if (problem !== null) {
        if (root === null)
            throw new types/* ReportFormatError */.Qs(`not a ${format} file (malformed XML: ${oneLine(problem)})`);
        warnings.push(rootClosed
            ? `trailing garbage after the XML document ignored: ${oneLine(problem)}`
            : `the file is truncated or malformed (${oneLine(problem)}); kept what was complete before that point`);
    }
    return { warnings, root };
}
/** Length of the prefix of `b` that does not end inside a multi-byte UTF-8 sequence. */
function completeUtf8End(b) {
    const n = b.length;
    for (let back = 1; back <= 4 && back <= n; back++) {
        const c = b[n - back];
        if ((c & 0xc0) === 0x80)
            continue;
        const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        return need > back ? n - back : n;
    }
    return n;
}
const ASCII_BLOCK = 4096;
/**
 * Decodes `b` (which ends on a character boundary) in pieces: ASCII stretches as slices of one latin1
 * string, only the runs of non-ASCII bytes as UTF-8. Reports are nearly all ASCII with a stray "✓" or
 * "●" every few kilobytes, and a whole-chunk UTF-8 decode of such text costs more than the rest of
 * the reading. Blocks are checked with the native isAscii first, so bytes are only looked at one by
 * one in the few blocks that hold a non-ASCII character. A run of bytes >= 0x80 is always whole UTF-8
 * characters (lead and continuation bytes), so no character is ever cut.
 */
function decodeUtf8(b, out) {
    const n = b.length;
    const s = b.toString('latin1');
    let from = 0;
    for (let p = 0; p < n; p += ASCII_BLOCK) {
        const end = Math.min(p + ASCII_BLOCK, n);
        let i = Math.max(p, from);
        if (i >= end || (0,external_node_buffer_.isAscii)(b.subarray(i, end)))
            continue;
        for (; i < end; i++) {
            if (b[i] < 0x80)
                continue;
            let j = i + 1;
            while (j < n && b[j] >= 0x80)
                j++;
            if (i > from)
                out(s.slice(from, i));
            out(b.toString('utf8', i, j));
            from = j;
            i = j - 1;
        }
    }
    if (from < n)
        out(from === 0 ? s : s.slice(from));
}
function oneLine(s) {
    return s.replace(/\s+/g, ' ').trim().slice(0, 200);
}
/** Collects character data of the element being read, capped so a huge failure text stays bounded. */
class TextBuffer {
    max;
    parts = [];
    size = 0;
    dropped = 0;
    constructor(max) {
        this.max = max;
    }
    add(t) {
        if (this.size >= this.max) {
            this.dropped += t.length;
            return;
        }
        const room = this.max - this.size;
        const piece = t.length > room ? t.slice(0, room) : t;
        this.dropped += t.length - piece.length;
        this.parts.push(piece);
        this.size += piece.length;
    }
    take() {
        let s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
        if (this.dropped > 0)
            s += `… [${this.dropped} more characters]`;
        this.parts = [];
        this.size = 0;
        this.dropped = 0;
        return s;
    }
}

// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
;// CONCATENATED MODULE: ./src/parsers/lines.ts
/** Line-by-line streaming for the text report formats (go test -json, TAP, lcov, Go coverprofile). */



/** Longer lines are cut: no real report line is this long, and it keeps memory bounded. */
const MAX_LINE = 1 << 20;
function headBytes(file, n) {
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        const buf = Buffer.alloc(n);
        const read = (0,external_node_fs_.readSync)(fd, buf, 0, n, 0);
        return buf.subarray(0, read);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
async function* readLines(file, format) {
    // Checked before streaming: an error raised from inside the stream can escape readline's
    // iterator as an unhandled 'error' event (found by the fuzz test).
    if (headBytes(file, 4096).includes(0))
        throw new types/* ReportFormatError */.Qs(`not a ${format} file (binary content)`);
    const stream = (0,external_node_fs_.createReadStream)(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
    let failure;
    stream.on('error', (err) => {
        failure = err;
    });
    const rl = (0,external_node_readline_.createInterface)({ input: stream, crlfDelay: Infinity });
    stream.on('error', () => rl.close());
    let first = true;
    for await (const raw of rl) {
        let line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
        if (first) {
            line = line.replace(/^\uFEFF/, '');
            first = false;
        }
        yield line;
    }
    if (failure)
        throw failure;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/parsers/util.ts
/** Small helpers shared by the report parsers: paths, stack locations, totals and percentages. */

/** Texts kept per test (messages, stacks, stdout) are capped so that a huge report stays bounded. */
const MAX_TEXT = 16 * 1024;
function capText(text, max = MAX_TEXT) {
    return text.length > max ? `${text.slice(0, max)}… [${text.length - max} more characters]` : text;
}
/** Relative to root with `/` when the path lies under root; otherwise unchanged (with `/`). */
function relPath(p, root) {
    let s = p.replace(/^file:\/\//, '');
    const drive = /^[A-Za-z]:[\\/]/;
    // Windows paths are only relativised against a Windows root, POSIX paths against a POSIX root.
    const impl = drive.test(s)
        ? drive.test(root)
            ? (external_node_path_default()).win32
            : null
        : external_node_path_default().posix.isAbsolute(s)
            ? (external_node_path_default()).posix
            : null;
    if (impl) {
        const rel = impl.relative(root, s);
        if (rel && !rel.startsWith('..') && !impl.isAbsolute(rel))
            s = rel;
    }
    return s.replace(/\\/g, '/');
}
/**
 * A copy of `s` that does not keep its parent alive. Strings cut from a parser's 1 MB input chunk
 * are slices of it in V8; kept in a result, each would pin its whole chunk, and a 500 MB report
 * would stay in memory in full.
 */
function detach(s) {
    return s.length < 13 ? s : (' ' + s).slice(1);
}
/** relPath memoised for one report, where the same few file names repeat on every test. */
class PathCache {
    root;
    cache = new Map();
    constructor(root) {
        this.root = root;
    }
    rel(p) {
        let r = this.cache.get(p);
        if (r === undefined) {
            r = detach(relPath(p, this.root));
            if (this.cache.size < 10_000)
                this.cache.set(p, r);
        }
        return r;
    }
}
const LOCATION_END = /\.(?:[cm]?[jt]sx?|py|go|java|kt|kts|scala|cs|rb|php|rs|swift|c|cc|cpp|h):(\d+)/g;
function looksLikeTestFile(p) {
    return /(^|[/\\])(tests?|__tests__|spec)[/\\]|[._-](test|spec)\.[a-z]+$|_test\.go$|(^|[/\\])test_[^/\\]+\.py$|Tests?\.(java|kt|cs)$/i.test(p);
}
const DELIMITERS = new Set([...' \t\n\r()"\'`,<>=|'].map((c) => c.charCodeAt(0)));
const EXCLUDED_FRAME = /node_modules|^node:|[/\\]internal[/\\]|^internal[/\\]|\/usr\/lib\/go/;
/** The path that ends at `end` in `text`: back to a delimiter, or to a drive letter for Windows paths with spaces. */
function pathBefore(text, end) {
    let i = end;
    while (i > 0 && !DELIMITERS.has(text.charCodeAt(i - 1)))
        i--;
    if (i > 0 && text.charCodeAt(i - 1) === 32) {
        const lineStart = text.lastIndexOf('\n', i) + 1;
        const segment = text.slice(lineStart, end);
        const drive = /[A-Za-z]:[\\/][^()"'`<>|]*$/.exec(segment);
        if (drive)
            return segment.slice(drive.index);
    }
    return text.slice(i, end);
}
function sameFile(a, b) {
    const x = a.replace(/\\/g, '/');
    const y = b.replace(/\\/g, '/');
    return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}
/**
 * The test's own `file:line` in a failure text: the first frame in the test's file when it is known,
 * else the first frame in something that looks like a test file, else the first frame outside
 * dependencies and runtime internals. Linear in the text, and it stops at the first decisive frame.
 */
function locate(text, file) {
    if (!text)
        return null;
    let sample = text.length > 16 * 1024 ? text.slice(0, 16 * 1024) : text;
    // .NET writes "in C:\\src\\MathTests.cs:line 40"; normalise it to the common "file:40".
    if (sample.includes(':line '))
        sample = sample.replace(/(\.(?:cs|vb|fs)):line (\d+)/g, '$1:$2');
    let fallback = null;
    const re = new RegExp(LOCATION_END.source, 'g');
    for (let seen = 0, m = re.exec(sample); m !== null && seen < 200; m = re.exec(sample), seen++) {
        const f = pathBefore(sample, m.index + m[0].length - m[1].length - 1).trim();
        if (f === '' || /^\.[A-Za-z]+$/.test(f) || EXCLUDED_FRAME.test(f))
            continue;
        const frame = { file: f, line: Number(m[1]) };
        if (file) {
            if (sameFile(f, file))
                return frame;
        }
        else if (looksLikeTestFile(f)) {
            return frame;
        }
        else {
            fallback ??= frame;
        }
    }
    return file ? null : fallback;
}
function emptyTotals() {
    return { tests: 0, passed: 0, failed: 0, skipped: 0, errors: 0 };
}
function totalsOf(tests) {
    const t = emptyTotals();
    for (const c of tests) {
        t.tests++;
        if (c.status === 'passed')
            t.passed++;
        else if (c.status === 'failed')
            t.failed++;
        else if (c.status === 'skipped')
            t.skipped++;
        else
            t.errors++;
    }
    return t;
}
function pct(covered, total) {
    if (total <= 0)
        return 100;
    return Math.round((covered / total) * 10000) / 100;
}
/** A report claiming more covered than total (corrupt counts) is clamped rather than passed on. */
function counter(covered, total) {
    const t = Math.max(0, total);
    const c = Math.min(Math.max(0, covered), t);
    return { covered: c, total: t, pct: pct(c, t) };
}
function sumCounters(list) {
    let c = 0;
    let t = 0;
    for (const x of list) {
        c += x.covered;
        t += x.total;
    }
    return counter(c, t);
}
function severityOf(raw) {
    const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (s === 'critical')
        return 'critical';
    if (s === 'high' || s === 'important')
        return 'high';
    if (s === 'medium' || s === 'moderate')
        return 'medium';
    if (s === 'low')
        return 'low';
    if (s === 'info' || s === 'informational' || s === 'negligible' || s === 'none')
        return 'info';
    return 'unknown';
}
/** Seconds (as JUnit writes them, possibly "1E-07" or "1,5") to milliseconds. */
function secondsToMs(raw) {
    if (raw === undefined || raw === '')
        return null;
    const n = Number(raw.includes(',') ? raw.replace(',', '.') : raw);
    if (!Number.isFinite(n) || n < 0)
        return null;
    return roundMs(n * 1000);
}
/** Durations are kept to the microsecond: float noise from the tools is not a fact. */
function roundMs(ms) {
    return ms === null || !Number.isFinite(ms) ? null : Math.round(ms * 1000) / 1000;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v) {
    return typeof v === 'string' ? v : null;
}
function num(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
/** Mocha and friends mark failing hooks in the test title; such a failure means tests could not run. */
function isHookTitle(title) {
    return /"(before|after)( all| each)?" hook/.test(title);
}

;// CONCATENATED MODULE: ./src/parsers/tests/go-json.ts
/**
 * `go test -json` (test2json) events. Subtests are tests; a parent that fails through a subtest is a
 * failure too, as gotestsum counts. A package that fails without any test result (a build failure, a
 * panic or timeout outside a test) becomes one error entry; tests left running when the binary died
 * (a panic or `test timed out`) are errors.
 */



const BUILD_FAILED = /^FAIL\t(\S+) \[(?:build|setup) failed\]/;
async function parseGoJson(file, root) {
    const tests = new Map();
    const pkgOutput = new Map();
    const pkgStatus = new Map();
    const warnings = [];
    let events = 0;
    let badLines = 0;
    for await (const line of readLines(file, 'go test -json')) {
        if (line.trim() === '')
            continue;
        // Before Go 1.24 a package that does not build is reported as plain text, not as an event.
        const broken = BUILD_FAILED.exec(line);
        if (broken) {
            pkgStatus.set(broken[1], 'fail');
            pkgOutput.set(broken[1], [...(pkgOutput.get(broken[1]) ?? []), `${line}\n`]);
            events++;
            continue;
        }
        let ev;
        try {
            ev = JSON.parse(line);
        }
        catch {
            badLines++;
            if (events === 0)
                throw new types/* ReportFormatError */.Qs('not a go test -json file (line 1 is not JSON)');
            continue;
        }
        if (!isRecord(ev) || typeof ev.Action !== 'string') {
            if (events === 0)
                throw new types/* ReportFormatError */.Qs('not a go test -json file (no "Action" field)');
            continue;
        }
        events++;
        const pkg = str(ev.Package) ?? '';
        const name = str(ev.Test);
        const action = ev.Action;
        if (name === null) {
            if (action === 'output') {
                const out = pkgOutput.get(pkg) ?? [];
                if (out.length < 400)
                    out.push(str(ev.Output) ?? '');
                pkgOutput.set(pkg, out);
            }
            else if (action === 'pass' || action === 'fail' || action === 'skip') {
                pkgStatus.set(pkg, action);
            }
            continue;
        }
        const key = `${pkg}\u0000${name}`;
        let t = tests.get(key);
        if (!t) {
            t = { pkg, name, status: null, elapsed: null, output: [], outputSize: 0 };
            tests.set(key, t);
        }
        if (action === 'output') {
            const text = str(ev.Output) ?? '';
            if (t.outputSize < MAX_TEXT) {
                t.output.push(text);
                t.outputSize += text.length;
            }
        }
        else if (action === 'pass')
            t.status = 'passed';
        else if (action === 'fail')
            t.status = 'failed';
        else if (action === 'skip')
            t.status = 'skipped';
        if (action === 'pass' || action === 'fail' || action === 'skip')
            t.elapsed = num(ev.Elapsed);
    }
    if (events === 0)
        throw new types/* ReportFormatError */.Qs('not a go test -json file (no events)');
    if (badLines > 0)
        warnings.push(`${badLines} line(s) were not test2json events and were ignored`);
    const results = [];
    const pkgsWithTests = new Set();
    for (const t of tests.values()) {
        pkgsWithTests.add(t.pkg);
        const output = t.output.join('');
        // A test with no final action was running when the test binary died.
        const status = t.status ?? 'error';
        const detail = status === 'error' ? `${output}${(pkgOutput.get(t.pkg) ?? []).join('')}` : output;
        const loc = status === 'passed' ? null : locate(detail, null);
        results.push({
            id: `${t.pkg}::${t.name}`,
            name: t.name,
            suite: t.pkg,
            file: loc ? relPath(loc.file, root) : null,
            line: loc?.line ?? null,
            status,
            durationMs: t.elapsed !== null ? roundMs(t.elapsed * 1000) : null,
            message: status === 'passed' ? null : messageOf(detail, status),
            stack: status === 'passed' ? null : capText(detail),
            attempts: 1,
        });
    }
    for (const [pkg, st] of pkgStatus) {
        if (st !== 'fail' || pkgsWithTests.has(pkg))
            continue;
        const out = (pkgOutput.get(pkg) ?? []).join('');
        const loc = locate(out, null);
        results.push({
            id: `${pkg}::(package)`,
            name: pkg,
            suite: pkg,
            file: loc ? relPath(loc.file, root) : null,
            line: loc?.line ?? null,
            status: 'error',
            durationMs: null,
            message: BUILD_FAILED.test(out) ? 'build failed' : messageOf(out, 'error'),
            stack: capText(out),
            attempts: 1,
        });
    }
    return { file, kind: 'go-json', totals: totalsOf(results), tests: results, warnings };
}
function messageOf(output, status) {
    const lines = output.split('\n');
    const panic = lines.find((l) => /^panic: /.test(l));
    if (panic)
        return panic.trim();
    const logged = lines.find((l) => /^\s+\S+\.go:\d+: /.test(l));
    if (logged)
        return logged.trim();
    const other = lines.find((l) => l.trim() !== '' && !/^(=== (RUN|PAUSE|CONT)|--- (FAIL|PASS|SKIP)|FAIL|ok )/.test(l.trim()));
    if (other)
        return other.trim();
    return status === 'failed' ? 'failed (see subtests)' : status === 'skipped' ? 'skipped' : 'did not finish';
}

;// CONCATENATED MODULE: ./src/parsers/tests/junit.ts
/**
 * JUnit XML in its real dialects (jest-junit, vitest, mocha-junit-reporter, pytest, gotestsum /
 * go-junit-report, Maven Surefire with flakyFailure/rerunFailure, node --test, .NET JUnit loggers),
 * read as a stream. Tests are counted from <testcase> elements, never from suite attributes, except
 * that a leaf suite with no cases but recorded errors becomes one error entry (a file that failed to
 * load), so that a crash is never counted as green.
 */




const OUTCOME_ELEMENTS = { failure: 'failure', error: 'error', skipped: 'skipped' };
/** Failure texts kept per report: beyond it, tests keep their status and message but not their stack. */
const MAX_REPORT_TEXT = 64 * 1024 * 1024;
/** Keeps memory bounded on huge reports with many failures: the first stacks are the useful ones. */
class TextBudget {
    max;
    used = 0;
    dropped = 0;
    constructor(max) {
        this.max = max;
    }
    keep(t) {
        const size = (t.stack?.length ?? 0) + (t.stdout?.length ?? 0);
        if (size === 0)
            return t;
        if (this.used + size <= this.max) {
            this.used += size;
            return t;
        }
        this.dropped++;
        const { stdout: _stdout, ...rest } = t;
        return { ...rest, stack: null, message: t.message !== null ? t.message.slice(0, 1000) : null };
    }
}
/** A failure outranks an error (pytest adds a teardown error to a failed test), both outrank skipped. */
function rank(o) {
    return o === 'failure' ? 3 : o === 'error' ? 2 : o === 'skipped' ? 1 : 0;
}
/** jest-junit's classname for a test file that could not run (reportTestSuiteErrors). */
const SUITE_CRASH = 'Test suite failed to run';
const RETRY_ELEMENTS = new Set(['flakyFailure', 'flakyError', 'rerunFailure', 'rerunError']);
async function parseJUnit(file, root) {
    const tests = [];
    const suites = [];
    let tc = null;
    let tcDepth = 0;
    // What the character data currently being read belongs to.
    let capture = null;
    let captureOutcome = null;
    const buf = new TextBuffer(MAX_TEXT);
    const paths = new PathCache(root);
    const locations = new LocationCache();
    const budget = new TextBudget(MAX_REPORT_TEXT);
    let sawJUnitRoot = false;
    const { warnings, root: rootName } = await streamXml(file, 'JUnit XML', {
        wantsText: () => capture !== null,
        text: (t) => buf.add(t),
        open(name, attrs, depth) {
            if (depth === 1)
                sawJUnitRoot = name === 'testsuites' || name === 'testsuite';
            if (!sawJUnitRoot)
                return;
            if (name === 'testsuite') {
                if (suites.length > 0)
                    suites[suites.length - 1].childSuites++;
                suites.push({
                    name: detach(attrs.name ?? ''),
                    file: attrs.file ?? attrs.filepath ?? suites[suites.length - 1]?.file ?? null,
                    cases: 0,
                    childSuites: 0,
                    errors: Number(attrs.errors ?? 0) || 0,
                    failures: Number(attrs.failures ?? 0) || 0,
                });
                return;
            }
            if (name === 'testcase' && tc === null) {
                tc = { attrs, outcome: null, message: null, stack: null, retries: 0, stdout: null };
                tcDepth = depth;
                if (suites.length > 0)
                    suites[suites.length - 1].cases++;
                return;
            }
            if (tc === null || depth !== tcDepth + 1)
                return;
            const outcome = OUTCOME_ELEMENTS[name];
            if (outcome) {
                if (rank(outcome) > rank(tc.outcome)) {
                    tc.outcome = outcome;
                    tc.message = attrs.message ?? null;
                    capture = 'outcome';
                    captureOutcome = outcome;
                }
            }
            else if (RETRY_ELEMENTS.has(name)) {
                tc.retries++;
            }
            else if (name === 'system-out') {
                capture = 'stdout';
            }
        },
        close(name, depth) {
            if (!sawJUnitRoot)
                return;
            if (name === 'testsuite' && tc === null) {
                const s = suites.pop();
                if (s && s.cases === 0 && s.childSuites === 0 && s.errors + s.failures > 0) {
                    tests.push(suiteCrash(s, root));
                }
                return;
            }
            if (tc === null)
                return;
            if (depth === tcDepth + 1 && capture !== null) {
                const text = buf.take().trim();
                if (capture === 'stdout')
                    tc.stdout = text;
                else if (captureOutcome === tc.outcome)
                    tc.stack = text || null;
                capture = null;
                captureOutcome = null;
                return;
            }
            if (name === 'testcase' && depth === tcDepth) {
                const result = toResult(tc, suites, paths, locations);
                const prev = tests[tests.length - 1];
                // jest-junit writes a file that failed to load as two cases (the error, then its JSON).
                const repeatCrash = result.id.startsWith(`${SUITE_CRASH}::`) && prev?.id === result.id;
                if (!repeatCrash)
                    tests.push(budget.keep(result));
                tc = null;
            }
        },
    });
    if (!sawJUnitRoot) {
        throw new types/* ReportFormatError */.Qs(`not a JUnit XML file (root element is <${rootName ?? 'none'}>, expected <testsuites> or <testsuite>)`);
    }
    if (budget.dropped > 0) {
        warnings.push(`stacks and output of ${budget.dropped} test(s) dropped: the report's text exceeded ${MAX_REPORT_TEXT / 1024 / 1024} MB`);
    }
    return { file, kind: 'junit', totals: totalsOf(tests), tests, warnings };
}
/**
 * `locate` memoised for one report. Parametrised tests and a broken shared fixture fail many tests
 * with the very same stack, and scanning a stack's frames costs far more than comparing it with a
 * known one. Entries are found by the stack's head and confirmed by comparing the whole text, which
 * is cheaper than hashing all of it.
 */
class LocationCache {
    byHead = new Map();
    size = 0;
    find(text, file) {
        if (!text)
            return null;
        const head = text.length > 256 ? text.slice(0, 256) : text;
        let known = this.byHead.get(head);
        if (known !== undefined) {
            for (const k of known)
                if (k.file === file && k.text.length === text.length && k.text === text)
                    return k.loc;
        }
        const loc = locate(text, file);
        // Bounded: at most a few thousand distinct stacks of at most MAX_TEXT characters are kept.
        if (text.length <= MAX_TEXT && this.size < 2000) {
            if (known === undefined) {
                known = [];
                // Copies, so that a key never pins the parser's 1 MB input chunk it was cut from.
                this.byHead.set(detach(head), known);
            }
            known.push({ text: detach(text), file, loc });
            this.size++;
        }
        return loc;
    }
}
function toResult(tc, suites, paths, locations) {
    const a = tc.attrs;
    const name = detach(a.name ?? '');
    const classname = detach(a.classname ?? '');
    const suite = suites.length > 0 ? suites[suites.length - 1].name : '';
    let status = 'passed';
    if (tc.outcome === 'failure')
        status = 'failed';
    else if (tc.outcome === 'error')
        status = 'error';
    else if (tc.outcome === 'skipped')
        status = 'skipped';
    if (status === 'failed' && isHookTitle(name))
        status = 'error';
    if (classname === SUITE_CRASH && status !== 'passed')
        status = 'error';
    const suiteFile = suites.length > 0 ? suites[suites.length - 1].file : null;
    // .NET loggers put the test assembly in `file`; that is not a source file.
    const attrFile = a.file ?? a.filepath;
    const sourceAttr = attrFile !== undefined && !/\.(dll|exe)$/i.test(attrFile) ? attrFile : undefined;
    const rawFile = sourceAttr ?? suiteFile ?? (looksLikePath(classname) ? classname : null);
    let file = rawFile !== null ? paths.rel(rawFile) : null;
    let line = a.line !== undefined && /^\d+$/.test(a.line) ? Number(a.line) : null;
    let message = tc.message;
    if ((message === null || message === '') && tc.stack)
        message = firstLine(tc.stack);
    // gotestsum / go-junit-report write a bare "Failed"; the test's own log line says what failed.
    if (message !== null && /^(failed|skipped)$/i.test(message.trim()) && tc.stack)
        message = messageOf(tc.stack, status);
    if (line === null) {
        // Stack first, then the message; never concatenated, which would copy every stack once more.
        const loc = locations.find(tc.stack, file) ?? locations.find(message, file);
        if (loc) {
            line = loc.line;
            file ??= paths.rel(loc.file);
        }
    }
    const owner = classname === SUITE_CRASH
        ? SUITE_CRASH
        : classname === '' || classname === suite || name.endsWith(classname)
            ? suite
            : classname;
    const result = {
        id: `${owner}::${name}`,
        name,
        suite,
        file,
        line,
        status,
        durationMs: secondsToMs(a.time),
        message: status === 'passed' || message === null ? null : detach(message),
        stack: status === 'passed' || tc.stack === null ? null : detach(tc.stack),
        attempts: 1 + tc.retries,
    };
    if (tc.stdout)
        result.stdout = detach(tc.stdout);
    return result;
}
function suiteCrash(s, root) {
    return {
        id: `${s.name}::(suite)`,
        name: s.name,
        suite: s.name,
        file: s.file !== null ? relPath(s.file, root) : null,
        line: null,
        status: 'error',
        durationMs: null,
        message: `suite reported ${s.errors} error(s) and ${s.failures} failure(s) but no test cases`,
        stack: null,
        attempts: 1,
    };
}
function looksLikePath(s) {
    return /[/\\]/.test(s) && /\.[A-Za-z]{1,5}$/.test(s);
}
function firstLine(s) {
    // Scans line by line instead of splitting: stacks can be long and only the top matters.
    let start = 0;
    while (start < s.length) {
        let end = s.indexOf('\n', start);
        if (end < 0)
            end = s.length;
        const line = s.slice(start, end).trim();
        if (line !== '')
            return line;
        start = end + 1;
    }
    return '';
}

;// CONCATENATED MODULE: ./src/parsers/json-input.ts
/** Whole-file JSON input for the JSON report formats, bounded in size and with clear messages. */


/** JSON reports are read whole; beyond this they are refused rather than exhausting memory. */
const MAX_JSON_BYTES = 512 * 1024 * 1024;
async function readText(file, format, maxBytes = MAX_JSON_BYTES) {
    const info = await (0,promises_.stat)(file);
    if (!info.isFile())
        throw new types/* ReportFormatError */.Qs(`not a ${format} file (not a regular file)`);
    if (info.size > maxBytes) {
        throw new types/* ReportFormatError */.Qs(`${format} file is ${info.size} bytes, over the ${maxBytes}-byte limit`);
    }
    const fh = await (0,promises_.open)(file, 'r');
    try {
        const buf = await fh.readFile();
        if (buf.includes(0))
            throw new types/* ReportFormatError */.Qs(`not a ${format} file (binary content)`);
        return buf.toString('utf8').replace(/^\uFEFF/, '');
    }
    finally {
        await fh.close();
    }
}
async function readJson(file, format) {
    const text = await readText(file, format);
    if (text.trim() === '')
        throw new types/* ReportFormatError */.Qs(`not a ${format} file (it is empty)`);
    try {
        return JSON.parse(text);
    }
    catch (err) {
        const truncated = /Unexpected end of JSON input|Unterminated/.test(String(err));
        throw new types/* ReportFormatError */.Qs(truncated ? `${format} file is truncated (incomplete JSON)` : `not a ${format} file (invalid JSON)`);
    }
}

;// CONCATENATED MODULE: ./src/parsers/tests/jest-json.ts
/**
 * Jest's `--json` output and vitest's json reporter (which follows jest's shape). A test file that
 * failed to run has no assertion results: it becomes one error entry so a crash is never green.
 */



async function parseJestJson(file, root, kind) {
    const label = kind === 'jest-json' ? 'jest JSON' : 'vitest JSON';
    const data = await readJson(file, label);
    if (!isRecord(data) || !Array.isArray(data.testResults)) {
        throw new types/* ReportFormatError */.Qs(`not a ${label} file (no "testResults" array)`);
    }
    const tests = [];
    for (const suite of data.testResults) {
        if (!isRecord(suite))
            continue;
        const suitePath = str(suite.name) ?? str(suite.testFilePath) ?? '';
        const relFile = suitePath ? relPath(suitePath, root) : null;
        const assertions = Array.isArray(suite.assertionResults) ? suite.assertionResults : [];
        const suiteMessage = str(suite.message) ?? str(suite.failureMessage) ?? '';
        if (assertions.length === 0 && (suite.status === 'failed' || suiteMessage.trim() !== '')) {
            tests.push({
                id: `${relFile ?? ''}::(suite)`,
                name: relFile ?? '(suite)',
                suite: relFile ?? '',
                file: relFile,
                line: locate(suiteMessage, relFile)?.line ?? null,
                status: 'error',
                durationMs: null,
                message: jest_json_firstLine(stripAnsi(suiteMessage)) || 'test file failed to run',
                stack: suiteMessage ? capText(stripAnsi(suiteMessage)) : null,
                attempts: 1,
            });
            continue;
        }
        for (const a of assertions) {
            if (!isRecord(a))
                continue;
            tests.push(jest_json_toResult(a, relFile));
        }
    }
    return { file, kind, totals: totalsOf(tests), tests, warnings: [] };
}
function jest_json_toResult(a, file) {
    const title = str(a.title) ?? '';
    const ancestors = Array.isArray(a.ancestorTitles)
        ? a.ancestorTitles.filter((x) => typeof x === 'string')
        : [];
    const fullName = str(a.fullName) || [...ancestors, title].join(' ') || 'Test suite failed to run';
    const failures = Array.isArray(a.failureMessages)
        ? a.failureMessages.filter((x) => typeof x === 'string')
        : [];
    const status = statusOf(str(a.status));
    // vitest keeps the failures of earlier attempts on a test that finally passed.
    const stack = failures.length > 0 && status !== 'passed' ? capText(stripAnsi(failures.join('\n'))) : null;
    const failedAttempts = status === 'passed' ? failures.length : 0;
    const location = isRecord(a.location) ? num(a.location.line) : null;
    const invocations = num(a.invocations);
    const retryReasons = Array.isArray(a.retryReasons) ? a.retryReasons.length : 0;
    return {
        id: `${file ?? ''}::${fullName}`,
        name: fullName,
        suite: ancestors.join(' > '),
        file,
        line: location ?? (stack ? (locate(stack, file)?.line ?? null) : null),
        status,
        durationMs: roundMs(num(a.duration)),
        message: stack ? jest_json_firstLine(stack) : null,
        stack,
        attempts: Math.max(1, invocations ?? 1, retryReasons + 1, failedAttempts + 1),
    };
}
function statusOf(s) {
    if (s === 'passed')
        return 'passed';
    if (s === 'failed')
        return 'failed';
    // jest 30 reports a test file that failed to load as one result with status "error".
    if (s === 'error')
        return 'error';
    // pending, skipped, todo, disabled, focused-out
    return 'skipped';
}
function stripAnsi(s) {
    return s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}
function jest_json_firstLine(s) {
    // Scans line by line instead of splitting: stacks can be long and only the top matters.
    let start = 0;
    while (start < s.length) {
        let end = s.indexOf('\n', start);
        if (end < 0)
            end = s.length;
        const line = s.slice(start, end).trim();
        if (line !== '')
            return line;
        start = end + 1;
    }
    return '';
}

;// CONCATENATED MODULE: ./src/parsers/tests/mocha-json.ts
/**
 * Mocha's `--reporter json`. A failing hook appears in `failures` but not in `tests`: it is an error
 * entry (tests could not run). `currentRetry` > 0 on a passing test means it passed on a retry.
 */



async function parseMochaJson(file, root) {
    const data = await readJson(file, 'mocha JSON');
    if (!isRecord(data) || !isRecord(data.stats) || !Array.isArray(data.tests)) {
        throw new types/* ReportFormatError */.Qs('not a mocha JSON file (no "stats" and "tests")');
    }
    const key = (t) => `${str(t.file) ?? ''}\u0000${str(t.fullTitle) ?? ''}`;
    const failed = new Set((Array.isArray(data.failures) ? data.failures : []).filter(isRecord).map(key));
    const pending = new Set((Array.isArray(data.pending) ? data.pending : []).filter(isRecord).map(key));
    const tests = [];
    const seen = new Set();
    for (const t of data.tests.filter(isRecord)) {
        const k = key(t);
        seen.add(k);
        const status = failed.has(k)
            ? 'failed'
            : pending.has(k) || t.pending === true
                ? 'skipped'
                : 'passed';
        tests.push(mocha_json_toResult(t, status, root));
    }
    for (const t of (Array.isArray(data.failures) ? data.failures : []).filter(isRecord)) {
        if (!seen.has(key(t)))
            tests.push(mocha_json_toResult(t, 'error', root));
    }
    return { file, kind: 'mocha-json', totals: totalsOf(tests), tests, warnings: [] };
}
function mocha_json_toResult(t, status, root) {
    const title = str(t.title) ?? '';
    const fullTitle = str(t.fullTitle) ?? title;
    const rawFile = str(t.file);
    const file = rawFile ? relPath(rawFile, root) : null;
    const err = isRecord(t.err) ? t.err : {};
    const stack = str(err.stack);
    const message = str(err.message);
    if (status === 'failed' && isHookTitle(title))
        status = 'error';
    const suite = fullTitle.endsWith(title) ? fullTitle.slice(0, fullTitle.length - title.length).trim() : '';
    return {
        id: `${file ?? ''}::${fullTitle}`,
        name: fullTitle,
        suite,
        file,
        line: status === 'passed' || status === 'skipped' ? null : (locate(stack, file)?.line ?? null),
        status,
        durationMs: roundMs(num(t.duration)),
        message: status === 'passed' || status === 'skipped' ? null : message,
        stack: status === 'passed' || status === 'skipped' ? null : stack ? capText(stack) : null,
        attempts: 1 + (num(t.currentRetry) ?? 0),
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/parsers/tests/tap.ts
/**
 * TAP 13/14 as node --test and mocha write it. Nesting comes from indentation: a point with deeper
 * points before it is a parent. Parents marked `type: 'suite'` (describe blocks) are not tests;
 * other parents (a test with subtests) are, as node's own `# tests` count has it.
 */




const POINT = /^(\s*)(not ok|ok)\b(?:\s+(\d+))?(?:\s*-)?\s*(.*)$/;
async function parseTap(file, root) {
    const points = [];
    const subtestNames = [];
    const openIndents = [];
    let current = null;
    let inYaml = false;
    let sawTap = false;
    let lineNo = 0;
    for await (const line of readLines(file, 'TAP')) {
        lineNo++;
        if (inYaml && current) {
            if (/^\s*\.\.\.\s*$/.test(line))
                inYaml = false;
            else if (current.yaml.length < 2000)
                current.yaml.push(line);
            continue;
        }
        const trimmed = line.trim();
        if (/^TAP version \d+$/.test(trimmed) || /^\d+\.\.\d+/.test(trimmed)) {
            sawTap = true;
            continue;
        }
        const sub = /^(\s*)# Subtest: (.*)$/.exec(line);
        if (sub) {
            const indent = sub[1].length;
            while (subtestNames.length > 0 && subtestNames[subtestNames.length - 1].indent >= indent)
                subtestNames.pop();
            subtestNames.push({ indent, name: sub[2] });
            continue;
        }
        const m = POINT.exec(line);
        if (m) {
            sawTap = true;
            const indent = m[1].length;
            const hasChildren = openIndents.length > 0 && openIndents[openIndents.length - 1] > indent;
            while (openIndents.length > 0 && openIndents[openIndents.length - 1] > indent)
                openIndents.pop();
            if (openIndents[openIndents.length - 1] !== indent)
                openIndents.push(indent);
            const split = splitDirective(m[4]);
            const description = detach(split.description);
            const { directive } = split;
            const directiveText = detach(split.directiveText);
            current = {
                indent,
                ok: m[2] === 'ok',
                description,
                directive,
                directiveText,
                suite: detach(subtestNames
                    .filter((s) => s.indent < indent)
                    .map((s) => s.name)
                    .join(' > ')),
                yaml: [],
                diag: [],
                hasChildren,
            };
            points.push(current);
            continue;
        }
        if (current && /^\s*---\s*$/.test(line) && leading(line) > current.indent) {
            inYaml = true;
            continue;
        }
        if (current && trimmed !== '' && !trimmed.startsWith('#') && leading(line) > current.indent) {
            if (current.diag.length < 500)
                current.diag.push(detach(line.slice(current.indent + 2)));
        }
        if (!sawTap && lineNo > 50)
            break;
    }
    if (!sawTap)
        throw new types/* ReportFormatError */.Qs('not a TAP file (no "TAP version", plan or test point)');
    const tests = [];
    for (const p of points) {
        const y = parseYaml(p.yaml);
        if (p.hasChildren && y.type === 'suite')
            continue;
        tests.push(tap_toResult(p, y, root));
    }
    const warnings = inYaml ? ['the file is truncated inside a YAML block; kept what was complete'] : [];
    return { file, kind: 'tap', totals: totalsOf(tests), tests, warnings };
}
function tap_toResult(p, y, root) {
    let status;
    if (p.directive === 'skip' || p.directive === 'todo')
        status = 'skipped';
    else if (p.ok)
        status = 'passed';
    else if (y.failureType === 'cancelledByParent' || isHookTitle(p.description))
        status = 'error';
    else
        status = 'failed';
    const location = str(y.location);
    const locMatch = location ? /^(.*):(\d+):\d+$/.exec(location) : null;
    const declaredFile = locMatch ? relPath(locMatch[1], root) : null;
    const yamlError = typeof y.error === 'string' ? y.error : y.error !== undefined ? JSON.stringify(y.error) : null;
    const yamlStack = str(y.stack);
    const diag = p.diag.join('\n').trim();
    const failing = status === 'failed' || status === 'error';
    const stack = failing ? capText(yamlStack ?? diag, MAX_TEXT) || null : null;
    let file = declaredFile;
    let line = null;
    if (failing) {
        const loc = locate(`${yamlStack ?? ''}\n${diag}`, file);
        if (loc) {
            line = loc.line;
            file ??= relPath(loc.file, root);
        }
    }
    if (line === null && locMatch && failing)
        line = Number(locMatch[2]);
    const name = p.description;
    return {
        id: `${p.suite}::${name}`,
        name,
        suite: p.suite,
        file,
        line,
        status,
        durationMs: roundMs(num(y.duration_ms)),
        message: failing
            ? yamlError?.trim() || diag.split('\n')[0] || null
            : status === 'skipped'
                ? p.directiveText || null
                : null,
        stack,
        attempts: 1,
    };
}
function splitDirective(rest) {
    const m = /^(.*?)\s*(?<!\\)#\s*(SKIP|TODO)\S*\s*(.*)$/i.exec(rest);
    if (!m)
        return { description: rest.trim(), directive: null, directiveText: '' };
    const text = m[3].trim();
    return {
        description: m[1].trim(),
        directive: m[2].toUpperCase() === 'SKIP' ? 'skip' : 'todo',
        directiveText: text === '-' ? '' : text,
    };
}
function parseYaml(lines) {
    if (lines.length === 0)
        return {};
    const indent = Math.min(...lines.filter((l) => l.trim() !== '').map(leading));
    try {
        const doc = dist.parse(lines.map((l) => l.slice(indent)).join('\n'), { maxAliasCount: 10 });
        return isRecord(doc) ? doc : {};
    }
    catch {
        return {};
    }
}
function leading(line) {
    return line.length - line.trimStart().length;
}

;// CONCATENATED MODULE: ./src/parsers/coverage-reports/build.ts

class FileAccumulator {
    /** line number -> hit count (max over the entries that cover the line). */
    lineHits = new Map();
    branches = { covered: 0, total: 0 };
    functions = { covered: 0, total: 0 };
    /** Counts given directly by the format (when it has no per-line data). */
    lineCounts = null;
    hit(line, count) {
        if (!Number.isInteger(line) || line <= 0)
            return;
        const prev = this.lineHits.get(line);
        if (prev === undefined || count > prev)
            this.lineHits.set(line, count);
    }
    toFile(path) {
        const covered = [];
        const uncovered = [];
        for (const [line, hits] of this.lineHits)
            (hits > 0 ? covered : uncovered).push(line);
        covered.sort((a, b) => a - b);
        uncovered.sort((a, b) => a - b);
        const lines = this.lineHits.size === 0 && this.lineCounts
            ? counter(this.lineCounts.covered, this.lineCounts.total)
            : counter(covered.length, covered.length + uncovered.length);
        return {
            path,
            lines,
            branches: counter(this.branches.covered, this.branches.total),
            functions: counter(this.functions.covered, this.functions.total),
            coveredLines: covered,
            uncoveredLines: uncovered,
        };
    }
}
/** Files keyed by their path as written in the report; several entries for one file are merged. */
class CoverageBuilder {
    root;
    files = new Map();
    constructor(root) {
        this.root = root;
    }
    file(rawPath) {
        const key = detach(relPath(rawPath, this.root));
        let acc = this.files.get(key);
        if (!acc) {
            acc = new FileAccumulator();
            this.files.set(key, acc);
        }
        return acc;
    }
    accumulators() {
        return this.files.values();
    }
    get size() {
        return this.files.size;
    }
    build(file, kind, warnings) {
        const files = [...this.files]
            .map(([p, acc]) => acc.toFile(p))
            .sort((a, b) => a.path.localeCompare(b.path));
        return {
            file,
            kind,
            totals: {
                lines: sumCounters(files.map((f) => f.lines)),
                branches: sumCounters(files.map((f) => f.branches)),
                functions: sumCounters(files.map((f) => f.functions)),
            },
            files,
            warnings,
        };
    }
}

;// CONCATENATED MODULE: ./src/parsers/coverage-reports/lcov.ts
/**
 * lcov tracefiles. Per-line DA records are the counts; LF/LH, FNF/FNH and BRF/BRH summaries are used
 * only for a record that lacks the detailed entries.
 */



async function parseLcov(file, root) {
    const builder = new CoverageBuilder(root);
    const warnings = [];
    let acc = null;
    let fns = new Map();
    let fnDetail = false;
    let brCovered = 0;
    let brTotal = 0;
    let brDetail = false;
    let summary = {};
    let sawRecord = false;
    let lineNo = 0;
    const finish = () => {
        if (!acc)
            return;
        if (fnDetail) {
            acc.functions = { covered: [...fns.values()].filter((n) => n > 0).length, total: fns.size };
        }
        else if (summary.FNF !== undefined) {
            acc.functions = { covered: summary.FNH ?? 0, total: summary.FNF };
        }
        if (brDetail)
            acc.branches = { covered: brCovered, total: brTotal };
        else if (summary.BRF !== undefined)
            acc.branches = { covered: summary.BRH ?? 0, total: summary.BRF };
        if (summary.LF !== undefined)
            acc.lineCounts = { covered: summary.LH ?? 0, total: summary.LF };
        acc = null;
    };
    for await (const line of readLines(file, 'lcov')) {
        lineNo++;
        const colon = line.indexOf(':');
        const tag = colon >= 0 ? line.slice(0, colon).trim() : line.trim();
        const value = colon >= 0 ? line.slice(colon + 1) : '';
        switch (tag) {
            case 'TN':
                sawRecord = true;
                break;
            case 'SF':
                finish();
                sawRecord = true;
                acc = builder.file(value.trim());
                fns = new Map();
                fnDetail = false;
                brCovered = 0;
                brTotal = 0;
                brDetail = false;
                summary = {};
                break;
            case 'DA': {
                if (!acc)
                    break;
                const [ln, hits] = value.split(',');
                acc.hit(Number(ln), Number(hits) || 0);
                break;
            }
            case 'FN': {
                // lcov 2 writes FN:<start>,<end>,<name>; older versions FN:<start>,<name>.
                const name = value.slice(value.lastIndexOf(',') + 1);
                if (!fns.has(name))
                    fns.set(name, 0);
                fnDetail = true;
                break;
            }
            case 'FNDA': {
                const comma = value.indexOf(',');
                const name = value.slice(comma + 1);
                fns.set(name, (fns.get(name) ?? 0) + (Number(value.slice(0, comma)) || 0));
                fnDetail = true;
                break;
            }
            case 'BRDA': {
                const taken = value.split(',')[3]?.trim();
                brTotal++;
                if (taken !== undefined && taken !== '-' && Number(taken) > 0)
                    brCovered++;
                brDetail = true;
                break;
            }
            case 'LF':
            case 'LH':
            case 'FNF':
            case 'FNH':
            case 'BRF':
            case 'BRH':
                summary[tag] = Number(value) || 0;
                break;
            case 'end_of_record':
                finish();
                break;
            case '':
                break;
            default:
                if (!sawRecord && lineNo <= 5)
                    throw new types/* ReportFormatError */.Qs('not an lcov file (no TN:/SF: records)');
        }
    }
    finish();
    if (!sawRecord)
        throw new types/* ReportFormatError */.Qs('not an lcov file (no TN:/SF: records)');
    return builder.build(file, 'lcov', warnings);
}

;// CONCATENATED MODULE: ./src/parsers/coverage-reports/gocover.ts
/**
 * Go coverprofiles (`go test -coverprofile`). Blocks cover line ranges; a line is covered when any
 * block on it ran. Go profiles carry no branch or function data, so those counters are 0/0.
 */



const BLOCK = /^(.+):(\d+)\.\d+,(\d+)\.\d+ (\d+) (\d+)$/;
/** A block longer than this is malformed input; it is clamped so it cannot allocate without bound. */
const MAX_BLOCK_LINES = 100_000;
async function parseGoCover(file, root) {
    const builder = new CoverageBuilder(root);
    const warnings = [];
    let first = true;
    let bad = 0;
    for await (const line of readLines(file, 'Go coverprofile')) {
        if (first) {
            first = false;
            if (!/^mode: (set|count|atomic)\s*$/.test(line)) {
                throw new types/* ReportFormatError */.Qs('not a Go coverprofile (first line is not "mode: set|count|atomic")');
            }
            continue;
        }
        if (line.trim() === '')
            continue;
        const m = BLOCK.exec(line);
        if (!m) {
            bad++;
            continue;
        }
        const start = Number(m[2]);
        const end = Math.min(Number(m[3]), start + MAX_BLOCK_LINES);
        const count = Number(m[5]);
        const acc = builder.file(m[1]);
        for (let l = start; l <= end; l++)
            acc.hit(l, count);
    }
    if (first)
        throw new types/* ReportFormatError */.Qs('not a Go coverprofile (it is empty)');
    if (bad > 0)
        warnings.push(`${bad} malformed line(s) ignored`);
    return builder.build(file, 'gocover', warnings);
}

;// CONCATENATED MODULE: ./src/parsers/coverage-reports/xml-coverage.ts
/**
 * The XML coverage formats, streamed: Cobertura (line hits, condition-coverage "(a/b)", methods),
 * JaCoCo (per-line instruction and branch counters, METHOD counter per source file) and Clover
 * (statement lines; conditionals and methods from the file's counts, whose meaning istanbul and
 * OpenClover agree on, unlike the per-line truecount/falsecount).
 */



function xml_coverage_int(v) {
    const n = Number(v);
    return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
async function parseCobertura(file, root) {
    const builder = new CoverageBuilder(root);
    let acc = null;
    let inMethod = false;
    let methodHit = false;
    // Branch coverage is per line: a class listed twice for one file must not count a line twice.
    let branchLines = new Map();
    const branchByFile = new Map();
    const { warnings, root: rootName } = await streamXml(file, 'Cobertura XML', {
        open(name, a) {
            if (name === 'class') {
                acc = builder.file(a.filename ?? a.name ?? '');
                branchLines = branchByFile.get(acc) ?? new Map();
                branchByFile.set(acc, branchLines);
            }
            else if (name === 'method' && acc) {
                inMethod = true;
                methodHit = xml_coverage_int(a.hits) > 0;
            }
            else if (name === 'line' && acc) {
                const hits = xml_coverage_int(a.hits);
                if (inMethod) {
                    if (hits > 0)
                        methodHit = true;
                    return;
                }
                const nr = xml_coverage_int(a.number);
                acc.hit(nr, hits);
                const cc = /\((\d+)\/(\d+)\)/.exec(a['condition-coverage'] ?? '');
                if (a.branch === 'true' && cc)
                    branchLines.set(nr, { covered: Number(cc[1]), total: Number(cc[2]) });
            }
        },
        close(name) {
            if (name === 'method' && acc && inMethod) {
                inMethod = false;
                acc.functions.total++;
                if (methodHit)
                    acc.functions.covered++;
            }
            else if (name === 'class') {
                acc = null;
            }
        },
    });
    if (rootName !== 'coverage')
        throw new types/* ReportFormatError */.Qs(`not a Cobertura XML file (root element <${rootName}>)`);
    for (const [fileAcc, lines] of branchByFile) {
        let covered = 0;
        let total = 0;
        for (const b of lines.values()) {
            covered += b.covered;
            total += b.total;
        }
        fileAcc.branches = { covered, total };
    }
    return builder.build(file, 'cobertura', warnings);
}
async function parseJacoco(file, root) {
    const builder = new CoverageBuilder(root);
    const packages = [];
    let acc = null;
    const { warnings, root: rootName } = await streamXml(file, 'JaCoCo XML', {
        open(name, a) {
            if (name === 'package')
                packages.push(a.name ?? '');
            else if (name === 'sourcefile') {
                const pkg = packages[packages.length - 1] ?? '';
                acc = builder.file(pkg ? `${pkg}/${a.name ?? ''}` : (a.name ?? ''));
            }
            else if (name === 'line' && acc) {
                acc.hit(xml_coverage_int(a.nr), xml_coverage_int(a.ci) > 0 ? xml_coverage_int(a.ci) : xml_coverage_int(a.mi) > 0 ? 0 : -1);
                acc.branches.covered += xml_coverage_int(a.cb);
                acc.branches.total += xml_coverage_int(a.cb) + xml_coverage_int(a.mb);
            }
            else if (name === 'counter' && acc && a.type === 'METHOD') {
                acc.functions = { covered: xml_coverage_int(a.covered), total: xml_coverage_int(a.covered) + xml_coverage_int(a.missed) };
            }
        },
        close(name) {
            if (name === 'sourcefile')
                acc = null;
            else if (name === 'package')
                packages.pop();
        },
    });
    if (rootName !== 'report')
        throw new types/* ReportFormatError */.Qs(`not a JaCoCo XML file (root element <${rootName}>)`);
    dropNonCode(builder);
    return builder.build(file, 'jacoco', warnings);
}
/** JaCoCo lines with no instructions at all (ci=0, mi=0) are not code; they were recorded as -1. */
function dropNonCode(builder) {
    for (const acc of builder.accumulators()) {
        for (const [line, hits] of acc.lineHits)
            if (hits < 0)
                acc.lineHits.delete(line);
    }
}
async function parseClover(file, root) {
    const builder = new CoverageBuilder(root);
    let acc = null;
    let sawProject = false;
    const { warnings, root: rootName } = await streamXml(file, 'Clover XML', {
        open(name, a) {
            if (name === 'project')
                sawProject = true;
            else if (name === 'file')
                acc = builder.file(a.path ?? a.name ?? '');
            else if (name === 'metrics' && acc) {
                acc.branches = { covered: xml_coverage_int(a.coveredconditionals), total: xml_coverage_int(a.conditionals) };
                acc.functions = { covered: xml_coverage_int(a.coveredmethods), total: xml_coverage_int(a.methods) };
            }
            else if (name === 'line' && acc && a.type !== 'method') {
                acc.hit(xml_coverage_int(a.num), xml_coverage_int(a.count));
            }
        },
        close(name) {
            if (name === 'file')
                acc = null;
        },
    });
    if (rootName !== 'coverage' || !sawProject)
        throw new types/* ReportFormatError */.Qs('not a Clover XML file (no <coverage><project>)');
    return builder.build(file, 'clover', warnings);
}

;// CONCATENATED MODULE: ./src/parsers/coverage-reports/istanbul.ts
/**
 * istanbul JSON: `coverage-final.json` (raw statement/function/branch hit maps, from which per-line
 * hits are derived the way istanbul's own FileCoverage.getLineCoverage does) and
 * `coverage-summary.json` (counts only; no per-line data, so coveredLines stay empty).
 */




async function parseIstanbul(file, root) {
    const data = await readJson(file, 'istanbul JSON');
    if (!isRecord(data))
        throw new types/* ReportFormatError */.Qs('not an istanbul JSON file (not an object)');
    const builder = new CoverageBuilder(root);
    const warnings = [];
    const isSummary = isRecord(data.total) && isRecord(data.total.lines);
    for (const [key, entry] of Object.entries(data)) {
        if (!isRecord(entry))
            continue;
        if (isSummary) {
            if (key === 'total')
                continue;
            const acc = builder.file(key);
            const pair = (v) => isRecord(v) ? { covered: num(v.covered) ?? 0, total: num(v.total) ?? 0 } : { covered: 0, total: 0 };
            acc.lineCounts = pair(entry.lines);
            acc.branches = pair(entry.branches);
            acc.functions = pair(entry.functions);
            continue;
        }
        if (!isRecord(entry.statementMap) || !isRecord(entry.s))
            continue;
        const acc = builder.file(typeof entry.path === 'string' ? entry.path : key);
        for (const [id, loc] of Object.entries(entry.statementMap)) {
            const line = isRecord(loc) && isRecord(loc.start) ? num(loc.start.line) : null;
            if (line !== null)
                acc.hit(line, num(entry.s[id]) ?? 0);
        }
        const f = isRecord(entry.f) ? Object.values(entry.f) : [];
        acc.functions = { covered: f.filter((n) => (num(n) ?? 0) > 0).length, total: f.length };
        let covered = 0;
        let total = 0;
        for (const arms of isRecord(entry.b) ? Object.values(entry.b) : []) {
            if (!Array.isArray(arms))
                continue;
            total += arms.length;
            covered += arms.filter((n) => (num(n) ?? 0) > 0).length;
        }
        acc.branches = { covered, total };
    }
    if (builder.size === 0 && !isSummary) {
        throw new types/* ReportFormatError */.Qs('not an istanbul JSON file (no file entries with statementMap)');
    }
    return builder.build(file, 'istanbul', warnings);
}

;// CONCATENATED MODULE: ./src/parsers/vulns/build.ts
/** Deduplication by (id, package, version) and counts by severity, shared by the scanner parsers. */

const RANK = { critical: 5, high: 4, medium: 3, low: 2, info: 1, unknown: 0 };
function emptyCounts() {
    return Object.fromEntries(types/* SEVERITIES */.oC.map((s) => [s, 0]));
}
class FindingSet {
    byKey = new Map();
    add(f) {
        const key = `${f.id}\u0000${f.package}\u0000${f.version}`;
        const prev = this.byKey.get(key);
        // The same finding reported twice (two targets, two layers) keeps its highest severity.
        if (!prev || RANK[f.severity] > RANK[prev.severity])
            this.byKey.set(key, prev ? { ...f, fixedVersion: f.fixedVersion ?? prev.fixedVersion } : f);
    }
    build(file, kind, warnings) {
        const findings = [...this.byKey.values()];
        const counts = emptyCounts();
        for (const f of findings)
            counts[f.severity]++;
        return { file, kind, counts, findings, warnings };
    }
}
const ADVISORY_ID = /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[0-9a-z]{4}){3})\b/i;
function advisoryId(...texts) {
    for (const t of texts) {
        const m = t ? ADVISORY_ID.exec(t) : null;
        if (m)
            return m[1].toUpperCase().startsWith('GHSA')
                ? `GHSA${m[1].slice(4).toLowerCase()}`
                : m[1].toUpperCase();
    }
    return null;
}

;// CONCATENATED MODULE: ./src/parsers/vulns/npm-audit.ts
/**
 * npm audit --json, v6 (advisories + actions) and v7+ (auditReportVersion 2). Counts are per
 * vulnerable package, as npm's own metadata.vulnerabilities; `moderate` is reported as `medium` and
 * `info` is kept. An audit that failed (npm printed an error object) is an error, never zero findings.
 */




class AuditFailedError extends types/* ReportFormatError */.Qs {
}
async function parseNpmAudit(file) {
    const data = await readJson(file, 'npm audit JSON');
    if (!isRecord(data))
        throw new types/* ReportFormatError */.Qs('not an npm audit JSON file (not an object)');
    if (isRecord(data.error) ||
        (typeof data.message === 'string' && !data.vulnerabilities && !data.advisories)) {
        const err = isRecord(data.error) ? data.error : {};
        const detail = [str(data.message), str(err.summary), str(err.detail), str(err.code)].find((s) => s && s.trim() !== '');
        throw new AuditFailedError(`audit failed: ${(detail ?? 'npm audit reported an error').split('\n')[0]}`);
    }
    if (data.auditReportVersion === 2 && isRecord(data.vulnerabilities))
        return v7(file, data.vulnerabilities);
    if (isRecord(data.advisories))
        return v6(file, data.advisories);
    throw new types/* ReportFormatError */.Qs('not an npm audit JSON file (no "vulnerabilities" or "advisories")');
}
function v7(file, vulns) {
    const set = new FindingSet();
    for (const [name, raw] of Object.entries(vulns)) {
        if (!isRecord(raw))
            continue;
        const via = Array.isArray(raw.via) ? raw.via : [];
        const advisories = via.filter(isRecord);
        const through = via.filter((v) => typeof v === 'string');
        const ids = advisories
            .map((a) => advisoryId(str(a.url)) ?? String(a.source ?? ''))
            .filter((s) => s !== '');
        const titles = advisories.map((a) => str(a.title)).filter((s) => s !== null);
        const fix = raw.fixAvailable;
        const fixedVersion = isRecord(fix) && fix.name === name ? (str(fix.version) ?? null) : null;
        set.add({
            id: ids[0] ?? `via:${through.join(',')}`,
            package: str(raw.name) ?? name,
            version: str(raw.range) ?? '',
            fixedVersion,
            severity: severityOf(raw.severity),
            title: titles.length > 0 ? titles.join('; ') : `depends on vulnerable ${through.join(', ')}`,
        });
    }
    return set.build(file, 'npm-audit', []);
}
function v6(file, advisories) {
    const set = new FindingSet();
    for (const [key, raw] of Object.entries(advisories)) {
        if (!isRecord(raw))
            continue;
        const cves = Array.isArray(raw.cves) ? raw.cves.filter((c) => typeof c === 'string') : [];
        const id = str(raw.github_advisory_id) ?? cves[0] ?? advisoryId(str(raw.url)) ?? `npm:${String(raw.id ?? key)}`;
        const findings = Array.isArray(raw.findings) ? raw.findings.filter(isRecord) : [];
        const versions = findings.length > 0 ? findings.map((f) => str(f.version) ?? '') : [''];
        for (const version of versions) {
            set.add({
                id,
                package: str(raw.module_name) ?? '',
                version,
                fixedVersion: str(raw.patched_versions),
                severity: severityOf(raw.severity),
                title: str(raw.title) ?? '',
            });
        }
    }
    return set.build(file, 'npm-audit', []);
}

;// CONCATENATED MODULE: ./src/parsers/vulns/scanners.ts
/** Trivy JSON (SchemaVersion 2) and Grype JSON, deduplicated by (id, package, version). */




async function parseTrivy(file) {
    const data = await readJson(file, 'Trivy JSON');
    if (!isRecord(data) || !('Results' in data || 'SchemaVersion' in data)) {
        throw new types/* ReportFormatError */.Qs('not a Trivy JSON file (no "SchemaVersion"/"Results")');
    }
    const set = new FindingSet();
    for (const result of Array.isArray(data.Results) ? data.Results.filter(isRecord) : []) {
        for (const v of Array.isArray(result.Vulnerabilities) ? result.Vulnerabilities.filter(isRecord) : []) {
            set.add({
                id: str(v.VulnerabilityID) ?? '',
                package: str(v.PkgName) ?? str(v.PkgID) ?? '',
                version: str(v.InstalledVersion) ?? '',
                fixedVersion: str(v.FixedVersion) || null,
                severity: severityOf(v.Severity),
                title: str(v.Title) ?? str(v.Description)?.split('\n')[0] ?? '',
            });
        }
    }
    return set.build(file, 'trivy', []);
}
async function parseGrype(file) {
    const data = await readJson(file, 'Grype JSON');
    if (!isRecord(data) || !Array.isArray(data.matches))
        throw new types/* ReportFormatError */.Qs('not a Grype JSON file (no "matches")');
    const set = new FindingSet();
    for (const m of data.matches.filter(isRecord)) {
        const vuln = isRecord(m.vulnerability) ? m.vulnerability : {};
        const artifact = isRecord(m.artifact) ? m.artifact : {};
        const fix = isRecord(vuln.fix) ? vuln.fix : {};
        const fixVersions = Array.isArray(fix.versions)
            ? fix.versions.filter((x) => typeof x === 'string')
            : [];
        const related = Array.isArray(m.relatedVulnerabilities) ? m.relatedVulnerabilities.filter(isRecord) : [];
        const description = str(vuln.description) ?? related.map((r) => str(r.description)).find((d) => d) ?? '';
        set.add({
            id: str(vuln.id) ?? '',
            package: str(artifact.name) ?? '',
            version: str(artifact.version) ?? '',
            fixedVersion: fixVersions[0] ?? null,
            severity: severityOf(vuln.severity),
            title: description.split('\n')[0],
        });
    }
    return set.build(file, 'grype', []);
}

;// CONCATENATED MODULE: ./src/parsers/vulns/sarif.ts
/**
 * SARIF 2.1.0 from any scanner. Severity comes from `security-severity` (a CVSS score on the result or
 * its rule: >= 9 critical, >= 7 high, >= 4 medium, > 0 low) or else from the level (error high,
 * warning medium, note low, none info; SARIF's default level is warning). Dependency scanners (Trivy,
 * Grype) name the package and versions in the rule's help text; other results use the file as the
 * package and the line as the version, so distinct locations are distinct findings.
 */




async function parseSarif(file) {
    const data = await readJson(file, 'SARIF');
    if (!isRecord(data) || !Array.isArray(data.runs))
        throw new types/* ReportFormatError */.Qs('not a SARIF file (no "runs")');
    const set = new FindingSet();
    const warnings = [];
    if (data.version !== undefined && data.version !== '2.1.0')
        warnings.push(`SARIF version ${String(data.version)} read as 2.1.0`);
    for (const run of data.runs.filter(isRecord)) {
        const driver = isRecord(run.tool) && isRecord(run.tool.driver) ? run.tool.driver : {};
        const rules = Array.isArray(driver.rules) ? driver.rules.filter(isRecord) : [];
        const ruleById = new Map(rules.map((r) => [str(r.id) ?? '', r]));
        const artifacts = Array.isArray(run.artifacts) ? run.artifacts.filter(isRecord) : [];
        for (const result of Array.isArray(run.results) ? run.results.filter(isRecord) : []) {
            const ruleIndex = num(result.ruleIndex) ?? (isRecord(result.rule) ? num(result.rule.index) : null);
            const ruleId = str(result.ruleId) ?? (isRecord(result.rule) ? str(result.rule.id) : null) ?? '';
            const rule = (ruleIndex !== null ? rules[ruleIndex] : undefined) ?? ruleById.get(ruleId) ?? {};
            const help = sarif_text(rule.help);
            const message = sarif_text(result.message);
            const pkg = field(help, 'Package') ?? field(message, 'Package');
            const location = locationOf(result, artifacts);
            set.add({
                id: advisoryId(ruleId, help, sarif_text(rule.shortDescription)) ?? ruleId,
                package: pkg ?? location.file,
                version: pkg
                    ? (field(help, 'Installed Version') ??
                        field(help, 'Version') ??
                        field(message, 'Installed Version') ??
                        '')
                    : location.line,
                fixedVersion: pkg ? field(help, 'Fixed Version') || field(help, 'Fix Version') || null : null,
                severity: sarif_severityOf(result, rule),
                title: sarif_text(rule.shortDescription) || message.split('\n')[0],
            });
        }
    }
    return set.build(file, 'sarif', warnings);
}
function sarif_text(v) {
    return isRecord(v) ? (str(v.text) ?? str(v.markdown) ?? '') : '';
}
function field(t, name) {
    const m = new RegExp(`^${name}: ?(.*)$`, 'm').exec(t);
    return m ? m[1].trim() : null;
}
function locationOf(result, artifacts) {
    const loc = Array.isArray(result.locations) ? result.locations.find(isRecord) : undefined;
    const phys = loc && isRecord(loc.physicalLocation) ? loc.physicalLocation : {};
    const art = isRecord(phys.artifactLocation) ? phys.artifactLocation : {};
    let uri = str(art.uri);
    const index = num(art.index);
    if (uri === null && index !== null) {
        const a = artifacts[index];
        uri = a && isRecord(a.location) ? str(a.location.uri) : null;
    }
    const line = isRecord(phys.region) ? num(phys.region.startLine) : null;
    return { file: uri ?? '', line: line !== null ? String(line) : '' };
}
function sarif_severityOf(result, rule) {
    const scoreOf = (o) => {
        if (!isRecord(o))
            return null;
        const s = o['security-severity'];
        const n = typeof s === 'number' ? s : typeof s === 'string' ? Number(s) : NaN;
        return Number.isFinite(n) ? n : null;
    };
    const score = scoreOf(result.properties) ?? scoreOf(rule.properties);
    if (score !== null) {
        if (score >= 9)
            return 'critical';
        if (score >= 7)
            return 'high';
        if (score >= 4)
            return 'medium';
        if (score > 0)
            return 'low';
        return 'info';
    }
    const conf = isRecord(rule.defaultConfiguration) ? rule.defaultConfiguration : {};
    const level = str(result.level) ?? str(conf.level) ?? 'warning';
    if (level === 'error')
        return 'high';
    if (level === 'warning')
        return 'medium';
    if (level === 'note')
        return 'low';
    if (level === 'none')
        return 'info';
    return 'unknown';
}

;// CONCATENATED MODULE: ./src/parsers/index.ts
/**
 * Public entry of the report parsers: detect the format from content (or take `kind`), parse into the
 * normalized model, and turn every problem with the input into a one-line `{file, error}` result.
 * Nothing here throws for bad input.
 */

















const FAMILY_KINDS = {
    test: types/* TEST_REPORT_KINDS */.wL,
    coverage: types/* COVERAGE_KINDS */.VP,
    vulnerability: types/* VULN_KINDS */._N,
};
/** Parse one report file of any supported format (test report, coverage, vulnerabilities or a CI log). */
async function parseFile(path, opts = {}) {
    return parseAs(path, opts, 'any');
}
async function parseTestReport(path, opts = {}) {
    return (await parseAs(path, opts, 'test'));
}
async function parseCoverage(path, opts = {}) {
    return (await parseAs(path, opts, 'coverage'));
}
async function parseVulnerabilities(path, opts = {}) {
    return (await parseAs(path, opts, 'vulnerability'));
}
async function parseAs(file, opts, family) {
    const requested = opts.kind ?? 'auto';
    if (!types/* ALL_KINDS */.Oo.includes(requested)) {
        return { file, error: `unknown kind "${requested}" (expected one of: ${types/* ALL_KINDS */.Oo.join(', ')})` };
    }
    try {
        const info = await (0,promises_.stat)(file);
        if (!info.isFile())
            return { file, error: 'not a regular file' };
    }
    catch (err) {
        return { file, error: `cannot read the file: ${ioMessage(err)}` };
    }
    let kind;
    if (requested === 'auto') {
        let detection;
        try {
            detection = await detectFile(file);
        }
        catch (err) {
            return { file, error: `cannot read the file: ${ioMessage(err)}` };
        }
        if (detection.kind === null) {
            return { file, error: `not a ${familyName(family)} file (${detection.reason})` };
        }
        kind = detection.kind;
    }
    else {
        kind = requested;
    }
    if (family !== 'any' && !FAMILY_KINDS[family].includes(kind)) {
        return { file, kind, error: `not a ${familyName(family)} file (it looks like ${kind})` };
    }
    const root = opts.root ?? process.cwd();
    try {
        return await dispatch(kind, file, root, opts);
    }
    catch (err) {
        if (err instanceof types/* ReportFormatError */.Qs)
            return { file, kind, error: err.message };
        const code = err?.code;
        if (code)
            return { file, kind, error: `cannot read the file: ${ioMessage(err)}` };
        return { file, kind, error: `internal error while parsing as ${kind}: ${parsers_oneLine(err)}` };
    }
}
async function dispatch(kind, file, root, opts) {
    switch (kind) {
        case 'junit':
            return parseJUnit(file, root);
        case 'jest-json':
        case 'vitest-json':
            return parseJestJson(file, root, kind);
        case 'mocha-json':
            return parseMochaJson(file, root);
        case 'go-json':
            return parseGoJson(file, root);
        case 'tap':
            return parseTap(file, root);
        case 'lcov':
            return parseLcov(file, root);
        case 'cobertura':
            return parseCobertura(file, root);
        case 'jacoco':
            return parseJacoco(file, root);
        case 'clover':
            return parseClover(file, root);
        case 'istanbul':
            return parseIstanbul(file, root);
        case 'gocover':
            return parseGoCover(file, root);
        case 'npm-audit':
            return parseNpmAudit(file);
        case 'trivy':
            return parseTrivy(file);
        case 'grype':
            return parseGrype(file);
        case 'sarif':
            return parseSarif(file);
        case 'log':
            return parseLog(file, opts);
    }
}
/** The log extractor is its own module, loaded only when a log is parsed. */
async function parseLog(file, opts) {
    let mod;
    try {
        mod = await __webpack_require__.e(/* import() */ 507).then(__webpack_require__.bind(__webpack_require__, 35507));
    }
    catch (err) {
        return { file, kind: 'log', error: `log extraction is unavailable: ${parsers_oneLine(err)}` };
    }
    return mod.extractLogFailures(file, opts.passingLogPath ? { passingLogPath: opts.passingLogPath } : undefined);
}
function familyName(family) {
    if (family === 'test')
        return 'test report';
    if (family === 'coverage')
        return 'coverage report';
    if (family === 'vulnerability')
        return 'vulnerability report';
    return 'recognised report';
}
function ioMessage(err) {
    const e = err;
    if (e?.code === 'ENOENT')
        return 'no such file';
    if (e?.code === 'EACCES')
        return 'permission denied';
    if (e?.code === 'EISDIR')
        return 'it is a directory';
    return parsers_oneLine(err);
}
function parsers_oneLine(err) {
    return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 300);
}


/***/ })

};
