export const id = 113;
export const ids = [113];
export const modules = {

/***/ 56113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RedisKv: () => (/* binding */ RedisKv)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var ioredis__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67796);
/* harmony import */ var ioredis__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(ioredis__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _timeouts_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(95623);
/* harmony import */ var _codec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25536);
/* harmony import */ var _redis_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70892);






/**
 * Compare-and-set of one key: writes only when the key still holds what the caller read (compared
 * by SHA-1, so a large value is not sent twice). One key, so it also works on a Cluster.
 */
const CAS_SCRIPT = `
local cur = redis.call('GET', KEYS[1])
if ARGV[1] == '' then
  if cur then return 0 end
elseif (not cur) or redis.sha1hex(cur) ~= ARGV[1] then
  return 0
end
if ARGV[3] == '1' then
  redis.call('DEL', KEYS[1])
elseif tonumber(ARGV[4]) > 0 then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[4])
else
  redis.call('SET', KEYS[1], ARGV[2])
end
return 1
`;
function globEscape(s) {
    return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
/**
 * The Redis tier. Fails fast: lazy connect awaited with a short connect timeout, a command timeout,
 * one retry per request, no offline queue (a command on a dead link fails at once instead of
 * waiting), and a circuit breaker that stops calling Redis after repeated failures in one run.
 */
class RedisKv {
    tier = 'redis';
    client;
    description;
    compressOver;
    maxFailures;
    quitTimeoutMs;
    failures = 0;
    open_ = true;
    constructor(client, opts) {
        this.client = client;
        this.description = (0,_redis_config_js__WEBPACK_IMPORTED_MODULE_4__/* .describeTarget */ .f)(opts.target);
        this.compressOver = opts.compressOver ?? _codec_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_COMPRESS_OVER */ .cg;
        const env = opts.env ?? process.env;
        const n = Number(env.AI_CI_REDIS_MAX_FAILURES);
        this.maxFailures = Number.isInteger(n) && n > 0 ? n : 3;
        this.quitTimeoutMs = (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_5__/* .timeoutMs */ .G)('AI_CI_REDIS_QUIT_TIMEOUT_MS', 1000, env);
    }
    /** Connects and proves the link with a PING; throws ServiceUnavailableError when it cannot. */
    static async connect(opts) {
        const env = opts.env ?? process.env;
        const connectTimeout = (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_5__/* .timeoutMs */ .G)('AI_CI_REDIS_CONNECT_TIMEOUT_MS', 2000, env);
        const commandTimeout = (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_5__/* .timeoutMs */ .G)('AI_CI_REDIS_COMMAND_TIMEOUT_MS', 1000, env);
        const t = opts.target;
        const common = {
            lazyConnect: true,
            connectTimeout,
            commandTimeout,
            maxRetriesPerRequest: 1,
            enableOfflineQueue: false,
            // How long a closing socket may linger before it is destroyed; the default 2 s delays exit.
            disconnectTimeout: (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_5__/* .timeoutMs */ .G)('AI_CI_REDIS_DISCONNECT_TIMEOUT_MS', 300, env),
            // A couple of quick reconnects ride out a blip; after that the tier is down for this run.
            retryStrategy: (times) => (times <= 2 ? 50 * times : null),
            ...(t.username ? { username: t.username } : {}),
            ...(t.password ? { password: t.password } : {}),
            ...(t.tls ? { tls: t.tls } : {}),
        };
        let client;
        if (t.kind === 'cluster') {
            const { retryStrategy: _r, enableOfflineQueue: _q, ...redisOptions } = common;
            const copts = {
                lazyConnect: true,
                enableOfflineQueue: false,
                clusterRetryStrategy: (times) => (times <= 2 ? 50 * times : null),
                slotsRefreshTimeout: connectTimeout,
                redisOptions,
            };
            client = new ioredis__WEBPACK_IMPORTED_MODULE_1__.Cluster(t.nodes, copts);
        }
        else if (t.kind === 'sentinel') {
            client = new ioredis__WEBPACK_IMPORTED_MODULE_1__.Redis({
                ...common,
                sentinels: t.sentinels,
                name: t.name,
                sentinelRetryStrategy: (times) => (times <= 2 ? 50 * times : null),
                ...(t.sentinelPassword ? { sentinelPassword: t.sentinelPassword } : {}),
                ...(t.sentinelUsername ? { sentinelUsername: t.sentinelUsername } : {}),
                ...(t.tls ? { enableTLSForSentinelMode: true, sentinelTLS: t.tls } : {}),
            });
        }
        else {
            client = new ioredis__WEBPACK_IMPORTED_MODULE_1__.Redis({
                ...common,
                host: t.host,
                port: t.port,
                ...(t.db !== undefined ? { db: t.db } : {}),
            });
        }
        // Without a listener an unreachable server becomes an unhandled 'error' event that kills Node.
        let lastError;
        client.on('error', (err) => {
            lastError = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err);
            opts.logger.debug(`redis: ${lastError}`);
        });
        const kv = new RedisKv(client, opts);
        try {
            await withTimeout(client.connect(), connectTimeout * 2, 'connect');
            await client.ping();
        }
        catch (e) {
            client.disconnect();
            // The reason (refused, WRONGPASS, certificate) often arrives as an 'error' event, not the rejection.
            const why = lastError && lastError !== (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e) ? `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)} (${lastError})` : (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceUnavailableError */ .us('redis', `${kv.description} is unreachable: ${why}`, { cause: e });
        }
        return kv;
    }
    get breakerOpen() {
        return this.failures >= this.maxFailures;
    }
    async call(what, fn) {
        if (!this.open_)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceUnavailableError */ .us('redis', `${this.description}: store closed`);
        if (this.breakerOpen) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceUnavailableError */ .us('redis', `${this.description}: not retried after ${this.failures} failures in this run`);
        }
        try {
            const r = await fn();
            this.failures = 0;
            return r;
        }
        catch (e) {
            this.failures++;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceUnavailableError */ .us('redis', `${this.description}: ${what} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}`, {
                cause: e,
            });
        }
    }
    async get(key) {
        const buf = await this.call('GET', () => this.client.getBuffer(key));
        return buf ? (0,_codec_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeValue */ .wz)(buf) : undefined;
    }
    /** GET without decoding, for benchmarks and tests that compare against a raw read. */
    async getRaw(key) {
        return this.call('GET', () => this.client.getBuffer(key));
    }
    async set(key, value, ttlSeconds) {
        const buf = (0,_codec_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeValue */ .It)(value, this.compressOver);
        await this.call('SET', () => ttlSeconds && ttlSeconds > 0
            ? this.client.set(key, buf, 'EX', Math.ceil(ttlSeconds))
            : this.client.set(key, buf));
    }
    async del(key) {
        await this.call('DEL', () => this.client.del(key));
    }
    async incr(key, by = 1, ttlSeconds) {
        const next = await this.call('INCRBY', async () => Number.isInteger(by) ? this.client.incrby(key, by) : Number(await this.client.incrbyfloat(key, by)));
        if (ttlSeconds && ttlSeconds > 0 && next === by)
            await this.call('EXPIRE', () => this.client.expire(key, Math.ceil(ttlSeconds)));
        return next;
    }
    async hincr(key, field, by = 1) {
        return this.call('HINCRBY', async () => Number.isInteger(by)
            ? this.client.hincrby(key, field, by)
            : Number(await this.client.hincrbyfloat(key, field, by)));
    }
    async hincrMany(key, increments) {
        const entries = Object.entries(increments);
        if (entries.length === 0)
            return;
        await this.call('HINCRBY', async () => {
            const m = this.client.multi();
            for (const [f, by] of entries) {
                if (Number.isInteger(by))
                    m.hincrby(key, f, by);
                else
                    m.hincrbyfloat(key, f, by);
            }
            const replies = await m.exec();
            const failed = replies?.find(([err]) => err);
            if (!replies || failed)
                throw failed?.[0] ?? new Error('transaction aborted');
        });
    }
    async hset(key, fields) {
        if (Object.keys(fields).length === 0)
            return;
        await this.call('HSET', () => this.client.hset(key, fields));
    }
    async hgetall(key) {
        return this.call('HGETALL', () => this.client.hgetall(key));
    }
    async scan(prefix) {
        return this.call('SCAN', async () => {
            const nodes = this.client instanceof ioredis__WEBPACK_IMPORTED_MODULE_1__.Cluster ? this.client.nodes('master') : [this.client];
            const keys = new Set();
            for (const node of nodes) {
                let cursor = '0';
                do {
                    const [next, batch] = await node.scan(cursor, 'MATCH', `${globEscape(prefix)}*`, 'COUNT', 1000);
                    for (const k of batch)
                        keys.add(k);
                    cursor = next;
                } while (cursor !== '0');
            }
            return [...keys].sort();
        });
    }
    async update(key, mutate, ttlSeconds) {
        for (let attempt = 0; attempt < 200; attempt++) {
            const curBuf = await this.call('GET', () => this.client.getBuffer(key));
            const next = mutate(curBuf ? (0,_codec_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeValue */ .wz)(curBuf) : undefined);
            const expect = curBuf ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(curBuf).digest('hex') : '';
            const ok = await this.call('EVAL', () => this.client.eval(CAS_SCRIPT, 1, key, expect, next === undefined ? '' : (0,_codec_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeValue */ .It)(next, this.compressOver), next === undefined ? '1' : '0', String(ttlSeconds && ttlSeconds > 0 ? Math.ceil(ttlSeconds) : 0)));
            if (ok === 1)
                return next;
            // Another writer won; back off a little, with jitter so 20 racing runs spread out.
            await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 + attempt * 2)));
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceUnavailableError */ .us('redis', `${this.description}: update of ${key} kept losing races`);
    }
    async ping() {
        try {
            await this.call('PING', () => this.client.ping());
            return true;
        }
        catch {
            return false;
        }
    }
    /** QUIT, bounded: a hung server must not keep the process alive. */
    async close() {
        if (!this.open_)
            return;
        this.open_ = false;
        try {
            await withTimeout(this.client.quit(), this.quitTimeoutMs, 'quit');
        }
        catch {
            // A hung or dead server: drop the socket so the process can exit.
            this.client.disconnect();
        }
    }
}
async function withTimeout(p, ms, what) {
    let timer;
    try {
        return await Promise.race([
            p,
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
            }),
        ]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ })

};
