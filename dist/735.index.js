export const id = 735;
export const ids = [735];
export const modules = {

/***/ 65735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ZG: () => (/* binding */ buildGraph),
  gM: () => (/* binding */ loadScanCache),
  DP: () => (/* binding */ saveScanCache),
  fN: () => (/* binding */ sortedIndexOf)
});

// UNUSED EXPORTS: JS_EXTENSIONS, languageOf

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/graph/cache.ts


/** Bump when a scanner changes what it finds: old entries are then ignored. */
const SCANNER_VERSION = 7;
const KIND_CODE = { runtime: 'r', 'type-only': 't', dynamic: 'd' };
const CODE_KIND = { r: 'runtime', t: 'type-only', d: 'dynamic' };
class ScanCache {
    /** Scan entries parsed in full: only when a save must rewrite them, or for a cache built in memory. */
    entriesMap;
    /** The serialized scan entries as loaded; single entries are cut out of it on demand. */
    entriesText;
    /** Entries cut out of `entriesText` or added by this run (while `entriesMap` is not built). */
    picked = new Map();
    used = new Set();
    changed = false;
    /**
     * Resolved edges per file, valid for one resolution context (file set + config contents), which
     * also fixes the file numbering. Kept as parsed: numbers cost the JSON parser and the garbage
     * collector far less than 30,000 path strings did (a warm build of 10,000 files is mostly this).
     */
    resolved;
    contextSize = 0;
    resolvedChanged = false;
    claimed = false;
    freshContext = false;
    newEntries = 0;
    hits = 0;
    misses = 0;
    constructor(entries = new Map(), resolved, entriesText) {
        this.entriesMap = entriesText === undefined ? entries : undefined;
        this.entriesText = entriesText;
        this.resolved = resolved;
    }
    /**
     * The serialized form is two JSON lines: `{v, res}` (resolved edges per path), then the scan
     * entries. The second line is read lazily, one entry at a time.
     */
    static fromText(text) {
        if (!text)
            return new ScanCache();
        try {
            const nl = text.indexOf('\n');
            if (nl < 0)
                return new ScanCache();
            const head = JSON.parse(text.slice(0, nl));
            if (head.v !== SCANNER_VERSION)
                return new ScanCache();
            const res = head.res;
            const resolved = res && typeof res.ctx === 'string' && Array.isArray(res.files)
                ? { ctx: res.ctx, files: res.files }
                : undefined;
            return new ScanCache(new Map(), resolved, text.slice(nl + 1));
        }
        catch {
            // A corrupt cache is an empty cache: the build reads every file, and the next save repairs it.
            return new ScanCache();
        }
    }
    get entries() {
        if (!this.entriesMap) {
            const map = new Map();
            try {
                const data = JSON.parse(this.entriesText ?? '{}');
                if (data && typeof data === 'object') {
                    for (const [k, v] of Object.entries(data)) {
                        if (isStringArray(v))
                            map.set(k, v);
                    }
                }
            }
            catch {
                // corrupt scan entries: scan again
            }
            for (const [k, v] of this.picked)
                map.set(k, v);
            this.entriesMap = map;
            this.entriesText = undefined;
        }
        return this.entriesMap;
    }
    /** One entry without parsing the others (a warm build needs a handful of 10,000). */
    lookup(key) {
        if (this.entriesMap)
            return this.entriesMap.get(key);
        const had = this.picked.get(key);
        if (had)
            return had;
        const v = extractEntry(this.entriesText ?? '', key);
        if (v)
            this.picked.set(key, v);
        return v;
    }
    get(key) {
        const v = this.getEncoded(key);
        return v?.map(decodeImport);
    }
    /** The imports in their compact form (`<kind>[?]<specifier>`), see {@link decodeImport}. */
    getEncoded(key) {
        const v = this.lookup(key);
        if (!v) {
            this.misses++;
            return undefined;
        }
        this.hits++;
        this.used.add(key);
        return v;
    }
    set(key, imports) {
        const enc = imports.map(encode);
        if (!this.lookup(key))
            this.newEntries++;
        if (this.entriesMap)
            this.entriesMap.set(key, enc);
        else
            this.picked.set(key, enc);
        this.used.add(key);
        this.changed = true;
        return enc;
    }
    /** Edges resolved earlier for file number `index` with content `sha` in resolution context `ctx`. */
    getResolved(ctx, index, sha) {
        if (this.resolved?.ctx !== ctx)
            return undefined;
        const v = this.resolved.files[index];
        if (!Array.isArray(v) || v[0] !== sha)
            return undefined;
        const limit = this.contextSize * 4;
        for (let k = 1; k < v.length; k++) {
            const e = v[k];
            if (typeof e === 'number' ? !(Number.isInteger(e) && e >= 0 && e < limit) : typeof e !== 'string')
                return undefined;
        }
        return v;
    }
    /** Only the first context of a run is kept. */
    setResolved(ctx, index, entry) {
        if (!this.claimed) {
            this.claimed = true;
            if (this.resolved?.ctx !== ctx) {
                this.resolved = { ctx, files: [] };
                this.freshContext = true;
            }
        }
        if (this.resolved?.ctx !== ctx)
            return;
        const files = this.resolved.files;
        while (files.length < index)
            files.push(null);
        files[index] = entry;
        this.resolvedChanged = true;
    }
    /**
     * Claims the context of the first build of a run (the head), so a base build does not replace it;
     * `size` is the length of its file list (entries pointing past it are corrupt).
     */
    useContext(ctx, size) {
        if (this.claimed)
            return;
        this.contextSize = size;
        if (this.resolved?.ctx === ctx)
            this.claimed = true;
    }
    get size() {
        return this.entries.size;
    }
    /**
     * Serializes the entries used since loading plus those the resolved files still name (so the cache
     * never grows past one tree's worth plus a base, and a later change of context finds them).
     */
    toText() {
        const head = JSON.stringify({ v: SCANNER_VERSION, ...(this.resolved ? { res: this.resolved } : {}) });
        if (!this.entriesMap && this.picked.size === 0)
            return `${head}\n${this.entriesText ?? '{}'}`;
        const entries = this.entries;
        const keep = new Set(this.used);
        if (this.resolved)
            for (const v of this.resolved.files)
                if (Array.isArray(v) && typeof v[0] === 'string')
                    keep.add(v[0]);
        const out = {};
        for (const k of keep) {
            const v = entries.get(k);
            if (v)
                out[k] = v;
        }
        return `${head}\n${JSON.stringify(out)}`;
    }
    get dirty() {
        return (this.changed ||
            this.resolvedChanged ||
            (this.entriesMap !== undefined && this.used.size !== this.entriesMap.size));
    }
    /**
     * Whether saving pays: always after a new context or many new entries; a handful of changed files
     * is cheaper to scan again next time than to re-serialize the whole cache now.
     */
    get worthSaving() {
        if (!this.dirty)
            return false;
        if (this.freshContext)
            return true;
        const size = this.entriesMap?.size ?? this.resolved?.files.length ?? 0;
        if (size === this.newEntries)
            return true;
        return this.newEntries > Math.max(20, size * 0.005);
    }
}
function isStringArray(v) {
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
/**
 * Cuts the value of `key` out of the serialized entries object without parsing the rest. Keys are
 * `<hex sha>:<language>` (no characters JSON escapes), so the quoted key can only occur as a key:
 * a value is an array of strings, and inside one a quote is always escaped.
 */
function extractEntry(text, key) {
    const at = text.indexOf(`"${key}":[`);
    if (at < 0)
        return undefined;
    const start = at + key.length + 3;
    let i = start + 1;
    // Walk string tokens to the array's closing bracket.
    for (;;) {
        while (i < text.length && (text[i] === ',' || text[i] === ' '))
            i++;
        if (i >= text.length)
            return undefined;
        if (text[i] === ']')
            break;
        if (text[i] !== '"')
            return undefined;
        i++;
        while (i < text.length && text[i] !== '"')
            i += text[i] === '\\' ? 2 : 1;
        if (i >= text.length)
            return undefined;
        i++;
    }
    try {
        const v = JSON.parse(text.slice(start, i + 1));
        return isStringArray(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
function encode(i) {
    return KIND_CODE[i.kind] + (i.optional ? '?' : '') + i.specifier;
}
function decodeImport(s) {
    const kind = CODE_KIND[s[0]] ?? 'runtime';
    if (s[1] === '?')
        return { specifier: s.slice(2), kind, optional: true };
    return { specifier: s.slice(1), kind };
}
/** A cache kept in one JSON file (under `AI_CI_CACHE_DIR` or `RUNNER_TEMP`). */
function fileCacheBackend(path) {
    return {
        load: async () => {
            try {
                // One buffer decoded once: reading as text decodes per chunk and joins (3x the garbage).
                return (await readFile(path)).toString('utf8');
            }
            catch {
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

// EXTERNAL MODULE: ./src/graph/files.ts
var files = __webpack_require__(6927);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/graph/go.ts

/**
 * Go imports: `import "x"`, `import alias "x"`, and `import ( ... )` blocks, read from the top of
 * the file up to the first declaration. Comments and raw-string paths are handled.
 */
function scanGo(src) {
    const out = [];
    const text = src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
    const re = /(?:^|\n)\s*import\s*(\(([\s\S]*?)\)|(?:[\w.]+\s+)?("[^"\n]*"|`[^`]*`))/g;
    const firstDecl = /(?:^|\n)\s*(?:func|type|var|const)\b/.exec(text);
    const limit = firstDecl ? firstDecl.index : text.length;
    let m;
    while ((m = re.exec(text)) && m.index < limit) {
        if (m[2] !== undefined) {
            for (const spec of m[2].matchAll(/(?:[\w.]+\s+)?("[^"\n]*"|`[^`]*`)/g))
                out.push({ specifier: spec[1].slice(1, -1), kind: 'runtime' });
        }
        else if (m[3])
            out.push({ specifier: m[3].slice(1, -1), kind: 'runtime' });
    }
    return out;
}
function parseGoMod(dir, text) {
    const m = /^\s*module\s+("?)([^\s"]+)\1/m.exec(text.replace(/\/\/[^\n]*/g, ''));
    return m ? { dir, path: m[2] } : undefined;
}
/**
 * Resolves Go import paths under the repository's modules (longest module path first, so nested
 * modules win) to the non-test `.go` files of that package folder.
 */
class GoResolver {
    packageFiles = new Map();
    modules;
    constructor(files, modules) {
        this.modules = [...modules].sort((a, b) => b.path.length - a.path.length);
        for (const f of files) {
            if (!f.endsWith('.go') || f.endsWith('_test.go'))
                continue;
            const d = external_node_path_.posix.dirname(f) === '.' ? '' : external_node_path_.posix.dirname(f);
            let list = this.packageFiles.get(d);
            if (!list)
                this.packageFiles.set(d, (list = []));
            list.push(f);
        }
    }
    /** Non-test files of the package in a folder. */
    filesOf(dir) {
        return this.packageFiles.get(dir) ?? [];
    }
    /** The module that owns a folder (nearest go.mod above it). */
    moduleOf(dir) {
        let best;
        for (const m of this.modules) {
            if ((m.dir === '' || dir === m.dir || dir.startsWith(`${m.dir}/`)) &&
                (!best || m.dir.length > best.dir.length))
                best = m;
        }
        return best;
    }
    /** The import path of the package in a folder, when a module owns it. */
    importPathOf(dir) {
        const m = this.moduleOf(dir);
        if (!m)
            return undefined;
        const rest = m.dir === '' ? dir : dir.slice(m.dir.length + 1);
        return rest ? `${m.path}/${rest}` : m.path;
    }
    resolve(specifier) {
        for (const m of this.modules) {
            if (specifier !== m.path && !specifier.startsWith(`${m.path}/`))
                continue;
            const rest = specifier.slice(m.path.length + 1);
            const dir = m.dir && rest ? `${m.dir}/${rest}` : m.dir || rest;
            return { paths: this.filesOf(dir), local: true, dir };
        }
        return { paths: [], local: false };
    }
}

;// CONCATENATED MODULE: ./src/graph/python.ts

/**
 * Python imports: `import a.b as c, d`, `from a.b import c, (d, e)`, relative `from ..x import y`,
 * wherever they appear (inside functions and `try` blocks too). Docstrings, strings and comments are
 * skipped. Specifiers keep the leading dots of relative imports; `from a import b` also yields the
 * optional candidate `a.b` (b may be a submodule or just a name).
 */
function scanPython(src) {
    const out = [];
    const lines = logicalLines(src);
    for (const line of lines) {
        const m = /^\s*(?:import\s+(.+)|from\s+(\.*[\w.]*)\s+import\s+(.+))$/s.exec(line);
        if (!m)
            continue;
        if (m[1] !== undefined) {
            for (const part of m[1].split(',')) {
                const name = part
                    .trim()
                    .split(/\s+as\s+/)[0]
                    .trim();
                if (/^[A-Za-z_][\w.]*$/.test(name))
                    out.push({ specifier: name, kind: 'runtime' });
            }
        }
        else {
            const mod = m[2];
            if (!/^\.*([A-Za-z_][\w.]*)?$/.test(mod) || mod === '')
                continue;
            if (!/^\.+$/.test(mod))
                out.push({ specifier: mod, kind: 'runtime' });
            const names = m[3].replace(/[()]/g, ' ');
            for (const part of names.split(',')) {
                const name = part
                    .trim()
                    .split(/\s+as\s+/)[0]
                    .trim();
                if (!/^[A-Za-z_]\w*$/.test(name))
                    continue;
                const joined = mod.endsWith('.') ? `${mod}${name}` : `${mod}.${name}`;
                // `from . import x`: x must be a module or a name in the package's __init__.
                out.push({ specifier: joined, kind: 'runtime', optional: true });
            }
            if (/^\.+$/.test(mod))
                out.push({ specifier: mod, kind: 'runtime', optional: true });
        }
    }
    return out;
}
/** Joins continuation lines (backslash, open brackets) and drops comments and string contents. */
function logicalLines(src) {
    const out = [];
    let cur = '';
    let depth = 0;
    const n = src.length;
    let i = 0;
    while (i < n) {
        const c = src[i];
        if (c === '#') {
            const nl = src.indexOf('\n', i);
            i = nl < 0 ? n : nl;
            continue;
        }
        if (c === '"' || c === "'") {
            const triple = src.startsWith(c.repeat(3), i);
            const q = triple ? c.repeat(3) : c;
            let k = i + q.length;
            while (k < n) {
                if (src[k] === '\\') {
                    k += 2;
                    continue;
                }
                if (src.startsWith(q, k))
                    break;
                if (!triple && src[k] === '\n')
                    break;
                k++;
            }
            cur += '""';
            i = Math.min(n, k + q.length);
            continue;
        }
        if (c === '(' || c === '[' || c === '{')
            depth++;
        else if (c === ')' || c === ']' || c === '}')
            depth = Math.max(0, depth - 1);
        if (c === '\\' && src[i + 1] === '\n') {
            cur += ' ';
            i += 2;
            continue;
        }
        if (c === '\n' || c === ';') {
            if (depth > 0 && c === '\n') {
                cur += ' ';
            }
            else {
                out.push(cur);
                cur = '';
            }
            i++;
            continue;
        }
        cur += c;
        i++;
    }
    if (cur)
        out.push(cur);
    return out;
}
/**
 * Resolves Python module names to files. Import roots: the repository root, `src/`, the folder of
 * any `pyproject.toml`/`setup.py`/`setup.cfg` (and its `src/`), and the folder above the file's
 * top-level package (what pytest puts on `sys.path`). Importing `a.b.c` also runs `a/__init__.py`
 * and `a/b/__init__.py`, so those are dependencies too.
 */
class PythonResolver {
    files;
    roots;
    dirs = new Set();
    topNames = new Set();
    constructor(files) {
        this.files = files;
        const roots = new Set(['', 'src']);
        for (const f of files) {
            if (/(^|\/)(pyproject\.toml|setup\.py|setup\.cfg)$/.test(f)) {
                const d = external_node_path_.posix.dirname(f) === '.' ? '' : external_node_path_.posix.dirname(f);
                roots.add(d);
                roots.add(d ? `${d}/src` : 'src');
            }
            if (f.endsWith('.py')) {
                let d = external_node_path_.posix.dirname(f);
                while (d !== '.' && !this.dirs.has(d)) {
                    this.dirs.add(d);
                    d = external_node_path_.posix.dirname(d);
                }
            }
        }
        this.roots = [...roots];
        for (const r of this.roots) {
            const prefix = r ? `${r}/` : '';
            for (const f of files) {
                if (!f.startsWith(prefix) || !f.endsWith('.py'))
                    continue;
                const top = f.slice(prefix.length).split('/')[0];
                this.topNames.add(top.replace(/\.py$/, ''));
            }
        }
    }
    /** The folder pytest (rootdir/prepend mode) puts on sys.path for a file: above its top package. */
    basedir(from) {
        let d = external_node_path_.posix.dirname(from) === '.' ? '' : external_node_path_.posix.dirname(from);
        while (d !== '' && this.files.has(`${d}/__init__.py`))
            d = external_node_path_.posix.dirname(d) === '.' ? '' : external_node_path_.posix.dirname(d);
        return d;
    }
    /** Files the import needs, and whether it names a module of this repository. */
    resolve(from, specifier) {
        const dots = /^\.*/.exec(specifier)[0].length;
        let name = specifier.slice(dots);
        let bases;
        if (dots > 0) {
            let d = external_node_path_.posix.dirname(from) === '.' ? '' : external_node_path_.posix.dirname(from);
            for (let k = 1; k < dots; k++)
                d = d === '' ? '..' : external_node_path_.posix.dirname(d) === '.' ? '' : external_node_path_.posix.dirname(d);
            if (d.startsWith('..'))
                return { paths: [], local: true, found: false };
            bases = [d];
        }
        else {
            const top = name.split('.')[0];
            const bd = this.basedir(from);
            bases = [bd, ...this.roots.filter((r) => r !== bd)];
            if (!this.topNames.has(top) && !this.isModuleUnder(bd, top))
                return { paths: [], local: false, found: false };
        }
        if (name === '') {
            // `from . import x` refers to the package itself.
            const init = bases[0] ? `${bases[0]}/__init__.py` : '__init__.py';
            return { paths: this.files.has(init) ? [init] : [], local: true, found: true };
        }
        name = name.replace(/\.$/, '');
        const parts = name.split('.');
        for (const base of bases) {
            const found = this.resolveUnder(base, parts);
            if (found)
                return { paths: found, local: true, found: true };
        }
        return { paths: [], local: true, found: false };
    }
    isModuleUnder(base, top) {
        const prefix = base ? `${base}/` : '';
        return this.files.has(`${prefix}${top}.py`) || this.dirs.has(`${prefix}${top}`);
    }
    resolveUnder(base, parts) {
        const prefix = base ? `${base}/` : '';
        const path = prefix + parts.join('/');
        const found = [];
        if (this.files.has(`${path}.py`))
            found.push(`${path}.py`);
        else if (this.files.has(`${path}/__init__.py`))
            found.push(`${path}/__init__.py`);
        else if (this.dirs.has(path)) {
            // a namespace package: importing it runs nothing, but it is local and exists
        }
        else
            return undefined;
        for (let k = 1; k < parts.length; k++) {
            const init = `${prefix}${parts.slice(0, k).join('/')}/__init__.py`;
            if (this.files.has(init))
                found.push(init);
        }
        return found;
    }
}

;// CONCATENATED MODULE: ./src/graph/jsonc.ts
/**
 * Parses JSON with comments and trailing commas, as `tsconfig.json` allows. Returns `undefined`
 * for text that is still not JSON, so a broken config degrades instead of crashing.
 */
function parseJsonc(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        // fall through to the tolerant path
    }
    let out = '';
    const n = text.length;
    let i = 0;
    while (i < n) {
        const c = text[i];
        if (c === '"') {
            let k = i + 1;
            while (k < n && text[k] !== '"')
                k += text[k] === '\\' ? 2 : 1;
            out += text.slice(i, k + 1);
            i = k + 1;
        }
        else if (c === '/' && text[i + 1] === '/') {
            const nl = text.indexOf('\n', i);
            i = nl < 0 ? n : nl;
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
        }
        else {
            out += c;
            i++;
        }
    }
    out = out.replace(/,(\s*[}\]])/g, '$1');
    try {
        return JSON.parse(out);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/graph/resolve-js.ts



/**
 * Resolves JS/TS module specifiers to repository files the way TypeScript and bundlers do:
 * relative paths with extension and index resolution (and `.js` written for a `.ts` file), tsconfig
 * `paths` and `baseUrl` (following `extends`), and npm/pnpm/yarn workspace packages through their
 * `exports`, `main`, `module`, `types` or `source` fields. Everything works on the in-memory file
 * set, so resolving costs no file-system calls.
 */
const JS_EXTENSIONS = (/* unused pure expression or super */ null && (['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']));
const TRY_EXTENSIONS = [
    '.ts',
    '.tsx',
    '.d.ts',
    '.mts',
    '.cts',
    '.js',
    '.jsx',
    '.mjs',
    '.cjs',
    '.json',
    '.vue',
    '.svelte',
];
const JS_TO_TS = [
    ['.js', ['.ts', '.tsx', '.d.ts']],
    ['.jsx', ['.tsx']],
    ['.mjs', ['.mts', '.d.mts']],
    ['.cjs', ['.cts', '.d.cts']],
];
const CONDITIONS = ['source', 'types', 'import', 'module', 'require', 'node', 'default', 'browser'];
function rec(v) {
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
/** Joins and normalises repository-relative paths ('' is the root); a result starting with `..` is outside. */
function join(dir, p) {
    const raw = dir ? `${dir}/${p}` : p;
    // Fast path: nothing to normalise.
    if (!raw.includes('./') &&
        !raw.includes('//') &&
        !raw.endsWith('/') &&
        !raw.endsWith('.') &&
        !raw.startsWith('/'))
        return raw;
    const out = [];
    for (const seg of raw.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length && out[out.length - 1] !== '..')
                out.pop();
            else
                out.push('..');
        }
        else
            out.push(seg);
    }
    return out.join('/');
}
function dirOf(p) {
    const k = p.lastIndexOf('/');
    return k < 0 ? '' : p.slice(0, k);
}
class JsResolver {
    files;
    dirs = new Set();
    configByDir = new Map();
    configFiles = new Map();
    packages = new Map();
    memo = new Map();
    constructor(files) {
        this.files = files;
        for (const f of files) {
            let d = external_node_path_.posix.dirname(f);
            while (d !== '.' && !this.dirs.has(d)) {
                this.dirs.add(d);
                d = external_node_path_.posix.dirname(d);
            }
        }
    }
    static async create(files, readText, rootDiskPath) {
        const r = new JsResolver(files);
        const configs = [...files].filter((f) => /(^|\/)(tsconfig|jsconfig)\.json$/.test(f));
        const loaded = await Promise.all(configs.map((c) => r.loadConfig(c, readText, rootDiskPath, new Set())));
        configs.forEach((c, k) => {
            const cfg = loaded[k];
            if (cfg)
                r.configFiles.set(external_node_path_.posix.dirname(c) === '.' ? '' : external_node_path_.posix.dirname(c), cfg);
        });
        await r.loadWorkspaces(readText);
        return r;
    }
    /** A tsconfig with its `extends` chain merged; paths stay relative to the config that set them. */
    async loadConfig(path, readText, rootDiskPath, seen) {
        if (seen.has(path) || seen.size > 10)
            return undefined;
        seen.add(path);
        let text = await readText(path);
        if (text === undefined && rootDiskPath && path.startsWith('node_modules/')) {
            // A shared base config from a package (`@tsconfig/node20`) is outside the tracked files.
            try {
                const { readFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
                text = await readFile(external_node_path_.posix.join(rootDiskPath, path), 'utf8');
            }
            catch {
                text = undefined;
            }
        }
        const json = rec(parseJsonc(text ?? ''));
        if (!json)
            return undefined;
        const dir = external_node_path_.posix.dirname(path) === '.' ? '' : external_node_path_.posix.dirname(path);
        let merged = { paths: [] };
        const ext = json.extends;
        const parents = typeof ext === 'string'
            ? [ext]
            : Array.isArray(ext)
                ? ext.filter((e) => typeof e === 'string')
                : [];
        for (const p of parents) {
            const target = p.startsWith('.') || p.startsWith('/')
                ? join(dir, p.endsWith('.json') ? p : `${p}.json`)
                : join('node_modules', p.endsWith('.json') ? p : `${p}/tsconfig.json`);
            const parent = (await this.loadConfig(target, readText, rootDiskPath, seen)) ??
                (target.endsWith('.json')
                    ? undefined
                    : await this.loadConfig(`${target}.json`, readText, rootDiskPath, seen));
            if (parent)
                merged = {
                    baseUrl: parent.baseUrl ?? merged.baseUrl,
                    paths: parent.paths.length ? parent.paths : merged.paths,
                };
        }
        const co = rec(json.compilerOptions);
        if (co) {
            if (typeof co.baseUrl === 'string')
                merged.baseUrl = join(dir, co.baseUrl);
            const paths = rec(co.paths);
            if (paths) {
                const base = typeof co.baseUrl === 'string' ? join(dir, co.baseUrl) : (merged.baseUrl ?? dir);
                merged.paths = Object.entries(paths).map(([pattern, targets]) => {
                    const star = pattern.indexOf('*');
                    return {
                        prefix: star < 0 ? pattern : pattern.slice(0, star),
                        suffix: star < 0 ? '' : pattern.slice(star + 1),
                        wildcard: star >= 0,
                        targets: Array.isArray(targets) ? targets.filter((t) => typeof t === 'string') : [],
                        base,
                    };
                });
                // TypeScript picks the pattern with the longest prefix.
                merged.paths.sort((a, b) => b.prefix.length - a.prefix.length);
            }
            else if (typeof co.baseUrl === 'string' && merged.paths.length && !merged.paths[0].base) {
                merged.paths = merged.paths.map((r) => ({ ...r, base: merged.baseUrl ?? r.base }));
            }
        }
        return merged;
    }
    async loadWorkspaces(readText) {
        const patterns = [];
        const rootPkg = rec(parseJsonc((await readText('package.json')) ?? ''));
        const ws = rootPkg?.workspaces;
        if (Array.isArray(ws))
            patterns.push(...ws.filter((w) => typeof w === 'string'));
        else if (Array.isArray(rec(ws)?.packages))
            patterns.push(...rec(ws).packages.filter((w) => typeof w === 'string'));
        if (this.files.has('pnpm-workspace.yaml')) {
            try {
                // yaml is ~70 modules to initialise; only pnpm repositories need it.
                const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
                const y = rec(parseYaml((await readText('pnpm-workspace.yaml')) ?? ''));
                if (Array.isArray(y?.packages))
                    patterns.push(...y.packages.filter((w) => typeof w === 'string'));
            }
            catch {
                // a broken pnpm-workspace.yaml means no pnpm workspaces
            }
        }
        if (this.files.has('lerna.json')) {
            const l = rec(parseJsonc((await readText('lerna.json')) ?? ''));
            if (Array.isArray(l?.packages))
                patterns.push(...l.packages.filter((w) => typeof w === 'string'));
        }
        if (!patterns.length)
            return;
        const include = patterns
            .filter((p) => !p.startsWith('!'))
            .map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
        const exclude = patterns
            .filter((p) => p.startsWith('!'))
            .map((p) => p.slice(1).replace(/^\.\//, '').replace(/\/$/, ''));
        const isIn = picomatch_default()(include, { dot: false });
        const isOut = exclude.length ? picomatch_default()(exclude) : () => false;
        const candidates = [...this.files]
            .filter((f) => f.endsWith('/package.json'))
            .map((f) => external_node_path_.posix.dirname(f));
        await Promise.all(candidates
            .filter((d) => isIn(d) && !isOut(d))
            .map(async (d) => {
            const json = rec(parseJsonc((await readText(`${d}/package.json`)) ?? ''));
            if (json && typeof json.name === 'string')
                this.packages.set(json.name, { name: json.name, dir: d, json });
        }));
    }
    /** Workspace packages by name (for reports and architecture-scan). */
    workspacePackages() {
        return [...this.packages.values()].map((p) => ({ name: p.name, dir: p.dir }));
    }
    configFor(fromDir) {
        if (this.configByDir.has(fromDir))
            return this.configByDir.get(fromDir);
        let found;
        const own = this.configFiles.get(fromDir);
        if (own)
            found = own;
        else if (fromDir !== '')
            found = this.configFor(external_node_path_.posix.dirname(fromDir) === '.' ? '' : external_node_path_.posix.dirname(fromDir));
        this.configByDir.set(fromDir, found);
        return found;
    }
    resolve(from, specifier) {
        const fromDir = dirOf(from);
        const key = `${fromDir}\0${specifier}`;
        let r = this.memo.get(key);
        if (!r) {
            r = this.resolveUncached(fromDir, specifier);
            this.memo.set(key, r);
        }
        return r;
    }
    resolveUncached(fromDir, specifier) {
        const q = specifier.search(/[?#]/);
        // `#internal` subpath imports start with '#'; a query or hash later in the specifier is dropped.
        const spec = q > 0 ? specifier.slice(0, q) : specifier;
        if (!spec || spec.startsWith('#'))
            return { local: false };
        if (spec.startsWith('.') || spec.startsWith('/')) {
            const target = spec.startsWith('/') ? join('', spec.slice(1)) : join(fromDir, spec);
            if (target.startsWith('..'))
                return { local: true };
            return { path: this.resolveFile(target), local: true };
        }
        if (/^[a-z]+:/i.test(spec) && !spec.startsWith('@'))
            return { local: false }; // node:fs, https:, virtual:
        const cfg = this.configFor(fromDir);
        let matchedAlias = false;
        if (cfg?.paths.length) {
            for (const rule of cfg.paths) {
                let captured;
                if (rule.wildcard) {
                    if (spec.startsWith(rule.prefix) &&
                        spec.endsWith(rule.suffix) &&
                        spec.length >= rule.prefix.length + rule.suffix.length) {
                        captured = spec.slice(rule.prefix.length, spec.length - rule.suffix.length);
                    }
                }
                else if (spec === rule.prefix)
                    captured = '';
                if (captured === undefined)
                    continue;
                // A catch-all `*` rule would make every npm package "local"; only named prefixes count.
                if (rule.prefix !== '' || rule.suffix !== '')
                    matchedAlias = true;
                for (const t of rule.targets) {
                    const hit = this.resolveFile(join(rule.base, t.replace('*', captured)));
                    if (hit)
                        return { path: hit, local: true };
                }
                break;
            }
        }
        if (cfg?.baseUrl !== undefined) {
            const hit = this.resolveFile(join(cfg.baseUrl, spec));
            if (hit)
                return { path: hit, local: true };
        }
        const pkg = this.packageFor(spec);
        if (pkg)
            return { path: this.resolvePackage(pkg.info, pkg.subpath), local: true };
        return { local: matchedAlias };
    }
    packageFor(spec) {
        if (!this.packages.size)
            return undefined;
        const parts = spec.split('/');
        const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
        const info = this.packages.get(name);
        if (!info)
            return undefined;
        const rest = spec.slice(name.length);
        return { info, subpath: rest ? `.${rest}` : '.' };
    }
    resolvePackage(pkg, subpath) {
        const exp = pkg.json.exports;
        if (exp !== undefined && exp !== null) {
            const hit = this.resolveExports(pkg, exp, subpath);
            if (hit)
                return hit;
        }
        if (subpath === '.') {
            for (const field of ['source', 'types', 'typings', 'module', 'main']) {
                const v = pkg.json[field];
                if (typeof v === 'string') {
                    const hit = this.resolveBuilt(join(pkg.dir, v));
                    if (hit)
                        return hit;
                }
            }
            return this.resolveFile(join(pkg.dir, 'index')) ?? this.resolveFile(join(pkg.dir, 'src/index'));
        }
        return (this.resolveBuilt(join(pkg.dir, subpath)) ?? this.resolveFile(join(pkg.dir, `src/${subpath.slice(2)}`)));
    }
    resolveExports(pkg, exp, subpath) {
        const map = rec(exp);
        const isSubpathMap = map !== undefined && Object.keys(map).some((k) => k.startsWith('.'));
        if (!isSubpathMap)
            return subpath === '.' ? this.resolveTarget(pkg, exp, '') : undefined;
        if (map[subpath] !== undefined)
            return this.resolveTarget(pkg, map[subpath], '');
        // Subpath patterns: the longest matching prefix wins.
        let best;
        for (const key of Object.keys(map)) {
            const star = key.indexOf('*');
            if (star < 0)
                continue;
            const pre = key.slice(0, star);
            const post = key.slice(star + 1);
            if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= pre.length + post.length) {
                if (!best || pre.length > best[0].length)
                    best = [pre, key];
            }
        }
        if (best) {
            const key = best[1];
            const star = key.indexOf('*');
            const captured = subpath.slice(star, subpath.length - (key.length - star - 1));
            return this.resolveTarget(pkg, map[key], captured);
        }
        return undefined;
    }
    resolveTarget(pkg, target, captured) {
        if (typeof target === 'string')
            return this.resolveBuilt(join(pkg.dir, target.replace(/\*/g, captured)));
        if (Array.isArray(target)) {
            for (const t of target) {
                const hit = this.resolveTarget(pkg, t, captured);
                if (hit)
                    return hit;
            }
            return undefined;
        }
        const conds = rec(target);
        if (!conds)
            return undefined;
        const keys = [
            ...CONDITIONS.filter((c) => c in conds),
            ...Object.keys(conds).filter((k) => !CONDITIONS.includes(k)),
        ];
        for (const k of keys) {
            const hit = this.resolveTarget(pkg, conds[k], captured);
            if (hit)
                return hit;
        }
        return undefined;
    }
    /** A package entry that points at build output (`dist/index.js`) maps back to its source when the build is not checked in. */
    resolveBuilt(p) {
        const direct = this.resolveFile(p);
        if (direct)
            return direct;
        const m = /^(.*?\/)?(dist|lib|build|out|esm|cjs|es)\/(.*)$/.exec(p);
        if (!m)
            return undefined;
        const rest = m[3].replace(/\.d\.(m|c)?ts$/, '').replace(/\.(m|c)?js$/, '');
        return this.resolveFile(`${m[1] ?? ''}src/${rest}`);
    }
    /** Extension, `.js`-for-`.ts` and index resolution against the file set. */
    resolveFile(p) {
        const files = this.files;
        if (files.has(p))
            return p;
        for (const [js, tss] of JS_TO_TS) {
            if (p.endsWith(js)) {
                const stem = p.slice(0, -js.length);
                for (const ts of tss)
                    if (files.has(stem + ts))
                        return stem + ts;
            }
        }
        for (const ext of TRY_EXTENSIONS)
            if (files.has(p + ext))
                return p + ext;
        if (this.dirs.has(p)) {
            const prefix = p ? `${p}/` : '';
            for (const ext of TRY_EXTENSIONS)
                if (files.has(`${prefix}index${ext}`))
                    return `${prefix}index${ext}`;
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/graph/scan-js.ts
/**
 * A single-pass scanner for the module references of a JavaScript or TypeScript file. It skips
 * comments, strings, template literals (with nested `${}`) and regular expressions, and recognises:
 * `import ... from 'x'`, `import 'x'`, `import type`, `import { type A } from` (all named imports
 * type-only), `import x = require('x')`, `export ... from 'x'`, `export type ... from`,
 * `import('x')` (dynamic), `require('x')`, `require.resolve('x')`, and the module-path arguments of
 * `jest.mock`/`vi.mock` and their relatives. Parsing a full AST would be 20-50x slower, and an import
 * graph needs only these forms.
 *
 * The scanner is built to survive what it does not understand (JSX text, unusual syntax): a string
 * or regular expression never runs past the end of its line, so one misread cannot hide the rest
 * of the file.
 */
function scanJs(src) {
    const out = [];
    const n = src.length;
    let i = 0;
    // What came before, to tell a regular expression from a division.
    let prevIsValue = false;
    let prevWord = '';
    // Template literal nesting: each entry is the brace depth at which a `${` opened.
    const templateStack = [];
    let braceDepth = 0;
    while (i < n) {
        const c = src.charCodeAt(i);
        // whitespace
        if (c === 32 || c === 10 || c === 9 || c === 13) {
            i++;
            continue;
        }
        if (c === 47 /* / */) {
            const d = src.charCodeAt(i + 1);
            if (d === 47) {
                i = skipLineComment(src, i);
                continue;
            }
            if (d === 42) {
                i = skipBlockComment(src, i);
                continue;
            }
            if (!prevIsValue || REGEX_AFTER_WORD.has(prevWord)) {
                const end = skipRegex(src, i);
                if (end > 0) {
                    i = end;
                    prevIsValue = true;
                    prevWord = '';
                    continue;
                }
            }
            i++;
            prevIsValue = false;
            prevWord = '';
            continue;
        }
        if (c === 39 || c === 34) {
            i = skipString(src, i, c);
            prevIsValue = true;
            prevWord = '';
            continue;
        }
        if (c === 96 /* ` */) {
            i = skipTemplate(src, i + 1, templateStack, braceDepth);
            prevIsValue = true;
            prevWord = '';
            continue;
        }
        if (c === 123 /* { */) {
            braceDepth++;
            i++;
            prevIsValue = false;
            prevWord = '';
            continue;
        }
        if (c === 125 /* } */) {
            if (templateStack.length && templateStack[templateStack.length - 1] === braceDepth) {
                templateStack.pop();
                i = skipTemplate(src, i + 1, templateStack, braceDepth);
                prevIsValue = true;
                prevWord = '';
                continue;
            }
            braceDepth--;
            i++;
            // After a block a regex may follow; after an object literal a division may. Blocks are commoner.
            prevIsValue = false;
            prevWord = '';
            continue;
        }
        if (isIdentStart(c)) {
            const start = i;
            i++;
            while (i < n && isIdentPart(src.charCodeAt(i)))
                i++;
            const word = src.slice(start, i);
            const afterDot = start > 0 && prevCharIsDot(src, start);
            if (!afterDot) {
                if (word === 'import')
                    i = onImport(src, i, out);
                else if (word === 'export')
                    i = onExport(src, i, out);
                else if (word === 'require')
                    i = onRequire(src, i, out);
                else if (word === 'jest' || word === 'vi')
                    i = onMocker(src, i, out);
            }
            prevIsValue = !KEYWORDS_BEFORE_EXPRESSION.has(word);
            prevWord = word;
            continue;
        }
        if (c === 41 /* ) */ || c === 93 /* ] */) {
            prevIsValue = true;
        }
        else {
            prevIsValue = false;
        }
        prevWord = '';
        i++;
    }
    return out;
}
const KEYWORDS_BEFORE_EXPRESSION = new Set([
    'return',
    'typeof',
    'case',
    'do',
    'else',
    'in',
    'of',
    'new',
    'delete',
    'void',
    'throw',
    'instanceof',
    'yield',
    'await',
]);
const REGEX_AFTER_WORD = KEYWORDS_BEFORE_EXPRESSION;
const MOCK_METHODS = new Set([
    'mock',
    'doMock',
    'unmock',
    'dontMock',
    'setMock',
    'requireActual',
    'requireMock',
    'createMockFromModule',
    'importActual',
    'importMock',
]);
function isIdentStart(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}
function isIdentPart(c) {
    return isIdentStart(c) || (c >= 48 && c <= 57);
}
function prevCharIsDot(src, at) {
    let k = at - 1;
    while (k >= 0) {
        const c = src.charCodeAt(k);
        if (c === 32 || c === 9 || c === 10 || c === 13) {
            k--;
            continue;
        }
        // `?.` and `.`, but not a spread `...x`.
        return c === 46 && !(k >= 2 && src.charCodeAt(k - 1) === 46 && src.charCodeAt(k - 2) === 46);
    }
    return false;
}
function skipLineComment(src, i) {
    const nl = src.indexOf('\n', i);
    return nl < 0 ? src.length : nl + 1;
}
function skipBlockComment(src, i) {
    const end = src.indexOf('*/', i + 2);
    return end < 0 ? src.length : end + 2;
}
/** Skips a quoted string; stops at an unescaped newline so a stray quote cannot swallow the file. */
function skipString(src, i, quote) {
    const n = src.length;
    i++;
    while (i < n) {
        const c = src.charCodeAt(i);
        if (c === quote)
            return i + 1;
        if (c === 92 /* \ */) {
            i += 2;
            continue;
        }
        if (c === 10)
            return i;
        i++;
    }
    return n;
}
/** Skips template text up to the closing backtick or into a `${` (pushed on the stack). */
function skipTemplate(src, i, stack, braceDepth) {
    const n = src.length;
    while (i < n) {
        const c = src.charCodeAt(i);
        if (c === 96)
            return i + 1;
        if (c === 92) {
            i += 2;
            continue;
        }
        if (c === 36 && src.charCodeAt(i + 1) === 123) {
            stack.push(braceDepth);
            return i + 2;
        }
        i++;
    }
    return n;
}
/** Returns the index after a regular expression literal, or -1 when there is none on this line. */
function skipRegex(src, i) {
    const n = src.length;
    let k = i + 1;
    let inClass = false;
    while (k < n) {
        const c = src.charCodeAt(k);
        if (c === 10 || c === 13)
            return -1;
        if (c === 92) {
            k += 2;
            continue;
        }
        if (inClass) {
            if (c === 93)
                inClass = false;
        }
        else if (c === 91)
            inClass = true;
        else if (c === 47) {
            k++;
            while (k < n && isIdentPart(src.charCodeAt(k)))
                k++;
            return k;
        }
        k++;
    }
    return -1;
}
/** Skips whitespace and comments. */
function ws(src, i) {
    const n = src.length;
    while (i < n) {
        const c = src.charCodeAt(i);
        if (c === 32 || c === 10 || c === 9 || c === 13)
            i++;
        else if (c === 47 && src.charCodeAt(i + 1) === 47)
            i = skipLineComment(src, i);
        else if (c === 47 && src.charCodeAt(i + 1) === 42)
            i = skipBlockComment(src, i);
        else
            break;
    }
    return i;
}
/** Reads a string literal (or a template without substitutions) at `i`: [value, end] or undefined. */
function readLiteral(src, i) {
    const q = src.charCodeAt(i);
    if (q !== 39 && q !== 34 && q !== 96)
        return undefined;
    const n = src.length;
    let k = i + 1;
    let value = '';
    let chunk = k;
    while (k < n) {
        const c = src.charCodeAt(k);
        if (c === q)
            return [value + src.slice(chunk, k), k + 1];
        if (c === 92) {
            value += src.slice(chunk, k) + src.charAt(k + 1);
            k += 2;
            chunk = k;
            continue;
        }
        if (c === 10 && q !== 96)
            return undefined;
        if (q === 96 && c === 36 && src.charCodeAt(k + 1) === 123)
            return undefined;
        k++;
    }
    return undefined;
}
function readWord(src, i) {
    const n = src.length;
    let k = i;
    while (k < n && isIdentPart(src.charCodeAt(k)))
        k++;
    return [src.slice(i, k), k];
}
/** After the keyword `import`. */
function onImport(src, i, out) {
    let k = ws(src, i);
    const c = src.charCodeAt(k);
    if (c === 40 /* ( */) {
        const lit = readLiteral(src, ws(src, k + 1));
        if (lit) {
            const end = ws(src, lit[1]);
            const e = src.charCodeAt(end);
            // `import('x')` or `import('x', { with: ... })`; a concatenation is not a literal.
            if (e === 41 || e === 44)
                out.push({ specifier: lit[0], kind: 'dynamic' });
            return lit[1];
        }
        return k + 1;
    }
    if (c === 46 /* . */)
        return k; // import.meta
    const lit = readLiteral(src, k);
    if (lit) {
        if (c !== 96)
            out.push({ specifier: lit[0], kind: 'runtime' });
        return lit[1];
    }
    // import [type] <clause> from 'x' | import x = require('x')
    let typeOnly = false;
    if (src.startsWith('type', k) && !isIdentPart(src.charCodeAt(k + 4))) {
        const after = ws(src, k + 4);
        const ac = src.charCodeAt(after);
        const [nextWord] = readWord(src, after);
        // `import type from './x'` imports a default binding named `type`.
        if (ac === 123 || ac === 42 || (isIdentStart(ac) && nextWord !== 'from')) {
            typeOnly = true;
            k = after;
        }
    }
    return readClause(src, k, out, typeOnly, true);
}
/** After the keyword `export`. */
function onExport(src, i, out) {
    let k = ws(src, i);
    let typeOnly = false;
    if (src.startsWith('type', k) && !isIdentPart(src.charCodeAt(k + 4))) {
        const after = ws(src, k + 4);
        const ac = src.charCodeAt(after);
        if (ac === 123 || ac === 42) {
            typeOnly = true;
            k = after;
        }
        else
            return i;
    }
    const c = src.charCodeAt(k);
    if (c !== 123 && c !== 42)
        return i;
    return readClause(src, k, out, typeOnly, false);
}
/**
 * Reads an import/export clause up to `from '<x>'`. Named elements all marked `type` make the
 * statement type-only. Gives up (returning where it started) when the clause is not followed by
 * `from`, e.g. `export { a, b };`.
 */
function readClause(src, start, out, typeOnly, isImport) {
    const n = src.length;
    let k = start;
    let hasValueBinding = false;
    let named = 0;
    let namedType = 0;
    let inBraces = false;
    let elementStart = true;
    const limit = Math.min(n, start + 4000);
    while (k < limit) {
        k = ws(src, k);
        const c = src.charCodeAt(k);
        if (c === 123) {
            inBraces = true;
            elementStart = true;
            k++;
            continue;
        }
        if (c === 125) {
            inBraces = false;
            k++;
            const after = ws(src, k);
            const [w] = readWord(src, after);
            if (w !== 'from')
                return isImport ? after : start;
            continue;
        }
        if (c === 44) {
            elementStart = true;
            k++;
            continue;
        }
        if (c === 42) {
            if (!inBraces)
                hasValueBinding = true;
            k++;
            continue;
        }
        if (c === 61 /* = */ && isImport) {
            // import x = require('y')
            k = ws(src, k + 1);
            const [w, e] = readWord(src, k);
            if (w === 'require') {
                const p = ws(src, e);
                if (src.charCodeAt(p) === 40) {
                    const lit = readLiteral(src, ws(src, p + 1));
                    if (lit) {
                        out.push({ specifier: lit[0], kind: typeOnly ? 'type-only' : 'runtime' });
                        return lit[1];
                    }
                }
            }
            return k;
        }
        if (c === 39 || c === 34) {
            // a string-named binding: `import { "a-b" as ab }`
            const lit = readLiteral(src, k);
            if (!lit)
                return k;
            if (inBraces && elementStart)
                named++;
            elementStart = false;
            k = lit[1];
            continue;
        }
        if (isIdentStart(c)) {
            const [w, e] = readWord(src, k);
            if (!inBraces && w === 'from') {
                const p = ws(src, e);
                const lit = readLiteral(src, p);
                if (!lit)
                    return e;
                const allTyped = named > 0 && named === namedType && !hasValueBinding;
                out.push({ specifier: lit[0], kind: typeOnly || allTyped ? 'type-only' : 'runtime' });
                return lit[1];
            }
            if (inBraces && elementStart) {
                named++;
                if (w === 'type') {
                    const after = ws(src, e);
                    if (isIdentStart(src.charCodeAt(after))) {
                        const [nw, ne] = readWord(src, after);
                        if (nw !== 'as')
                            namedType++;
                        else {
                            // `type as X` binds the export named `type` (a value); `type as as X` is type-only.
                            const [nw2, ne2] = readWord(src, ws(src, ne));
                            if (nw2 === 'as' && isIdentStart(src.charCodeAt(ws(src, ne2))))
                                namedType++;
                        }
                    }
                }
            }
            else if (!inBraces && w !== 'as') {
                hasValueBinding = true;
            }
            elementStart = false;
            k = e;
            continue;
        }
        // Anything else (`;`, an operator) means this was not an import/export clause.
        return k;
    }
    return k;
}
/** After `require`: `require('x')` or `require.resolve('x')`. */
function onRequire(src, i, out) {
    let k = ws(src, i);
    if (src.charCodeAt(k) === 46) {
        const [w, e] = readWord(src, ws(src, k + 1));
        if (w !== 'resolve')
            return i;
        k = ws(src, e);
    }
    if (src.charCodeAt(k) !== 40)
        return i;
    const lit = readLiteral(src, ws(src, k + 1));
    if (!lit)
        return i;
    const end = ws(src, lit[1]);
    const e = src.charCodeAt(end);
    if (e !== 41 && e !== 44)
        return i;
    out.push({ specifier: lit[0], kind: 'runtime' });
    return lit[1];
}
/** After `jest` or `vi`: `.mock('x')` and relatives name a module the test depends on. */
function onMocker(src, i, out) {
    const k = ws(src, i);
    if (src.charCodeAt(k) !== 46)
        return i;
    const [w, e] = readWord(src, ws(src, k + 1));
    if (!MOCK_METHODS.has(w))
        return i;
    let p = ws(src, e);
    // vi.mock<typeof import('x')>('x') carries a type argument.
    if (src.charCodeAt(p) === 60) {
        const close = src.indexOf('>(', p);
        if (close < 0 || close - p > 500)
            return i;
        p = close + 1;
    }
    if (src.charCodeAt(p) !== 40)
        return i;
    const lit = readLiteral(src, ws(src, p + 1));
    if (!lit)
        return i;
    out.push({ specifier: lit[0], kind: 'runtime' });
    return lit[1];
}

;// CONCATENATED MODULE: ./src/graph/build.ts










const JS_EXT_RE = /\.(?:[cm]?[jt]sx?)$/;
function languageOf(path) {
    const dot = path.lastIndexOf('.');
    if (dot < 0)
        return undefined;
    const ext = path.slice(dot + 1);
    if (ext === 'py')
        return 'python';
    if (ext === 'go')
        return 'go';
    return JS_EXT_RE.test(path) ? 'js' : undefined;
}
const build_KIND_CODE = { runtime: 'r', 'type-only': 't', dynamic: 'd' };
const KIND_NUMBER = { runtime: 0, 'type-only': 1, dynamic: 2 };
const NUMBER_KIND = ['runtime', 'type-only', 'dynamic', 'runtime'];
const build_CODE_KIND = { r: 'runtime', t: 'type-only', d: 'dynamic' };
const CONFIG_RE = /(^|\/)(tsconfig[^/]*\.json|jsconfig[^/]*\.json|package\.json|pnpm-workspace\.yaml|lerna\.json|go\.mod|go\.work|pyproject\.toml|setup\.py|setup\.cfg)$/;
/**
 * A hash of everything resolution depends on besides the importing file: the set of files and the
 * contents of the config files that steer resolution (tsconfig, package.json, go.mod, ...).
 */
async function resolutionContext(sorted, hashes, source) {
    const h = (0,external_node_crypto_.createHash)('sha1');
    h.update(sorted.join('\n'));
    for (let k = 0; k < sorted.length; k++) {
        const f = sorted[k];
        if (!CONFIG_RE.test(f))
            continue;
        let sha = hashes.get(f);
        if (!sha) {
            const text = await source.readText(f);
            sha = text === undefined ? 'missing' : (0,files/* blobSha */.wJ)(Buffer.from(text));
        }
        h.update(`\0${f}\0${sha}`);
    }
    return h.digest('hex');
}
/** The paths in code-unit order; git lists tracked files sorted already, so usually no sort is needed. */
/** The index of `p` in a list sorted in code-unit order, or -1. */
function sortedIndexOf(list, p) {
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = list[mid];
        if (v === p)
            return mid;
        if (v < p)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}
function sortedPaths(paths) {
    const list = [...paths];
    for (let k = 1; k < list.length; k++)
        if (list[k - 1] > list[k])
            return list.sort();
    return list;
}
function scan(lang, text) {
    if (lang === 'js')
        return scanJs(text);
    if (lang === 'python')
        return scanPython(text);
    return scanGo(text);
}
async function loadScanCache(backend, logger) {
    if (!backend)
        return new ScanCache();
    try {
        return ScanCache.fromText(await backend.load());
    }
    catch (err) {
        logger?.warning(`Import-graph cache could not be read (${err.message}); building from scratch.`);
        return new ScanCache();
    }
}
async function saveScanCache(backend, cache, logger) {
    if (!backend || !cache.worthSaving)
        return;
    try {
        await backend.save(cache.toText());
    }
    catch (err) {
        logger?.warning(`Import-graph cache could not be saved (${err.message}); the next run builds from scratch.`);
    }
}
/**
 * Builds the file-level import graph of a repository (or of one of its revisions): JS/TS, Python
 * and Go. Files are listed through git when the root is a work tree (their blob SHAs are the cache
 * keys, so a warm build reads only files whose content is new), else by walking the folder.
 */
async function buildGraph(opts) {
    const t0 = performance.now();
    const root = opts.root;
    const source = opts.revision
        ? await (0,files/* revisionSource */.V0)(root, opts.revision)
        : await (opts.workingTree ?? (0,files/* workingTreeSource */.py)(root));
    const ignore = opts.ignore?.length ? picomatch_default()(opts.ignore, { dot: true }) : undefined;
    const include = opts.paths?.length ? picomatch_default()(opts.paths, { dot: true }) : undefined;
    const hashes = source.files;
    if (ignore)
        for (const p of [...hashes.keys()])
            if (ignore(p))
                hashes.delete(p);
    const allFiles = new Set(hashes.keys());
    const wanted = new Set(opts.languages ?? ['js', 'python', 'go']);
    // Files are numbered by their place in the sorted list: the resolved-edge cache stores targets as
    // these numbers, valid as long as the resolution context (which hashes this list) is unchanged.
    const fileList = sortedPaths(allFiles);
    let hasGoMod = false;
    for (let i = 0; i < fileList.length; i++) {
        const f = fileList[i];
        if (f === 'go.mod' || f.endsWith('/go.mod'))
            hasGoMod = true;
    }
    const srcIndex = [];
    const srcLang = [];
    for (let i = 0; i < fileList.length; i++) {
        const f = fileList[i];
        const lang = languageOf(f);
        if (!lang || !wanted.has(lang))
            continue;
        if (lang === 'go' && !hasGoMod)
            continue;
        if (include && !include(f))
            continue;
        srcIndex.push(i);
        srcLang.push(lang);
    }
    // A file whose content and resolution context are unchanged keeps its resolved edges: no read,
    // no scan. Others are scanned (cached by content hash, read only when new) and resolved.
    const cache = opts.cache ?? new ScanCache();
    const ctx = await resolutionContext(fileList, hashes, source);
    cache.useContext(ctx, fileList.length);
    const reusedEntries = new Array(fileList.length);
    const imports = new Map();
    const contentSha = new Map();
    const toRead = [];
    const toReadIndex = [];
    for (let s = 0; s < srcIndex.length; s++) {
        const i = srcIndex[s];
        const f = fileList[i];
        const h = hashes.get(f);
        if (h) {
            const done = cache.getResolved(ctx, i, h);
            if (done) {
                reusedEntries[i] = done;
                continue;
            }
            const hit = cache.getEncoded(`${h}:${srcLang[s]}`);
            if (hit) {
                imports.set(f, hit);
                contentSha.set(f, h);
                continue;
            }
        }
        toRead.push(f);
        toReadIndex.push(i);
    }
    const texts = await source.readMany(toRead);
    let scanned = 0;
    for (let r = 0; r < toRead.length; r++) {
        const f = toRead[r];
        const got = texts.get(f);
        if (!got)
            continue;
        const [text, sha] = got;
        // An untracked or edited file has no hash until read; unchanged since the cache was written,
        // it keeps its resolved edges too.
        const done = cache.getResolved(ctx, toReadIndex[r], sha);
        if (done) {
            reusedEntries[toReadIndex[r]] = done;
            continue;
        }
        const lang = languageOf(f);
        const key = `${sha}:${lang}`;
        let found = cache.getEncoded(key);
        if (!found) {
            found = cache.set(key, scan(lang, text));
            scanned++;
        }
        imports.set(f, found);
        contentSha.set(f, sha);
    }
    const languages = new Set();
    for (let s = 0; s < srcIndex.length; s++)
        if (reusedEntries[srcIndex[s]] || imports.has(fileList[srcIndex[s]]))
            languages.add(srcLang[s]);
    let js;
    const jsResolver = async () => (js ??= await JsResolver.create(allFiles, source.readText, opts.revision ? undefined : root));
    let py;
    let go;
    const goPackages = {};
    if (languages.has('go')) {
        const mods = [];
        for (const f of allFiles) {
            if (f !== 'go.mod' && !f.endsWith('/go.mod'))
                continue;
            const m = parseGoMod(external_node_path_.posix.dirname(f) === '.' ? '' : external_node_path_.posix.dirname(f), (await source.readText(f)) ?? '');
            if (m)
                mods.push(m);
        }
        go = new GoResolver(allFiles, mods);
    }
    const isNode = new Uint8Array(fileList.length);
    const otherNodes = new Set();
    // A warm build resolves a handful of files: binary search. A cold one resolves every import: a map.
    let lookups = 0;
    let indexMap;
    const indexOf = (p) => {
        if (indexMap)
            return indexMap.get(p);
        if (++lookups > 256) {
            indexMap = new Map();
            for (let i = 0; i < fileList.length; i++)
                indexMap.set(fileList[i], i);
            return indexMap.get(p);
        }
        const at = sortedIndexOf(fileList, p);
        return at < 0 ? undefined : at;
    };
    const edges = [];
    const unresolved = [];
    let reused = 0;
    for (let s = 0; s < srcIndex.length; s++) {
        const i = srcIndex[s];
        const f = fileList[i];
        const lang = srcLang[s];
        let entry = reusedEntries[i];
        const list = imports.get(f);
        if (!entry && !list)
            continue;
        isNode[i] = 1;
        if (lang === 'go' && go) {
            const dir = external_node_path_.posix.dirname(f) === '.' ? '' : external_node_path_.posix.dirname(f);
            const ip = go.importPathOf(dir);
            if (ip)
                goPackages[dir] = ip;
        }
        if (entry)
            reused++;
        else if (list) {
            const fresh = [contentSha.get(f)];
            entry = fresh;
            const seen = new Set();
            // A file that imports itself is a cycle architecture-scan must see; only the Go package
            // fan-out (a file "imports" every file of its package) skips the file itself.
            const add = (to, kind, selfIsNoise = false) => {
                if (to === f && selfIsNoise)
                    return;
                const at = indexOf(to);
                const e = at === undefined ? build_KIND_CODE[kind] + to : at * 4 + KIND_NUMBER[kind];
                if (seen.has(e))
                    return;
                seen.add(e);
                fresh.push(e);
            };
            if (lang === 'js') {
                const r0 = await jsResolver();
                for (const enc of list) {
                    const imp = decodeImport(enc);
                    const r = r0.resolve(f, imp.specifier);
                    if (r.path)
                        add(r.path, imp.kind);
                    else if (r.local)
                        fresh.push(`u${imp.specifier}`);
                }
            }
            else if (lang === 'python') {
                py ??= new PythonResolver(allFiles);
                for (const enc of list) {
                    const imp = decodeImport(enc);
                    const r = py.resolve(f, imp.specifier);
                    for (const p of r.paths)
                        add(p, imp.kind);
                    if (!r.found && r.local && !imp.optional)
                        fresh.push(`u${imp.specifier}`);
                }
            }
            else if (lang === 'go' && go) {
                const dir = external_node_path_.posix.dirname(f) === '.' ? '' : external_node_path_.posix.dirname(f);
                for (const enc of list) {
                    const imp = decodeImport(enc);
                    const r = go.resolve(imp.specifier);
                    for (const p of r.paths)
                        add(p, 'runtime', true);
                    if (r.local && !r.paths.length)
                        fresh.push(`u${imp.specifier}`);
                }
                // A package's tests compile with the package: its test files depend on every file of it.
                if (f.endsWith('_test.go'))
                    for (const p of go.filesOf(dir))
                        add(p, 'runtime', true);
            }
            cache.setResolved(ctx, i, fresh);
        }
        if (!entry)
            continue;
        for (let k = 1; k < entry.length; k++) {
            const e = entry[k];
            if (typeof e === 'number') {
                const t = e >> 2;
                edges.push([f, fileList[t], NUMBER_KIND[e & 3]]);
                isNode[t] = 1;
                continue;
            }
            const code = e[0];
            if (code === 'u') {
                unresolved.push({ from: f, specifier: e.slice(1) });
                continue;
            }
            const to = e.slice(1);
            edges.push([f, to, build_CODE_KIND[code] ?? 'runtime']);
            otherNodes.add(to);
        }
    }
    if (js === undefined && languages.has('js'))
        await jsResolver();
    const nodeList = sortedNodes(isNode, otherNodes, fileList);
    const ms = performance.now() - t0;
    opts.logger?.debug(`Import graph: ${nodeList.length} modules, ${edges.length} edges, ${scanned} scanned, ${reused} resolutions reused, ${ms.toFixed(0)} ms.`);
    return {
        root,
        nodes: nodeList,
        edges,
        unresolved,
        languages: [...languages].sort(),
        files: fileList,
        goPackages,
        workspaces: js?.workspacePackages() ?? [],
        stats: {
            files: allFiles.size,
            scanned,
            cacheHits: srcIndex.length - toRead.length,
            reusedResolutions: reused,
            ms,
        },
    };
}
/** The modules in path order: the sorted file list filtered, plus (rarely) targets outside it. */
function sortedNodes(isNode, others, fileList) {
    const out = [];
    for (let i = 0; i < fileList.length; i++)
        if (isNode[i])
            out.push(fileList[i]);
    if (!others.size)
        return out;
    const inList = new Set(out);
    for (const n of others)
        if (!inList.has(n))
            out.push(n);
    return sortedPaths(out);
}



/***/ }),

/***/ 6927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V0: () => (/* binding */ revisionSource),
/* harmony export */   py: () => (/* binding */ workingTreeSource),
/* harmony export */   wJ: () => (/* binding */ blobSha)
/* harmony export */ });
/* unused harmony export catFileBatch */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _core_git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17167);






const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** git's blob id of some bytes: the cache key that `git ls-files -s` already knows for clean files. */
function blobSha(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
function underSkippedDir(path) {
    if (path.startsWith('node_modules/') || path.includes('/node_modules/'))
        return true;
    return false;
}
/** The working tree under `root`: `git ls-files` when it is a git work tree, else a directory walk. */
async function workingTreeSource(root) {
    const git = new _core_git_js__WEBPACK_IMPORTED_MODULE_5__/* .GitRepo */ .tr(root);
    const files = new Map();
    // Outside a work tree these fail; that is the test (one spawn fewer than asking first).
    const [staged, others] = await Promise.all([
        git.tryRun(['-c', 'core.quotepath=off', 'ls-files', '-z', '-s']),
        // -t tags each path: `C ` modified, `R ` deleted from the work tree, `? ` untracked.
        git.tryRun(['-c', 'core.quotepath=off', 'ls-files', '-z', '-t', '-m', '-d', '-o', '--exclude-standard']),
    ]);
    if (staged !== undefined && others !== undefined) {
        // "<mode> <sha> <stage>\t<path>\0" records, read in place: splitting first made an extra
        // string per file (10,000 of them) for the garbage collector.
        for (let at = 0; at < staged.length;) {
            let end = staged.indexOf('\0', at);
            if (end < 0)
                end = staged.length;
            const tab = staged.indexOf('\t', at);
            // Submodules (mode 160000) are not files.
            if (tab > at && tab < end && !staged.startsWith('160000', at)) {
                const path = staged.slice(tab + 1, end);
                if (!underSkippedDir(path))
                    files.set(path, staged.slice(at + 7, at + 47));
            }
            at = end + 1;
        }
        const deleted = [];
        for (const rec of others.split('\0')) {
            if (rec.length < 3)
                continue;
            const tag = rec[0];
            const path = rec.slice(2);
            if (tag === 'R')
                deleted.push(path);
            else if (!underSkippedDir(path))
                files.set(path, undefined);
        }
        for (const path of deleted)
            files.delete(path);
    }
    else {
        await walk(root, '', files);
    }
    return {
        files,
        readMany: (paths) => readWorkingTree(root, paths, files),
        readText: async (path) => {
            try {
                return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, path), 'utf8');
            }
            catch {
                return undefined;
            }
        },
    };
}
async function walk(root, rel, files) {
    let entries;
    try {
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, rel), { withFileTypes: true });
    }
    catch {
        return;
    }
    await Promise.all(entries.map(async (e) => {
        const p = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
            if (!ALWAYS_SKIPPED_DIRS.has(e.name))
                await walk(root, p, files);
        }
        else if (e.isFile())
            files.set(p, undefined);
    }));
}
/**
 * Reads files synchronously: for thousands of small files this is about 5x faster than promise-based
 * reads, whose per-file thread-pool round trips dominate (measured on 11,800 files: 0.19 s vs 0.83 s).
 */
async function readWorkingTree(root, paths, known) {
    const out = new Map();
    for (const p of paths) {
        try {
            const bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, p));
            // A clean tracked file's hash is already known from the index; hash only the rest.
            out.set(p, [bytes.toString('utf8'), known.get(p) ?? blobSha(bytes)]);
        }
        catch {
            // vanished or unreadable: absent
        }
    }
    return out;
}
/** The tree of a committed revision, read through one `git cat-file --batch` process. */
async function revisionSource(root, rev) {
    const git = new _core_git_js__WEBPACK_IMPORTED_MODULE_5__/* .GitRepo */ .tr(root);
    const blobs = await git.blobsAtRevision(rev);
    const files = new Map();
    for (const [p, sha] of blobs)
        if (!underSkippedDir(p))
            files.set(p, sha);
    const readMany = async (paths) => {
        const wanted = paths.filter((p) => blobs.has(p));
        const texts = await catFileBatch(root, wanted.map((p) => blobs.get(p)));
        const out = new Map();
        wanted.forEach((p, k) => {
            const t = texts[k];
            if (t !== undefined)
                out.set(p, [t, blobs.get(p)]);
        });
        return out;
    };
    return {
        files,
        readMany,
        readText: async (path) => (await readMany([path])).get(path)?.[0],
    };
}
/** Reads many objects with one git process: `<sha> <type> <size>\n<bytes>\n` per object. */
function catFileBatch(cwd, shas) {
    if (!shas.length)
        return Promise.resolve([]);
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks = [];
        child.stdout.on('data', (d) => chunks.push(d));
        child.on('error', reject);
        child.on('close', () => {
            const buf = Buffer.concat(chunks);
            const out = [];
            let pos = 0;
            for (let k = 0; k < shas.length && pos < buf.length; k++) {
                const nl = buf.indexOf(10, pos);
                if (nl < 0)
                    break;
                const header = buf.toString('latin1', pos, nl).split(' ');
                pos = nl + 1;
                if (header[1] === 'missing' || header.length < 3) {
                    out.push(undefined);
                    continue;
                }
                const size = Number(header[2]);
                out.push(buf.toString('utf8', pos, pos + size));
                pos += size + 1;
            }
            resolve(out);
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(shas.join('\n') + '\n');
    });
}


/***/ })

};
