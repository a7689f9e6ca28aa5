export const id = 441;
export const ids = [441,517];
export const modules = {

/***/ 57441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
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
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(11227);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(69928);
;// CONCATENATED MODULE: ./src/actions/ai-triage/explain.ts
const PROMPT_VERSION = 'triage-root-cause-v1';
const ANALYSIS_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    required: ['summary', 'explanation', 'suggested_fix', 'files', 'confidence'],
    properties: {
        summary: { type: 'string', maxLength: 300 },
        explanation: { type: 'string', maxLength: 2000 },
        suggested_fix: { type: 'string', maxLength: 2000 },
        files: { type: 'array', items: { type: 'string', maxLength: 300 }, maxItems: 10 },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
    },
};
const SYSTEM = [
    'You are a CI failure analyst. You are given the facts of one root cause of a failing CI run:',
    'its kind, where it points, the failing tests and the log lines that explain it.',
    'Explain in plain words why it fails and what change would fix it. Name only files that appear in the facts.',
    'Give a confidence between 0 and 1 that your explanation is right; say so when the facts are not enough.',
].join(' ');
function isAnalysis(v) {
    if (!v || typeof v !== 'object')
        return false;
    const o = v;
    return (typeof o.summary === 'string' &&
        typeof o.explanation === 'string' &&
        typeof o.suggested_fix === 'string' &&
        Array.isArray(o.files) &&
        typeof o.confidence === 'number');
}
/** The facts one LLM call sees, compact: the model never sees the raw log. */
function factsOf(rc) {
    const victims = rc.victims
        .slice(0, 10)
        .map((v) => `${v.name}${v.file ? `@${v.file}${v.line ? `:${v.line}` : ''}` : ''}`);
    return [
        `kind:${rc.kind}|where:${rc.file ?? '?'}${rc.line ? `:${rc.line}` : ''}|failing_tests:${rc.victims.length}|flaky:${rc.flaky}|infra:${rc.infra}`,
        `title:${rc.title}`,
        victims.length
            ? `tests:${victims.join('|')}${rc.victims.length > 10 ? `|+${rc.victims.length - 10} more` : ''}`
            : '',
    ]
        .filter(Boolean)
        .join('\n');
}
/**
 * Adds the LLM's explanation to each root cause (background audience). The deterministic report
 * is never changed: a failed or unavailable call leaves `{skipped: why}`. Known fingerprints are
 * answered from the decision cache without a call.
 */
async function explainRootCauses(report, deps) {
    let calls = 0;
    let cacheHits = 0;
    const max = deps.maxCalls ?? 5;
    for (const rc of report.root_causes) {
        if (rc.infra) {
            rc.llm = { skipped: 'infrastructure failure: nothing to explain in the code' };
            continue;
        }
        const key = {
            kind: 'triage-root-cause',
            model: deps.model,
            promptVersion: PROMPT_VERSION,
            inputs: { fingerprint: rc.fingerprint, kind: rc.kind, title: rc.title, file: rc.file },
            temperature: 0,
        };
        const hit = deps.cache ? await deps.cache.get(key, isAnalysis) : undefined;
        if (hit) {
            rc.llm = hit.value;
            cacheHits++;
            continue;
        }
        if (!deps.llm) {
            rc.llm = { skipped: 'LLM disabled' };
            continue;
        }
        if (calls >= max) {
            rc.llm = { skipped: `only the first ${max} root causes are explained per run` };
            continue;
        }
        calls++;
        const res = await deps.llm.complete({
            audience: 'background',
            system: SYSTEM,
            prompt: `Facts of the root cause:\n${factsOf(rc)}`,
            data: [
                {
                    label: 'explaining log lines',
                    text: rc.lines.map((l) => `${l.source}:${l.n}: ${l.text}`).join('\n'),
                },
            ],
            schema: ANALYSIS_SCHEMA,
            mode: 'analysis',
            action: 'ai-triage',
        });
        if (!res.ok) {
            rc.llm = { skipped: res.reason };
            if (res.reason)
                deps.logger.debug(`ai-triage: no LLM explanation for ${rc.fingerprint}: ${res.reason}`);
            // One backend outage answers the same for every root cause: stop asking.
            if (/no LLM|unreachable|refused|timed out|not configured/i.test(res.reason)) {
                for (const rest of report.root_causes) {
                    if ('skipped' in rest.llm && rest.llm.skipped === 'not requested')
                        rest.llm = { skipped: res.reason };
                }
                break;
            }
            continue;
        }
        rc.llm = res.value;
        if (deps.cache)
            await deps.cache.put(key, {
                value: res.value,
                confidence: res.value.confidence,
                latencyMs: res.latencyMs,
            });
    }
    return { calls, cacheHits };
}

// EXTERNAL MODULE: ./src/core/cache/tiered-store.ts
var tiered_store = __webpack_require__(78517);
// EXTERNAL MODULE: ./src/parsers/types.ts
var types = __webpack_require__(35429);
;// CONCATENATED MODULE: ./src/actions/ai-triage/history.ts


const FINGERPRINTS_KEY = 'triage:fingerprints';
const MAX_FINGERPRINTS = 1000;
const MAX_OCCURRENCES = 5;
async function loadHistory(baseline) {
    const h = await baseline.loadTestHistory();
    const map = new Map();
    for (const [name, outcomes] of Object.entries(h.tests)) {
        map.set(name, outcomes.map((o) => ({
            sha: o.sha,
            runId: o.runId,
            outcome: o.outcome === 'flaky' ? 'failed' : o.outcome,
        })));
    }
    return map;
}
/** Every test outcome of this run, passing runs included: flaky detection, timings and metrics read it. */
async function recordOutcomes(baseline, reports, run) {
    const outcomes = {};
    for (const { report } of reports) {
        for (const t of report.tests) {
            const name = (0,types/* testDisplayName */.WJ)(t);
            const outcome = t.status === 'passed'
                ? t.attempts > 1
                    ? 'flaky'
                    : 'passed'
                : t.status === 'skipped'
                    ? 'skipped'
                    : 'failed';
            // A test that ran in several matrix legs counts once per run: a failure anywhere wins.
            const prev = outcomes[name];
            if (prev && prev.outcome === 'failed')
                continue;
            outcomes[name] = { outcome, durationMs: Math.max(0, Math.round(t.durationMs ?? 0)) };
        }
    }
    const n = Object.keys(outcomes).length;
    if (n)
        await baseline.recordTestOutcomes({ ...run, outcomes });
    return n;
}
async function loadKnownFingerprints(store) {
    const raw = await store.get(FINGERPRINTS_KEY);
    const map = new Map();
    if (!raw)
        return map;
    try {
        const doc = JSON.parse(raw);
        for (const [fp, occ] of Object.entries(doc))
            if (Array.isArray(occ))
                map.set(fp, occ);
    }
    catch {
        // An unreadable index only loses the "seen before" links; it is rebuilt from this run on.
    }
    return map;
}
/** Names the fingerprint-index merge so writes kept in a fallback tier during a Redis outage are replayed into Redis. */
const FINGERPRINTS_MERGER = 'triage-fingerprints';
/** Adds one run to the fingerprint index (newest first, bounded); replaying the same run changes nothing. */
function mergeFingerprints(current, payloadText) {
    const p = JSON.parse(payloadText);
    let doc;
    try {
        doc = current ? JSON.parse(current) : {};
    }
    catch {
        doc = {};
    }
    for (const fp of p.fingerprints) {
        const prev = (doc[fp] ?? []).filter((o) => o.runId !== p.run.runId);
        // Sorted by time, not by arrival: a replayed older run must not displace newer ones.
        doc[fp] = [p.run, ...prev].sort((a, b) => b.time.localeCompare(a.time)).slice(0, MAX_OCCURRENCES);
    }
    const entries = Object.entries(doc).sort((a, b) => (b[1][0]?.time ?? '').localeCompare(a[1][0]?.time ?? ''));
    return JSON.stringify(Object.fromEntries(entries.slice(0, MAX_FINGERPRINTS)));
}
(0,tiered_store/* registerMerger */.S)(FINGERPRINTS_MERGER, mergeFingerprints);
/** Adds this run's root causes to the fingerprint index (newest first, bounded). */
async function recordFingerprints(store, report, run) {
    if (!report.root_causes.length)
        return;
    // A merge, not an update: a merge made on a fallback tier is journaled and reaches Redis later.
    const payload = { run, fingerprints: report.root_causes.map((rc) => rc.fingerprint) };
    await store.merge(FINGERPRINTS_KEY, FINGERPRINTS_MERGER, JSON.stringify(payload));
}

// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(89114);
// EXTERNAL MODULE: ./src/core/llm/settings.ts
var settings = __webpack_require__(4206);
;// CONCATENATED MODULE: ./src/actions/ai-triage/inputs.ts


function getInputs(inputs = new core_inputs/* Inputs */.G0()) {
    return Object.freeze({
        logs: inputs.globs('logs') ?? [],
        reports: inputs.globs('reports') ?? [],
        passingLog: inputs.string('passing-log'),
        fetchJobLogs: inputs.boolean('fetch-job-logs') ?? false,
        confidenceThreshold: inputs.number({ name: 'confidence-threshold', env: ['AI_CONFIDENCE_THRESHOLD'] }, { min: 0, max: 1 }) ??
            0.9,
        historyWindow: inputs.number('history-window', { min: 1, max: 1000, integer: true }) ?? 30,
        outputDir: inputs.string('output-dir') ?? 'ai_analysis',
        llmEnabled: inputs.boolean({ name: 'llm', env: ['AI_CI_LLM'] }) ?? true,
        llm: (0,settings/* readLlmSettings */.H1)(inputs),
    });
}

;// CONCATENATED MODULE: ./src/actions/ai-triage/render.ts
/** GitHub shows at most 10 error annotations per step; the most important come first. */
const MAX_ANNOTATIONS = 10;
function annotationsFor(report) {
    const out = [];
    const seen = new Set();
    for (const rc of report.root_causes) {
        if (!rc.file)
            continue;
        const key = `${rc.file}:${rc.line ?? ''}:${rc.fingerprint}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const victims = rc.victims.length
            ? ` (${rc.victims.length} failing test${rc.victims.length === 1 ? '' : 's'})`
            : '';
        out.push({
            level: rc.infra || rc.flaky ? 'warning' : 'error',
            message: `${rc.kind}: ${rc.title}${victims}`,
            props: {
                file: rc.file,
                ...(rc.line ? { line: rc.line } : {}),
                title: rc.infra ? 'ai-triage: infrastructure' : rc.flaky ? 'ai-triage: flaky' : 'ai-triage',
            },
        });
        if (out.length >= MAX_ANNOTATIONS)
            break;
    }
    return out;
}
function md(text) {
    // Text from logs is data: it must not become markup, a mention or a link in the summary.
    return text.replace(/[\\`*_{}[\]<>|#!]/g, (c) => `\\${c}`).replace(/@(?=\w)/g, '@\u200b');
}
function where(rc) {
    return rc.file ? `\`${rc.file}${rc.line ? `:${rc.line}` : ''}\`` : '';
}
/** The job summary: root causes, their victims, flaky tests. */
function summaryMarkdown(report, notes) {
    const lines = ['## ai-triage', '', md(report.summary), ''];
    if (report.root_causes.length) {
        lines.push('| # | kind | root cause | where | failing tests | confidence | fix confidence |', '| --- | --- | --- | --- | --- | --- | --- |');
        report.root_causes.forEach((rc, i) => {
            const tags = [rc.flaky ? 'flaky' : '', rc.infra ? 'infra' : ''].filter(Boolean).join(', ');
            lines.push(`| ${i + 1} | ${rc.kind}${tags ? ` (${tags})` : ''} | ${md(rc.title)} | ${where(rc)} | ${rc.victims.length} | ${rc.confidence.toFixed(2)} | ${rc.fix_confidence.toFixed(2)}${rc.fixable ? ' ✔' : ''} |`);
        });
        lines.push('');
        for (const [i, rc] of report.root_causes.entries()) {
            lines.push(`<details><summary>${i + 1}. ${md(rc.title)}</summary>`, '');
            if (rc.victims.length) {
                lines.push('Failing tests:', '');
                for (const v of rc.victims.slice(0, 20))
                    lines.push(`- ${md(v.name)}${v.file ? ` (\`${v.file}${v.line ? `:${v.line}` : ''}\`)` : ''}`);
                if (rc.victims.length > 20)
                    lines.push(`- … and ${rc.victims.length - 20} more`);
                lines.push('');
            }
            if (rc.lines.length) {
                lines.push('```text', ...rc.lines.slice(0, 15).map((l) => `${l.source}:${l.n}: ${l.text.replace(/```/g, "'''")}`), '```', '');
            }
            if ('summary' in rc.llm)
                lines.push(`**Explanation** (LLM): ${md(rc.llm.explanation)}`, '', `**Suggested fix**: ${md(rc.llm.suggested_fix)}`, '');
            else
                lines.push(`_LLM explanation: ${md(rc.llm.skipped)}_`, '');
            lines.push('</details>', '');
        }
    }
    if (report.flaky_tests.length) {
        lines.push('### Flaky tests', '', '| test | evidence |', '| --- | --- |');
        for (const f of report.flaky_tests)
            lines.push(`| ${md(f.name)} | ${md(f.evidence)} |`);
        lines.push('');
    }
    for (const n of notes)
        lines.push(`> ${md(n)}`, '');
    return lines.join('\n');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/actions/ai-triage/fingerprint.ts

/**
 * Masks what differs between two occurrences of the same failure (numbers, ids, hashes, times,
 * temp paths, quoted values) so that they normalize to the same text.
 */
function maskMessage(text) {
    return text
        .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
        .replace(/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?\b/g, '<time>')
        .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
        .replace(/\b0x[0-9a-f]+\b/gi, '<hex>')
        .replace(/\b[0-9a-f]{7,64}\b/gi, (m) => (/\d/.test(m) && /[a-f]/i.test(m) ? '<hex>' : m))
        .replace(/(?:\/tmp|\/var\/folders|\/home\/runner\/work\/_temp|C:\\Users\\[^\\]+\\AppData\\Local\\Temp)[^\s'"`)]*/g, '<tmp>')
        .replace(/(["'`])(?:(?!\1).){0,200}\1/g, '<str>')
        .replace(/\b\d+(?:\.\d+)?(?:ms|s|m|h|kb|mb|gb|%)?\b/gi, '<n>')
        .replace(/\s+/g, ' ')
        .trim();
}
const NON_APP = /node_modules\/|node:internal|\(internal\/|site-packages\/|dist-packages\/|\/usr\/lib\/|\/lib\/python\d|runtime\/|testing\/testing\.go|\/go\/src\/|<anonymous>|jest-circus|mocha\/lib|_pytest\//;
/** In-app stack frames (not the test runner's, the runtime's or a dependency's), top first. */
function inAppFrames(stack, limit = 3) {
    const frames = [];
    for (const raw of stack.split(/\r?\n/)) {
        const line = raw.trim();
        if (NON_APP.test(line))
            continue;
        let m = /^at (?:(.+?) \()?(?:file:\/\/)?([^():\s]+\.[a-z]+):(\d+)(?::\d+)?\)?$/.exec(line); // JS
        if (m) {
            frames.push({ file: m[2], line: Number(m[3]), fn: m[1] });
        }
        else if ((m = /^File "([^"]+)", line (\d+)(?:, in (\S+))?/.exec(line))) {
            frames.push({ file: m[1], line: Number(m[2]), fn: m[3] }); // Python
        }
        else if ((m = /^([^\s:]+\.go):(\d+)/.exec(line))) {
            frames.push({ file: m[1], line: Number(m[2]) }); // Go
        }
        else if ((m = /^at ([\w.$]+)\(([\w$]+\.(?:java|kt|scala)):(\d+)\)/.exec(line))) {
            frames.push({ file: m[2], line: Number(m[3]), fn: m[1] }); // JVM
        }
        if (frames.length >= limit)
            break;
    }
    return frames;
}
function shortHash(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 16);
}
/**
 * The identity of a root cause: the same failure in another run, job or matrix leg gets the same
 * fingerprint. Compile-like failures are keyed by kind, place and masked message; failures with a
 * stack by the message template and the in-app frame that raised it.
 */
function fingerprint(f) {
    const msg = maskMessage(f.message);
    if (f.kind === 'compile' ||
        f.kind === 'type' ||
        f.kind === 'import' ||
        f.kind === 'lint' ||
        f.kind === 'dependency') {
        return shortHash(`${f.kind}|${f.file ?? ''}|${msg}`);
    }
    const frames = f.detail ? inAppFrames(f.detail, 2) : [];
    // An assertion is located by the exact line that asserted; an exception by the function that threw.
    const where = frames.length > 0
        ? frames
            .map((fr) => (f.kind === 'assertion' ? `${fr.file}:${fr.line ?? ''}` : `${fr.file}#${fr.fn ?? ''}`))
            .join('>')
        : `${f.testFile ?? f.file ?? ''}|${f.test ?? ''}`;
    return shortHash(`${f.kind}|${msg}|${where}`);
}

;// CONCATENATED MODULE: ./src/actions/ai-triage/cluster.ts

const CAUSE_KINDS = new Set(['compile', 'type', 'import', 'dependency']);
const MAX_LINES_PER_CAUSE = 30;
function normName(s) {
    return s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}
/**
 * A test reported both in a structured report and in the raw log is one failure: the report's
 * facts, with the log's lines when the log says more.
 */
function mergeDuplicates(failures) {
    const reported = failures.filter((f) => f.origin === 'report' && f.test);
    const byName = new Map();
    for (const f of reported)
        byName.set(normName(f.test), f);
    const out = [];
    for (const f of failures) {
        if (f.origin === 'log' && f.test) {
            const n = normName(f.test);
            const match = byName.get(n) ?? [...byName.entries()].find(([k]) => k.endsWith(n) || n.endsWith(k))?.[1];
            if (match) {
                if (f.lines.length)
                    match.lines = mergeLines(f.lines, match.lines);
                match.alsoIn = [...new Set([...(match.alsoIn ?? []), f.source])];
                if (!match.file && f.file) {
                    match.file = f.file;
                    match.line = f.line;
                }
                continue;
            }
        }
        out.push(f);
    }
    return out;
}
function mergeLines(a, b) {
    const seen = new Set();
    const out = [];
    for (const l of [...a, ...b]) {
        const k = `${l.source}:${l.n}`;
        if (seen.has(k))
            continue;
        seen.add(k);
        out.push(l);
    }
    return out;
}
/** What a cause is called in other failures' messages: its file and the module it could not find. */
function causeMentions(f) {
    const out = [];
    if (f.file) {
        out.push(f.file);
        const noExt = f.file.replace(/\.[a-z]+$/i, '');
        if (noExt.includes('/'))
            out.push(noExt);
    }
    const spec = /Cannot find module '([^']+)'/.exec(f.message) ??
        /No module named '([^']+)'/.exec(f.message) ??
        /cannot find package "([^"]+)"/.exec(f.message) ??
        /Failed to resolve import "([^"]+)"/.exec(f.message);
    if (spec)
        out.push(spec[1]);
    return out.filter((s) => s.length >= 4);
}
function mentions(f, needles) {
    const hay = `${f.message}\n${f.detail ?? ''}\n${f.lines.map((l) => l.text).join('\n')}`;
    return needles.some((n) => hay.includes(n));
}
/**
 * Groups failures by fingerprint across every input (tools, matrix jobs), then collapses the
 * failures a compile, type, import or dependency error caused into that one root cause.
 */
function clusterFailures(input) {
    const failures = mergeDuplicates(input);
    const byFp = new Map();
    for (const f of failures) {
        const fp = fingerprint(f);
        let c = byFp.get(fp);
        if (!c) {
            c = { fingerprint: fp, kind: f.kind, failures: [], collapsed: [] };
            byFp.set(fp, c);
        }
        c.failures.push(f);
    }
    const clusters = [...byFp.values()];
    // A cause points at code (a compile, type, import or dependency error with a place); a test
    // suite that failed to run with the same kind of error is a victim of it, not a cause.
    const isSuiteFailure = (c) => c.failures.every((f) => f.test !== undefined);
    const causes = clusters.filter((c) => CAUSE_KINDS.has(c.kind) && !isSuiteFailure(c));
    const absorbed = new Set();
    for (const cause of causes) {
        if (absorbed.has(cause))
            continue;
        const needles = [...new Set(cause.failures.flatMap(causeMentions))];
        if (needles.length === 0)
            continue;
        for (const other of clusters) {
            if (other === cause || absorbed.has(other) || other.kind === 'infra')
                continue;
            if (causes.includes(other))
                continue;
            if (other.failures.every((f) => mentions(f, needles))) {
                cause.collapsed.push(...other.failures);
                absorbed.add(other);
            }
        }
    }
    return clusters.filter((c) => !absorbed.has(c));
}
function victimsOf(c) {
    const seen = new Set();
    const out = [];
    for (const f of [...c.failures, ...c.collapsed]) {
        if (!f.test)
            continue;
        const key = `${f.test}|${f.source}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({
            name: f.test,
            file: f.testFile ?? (f.origin === 'report' ? null : (f.file ?? null)),
            line: f.testLine ?? null,
            source: f.source,
        });
    }
    return out;
}
/** The lines that explain a root cause: each source's first occurrence, then the victims', capped. */
function linesOf(c) {
    const out = [];
    const seen = new Set();
    const bySource = new Map();
    for (const f of c.failures)
        if (!bySource.has(f.source))
            bySource.set(f.source, f);
    for (const f of [...bySource.values(), ...c.collapsed.slice(0, 3)]) {
        for (const l of f.lines) {
            const k = `${l.source}:${l.n}`;
            if (seen.has(k))
                continue;
            seen.add(k);
            out.push(l);
            if (out.length >= MAX_LINES_PER_CAUSE)
                return out;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/actions/ai-triage/confidence.ts
/**
 * How sure the triage is that a cluster is a real root cause, from the evidence behind it: a
 * structured report with a location beats a tool-specific log extractor, which beats the generic
 * extractor. Calibrated on the committed fixtures (bench: triage-calibration).
 */
function rootCauseConfidence(c) {
    const f = c.failures;
    const confirmed = f.some((x) => x.confirmed);
    const located = f.some((x) => x.file && x.line);
    const generic = f.every((x) => x.origin === 'log' && (x.tool === 'generic' || x.tool === 'unknown'));
    let score;
    if (confirmed)
        score = located ? 0.95 : 0.85;
    else if (generic)
        score = located ? 0.6 : 0.5;
    else
        score = located ? 0.9 : 0.8;
    if (new Set(f.map((x) => x.origin)).size > 1)
        score += 0.03;
    if (c.kind === 'unknown')
        score = Math.min(score, 0.4);
    return round2(Math.min(score, 0.99));
}
const FIX_BY_KIND = {
    lint: 0.95,
    import: 0.93,
    type: 0.92,
    compile: 0.9,
    snapshot: 0.6,
    assertion: 0.55,
    exception: 0.5,
    dependency: 0.3,
    timeout: 0.15,
    unknown: 0.1,
    infra: 0,
};
/**
 * How likely an automated fix is to be right: high for a missing import or a type error with a
 * location, low for a timeout; nothing for flaky or infrastructure failures, which code changes
 * do not fix.
 */
function fixConfidence(c, opts) {
    if (opts.infra)
        return 0;
    if (opts.flaky)
        return 0.05;
    const located = c.failures.some((x) => x.file && x.line);
    let v = FIX_BY_KIND[c.kind] * (located ? 1 : 0.6);
    // A fix is never more certain than the diagnosis it fixes.
    v = Math.min(v, opts.confidence);
    return round2(v);
}
function round2(n) {
    return Math.round(n * 100) / 100;
}

;// CONCATENATED MODULE: ./src/actions/ai-triage/flaky.ts

const DEFAULT_FLAKY = { window: 30, flipRate: 0.3, minRuns: 5 };
function currentOutcomes(reports) {
    const out = [];
    for (const { source, report } of reports) {
        for (const t of report.tests) {
            const name = (0,types/* testDisplayName */.WJ)(t);
            out.push({ name, outcome: t.status, attempts: t.attempts, source });
        }
    }
    return out;
}
/**
 * Flaky tests and the evidence that names them: retried-and-passed in this run, both outcomes on
 * one commit (this run's matrix or history), or a flip rate over the window.
 */
function detectFlaky(current, sha, history, settings = DEFAULT_FLAKY) {
    const evidence = new Map();
    const add = (name, why) => {
        if (!evidence.has(name))
            evidence.set(name, why);
    };
    for (const t of current) {
        if (t.outcome === 'passed' && t.attempts > 1)
            add(t.name, `failed, then passed on attempt ${t.attempts} (${t.source})`);
    }
    const byName = new Map();
    for (const t of current)
        byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
    for (const [name, outs] of byName) {
        const passed = outs.some((o) => o.outcome === 'passed');
        const failed = outs.some((o) => o.outcome === 'failed' || o.outcome === 'error');
        if (passed && failed)
            add(name, `passed and failed on the same commit in this run (${outs.map((o) => o.source).join(', ')})`);
    }
    const names = new Set([...byName.keys(), ...history.keys()]);
    for (const name of names) {
        const past = history.get(name) ?? [];
        const now = byName.get(name) ?? [];
        const sameSha = [
            ...past.filter((h) => h.sha === sha && sha !== ''),
            ...now.map((o) => ({ sha, outcome: o.outcome })),
        ];
        const bad = (o) => o === 'failed' || o === 'error';
        if (sameSha.some((h) => h.outcome === 'passed') && sameSha.some((h) => bad(h.outcome))) {
            add(name, `passed and failed on commit ${sha.slice(0, 7)}`);
            continue;
        }
        const pastShas = new Map();
        for (const h of past) {
            if (!h.sha)
                continue;
            const s = pastShas.get(h.sha) ?? new Set();
            s.add(bad(h.outcome) ? 'failed' : h.outcome);
            pastShas.set(h.sha, s);
        }
        const both = [...pastShas.entries()].find(([, s]) => s.has('passed') && s.has('failed'));
        if (both) {
            add(name, `passed and failed on commit ${both[0].slice(0, 7)}`);
            continue;
        }
        const seq = [...past, ...now.map((o) => ({ sha, outcome: o.outcome }))]
            .filter((h) => h.outcome !== 'skipped')
            .slice(-settings.window)
            .map((h) => (bad(h.outcome) ? 'F' : 'P'));
        if (seq.length >= settings.minRuns) {
            let flips = 0;
            for (let i = 1; i < seq.length; i++)
                if (seq[i] !== seq[i - 1])
                    flips++;
            const rate = flips / (seq.length - 1);
            if (rate >= settings.flipRate && seq.includes('P') && seq.includes('F')) {
                add(name, `flip rate ${Math.round(rate * 100)}% over the last ${seq.length} runs`);
            }
        }
    }
    return [...evidence.entries()]
        .map(([name, ev]) => ({ name, evidence: ev }))
        .sort((a, b) => a.name.localeCompare(b.name));
}

// EXTERNAL MODULE: ./src/core/redact.ts + 1 modules
var redact = __webpack_require__(37394);
;// CONCATENATED MODULE: ./src/actions/ai-triage/classify.ts
/**
 * Infrastructure failures: the code did not fail, the machine or network did. Labelled as such so
 * nobody "fixes" code for a registry outage, and so auto-fix never touches them.
 */
const INFRA_PATTERNS = [
    /\bE(?:CONNRESET|CONNREFUSED|TIMEDOUT|AI_AGAIN|NOTFOUND|HOSTUNREACH|PIPE)\b/,
    /\bsocket hang up\b/i,
    /\bnetwork (?:error|timeout|is unreachable)\b/i,
    /\bCould not resolve host\b/i,
    /\bTemporary failure in name resolution\b/i,
    /\bNo space left on device\b/i,
    /\bENOSPC\b/,
    /\bJavaScript heap out of memory\b/i,
    /\bOut of memory\b|\bOOMKilled\b|\bKilled\b.*\bsignal 9\b|\bexit code 137\b/i,
    /\bThe runner has received a shutdown signal\b/i,
    /\blost communication with the server\b/i,
    /\bThe operation was canceled\b/i,
    /\b(?:API )?rate limit(?:ed| exceeded)?\b/i,
    /\b(?:HTTP|status(?: code)?)[ :]*(?:429|502|503|504)\b/i,
    /\b(?:502 Bad Gateway|503 Service Unavailable|504 Gateway Time-?out)\b/i,
    /\bnpm ERR! (?:network|code E(?:CONNRESET|TIMEDOUT|AI_AGAIN))\b/i,
    /\bTLS handshake timeout\b/i,
    /\btoomanyrequests\b/i,
];
function isInfra(text) {
    return INFRA_PATTERNS.some((re) => re.test(text));
}
/** The kind a failure message shows, when it shows one; `undefined` leaves the tool's own kind. */
function kindFromMessage(text) {
    if (isInfra(text))
        return 'infra';
    if (/\bsnapshot\b.*\b(?:mismatch|failed|obsolete)|toMatch(?:Inline)?Snapshot\b|Snapshot `[^`]*` mismatched/i.test(text))
        return 'snapshot';
    // An identifier that is not defined at run time is, nearly always, a missing import or declaration.
    if (/\bReferenceError(?: \[\w+\])?: \w+ is not defined\b|\bNameError: name '\w+' is not defined\b/.test(text))
        return 'import';
    if (/\bCannot find module\b|\bModuleNotFoundError\b|\bImportError\b|\bERR_MODULE_NOT_FOUND\b|\bno required module provides package\b|\bcannot find package\b|\bNo module named\b|\bFailed to resolve import\b/i.test(text))
        return 'import';
    if (/\berror TS\d+\b|\bTS\d{4}:|\bTypeError: .* is not a function\b.*\btype\b|\bis not assignable to\b|\bhas no exported member\b|\bProperty '.*' does not exist on type\b/.test(text))
        return 'type';
    if (/\b(?:Exceeded timeout of \d+|Timeout of \d+ ?ms exceeded|timed out after|test timed out|panic: test timed out|TimeoutError|Timeout - Async callback)\b/i.test(text))
        return 'timeout';
    if (/\bSyntaxError\b|\bcompilation failed\b|\bCOMPILATION ERROR\b|\bcannot compile\b|\bbuild failed\b|\bundefined: \w+|\bdeclared and not used\b|\bexpected ['"`;]/i.test(text))
        return 'compile';
    if (/\bAssertionError\b|\bexpect\(|\bassert(?:ion)?\b.*\b(?:failed|error)\b|\bExpected\b[\s\S]*\bReceived\b|\bexpected .* to (?:equal|be|deep)|^\s*assert |Error: Not equal|\bshould (?:equal|be)\b/im.test(text))
        return 'assertion';
    if (/\b(?:ERESOLVE|peer dep(?:endency)?|Could not resolve dependencies|version solving failed|unable to resolve dependency|No matching version found|ETARGET|npm ERR! code E404)\b/i.test(text))
        return 'dependency';
    if (/\b(?:\w*Error|\w*Exception|panic):|\bTraceback \(most recent call last\)|\bUnhandled\b|\bthrew\b/.test(text))
        return 'exception';
    return undefined;
}
/** The kind a log extractor reported, refined by the message when the message is more specific. */
function classify(toolKind, text) {
    const fromText = kindFromMessage(text);
    if (fromText === 'infra')
        return 'infra';
    const base = normalizeKind(toolKind);
    // The tool knows compile/lint/type better than a message regex; the message knows snapshots,
    // timeouts and missing modules better than a generic "exception".
    if (base && base !== 'exception' && base !== 'unknown' && base !== 'assertion')
        return base;
    if (base === 'assertion' && fromText && fromText !== 'exception')
        return fromText === 'assertion' ? 'assertion' : fromText;
    return fromText ?? base ?? 'unknown';
}
function normalizeKind(k) {
    switch (k) {
        case 'assertion':
        case 'exception':
        case 'timeout':
        case 'snapshot':
        case 'compile':
        case 'type':
        case 'import':
        case 'lint':
        case 'dependency':
        case 'infra':
        case 'unknown':
            return k;
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/actions/ai-triage/normalize.ts






const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const RUNNER_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/;
/** Text quoted in reports: no colours, no runner timestamps, no secrets. */
function cleanText(text) {
    return (0,redact/* redact */.E$)(text
        .split(/\r\n|\r|\n/)
        .map((l) => l.replace(ANSI, '').replace(RUNNER_TIMESTAMP, ''))
        .join('\n'));
}
const MAX_DETAIL_LINES = 12;
function xmlEscaped(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/**
 * Where the message and stack of a failed test stand in its report file, so that every quoted
 * line carries the line number a reader can open. Lines are searched in order, as written.
 */
function locateLines(source, fileLines, detail) {
    const wanted = detail
        .split(/\r?\n/)
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '')
        .slice(0, MAX_DETAIL_LINES);
    const out = [];
    let from = 0;
    for (const text of wanted) {
        const needle = text.trim();
        let found = -1;
        if (fileLines) {
            const esc = xmlEscaped(needle);
            const jsonEsc = JSON.stringify(needle).slice(1, -1);
            for (let i = from; i < fileLines.length; i++) {
                const l = fileLines[i];
                if (l.includes(needle) || l.includes(esc) || l.includes(jsonEsc)) {
                    found = i;
                    break;
                }
            }
        }
        if (found >= 0) {
            out.push({ source, n: found + 1, text: cleanText(text) });
            // JSON reports hold a whole message on one line: later lines may be on the same line.
            from = found;
        }
    }
    return out;
}
function failuresFromTestReport(report, source, fileLines, root) {
    const out = [];
    for (const t of report.tests) {
        if (t.status !== 'failed' && t.status !== 'error')
            continue;
        const detailRaw = [t.message ?? '', t.stack ?? ''].filter(Boolean).join('\n');
        const detail = cleanText(dedupeMessageInStack(t.message ?? '', t.stack ?? ''));
        const message = firstLine(cleanText(t.message ?? t.stack ?? `${t.name} failed`));
        const frames = inAppFrames(detail, 1);
        const frame = frames[0];
        const file = relativeFile(frame?.file, root) ?? t.file ?? undefined;
        out.push({
            source,
            origin: 'report',
            tool: report.kind,
            // Test names are report text too: a secret in a parametrized name must not reach the report.
            test: (0,redact/* redact */.E$)(t.name ? (0,types/* testDisplayName */.WJ)(t) : t.id),
            testFile: relativeFile(t.file ?? undefined, root),
            testLine: t.line ?? undefined,
            kind: classify(t.status === 'error' ? 'exception' : 'assertion', detailRaw || message),
            message,
            detail,
            file,
            line: frame ? frame.line : (t.line ?? undefined),
            lines: locateLines(source, fileLines, detail || message),
            confirmed: true,
            status: t.status,
            attempts: t.attempts,
        });
    }
    return out;
}
function failuresFromLogReport(report, source, root) {
    return report.failures.map((f) => {
        const text = f.lines.map((l) => l.text).join('\n');
        const message = firstMeaningfulLine(f.lines.map((l) => l.text)) ?? f.item;
        return {
            source,
            origin: 'log',
            tool: report.tool,
            test: looksLikeTest(f.kind, f.item, report.tool) ? f.item : undefined,
            kind: classify(f.kind, `${f.item}\n${text}`),
            message: cleanText(message),
            detail: cleanText(text),
            file: relativeFile(f.file ?? undefined, root),
            line: f.line ?? undefined,
            lines: f.lines.map((l) => ({ source, n: l.n, text: cleanText(l.text) })),
            confirmed: false,
        };
    });
}
const TEST_RUNNERS = new Set([
    'jest',
    'vitest',
    'mocha',
    'node-test',
    'pytest',
    'go',
    'gotest',
    'maven',
    'gradle',
    'surefire',
]);
/** A finding of a test runner names a test unless it is a build-level problem (compile, lint, ...). */
function looksLikeTest(kind, item, tool) {
    if (item.trim() === '')
        return false;
    if (kind === 'assertion' || kind === 'exception' || kind === 'timeout' || kind === 'snapshot')
        return true;
    return kind === 'unknown' && TEST_RUNNERS.has(tool);
}
function dedupeMessageInStack(message, stack) {
    if (!stack)
        return message;
    if (!message || stack.includes(message.split('\n')[0]))
        return stack;
    return `${message}\n${stack}`;
}
function firstLine(s) {
    return (s.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 500);
}
const ERRORISH = /error|fail|panic|exception|assert|expected|cannot|undefined|not found|denied|timeout|timed out/i;
function firstMeaningfulLine(lines) {
    const clean = lines
        .map((l) => l.replace(ANSI, '').replace(RUNNER_TIMESTAMP, '').trim())
        .filter((l) => l !== '');
    return (clean.find((l) => ERRORISH.test(l)) ?? clean[0])?.slice(0, 500);
}
/** Frames carry absolute runner paths (`/home/runner/work/repo/repo/src/a.ts`): make them repo-relative. */
function relativeFile(file, root) {
    if (!file)
        return undefined;
    let f = file.replace(/^file:\/\//, '').replace(/\\/g, '/');
    const r = root.replace(/\\/g, '/').replace(/\/$/, '');
    if (f.startsWith(r + '/'))
        f = f.slice(r.length + 1);
    const gh = /^\/home\/runner\/work\/[^/]+\/[^/]+\/(.*)$/.exec(f);
    if (gh)
        f = gh[1];
    if (f.startsWith('/'))
        f = existingSuffix(f, r) ?? f;
    return f.replace(/^\.\//, '');
}
const suffixCache = new Map();
/**
 * Reports made in another place (a container's /app, another machine's checkout) name absolute
 * paths: the longest tail of the path that exists in the workspace is the file meant.
 */
function existingSuffix(abs, root) {
    const key = `${root}\0${abs}`;
    if (suffixCache.has(key))
        return suffixCache.get(key);
    const parts = abs.split('/').filter(Boolean);
    let found;
    for (let i = 1; i < parts.length; i++) {
        const candidate = parts.slice(i).join('/');
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, candidate))) {
            found = candidate;
            break;
        }
    }
    suffixCache.set(key, found);
    return found;
}

;// CONCATENATED MODULE: ./src/actions/ai-triage/triage.ts




/** The deterministic triage: the whole result, with no LLM and no network. */
function triage(input) {
    const failures = [
        ...input.testReports.flatMap((r) => failuresFromTestReport(r.report, r.source, r.lines, input.root)),
        ...input.logReports.flatMap((r) => failuresFromLogReport(r.report, r.source, input.root)),
    ];
    const flakyTests = detectFlaky(currentOutcomes(input.testReports), input.sha, input.history, input.flaky ?? DEFAULT_FLAKY);
    const flakyNames = new Set(flakyTests.map((t) => t.name));
    const clusters = clusterFailures(failures);
    const rootCauses = clusters.map((c) => toRootCause(c, flakyNames, input));
    rootCauses.sort(byImportance);
    const tests = input.testReports.reduce((acc, r) => ({
        tests: acc.tests + r.report.totals.tests,
        passed: acc.passed + r.report.totals.passed,
        failed: acc.failed + r.report.totals.failed + r.report.totals.errors,
    }), { tests: 0, passed: 0, failed: 0 });
    const actionable = rootCauses.filter((r) => !r.flaky && !r.infra);
    const fix = actionable.reduce((m, r) => Math.max(m, r.fix_confidence), 0);
    const victims = new Set(rootCauses.flatMap((r) => r.victims.map((v) => v.name))).size;
    const report = {
        type: 'ai-ci/triage',
        version: 1,
        summary: input.testReports.length + input.logReports.length === 0
            ? 'No test report or log was read: nothing to triage.'
            : summaryLine(rootCauses, victims, flakyTests.length),
        fix_confidence: fix,
        has_flaky_tests: flakyTests.length > 0,
        root_causes: rootCauses,
        flaky_tests: flakyTests,
        totals: { failures: failures.length, root_causes: rootCauses.length, victims, ...tests },
        sources: [...input.testReports.map((r) => r.source), ...input.logReports.map((r) => r.source)],
        warnings: input.warnings ?? [],
    };
    return { report, failures };
}
function toRootCause(c, flakyNames, input) {
    const victims = victimsOf(c);
    const first = c.failures.find((f) => f.file) ?? c.failures[0];
    const infra = c.kind === 'infra';
    const flaky = !infra && victims.length > 0 && victims.every((v) => flakyNames.has(v.name));
    const confidence = rootCauseConfidence(c);
    const fix = fixConfidence(c, { flaky, infra, confidence });
    const rc = {
        fingerprint: c.fingerprint,
        kind: c.kind,
        title: titleOf(c),
        confidence,
        fix_confidence: fix,
        fixable: fix >= input.threshold,
        flaky,
        infra,
        file: first.file ?? null,
        line: first.line ?? null,
        victims,
        lines: linesOf(c),
        sources: [...new Set(c.failures.flatMap((f) => [f.source, ...(f.alsoIn ?? [])]))].sort(),
        llm: { skipped: 'not requested' },
    };
    const seen = input.known?.get(c.fingerprint);
    if (seen?.length)
        rc.seen_before = seen;
    return rc;
}
function titleOf(c) {
    const f = c.failures[0];
    const msg = f.message.length > 140 ? `${f.message.slice(0, 137)}...` : f.message;
    return msg || `${c.kind} failure`;
}
function byImportance(a, b) {
    const rank = (r) => (r.infra ? 2 : r.flaky ? 1 : 0);
    return (rank(a) - rank(b) ||
        b.victims.length - a.victims.length ||
        b.confidence - a.confidence ||
        a.fingerprint.localeCompare(b.fingerprint));
}
function summaryLine(rcs, victims, flaky) {
    if (rcs.length === 0)
        return flaky ? `No failures; ${flaky} flaky test${s(flaky)} passed on retry.` : 'No failures found.';
    const infra = rcs.filter((r) => r.infra).length;
    const flakyRc = rcs.filter((r) => r.flaky).length;
    const extra = [flakyRc ? `${flakyRc} flaky` : '', infra ? `${infra} infrastructure` : '']
        .filter(Boolean)
        .join(', ');
    const top = rcs[0];
    const where = top.file ? ` (${top.file}${top.line ? `:${top.line}` : ''})` : '';
    return (`${rcs.length} root cause${s(rcs.length)}${extra ? ` (${extra})` : ''}` +
        (victims ? ` behind ${victims} failing test${s(victims)}` : '') +
        `; top: ${top.kind}: ${top.title}${where}`).slice(0, 300);
}
function s(n) {
    return n === 1 ? '' : 's';
}

;// CONCATENATED MODULE: ./src/actions/ai-triage/main.ts













async function run() {
    const settings = getInputs();
    const logger = (0,core_logger/* actionsLogger */.MV)();
    const ctx = (0,context/* readRunContext */.$)();
    const workspace = ctx.workspace;
    if (!settings.reports.length && !settings.logs.length && !settings.fetchJobLogs) {
        throw new errors/* ConfigurationError */.j1("ai-triage needs something to read: set 'reports' (test report globs), 'logs' (log globs) or 'fetch-job-logs: true'.");
    }
    // Heavy collaborators load after the inputs are known to be usable: start-up stays small.
    const [{ fetchFailedJobLogs, readSources }, { BaselineStore }, { budgetStore, DecisionCache, openStore }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(800), __webpack_require__.e(736), __webpack_require__.e(807)]).then(__webpack_require__.bind(__webpack_require__, 85807)),
        Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(567)]).then(__webpack_require__.bind(__webpack_require__, 28567)),
        Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(24), __webpack_require__.e(103)]).then(__webpack_require__.bind(__webpack_require__, 87484)),
    ]);
    const githubFromEnv = async (l) => (await Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(144)]).then(__webpack_require__.bind(__webpack_require__, 2144))).githubFromEnv(l);
    const extraLogs = settings.fetchJobLogs
        ? await fetchFailedJobLogs(await githubFromEnv(logger), ctx, (0,external_node_path_.join)(process.env.RUNNER_TEMP ?? workspace, 'ai-ci-job-logs'), logger)
        : [];
    const sources = await readSources({
        workspace,
        reports: settings.reports,
        logs: settings.logs,
        passingLog: settings.passingLog,
        logger,
        extraLogs,
    });
    const store = await openStore({ action: 'ai-triage', repo: ctx.repository, logger });
    (0,action/* onActionExit */.O)(() => store.close());
    const baseline = new BaselineStore(store, {
        logger,
        repo: ctx.repository,
        branch: ctx.defaultBranch ?? 'main',
        historyWindow: settings.historyWindow,
    });
    const notes = [];
    if (store.historyNote)
        notes.push(store.historyNote);
    const history = await loadHistory(baseline).catch((err) => {
        logger.warning(`ai-triage: test history unavailable (${(0,errors/* errorMessage */.gJ)(err)}); flaky detection uses this run only.`);
        return new Map();
    });
    const known = await loadKnownFingerprints(store);
    const { report, failures } = triage({
        ...sources,
        root: workspace,
        sha: ctx.sha,
        history,
        known,
        threshold: settings.confidenceThreshold,
        flaky: { window: settings.historyWindow, flipRate: 0.3, minRuns: 5 },
    });
    if (settings.llmEnabled && report.root_causes.length) {
        const { createLlmClient } = await Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(463), __webpack_require__.e(130)]).then(__webpack_require__.bind(__webpack_require__, 99130));
        const llm = createLlmClient(settings.llm, {
            logger,
            action: 'ai-triage',
            repository: ctx.repository,
            runId: ctx.runId,
            budgetStore: budgetStore(store),
        });
        (0,action/* onActionExit */.O)(() => llm.close());
        const cache = new DecisionCache(store, { action: 'ai-triage', logger });
        const r = await explainRootCauses(report, { llm, cache, model: settings.llm.model, logger });
        const st = llm.stats();
        const tokens = Object.values(st.backends).reduce((n, b) => n + b.promptTokens + b.completionTokens, 0);
        const cost = Object.values(st.backends).reduce((n, b) => n + b.costUsd, 0);
        notes.push(`LLM: ${r.calls} call(s), ${r.cacheHits} answered from the decision cache, ${tokens} tokens, est. $${cost.toFixed(4)}` +
            (st.fallbackReasons.length ? `; ${st.fallbackReasons.join('; ')}` : '') +
            '.');
    }
    else if (!settings.llmEnabled) {
        for (const rc of report.root_causes)
            rc.llm = { skipped: 'LLM disabled (llm: false)' };
    }
    const run = {
        runId: ctx.runId,
        attempt: Number(ctx.runAttempt) || 1,
        sha: ctx.sha,
        time: new Date().toISOString(),
    };
    await recordOutcomes(baseline, sources.testReports, run).catch((err) => logger.warning(`ai-triage: test outcomes could not be recorded (${(0,errors/* errorMessage */.gJ)(err)}).`));
    await recordFingerprints(store, report, run).catch((err) => logger.warning(`ai-triage: root-cause fingerprints could not be recorded (${(0,errors/* errorMessage */.gJ)(err)}).`));
    const outDir = (0,external_node_path_.join)(workspace, settings.outputDir);
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    const reportPath = (0,external_node_path_.join)(outDir, 'triage_report.json');
    (0,external_node_fs_.writeFileSync)(reportPath, JSON.stringify(report, null, 2) + '\n');
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(outDir, 'error_report.json'), JSON.stringify({ type: 'ai-ci/triage-errors', version: 1, failures }, null, 2) + '\n');
    for (const a of annotationsFor(report))
        logger[a.level](a.message, a.props);
    runner_commands/* setOutput */.uH('fix_confidence', String(report.fix_confidence));
    runner_commands/* setOutput */.uH('has_flaky_tests', String(report.has_flaky_tests));
    runner_commands/* setOutput */.uH('triage_summary', report.summary);
    runner_commands/* setOutput */.uH('report-path', (0,files/* repoRelative */.Ne)(workspace, reportPath));
    runner_commands/* setOutput */.uH('root-causes', String(report.root_causes.length));
    await runner_commands/* summary */.z.addRaw(summaryMarkdown(report, notes)).write();
    logger.info(report.summary);
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
