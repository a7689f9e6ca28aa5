export const id = 24;
export const ids = [24];
export const modules = {

/***/ 34152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ BASELINE_RUN_MERGER),
/* harmony export */   ad: () => (/* binding */ TEST_OUTCOMES_MERGER)
/* harmony export */ });
/* unused harmony exports mergeBaselineRun, MAX_TESTS_IN_HISTORY, mergeTestOutcomes */
/* harmony import */ var _cache_tiered_store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78517);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11476);


const BASELINE_RUN_MERGER = 'baseline-run';
const TEST_OUTCOMES_MERGER = 'test-outcomes';
/**
 * Adds one writer's record of a run to the rolling baseline. Keyed by run id + attempt: a record of
 * a run already there is merged into its entry field by field (`mergeRunEntries`), so two writers
 * of different sections both land, and replaying the same payload (after a Redis outage) changes
 * nothing. A version-1 document is migrated here too. A current value that is not a readable
 * baseline is replaced by a fresh one: BaselineStore has kept the bad copy aside before it merges.
 */
function mergeBaselineRun(current, payloadText) {
    const p = JSON.parse(payloadText);
    const parsed = current === undefined ? undefined : (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBaseline */ .nk)(current);
    const base = parsed?.ok ? parsed.value : (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyBaseline */ .$X)(p.repo, p.branch, p.window);
    const add = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .upgradeRun */ .YL)(p.run);
    // A payload no version of ai-ci could have written changes nothing.
    if (!add)
        return current !== undefined && parsed?.ok ? current : JSON.stringify(base);
    const id = (r) => `${r.runId}#${r.attempt}`;
    const same = base.runs.find((r) => id(r) === id(add));
    const runs = base.runs.filter((r) => r !== same);
    runs.push(same ? (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeRunEntries */ .KI)(same, add) : add);
    runs.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.runId.localeCompare(b.runId) || a.attempt - b.attempt);
    const window = p.window;
    return JSON.stringify({
        ...base,
        window,
        updatedAt: new Date().toISOString(),
        runs: runs.slice(Math.max(0, runs.length - window)),
    });
}
/** Adds one run's outcomes to every test's recent history; idempotent per run id + attempt. */
/** Tests beyond this many (renamed or deleted ones, least recently seen first) are forgotten. */
const MAX_TESTS_IN_HISTORY = 20000;
function mergeTestOutcomes(current, payloadText) {
    const p = JSON.parse(payloadText);
    const parsed = current === undefined ? undefined : (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTestHistory */ .ie)(current);
    const hist = parsed?.ok ? parsed.value : (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyTestHistory */ .AO)(p.window);
    for (const [testId, o] of Object.entries(p.outcomes)) {
        const list = (hist.tests[testId] ?? []).filter((e) => !(e.runId === p.runId && e.attempt === p.attempt));
        list.push({
            sha: p.sha,
            runId: p.runId,
            attempt: p.attempt,
            outcome: o.outcome,
            durationMs: o.durationMs,
            time: p.time,
        });
        list.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.attempt - b.attempt);
        hist.tests[testId] = list.slice(Math.max(0, list.length - p.window));
    }
    const ids = Object.keys(hist.tests);
    if (ids.length > MAX_TESTS_IN_HISTORY) {
        const lastSeen = (id) => Date.parse(hist.tests[id][hist.tests[id].length - 1]?.time ?? '') || 0;
        const keep = new Set(ids.sort((a, b) => lastSeen(b) - lastSeen(a)).slice(0, MAX_TESTS_IN_HISTORY));
        hist.tests = Object.fromEntries(Object.entries(hist.tests).filter(([id]) => keep.has(id)));
    }
    return JSON.stringify({ ...hist, window: p.window, updatedAt: new Date().toISOString() });
}
(0,_cache_tiered_store_js__WEBPACK_IMPORTED_MODULE_0__/* .registerMerger */ .S)(BASELINE_RUN_MERGER, mergeBaselineRun);
(0,_cache_tiered_store_js__WEBPACK_IMPORTED_MODULE_0__/* .registerMerger */ .S)(TEST_OUTCOMES_MERGER, mergeTestOutcomes);


/***/ }),

/***/ 11476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $X: () => (/* binding */ emptyBaseline),
/* harmony export */   AO: () => (/* binding */ emptyTestHistory),
/* harmony export */   BZ: () => (/* binding */ BASELINE_TYPE),
/* harmony export */   CN: () => (/* binding */ runEntry),
/* harmony export */   FO: () => (/* binding */ DEFAULT_TEST_HISTORY_WINDOW),
/* harmony export */   H8: () => (/* binding */ TEST_HISTORY_TYPE),
/* harmony export */   KI: () => (/* binding */ mergeRunEntries),
/* harmony export */   Q5: () => (/* binding */ checkRun),
/* harmony export */   RU: () => (/* binding */ TEST_HISTORY_VERSION),
/* harmony export */   YL: () => (/* binding */ upgradeRun),
/* harmony export */   d0: () => (/* binding */ BASELINE_VERSION),
/* harmony export */   hc: () => (/* binding */ DEFAULT_BASELINE_WINDOW),
/* harmony export */   ie: () => (/* binding */ parseTestHistory),
/* harmony export */   nk: () => (/* binding */ parseBaseline),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   z8: () => (/* binding */ migrateV1)
/* harmony export */ });
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_0__);

const BASELINE_TYPE = 'ai-ci/baseline';
const TEST_HISTORY_TYPE = 'ai-ci/test-history';
/**
 * Bumped on an incompatible change. Older versions this code knows are migrated on read (and stored
 * in the new version by the next write); any other version is kept aside, never overwritten.
 * 2: vulnerability identities carry the package version; a section a run did not measure is null.
 */
const BASELINE_VERSION = 2;
/** The test-outcome history has its own version (still 1). */
const TEST_HISTORY_VERSION = 1;
const DEFAULT_BASELINE_WINDOW = 10;
const DEFAULT_TEST_HISTORY_WINDOW = 20;
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];
/** The input as a full entry: every section it omits is null (not measured by this writer). */
function runEntry(input) {
    return {
        runId: input.runId,
        attempt: input.attempt,
        sha: input.sha,
        time: input.time,
        coverage: input.coverage ?? null,
        vulns: input.vulns ?? null,
        tests: input.tests ?? null,
        flakeRate: input.flakeRate ?? null,
        buildDurationMs: input.buildDurationMs ?? null,
    };
}
/**
 * Two records of the same run (same run id + attempt) as one: what either measured is kept, and
 * where both measured a field the later record (`add`) wins. Coverage merges figure by figure and
 * suite by suite; vulnerabilities and tests are whole reports and are taken whole. A null (not
 * measured) never replaces a measurement, so writers of different sections commute.
 */
function mergeRunEntries(old, add) {
    const coverage = old.coverage && add.coverage
        ? {
            lines: add.coverage.lines ?? old.coverage.lines,
            branches: add.coverage.branches ?? old.coverage.branches,
            bySuite: { ...old.coverage.bySuite, ...add.coverage.bySuite },
        }
        : (add.coverage ?? old.coverage);
    return {
        runId: old.runId,
        attempt: old.attempt,
        sha: old.sha,
        time: Date.parse(add.time) < Date.parse(old.time) ? add.time : old.time,
        coverage,
        vulns: add.vulns ?? old.vulns,
        tests: add.tests ?? old.tests,
        flakeRate: add.flakeRate ?? old.flakeRate,
        buildDurationMs: add.buildDurationMs ?? old.buildDurationMs,
    };
}
const nullableNumber = { type: 'number', nullable: true, minimum: 0 };
const coverageSchema = {
    type: 'object',
    required: ['lines', 'branches'],
    properties: { lines: { ...nullableNumber, maximum: 100 }, branches: { ...nullableNumber, maximum: 100 } },
    additionalProperties: false,
};
const count = { type: 'integer', minimum: 0 };
const severity = { type: 'string', enum: [...SEVERITIES] };
const vulnItemV1 = {
    type: 'object',
    required: ['id', 'severity'],
    additionalProperties: false,
    properties: { id: { type: 'string', minLength: 1 }, severity, package: { type: 'string', nullable: true } },
};
const vulnItem = {
    type: 'object',
    required: ['id', 'severity', 'package', 'version'],
    additionalProperties: false,
    properties: {
        id: { type: 'string', minLength: 1 },
        severity,
        package: { type: 'string', nullable: true },
        version: { type: 'string', nullable: true },
    },
};
function sectionSchemas(item) {
    return {
        coverage: {
            type: 'object',
            required: ['lines', 'branches', 'bySuite'],
            additionalProperties: false,
            properties: {
                lines: { ...nullableNumber, maximum: 100 },
                branches: { ...nullableNumber, maximum: 100 },
                bySuite: { type: 'object', required: [], additionalProperties: coverageSchema },
            },
        },
        vulns: {
            type: 'object',
            required: ['bySeverity', 'items'],
            additionalProperties: false,
            properties: {
                bySeverity: {
                    type: 'object',
                    required: [...SEVERITIES],
                    additionalProperties: false,
                    properties: { critical: count, high: count, medium: count, low: count, unknown: count },
                },
                items: { type: 'array', items: item },
            },
        },
        tests: {
            type: 'object',
            required: ['total', 'passed', 'failed', 'skipped', 'durationMs', 'bySuite'],
            additionalProperties: false,
            properties: {
                total: count,
                passed: count,
                failed: count,
                skipped: count,
                durationMs: { type: 'number', minimum: 0 },
                bySuite: {
                    type: 'object',
                    required: [],
                    additionalProperties: {
                        type: 'object',
                        required: ['total', 'failed', 'durationMs'],
                        additionalProperties: false,
                        properties: { total: count, failed: count, durationMs: { type: 'number', minimum: 0 } },
                    },
                },
            },
        },
    };
}
const identity = {
    runId: { type: 'string', minLength: 1 },
    attempt: { type: 'integer', minimum: 1 },
    sha: { type: 'string', pattern: '^[0-9a-f]{7,64}$' },
    time: { type: 'string', format: 'date-time' },
};
const RUN_FIELDS = [
    'runId',
    'attempt',
    'sha',
    'time',
    'coverage',
    'vulns',
    'tests',
    'flakeRate',
    'buildDurationMs',
];
/** Version 1: every section present (zeros when not measured), items without versions. */
const runSchemaV1 = (() => {
    const sec = sectionSchemas(vulnItemV1);
    return {
        type: 'object',
        required: RUN_FIELDS,
        additionalProperties: false,
        properties: {
            ...identity,
            ...sec,
            flakeRate: { type: 'number', minimum: 0, maximum: 1 },
            buildDurationMs: nullableNumber,
        },
    };
})();
const runSchema = (() => {
    const sec = sectionSchemas(vulnItem);
    return {
        type: 'object',
        required: RUN_FIELDS,
        additionalProperties: false,
        properties: {
            ...identity,
            coverage: { ...sec.coverage, nullable: true },
            vulns: { ...sec.vulns, nullable: true },
            tests: { ...sec.tests, nullable: true },
            flakeRate: { type: 'number', minimum: 0, maximum: 1, nullable: true },
            buildDurationMs: nullableNumber,
        },
    };
})();
function baselineSchemaOf(version, run) {
    return {
        type: 'object',
        required: ['type', 'version', 'repo', 'branch', 'window', 'updatedAt', 'runs'],
        additionalProperties: false,
        properties: {
            type: { type: 'string', const: BASELINE_TYPE },
            version: { type: 'integer', const: version },
            repo: { type: 'string' },
            branch: { type: 'string' },
            window: { type: 'integer', minimum: 1, maximum: 1000 },
            updatedAt: { type: 'string', format: 'date-time' },
            runs: { type: 'array', items: run },
        },
    };
}
const outcomeSchema = {
    type: 'object',
    required: ['sha', 'runId', 'attempt', 'outcome', 'durationMs', 'time'],
    additionalProperties: false,
    properties: {
        sha: { type: 'string' },
        runId: { type: 'string', minLength: 1 },
        attempt: { type: 'integer', minimum: 1 },
        outcome: { type: 'string', enum: ['passed', 'failed', 'skipped', 'flaky'] },
        durationMs: { type: 'number', minimum: 0 },
        time: { type: 'string', format: 'date-time' },
    },
};
const historySchema = {
    type: 'object',
    required: ['type', 'version', 'window', 'updatedAt', 'tests'],
    additionalProperties: false,
    properties: {
        type: { type: 'string', const: TEST_HISTORY_TYPE },
        version: { type: 'integer', const: TEST_HISTORY_VERSION },
        window: { type: 'integer', minimum: 1, maximum: 1000 },
        updatedAt: { type: 'string', format: 'date-time' },
        tests: { type: 'object', required: [], additionalProperties: { type: 'array', items: outcomeSchema } },
    },
};
// `date-time` checked by a small regex instead of ajv-formats: one format is not worth its start-up.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
let ajv;
const compiled = new Map();
/** Compiled on first use: a run that never meets a version-1 document never compiles its schema. */
function validator(schema) {
    let v = compiled.get(schema);
    if (!v) {
        if (!ajv) {
            ajv = new ajv__WEBPACK_IMPORTED_MODULE_0__.Ajv({ allErrors: false, strict: true });
            ajv.addFormat('date-time', ISO);
        }
        v = ajv.compile(schema);
        compiled.set(schema, v);
    }
    return v;
}
const baselineSchema = baselineSchemaOf(BASELINE_VERSION, runSchema);
const baselineSchemaV1 = baselineSchemaOf(1, runSchemaV1);
function check(v, doc) {
    if (v(doc))
        return { ok: true, value: doc };
    const e = v.errors?.[0];
    return { ok: false, error: e ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` : 'is invalid' };
}
/**
 * Parses and validates; a version-1 document is validated as such and migrated (`migrated: true`).
 * Says why a document is not a baseline this code can read.
 */
function parseBaseline(text) {
    const doc = parseJson(text);
    if (!doc.ok)
        return doc;
    const versionProblem = versionMismatch(doc.value, BASELINE_TYPE, [BASELINE_VERSION, 1]);
    if (versionProblem)
        return { ok: false, error: versionProblem };
    if (doc.value.version === 1) {
        const v1 = check(validator(baselineSchemaV1), doc.value);
        if (!v1.ok)
            return { ok: false, error: `${v1.error} (version 1)` };
        const up = check(validator(baselineSchema), migrateV1(v1.value));
        return up.ok ? { ...up, migrated: true } : up;
    }
    return check(validator(baselineSchema), doc.value);
}
function parseTestHistory(text) {
    const doc = parseJson(text);
    if (!doc.ok)
        return doc;
    const versionProblem = versionMismatch(doc.value, TEST_HISTORY_TYPE, [TEST_HISTORY_VERSION]);
    if (versionProblem)
        return { ok: false, error: versionProblem };
    return check(validator(historySchema), doc.value);
}
function checkRun(run) {
    return check(validator(runSchema), run);
}
/**
 * A run entry as this version stores it: a version-2 entry as it is, a version-1 entry (a write
 * journaled by an older ai-ci during a Redis outage, replayed now) migrated; otherwise undefined.
 */
function upgradeRun(run) {
    if (checkRun(run).ok)
        return run;
    if (!check(validator(runSchemaV1), run).ok)
        return undefined;
    const [up] = migrateV1({
        type: BASELINE_TYPE,
        version: 1,
        repo: '',
        branch: '',
        window: 1,
        updatedAt: '',
        runs: [run],
    }).runs;
    return up;
}
/**
 * Version 1 had no way to say "not measured": its writers put zeros (tests, flake rate) or empty
 * figures (coverage) there, and finding versions were not kept. Empty sections become null; an
 * all-zero test section (no test counted, no time) is read as not measured, and so is the flake
 * rate of a run without tests. Vulnerability counts are kept as measured: version 1 cannot tell.
 */
function migrateV1(doc) {
    return {
        ...doc,
        version: BASELINE_VERSION,
        runs: doc.runs.map((r) => {
            const c = r.coverage;
            const t = r.tests;
            const noTests = t.total === 0 && t.durationMs === 0 && Object.keys(t.bySuite).length === 0;
            const noCoverage = c.lines === null && c.branches === null && Object.keys(c.bySuite).length === 0;
            return {
                runId: r.runId,
                attempt: r.attempt,
                sha: r.sha,
                time: r.time,
                coverage: noCoverage ? null : c,
                vulns: {
                    bySeverity: r.vulns.bySeverity,
                    items: r.vulns.items.map((i) => ({
                        id: i.id,
                        severity: i.severity,
                        package: i.package ?? null,
                        version: null,
                    })),
                },
                tests: noTests ? null : t,
                flakeRate: noTests && r.flakeRate === 0 ? null : r.flakeRate,
                buildDurationMs: r.buildDurationMs,
            };
        }),
    };
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (e) {
        return { ok: false, error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
    }
}
function versionMismatch(doc, type, readable) {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        return 'not a JSON object';
    const d = doc;
    if (d.type !== type)
        return `type is ${JSON.stringify(d.type)}, expected "${type}"`;
    if (!readable.includes(d.version))
        return `unknown version ${JSON.stringify(d.version)} (this ai-ci reads version ${[...readable].sort().join(' or ')})`;
    return undefined;
}
function emptyBaseline(repo, branch, window = DEFAULT_BASELINE_WINDOW, now = new Date()) {
    return {
        type: BASELINE_TYPE,
        version: BASELINE_VERSION,
        repo,
        branch,
        window,
        updatedAt: now.toISOString(),
        runs: [],
    };
}
function emptyTestHistory(window = DEFAULT_TEST_HISTORY_WINDOW, now = new Date()) {
    return {
        type: TEST_HISTORY_TYPE,
        version: TEST_HISTORY_VERSION,
        window,
        updatedAt: now.toISOString(),
        tests: {},
    };
}


/***/ }),

/***/ 36523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KL: () => (/* binding */ ACTIONS_CACHE_NOTE),
/* harmony export */   mT: () => (/* binding */ ActionsCacheBundle),
/* harmony export */   rL: () => (/* binding */ actionsCacheAvailable)
/* harmony export */ });
/* unused harmony exports bundleKeys, bundleLocation */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _file_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94398);





const ACTIONS_CACHE_NOTE = "History is kept in the GitHub Actions cache, which is best effort: concurrent runs can drop each other's entries. Set REDIS_URL to a persistent Redis for no-loss history.";
/** True when the runner exposes the cache service (the variables `@actions/cache` itself reads). */
function actionsCacheAvailable(env) {
    if (/^(false|0|no)$/i.test(env.AI_CI_ACTIONS_CACHE ?? ''))
        return false;
    if (!env.ACTIONS_RUNTIME_TOKEN)
        return false;
    return env.ACTIONS_CACHE_SERVICE_V2
        ? Boolean(env.ACTIONS_RESULTS_URL)
        : Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
}
function bundleKeys(bundle, env) {
    const clean = (s) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
    const job = clean(env.GITHUB_JOB || 'job');
    const runId = clean(env.GITHUB_RUN_ID || String(Date.now()));
    const attempt = clean(env.GITHUB_RUN_ATTEMPT || '1');
    const prefix = `ai-ci-${clean(bundle)}-`;
    return { saveKey: `${prefix}${job}-${runId}-${attempt}`, restorePrefix: prefix };
}
/** `AI_CI_BUNDLE_DIR`, else `$RUNNER_TEMP/ai-ci-bundle/<bundle>` (the OS temp dir without a runner). */
function bundleLocation(bundle, env) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(env.AI_CI_BUNDLE_DIR ||
        node_path__WEBPACK_IMPORTED_MODULE_2___default().join(env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'ai-ci-bundle', bundle.replace(/[^A-Za-z0-9_.-]/g, '_')));
    return { root: node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir), name: node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(dir), dir };
}
let cacheCallQueue = Promise.resolve();
/**
 * Runs one `@actions/cache` call with the bundle's parent as working directory and workspace, and
 * the bundle passed by its bare name. `@actions/cache` hashes the paths it is given, as written,
 * into the cache version (a restore only matches entries of the same version) and archives them
 * relative to GITHUB_WORKSPACE. An absolute path under the job's temp dir therefore gave every
 * `ai-ci run` (a fresh temp dir each) and every self-hosted runner installed elsewhere a version of
 * its own, and the next run never found the bundle the last one saved. With the bare name the
 * version and the archive entries are the same on every machine. Calls are queued so that the
 * process-wide cwd and GITHUB_WORKSPACE are swapped for one call at a time; they happen when the
 * store opens and closes, when nothing else of an action is running.
 */
function inBundleRoot(root, fn) {
    const call = cacheCallQueue.then(async () => {
        const cwd = process.cwd();
        const workspace = process.env.GITHUB_WORKSPACE;
        process.chdir(root);
        process.env.GITHUB_WORKSPACE = root;
        try {
            return await fn();
        }
        finally {
            if (workspace === undefined)
                delete process.env.GITHUB_WORKSPACE;
            else
                process.env.GITHUB_WORKSPACE = workspace;
            process.chdir(cwd);
        }
    });
    cacheCallQueue = call.catch(() => undefined);
    return call;
}
/**
 * The Actions-cache tier: cache keys are immutable, so the newest bundle (a directory of FileKv
 * files) is restored at start, used as a file tier during the run, and saved under a new key at
 * the end. `saveCache` reports most failures by returning -1 rather than throwing; both count.
 */
class ActionsCacheBundle {
    location;
    api;
    logger;
    kv;
    keys;
    restoredKey;
    constructor(location, keys, api, logger, env) {
        this.location = location;
        this.api = api;
        this.logger = logger;
        this.keys = keys;
        this.kv = new _file_store_js__WEBPACK_IMPORTED_MODULE_4__/* .FileKv */ .m({ dir: location.dir, tier: 'actions-cache', env });
    }
    static async open(opts) {
        const env = opts.env;
        const where = bundleLocation(opts.bundle, env);
        const api = opts.api ?? (await loadActionsCache());
        const b = new ActionsCacheBundle(where, bundleKeys(opts.bundle, env), api, opts.logger, env);
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(where.dir, { recursive: true, force: true });
        await b.kv.open();
        try {
            b.restoredKey = await inBundleRoot(where.root, () => api.restoreCache([where.name], b.keys.saveKey, [b.keys.restorePrefix]));
            if (b.restoredKey)
                opts.logger.info(`ai-ci cache: restored Actions cache bundle ${b.restoredKey}`);
            else
                opts.logger.info(`ai-ci cache: no Actions cache bundle under ${b.keys.restorePrefix}; starting empty`);
        }
        catch (e) {
            opts.logger.warning(`ai-ci cache: Actions cache restore failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)}); starting with an empty bundle.`);
        }
        await b.kv.open();
        b.kv.dirty = false;
        return b;
    }
    /** Saves the bundle if this run wrote anything; never throws. Returns the cache id or -1. */
    async save() {
        if (!this.kv.dirty)
            return -1;
        let id = -1;
        let why = 'the cache service refused or failed the upload';
        try {
            id = await inBundleRoot(this.location.root, () => this.api.saveCache([this.location.name], this.keys.saveKey));
        }
        catch (e) {
            why = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e);
        }
        if (id === -1) {
            this.logger.warning(`ai-ci cache: saving Actions cache bundle ${this.keys.saveKey} failed (${why}); this run's cache entries will not reach later runs (the Actions cache tier is best effort).`);
        }
        else {
            this.kv.dirty = false;
            this.logger.info(`ai-ci cache: saved Actions cache bundle ${this.keys.saveKey} (id ${id})`);
        }
        return id;
    }
}
/** Loaded on demand: @actions/cache pulls in the Azure SDK, which an action without it never needs. */
async function loadActionsCache() {
    const mod = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(305)]).then(__webpack_require__.bind(__webpack_require__, 64305));
    return {
        restoreCache: (paths, primaryKey, restoreKeys) => mod.restoreCache(paths, primaryKey, restoreKeys),
        saveCache: (paths, key) => mod.saveCache(paths, key),
    };
}


/***/ }),

/***/ 25536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ encodeValue),
/* harmony export */   cg: () => (/* binding */ DEFAULT_COMPRESS_OVER),
/* harmony export */   wz: () => (/* binding */ decodeValue)
/* harmony export */ });
/* unused harmony export CorruptValueError */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


/**
 * Byte encoding of values for tiers that keep bytes (Redis, files). One tag byte, then either the
 * UTF-8 text or its raw-deflate form. Measured on a 2 KB decision JSON (Node 20, this machine):
 * deflate-raw level 6 -> 318 B, 42 us to compress, 17 us to inflate; brotli q4 -> 285 B but
 * 200/54 us; brotli q11 -> 245 B, 4.9 ms to compress. Inflate speed is what a cache hit pays, so
 * deflate wins.
 */
const PLAIN = 0x00;
const DEFLATE = 0x01;
const DEFAULT_COMPRESS_OVER = 1024;
function encodeValue(value, compressOver = DEFAULT_COMPRESS_OVER) {
    const raw = Buffer.from(value, 'utf8');
    if (raw.length > compressOver) {
        const z = node_zlib__WEBPACK_IMPORTED_MODULE_0___default().deflateRawSync(raw, { level: 6 });
        if (z.length < raw.length)
            return Buffer.concat([Buffer.of(DEFLATE), z]);
    }
    return Buffer.concat([Buffer.of(PLAIN), raw]);
}
class CorruptValueError extends Error {
    name = 'CorruptValueError';
}
/**
 * A counter Redis itself wrote (INCRBY / INCRBYFLOAT): plain ASCII digits, never tagged. Tags are
 * 0x00 and 0x01, so a value starting with a digit or '-' cannot be mistaken for an encoded one.
 */
const REDIS_COUNTER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
function decodeValue(buf) {
    if (buf.length === 0)
        throw new CorruptValueError('empty value');
    const tag = buf[0];
    if (tag !== PLAIN && tag !== DEFLATE && buf.length <= 64 && REDIS_COUNTER.test(buf.toString('latin1')))
        return buf.toString('latin1');
    if (tag === PLAIN)
        return buf.subarray(1).toString('utf8');
    if (tag === DEFLATE) {
        try {
            return node_zlib__WEBPACK_IMPORTED_MODULE_0___default().inflateRawSync(buf.subarray(1)).toString('utf8');
        }
        catch (e) {
            throw new CorruptValueError(`compressed value does not inflate: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}`);
        }
    }
    throw new CorruptValueError(`unknown value encoding tag ${tag}`);
}


/***/ }),

/***/ 94398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ FileKv)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _timeouts_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(95623);
/* harmony import */ var _codec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25536);





/**
 * One file per key under `dir`, named by the key's SHA-256. Writes go to a temp file renamed into
 * place, so a reader never sees half a value; read-modify-write operations hold an exclusive lock
 * file (`open(..., 'wx')`), so two processes sharing the directory do not lose updates.
 */
class FileKv {
    tier;
    dir;
    compressOver;
    lockTimeoutMs;
    now;
    /** Set once anything was written: the Actions-cache tier saves a bundle only then. */
    dirty = false;
    constructor(opts) {
        this.dir = opts.dir;
        this.tier = opts.tier ?? 'file';
        this.compressOver = opts.compressOver ?? _codec_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_COMPRESS_OVER */ .cg;
        this.lockTimeoutMs = (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_4__/* .timeoutMs */ .G)('AI_CI_FILE_LOCK_TIMEOUT_MS', 10_000, opts.env);
        this.now = opts.now ?? Date.now;
    }
    /** Creates the directory and proves it writable; throws when it is not. */
    async open() {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(this.dir, { recursive: true });
        const probe = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, `.probe-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(probe, '');
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.unlink(probe);
        return this;
    }
    fileOf(key) {
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex')}.kv`);
    }
    async read(file) {
        let buf;
        try {
            buf = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(file);
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return undefined;
            throw e;
        }
        const nl = buf.indexOf(0x0a);
        if (nl < 0)
            return undefined;
        let header;
        try {
            header = JSON.parse(buf.subarray(0, nl).toString('utf8'));
        }
        catch {
            // A file we cannot read is treated as absent; the next write replaces it atomically.
            return undefined;
        }
        if (header.e > 0 && header.e <= this.now())
            return undefined;
        return { header, value: (0,_codec_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeValue */ .wz)(buf.subarray(nl + 1)) };
    }
    async write(file, header, value) {
        const tmp = `${file}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`;
        const body = Buffer.concat([
            Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'),
            (0,_codec_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeValue */ .It)(value, this.compressOver),
        ]);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(tmp, body);
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(tmp, file);
        }
        catch (e) {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.unlink(tmp).catch(() => undefined);
            throw e;
        }
        this.dirty = true;
    }
    async remove(file) {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.unlink(file).catch((e) => {
            if (e.code !== 'ENOENT')
                throw e;
        });
        this.dirty = true;
    }
    async withLock(file, fn) {
        const lock = `${file}.lock`;
        const deadline = this.now() + this.lockTimeoutMs;
        for (;;) {
            try {
                const h = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(lock, 'wx');
                await h.close();
                break;
            }
            catch (e) {
                if (e.code !== 'EEXIST')
                    throw e;
                // A holder that died leaves its lock behind; past the lock timeout it is taken over.
                const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(lock).catch(() => undefined);
                if (st && this.now() - st.mtimeMs > this.lockTimeoutMs) {
                    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.unlink(lock).catch(() => undefined);
                    continue;
                }
                if (this.now() > deadline)
                    throw new Error(`timed out waiting for lock ${lock}`, { cause: e });
                await new Promise((r) => setTimeout(r, 1 + Math.random() * 5));
            }
        }
        try {
            return await fn();
        }
        finally {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.unlink(lock).catch(() => undefined);
        }
    }
    expiry(ttlSeconds) {
        return ttlSeconds && ttlSeconds > 0 ? this.now() + ttlSeconds * 1000 : 0;
    }
    async get(key) {
        const r = await this.read(this.fileOf(key));
        return r?.header.t === 's' ? r.value : undefined;
    }
    async set(key, value, ttlSeconds) {
        await this.write(this.fileOf(key), { k: key, e: this.expiry(ttlSeconds), t: 's' }, value);
    }
    async del(key) {
        await this.remove(this.fileOf(key));
    }
    async incr(key, by = 1, ttlSeconds) {
        const file = this.fileOf(key);
        return this.withLock(file, async () => {
            const r = await this.read(file);
            const next = (r?.header.t === 's' ? Number(r.value) || 0 : 0) + by;
            await this.write(file, { k: key, e: r?.header.e || this.expiry(ttlSeconds), t: 's' }, String(next));
            return next;
        });
    }
    async mutateHash(key, fn) {
        const file = this.fileOf(key);
        return this.withLock(file, async () => {
            const r = await this.read(file);
            const h = r?.header.t === 'h' ? JSON.parse(r.value) : {};
            fn(h);
            await this.write(file, { k: key, e: 0, t: 'h' }, JSON.stringify(h));
            return h;
        });
    }
    async hincr(key, field, by = 1) {
        let next = 0;
        await this.mutateHash(key, (h) => {
            next = (Number(h[field]) || 0) + by;
            h[field] = String(next);
        });
        return next;
    }
    async hincrMany(key, increments) {
        await this.mutateHash(key, (h) => {
            for (const [f, by] of Object.entries(increments))
                h[f] = String((Number(h[f]) || 0) + by);
        });
    }
    async hset(key, fields) {
        await this.mutateHash(key, (h) => Object.assign(h, fields));
    }
    async hgetall(key) {
        const r = await this.read(this.fileOf(key));
        return r?.header.t === 'h' ? JSON.parse(r.value) : {};
    }
    async scan(prefix) {
        let names;
        try {
            names = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(this.dir);
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return [];
            throw e;
        }
        const keys = [];
        for (const n of names) {
            if (!n.endsWith('.kv'))
                continue;
            const header = await this.readHeader(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.dir, n));
            if (header && header.k.startsWith(prefix) && (header.e === 0 || header.e > this.now()))
                keys.push(header.k);
        }
        return keys.sort();
    }
    async readHeader(file) {
        let h;
        try {
            h = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(file, 'r');
            const buf = Buffer.alloc(4096);
            const { bytesRead } = await h.read(buf, 0, buf.length, 0);
            const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
            if (nl < 0)
                return undefined;
            return JSON.parse(buf.subarray(0, nl).toString('utf8'));
        }
        catch {
            return undefined;
        }
        finally {
            await h?.close();
        }
    }
    async update(key, mutate, ttlSeconds) {
        const file = this.fileOf(key);
        return this.withLock(file, async () => {
            const r = await this.read(file);
            const next = mutate(r?.header.t === 's' ? r.value : undefined);
            if (next === undefined)
                await this.remove(file);
            else
                await this.write(file, { k: key, e: this.expiry(ttlSeconds), t: 's' }, next);
            return next;
        });
    }
    async close() {
        // Nothing held open between operations.
    }
}


/***/ }),

/***/ 91024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ fileCacheDir),
/* harmony export */   n: () => (/* binding */ namespaceFor),
/* harmony export */   openStore: () => (/* binding */ openStore)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _actions_cache_tier_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36523);
/* harmony import */ var _file_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94398);
/* harmony import */ var _memory_store_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(59119);
/* harmony import */ var _redis_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70892);
/* harmony import */ var _tiered_store_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(78517);
/* harmony import */ var _baseline_mergers_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(34152);









function namespaceFor(repo) {
    return `ai-ci:${repo}:`;
}
function resolveRepo(opts, env) {
    const repo = (opts.repo ?? env.GITHUB_REPOSITORY ?? 'local/local').trim();
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Invalid repository '${repo}'. Expected format {owner}/{repo}.`);
    }
    return repo;
}
/** The file tier's directory: AI_CI_CACHE_DIR, else ~/.cache/ai-ci. */
function fileCacheDir(env) {
    return env.AI_CI_CACHE_DIR || node_path__WEBPACK_IMPORTED_MODULE_1___default().join(env.XDG_CACHE_HOME || node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_os__WEBPACK_IMPORTED_MODULE_0___default().homedir(), '.cache'), 'ai-ci');
}
/**
 * Opens the store the environment selects: Redis when REDIS_URL / REDIS_CLUSTER_NODES /
 * REDIS_SENTINELS is set and reachable; then the Actions cache when the runner provides it; then
 * the local file cache; memory in front always. An unreachable tier costs one warning, never an
 * error. Writes kept in a fallback during an earlier Redis outage are merged into Redis here.
 */
async function openStore(opts) {
    const env = opts.env ?? process.env;
    const logger = opts.logger;
    const repo = resolveRepo(opts, env);
    const chain = [];
    let note;
    let beforeClose;
    let target;
    let redisDown = false;
    try {
        target = (0,_redis_config_js__WEBPACK_IMPORTED_MODULE_5__/* .redisTargetFromEnv */ .a)(env, opts.redisUrl);
    }
    catch (e) {
        // A mistyped Redis setting must not fail a build that would pass without Redis.
        if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1))
            throw e;
        logger.warning(`ai-ci cache: ${e.message} Redis is not used for this run.`);
    }
    if (target) {
        try {
            // ioredis loads only when Redis is configured: most runs never pay for it.
            const { RedisKv } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(796), __webpack_require__.e(113)]).then(__webpack_require__.bind(__webpack_require__, 56113));
            chain.push(await RedisKv.connect({ target, logger, env }));
        }
        catch (e) {
            redisDown = true;
            logger.warning(`ai-ci cache: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}; using the next cache tier for this run.`);
        }
    }
    if ((0,_actions_cache_tier_js__WEBPACK_IMPORTED_MODULE_3__/* .actionsCacheAvailable */ .rL)(env) || opts.actionsCache) {
        const bundle = await _actions_cache_tier_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionsCacheBundle */ .mT.open({
            bundle: env.AI_CI_CACHE_BUNDLE || opts.action,
            env,
            logger,
            ...(opts.actionsCache ? { api: opts.actionsCache } : {}),
        });
        chain.push(bundle.kv);
        beforeClose = async () => {
            await bundle.save();
        };
        if (chain.length === 1)
            note = _actions_cache_tier_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTIONS_CACHE_NOTE */ .KL;
    }
    else {
        const dir = fileCacheDir(env);
        try {
            chain.push(await new _file_store_js__WEBPACK_IMPORTED_MODULE_4__/* .FileKv */ .m({ dir, env }).open());
            if (env.GITHUB_ACTIONS === 'true') {
                note = `History is kept only on this runner's disk (${dir}): hosted runners start empty. Set REDIS_URL to a persistent Redis, or run where the Actions cache service is available, to keep it between runs.`;
            }
        }
        catch (e) {
            logger.warning(`ai-ci cache: the file cache at ${dir} is not writable (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}); keeping the cache in memory for this run only.`);
            chain.push(new _memory_store_js__WEBPACK_IMPORTED_MODULE_8__/* .MemoryKv */ .D());
        }
    }
    if (redisDown)
        note = `Redis was unreachable; history for this run is kept in the ${chain[0].tier} tier and merged into Redis by a later run.`;
    const store = new _tiered_store_js__WEBPACK_IMPORTED_MODULE_6__/* .TieredStore */ .F({
        namespace: namespaceFor(repo),
        chain,
        logger,
        ...(note ? { historyNote: note } : {}),
        journalWrites: redisDown,
        ...(beforeClose ? { beforeClose } : {}),
    });
    if (chain[0].tier === 'redis') {
        try {
            await store.syncPending();
        }
        catch (e) {
            logger.warning(`ai-ci cache: merging pending writes into Redis failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}`);
        }
    }
    return store;
}


/***/ }),

/***/ 70892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ redisTargetFromEnv),
/* harmony export */   f: () => (/* binding */ describeTarget)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);



function hostPort(item, varName) {
    const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(item.trim());
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Invalid ${varName} entry '${item}'. Expected host:port, e.g. 10.0.0.5:6379.`);
    return { host: m[1], port: Number(m[2]) };
}
function tlsOptions(env, servername) {
    const caFile = env.REDIS_TLS_CA_FILE?.trim();
    const opts = {};
    // SNI must not carry an IP address (RFC 6066); Node then checks the IP against the certificate.
    if (servername && !(0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(servername))
        opts.servername = servername;
    if (caFile) {
        try {
            opts.ca = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(caFile, 'utf8');
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`REDIS_TLS_CA_FILE '${caFile}' cannot be read: ${e.code ?? String(e)}.`);
        }
    }
    return opts;
}
/**
 * REDIS_CLUSTER_NODES=host:port,... selects Cluster; REDIS_SENTINELS=host:port,... with
 * REDIS_SENTINEL_NAME selects Sentinel; otherwise REDIS_URL (redis:// or rediss://, user and
 * password in the URL). Cluster and Sentinel take credentials from REDIS_USERNAME/REDIS_PASSWORD
 * or from REDIS_URL's user part, and TLS from REDIS_TLS=true or a rediss:// REDIS_URL.
 * Returns undefined when nothing is configured.
 */
function redisTargetFromEnv(env, urlInput) {
    const url = (urlInput ?? env.REDIS_URL ?? '').trim();
    let parsed;
    if (url) {
        try {
            parsed = new URL(url);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Invalid REDIS_URL. Expected redis://[user:password@]host:port[/db] or rediss://...`);
        }
        if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Invalid REDIS_URL scheme '${parsed.protocol}'. Expected redis:// or rediss://.`);
        }
    }
    const username = env.REDIS_USERNAME || (parsed?.username ? decodeURIComponent(parsed.username) : undefined);
    const password = env.REDIS_PASSWORD || (parsed?.password ? decodeURIComponent(parsed.password) : undefined);
    const wantsTls = parsed?.protocol === 'rediss:' || /^(true|1|yes)$/i.test(env.REDIS_TLS ?? '');
    const auth = { ...(username ? { username } : {}), ...(password ? { password } : {}) };
    const clusterNodes = env.REDIS_CLUSTER_NODES?.trim();
    if (clusterNodes) {
        const nodes = clusterNodes
            .split(',')
            .filter((s) => s.trim())
            .map((s) => hostPort(s, 'REDIS_CLUSTER_NODES'));
        return { kind: 'cluster', nodes, ...auth, ...(wantsTls ? { tls: tlsOptions(env, undefined) } : {}) };
    }
    const sentinels = env.REDIS_SENTINELS?.trim();
    if (sentinels) {
        const name = env.REDIS_SENTINEL_NAME?.trim();
        if (!name)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('REDIS_SENTINELS is set but REDIS_SENTINEL_NAME is not. Set it to the monitored master name.');
        const list = sentinels
            .split(',')
            .filter((s) => s.trim())
            .map((s) => hostPort(s, 'REDIS_SENTINELS'));
        return {
            kind: 'sentinel',
            sentinels: list,
            name,
            ...auth,
            ...(env.REDIS_SENTINEL_USERNAME ? { sentinelUsername: env.REDIS_SENTINEL_USERNAME } : {}),
            ...(env.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: env.REDIS_SENTINEL_PASSWORD } : {}),
            ...(wantsTls ? { tls: tlsOptions(env, undefined) } : {}),
        };
    }
    if (!parsed)
        return undefined;
    const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    const port = parsed.port ? Number(parsed.port) : 6379;
    const dbText = parsed.pathname.replace(/^\//, '');
    const db = dbText ? Number(dbText) : undefined;
    if (db !== undefined && !Number.isInteger(db))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Invalid database '${dbText}' in REDIS_URL. Expected a number.`);
    return {
        kind: 'standalone',
        host,
        port,
        ...auth,
        ...(db !== undefined ? { db } : {}),
        ...(wantsTls ? { tls: tlsOptions(env, host) } : {}),
    };
}
/** The target without its secrets, for log lines. */
function describeTarget(t) {
    const tls = t.tls ? ' (TLS)' : '';
    switch (t.kind) {
        case 'standalone':
            return `Redis ${t.host}:${t.port}${tls}`;
        case 'cluster':
            return `Redis Cluster ${t.nodes.map((n) => `${n.host}:${n.port}`).join(',')}${tls}`;
        case 'sentinel':
            return `Redis Sentinel '${t.name}' via ${t.sentinels.map((n) => `${n.host}:${n.port}`).join(',')}${tls}`;
    }
}


/***/ })

};
