export const id = 48;
export const ids = [48];
export const modules = {

/***/ 31285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ numbersIn),
/* harmony export */   c: () => (/* binding */ statusOf)
/* harmony export */ });
function statusOf(f) {
    const failedTests = (f.tests?.failed ?? 0) > 0 || f.newFailures.length + f.stillFailing.length > 0;
    if (failedTests || (f.gate && !f.gate.passed) || (f.lint?.errors ?? 0) > 0)
        return 'failure';
    if (!f.tests && !f.gate && !f.coverage && !f.lint && !f.rootCauses.length)
        return 'neutral';
    return 'success';
}
/** Numbers the prose may use: every number that stands in the facts. */
function numbersIn(f) {
    const out = new Set();
    const walk = (v) => {
        if (typeof v === 'number' && Number.isFinite(v)) {
            out.add(String(v));
            out.add(String(Math.abs(v)));
            out.add(v.toFixed(1));
            out.add(v.toFixed(2));
            out.add(String(Math.round(v)));
        }
        else if (typeof v === 'string') {
            for (const m of v.match(/\b\d+(?:\.\d+)?\b/g) ?? [])
                out.add(m);
        }
        else if (Array.isArray(v)) {
            out.add(String(v.length));
            v.forEach(walk);
        }
        else if (v && typeof v === 'object')
            Object.values(v).forEach(walk);
    };
    // Commit hashes and URLs are not facts a sentence would quote as numbers.
    const { headSha: _sha, runUrl: _url, ...rest } = f;
    walk(rest);
    for (let i = 1; i <= 3; i++)
        out.add(String(i)); // list numbering in next steps
    return out;
}


/***/ }),

/***/ 46048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ARTIFACT_FILE: () => (/* binding */ ARTIFACT_FILE),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/runner-commands.ts
var runner_commands = __webpack_require__(28708);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(45605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(69928);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(89114);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(11227);
// EXTERNAL MODULE: ./src/core/redact.ts + 1 modules
var redact = __webpack_require__(37394);
// EXTERNAL MODULE: ./src/parsers/types.ts
var types = __webpack_require__(35429);
;// CONCATENATED MODULE: ./src/actions/pr-feedback/build-facts.ts

const rec = (v) => v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
const arr = (v) => (Array.isArray(v) ? v : []);
const num = (v) => typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
        ? Number(v)
        : null;
const str = (v) => (typeof v === 'string' ? v : null);
function buildFacts(c, ctx) {
    const failedNow = new Map();
    const passedNow = new Set();
    let tests = null;
    for (const r of c.tests) {
        tests = tests ?? { total: 0, passed: 0, failed: 0, skipped: 0 };
        tests.total += r.totals.tests;
        tests.passed += r.totals.passed;
        tests.failed += r.totals.failed + r.totals.errors;
        tests.skipped += r.totals.skipped;
        for (const t of r.tests) {
            const name = (0,types/* testDisplayName */.WJ)(t);
            if (t.status === 'failed' || t.status === 'error')
                failedNow.set(name, { name, file: t.file, line: t.line });
            else if (t.status === 'passed')
                passedNow.add(name);
        }
    }
    const rootCauses = [];
    const triage = c.triage;
    if (triage) {
        const totals = rec(triage.totals);
        if (!tests && totals && num(totals.tests) !== null) {
            tests = {
                total: num(totals.tests) ?? 0,
                passed: num(totals.passed) ?? 0,
                failed: num(totals.failed) ?? 0,
                skipped: Math.max(0, (num(totals.tests) ?? 0) - (num(totals.passed) ?? 0) - (num(totals.failed) ?? 0)),
            };
        }
        for (const x of arr(triage.root_causes)) {
            const r = rec(x);
            if (!r)
                continue;
            const llm = rec(r.llm);
            const victims = arr(r.victims);
            rootCauses.push({
                kind: str(r.kind) ?? 'unknown',
                title: str(r.title) ?? '',
                file: str(r.file),
                line: num(r.line),
                victims: victims.length,
                flaky: r.flaky === true,
                infra: r.infra === true,
                fixable: r.fixable === true,
                ...(llm && str(llm.explanation) ? { explanation: str(llm.explanation) } : {}),
                ...(llm && str(llm.suggested_fix) ? { suggestedFix: str(llm.suggested_fix) } : {}),
            });
            if (!c.tests.length) {
                for (const v of victims) {
                    const vr = rec(v);
                    const name = vr && str(vr.name);
                    if (name)
                        failedNow.set(name, { name, file: str(vr.file), line: num(vr.line) });
                }
            }
        }
    }
    const newFailures = [];
    const stillFailing = [];
    const fixed = [];
    for (const [name, t] of failedNow) {
        if (ctx.base?.get(name) === 'failed')
            stillFailing.push(t);
        else
            newFailures.push(t);
    }
    if (ctx.base) {
        for (const [name, outcome] of ctx.base)
            if (outcome === 'failed' && passedNow.has(name))
                fixed.push({ name, file: null, line: null });
    }
    const flaky = triage
        ? arr(triage.flaky_tests)
            .map(rec)
            .filter((x) => !!x && !!str(x.name))
            .map((x) => ({ name: str(x.name), evidence: str(x.evidence) ?? '' }))
        : [];
    return {
        headSha: ctx.headSha,
        runNumber: ctx.runNumber,
        runUrl: ctx.runUrl,
        tests,
        newFailures,
        stillFailing,
        fixed,
        baseKnown: ctx.base !== undefined && ctx.base.size > 0,
        rootCauses,
        flaky,
        ...gateFacts(c),
        lint: lintFacts(c),
        selection: selectionFacts(c.selection),
        autofix: autofixFacts(c.autofix),
        problems: c.problems,
    };
}
/** Reads the adaptive-gate report (`ai-ci/gate`, src/actions/adaptive-gate/report.ts). */
function gateFacts(c) {
    const g = c.gate;
    let coverage = null;
    let gate = null;
    let newVulns = [];
    let vulnCounts = null;
    if (g) {
        const cov = rec(g.coverage);
        const patch = rec(g.patch);
        if (cov || patch) {
            coverage = {
                lines: cov ? num(cov.lines) : null,
                delta: cov ? num(cov.delta) : null,
                patch: patch && patch.exempt !== true ? num(patch.pct) : null,
                baseline: cov ? num(cov.baselineLines) : null,
            };
        }
        const regressions = new Set(arr(g.regressions).filter((x) => typeof x === 'string'));
        const failed = arr(g.conditions)
            .map(rec)
            .filter((x) => !!x && (regressions.has(str(x.id) ?? '') || (x.gated === true && x.status === 'fail')));
        gate = {
            passed: g.passed !== false,
            failed: failed.map((x) => ({
                metric: str(x.metric) ?? str(x.id) ?? 'condition',
                baseline: num(x.baseline),
                current: num(x.current),
                delta: num(x.delta),
                allowed: num(x.allowed),
                message: str(x.message) ?? '',
            })),
        };
        const v = rec(g.vulns);
        if (v) {
            const counts = rec(v.counts);
            if (counts)
                vulnCounts = Object.fromEntries(Object.entries(counts).filter(([, n]) => typeof n === 'number'));
            newVulns = arr(v.introduced)
                .map(rec)
                .filter((x) => !!x)
                .map((x) => ({
                id: str(x.id) ?? '?',
                package: str(x.package) ?? '?',
                severity: str(x.severity) ?? 'unknown',
                fixedVersion: str(x.fixedVersion),
            }));
        }
    }
    else if (c.coverage.length) {
        const covered = c.coverage.reduce((n, r) => n + r.totals.lines.covered, 0);
        const total = c.coverage.reduce((n, r) => n + r.totals.lines.total, 0);
        coverage = {
            lines: total ? Math.round((covered / total) * 10000) / 100 : null,
            delta: null,
            patch: null,
            baseline: null,
        };
    }
    if (!g && c.vulns.length) {
        vulnCounts = {};
        for (const r of c.vulns)
            for (const [k, n] of Object.entries(r.counts))
                vulnCounts[k] = (vulnCounts[k] ?? 0) + n;
    }
    return { coverage, gate, newVulns, vulnCounts };
}
function lintFacts(c) {
    if (!c.lint.length)
        return null;
    let errors = 0;
    const files = new Set();
    for (const r of c.lint) {
        for (const f of r.failures) {
            errors++;
            if (f.file)
                files.add(f.file);
        }
    }
    return { errors, warnings: 0, files: files.size };
}
function selectionFacts(s) {
    if (!s)
        return null;
    const tests = arr(s.tests);
    return {
        mode: str(s.mode) ?? 'full',
        reason: str(s.reason) ?? '',
        selected: num(s.test_count) ?? num(s.testCount) ?? tests.length,
        total: num(s.total_test_count) ?? num(s.totalTestCount) ?? tests.length,
    };
}
function autofixFacts(a) {
    if (!a)
        return null;
    return {
        outcome: str(a.outcome) ?? 'skipped',
        prUrl: str(a.pr_url) ?? str(a.prUrl),
        reason: str(a.reason),
    };
}

// EXTERNAL MODULE: ./src/actions/pr-feedback/facts.ts
var pr_feedback_facts = __webpack_require__(31285);
// EXTERNAL MODULE: ./src/core/llm/settings.ts
var settings = __webpack_require__(4206);
;// CONCATENATED MODULE: ./src/actions/pr-feedback/inputs.ts


const COMMENT_MODES = ['always', 'changes', 'failures', 'off'];
function getInputs(inputs = new core_inputs/* Inputs */.G0()) {
    return Object.freeze({
        reports: inputs.globs('reports') ?? ['ai_analysis/*.json', 'ci_metrics/*.json'],
        testResults: inputs.globs('test-results') ?? [],
        coverage: inputs.globs('coverage') ?? [],
        vulnerabilities: inputs.globs('vulnerabilities') ?? [],
        lint: inputs.globs('lint') ?? [],
        commentMode: inputs.choice('comment-mode', COMMENT_MODES) ?? 'always',
        outputDir: inputs.string('output-dir') ?? 'ai_analysis',
        llmEnabled: inputs.boolean({ name: 'llm', env: ['AI_CI_LLM'] }) ?? true,
        llm: (0,settings/* readLlmSettings */.H1)(inputs),
    });
}

// EXTERNAL MODULE: ./src/actions/pr-feedback/render.ts
var render = __webpack_require__(74916);
;// CONCATENATED MODULE: ./src/actions/pr-feedback/main.ts














/**
 * JSON.stringify replacer: each string is redacted before it is serialized. Redacting the JSON
 * text afterwards misses secrets whose context got escaped (`\"token\": \"...\"`, `\n` in keys).
 */
function redactStrings(_key, value) {
    return typeof value === 'string' ? (0,redact/* redact */.E$)(value) : value;
}
const ARTIFACT_FILE = 'pr-feedback-artifact.json';
async function baseOutcomes(ctx, store, logger) {
    try {
        const { BaselineStore } = await Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(948)]).then(__webpack_require__.bind(__webpack_require__, 28567));
        const history = await new BaselineStore(store, {
            logger,
            repo: ctx.repository,
            branch: ctx.defaultBranch ?? 'main',
        }).loadTestHistory();
        const out = new Map();
        for (const [name, outcomes] of Object.entries(history.tests)) {
            const last = [...outcomes].reverse().find((o) => o.sha !== ctx.sha && o.outcome !== 'skipped');
            if (last)
                out.set(name, last.outcome === 'passed' ? 'passed' : 'failed');
        }
        return out;
    }
    catch (err) {
        logger.warning(`pr-feedback: no test history (${(0,errors/* errorMessage */.gJ)(err)}); failures are not split into new and still failing.`);
        return undefined;
    }
}
function isForkPr(ctx) {
    const pr = ctx.payload.pull_request;
    const head = pr?.head?.repo?.full_name;
    return ctx.eventName === 'pull_request' && head !== undefined && head !== ctx.repository;
}
async function run() {
    const inputs = new core_inputs/* Inputs */.G0();
    const artifactDir = inputs.string('from-artifact');
    if (artifactDir)
        return postFromArtifact(artifactDir);
    const settings = getInputs(inputs);
    const logger = (0,core_logger/* actionsLogger */.MV)();
    const ctx = (0,context/* readRunContext */.$)();
    logger.info(`pr-feedback: reading ${settings.reports.join(', ')}${settings.testResults.length ? ` and ${settings.testResults.join(', ')}` : ''}; comment-mode ${settings.commentMode}.`);
    const workspace = ctx.workspace;
    // Heavy collaborators load after the inputs are known to be usable: start-up stays small.
    const [{ collect }, { budgetStore, openStore }, { githubFromEnv }, { upsertStickyComment }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(800), __webpack_require__.e(736), __webpack_require__.e(96)]).then(__webpack_require__.bind(__webpack_require__, 85096)),
        Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(24), __webpack_require__.e(484)]).then(__webpack_require__.bind(__webpack_require__, 87484)),
        Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(144)]).then(__webpack_require__.bind(__webpack_require__, 2144)),
        __webpack_require__.e(/* import() */ 955).then(__webpack_require__.bind(__webpack_require__, 65955)),
    ]);
    const collected = await collect({ workspace, ...settings, logger });
    const store = await openStore({ action: 'pr-feedback', repo: ctx.repository, logger });
    (0,action/* onActionExit */.O)(() => store.close());
    const runNumber = Number(ctx.runNumber) || 0;
    const facts = buildFacts(collected, {
        headSha: headShaOf(ctx),
        runNumber,
        runUrl: ctx.runId !== '0' ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}` : null,
        base: await baseOutcomes(ctx, store, logger),
    });
    const status = (0,pr_feedback_facts/* statusOf */.c)(facts);
    let prose = (0,render/* templateProse */.KB)(facts);
    let proseNote = 'prose: template (no LLM)';
    if (settings.llmEnabled && status !== 'neutral') {
        const [{ createLlmClient }, { llmProse }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(463), __webpack_require__.e(130)]).then(__webpack_require__.bind(__webpack_require__, 99130)),
            __webpack_require__.e(/* import() */ 381).then(__webpack_require__.bind(__webpack_require__, 48381)),
        ]);
        const llm = createLlmClient(settings.llm, {
            logger,
            action: 'pr-feedback',
            repository: ctx.repository,
            runId: ctx.runId,
            budgetStore: budgetStore(store),
        });
        (0,action/* onActionExit */.O)(() => llm.close());
        const r = await llmProse(llm, facts);
        if (r.prose) {
            prose = r.prose;
            proseNote = 'prose: LLM';
        }
        else
            proseNote = `prose: template (${r.reason ?? 'no LLM'})`;
    }
    const meta = { sha: facts.headSha, run: runNumber };
    const { body, truncated } = (0,render/* renderComment */.wQ)(facts, prose, meta);
    const full = (0,render/* renderComment */.wQ)(facts, prose, meta, Number.MAX_SAFE_INTEGER).body;
    const safeBody = (0,redact/* redact */.E$)(body);
    const outDir = (0,external_node_path_.join)(workspace, settings.outputDir);
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    const bodyPath = (0,external_node_path_.join)(outDir, 'pr_comment.md');
    (0,external_node_fs_.writeFileSync)(bodyPath, safeBody);
    let post;
    let skipped;
    const pr = ctx.pullNumber;
    if (pr === undefined)
        skipped = `not a pull request event (${ctx.eventName})`;
    else if (settings.commentMode === 'off')
        skipped = 'comment-mode is off';
    else if (isForkPr(ctx)) {
        const artifact = {
            type: 'ai-ci/feedback-artifact',
            version: 1,
            pr,
            headSha: facts.headSha,
            runNumber,
            facts,
        };
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(outDir, ARTIFACT_FILE), JSON.stringify(artifact, redactStrings));
        skipped = `fork pull request: the token is read-only, so the comment was saved as ${settings.outputDir}/${ARTIFACT_FILE} for the pr-feedback-fork workflow to post`;
    }
    else {
        const gh = githubFromEnv(logger);
        const quiet = settings.commentMode === 'failures'
            ? status !== 'failure'
            : settings.commentMode === 'changes'
                ? status === 'success'
                : false;
        try {
            if (quiet && !(await hasOurComment(gh, pr)))
                skipped = `comment-mode is ${settings.commentMode} and there is nothing to report`;
            else
                post = await upsertStickyComment(gh, pr, safeBody, meta, logger, { settleMs: 200 });
        }
        catch (err) {
            // A comment that cannot be posted must not fail the build: the job summary has everything.
            logger.warning(`pr-feedback: the PR comment could not be posted (${(0,errors/* errorMessage */.gJ)(err)}); see the job summary.`);
            skipped = `GitHub API error: ${(0,errors/* errorMessage */.gJ)(err)}`;
        }
    }
    if (skipped)
        logger.info(`pr-feedback: no comment posted: ${skipped}.`);
    const reportPath = (0,external_node_path_.join)(outDir, 'feedback_report.json');
    (0,external_node_fs_.writeFileSync)(reportPath, JSON.stringify({
        type: 'ai-ci/feedback',
        version: 1,
        status,
        comment: post
            ? { id: post.id, url: post.url, action: post.action, deleted_duplicates: post.deleted }
            : null,
        skipped: skipped ?? null,
        truncated,
        prose: prose.source,
        body_path: (0,files/* repoRelative */.Ne)(workspace, bodyPath),
        facts,
    }, redactStrings, 2) + '\n');
    runner_commands/* setOutput */.uH('comment-id', post?.id != null ? String(post.id) : '');
    runner_commands/* setOutput */.uH('comment-url', post?.url ?? '');
    runner_commands/* setOutput */.uH('body-path', (0,files/* repoRelative */.Ne)(workspace, bodyPath));
    runner_commands/* setOutput */.uH('status', status);
    runner_commands/* setOutput */.uH('report-path', (0,files/* repoRelative */.Ne)(workspace, reportPath));
    const summaryNotes = [
        proseNote,
        ...(truncated ? ["the PR comment was shortened to fit GitHub's limit; this summary is complete"] : []),
        ...(skipped ? [`no comment: ${skipped}`] : []),
    ];
    await runner_commands/* summary */.z
        .addRaw((0,redact/* redact */.E$)(full))
        .addRaw(`\n\n<sub>${summaryNotes.join(' · ')}</sub>\n`)
        .write();
}
function headShaOf(ctx) {
    const pr = ctx.payload.pull_request;
    return pr?.head?.sha ?? ctx.sha;
}
async function hasOurComment(gh, pr) {
    if (!gh.canRead)
        return false;
    const all = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
        owner: gh.owner,
        repo: gh.repo,
        issue_number: pr,
        per_page: 100,
    });
    return all.some((c) => (0,render/* isOurComment */.CZ)(c.body));
}
/**
 * The `workflow_run` companion for fork PRs: posts the comment a fork's read-only run saved. The
 * artifact is untrusted (the fork's code ran in that job): only its facts are used, re-rendered
 * and escaped here, and its PR number must belong to the run's head commit.
 */
async function postFromArtifact(dir) {
    const logger = (0,core_logger/* actionsLogger */.MV)();
    const ctx = (0,context/* readRunContext */.$)();
    const file = (0,external_node_path_.join)(ctx.workspace, dir, ARTIFACT_FILE);
    let artifact;
    try {
        artifact = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`from-artifact: ${file} is not readable JSON (${(0,errors/* errorMessage */.gJ)(err)}).`);
    }
    if (artifact?.type !== 'ai-ci/feedback-artifact' ||
        !Number.isInteger(artifact.pr) ||
        artifact.pr <= 0 ||
        !artifact.facts) {
        throw new errors/* ConfigurationError */.j1(`from-artifact: ${file} is not a pr-feedback artifact.`);
    }
    const wr = ctx.payload.workflow_run;
    const headSha = wr?.head_sha ?? '';
    const [{ githubFromEnv }, { upsertStickyComment }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(144)]).then(__webpack_require__.bind(__webpack_require__, 2144)),
        __webpack_require__.e(/* import() */ 955).then(__webpack_require__.bind(__webpack_require__, 65955)),
    ]);
    const gh = githubFromEnv(logger);
    const pull = await gh.octokit.rest.pulls.get({ owner: gh.owner, repo: gh.repo, pull_number: artifact.pr });
    if (!headSha || pull.data.head.sha !== headSha) {
        throw new errors/* ConfigurationError */.j1(`from-artifact: PR #${artifact.pr}'s head (${pull.data.head.sha}) is not the workflow run's head (${headSha || 'unknown'}); not posting.`);
    }
    // Links come from the trusted event, never from the artifact.
    const facts = {
        ...artifact.facts,
        headSha,
        runNumber: wr?.run_number ?? artifact.runNumber,
        runUrl: wr?.html_url ?? null,
        autofix: null,
    };
    const meta = { sha: headSha, run: facts.runNumber };
    const { body } = (0,render/* renderComment */.wQ)(facts, (0,render/* templateProse */.KB)(facts), meta);
    const post = await upsertStickyComment(gh, artifact.pr, (0,redact/* redact */.E$)(body), meta, logger, { settleMs: 200 });
    runner_commands/* setOutput */.uH('comment-id', post.id != null ? String(post.id) : '');
    runner_commands/* setOutput */.uH('comment-url', post.url ?? '');
    runner_commands/* setOutput */.uH('status', (0,pr_feedback_facts/* statusOf */.c)(facts));
}


/***/ }),

/***/ 74916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CZ: () => (/* binding */ isOurComment),
/* harmony export */   KB: () => (/* binding */ templateProse),
/* harmony export */   UQ: () => (/* binding */ esc),
/* harmony export */   eE: () => (/* binding */ readMeta),
/* harmony export */   wQ: () => (/* binding */ renderComment)
/* harmony export */ });
/* unused harmony exports MARKER, COMMENT_LIMIT, metaComment, statusLine */
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37394);
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31285);


const MARKER = '<!-- ai-ci:pr-feedback -->';
const META_PREFIX = '<!-- ai-ci:pr-feedback:meta ';
/** GitHub rejects issue comments over 65,536 characters. */
const COMMENT_LIMIT = 65_536;
/**
 * Text from reports is data: it may hold markdown, HTML, a fake marker or @mentions. Escaped so
 * it cannot break out of the comment's formatting or ping anyone.
 */
function esc(text) {
    // Redacted before escaping: escaped text (`ghp\_...`) no longer matches the secret patterns,
    // so the redaction of the finished comment would miss it.
    return (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(text)
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_{}[\]#|~])/g, '\\$1')
        .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b');
}
function article(word) {
    return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
function code(text) {
    return `\`${text.replace(/[`\r\n]/g, '')}\``;
}
function where(f) {
    return f.file ? code(`${f.file}${f.line ? `:${f.line}` : ''}`) : '';
}
function pct(n) {
    return n === null ? 'n/a' : `${n.toFixed(2)}%`;
}
function signed(n) {
    if (n === null)
        return '';
    return `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(2)}`;
}
function metaComment(meta) {
    return `${META_PREFIX}${JSON.stringify(meta)} -->`;
}
function readMeta(body) {
    const i = body.indexOf(META_PREFIX);
    if (i < 0)
        return undefined;
    const end = body.indexOf(' -->', i);
    try {
        const m = JSON.parse(body.slice(i + META_PREFIX.length, end));
        return typeof m.sha === 'string' && typeof m.run === 'number' ? m : undefined;
    }
    catch {
        return undefined;
    }
}
function isOurComment(body) {
    return typeof body === 'string' && body.startsWith(MARKER);
}
function statusLine(f, status) {
    const icon = status === 'failure' ? '❌' : status === 'success' ? '✅' : '⚪';
    const parts = [];
    if (f.tests) {
        const failed = f.tests.failed;
        parts.push(failed ? `${failed} of ${f.tests.total} tests failed` : `${f.tests.total} tests passed`);
    }
    if (f.coverage?.lines !== null && f.coverage?.lines !== undefined) {
        parts.push(`coverage ${pct(f.coverage.lines)}${f.coverage.delta !== null ? ` (${signed(f.coverage.delta)})` : ''}`);
    }
    if (f.gate)
        parts.push(f.gate.passed ? 'gate passed' : `gate failed (${f.gate.failed.length})`);
    if (f.lint)
        parts.push(f.lint.errors ? `${f.lint.errors} lint errors` : 'lint clean');
    if (f.newVulns.length)
        parts.push(`${f.newVulns.length} new vulnerabilities`);
    return `### ${icon} ai-ci: ${parts.length ? parts.join(' · ') : 'no results to report'}`;
}
/** The prose without an LLM: the same sections, written from the facts by a template. */
function templateProse(f) {
    const tldr = [];
    const steps = [];
    const actionable = f.rootCauses.filter((r) => !r.flaky && !r.infra);
    if (actionable.length) {
        const top = actionable[0];
        tldr.push(`${actionable.length} root cause${actionable.length === 1 ? '' : 's'} behind the failures; the first is ${article(top.kind)} ${top.kind} problem${top.file ? ` in ${code(top.file)}` : ''}: ${esc(top.title)}`);
        steps.push(`Fix the ${top.kind} problem${top.file ? ` at ${where(top)}` : ''}${top.victims > 1 ? ` (${top.victims} tests depend on it)` : ''}.`);
    }
    else if (f.newFailures.length || f.stillFailing.length) {
        tldr.push(`${f.newFailures.length} new and ${f.stillFailing.length} still-failing tests.`);
        steps.push('Look at the failed tests below.');
    }
    if (f.gate && !f.gate.passed) {
        tldr.push(`The quality gate failed: ${f.gate.failed.map((c) => esc(c.metric)).join(', ')}.`);
        steps.push('Restore the gated metrics listed under Quality gate, or explain the regression in the PR.');
    }
    if (f.newVulns.length)
        steps.push(`Upgrade ${f.newVulns.map((v) => code(v.package)).join(', ')} to a fixed version.`);
    const infra = f.rootCauses.filter((r) => r.infra).length;
    if (infra)
        steps.push('Re-run the failed jobs: some failures are infrastructure, not code.');
    if (f.flaky.length)
        tldr.push(`${f.flaky.length} flaky test${f.flaky.length === 1 ? '' : 's'} named below; not caused by this change.`);
    if (f.autofix?.prUrl)
        steps.push(`Review the proposed fix: ${f.autofix.prUrl}`);
    if (tldr.length === 0)
        tldr.push((0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c)(f) === 'neutral'
            ? 'No test, coverage or gate results were found for this run.'
            : 'Everything passed.');
    return { tldr: tldr.slice(0, 3), nextSteps: steps.slice(0, 5), source: 'template' };
}
function testRows(title, tests, limit) {
    if (!tests.length)
        return [];
    const rows = tests.slice(0, limit).map((t) => `| ${title} | ${esc(t.name)} | ${where(t)} |`);
    if (tests.length > limit)
        rows.push(`| ${title} | … and ${tests.length - limit} more | |`);
    return rows;
}
function sections(f) {
    const out = [];
    if (f.newFailures.length || f.stillFailing.length || f.fixed.length) {
        out.push({
            rank: 1,
            render: (limit) => {
                const head = f.baseKnown
                    ? `**Failed tests**: ${f.newFailures.length} new, ${f.stillFailing.length} still failing, ${f.fixed.length} fixed`
                    : `**Failed tests**: ${f.newFailures.length} (no base history to compare with)`;
                const rows = [
                    ...testRows(f.baseKnown ? '🆕 new' : 'failed', f.newFailures, limit),
                    ...testRows('🔁 still failing', f.stillFailing, limit),
                    ...testRows('✅ fixed', f.fixed, limit),
                ];
                const table = ['| | test | where |', '| --- | --- | --- |', ...rows].join('\n');
                return rows.length > 5
                    ? `${head}\n\n<details><summary>${rows.length} tests</summary>\n\n${table}\n\n</details>`
                    : `${head}\n\n${table}`;
            },
        });
    }
    if (f.rootCauses.length) {
        out.push({
            rank: 0,
            render: (limit) => {
                const items = f.rootCauses.slice(0, limit).map((r, i) => {
                    const tags = [r.flaky ? 'flaky' : '', r.infra ? 'infra' : '', r.fixable ? 'auto-fixable' : '']
                        .filter(Boolean)
                        .join(', ');
                    let s = `${i + 1}. **${r.kind}**${tags ? ` _(${tags})_` : ''}: ${esc(r.title)} ${where(r)}${r.victims ? ` — ${r.victims} test${r.victims === 1 ? '' : 's'}` : ''}`;
                    if (r.explanation)
                        s += `\n   <details><summary>Why</summary>\n\n   ${esc(r.explanation)}${r.suggestedFix ? `\n\n   **Fix:** ${esc(r.suggestedFix)}` : ''}\n\n   </details>`;
                    return s;
                });
                if (f.rootCauses.length > limit)
                    items.push(`… and ${f.rootCauses.length - limit} more root causes (job summary).`);
                return `**Root causes**\n\n${items.join('\n')}`;
            },
        });
    }
    if (f.gate && !f.gate.passed) {
        out.push({
            rank: 0,
            render: () => `**Quality gate**\n\n| metric | baseline | now | Δ | allowed |\n| --- | --- | --- | --- | --- |\n` +
                f
                    .gate.failed.map((c) => `| ${esc(c.metric)} | ${c.baseline ?? ''} | ${c.current ?? ''} | ${c.delta ?? ''} | ${c.allowed ?? ''} |`)
                    .join('\n'),
        });
    }
    if (f.coverage && (f.coverage.lines !== null || f.coverage.patch !== null)) {
        out.push({
            rank: 2,
            render: () => `**Coverage** ${pct(f.coverage.lines)}` +
                (f.coverage.delta !== null
                    ? ` (${signed(f.coverage.delta)} vs baseline${f.coverage.baseline !== null ? ` ${pct(f.coverage.baseline)}` : ''})`
                    : '') +
                (f.coverage.patch !== null ? ` · patch ${pct(f.coverage.patch)}` : ''),
        });
    }
    if (f.newVulns.length) {
        out.push({
            rank: 1,
            render: (limit) => `**New vulnerabilities**\n\n` +
                f.newVulns
                    .slice(0, limit)
                    .map((v) => `- ${esc(v.severity)} ${code(v.id)} in ${code(v.package)}${v.fixedVersion ? ` (fixed in ${code(v.fixedVersion)})` : ''}`)
                    .join('\n'),
        });
    }
    if (f.flaky.length) {
        out.push({
            rank: 3,
            render: (limit) => `<details><summary>Flaky tests (${f.flaky.length})</summary>\n\n` +
                f.flaky
                    .slice(0, limit)
                    .map((t) => `- ${esc(t.name)}: ${esc(t.evidence)}`)
                    .join('\n') +
                '\n\n</details>',
        });
    }
    if (f.autofix && (f.autofix.prUrl || f.autofix.outcome === 'proposed')) {
        out.push({
            rank: 1,
            render: () => `**Auto-fix**: ${f.autofix.prUrl ? `fix PR opened: ${f.autofix.prUrl}` : 'a verified patch is attached to the run'}`,
        });
    }
    if (f.selection && f.selection.mode !== 'full') {
        out.push({
            rank: 4,
            render: () => `<sub>Test selection: ${esc(f.selection.mode)}, ${f.selection.selected} of ${f.selection.total} tests (${esc(f.selection.reason)})</sub>`,
        });
    }
    return out;
}
/**
 * The whole comment. Sections are ranked; when the comment would pass GitHub's limit, the least
 * important lists are shortened, then dropped, with a note pointing at the job summary.
 */
function renderComment(f, prose, meta, limit = COMMENT_LIMIT) {
    const status = (0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c)(f);
    const head = [MARKER, metaComment(meta), statusLine(f, status), ''];
    head.push(...prose.tldr.slice(0, 3).map((l) => `> ${l}`), '');
    const footer = [
        '',
        ...(prose.nextSteps.length
            ? ['**Next steps**', '', ...prose.nextSteps.slice(0, 5).map((s, i) => `${i + 1}. ${s}`), '']
            : []),
        `<sub>ai-ci · commit ${code(meta.sha.slice(0, 7) || 'unknown')} · run ${meta.run}${f.runUrl ? ` · [details](${f.runUrl})` : ''}${prose.source === 'llm' ? ' · prose by an LLM from the facts above' : ''}</sub>`,
    ];
    const secs = sections(f);
    const longest = Math.max(0, f.newFailures.length + f.stillFailing.length + f.fixed.length, f.rootCauses.length, f.flaky.length, f.newVulns.length);
    for (const itemLimit of [50, 20, 5]) {
        const body = [...head, ...secs.map((s) => s.render(itemLimit) + '\n'), ...footer].join('\n');
        if (body.length <= limit)
            return { body, truncated: longest > itemLimit };
    }
    const kept = [...secs].sort((a, b) => a.rank - b.rank);
    const note = "\n_Some sections were left out to fit GitHub's comment size limit; the job summary has them all._\n";
    while (kept.length) {
        const body = [...head, ...kept.map((s) => s.render(5) + '\n'), note, ...footer].join('\n');
        if (body.length <= limit)
            return { body, truncated: true };
        kept.pop();
    }
    return { body: [...head, note, ...footer].join('\n').slice(0, limit), truncated: true };
}


/***/ }),

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

/***/ 50593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O4: () => (/* binding */ costUsd),
/* harmony export */   ap: () => (/* binding */ parsePrices),
/* harmony export */   f7: () => (/* binding */ DEFAULT_PRICES),
/* harmony export */   xx: () => (/* binding */ priceOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

/**
 * Estimates only: Ollama's cloud is sold by plan, not by token, so these stand in for what a model
 * of that size costs per token from public inference providers. They exist to bound spend, not to
 * reproduce an invoice; override them with AI_CI_LLM_PRICES. `*` prices any model not listed.
 */
const DEFAULT_PRICES = Object.freeze({
    'gpt-oss:120b': { input: 0.15, output: 0.6 },
    'gpt-oss:20b': { input: 0.05, output: 0.2 },
    'qwen3-coder:480b': { input: 0.4, output: 1.6 },
    'deepseek-v3.1:671b': { input: 0.6, output: 1.7 },
    '*': { input: 1, output: 3 },
});
/** `{"model": {"input": 0.15, "output": 0.6}, "*": {...}}` in USD per million tokens. */
function parsePrices(json) {
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid AI_CI_LLM_PRICES: not valid JSON (${err.message}).`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('Invalid AI_CI_LLM_PRICES: expected an object such as {"gpt-oss:120b": {"input": 0.15, "output": 0.6}}.');
    }
    const out = { '*': DEFAULT_PRICES['*'] };
    for (const [model, value] of Object.entries(parsed)) {
        const input = value?.input;
        const output = value?.output;
        if (typeof input !== 'number' || typeof output !== 'number' || input < 0 || output < 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid AI_CI_LLM_PRICES entry '${model}': expected {"input": <USD per million tokens>, "output": <USD per million tokens>}.`);
        }
        out[model] = { input, output };
    }
    return out;
}
function priceOf(prices, model) {
    return prices[model] ?? prices[model.replace(/:latest$/, '')] ?? prices['*'] ?? DEFAULT_PRICES['*'];
}
function costUsd(price, promptTokens, completionTokens) {
    return (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}


/***/ }),

/***/ 4206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H1: () => (/* binding */ readLlmSettings),
/* harmony export */   tE: () => (/* binding */ isLoopbackUrl)
/* harmony export */ });
/* unused harmony exports STRATEGIES, DEFAULT_LOCAL_URL, DEFAULT_CLOUD_URL, normalizeOllamaUrl, rewriteForDocker */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89114);
/* harmony import */ var _timeouts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(95623);
/* harmony import */ var _prices_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50593);




const STRATEGIES = ['cost', 'latency', 'quality', 'hybrid'];
const DEFAULT_LOCAL_URL = 'http://localhost:11434';
const DEFAULT_CLOUD_URL = 'https://ollama.com';
/**
 * Reads the LLM inputs common to every action. Inputs come first (`INPUT_*`), then the seeds'
 * environment names; URLs, keys and tuning knobs come from the environment only.
 */
function readLlmSettings(inputs = new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0(), env = process.env) {
    const maxTokens = inputs.number({ name: 'max-tokens', env: ['AI_MAX_TOKENS'] }, { min: 16, max: 131072, integer: true }) ??
        1024;
    const numCtx = inputs.number({ name: 'context-window', env: ['OLLAMA_NUM_CTX'] }, { min: 512, max: 1_048_576, integer: true }) ?? 8192;
    if (maxTokens >= numCtx) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for input 'max-tokens': ${maxTokens} leaves no room for the prompt in a context window of ${numCtx} tokens. Lower max-tokens or raise context-window.`);
    }
    const promptBudget = inputs.number({ name: 'prompt-budget', env: ['AI_PROMPT_BUDGET'] }, { min: 64, max: numCtx - maxTokens, integer: true }) ?? numCtx - maxTokens;
    const configuredLocal = normalizeOllamaUrl(inputs.string({ name: 'ollama-url', env: ['OLLAMA_LOCAL_URL', 'OLLAMA_HOST'] }) ?? DEFAULT_LOCAL_URL, 'ollama-url');
    const dockerRaw = env.RUNNING_IN_DOCKER;
    const runningInDocker = dockerRaw !== undefined && dockerRaw.trim() !== '' && (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)(dockerRaw, 'RUNNING_IN_DOCKER');
    // OLLAMA_API_KEY is the name Ollama's own docs and libraries use for the same key.
    const cloudApiKey = inputs.string({
        name: 'cloud-api-key',
        env: ['OLLAMA_CLOUD_API_KEY', 'OLLAMA_API_KEY'],
    });
    return Object.freeze({
        model: inputs.string({ name: 'model', env: ['AI_MODEL', 'OLLAMA_MODEL'] }) ?? 'qwen2.5:7b-instruct',
        cloudModel: inputs.string({ name: 'cloud-model', env: ['OLLAMA_CLOUD_MODEL'] }) ?? 'gpt-oss:120b',
        maxTokens,
        numCtx,
        promptBudget,
        strategy: inputs.choice({ name: 'strategy', env: ['AI_CI_LLM_STRATEGY'] }, STRATEGIES) ?? 'hybrid',
        allowCloud: inputs.boolean({ name: 'allow-cloud', env: ['AI_CI_ALLOW_CLOUD'] }) ?? true,
        localUrl: runningInDocker ? rewriteForDocker(configuredLocal) : configuredLocal,
        localUrlConfigured: configuredLocal,
        runningInDocker,
        cloudUrl: normalizeOllamaUrl(env.OLLAMA_CLOUD_URL?.trim() || DEFAULT_CLOUD_URL, 'OLLAMA_CLOUD_URL'),
        ...(cloudApiKey ? { cloudApiKey } : {}),
        localTimeoutMs: (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutMs */ .G)('AI_CI_LLM_LOCAL_TIMEOUT_MS', 60_000, env),
        cloudTimeoutMs: (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutMs */ .G)('AI_CI_LLM_CLOUD_TIMEOUT_MS', 30_000, env),
        maxRetries: nonNegativeInt(env.AI_CI_LLM_MAX_RETRIES, 2, 'AI_CI_LLM_MAX_RETRIES'),
        retryBaseMs: (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutMs */ .G)('AI_CI_LLM_RETRY_BASE_MS', 500, env),
        retryAfterCapMs: (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutMs */ .G)('AI_CI_LLM_RETRY_AFTER_CAP_MS', 10_000, env),
        qualityPromptTokens: nonNegativeInt(env.AI_CI_LLM_QUALITY_PROMPT_TOKENS, 4000, 'AI_CI_LLM_QUALITY_PROMPT_TOKENS'),
        budgets: {
            perRunUsd: inputs.number({ name: 'cloud-budget-run', env: ['AI_CI_CLOUD_BUDGET_RUN'] }, { min: 0 }) ?? 0.25,
            perDayUsd: inputs.number({ name: 'cloud-budget-day', env: ['AI_CI_CLOUD_BUDGET_DAY'] }, { min: 0 }) ?? 2,
            perMonthUsd: inputs.number({ name: 'cloud-budget-month', env: ['AI_CI_CLOUD_BUDGET_MONTH'] }, { min: 0 }) ?? 20,
        },
        prices: env.AI_CI_LLM_PRICES?.trim() ? (0,_prices_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePrices */ .ap)(env.AI_CI_LLM_PRICES) : { ..._prices_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PRICES */ .f7 },
        seed: nonNegativeInt(env.AI_CI_LLM_SEED, 42, 'AI_CI_LLM_SEED'),
    });
}
/**
 * Accepts what users put in OLLAMA_HOST (`host`, `host:port`, `:port`, a full URL) and returns a
 * base URL without a trailing slash. Without a scheme Ollama's own convention applies: http and
 * port 11434.
 */
function normalizeOllamaUrl(raw, inputName) {
    let text = raw.trim();
    if (text.startsWith(':'))
        text = `127.0.0.1${text}`;
    const explicit = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
    let url;
    try {
        url = new URL(explicit ? text : `http://${text}`);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for '${inputName}': '${raw}'. Expected a URL such as http://localhost:11434.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for '${inputName}': '${raw}'. Expected an http:// or https:// URL.`);
    }
    if (!explicit && url.port === '')
        url.port = '11434';
    return url.toString().replace(/\/+$/, '');
}
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);
/** Inside a container, the host's Ollama is reached as host.docker.internal, not localhost. */
function rewriteForDocker(baseUrl) {
    const url = new URL(baseUrl);
    if (!LOOPBACK.has(url.hostname))
        return baseUrl;
    url.hostname = 'host.docker.internal';
    return url.toString().replace(/\/+$/, '');
}
function isLoopbackUrl(baseUrl) {
    return LOOPBACK.has(new URL(baseUrl).hostname);
}
function nonNegativeInt(raw, dflt, name) {
    if (raw === undefined || raw.trim() === '')
        return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for ${name}: '${raw}'. Expected a whole number of at least 0.`);
    }
    return n;
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
