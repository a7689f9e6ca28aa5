export const id = 454;
export const ids = [454];
export const modules = {

/***/ 69928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GE: () => (/* binding */ expandGlobs),
/* harmony export */   Ne: () => (/* binding */ repoRelative),
/* harmony export */   fU: () => (/* binding */ globMatcher)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73382);



/**
 * Files matching glob patterns (`!pattern` excludes), relative to `cwd` (the workspace), sorted
 * and unique. Absolute patterns work too. Dot-folders are searched, `node_modules` and `.git` not,
 * since reports usually live in build output folders.
 */
async function expandGlobs(patterns, cwd) {
    if (patterns.length === 0)
        return [];
    const normalized = patterns.map((p) => {
        const neg = p.startsWith('!');
        const body = neg ? p.slice(1) : p;
        const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(body) ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(cwd, body).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/') : body;
        return neg ? `!${rel}` : rel;
    });
    const found = await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_1__/* .glob */ .TI)(normalized, {
        cwd,
        dot: true,
        onlyFiles: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
        expandDirectories: false,
    });
    return [...new Set(found.map((f) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, f)))].sort();
}
/** A path relative to the repository root, with `/`; paths outside it stay absolute. */
function repoRelative(root, path) {
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(root, path);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, abs);
    if (rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel))
        return abs.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
    return rel.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
}
/**
 * One predicate for many globs (dot files included), compiled into a single regular expression.
 * picomatch's own matcher re-normalizes each input per pattern (~20 µs a path here); the compiled
 * expression is well under 1 µs, and select-tests matches every path of the repository.
 */
function globMatcher(patterns) {
    if (!patterns.length)
        return () => false;
    const re = new RegExp(patterns.map((p) => `(?:${picomatch__WEBPACK_IMPORTED_MODULE_2___default().makeRe(p, { dot: true }).source})`).join('|'));
    return (path) => re.test(path);
}


/***/ }),

/***/ 17167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sk: () => (/* binding */ resolveBaseHead),
/* harmony export */   tr: () => (/* binding */ GitRepo)
/* harmony export */ });
/* unused harmony exports ZERO_SHA, GitError, parseNameStatus, parseAddedLines */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


/**
 * Git access for the actions: which commits a run compares, what changed between them, and files
 * as they were at a revision. Everything runs the real `git` binary in the checkout; no library
 * re-implements it.
 */
const ZERO_SHA = '0000000000000000000000000000000000000000';
class GitError extends Error {
    args;
    code;
    stderr;
    name = 'GitError';
    constructor(args, code, stderr) {
        super(`git ${args.join(' ')} failed (${code ?? 'signal'}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
        this.args = args;
        this.code = code;
        this.stderr = stderr;
    }
}
const MAX_BUFFER = 512 * 1024 * 1024;
class GitRepo {
    cwd;
    logger;
    constructor(
    /** A directory inside the work tree. */
    cwd, logger) {
        this.cwd = cwd;
        this.logger = logger;
    }
    /** Runs git and returns stdout; throws {@link GitError} on a non-zero exit. */
    run(args) {
        return new Promise((resolve, reject) => {
            (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, {
                cwd: this.cwd,
                maxBuffer: MAX_BUFFER,
                // Bytes, decoded once at the end: decoding each chunk and joining the pieces tripled the
                // garbage for listings of 10,000 files.
                encoding: 'buffer',
                env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
            }, (err, stdout, stderr) => {
                if (err) {
                    const code = typeof err.code === 'number' ? err.code : null;
                    reject(new GitError(args, code, stderr.length ? stderr.toString('utf8') : err.message));
                }
                else
                    resolve(stdout.toString('utf8'));
            });
        });
    }
    /** Like {@link run} but `undefined` instead of an error. */
    async tryRun(args) {
        try {
            return await this.run(args);
        }
        catch {
            return undefined;
        }
    }
    /** Commits and the work tree's top folder already asked for with {@link prime}. */
    known = new Map();
    knownTop;
    knownParents = new Map();
    /**
     * Resolves the work tree's top folder, HEAD and `revs` in one git process (each spawn costs
     * milliseconds, and a warm select-tests run is mostly waiting on them). Only complete answers are
     * kept; anything missing (a rev not fetched yet, an empty repository) is then asked the slow way.
     */
    async prime(revs) {
        const wanted = [...new Set(revs)].filter((r) => /^[\w./@{}~^][\w./@{}~^-]*$/.test(r));
        // The first rev's parents come last (`^@`, none for a root commit); they are kept only outside a
        // shallow clone, where a grafted boundary commit would show none (parentsOf reads the object then).
        const out = await this.tryRun([
            'rev-parse',
            '--show-toplevel',
            '--is-shallow-repository',
            'HEAD',
            ...wanted.map((r) => `${r}^{commit}`),
            ...(wanted.length ? [`${wanted[0]}^@`] : []),
        ]);
        const lines = out?.trim().split('\n');
        if (!lines || lines.length < wanted.length + 3)
            return;
        const [top, shallow, head, ...rest] = lines;
        if (shallow !== 'true' && shallow !== 'false')
            return;
        if (![head, ...rest].every((l) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(l)))
            return;
        this.knownTop = { top, head };
        wanted.forEach((r, k) => this.known.set(r, rest[k]));
        if (shallow === 'false' && wanted.length)
            this.knownParents.set(rest[0], rest.slice(wanted.length));
    }
    /** The full SHA of a commit-ish, or `undefined` when it is not in the repository. */
    async resolveCommit(rev) {
        const known = this.known.get(rev);
        if (known)
            return known;
        const out = await this.tryRun(['rev-parse', '--verify', '-q', `${rev}^{commit}`]);
        return out?.trim() || undefined;
    }
    async topLevel() {
        return (await this.run(['rev-parse', '--show-toplevel'])).trim();
    }
    /** The work tree's top folder and the checked-out commit, in one call (undefined HEAD in an empty repository). */
    async topLevelAndHead() {
        if (this.knownTop)
            return { ...this.knownTop };
        const out = (await this.tryRun(['rev-parse', '--show-toplevel', 'HEAD'])) ??
            (await this.run(['rev-parse', '--show-toplevel']));
        const [top, head] = out.trim().split('\n');
        return { top, head: head || undefined };
    }
    async isShallow() {
        return (await this.tryRun(['rev-parse', '--is-shallow-repository']))?.trim() === 'true';
    }
    async hasRemote(name = 'origin') {
        return (await this.tryRun(['remote', 'get-url', name])) !== undefined;
    }
    /** The parents recorded in a commit object (readable even at a shallow boundary, unlike rev-list). */
    async parentsOf(sha) {
        const known = this.knownParents.get(sha);
        if (known)
            return [...known];
        const body = await this.tryRun(['cat-file', '-p', sha]);
        if (!body)
            return [];
        const parents = [];
        for (const line of body.split('\n')) {
            if (line === '')
                break;
            if (line.startsWith('parent '))
                parents.push(line.slice(7).trim());
        }
        return parents;
    }
    async mergeBase(a, b) {
        return (await this.tryRun(['merge-base', a, b]))?.trim() || undefined;
    }
    async isAncestor(a, b) {
        return (await this.tryRun(['merge-base', '--is-ancestor', a, b])) !== undefined;
    }
    /**
     * Makes sure `rev` is present, fetching it from `origin` when the checkout lacks it (a shallow
     * clone, or a base branch never fetched). Returns the full SHA.
     */
    async ensureCommit(rev) {
        const have = await this.resolveCommit(rev);
        if (have)
            return have;
        const shallow = await this.isShallow();
        if (await this.hasRemote()) {
            this.logger?.info(`Fetching ${rev} from origin (not in the checkout${shallow ? ', shallow clone' : ''}).`);
            const depth = shallow ? ['--depth=1'] : [];
            await this.tryRun(['fetch', '--no-tags', '--no-recurse-submodules', ...depth, 'origin', rev]);
            const got = (await this.resolveCommit(rev)) ?? (await this.resolveCommit('FETCH_HEAD'));
            if (got && (/^[0-9a-f]{40}$/.test(rev) ? got === rev : true))
                return got;
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(shallow
            ? `Commit ${rev} is not in this shallow clone and could not be fetched. Check out with \`fetch-depth: 0\` (actions/checkout) so ai-ci can compare with it.`
            : `Commit ${rev} is not in the repository and could not be fetched from origin.`);
    }
    /**
     * The commit the diff should start from: `base` itself when it is an ancestor (or a recorded
     * parent) of `head`, else their merge base, deepening a shallow clone until it is found.
     */
    async diffStart(base, head, opts = {}) {
        if (base === head)
            return base;
        if ((await this.parentsOf(head)).includes(base))
            return base;
        if (await this.isAncestor(base, head))
            return base;
        let mb = await this.mergeBase(base, head);
        if (mb)
            return mb;
        if (await this.isShallow()) {
            if (!(await this.hasRemote()))
                throw this.shallowError(base, head);
            const steps = opts.maxDeepenSteps ?? 6;
            let depth = 50;
            for (let i = 0; i < steps && !mb; i++) {
                this.logger?.info(`Shallow clone: deepening by ${depth} commits to find the merge base of ${short(base)} and ${short(head)}.`);
                const ok = await this.tryRun([
                    'fetch',
                    '--no-tags',
                    '--no-recurse-submodules',
                    `--deepen=${depth}`,
                    'origin',
                    base,
                    head,
                ]);
                if (ok === undefined)
                    await this.tryRun(['fetch', '--no-tags', '--no-recurse-submodules', `--deepen=${depth}`, 'origin']);
                mb = await this.mergeBase(base, head);
                depth *= 4;
                if (!(await this.isShallow()))
                    break;
            }
            if (!mb && (await this.isShallow())) {
                await this.tryRun(['fetch', '--no-tags', '--no-recurse-submodules', '--unshallow', 'origin']);
                mb = await this.mergeBase(base, head);
            }
            if (mb)
                return mb;
            throw this.shallowError(base, head);
        }
        // Unrelated histories: the best we can do is compare the two trees.
        this.logger?.warning(`Commits ${short(base)} and ${short(head)} share no history; comparing their trees directly.`);
        return base;
    }
    shallowError(base, head) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`The checkout is a shallow clone without the history that joins ${short(base)} and ${short(head)}, and it could not be deepened. Check out with \`fetch-depth: 0\` (actions/checkout) so ai-ci can find what changed.`);
    }
    /**
     * Files changed between `base` and `head` (commits, or `head` undefined for the working tree),
     * with renames detected (`-M`) and deletions listed.
     */
    changedFiles(base, head) {
        const key = `${base}..${head ?? ''}`;
        let diff = this.diffs.get(key);
        if (!diff) {
            diff = this.diffUncached(base, head);
            this.diffs.set(key, diff);
            // A speculative diff nobody asks for must not become an unhandled rejection.
            diff.catch(() => undefined);
        }
        return diff;
    }
    /** Diffs already started: {@link resolveBaseHead} starts the likely one beside its other git calls. */
    diffs = new Map();
    async diffUncached(base, head) {
        const args = [
            '-c',
            'core.quotepath=off',
            'diff',
            '--name-status',
            '-M',
            '-z',
            '--no-ext-diff',
            '--no-color',
            base,
        ];
        if (head)
            args.push(head);
        args.push('--');
        const out = await this.run(args);
        return parseNameStatus(out);
    }
    /** A file's bytes at a revision as UTF-8 text; `undefined` when it does not exist there. */
    async fileAtRevision(rev, path) {
        return this.tryRun(['cat-file', '-p', `${rev}:${path}`]);
    }
    /** Every file tracked at a revision, repository-relative. */
    async listFilesAtRevision(rev) {
        const out = await this.run(['-c', 'core.quotepath=off', 'ls-tree', '-r', '-z', '--name-only', rev]);
        return out.split('\0').filter((s) => s !== '');
    }
    /** `path -> blob SHA` of every file at a revision (content hashes without reading the files). */
    async blobsAtRevision(rev) {
        const out = await this.run(['-c', 'core.quotepath=off', 'ls-tree', '-r', '-z', rev]);
        const map = new Map();
        for (const rec of out.split('\0')) {
            if (!rec)
                continue;
            // "<mode> <type> <sha>\t<path>"
            const tab = rec.indexOf('\t');
            const meta = rec.slice(0, tab).split(' ');
            if (meta[1] === 'blob')
                map.set(rec.slice(tab + 1), meta[2]);
        }
        return map;
    }
    /**
     * Line numbers (at head) added or changed between `base` and `head`, per file, from
     * `git diff -U0`. Deleted files are absent; a renamed file is keyed by its new path.
     */
    async addedLines(base, head, paths = []) {
        const args = ['-c', 'core.quotepath=off', 'diff', '-U0', '-M', '--no-ext-diff', '--no-color', base];
        if (head)
            args.push(head);
        args.push('--', ...paths);
        return parseAddedLines(await this.run(args));
    }
}
/** Parses `git diff --name-status -z` output. */
function parseNameStatus(out) {
    const parts = out.split('\0');
    const files = [];
    for (let i = 0; i < parts.length;) {
        const code = parts[i++];
        if (!code)
            continue;
        const letter = code[0];
        if (letter === 'R' || letter === 'C') {
            const oldPath = parts[i++];
            const path = parts[i++];
            files.push({ status: letter === 'R' ? 'renamed' : 'copied', path, oldPath });
        }
        else {
            const path = parts[i++];
            const status = letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : letter === 'T' ? 'type-changed' : 'modified';
            files.push({ status, path });
        }
    }
    return files;
}
/** Parses unified diff text with `-U0` into added line numbers per new path. */
function parseAddedLines(diff) {
    const result = new Map();
    let current;
    for (const line of diff.split('\n')) {
        if (line.startsWith('+++ ')) {
            const target = line.slice(4);
            if (target === '/dev/null')
                current = undefined;
            else {
                const p = unquote(target).replace(/^b\//, '');
                current = result.get(p) ?? [];
                result.set(p, current);
            }
            continue;
        }
        if (line.startsWith('@@') && current) {
            const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
            if (!m)
                continue;
            const start = Number(m[1]);
            const count = m[2] === undefined ? 1 : Number(m[2]);
            for (let k = 0; k < count; k++)
                current.push(start + k);
        }
    }
    for (const [k, v] of result)
        if (!v.length)
            result.delete(k);
    return result;
}
function unquote(p) {
    if (!p.startsWith('"'))
        return p;
    // git C-quotes paths with unusual bytes; octal escapes are UTF-8 bytes.
    const bytes = [];
    const s = p.slice(1, -1);
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (c === '\\') {
            const n = s[i + 1];
            if (/[0-7]/.test(n)) {
                bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
                i += 3;
                continue;
            }
            const map = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
            bytes.push(map[n] ?? n.charCodeAt(0));
            i += 1;
        }
        else
            bytes.push(...Buffer.from(c, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
}
function short(sha) {
    return /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 7) : sha;
}
function rec(v) {
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function str(v) {
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
/**
 * Which two commits a run compares, per event. Explicit `base`/`head` inputs win; then
 * - `push`: the payload's `before`; an all-zero `before` (a new branch) falls back to the merge
 *   base with the default branch;
 * - `pull_request`, `pull_request_target`: `pull_request.base.sha`;
 * - `merge_group`: `merge_group.base_sha`;
 * - `schedule`, `workflow_dispatch` and others: no base unless an input gives one.
 * Head is the `head` input, else `GITHUB_SHA`, else `HEAD`. Commits missing from a shallow clone
 * are fetched; the returned base is the commit to diff from (the merge base when the base is not an
 * ancestor of head).
 */
async function resolveBaseHead(git, event, inputs = {}, logger, opts = {}) {
    const headRev = inputs.head ?? (event.sha || 'HEAD');
    const payload = event.payload ?? {};
    const baseGuess = inputs.base ?? baseFromEvent(event.eventName, payload);
    await git.prime(baseGuess ? [headRev, baseGuess] : [headRev]);
    const head = await git.ensureCommit(headRev);
    let base;
    let source;
    if (inputs.base) {
        base = inputs.base;
        source = 'input';
    }
    else {
        switch (event.eventName) {
            case 'push': {
                const before = str(payload.before);
                if (before && before !== ZERO_SHA) {
                    base = before;
                    source = 'push.before';
                }
                else {
                    const def = event.defaultBranch;
                    const mb = def ? await mergeBaseWithBranch(git, def, head, logger) : undefined;
                    base = mb;
                    source = mb
                        ? `merge-base(${def})`
                        : before === ZERO_SHA
                            ? 'none (new branch without a default branch to compare with)'
                            : 'none (push payload without before)';
                }
                break;
            }
            case 'pull_request':
            case 'pull_request_target': {
                base = str(rec(rec(payload.pull_request)?.base)?.sha);
                source = base ? 'pull_request.base.sha' : 'none (pull_request payload without base.sha)';
                break;
            }
            case 'merge_group': {
                base = str(rec(payload.merge_group)?.base_sha);
                source = base ? 'merge_group.base_sha' : 'none (merge_group payload without base_sha)';
                break;
            }
            default:
                source = `none (${event.eventName || 'unknown'} event without a base input)`;
        }
    }
    if (!base)
        return { base: undefined, head, source };
    const baseSha = await git.ensureCommit(base);
    // The diff usually starts at the base itself (a push's parent, a pull request's merge commit's
    // first parent): a caller that will list changed files has it started now, beside the ancestry check.
    if (opts.prefetchChangedFiles)
        void git.changedFiles(baseSha, head);
    const start = await git.diffStart(baseSha, head);
    if (start !== baseSha)
        source = `${source} -> merge-base`;
    return { base: start, head, source };
}
/** The base a push, pull request or merge group names in its payload, if any. */
function baseFromEvent(eventName, payload) {
    if (eventName === 'push') {
        const before = str(payload.before);
        return before && before !== ZERO_SHA ? before : undefined;
    }
    if (eventName === 'pull_request' || eventName === 'pull_request_target')
        return str(rec(rec(payload.pull_request)?.base)?.sha);
    if (eventName === 'merge_group')
        return str(rec(payload.merge_group)?.base_sha);
    return undefined;
}
/** Merge base of `head` with the default branch, trying `origin/<branch>`, the local branch, then a fetch. */
async function mergeBaseWithBranch(git, branch, head, logger) {
    for (const ref of [`refs/remotes/origin/${branch}`, `refs/heads/${branch}`]) {
        const sha = await git.resolveCommit(ref);
        if (sha) {
            if (sha === head)
                return undefined;
            return git.diffStart(sha, head);
        }
    }
    if (await git.hasRemote()) {
        logger?.info(`Fetching the default branch ${branch} to find where this branch started.`);
        const fetched = await git.tryRun([
            'fetch',
            '--no-tags',
            '--no-recurse-submodules',
            'origin',
            `+refs/heads/${branch}:refs/remotes/origin/${branch}`,
        ]);
        if (fetched !== undefined) {
            const sha = await git.resolveCommit(`refs/remotes/origin/${branch}`);
            if (sha && sha !== head)
                return git.diffStart(sha, head);
        }
    }
    return undefined;
}


/***/ }),

/***/ 83544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext)
/* harmony export */ });
/* unused harmony export branchOfRef */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

function readRunContext(env = process.env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
            if (parsed && typeof parsed === 'object')
                payload = parsed;
        }
        catch {
            // An unreadable payload is treated as no payload: the run context still has env values.
        }
    }
    const repository = env.GITHUB_REPOSITORY ?? 'local/unknown';
    const [owner, repo] = repository.includes('/') ? repository.split('/', 2) : ['local', repository];
    const ref = env.GITHUB_REF ?? '';
    const pr = asRecord(payload.pull_request);
    const repoPayload = asRecord(payload.repository);
    const prHead = asRecord(pr?.head);
    const branch = env.GITHUB_HEAD_REF || (typeof prHead?.ref === 'string' ? prHead.ref : undefined) || branchOfRef(ref);
    const number = typeof pr?.number === 'number'
        ? pr.number
        : typeof payload.number === 'number'
            ? payload.number
            : undefined;
    return {
        repository,
        owner,
        repo,
        eventName: env.GITHUB_EVENT_NAME ?? 'push',
        payload,
        sha: env.GITHUB_SHA ?? '',
        ref,
        branch,
        defaultBranch: env.AI_CI_DEFAULT_BRANCH ||
            (typeof repoPayload?.default_branch === 'string' ? repoPayload.default_branch : undefined),
        runId: env.GITHUB_RUN_ID ?? '0',
        runNumber: env.GITHUB_RUN_NUMBER ?? '0',
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        job: env.GITHUB_JOB ?? 'local',
        workflow: env.GITHUB_WORKFLOW ?? 'local',
        workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        pullNumber: number,
    };
}
function branchOfRef(ref) {
    if (ref.startsWith('refs/heads/'))
        return ref.slice('refs/heads/'.length);
    return undefined;
}
function asRecord(v) {
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}


/***/ }),

/***/ 89114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony export parseDuration */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);


class Inputs {
    env;
    constructor(env = process.env) {
        this.env = env;
    }
    /** The raw value, trimmed; `undefined` when unset or empty. */
    raw(spec) {
        const s = typeof spec === 'string' ? { name: spec } : spec;
        const key = `INPUT_${s.name.replace(/ /g, '_').toUpperCase()}`;
        const candidates = [this.env[key], ...(s.env ?? []).map((e) => this.env[e])];
        for (const c of candidates) {
            if (c !== undefined && c.trim() !== '')
                return c.trim();
        }
        if (s.required)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input required and not supplied: ${s.name}`);
        return undefined;
    }
    string(spec) {
        return this.raw(spec);
    }
    /** One of a fixed set of values. */
    choice(spec, allowed) {
        const v = this.raw(spec);
        if (v === undefined)
            return undefined;
        const lower = v.toLowerCase();
        const hit = allowed.find((a) => a.toLowerCase() === lower);
        if (!hit) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for input '${nameOf(spec)}': '${v}'. Expected one of: ${allowed.join(', ')}.`);
        }
        return hit;
    }
    /** `true/false`, `1/0`, `yes/no`, `on/off` (the seeds use `VULN_GATING=1`). */
    boolean(spec) {
        const v = this.raw(spec);
        if (v === undefined)
            return undefined;
        return parseBoolean(v, nameOf(spec));
    }
    number(spec, opts = {}) {
        const v = this.raw(spec);
        if (v === undefined)
            return undefined;
        const n = Number(v);
        const kind = opts.integer ? 'a whole number' : 'a number';
        if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for input '${nameOf(spec)}': '${v}'. Expected ${kind}${range(opts)}.`);
        }
        if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for input '${nameOf(spec)}': ${v}. Expected ${kind}${range(opts)}.`);
        }
        return n;
    }
    /** A duration in milliseconds: `500ms`, `30s`, `5m`, `2h`, `90 days`, or a bare number of seconds. */
    duration(spec) {
        const v = this.raw(spec);
        if (v === undefined)
            return undefined;
        const ms = parseDuration(v);
        if (ms === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for input '${nameOf(spec)}': '${v}'. Expected a duration such as 30s, 5m, 2h or 90 days.`);
        }
        return ms;
    }
    /** A list separated by newlines or commas; empty items dropped. */
    list(spec) {
        const v = this.raw(spec);
        if (v === undefined)
            return undefined;
        const items = v
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter((s) => s !== '');
        return items.length ? items : undefined;
    }
    /** Glob patterns, one per line or comma-separated; each is checked to compile. */
    globs(spec) {
        const items = this.list(spec);
        if (!items)
            return undefined;
        for (const g of items) {
            try {
                picomatch__WEBPACK_IMPORTED_MODULE_1___default().makeRe(g.startsWith('!') ? g.slice(1) : g);
            }
            catch {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid glob in input '${nameOf(spec)}': '${g}'.`);
            }
        }
        return items;
    }
    json(spec) {
        const v = this.raw(spec);
        if (v === undefined)
            return undefined;
        try {
            return JSON.parse(v);
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for input '${nameOf(spec)}': not valid JSON (${err.message}).`);
        }
    }
}
function nameOf(spec) {
    return typeof spec === 'string' ? spec : spec.name;
}
function range(opts) {
    if (opts.min !== undefined && opts.max !== undefined)
        return ` from ${opts.min} to ${opts.max}`;
    if (opts.min !== undefined)
        return ` of at least ${opts.min}`;
    if (opts.max !== undefined)
        return ` of at most ${opts.max}`;
    return '';
}
const TRUE = new Set(['true', '1', 'yes', 'y', 'on']);
const FALSE = new Set(['false', '0', 'no', 'n', 'off']);
function parseBoolean(value, name = 'value') {
    const v = value.trim().toLowerCase();
    if (TRUE.has(v))
        return true;
    if (FALSE.has(v))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for input '${name}': '${value}'. Expected true/false, 1/0 or yes/no.`);
}
const UNITS = {
    ms: 1,
    s: 1000,
    sec: 1000,
    secs: 1000,
    second: 1000,
    seconds: 1000,
    m: 60_000,
    min: 60_000,
    mins: 60_000,
    minute: 60_000,
    minutes: 60_000,
    h: 3_600_000,
    hr: 3_600_000,
    hour: 3_600_000,
    hours: 3_600_000,
    d: 86_400_000,
    day: 86_400_000,
    days: 86_400_000,
    w: 604_800_000,
    week: 604_800_000,
    weeks: 604_800_000,
};
function parseDuration(value) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
    if (!m)
        return undefined;
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    if (unit === '')
        return n * 1000;
    const mult = UNITS[unit];
    return mult === undefined ? undefined : n * mult;
}


/***/ }),

/***/ 11227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ cliLogger),
/* harmony export */   MV: () => (/* binding */ actionsLogger)
/* harmony export */ });
/* unused harmony export recordingLogger */
/* harmony import */ var _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28708);

/** The logger of a real workflow step: workflow commands on stdout. */
/** Our `line` is the runner's `startLine` (which it writes as `line=`). */
function toRunner(p) {
    if (!p)
        return undefined;
    return { file: p.file, startLine: p.line, endLine: p.endLine, title: p.title };
}
function actionsLogger() {
    return {
        debug: (m) => _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
        info: (m) => _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
        warning: (m, p) => _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m, toRunner(p)),
        error: (m, p) => _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(m, toRunner(p)),
        notice: (m, p) => _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(m, toRunner(p)),
        group: (name, fn) => _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(name, fn),
    };
}
/** A logger for the CLI's own messages: everything to stderr, so `--json` keeps stdout clean. */
function cliLogger(opts = {}) {
    const w = (prefix, m, p) => {
        const where = p?.file ? ` (${p.file}${p.line ? `:${p.line}` : ''})` : '';
        process.stderr.write(`${prefix}${m}${where}\n`);
    };
    return {
        debug: (m) => {
            if (opts.verbose)
                w('debug: ', m);
        },
        info: (m) => w('', m),
        warning: (m, p) => w('warning: ', m, p),
        error: (m, p) => w('error: ', m, p),
        notice: (m, p) => w('notice: ', m, p),
        group: async (name, fn) => {
            w('', `▸ ${name}`);
            return fn();
        },
    };
}
/** A logger that keeps what it was told, for tests. */
function recordingLogger() {
    const records = [];
    const rec = (level) => (message, props) => {
        records.push(props ? { level, message, props } : { level, message });
    };
    return {
        records,
        messages: (level) => records.filter((r) => !level || r.level === level).map((r) => r.message),
        debug: rec('debug'),
        info: rec('info'),
        warning: rec('warning'),
        error: rec('error'),
        notice: rec('notice'),
        group: async (_name, fn) => fn(),
    };
}


/***/ }),

/***/ 95623:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ timeoutMs)
/* harmony export */ });
/**
 * Every network timeout has a default and an environment override, so tests and slow runners can
 * change it without code changes. `AI_CI_TIMEOUT_SCALE` multiplies them all.
 */
function timeoutMs(envName, defaultMs, env = process.env) {
    const raw = env[envName];
    let ms = defaultMs;
    if (raw !== undefined && raw.trim() !== '') {
        const n = Number(raw);
        if (Number.isFinite(n) && n >= 0)
            ms = n;
    }
    const scaleRaw = env.AI_CI_TIMEOUT_SCALE;
    const scale = scaleRaw !== undefined && scaleRaw.trim() !== '' ? Number(scaleRaw) : 1;
    return Math.max(1, Math.round(ms * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}


/***/ })

};
