export const id = 567;
export const ids = [567];
export const modules = {

/***/ 28567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BASELINE_TYPE: () => (/* reexport */ schema/* BASELINE_TYPE */.BZ),
  BASELINE_VERSION: () => (/* reexport */ schema/* BASELINE_VERSION */.d0),
  BaselineStore: () => (/* reexport */ BaselineStore),
  COMMITTED_BASELINE_PATH: () => (/* reexport */ COMMITTED_BASELINE_PATH),
  DEFAULT_BASELINE_WINDOW: () => (/* reexport */ schema/* DEFAULT_BASELINE_WINDOW */.hc),
  DEFAULT_TEST_HISTORY_WINDOW: () => (/* reexport */ schema/* DEFAULT_TEST_HISTORY_WINDOW */.FO),
  SEVERITIES: () => (/* reexport */ schema/* SEVERITIES */.oC),
  TEST_HISTORY_TYPE: () => (/* reexport */ schema/* TEST_HISTORY_TYPE */.H8),
  TEST_HISTORY_VERSION: () => (/* reexport */ schema/* TEST_HISTORY_VERSION */.RU),
  checkRun: () => (/* reexport */ schema/* checkRun */.Q5),
  emptyBaseline: () => (/* reexport */ schema/* emptyBaseline */.$X),
  emptyTestHistory: () => (/* reexport */ schema/* emptyTestHistory */.AO),
  mergeRunEntries: () => (/* reexport */ schema/* mergeRunEntries */.KI),
  migrateV1: () => (/* reexport */ schema/* migrateV1 */.z8),
  parseBaseline: () => (/* reexport */ schema/* parseBaseline */.nk),
  parseTestHistory: () => (/* reexport */ schema/* parseTestHistory */.ie),
  runEntry: () => (/* reexport */ schema/* runEntry */.CN),
  upgradeRun: () => (/* reexport */ schema/* upgradeRun */.YL)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/baseline/mergers.ts
var mergers = __webpack_require__(34152);
// EXTERNAL MODULE: ./src/core/baseline/schema.ts
var schema = __webpack_require__(11476);
;// CONCATENATED MODULE: ./src/core/baseline/baseline-store.ts






/** Where a repository may commit its baseline (read as a seed, written on request). */
const COMMITTED_BASELINE_PATH = 'ci_metrics/quality_metrics.json';
const BASELINE_KEY = 'baseline';
const BASELINE_LAST_GOOD_KEY = 'baseline:last-good';
const TEST_HISTORY_KEY = 'test-history';
const TEST_HISTORY_LAST_GOOD_KEY = 'test-history:last-good';
/** Prefix of copies of data that failed validation, kept for a person to look at. */
const QUARANTINE_PREFIX = 'quarantine:';
/**
 * The rolling baseline and the test-outcome history on top of a Store. Updates are merges keyed by
 * run id + attempt: atomic on Redis (compare-and-set), read-merge-write under a lock on the file
 * and Actions-cache tiers, and replayed into Redis after an outage. Data that fails validation is
 * copied aside under `quarantine:` and never overwritten in place without that copy.
 */
class BaselineStore {
    store;
    opts;
    window;
    historyWindow;
    now;
    constructor(store, opts) {
        this.store = store;
        this.opts = opts;
        this.window = opts.window ?? schema/* DEFAULT_BASELINE_WINDOW */.hc;
        this.historyWindow = opts.historyWindow ?? schema/* DEFAULT_TEST_HISTORY_WINDOW */.FO;
        this.now = opts.now ?? (() => new Date());
        if (!Number.isInteger(this.window) || this.window < 1)
            throw new errors/* ConfigurationError */.j1(`Invalid baseline window ${this.window}. Expected a whole number >= 1.`);
    }
    /** The current baseline; recovers from bad data (last good copy, else empty) with a warning. */
    async load() {
        return this.loadDoc(BASELINE_KEY, BASELINE_LAST_GOOD_KEY, schema/* parseBaseline */.nk, () => (0,schema/* emptyBaseline */.$X)(this.opts.repo, this.opts.branch, this.window, this.now()), 'baseline');
    }
    async loadTestHistory() {
        return this.loadDoc(TEST_HISTORY_KEY, TEST_HISTORY_LAST_GOOD_KEY, schema/* parseTestHistory */.ie, () => (0,schema/* emptyTestHistory */.AO)(this.historyWindow, this.now()), 'test history');
    }
    async loadDoc(key, lastGoodKey, parse, fresh, what) {
        const raw = await this.store.get(key);
        if (raw === undefined)
            return fresh();
        const parsed = parse(raw);
        if (parsed.ok)
            return parsed.value;
        // Unique even within one millisecond: a copy kept aside is never overwritten by the next one.
        const aside = `${QUARANTINE_PREFIX}${key}:${this.now().toISOString()}:${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
        await this.store.set(aside, raw);
        const lastGoodRaw = await this.store.get(lastGoodKey);
        const lastGood = lastGoodRaw === undefined ? undefined : parse(lastGoodRaw);
        if (lastGood?.ok) {
            this.opts.logger.warning(`ai-ci ${what} is unreadable (${parsed.error}); kept it aside as '${aside}' and continued from the last good copy.`);
            await this.store.set(key, lastGoodRaw);
            return lastGood.value;
        }
        this.opts.logger.warning(`ai-ci ${what} is unreadable (${parsed.error}); kept it aside as '${aside}' and started a fresh ${what}.`);
        await this.store.del(key);
        return fresh();
    }
    /**
     * Records what this writer measured of one default-branch run (sections it omits or gives as null
     * are "not measured" and leave what another writer of the same run id + attempt recorded);
     * returns the new baseline.
     */
    async recordRun(input) {
        const run = (0,schema/* runEntry */.CN)(input);
        const c = (0,schema/* checkRun */.Q5)(run);
        if (!c.ok)
            throw new errors/* ConfigurationError */.j1(`Invalid baseline run ${run.runId}#${run.attempt}: ${c.error}`);
        await this.load();
        const payload = {
            repo: this.opts.repo,
            branch: this.opts.branch,
            window: this.window,
            run,
        };
        const text = await this.store.merge(BASELINE_KEY, mergers/* BASELINE_RUN_MERGER */.H_, JSON.stringify(payload));
        await this.keepLastGood(BASELINE_LAST_GOOD_KEY, text);
        const parsed = (0,schema/* parseBaseline */.nk)(text);
        if (!parsed.ok)
            throw new Error(`baseline merge produced an invalid document: ${parsed.error}`);
        return parsed.value;
    }
    /** Adds one run's outcomes to each test's history (idempotent per run id + attempt). */
    async recordTestOutcomes(rec) {
        await this.loadTestHistory();
        const payload = { window: this.historyWindow, ...rec };
        const text = await this.store.merge(TEST_HISTORY_KEY, mergers/* TEST_OUTCOMES_MERGER */.ad, JSON.stringify(payload));
        await this.keepLastGood(TEST_HISTORY_LAST_GOOD_KEY, text);
        const parsed = (0,schema/* parseTestHistory */.ie)(text);
        if (!parsed.ok)
            throw new Error(`test history merge produced an invalid document: ${parsed.error}`);
        return parsed.value;
    }
    /** Racing writers finish in any order; the copy with the newest `updatedAt` wins. */
    async keepLastGood(key, text) {
        const stamp = (t) => {
            if (t === undefined)
                return -1;
            try {
                const v = JSON.parse(t).updatedAt;
                return typeof v === 'string' ? Date.parse(v) : -1;
            }
            catch {
                return -1;
            }
        };
        await this.store.update(key, (cur) => (stamp(cur) > stamp(text) ? cur : text));
    }
    /**
     * Reads a committed baseline file (`ci_metrics/quality_metrics.json`). When the store has no
     * baseline yet, its runs seed it. A missing file is undefined; a bad one is a warning.
     */
    async seedFromFile(file) {
        let text;
        try {
            text = await external_node_fs_.promises.readFile(file, 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return undefined;
            this.opts.logger.warning(`ai-ci baseline: cannot read ${file}: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return undefined;
        }
        const parsed = (0,schema/* parseBaseline */.nk)(text);
        if (!parsed.ok) {
            this.opts.logger.warning(`ai-ci baseline: ${file} is not a usable baseline (${parsed.error}); ignored.`, { file });
            return undefined;
        }
        const current = await this.load();
        if (current.runs.length === 0) {
            for (const run of parsed.value.runs)
                await this.recordRun(run);
            this.opts.logger.info(`ai-ci baseline: seeded ${parsed.value.runs.length} run(s) from ${file}`);
        }
        return parsed.value;
    }
    /** Writes the current baseline to a file (atomically), for repositories that commit it. */
    async writeFile(file) {
        const b = await this.load();
        await external_node_fs_.promises.mkdir(external_node_path_default().dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await external_node_fs_.promises.writeFile(tmp, `${JSON.stringify(b, null, 2)}\n`);
        await external_node_fs_.promises.rename(tmp, file);
        return b;
    }
}

;// CONCATENATED MODULE: ./src/core/baseline/index.ts




/***/ }),

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


/***/ })

};
