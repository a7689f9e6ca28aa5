export const id = 517;
export const ids = [517];
export const modules = {

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


/***/ })

};
