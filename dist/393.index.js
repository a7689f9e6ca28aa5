export const id = 393;
export const ids = [393,103,484,517];
export const modules = {

/***/ 1393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GRAPH_CACHE_KEY: () => (/* binding */ GRAPH_CACHE_KEY),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/runner-commands.ts
var runner_commands = __webpack_require__(28708);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(45605);
// EXTERNAL MODULE: ./src/core/cache/index.ts + 1 modules
var cache = __webpack_require__(87484);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(11227);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(89114);
;// CONCATENATED MODULE: ./src/actions/select-tests/shards.ts
/** GitHub rejects a matrix with more than 256 jobs. */
const MAX_SHARDS = 256;
/**
 * Splits tests into at most `requested` shards (never more than there are tests, never more than
 * 256) balanced by duration: longest first, each to the shard with the least work so far (the LPT
 * rule, within 4/3 of the best possible makespan). Tests without history count as the median.
 */
function planShards(tests, requested, durationsMs) {
    const known = tests
        .map((t) => durationsMs.get(t))
        .filter((d) => d !== undefined && Number.isFinite(d) && d >= 0);
    const medianMs = median(known) ?? 1000;
    const count = Math.max(1, Math.min(MAX_SHARDS, Math.floor(requested) || 1, tests.length || 1));
    const shards = Array.from({ length: count }, (_, k) => ({
        shard: k + 1,
        tests: [],
        estimatedMs: 0,
    }));
    const weighted = tests.map((t) => ({ t, d: durationsMs.get(t) ?? medianMs }));
    weighted.sort((a, b) => b.d - a.d || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
    for (const { t, d } of weighted) {
        let best = shards[0];
        for (const s of shards)
            if (s.estimatedMs < best.estimatedMs)
                best = s;
        best.tests.push(t);
        best.estimatedMs += d;
    }
    for (const s of shards)
        s.tests.sort();
    return { shards, medianMs, withHistory: known.length };
}
function median(xs) {
    if (!xs.length)
        return undefined;
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** The `strategy.matrix` JSON: never an empty `include`, which GitHub rejects. */
function matrixJson(mode, plan) {
    if (mode === 'none' || !plan)
        return JSON.stringify({ include: [{ shard: 0, tests: '' }] });
    const include = plan.shards
        .filter((s) => s.tests.length || plan.shards.length === 1)
        .map((s) => ({ shard: s.shard, tests: s.tests.join(' ') }));
    return JSON.stringify({ include: include.length ? include : [{ shard: 1, tests: '' }] });
}

;// CONCATENATED MODULE: ./src/actions/select-tests/inputs.ts



const LANGS = ['js', 'python', 'go'];
const LANG_ALIASES = {
    js: 'js',
    javascript: 'js',
    ts: 'js',
    typescript: 'js',
    py: 'python',
    python: 'python',
    go: 'go',
    golang: 'go',
};
function getInputs(inputs = new core_inputs/* Inputs */.G0()) {
    const langs = inputs.list('languages');
    let languages;
    if (langs && !(langs.length === 1 && langs[0].toLowerCase() === 'auto')) {
        languages = langs.map((l) => {
            const v = LANG_ALIASES[l.toLowerCase()];
            if (!v)
                throw new errors/* ConfigurationError */.j1(`Invalid value for input 'languages': '${l}'. Expected auto or a list of: ${LANGS.join(', ')}.`);
            return v;
        });
    }
    return Object.freeze({
        base: inputs.string('base'),
        head: inputs.string('head'),
        enabled: inputs.boolean({ name: 'enabled', env: ['TEST_SELECTION_ENABLED'] }) ?? true,
        threshold: inputs.number({ name: 'threshold', env: ['TEST_SELECTION_THRESHOLD'] }, { min: 0, integer: true }) ??
            20,
        criticalPaths: inputs.globs('critical-paths') ?? [],
        ignorePaths: inputs.globs('ignore-paths') ?? [],
        testPatterns: inputs.globs('test-patterns'),
        languages,
        shards: inputs.number('shards', { min: 1, max: MAX_SHARDS, integer: true }) ?? 1,
        workingDirectory: inputs.string('working-directory') ?? '.',
        timingReports: inputs.globs('timing-reports'),
        outputDir: inputs.string('output-dir') ?? 'ai_analysis',
    });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/files.ts
var core_files = __webpack_require__(69928);
// EXTERNAL MODULE: ./src/core/git.ts
var core_git = __webpack_require__(17167);
// EXTERNAL MODULE: ./src/graph/build.ts + 6 modules
var build = __webpack_require__(65735);
// EXTERNAL MODULE: ./src/graph/files.ts
var files = __webpack_require__(6927);
// EXTERNAL MODULE: ./src/parsers/types.ts
var types = __webpack_require__(35429);
;// CONCATENATED MODULE: ./src/actions/select-tests/durations.ts
/** Store key of the per-test-file durations select-tests keeps (test id -> milliseconds). */
const DURATIONS_KEY = 'select-tests:durations';
/**
 * Sums the test cases of JUnit (or other test) reports per test id: the file for JS and Python,
 * the package (`./dir`) for Go, whose reports name the import path as the suite.
 */
function durationsFromReports(reports, catalog, goPackages) {
    const byImportPath = new Map();
    for (const [dir, ip] of Object.entries(goPackages))
        byImportPath.set(ip, dir === '' ? '.' : `./${dir}`);
    const testFiles = new Set(catalog.files);
    const ids = new Set(catalog.ids);
    const out = new Map();
    for (const r of reports) {
        for (const t of r.tests) {
            let id;
            const goPkg = byImportPath.get(t.suite);
            if (goPkg && ids.has(goPkg))
                id = goPkg;
            else if (t.file && testFiles.has(t.file))
                id = catalog.idOf(t.file);
            else if (t.file) {
                // Reports written from a sub-folder name files relative to it.
                const hit = catalog.files.find((f) => f.endsWith(`/${t.file}`));
                if (hit)
                    id = catalog.idOf(hit);
            }
            if (!id && /^[\w.]+$/.test(t.suite)) {
                // pytest's classname is the dotted module path.
                const asPath = `${t.suite.replace(/\./g, '/')}.py`;
                if (testFiles.has(asPath))
                    id = asPath;
            }
            if (!id)
                continue;
            out.set(id, (out.get(id) ?? 0) + Math.max(0, t.durationMs ?? 0));
        }
    }
    return out;
}
async function loadStoredDurations(store, logger) {
    if (!store)
        return new Map();
    try {
        const raw = await store.get(DURATIONS_KEY);
        if (!raw)
            return new Map();
        const data = JSON.parse(raw);
        const out = new Map();
        if (data && typeof data === 'object' && !Array.isArray(data)) {
            for (const [k, v] of Object.entries(data))
                if (typeof v === 'number' && Number.isFinite(v) && v >= 0)
                    out.set(k, v);
        }
        return out;
    }
    catch (err) {
        logger.warning(`Stored test durations could not be read (${err.message}); shards are balanced by test count.`);
        return new Map();
    }
}
/** Newer measurements replace older ones; at most `max` tests are kept. */
async function saveDurations(store, previous, fresh, logger, max = 50_000) {
    if (!store || !fresh.size)
        return;
    const merged = new Map(previous);
    for (const [k, v] of fresh)
        merged.set(k, Math.round(v));
    const entries = [...merged.entries()].slice(-max);
    try {
        await store.set(DURATIONS_KEY, JSON.stringify(Object.fromEntries(entries)));
    }
    catch (err) {
        logger.warning(`Test durations could not be saved (${err.message}).`);
    }
}

;// CONCATENATED MODULE: ./src/graph/query.ts
/**
 * Builds the reverse graph in compressed form (typed arrays over module numbers): a 10,000-module
 * graph as a Map of arrays was 10,000 small objects for the garbage collector on every run.
 */
function importersIndex(graph, kinds) {
    const ids = new Map();
    const names = [];
    const idOf = (n) => {
        let i = ids.get(n);
        if (i === undefined) {
            i = names.length;
            ids.set(n, i);
            names.push(n);
        }
        return i;
    };
    const from = new Int32Array(graph.edges.length);
    const to = new Int32Array(graph.edges.length);
    let m = 0;
    // Index loops: this runs once per process, in code V8 has not optimized, where for-of
    // allocates an iterator result per step.
    const edges = graph.edges;
    for (let e = 0; e < edges.length; e++) {
        const edge = edges[e];
        if (kinds && !kinds.has(edge[2]))
            continue;
        from[m] = idOf(edge[0]);
        to[m] = idOf(edge[1]);
        m++;
    }
    const offsets = new Int32Array(names.length + 1);
    for (let e = 0; e < m; e++)
        offsets[to[e] + 1]++;
    for (let i = 0; i < names.length; i++)
        offsets[i + 1] += offsets[i];
    const cursor = offsets.slice(0, names.length);
    const list = new Int32Array(m);
    for (let e = 0; e < m; e++)
        list[cursor[to[e]]++] = from[e];
    return {
        importersOf(module) {
            const i = ids.get(module);
            if (i === undefined)
                return [];
            const out = [];
            for (let p = offsets[i]; p < offsets[i + 1]; p++)
                out.push(names[list[p]]);
            return out;
        },
    };
}
/**
 * Every module that depends, directly or transitively, on one of `changed`, with the next step
 * toward the change that reached it first (breadth-first, so chains are shortest). The changed
 * modules themselves are included with no next step.
 */
function dependentsOf(importers, changed) {
    const next = new Map();
    const queue = [];
    for (const c of changed) {
        if (next.has(c))
            continue;
        next.set(c, null);
        queue.push(c);
    }
    for (let head = 0; head < queue.length; head++) {
        const cur = queue[head];
        const importers_ = importers.importersOf(cur);
        for (let k = 0; k < importers_.length; k++) {
            const imp = importers_[k];
            if (next.has(imp))
                continue;
            next.set(imp, cur);
            queue.push(imp);
        }
    }
    return next;
}
/** The import chain from `start` to the changed module it depends on: `[start, ..., changed]`. */
function chainFrom(next, start) {
    const chain = [];
    let cur = start;
    while (cur !== null && cur !== undefined && chain.length < 10_000) {
        chain.push(cur);
        cur = next.get(cur);
    }
    return chain;
}

;// CONCATENATED MODULE: ./src/actions/select-tests/tests.ts


/** Globs that identify test files when the `test-patterns` input is not set. */
const DEFAULT_TEST_PATTERNS = [
    '**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
    '**/__tests__/**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
    '**/test_*.py',
    '**/*_test.py',
    '**/*_test.go',
];
/** Files that look like tests but are helpers or data. */
const NOT_TESTS = [
    '**/__fixtures__/**',
    '**/__mocks__/**',
    '**/__snapshots__/**',
    '**/testdata/**',
    '**/node_modules/**',
];
function goPackageId(file) {
    const d = external_node_path_.posix.dirname(file);
    return d === '.' ? '.' : `./${d}`;
}
function catalogTests(files, patterns = DEFAULT_TEST_PATTERNS) {
    const match = (0,core_files/* globMatcher */.fU)(patterns);
    const exclude = (0,core_files/* globMatcher */.fU)(NOT_TESTS);
    // Every default pattern needs "test" or "spec" in the path: a cheap filter before the globs.
    const quick = patterns === DEFAULT_TEST_PATTERNS
        ? (f) => f.includes('test') || f.includes('spec')
        : () => true;
    const matches = (f) => quick(f) && match(f) && !exclude(f);
    const tests = files.filter(matches).sort();
    const known = new Set(files);
    const testSet = new Set(tests);
    const isTest = (f) => testSet.has(f) || (!known.has(f) && matches(f));
    const idOf = (f) => (f.endsWith('_test.go') ? goPackageId(f) : f);
    const ids = [...new Set(tests.map(idOf))].sort();
    return { files: tests, idOf, ids, isTest };
}

;// CONCATENATED MODULE: ./src/actions/select-tests/select.ts





/** Changes to these run the whole suite (they change how every test runs). `critical-paths` adds to them. */
const DEFAULT_CRITICAL_PATHS = [
    '.github/**',
    '**/package-lock.json',
    '**/npm-shrinkwrap.json',
    '**/yarn.lock',
    '**/pnpm-lock.yaml',
    '**/pnpm-workspace.yaml',
    '**/bun.lock',
    '**/bun.lockb',
    '**/poetry.lock',
    '**/Pipfile.lock',
    '**/uv.lock',
    '**/package.json',
    '**/tsconfig*.json',
    '**/jsconfig*.json',
    '**/jest.config.*',
    '**/jest.setup.*',
    '**/vitest.config.*',
    '**/vitest.workspace.*',
    '**/vite.config.*',
    '**/babel.config.*',
    '**/.babelrc*',
    '**/pytest.ini',
    '**/tox.ini',
    '**/setup.cfg',
    '**/setup.py',
    '**/requirements*.txt',
    '**/Pipfile',
    '**/pyproject.toml',
    '**/go.mod',
    '**/go.sum',
    '**/go.work',
    '**/go.work.sum',
];
/** Changes only to these select nothing: no test reads them. `ignore-paths` adds to them. */
const DEFAULT_IGNORE_PATHS = [
    '**/*.md',
    '**/*.mdx',
    '**/*.rst',
    'docs/**',
    '**/*.{png,jpg,jpeg,gif,svg,ico,webp,avif,bmp}',
    '**/LICENSE',
    '**/LICENSE.*',
    '**/LICENCE*',
    '**/COPYING*',
    '**/NOTICE*',
    '**/CHANGELOG*',
    '**/AUTHORS*',
    '**/CODEOWNERS',
    '**/.gitignore',
    '**/.gitattributes',
    '**/.editorconfig',
    '**/.mailmap',
];
function list(files, max = 5) {
    const shown = files.slice(0, max).join(', ');
    return files.length > max ? `${shown} and ${files.length - max} more` : shown;
}
function dirOf(p) {
    const d = external_node_path_.posix.dirname(p);
    return d === '.' ? '' : d;
}
function under(dir, file) {
    return dir === '' || file.startsWith(`${dir}/`);
}
async function selectTests(input) {
    const { graph, settings } = input;
    const catalog = catalogTests(graph.files, settings.testPatterns);
    const changes = input.changes ?? [];
    const full = (reason, ignoredFiles = []) => ({
        mode: 'full',
        reason,
        tests: catalog.ids,
        allTests: catalog.ids,
        explain: [],
        changedFiles: changes,
        ignoredFiles,
    });
    if (!settings.enabled)
        return full('Test selection is disabled (input enabled / TEST_SELECTION_ENABLED is false): running every test.');
    if (input.changes === undefined)
        return full(`No base revision to compare with (${input.noBaseReason ?? 'unknown'}): running every test.`);
    const userCritical = (0,core_files/* globMatcher */.fU)(settings.criticalPaths);
    const defaultCritical = (0,core_files/* globMatcher */.fU)(DEFAULT_CRITICAL_PATHS);
    const ignored = (0,core_files/* globMatcher */.fU)([...DEFAULT_IGNORE_PATHS, ...settings.ignorePaths]);
    const pathsOf = (c) => c.oldPath && c.oldPath !== c.path ? [c.path, c.oldPath] : [c.path];
    // 1. Documentation and other files no test reads.
    const ignoredFiles = [];
    const relevant = [];
    for (const c of changes) {
        const paths = pathsOf(c);
        if (paths.every((p) => !userCritical(p) && ignored(p)))
            ignoredFiles.push(c.path);
        else
            relevant.push(c);
    }
    if (changes.length === 0) {
        return {
            mode: 'none',
            reason: 'No file changed between base and head: no test to run.',
            tests: [],
            allTests: catalog.ids,
            explain: [],
            changedFiles: changes,
            ignoredFiles,
        };
    }
    if (relevant.length === 0) {
        return {
            mode: 'none',
            reason: `Every changed file is documentation or outside every test's inputs (${list(ignoredFiles)}): no test to run.`,
            tests: [],
            allTests: catalog.ids,
            explain: [],
            changedFiles: changes,
            ignoredFiles,
        };
    }
    // 2. Too many changes, or a change to how every test runs.
    if (changes.length > settings.threshold) {
        return full(`${changes.length} files changed, more than the threshold of ${settings.threshold} (input threshold / TEST_SELECTION_THRESHOLD): running every test.`, ignoredFiles);
    }
    const critical = relevant.flatMap(pathsOf).filter((p) => userCritical(p) || defaultCritical(p));
    if (critical.length)
        return full(`Critical file changed (${list([...new Set(critical)])}): running every test.`, ignoredFiles);
    // 3. Selection.
    // Both lists are sorted: a handful of lookups does not pay for building two 10,000-entry sets.
    const nodes = { has: (p) => (0,build/* sortedIndexOf */.fN)(graph.nodes, p) >= 0 };
    const allFiles = { has: (p) => (0,build/* sortedIndexOf */.fN)(graph.files, p) >= 0 };
    const unresolvedFrom = new Map();
    for (const u of graph.unresolved) {
        const l = unresolvedFrom.get(u.from) ?? [];
        l.push(u.specifier);
        unresolvedFrom.set(u.from, l);
    }
    const selected = new Map();
    const pick = (file, chain, rule) => {
        if (!catalog.isTest(file) || !allFiles.has(file))
            return;
        const id = catalog.idOf(file);
        if (!selected.has(id))
            selected.set(id, { id, chain, rule });
    };
    const headSeeds = [];
    const baseSeeds = [];
    const unresolvable = [];
    for (const c of relevant) {
        const alive = c.status !== 'deleted';
        const gone = c.status === 'deleted' ? [c.path] : c.status === 'renamed' && c.oldPath ? [c.oldPath] : [];
        let handled = false;
        if (alive) {
            const p = c.path;
            if (catalog.isTest(p)) {
                pick(p, [p], 'changed-test');
                handled = true;
            }
            if (external_node_path_.posix.basename(p) === 'conftest.py') {
                const d = dirOf(p);
                for (const t of catalog.files)
                    if (t.endsWith('.py') && under(d, t))
                        pick(t, [t, p], 'conftest');
                handled = true;
            }
            if (testDataOwners(p, catalog, pick))
                handled = true;
            if (nodes.has(p)) {
                const bad = unresolvedFrom.get(p);
                if (bad && !catalog.isTest(p)) {
                    return full(`${p} changed and imports ${list(bad.map((s) => `'${s}'`), 3)}, which cannot be resolved into the import graph: running every test.`, ignoredFiles);
                }
                headSeeds.push(p);
                handled = true;
            }
        }
        for (const g of gone) {
            // A deleted test is simply not run; a deleted module selects what imported it at base.
            if (catalog.isTest(g))
                handled = true;
            if (testDataOwners(g, catalog, pick))
                handled = true;
            baseSeeds.push(g);
        }
        if (!handled && alive)
            unresolvable.push(c.path);
    }
    // Deleted and renamed-away files: who imported them at the base revision.
    const unknownGone = [];
    if (baseSeeds.length) {
        const base = input.baseGraph ? await input.baseGraph() : undefined;
        if (!base)
            return full(`Files were deleted or renamed (${list(baseSeeds)}) and the base revision's import graph is not available: running every test.`, ignoredFiles);
        const baseNodes = new Set(base.nodes);
        const seeds = baseSeeds.filter((s) => baseNodes.has(s));
        for (const s of baseSeeds)
            if (!baseNodes.has(s) && !catalog.isTest(s) && !isTestData(s))
                unknownGone.push(s);
        const next = dependentsOf(importersIndex(base), seeds);
        next.forEach((_step, file) => pick(file, chainFrom(next, file), 'deleted-dependency'));
    }
    const cannot = [...unresolvable, ...unknownGone];
    if (cannot.length) {
        return full(`${list(cannot)} changed and cannot be resolved into the import graph (no test's imports reach it, and it is not documentation): running every test.`, ignoredFiles);
    }
    const next = dependentsOf(importersIndex(graph), headSeeds);
    next.forEach((_step, file) => pick(file, chainFrom(next, file), 'dependency'));
    const explain = [...selected.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const tests = explain.map((e) => e.id);
    if (!tests.length) {
        return {
            mode: 'none',
            reason: `No test depends on the changed files (${list(relevant.map((c) => c.path))})${ignoredFiles.length ? `; the other changes are documentation (${list(ignoredFiles, 3)})` : ''}: no test to run.`,
            tests: [],
            allTests: catalog.ids,
            explain: [],
            changedFiles: changes,
            ignoredFiles,
        };
    }
    return {
        mode: 'selective',
        reason: `${tests.length} of ${catalog.ids.length} tests depend on the ${relevant.length} changed file${relevant.length === 1 ? '' : 's'}${ignoredFiles.length ? ` (${ignoredFiles.length} documentation file${ignoredFiles.length === 1 ? '' : 's'} ignored)` : ''}.`,
        tests,
        allTests: catalog.ids,
        explain,
        changedFiles: changes,
        ignoredFiles,
    };
}
function isTestData(p) {
    return /(^|\/)(__snapshots__|__fixtures__|testdata)\//.test(p);
}
/**
 * A change under a test's own data selects the tests that own it: `__snapshots__/<name>.snap`
 * belongs to `<name>` beside the folder (else every test there); `__fixtures__/` and `testdata/`
 * belong to the tests of the folder that holds them.
 */
function testDataOwners(p, catalog, pick) {
    const snap = /^(.*?)(?:^|\/)__snapshots__\/(.+)\.snap$/.exec(p);
    if (snap) {
        const dir = snap[1];
        const owner = dir ? `${dir}/${snap[2]}` : snap[2];
        if (catalog.isTest(owner))
            pick(owner, [owner, p], 'test-data');
        else
            for (const t of catalog.files)
                if (dirOf(t) === dir)
                    pick(t, [t, p], 'test-data');
        return true;
    }
    const m = /^(?:(.*)\/)?(__fixtures__|testdata)\//.exec(p);
    if (m) {
        const dir = m[1] ?? '';
        for (const t of catalog.files)
            if (under(dir, t))
                pick(t, [t, p], 'test-data');
        return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/actions/select-tests/run.ts












const REPORT_TYPE = 'ai-ci/selection';
const REPORT_VERSION = 1;
const REPORT_FILE = 'selection_report.json';
const TESTS_FILE = 'selected_tests.txt';
const toPosix = (p) => p.split(external_node_path_.sep).join('/');
/** Runs select-tests end to end on a checkout: git, graph, selection, shards, report files. */
async function runSelection(opts) {
    const { settings, logger } = opts;
    const t0 = performance.now();
    const lap = (what) => logger.debug(`select-tests: ${what} at ${(performance.now() - t0).toFixed(0)} ms`);
    const workspace = (0,external_node_path_.resolve)(opts.workspace);
    const root = (0,external_node_path_.resolve)(workspace, settings.workingDirectory);
    const git = new core_git/* GitRepo */.tr(root, logger);
    // Listing the working tree and reading the graph cache do not depend on what changed: they run
    // beside the git calls that find the changes (a warm run is mostly waiting on those). The git
    // processes are started first, so the cache's parsing overlaps with them.
    const workingTree = (0,files/* workingTreeSource */.py)(root);
    workingTree.catch(() => undefined);
    const detection = settings.enabled ? detectChanges(git, opts.event, settings, root, logger) : undefined;
    const cacheLoad = (0,build/* loadScanCache */.gM)(opts.graphCache, logger);
    const { base, head, baseSource, changes, noBaseReason, checkedOut } = (await detection) ?? {};
    lap('changes');
    const cache = await cacheLoad;
    lap('cache loaded');
    const headIsCheckout = !head || head === checkedOut;
    const graph = await (0,build/* buildGraph */.ZG)({
        root,
        languages: settings.languages,
        cache,
        logger,
        ...(headIsCheckout ? { workingTree } : { revision: head }),
    });
    let baseGraph;
    const selection = await selectTests({
        graph,
        changes: changes && keepOutside(changes, settings.criticalPaths),
        noBaseReason,
        settings: {
            enabled: settings.enabled,
            threshold: settings.threshold,
            criticalPaths: settings.criticalPaths,
            ignorePaths: settings.ignorePaths,
            testPatterns: settings.testPatterns,
        },
        baseGraph: async () => {
            if (!base)
                return undefined;
            baseGraph = await (0,build/* buildGraph */.ZG)({ root, revision: base, languages: settings.languages, cache, logger });
            return baseGraph;
        },
    });
    lap('selected');
    await (0,build/* saveScanCache */.DP)(opts.graphCache, cache, logger);
    lap('cache saved');
    // Durations: the store's, refreshed by any reports given to this run.
    const stored = await loadStoredDurations(opts.durations, logger);
    const fresh = settings.timingReports
        ? await readTimingReports(settings.timingReports, workspace, root, logger, (reports) => durationsFromReports(reports, catalogTests(graph.files, settings.testPatterns), graph.goPackages))
        : new Map();
    const durations = new Map([...stored, ...fresh]);
    await saveDurations(opts.durations, stored, fresh, logger);
    const plan = selection.mode === 'none' ? undefined : planShards(selection.tests, settings.shards, durations);
    const outDir = (0,external_node_path_.resolve)(workspace, settings.outputDir);
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const reportPath = (0,external_node_path_.join)(outDir, REPORT_FILE);
    const testsPath = (0,external_node_path_.join)(outDir, TESTS_FILE);
    const rel = (p) => toPosix((0,external_node_path_.relative)(workspace, p));
    const report = {
        type: REPORT_TYPE,
        version: REPORT_VERSION,
        mode: selection.mode,
        reason: selection.reason,
        base: base ?? null,
        head: head ?? null,
        baseSource: baseSource ?? null,
        workingDirectory: toPosix((0,external_node_path_.relative)(workspace, root)) || '.',
        changedFiles: selection.changedFiles,
        ignoredFiles: selection.ignoredFiles,
        testCount: selection.tests.length,
        totalTestCount: selection.allTests.length,
        tests: selection.tests,
        selected: selection.explain.map((e) => ({ test: e.id, rule: e.rule, chain: e.chain })),
        shards: plan?.shards.map((s) => ({ shard: s.shard, tests: s.tests, estimatedMs: Math.round(s.estimatedMs) })) ??
            [],
        durations: { withHistory: plan?.withHistory ?? 0, medianMs: Math.round(plan?.medianMs ?? 0) },
        graph: {
            modules: graph.nodes.length,
            edges: graph.edges.length,
            languages: graph.languages,
            unresolved: graph.unresolved.slice(0, 200),
            scanned: graph.stats.scanned,
            cached: graph.stats.cacheHits,
            ms: Math.round(graph.stats.ms),
        },
    };
    await (0,promises_.writeFile)(reportPath, JSON.stringify(report, null, 2) + '\n');
    await (0,promises_.writeFile)(testsPath, selection.tests.join('\n') + (selection.tests.length ? '\n' : ''));
    lap('report written');
    const outputs = {
        mode: selection.mode,
        reason: selection.reason,
        tests: JSON.stringify(selection.tests),
        matrix: matrixJson(selection.mode, plan),
        'tests-file': rel(testsPath),
        'test-count': String(selection.tests.length),
        'total-test-count': String(selection.allTests.length),
        'report-path': rel(reportPath),
    };
    return { selection, plan, outputs, summary: renderSummary(report), report };
}
async function detectChanges(git, event, settings, root, logger) {
    try {
        const bh = await (0,core_git/* resolveBaseHead */.Sk)(git, event, { base: settings.base, head: settings.head }, logger, {
            prefetchChangedFiles: true,
        });
        const [tl, changed] = await Promise.all([
            git.topLevelAndHead(),
            bh.base ? git.changedFiles(bh.base, bh.head) : undefined,
        ]);
        const found = {
            base: bh.base,
            head: bh.head,
            baseSource: bh.source,
            checkedOut: tl.head,
        };
        if (bh.base && changed)
            found.changes = toRootRelative(changed, tl.top, root);
        else
            found.noBaseReason = bh.source;
        return found;
    }
    catch (err) {
        if (!(err instanceof errors/* ConfigurationError */.j1))
            throw err;
        // Never break the build over selection: run everything, and say why loudly.
        logger.warning(`select-tests: ${err.message} Running every test.`);
        return { noBaseReason: err.message };
    }
}
/** git names files from the top of the work tree; the project may be a folder inside it. */
function toRootRelative(files, top, root) {
    const prefix = toPosix((0,external_node_path_.relative)(top, root));
    if (!prefix)
        return files;
    const strip = (p) => p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : undefined;
    return files.map((f) => {
        const path = strip(f.path);
        const oldPath = f.oldPath !== undefined ? strip(f.oldPath) : undefined;
        if (path === undefined && oldPath === undefined)
            return { ...f, outside: true };
        if (path === undefined)
            return { status: 'deleted', path: oldPath };
        if (f.oldPath !== undefined && oldPath === undefined)
            return { status: 'added', path };
        return { ...f, path, ...(oldPath !== undefined ? { oldPath } : {}) };
    });
}
/**
 * A change outside the project folder matters only when it is critical for the whole repository
 * (the CI workflow, the root lockfile); it then keeps its repository path so the critical rule sees it.
 */
function keepOutside(changes, criticalPaths) {
    if (!changes.some((c) => c.outside))
        return changes;
    const critical = (0,core_files/* globMatcher */.fU)([...DEFAULT_CRITICAL_PATHS, ...criticalPaths]);
    return changes.filter((c) => !c.outside || critical(c.path)).map(({ outside: _outside, ...rest }) => rest);
}
async function readTimingReports(patterns, workspace, root, logger, toDurations) {
    const files = await (0,core_files/* expandGlobs */.GE)(patterns, workspace);
    if (!files.length) {
        logger.info(`No timing reports matched ${patterns.join(', ')}; shards use stored durations only.`);
        return new Map();
    }
    const { parseTestReport } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(800), __webpack_require__.e(736)]).then(__webpack_require__.bind(__webpack_require__, 41736));
    const reports = [];
    for (const f of files) {
        try {
            const r = await parseTestReport(f, { root });
            if ((0,types/* isParseError */.M8)(r))
                logger.warning(`Timing report ${toPosix((0,external_node_path_.relative)(workspace, f))} skipped: ${r.error}`);
            else
                reports.push(r);
        }
        catch (err) {
            logger.warning(`Timing report ${toPosix((0,external_node_path_.relative)(workspace, f))} skipped: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return toDurations(reports);
}
function renderSummary(r) {
    const lines = [];
    lines.push(`## Test selection: ${r.mode}`, '', r.reason, '');
    lines.push(`**${r.testCount}** of **${r.totalTestCount}** tests${r.shards.length > 1 ? ` in ${r.shards.length} shards` : ''}; ${r.changedFiles.length} changed file${r.changedFiles.length === 1 ? '' : 's'}.`, '');
    if (r.selected.length) {
        lines.push('| test | why |', '| --- | --- |');
        for (const s of r.selected.slice(0, 50))
            lines.push(`| \`${s.test}\` | ${s.chain.map((c) => `\`${c}\``).join(' → ')} |`);
        if (r.selected.length > 50)
            lines.push(`| … | ${r.selected.length - 50} more in ${REPORT_FILE} |`);
        lines.push('');
    }
    if (r.shards.length > 1) {
        lines.push('| shard | tests | estimated |', '| --- | --- | --- |');
        for (const s of r.shards)
            lines.push(`| ${s.shard} | ${s.tests.length} | ${(s.estimatedMs / 1000).toFixed(1)} s |`);
        lines.push('');
    }
    if (r.graph?.unresolved.length)
        lines.push(`${r.graph.unresolved.length} local import(s) could not be resolved; see ${REPORT_FILE}.`, '');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/actions/select-tests/main.ts








/** Store key of the import-graph scan cache (content hash -> imports found). */
const GRAPH_CACHE_KEY = 'select-tests:graph-scan';
const GRAPH_CACHE_TTL_SECONDS = 30 * 24 * 3600;
async function run() {
    const settings = getInputs();
    const logger = (0,core_logger/* actionsLogger */.MV)();
    const ctx = (0,context/* readRunContext */.$)();
    const store = await (0,cache.openStore)({ action: 'select-tests', repo: ctx.repository, logger }).catch((err) => {
        logger.warning(`select-tests: the cache is unavailable (${(0,errors/* errorMessage */.gJ)(err)}); building the import graph from scratch.`);
        return undefined;
    });
    if (store)
        (0,action/* onActionExit */.O)(() => store.close());
    const graphCache = store && {
        load: () => store.get(GRAPH_CACHE_KEY),
        save: (text) => store.set(GRAPH_CACHE_KEY, text, GRAPH_CACHE_TTL_SECONDS),
    };
    const result = await runSelection({
        settings,
        workspace: ctx.workspace,
        event: { eventName: ctx.eventName, payload: ctx.payload, sha: ctx.sha, defaultBranch: ctx.defaultBranch },
        logger,
        graphCache,
        durations: store,
    });
    for (const [name, value] of Object.entries(result.outputs))
        runner_commands/* setOutput */.uH(name, value);
    await runner_commands/* summary */.z.addRaw(result.summary).write();
    logger.info(`select-tests: ${result.selection.mode} — ${result.selection.reason}`);
}


/***/ }),

/***/ 76591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson),
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * JSON with object keys sorted at every level and undefined members dropped, so equal inputs hash
 * equally whatever order their producer built them in. Non-finite numbers become null, as
 * JSON.stringify does.
 */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object') {
        const s = JSON.stringify(value);
        return s === undefined ? 'null' : s;
    }
    if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
    const obj = value;
    const parts = [];
    for (const k of Object.keys(obj).sort()) {
        const v = obj[k];
        if (v === undefined || typeof v === 'function')
            continue;
        parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
    }
    return `{${parts.join(',')}}`;
}
function sha256Hex(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}


/***/ }),

/***/ 13341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ DecisionCache),
/* harmony export */   QW: () => (/* binding */ decisionStats),
/* harmony export */   ti: () => (/* binding */ clearDecisions)
/* harmony export */ });
/* unused harmony exports DETERMINISTIC_MAX_TEMPERATURE, DECISION_PREFIX, STATS_PREFIX, actionEnvSuffix */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37394);
/* harmony import */ var _canonical_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76591);



const DETERMINISTIC_MAX_TEMPERATURE = 0.1;
const DECISION_PREFIX = 'decision:';
const STATS_PREFIX = 'decision-stats:';
function envNumber(env, name) {
    const raw = env[name]?.trim();
    if (!raw)
        return undefined;
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
}
/** AGENT_CACHE_CONFIDENCE_THRESHOLD_AI_TRIAGE for action `ai-triage`. */
function actionEnvSuffix(action) {
    return action.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
/** Strings anywhere in a value pass through redaction before they are cached. */
function redactDeep(v) {
    if (typeof v === 'string')
        return (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(v);
    if (Array.isArray(v))
        return v.map(redactDeep);
    if (v && typeof v === 'object') {
        const out = {};
        for (const [k, x] of Object.entries(v))
            out[k] = redactDeep(x);
        return out;
    }
    return v;
}
/**
 * The confidence-based decision cache: a decision is kept only when its confidence reaches the
 * action's threshold and the call was deterministic; hits, misses and the time they saved are
 * counted per action.
 */
class DecisionCache {
    store;
    action;
    enabled;
    threshold;
    ttlSeconds;
    logger;
    pending = { hits: 0, misses: 0, savedMs: 0, stored: 0, rejected: 0 };
    pendingEvents = 0;
    constructor(store, opts) {
        this.store = store;
        const env = opts.env ?? process.env;
        this.action = opts.action;
        this.logger = opts.logger;
        this.enabled = opts.enabled ?? !/^(false|0|no)$/i.test(env.AGENT_CACHE_ENABLED?.trim() ?? '');
        const t = opts.threshold ??
            envNumber(env, `AGENT_CACHE_CONFIDENCE_THRESHOLD_${actionEnvSuffix(opts.action)}`) ??
            envNumber(env, 'AGENT_CACHE_CONFIDENCE_THRESHOLD') ??
            0.8;
        this.threshold = Math.min(1, Math.max(0, t));
        const days = opts.ttlDays ?? envNumber(env, 'AGENT_CACHE_TTL_DAYS') ?? 7;
        this.ttlSeconds = Math.max(1, Math.round((days > 0 ? days : 7) * 86400));
        store.onClose(() => this.flush());
    }
    /** SHA-256 of the canonical JSON of (kind, model, promptVersion, inputs). */
    static hashKey(k) {
        return (0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Hex */ .f)((0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .d)({ kind: k.kind, model: k.model, promptVersion: k.promptVersion, inputs: k.inputs }));
    }
    storeKey(k) {
        return `${DECISION_PREFIX}${this.action}:${DecisionCache.hashKey(k)}`;
    }
    cacheable(k) {
        return this.enabled && (k.temperature === undefined || k.temperature <= DETERMINISTIC_MAX_TEMPERATURE);
    }
    /**
     * The cached decision, or undefined (a miss). A stored value that no longer passes `validate`
     * (the caller's schema changed) is dropped and counted as a miss.
     */
    async get(k, validate) {
        if (!this.cacheable(k))
            return undefined;
        const key = this.storeKey(k);
        let raw;
        try {
            raw = await this.store.get(key);
        }
        catch (e) {
            this.logger?.debug(`decision cache read failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`);
            raw = undefined;
        }
        if (raw !== undefined) {
            try {
                const d = JSON.parse(raw);
                if (d.v === 1 && typeof d.confidence === 'number' && (!validate || validate(d.value))) {
                    await this.count({ hits: 1, savedMs: Math.max(0, d.latencyMs || 0) });
                    return {
                        value: d.value,
                        confidence: d.confidence,
                        latencyMs: d.latencyMs,
                        storedAt: d.storedAt,
                    };
                }
            }
            catch {
                // Falls through: an unreadable entry is a miss and is removed below.
            }
            await this.store.del(key).catch(() => undefined);
        }
        await this.count({ misses: 1 });
        return undefined;
    }
    /** Stores a decision when it is confident and deterministic enough; says whether it did. */
    async put(k, d) {
        if (!this.cacheable(k))
            return false;
        if (!(d.confidence >= this.threshold)) {
            await this.count({ rejected: 1 });
            return false;
        }
        const stored = {
            v: 1,
            kind: k.kind,
            model: k.model,
            promptVersion: k.promptVersion,
            value: redactDeep(d.value),
            confidence: d.confidence,
            latencyMs: Math.round(d.latencyMs),
            storedAt: new Date().toISOString(),
        };
        try {
            await this.store.set(this.storeKey(k), JSON.stringify(stored), this.ttlSeconds);
        }
        catch (e) {
            this.logger?.warning(`ai-ci decision cache: could not store a decision: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`);
            return false;
        }
        await this.count({ stored: 1 });
        return true;
    }
    /** A hit, or `compute()` timed and offered to the cache. */
    async getOrCompute(k, compute, validate) {
        const hit = await this.get(k, validate);
        if (hit)
            return { value: hit.value, confidence: hit.confidence, fromCache: true };
        const started = performance.now();
        const r = await compute();
        await this.put(k, { ...r, latencyMs: performance.now() - started });
        return { ...r, fromCache: false };
    }
    async count(d) {
        for (const [f, n] of Object.entries(d))
            this.pending[f] += n;
        // Counters are batched so a hit costs one round trip, not two; close() flushes the rest.
        if (++this.pendingEvents >= 20)
            await this.flush();
    }
    /** Writes batched counters to `decision-stats:<action>`. */
    async flush() {
        const p = this.pending;
        this.pending = { hits: 0, misses: 0, savedMs: 0, stored: 0, rejected: 0 };
        this.pendingEvents = 0;
        const increments = {};
        for (const [field, n] of Object.entries(p))
            if (n !== 0)
                increments[field] = Math.round(n);
        if (Object.keys(increments).length === 0)
            return;
        try {
            await this.store.hincrMany(`${STATS_PREFIX}${this.action}`, increments);
        }
        catch (e) {
            this.logger?.debug(`decision cache stats not saved: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`);
        }
    }
}
/** Stats per action (all actions that have any) and overall, from whatever tier serves. */
async function decisionStats(store, action) {
    const statKeys = action ? [`${STATS_PREFIX}${action}`] : await store.scan(STATS_PREFIX);
    const entryKeys = await store.scan(action ? `${DECISION_PREFIX}${action}:` : DECISION_PREFIX);
    const names = new Set(statKeys.map((k) => k.slice(STATS_PREFIX.length)));
    for (const k of entryKeys)
        names.add(k.slice(DECISION_PREFIX.length).split(':')[0]);
    if (action)
        names.add(action);
    const actions = [];
    for (const name of [...names].sort()) {
        const h = await store.hgetall(`${STATS_PREFIX}${name}`);
        const n = (f) => Number(h[f]) || 0;
        const hits = n('hits');
        const misses = n('misses');
        actions.push({
            action: name,
            hits,
            misses,
            hitRate: hits + misses > 0 ? hits / (hits + misses) : 0,
            entries: entryKeys.filter((k) => k.startsWith(`${DECISION_PREFIX}${name}:`)).length,
            stored: n('stored'),
            rejectedLowConfidence: n('rejected'),
            timeSavedMs: n('savedMs'),
        });
    }
    const sum = (f) => actions.reduce((a, s) => a + s[f], 0);
    const hits = sum('hits');
    const misses = sum('misses');
    return {
        tier: store.tier,
        actions,
        overall: {
            hits,
            misses,
            hitRate: hits + misses > 0 ? hits / (hits + misses) : 0,
            entries: sum('entries'),
            stored: sum('stored'),
            rejectedLowConfidence: sum('rejectedLowConfidence'),
            timeSavedMs: sum('timeSavedMs'),
        },
    };
}
/** Deletes cached decisions (and their counters) of one action or all; returns entries removed. */
async function clearDecisions(store, action) {
    const keys = await store.scan(action ? `${DECISION_PREFIX}${action}:` : DECISION_PREFIX);
    for (const k of keys)
        await store.del(k);
    const statKeys = action ? [`${STATS_PREFIX}${action}`] : await store.scan(STATS_PREFIX);
    for (const k of statKeys)
        await store.del(k);
    return keys.length;
}


/***/ }),

/***/ 87484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ACTIONS_CACHE_NOTE: () => (/* reexport */ actions_cache_tier/* ACTIONS_CACHE_NOTE */.KL),
  DecisionCache: () => (/* reexport */ decision_cache/* DecisionCache */.B$),
  TieredStore: () => (/* reexport */ tiered_store/* TieredStore */.F),
  budgetStore: () => (/* reexport */ budgetStore),
  canonicalJson: () => (/* reexport */ canonical_json/* canonicalJson */.d),
  clearDecisions: () => (/* reexport */ decision_cache/* clearDecisions */.ti),
  decisionStats: () => (/* reexport */ decision_cache/* decisionStats */.QW),
  fileCacheDir: () => (/* reexport */ open_store/* fileCacheDir */.e),
  namespaceFor: () => (/* reexport */ open_store/* namespaceFor */.n),
  openStore: () => (/* reexport */ open_store.openStore),
  registerMerger: () => (/* reexport */ tiered_store/* registerMerger */.S),
  sha256Hex: () => (/* reexport */ canonical_json/* sha256Hex */.f)
});

// EXTERNAL MODULE: ./src/core/cache/open-store.ts
var open_store = __webpack_require__(91024);
// EXTERNAL MODULE: ./src/core/cache/tiered-store.ts
var tiered_store = __webpack_require__(78517);
// EXTERNAL MODULE: ./src/core/cache/decision-cache.ts
var decision_cache = __webpack_require__(13341);
;// CONCATENATED MODULE: ./src/core/cache/budget-store.ts
/** Budget counters under `budget:<key>`, kept `ttlSeconds` (default 35 days) from first use. */
function budgetStore(store, opts = {}) {
    const ttl = opts.ttlSeconds ?? 35 * 86400;
    return {
        async get(key) {
            const v = await store.get(`budget:${key}`);
            if (v === undefined)
                return undefined;
            const n = Number(v);
            return Number.isFinite(n) ? n : undefined;
        },
        async incrBy(key, amount) {
            return store.incr(`budget:${key}`, amount, ttl);
        },
    };
}

// EXTERNAL MODULE: ./src/core/cache/canonical-json.ts
var canonical_json = __webpack_require__(76591);
// EXTERNAL MODULE: ./src/core/cache/actions-cache-tier.ts
var actions_cache_tier = __webpack_require__(36523);
;// CONCATENATED MODULE: ./src/core/cache/index.ts








/***/ }),

/***/ 59119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ MemoryKv)
/* harmony export */ });
/** The in-process tier: in front of every store, and the last resort when no disk is writable. */
class MemoryKv {
    now;
    tier = 'memory';
    map = new Map();
    constructor(now = Date.now) {
        this.now = now;
    }
    live(key) {
        const e = this.map.get(key);
        if (!e)
            return undefined;
        if (e.expiresAt > 0 && e.expiresAt <= this.now()) {
            this.map.delete(key);
            return undefined;
        }
        return e;
    }
    expiry(ttlSeconds) {
        return ttlSeconds && ttlSeconds > 0 ? this.now() + ttlSeconds * 1000 : 0;
    }
    async get(key) {
        const e = this.live(key);
        return typeof e?.value === 'string' ? e.value : undefined;
    }
    async set(key, value, ttlSeconds) {
        this.map.set(key, { value, expiresAt: this.expiry(ttlSeconds) });
    }
    async del(key) {
        this.map.delete(key);
    }
    async incr(key, by = 1, ttlSeconds) {
        const e = this.live(key);
        const next = (typeof e?.value === 'string' ? Number(e.value) || 0 : 0) + by;
        this.map.set(key, { value: String(next), expiresAt: e?.expiresAt || this.expiry(ttlSeconds) });
        return next;
    }
    hash(key) {
        const e = this.live(key);
        if (e && e.value instanceof Map)
            return e.value;
        const h = new Map();
        this.map.set(key, { value: h, expiresAt: 0 });
        return h;
    }
    async hincr(key, field, by = 1) {
        const h = this.hash(key);
        const next = (Number(h.get(field)) || 0) + by;
        h.set(field, String(next));
        return next;
    }
    async hincrMany(key, increments) {
        for (const [f, by] of Object.entries(increments))
            await this.hincr(key, f, by);
    }
    async hset(key, fields) {
        const h = this.hash(key);
        for (const [f, v] of Object.entries(fields))
            h.set(f, v);
    }
    async hgetall(key) {
        const e = this.live(key);
        return e && e.value instanceof Map ? Object.fromEntries(e.value) : {};
    }
    async scan(prefix) {
        return [...this.map.keys()].filter((k) => k.startsWith(prefix) && this.live(k) !== undefined).sort();
    }
    async update(key, mutate, ttlSeconds) {
        const next = mutate(await this.get(key));
        if (next === undefined)
            this.map.delete(key);
        else
            this.map.set(key, { value: next, expiresAt: this.expiry(ttlSeconds) });
        return next;
    }
    async close() {
        this.map.clear();
    }
}


/***/ }),

/***/ 78517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ TieredStore),
/* harmony export */   S: () => (/* binding */ registerMerger)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _memory_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59119);



const JOURNAL = '__journal__:';
const mergers = new Map();
/** Names a pure merge so a write made on a fallback tier can be replayed into Redis later. */
function registerMerger(name, fn) {
    mergers.set(name, fn);
}
class TieredStore {
    namespace;
    tiers;
    chain;
    front = new _memory_store_js__WEBPACK_IMPORTED_MODULE_2__/* .MemoryKv */ .D();
    logger;
    beforeClose;
    active = 0;
    journalWrites;
    note;
    closed = false;
    closeHooks = [];
    constructor(opts) {
        if (opts.chain.length === 0)
            throw new Error('a store needs at least one tier');
        this.namespace = opts.namespace;
        this.chain = opts.chain;
        this.tiers = opts.chain.map((t) => t.tier);
        this.logger = opts.logger;
        this.note = opts.historyNote;
        this.beforeClose = opts.beforeClose;
        this.journalWrites = opts.journalWrites ?? false;
    }
    get tier() {
        return this.chain[this.active].tier;
    }
    get historyNote() {
        return this.note;
    }
    full(key) {
        return this.namespace + key;
    }
    /** Runs `fn` on the serving tier; on failure degrades (one warning) and runs it on the next. */
    async run(what, fn, journal) {
        for (;;) {
            const kv = this.chain[this.active];
            try {
                const r = await fn(kv);
                if (journal && (this.journalWrites || (this.active > 0 && this.chain[0].tier === 'redis')))
                    await this.appendJournal(kv, journal);
                return r;
            }
            catch (e) {
                if (this.active >= this.chain.length - 1)
                    throw e;
                const next = this.chain[this.active + 1];
                this.logger.warning(`ai-ci cache: ${kv.tier} is unavailable (${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}); continuing on the ${next.tier} tier for the rest of this run.` +
                    (kv.tier === 'redis'
                        ? ' Writes are kept there and merged into Redis when it is reachable again.'
                        : ''));
                this.active++;
                if (kv.tier === 'redis')
                    this.note = `Redis was unreachable during this run; history was kept in the ${next.tier} tier and will be merged into Redis by a later run.`;
            }
        }
    }
    async appendJournal(kv, entry) {
        const id = `${Date.now().toString().padStart(15, '0')}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
        await kv.set(this.full(JOURNAL + id), JSON.stringify(entry));
    }
    async get(key) {
        const k = this.full(key);
        const hit = await this.front.get(k);
        if (hit !== undefined)
            return hit;
        const v = await this.run('get', (kv) => kv.get(k));
        // Cached in front without TTL knowledge for at most this process's life; fine for a CI run.
        if (v !== undefined)
            await this.front.set(k, v);
        return v;
    }
    async set(key, value, ttlSeconds) {
        const k = this.full(key);
        await this.run('set', (kv) => kv.set(k, value, ttlSeconds), {
            op: 'set',
            key,
            value,
            ...(ttlSeconds ? { ttl: ttlSeconds } : {}),
        });
        await this.front.set(k, value, ttlSeconds);
    }
    async del(key) {
        const k = this.full(key);
        await this.front.del(k);
        await this.run('del', (kv) => kv.del(k), { op: 'del', key });
    }
    async incr(key, by = 1, ttlSeconds) {
        const k = this.full(key);
        await this.front.del(k);
        return this.run('incr', (kv) => kv.incr(k, by, ttlSeconds), {
            op: 'incr',
            key,
            by,
            ...(ttlSeconds ? { ttl: ttlSeconds } : {}),
        });
    }
    async hincr(key, field, by = 1) {
        return this.run('hincr', (kv) => kv.hincr(this.full(key), field, by), { op: 'hincr', key, field, by });
    }
    async hincrMany(key, increments) {
        await this.run('hincrMany', (kv) => kv.hincrMany(this.full(key), increments), {
            op: 'hincrMany',
            key,
            increments,
        });
    }
    async hset(key, fields) {
        await this.run('hset', (kv) => kv.hset(this.full(key), fields), { op: 'hset', key, fields });
    }
    async hgetall(key) {
        return this.run('hgetall', (kv) => kv.hgetall(this.full(key)));
    }
    async scan(prefix) {
        const keys = await this.run('scan', (kv) => kv.scan(this.full(prefix)));
        return keys.map((k) => k.slice(this.namespace.length)).filter((k) => !k.startsWith(JOURNAL));
    }
    async update(key, mutate, ttlSeconds) {
        const k = this.full(key);
        await this.front.del(k);
        return this.run('update', (kv) => kv.update(k, mutate, ttlSeconds));
    }
    async merge(key, merger, payload, ttlSeconds) {
        const fn = mergers.get(merger);
        if (!fn)
            throw new Error(`unknown merger '${merger}'`);
        const k = this.full(key);
        await this.front.del(k);
        const out = await this.run('merge', (kv) => kv.update(k, (cur) => fn(cur, payload), ttlSeconds), {
            op: 'merge',
            key,
            merger,
            payload,
            ...(ttlSeconds ? { ttl: ttlSeconds } : {}),
        });
        return out ?? '';
    }
    async syncPending() {
        if (this.active !== 0 || this.chain[0].tier !== 'redis' || this.chain.length < 2)
            return 0;
        const redis = this.chain[0];
        let applied = 0;
        for (const fallback of this.chain.slice(1)) {
            const ids = await fallback.scan(this.full(JOURNAL)).catch(() => []);
            for (const id of ids) {
                const raw = await fallback.get(id);
                let entry;
                try {
                    entry = JSON.parse(raw ?? 'null');
                    if (!entry || typeof entry.key !== 'string')
                        throw new Error('not a journal entry');
                }
                catch (e) {
                    this.logger.warning(`ai-ci cache: dropping unreadable pending write ${id}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}`);
                    await fallback.del(id);
                    continue;
                }
                if (entry.op === 'merge' && !mergers.has(entry.merger))
                    continue;
                try {
                    await this.replay(redis, entry);
                }
                catch (e) {
                    this.logger.warning(`ai-ci cache: could not merge pending writes into Redis yet (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}); they stay in the ${fallback.tier} tier.`);
                    return applied;
                }
                await fallback.del(id);
                applied++;
            }
        }
        if (applied > 0)
            this.logger.info(`ai-ci cache: merged ${applied} write(s) made during an earlier Redis outage into Redis.`);
        return applied;
    }
    async replay(redis, e) {
        const k = this.full(e.key);
        switch (e.op) {
            case 'set':
                return redis.set(k, e.value, e.ttl);
            case 'del':
                return redis.del(k);
            case 'incr':
                await redis.incr(k, e.by, e.ttl);
                return;
            case 'hincr':
                await redis.hincr(k, e.field, e.by);
                return;
            case 'hincrMany':
                return redis.hincrMany(k, e.increments);
            case 'hset':
                return redis.hset(k, e.fields);
            case 'merge': {
                const fn = mergers.get(e.merger);
                if (!fn)
                    return;
                await redis.update(k, (cur) => fn(cur, e.payload), e.ttl);
                return;
            }
        }
    }
    onClose(fn) {
        this.closeHooks.push(fn);
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        for (const hook of this.closeHooks) {
            await hook().catch((e) => this.logger.warning(`ai-ci cache: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}`));
        }
        try {
            await this.beforeClose?.();
        }
        finally {
            for (const kv of this.chain) {
                await kv.close().catch((e) => this.logger.debug(`closing ${kv.tier}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}`));
            }
            await this.front.close();
        }
    }
}


/***/ }),

/***/ 35429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M8: () => (/* binding */ isParseError),
/* harmony export */   Oo: () => (/* binding */ ALL_KINDS),
/* harmony export */   Qs: () => (/* binding */ ReportFormatError),
/* harmony export */   VP: () => (/* binding */ COVERAGE_KINDS),
/* harmony export */   WJ: () => (/* binding */ testDisplayName),
/* harmony export */   _N: () => (/* binding */ VULN_KINDS),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   wL: () => (/* binding */ TEST_REPORT_KINDS)
/* harmony export */ });
const TEST_REPORT_KINDS = [
    'junit',
    'jest-json',
    'vitest-json',
    'mocha-json',
    'go-json',
    'tap',
];
const COVERAGE_KINDS = ['lcov', 'cobertura', 'jacoco', 'clover', 'istanbul', 'gocover'];
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'unknown'];
const VULN_KINDS = ['npm-audit', 'trivy', 'grype', 'sarif'];
const ALL_KINDS = ['auto', ...TEST_REPORT_KINDS, 'log', ...COVERAGE_KINDS, ...VULN_KINDS];
function isParseError(r) {
    return 'error' in r;
}
/** Thrown inside parsers for input that is not the expected format; turned into a ParseError. */
class ReportFormatError extends Error {
    name = 'ReportFormatError';
}
/**
 * The name a person knows a test by: `suite › name`, unless the name already starts with its
 * suite. Triage history, flaky detection and PR feedback all key tests by it.
 */
function testDisplayName(t) {
    return t.suite && !t.name.startsWith(t.suite) ? `${t.suite} › ${t.name}` : t.name;
}


/***/ })

};
