export const id = 57;
export const ids = [57,517];
export const modules = {

/***/ 17795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cacheCommand: () => (/* binding */ cacheCommand),
/* harmony export */   formatStats: () => (/* binding */ formatStats),
/* harmony export */   parseCacheArgs: () => (/* binding */ parseCacheArgs),
/* harmony export */   runCache: () => (/* binding */ runCache)
/* harmony export */ });
/* harmony import */ var _core_cache_open_store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91024);
/* harmony import */ var _core_cache_decision_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13341);
/* harmony import */ var _core_logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11227);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53016);




const USAGE = 'ai-ci cache stats [--action A] [--json] | ai-ci cache clear [--action A]';
function parseCacheArgs(argv) {
    const [sub, ...rest] = argv;
    if (sub !== 'stats' && sub !== 'clear')
        throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(sub ? `unknown cache sub-command '${sub}'` : 'missing sub-command (stats or clear)');
    const args = { sub, json: false };
    for (let i = 0; i < rest.length; i++) {
        const a = rest[i];
        if (a === '--json' && sub === 'stats')
            args.json = true;
        else if (a === '--action' || a.startsWith('--action=')) {
            const v = a === '--action' ? rest[++i] : a.slice('--action='.length);
            if (!v || v.startsWith('--'))
                throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e('--action needs an action name, e.g. --action ai-triage');
            args.action = v;
        }
        else
            throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`unknown option '${a}' for cache ${sub}`);
    }
    return args;
}
function formatMs(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 120_000)
        return `${(ms / 1000).toFixed(1)} s`;
    return `${(ms / 60_000).toFixed(1)} min`;
}
/** The stats as a small table: one row per action, then the overall row. */
function formatStats(stats) {
    const header = ['action', 'hits', 'misses', 'hit rate', 'entries', 'time saved'];
    const row = (name, s) => [
        name,
        String(s.hits),
        String(s.misses),
        s.hits + s.misses > 0 ? `${(s.hitRate * 100).toFixed(1)}%` : '-',
        String(s.entries),
        formatMs(s.timeSavedMs),
    ];
    const rows = [header, ...stats.actions.map((a) => row(a.action, a)), row('overall', stats.overall)];
    const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const lines = rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    return [`Decision cache on the ${stats.tier} tier`, ...lines].join('\n');
}
/** `ai-ci cache ...` against whichever tier the environment selects. */
async function runCache(argv, io) {
    const args = parseCacheArgs(argv);
    const store = await (0,_core_cache_open_store_js__WEBPACK_IMPORTED_MODULE_0__.openStore)({ action: 'cli', logger: io.logger, env: io.env });
    try {
        if (args.sub === 'stats') {
            const stats = await (0,_core_cache_decision_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .decisionStats */ .QW)(store, args.action);
            io.stdout(args.json ? `${JSON.stringify(stats)}\n` : `${formatStats(stats)}\n`);
            return 0;
        }
        const removed = await (0,_core_cache_decision_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .clearDecisions */ .ti)(store, args.action);
        io.stdout(`Removed ${removed} cached decision(s)${args.action ? ` of ${args.action}` : ''} and their counters from the ${store.tier} tier.\n`);
        return 0;
    }
    finally {
        await store.close();
    }
}
const cacheCommand = {
    name: 'cache',
    summary: 'decision-cache statistics (hits, misses, time saved) or clear it',
    usage: USAGE,
    run: (argv) => runCache(argv, { env: process.env, stdout: (t) => process.stdout.write(t), logger: (0,_core_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .cliLogger */ .$v)() }),
};


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
