export const id = 103;
export const ids = [103];
export const modules = {

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








/***/ })

};
