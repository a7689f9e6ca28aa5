export const id = 144;
export const ids = [144];
export const modules = {

/***/ 2144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  githubFromEnv: () => (/* binding */ githubFromEnv)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/core/redact.ts + 1 modules
var redact = __webpack_require__(37394);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 21 modules
var dist_src = __webpack_require__(59988);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
// EXTERNAL MODULE: ./src/core/timeouts.ts
var timeouts = __webpack_require__(95623);
;// CONCATENATED MODULE: ./src/core/github/octokit.ts







/** A read that needs the API was refused because there is no token; the action says what it missed. */
class GitHubReadSkipped extends Error {
    method;
    path;
    name = 'GitHubReadSkipped';
    constructor(method, path) {
        super(`GitHub API read skipped, no token: ${method} ${path}. Pass github-token (or set GITHUB_TOKEN) to let ai-ci read it.`);
        this.method = method;
        this.path = path;
    }
}
/**
 * Client errors are the caller's to fix, retrying cannot help. 403 and 429 rate limits are retried
 * by the throttling plugin (which waits for the reset), so the retry plugin must not retry them too.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
const MAX_RETRIES = 3;
const MAX_RATE_LIMIT_RETRIES = 2;
const AiCiOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
/** Write spacing (GitHub asks for >= 1 s between writes, 3 s for notifying ones), one group per process. */
const writeGroups = new Map();
function group(name, minTime) {
    const key = `${name}:${minTime}`;
    let g = writeGroups.get(key);
    if (!g) {
        g = new (light_default()).Group({ id: `ai-ci-${key}`, maxConcurrent: 1, minTime });
        writeGroups.set(key, g);
    }
    return g;
}
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
function isWrite(method, path, body) {
    if (!WRITE_METHODS.has(method))
        return false;
    if (method === 'POST' && path === '/graphql') {
        const query = body && typeof body === 'object' && 'query' in body ? String(body.query) : '';
        return /^\s*mutation\b/.test(query);
    }
    return true;
}
function redactDeep(v) {
    if (typeof v === 'string')
        return (0,redact/* redact */.E$)(v);
    if (Array.isArray(v))
        return v.map(redactDeep);
    if (v && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactDeep(x)]));
    }
    return v;
}
/** The body as the server will see it: what JSON serialisation keeps of it. */
function wireBody(body) {
    if (body === undefined || body === null || body === '')
        return null;
    if (typeof body === 'string') {
        try {
            return JSON.parse(body);
        }
        catch {
            return body;
        }
    }
    return JSON.parse(JSON.stringify(body));
}
function relativePath(url, baseUrl) {
    const u = new URL(url);
    const prefix = new URL(baseUrl).pathname.replace(/\/+$/, '');
    const path = prefix && u.pathname.startsWith(`${prefix}/`) ? u.pathname.slice(prefix.length) : u.pathname;
    return `${path}${u.search}`;
}
/**
 * Composes Octokit once with retry (5xx, network errors; explicit do-not-retry list) and throttling
 * (primary and secondary rate limits, a bounded number of times, with a warning), a per-request
 * timeout, the dry-run sink for writes, and the no-token guard for reads.
 */
function createOctokit(opts) {
    const { logger } = opts;
    const env = opts.env ?? process.env;
    const baseUrl = (opts.baseUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
    const perRequestMs = opts.timeoutMs ?? (0,timeouts/* timeoutMs */.G)('AI_CI_GITHUB_TIMEOUT_MS', 30000, env);
    const baseFetch = opts.fetch ?? globalThis.fetch;
    const timedFetch = async (input, init) => {
        const timeout = AbortSignal.timeout(perRequestMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        try {
            return await baseFetch(input, { ...init, signal });
        }
        catch (err) {
            const method = (init?.method ?? 'GET').toUpperCase();
            if (timeout.aborted && WRITE_METHODS.has(method)) {
                // A write that timed out may still have been applied: retrying could post a comment twice.
                // Octokit passes an AbortError through without wrapping it, so the retry plugin leaves it.
                const e = new Error(`GitHub did not answer ${method} ${String(input)} within ${perRequestMs} ms; not retried, since the write may have been applied.`, { cause: err });
                e.name = 'AbortError';
                throw e;
            }
            throw err;
        }
    };
    // One retry-after second lasts this long: 1 s in production, less under AI_CI_TIMEOUT_SCALE.
    const secondMs = (0,timeouts/* timeoutMs */.G)('AI_CI_GITHUB_RETRY_UNIT_MS', 1000, env);
    const maxRateLimitWaitS = (0,timeouts/* timeoutMs */.G)('AI_CI_GITHUB_RATE_LIMIT_MAX_WAIT_MS', 120_000, env) / secondMs;
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
        if (retryCount >= MAX_RATE_LIMIT_RETRIES || retryAfter > maxRateLimitWaitS) {
            logger.warning(`GitHub ${kind} rate limit for ${what}: giving up after ${retryCount} retries (reset in ${retryAfter}s).`);
            return false;
        }
        logger.warning(`GitHub ${kind} rate limit for ${what}: retrying in ${retryAfter}s (retry ${retryCount + 1} of ${MAX_RATE_LIMIT_RETRIES}).`);
        return true;
    };
    const octokit = new AiCiOctokit({
        auth: opts.token || undefined,
        baseUrl,
        userAgent: 'ai-ci',
        request: { fetch: timedFetch },
        log: {
            debug: (m) => logger.debug(m),
            info: (m) => logger.debug(m),
            warn: (m) => logger.warning(m),
            // Octokit logs every failed request as an error, then throws it: the caller decides whether
            // a 404 is a problem, so it must not become an error annotation here.
            error: (m) => logger.debug(m),
        },
        retry: { doNotRetry: [...DO_NOT_RETRY], retries: MAX_RETRIES, retryAfterBaseValue: secondMs },
        throttle: {
            retryAfterBaseValue: secondMs,
            fallbackSecondaryRateRetryAfter: 60,
            write: group('write', (0,timeouts/* timeoutMs */.G)('AI_CI_GITHUB_WRITE_INTERVAL_MS', 1000, env)),
            notifications: group('notifications', (0,timeouts/* timeoutMs */.G)('AI_CI_GITHUB_NOTIFICATION_INTERVAL_MS', 3000, env)),
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
        },
    });
    const fake = dryRunResponder(baseUrl);
    // Registered after the plugins, so it wraps them: a dry-run write never waits for the write
    // spacing, and a write is reported once however often it is retried.
    octokit.hook.wrap('request', async (request, options) => {
        const parsed = octokit.request.endpoint.parse(options);
        const method = parsed.method.toUpperCase();
        const path = relativePath(parsed.url, baseUrl);
        const body = wireBody(parsed.body);
        if (isWrite(method, path, body)) {
            const write = { method, path, body: redactDeep(body) };
            opts.onWrite?.(write);
            if (opts.dryRun) {
                logger.info(`dry-run: would ${method} ${path}`);
                return fake(method, path, body);
            }
        }
        else if (!opts.token) {
            throw new GitHubReadSkipped(method, path);
        }
        return request(options);
    });
    return octokit;
}
/**
 * Plausible answers to dry-run writes, shaped as the endpoint's real response (ids, numbers,
 * html_url, sha), so the code after a write (e.g. "open a PR from the branch just created") runs on.
 */
function dryRunResponder(baseUrl) {
    let nextId = 900_000_001;
    let nextNumber = 9001;
    const web = baseUrl.includes('api.github.com')
        ? 'https://github.com'
        : baseUrl.replace(/\/api\/v3$/, '').replace(/\/$/, '');
    const b = (body) => body && typeof body === 'object' && !Array.isArray(body) ? body : {};
    return (method, path, body) => {
        const url = `${baseUrl}${path}`;
        const id = nextId++;
        const sha = (0,external_node_crypto_.createHash)('sha1')
            .update(`${method} ${path} ${JSON.stringify(body)} ${id}`)
            .digest('hex');
        const fields = b(body);
        const repo = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
        const repoWeb = repo ? `${web}/${repo[1]}/${repo[2]}` : web;
        const now = new Date().toISOString();
        const ok = (status, data) => ({
            status,
            url,
            headers: { 'x-ai-ci-dry-run': 'true' },
            data,
        });
        let m;
        if (method === 'DELETE')
            return ok(204, undefined);
        if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path)) && method === 'POST') {
            return ok(201, {
                id,
                node_id: `IC_dryrun${id}`,
                html_url: `${repoWeb}/issues/${m[1]}#issuecomment-${id}`,
                body: fields.body,
                created_at: now,
                updated_at: now,
            });
        }
        if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path))) {
            return ok(200, {
                id: Number(m[1]),
                html_url: `${repoWeb}/issues#issuecomment-${m[1]}`,
                body: fields.body,
                updated_at: now,
            });
        }
        if (/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/labels$/.test(path)) {
            const labels = Array.isArray(fields.labels) ? fields.labels : Array.isArray(body) ? body : [];
            return ok(200, labels.map((l, i) => ({ id: id + i, name: typeof l === 'string' ? l : b(l).name, color: 'ededed' })));
        }
        if (/^\/repos\/[^/]+\/[^/]+\/pulls$/.test(path) && method === 'POST') {
            const number = nextNumber++;
            return ok(201, {
                id,
                number,
                state: 'open',
                html_url: `${repoWeb}/pull/${number}`,
                title: fields.title,
                head: { ref: fields.head, sha },
                base: { ref: fields.base },
            });
        }
        if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(path) && method === 'POST') {
            const number = nextNumber++;
            return ok(201, {
                id,
                number,
                state: 'open',
                html_url: `${repoWeb}/issues/${number}`,
                title: fields.title,
            });
        }
        if (/\/git\/(?:blobs|trees|commits)$/.test(path)) {
            return ok(201, { sha, url: `${url}/${sha}`, html_url: `${repoWeb}/commit/${sha}`, tree: [] });
        }
        if ((m = /\/git\/refs(?:\/(.+))?$/.exec(path))) {
            const ref = m[1] ? `refs/${decodeURIComponent(m[1])}` : String(fields.ref ?? '');
            return ok(method === 'POST' ? 201 : 200, {
                ref,
                url: `${baseUrl}${path}`,
                object: { type: 'commit', sha: fields.sha ?? sha },
            });
        }
        if (/\/contents\/.+$/.test(path) && method === 'PUT') {
            return ok(201, {
                content: { sha, path: path.replace(/^.*\/contents\//, '') },
                commit: { sha, html_url: `${repoWeb}/commit/${sha}` },
            });
        }
        if ((m = /\/check-runs(?:\/(\d+))?$/.exec(path))) {
            const checkId = m[1] ? Number(m[1]) : id;
            return ok(m[1] ? 200 : 201, {
                id: checkId,
                name: fields.name,
                status: fields.status ?? 'queued',
                conclusion: fields.conclusion ?? null,
                html_url: `${repoWeb}/runs/${checkId}`,
            });
        }
        return ok(method === 'POST' ? 201 : 200, { id, sha, html_url: repoWeb, number: nextNumber++ });
    };
}

;// CONCATENATED MODULE: ./src/core/github/client.ts




function isTrue(v) {
    return /^(?:true|1|yes|on)$/i.test((v ?? '').trim());
}
/**
 * The GitHub client of an action, from the runner's environment: the token from the
 * `github-token` input or `GITHUB_TOKEN`, the API URL from `GITHUB_API_URL` (GHES), the repository
 * from `GITHUB_REPOSITORY`. When `AI_CI_GITHUB_LOG` names a file, every write (real or dry-run) is
 * appended to it as one JSON line `{"method","path","body"}`; `ai-ci run --json` reads it.
 */
function githubFromEnv(logger, env = process.env) {
    const token = (env['INPUT_GITHUB-TOKEN'] || env.INPUT_GITHUB_TOKEN || env.GITHUB_TOKEN || '').trim() || undefined;
    (0,redact/* registerSecret */.cl)(token);
    const dryRun = isTrue(env.AI_CI_DRY_RUN) || !token;
    if (!token)
        logger.info('No GitHub token: reads that need the API are skipped, writes go to the dry-run log.');
    const logFile = env.AI_CI_GITHUB_LOG?.trim() || undefined;
    const onWrite = logFile
        ? (w) => {
            (0,external_node_fs_.appendFileSync)(logFile, `${JSON.stringify({ method: w.method, path: w.path, body: w.body })}\n`);
        }
        : undefined;
    const ctx = (0,context/* readRunContext */.$)(env);
    const octokit = createOctokit({
        token,
        baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
        logger,
        dryRun,
        onWrite,
        env,
    });
    return { octokit, canRead: token !== undefined, dryRun, owner: ctx.owner, repo: ctx.repo };
}


/***/ })

};
