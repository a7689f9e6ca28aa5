export const id = 464;
export const ids = [464,103,484,517];
export const modules = {

/***/ 15768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/runner-commands.ts
var runner_commands = __webpack_require__(28708);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(45605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(11227);
// EXTERNAL MODULE: ./src/core/redact.ts + 1 modules
var redact = __webpack_require__(37394);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(89114);
// EXTERNAL MODULE: ./src/core/llm/settings.ts
var settings = __webpack_require__(4206);
;// CONCATENATED MODULE: ./src/actions/ci-metrics/inputs.ts



function url(inputs, name, env) {
    const v = inputs.string({ name, env });
    if (v === undefined)
        return undefined;
    try {
        const u = new URL(v);
        if (u.protocol !== 'http:' && u.protocol !== 'https:')
            throw new Error('scheme');
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Invalid value for input '${name}': '${v.slice(0, 80)}'. Expected an http(s) URL.`);
    }
    return v;
}
function getInputs(inputs = new core_inputs/* Inputs */.G0()) {
    return Object.freeze({
        reports: inputs.globs('reports') ?? ['ai_analysis/*.json', 'ci_metrics/*.json'],
        pushgatewayUrl: url(inputs, 'pushgateway-url', ['PROMETHEUS_GATEWAY']),
        datadogApiKey: inputs.string({ name: 'datadog-api-key', env: ['DATADOG_API_KEY', 'DD_API_KEY'] }),
        datadogSite: inputs.string({ name: 'datadog-site', env: ['DD_SITE'] }) ?? 'datadoghq.com',
        otlpEndpoint: url(inputs, 'otlp-endpoint', ['OTEL_EXPORTER_OTLP_ENDPOINT']),
        otlpHeaders: inputs.string({ name: 'otlp-headers', env: ['OTEL_EXPORTER_OTLP_HEADERS'] }),
        insights: inputs.boolean('insights'),
        historyDays: inputs.number('history-days', { min: 2, max: 400, integer: true }) ?? 30,
        outputDir: inputs.string('output-dir') ?? 'ci_metrics',
        llmEnabled: inputs.boolean({ name: 'llm', env: ['AI_CI_LLM'] }) ?? true,
        llm: (0,settings/* readLlmSettings */.H1)(inputs),
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(69928);
;// CONCATENATED MODULE: ./src/actions/ci-metrics/github-run.ts
/**
 * The run and the jobs of its latest attempt. `filter=latest` lists the newest execution of every
 * job: the re-run ones with the new `run_attempt`, the ones a partial re-run kept with their old one.
 */
async function fetchRun(octokit, where) {
    const { data: run } = await octokit.rest.actions.getWorkflowRun({
        owner: where.owner,
        repo: where.repo,
        run_id: where.runId,
    });
    const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
        owner: where.owner,
        repo: where.repo,
        run_id: where.runId,
        filter: 'latest',
        per_page: 100,
    });
    return { run, jobs };
}

// EXTERNAL MODULE: ./src/core/cache/index.ts + 1 modules
var cache = __webpack_require__(87484);
;// CONCATENATED MODULE: ./src/actions/ci-metrics/history.ts

const DAY_PREFIX = 'ci-metrics:day:';
const DAY_MERGER = 'ci-metrics-day';
/** A day with more runs keeps the newest ones: enough for medians, bounded for the store. */
const MAX_RUNS_PER_DAY = 1000;
function dayKey(date) {
    return `${DAY_PREFIX}${date}`;
}
function parseDay(text, date) {
    if (text) {
        try {
            const v = JSON.parse(text);
            if (v && Array.isArray(v.runs))
                return { date, runs: v.runs };
        }
        catch {
            // A corrupt day is started afresh: one day of history is lost, not the run.
        }
    }
    return { date, runs: [] };
}
/** Adds a run to its day; idempotent per run id + attempt (a replay after a Redis outage changes nothing). */
function mergeDay(current, payload) {
    const run = JSON.parse(payload);
    const date = run.time.slice(0, 10);
    const day = parseDay(current, date);
    const id = (r) => `${r.runId}#${r.attempt}`;
    const runs = day.runs.filter((r) => id(r) !== id(run));
    runs.push(run);
    runs.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    return JSON.stringify({ date, runs: runs.slice(-MAX_RUNS_PER_DAY) });
}
(0,cache.registerMerger)(DAY_MERGER, mergeDay);
async function recordRun(store, run, keepDays) {
    await store.merge(dayKey(run.time.slice(0, 10)), DAY_MERGER, JSON.stringify(run), keepDays * 86400);
}
/** The `days` days ending with `until` (inclusive), oldest first; days without runs are left out. */
async function loadHistory(store, until, days) {
    const out = [];
    for (let i = days - 1; i >= 0; i--) {
        const date = new Date(until.getTime() - i * 86400_000).toISOString().slice(0, 10);
        const day = parseDay(await store.get(dayKey(date)), date);
        if (day.runs.length)
            out.push(day);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/insights/changepoint.ts
/** Prefix sums, so that the mean and squared error of any segment cost O(1). */
class Segments {
    s1 = [0];
    s2 = [0];
    constructor(v) {
        for (const x of v) {
            this.s1.push(this.s1[this.s1.length - 1] + x);
            this.s2.push(this.s2[this.s2.length - 1] + x * x);
        }
    }
    sum(a, b) {
        return this.s1[b] - this.s1[a];
    }
    mean(a, b) {
        return this.sum(a, b) / (b - a);
    }
    sse(a, b) {
        const n = b - a;
        const s = this.sum(a, b);
        return Math.max(0, this.s2[b] - this.s2[a] - (s * s) / n);
    }
}
function tScore(diff, residual, dof, n1, n2) {
    const pooled = Math.sqrt(residual / Math.max(1, dof));
    if (pooled > 0)
        return (Math.abs(diff) / pooled) * Math.sqrt((n1 * n2) / (n1 + n2));
    return diff !== 0 ? Infinity : 0;
}
function significant(diff, level, score, o) {
    return score >= o.minScore && Math.abs(diff) / Math.max(Math.abs(level), 1e-9) >= o.minRelative;
}
function singleSplit(g, a, b, o) {
    const n = b - a;
    if (n < 2 * o.minSegment)
        return [];
    let best;
    for (let k = a + o.minSegment; k <= b - o.minSegment; k++) {
        const cost = g.sse(a, k) + g.sse(k, b);
        if (!best || cost < best.cost)
            best = { k, cost };
    }
    if (!best)
        return [];
    const before = g.mean(a, best.k);
    const after = g.mean(best.k, b);
    const score = tScore(after - before, best.cost, n - 2, best.k - a, b - best.k);
    return significant(after - before, before, score, o) ? [{ index: best.k, before, after, score }] : [];
}
function middleSegment(g, a, b, o) {
    const n = b - a;
    if (n < 3 * o.minSegment)
        return [];
    let best;
    for (let i = a + o.minSegment; i <= b - 2 * o.minSegment; i++) {
        for (let j = i + o.minSegment; j <= b - o.minSegment; j++) {
            const cost = g.sse(a, i) + g.sse(i, j) + g.sse(j, b);
            if (!best || cost < best.cost)
                best = { i, j, cost };
        }
    }
    if (!best)
        return [];
    const { i, j } = best;
    const left = g.mean(a, i);
    const mid = g.mean(i, j);
    const right = g.mean(j, b);
    const outside = (g.sum(a, i) + g.sum(j, b)) / (n - (j - i));
    const score = tScore(mid - outside, best.cost, n - 3, j - i, n - (j - i));
    if (!significant(mid - outside, outside, score, o))
        return [];
    return [
        { index: i, before: left, after: mid, score },
        { index: j, before: mid, after: right, score },
    ];
}
function changePoints(values, opts = {}) {
    const o = {
        minSegment: opts.minSegment ?? 5,
        minScore: opts.minScore ?? 6,
        minRelative: opts.minRelative ?? 0.05,
        maxPoints: opts.maxPoints ?? 4,
    };
    const g = new Segments(values);
    const found = [];
    const segments = [[0, values.length]];
    while (segments.length && found.length < o.maxPoints) {
        const [a, b] = segments.shift();
        let cps = singleSplit(g, a, b, o);
        // The pair search is quadratic: only on windows a daily history can have (400 days at most).
        if (!cps.length && b - a <= 400)
            cps = middleSegment(g, a, b, o);
        if (!cps.length)
            continue;
        found.push(...cps);
        const cuts = [a, ...cps.map((c) => c.index), b];
        for (let k = 0; k + 1 < cuts.length; k++)
            segments.push([cuts[k], cuts[k + 1]]);
    }
    return found.sort((x, y) => x.index - y.index).slice(0, o.maxPoints);
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/insights/series.ts
/** The daily series the insights chart and search for change points. */
const SERIES = [
    { id: 'build_minutes', title: 'Build time (median, min)', unit: 'min' },
    { id: 'flake_rate', title: 'Flake rate (% of runs re-run or with flaky tests)', unit: '%' },
    { id: 'coverage', title: 'Line coverage (%)', unit: '%' },
    { id: 'vulnerabilities', title: 'High + critical vulnerabilities', unit: 'count' },
    { id: 'cache_hit', title: 'Decision cache hit rate (%)', unit: '%' },
    { id: 'llm_cost', title: 'LLM cost per day (USD)', unit: 'USD' },
];
function median(v) {
    const s = [...v].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function nums(runs, f) {
    return runs.map(f).filter((v) => v !== null && Number.isFinite(v));
}
/** Whether a run needed a re-run or saw flaky tests: the seed's "reruns per build". */
function flaked(r) {
    return r.attempt > 1 || (r.flakyTests ?? 0) > 0;
}
function series_valueOf(id, runs) {
    const last = (v) => (v.length ? v[v.length - 1] : undefined);
    switch (id) {
        case 'build_minutes': {
            const d = nums(runs, (r) => r.durationSeconds);
            return d.length ? median(d) / 60 : undefined;
        }
        case 'flake_rate':
            return runs.length ? (100 * runs.filter(flaked).length) / runs.length : undefined;
        case 'coverage': {
            // The default branch's coverage is the project's; a PR's is a proposal.
            const main = runs.filter((r) => r.defaultBranch);
            const c = nums(main.length ? main : runs, (r) => r.coverageLines);
            return c.length ? c.reduce((a, b) => a + b, 0) / c.length : undefined;
        }
        case 'vulnerabilities':
            return last(nums(runs, (r) => r.vulnerabilities ? (r.vulnerabilities.high ?? 0) + (r.vulnerabilities.critical ?? 0) : null));
        case 'cache_hit': {
            const v = last(nums(runs, (r) => r.cacheHitRatio));
            return v === undefined ? undefined : v * 100;
        }
        case 'llm_cost':
            // Each run records the day's cost so far; the largest is the day's total.
            return nums(runs, (r) => r.llmCostUsd).reduce((a, b) => (a === undefined || b > a ? b : a), undefined);
    }
}
function dailySeries(days) {
    return SERIES.map((s) => {
        const dates = [];
        const values = [];
        for (const d of days) {
            const v = series_valueOf(s.id, d.runs);
            if (v !== undefined) {
                dates.push(d.date);
                values.push(Math.round(v * 1000) / 1000);
            }
        }
        return { id: s.id, title: s.title, unit: s.unit, dates, values };
    });
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/insights/kpis.ts

function runsOf(days) {
    return days.flatMap((d) => d.runs);
}
function minutes(s) {
    return `${(s / 60).toFixed(1)} min`;
}
function buildTime(runs, which) {
    const pick = runs.filter((r) => which === 'pr'
        ? r.event.startsWith('pull_request')
        : r.defaultBranch && !r.event.startsWith('pull_request'));
    const d = pick.map((r) => r.durationSeconds).filter((v) => v !== null);
    const limit = which === 'pr' ? 15 * 60 : 30 * 60;
    return {
        kpi: which === 'pr' ? 'Build time (PRs)' : 'Build time (main)',
        measurement: 'Median workflow duration',
        target: which === 'pr' ? '< 15 min' : '< 30 min',
        current: d.length ? `${minutes(median(d))} over ${d.length} runs` : 'no runs',
        status: d.length ? (median(d) < limit ? 'pass' : 'fail') : 'not measured',
    };
}
/** Days from a rise of a severity's count to the day it came back down (fix merged), averaged. */
function vulnerabilityMttrDays(days, severity) {
    const points = [];
    for (const r of runsOf(days).filter((x) => x.defaultBranch)) {
        const n = r.vulnerabilities?.[severity];
        if (typeof n === 'number')
            points.push({ t: Date.parse(r.time), n });
    }
    if (points.length === 0)
        return undefined;
    // Each newly appeared finding is a unit opened at the rise; units close first-in-first-out as the count falls.
    const open = [];
    const closed = [];
    let prev = points[0].n;
    for (const p of points.slice(1)) {
        for (let i = prev; i < p.n; i++)
            open.push(p.t);
        for (let i = p.n; i < prev && open.length; i++)
            closed.push((p.t - open.shift()) / 86400_000);
        prev = p.n;
    }
    return {
        days: closed.length ? closed.reduce((a, b) => a + b, 0) / closed.length : 0,
        episodes: closed.length,
        open: open.length,
    };
}
function mttr(days, severity, limit) {
    const m = vulnerabilityMttrDays(days, severity);
    const base = {
        kpi: `Vulnerability MTTR (${severity.toUpperCase()})`,
        measurement: 'Detection to fix on the default branch',
        target: `< ${limit} days`,
    };
    if (!m)
        return { ...base, current: 'no vulnerability reports', status: 'not measured' };
    if (m.episodes === 0) {
        return {
            ...base,
            current: m.open ? `${m.open} still open, none fixed in the window` : 'none introduced in the window',
            status: m.open ? 'fail' : 'pass',
        };
    }
    return {
        ...base,
        current: `${m.days.toFixed(1)} days over ${m.episodes} fixed${m.open ? `, ${m.open} open` : ''}`,
        status: m.days < limit ? 'pass' : 'fail',
    };
}
/** Least-squares slope per day. */
function slope(xs, ys) {
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
        num += (xs[i] - mx) * (ys[i] - my);
        den += (xs[i] - mx) ** 2;
    }
    return den > 0 ? num / den : 0;
}
function coverageTrend(days) {
    const pts = days
        .map((d) => {
        const c = d.runs
            .filter((r) => r.defaultBranch && r.coverageLines !== null)
            .map((r) => r.coverageLines);
        return c.length
            ? { x: Date.parse(d.date) / 86400_000, y: c.reduce((a, b) => a + b, 0) / c.length }
            : undefined;
    })
        .filter((p) => p !== undefined);
    const base = {
        kpi: 'Coverage trend',
        measurement: 'Rolling average of default-branch line coverage',
        target: 'Increasing or stable > 90%',
    };
    if (pts.length < 2)
        return {
            ...base,
            current: pts.length ? `${pts[0].y.toFixed(1)}% (one day)` : 'no coverage',
            status: 'not measured',
        };
    const avg = pts.reduce((a, p) => a + p.y, 0) / pts.length;
    const perDay = slope(pts.map((p) => p.x), pts.map((p) => p.y));
    // Stable: less than a tenth of a point per week either way.
    const direction = perDay > 0.1 / 7 ? 'increasing' : perDay < -0.1 / 7 ? 'decreasing' : 'stable';
    return {
        ...base,
        current: `${avg.toFixed(1)}% average, ${direction} (${(perDay * 7).toFixed(2)} points/week)`,
        status: direction === 'increasing' || (direction === 'stable' && avg > 90) ? 'pass' : 'fail',
    };
}
function flakeRate(runs) {
    const ok = runs.filter((r) => r.conclusion === 'success');
    const rate = ok.length ? ok.filter(flaked).length / ok.length : 0;
    return {
        kpi: 'Flaky test rate',
        measurement: 'Successful builds that needed a re-run or had flaky tests',
        target: '< 5%',
        current: ok.length ? `${(rate * 100).toFixed(1)}% of ${ok.length} successful runs` : 'no successful runs',
        status: ok.length ? (rate < 0.05 ? 'pass' : 'fail') : 'not measured',
    };
}
/** The seed's KPI table, each with the status the history supports. */
function kpiTable(days, autoFix) {
    const runs = runsOf(days);
    return [
        buildTime(runs, 'pr'),
        buildTime(runs, 'main'),
        flakeRate(runs),
        mttr(days, 'high', 7),
        mttr(days, 'critical', 3),
        coverageTrend(days),
        autoFix && autoFix.merged > 0
            ? {
                kpi: 'Auto-fix accuracy',
                measurement: 'Auto-fix PRs merged without changes',
                target: '> 70%',
                current: `${Math.round((100 * autoFix.mergedUnchanged) / autoFix.merged)}% of ${autoFix.merged} merged`,
                status: autoFix.mergedUnchanged / autoFix.merged > 0.7 ? 'pass' : 'fail',
            }
            : {
                kpi: 'Auto-fix accuracy',
                measurement: 'Auto-fix PRs merged without changes',
                target: '> 70%',
                current: 'no merged auto-fix PRs found',
                status: 'not measured',
            },
        {
            kpi: 'Developer satisfaction',
            measurement: 'Survey + sentiment of PR feedback',
            target: '> 4/5',
            current: 'needs a survey; ai-ci does not measure it',
            status: 'not measured',
        },
    ];
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/insights/insights.ts




function shaAround(days, date, side) {
    const pick = side === 'before' ? [...days].reverse().find((d) => d.date < date) : days.find((d) => d.date === date);
    const runs = pick?.runs ?? [];
    const r = side === 'before' ? runs[runs.length - 1] : runs[0];
    return r?.sha || null;
}
function fmt(v, unit) {
    const n = unit === 'USD' ? v.toFixed(4) : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1);
    return unit === '%' ? `${n}%` : unit === 'USD' ? `$${n}` : unit === 'min' ? `${n} min` : n;
}
function describeChange(c) {
    const dir = c.after > c.before ? 'rose' : 'fell';
    return `${c.title} ${dir} from ${fmt(c.before, c.unit)} to ${fmt(c.after, c.unit)} on ${c.date}`;
}
/** The narrative without an LLM: the same facts, in fixed sentences. */
function deterministicNarrative(i) {
    const parts = [`${i.runs} runs over ${i.days} days with data.`];
    const failing = i.kpis.filter((k) => k.status === 'fail');
    parts.push(failing.length
        ? `Off target: ${failing.map((k) => `${k.kpi} (${k.current}, target ${k.target})`).join('; ')}.`
        : 'Every measured KPI is on target.');
    if (i.changes.length) {
        parts.push(`Changes: ${i.changes
            .map((c) => `${describeChange(c)}${c.shaAfter ? ` (first seen at ${c.shaAfter.slice(0, 7)})` : ''}`)
            .join('; ')}.`);
    }
    else
        parts.push('No metric moved to a new level in the window.');
    return parts.join(' ');
}
async function buildInsights(days, deps) {
    const series = dailySeries(days);
    const trends = series
        .filter((s) => s.values.length >= 2)
        .map((s) => ({
        series: s.id,
        title: s.title,
        unit: s.unit,
        first: s.values[0],
        last: s.values[s.values.length - 1],
        change: Math.round((s.values[s.values.length - 1] - s.values[0]) * 1000) / 1000,
    }));
    const changes = [];
    for (const s of series) {
        for (const cp of changePoints(s.values)) {
            const date = s.dates[cp.index];
            const finding = {
                series: s.id,
                title: s.title,
                unit: s.unit,
                date,
                before: Math.round(cp.before * 1000) / 1000,
                after: Math.round(cp.after * 1000) / 1000,
                shaBefore: shaAround(days, date, 'before'),
                shaAfter: shaAround(days, date, 'after'),
                commits: [],
            };
            if (deps.commitsBetween &&
                finding.shaBefore &&
                finding.shaAfter &&
                finding.shaBefore !== finding.shaAfter) {
                try {
                    finding.commits = (await deps.commitsBetween(finding.shaBefore, finding.shaAfter)).map((c) => ({
                        sha: c.sha,
                        message: (0,redact/* redact */.E$)(c.message.split('\n')[0]).slice(0, 120),
                    }));
                }
                catch (err) {
                    deps.logger.info(`ci-metrics: commits around ${date} not listed (${String(err)}).`);
                }
            }
            changes.push(finding);
        }
    }
    changes.sort((a, b) => a.date.localeCompare(b.date) || a.series.localeCompare(b.series));
    const kpis = kpiTable(days, deps.autoFix);
    const runs = days.reduce((n, d) => n + d.runs.length, 0);
    const base = { trends, changes, kpis, runs, days: days.length };
    let narrative = deterministicNarrative(base);
    let narrativeSource = 'deterministic';
    let narrativeNote = deps.llm ? null : 'LLM not used';
    if (deps.llm && runs > 0) {
        const r = await deps.llm.complete({
            audience: 'background',
            action: 'ci-metrics',
            mode: 'prose',
            maxTokens: 400,
            system: 'You write the short daily CI health note for a software team. Use only the facts given; quote numbers exactly; no headings, at most 5 sentences, plain Markdown.',
            prompt: 'Write the note: what is off target, what changed and when, and one concrete next step.',
            data: [{ label: 'facts', text: JSON.stringify({ kpis, changes, trends }) }],
        });
        if (r.ok && r.text.trim()) {
            narrative = (0,redact/* redact */.E$)(r.text.trim());
            narrativeSource = 'llm';
        }
        else if (!r.ok)
            narrativeNote = r.reason;
    }
    return {
        from: days[0]?.date ?? null,
        to: days[days.length - 1]?.date ?? null,
        ...base,
        series,
        narrative,
        narrativeSource,
        narrativeNote,
    };
}

;// CONCATENATED MODULE: ./src/core/mermaid/xychart.ts
function quote(s) {
    return `"${s.replace(/["\n\r`]/g, "'").slice(0, 80)}"`;
}
function num(v) {
    return String(Number(v.toFixed(3)));
}
function xyChart(c) {
    if (c.x.length === 0)
        throw new Error('an xychart needs at least one x category');
    for (const s of c.series) {
        if (s.values.length !== c.x.length)
            throw new Error(`series of ${s.values.length} values for ${c.x.length} categories`);
        if (s.values.some((v) => !Number.isFinite(v)))
            throw new Error('an xychart value is not a finite number');
    }
    const all = c.series.flatMap((s) => s.values);
    const lo = c.yMin ?? Math.min(0, ...all);
    let hi = c.yMax ?? Math.max(...all, lo + 1);
    if (hi <= lo)
        hi = lo + 1;
    const lines = [
        'xychart-beta',
        `  title ${quote(c.title)}`,
        `  x-axis [${c.x.map(quote).join(', ')}]`,
        `  y-axis ${quote(c.yLabel)} ${num(lo)} --> ${num(c.yMax === undefined ? niceCeil(hi) : hi)}`,
        ...c.series.map((s) => `  ${s.kind} [${s.values.map(num).join(', ')}]`),
    ];
    return lines.join('\n');
}
/** A round upper bound a little above the highest value, so the line does not touch the frame. */
function niceCeil(v) {
    const target = v * 1.1;
    const mag = 10 ** Math.floor(Math.log10(target));
    for (const step of [1, 2, 2.5, 5, 10])
        if (step * mag >= target)
            return step * mag;
    return 10 * mag;
}
/** A fenced block for Markdown. */
function mermaidBlock(diagram) {
    return `\`\`\`mermaid\n${diagram}\n\`\`\``;
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/insights/render.ts


const STATUS_ICON = {
    pass: '✅ on target',
    fail: '❌ off target',
    'not measured': '⚪ not measured',
};
function cell(s) {
    return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/** The charts (one per series with at least two days), as Mermaid xychart-beta diagrams. */
function insightCharts(i) {
    return i.series
        .filter((s) => s.values.length >= 2)
        .map((s) => ({
        title: s.title,
        diagram: xyChart({
            title: s.title,
            x: s.dates.map((d) => d.slice(5)),
            yLabel: s.unit,
            ...(s.unit === '%' ? { yMin: 0, yMax: 100 } : {}),
            series: [{ kind: 'line', values: s.values }],
        }),
    }));
}
function renderInsights(i, meta) {
    const out = [];
    out.push(`# CI insights — ${meta.repo}`);
    out.push('');
    out.push(i.runs
        ? `${i.runs} runs from ${i.from} to ${i.to} (${i.days} days with data). Generated ${meta.generatedAt}.`
        : `No runs recorded yet. Generated ${meta.generatedAt}.`);
    out.push('');
    out.push('## Summary');
    out.push('');
    out.push(i.narrative);
    if (i.narrativeSource === 'deterministic')
        out.push('', `_Written without an LLM (${i.narrativeNote ?? 'no LLM'})._`);
    out.push('');
    out.push('## KPIs');
    out.push('');
    out.push('| KPI | Measurement | Target | Current | Status |');
    out.push('| --- | --- | --- | --- | --- |');
    for (const k of i.kpis) {
        out.push(`| ${cell(k.kpi)} | ${cell(k.measurement)} | ${cell(k.target)} | ${cell(k.current)} | ${STATUS_ICON[k.status]} |`);
    }
    out.push('');
    out.push('## Changes');
    out.push('');
    if (!i.changes.length)
        out.push('No metric moved to a new level in this window.');
    for (const c of i.changes) {
        const around = c.shaBefore && c.shaAfter
            ? ` Between \`${c.shaBefore.slice(0, 7)}\` and \`${c.shaAfter.slice(0, 7)}\`.`
            : '';
        out.push(`- **${describeChange(c)}**.${around}`);
        for (const m of c.commits.slice(-10))
            out.push(`  - \`${m.sha.slice(0, 7)}\` ${cell(m.message)}`);
    }
    out.push('');
    out.push('## Trends');
    out.push('');
    for (const chart of insightCharts(i)) {
        out.push(`### ${chart.title}`, '', mermaidBlock(chart.diagram), '');
    }
    if (!i.series.some((s) => s.values.length >= 2))
        out.push('Not enough days with data for a chart yet.', '');
    return `${out.join('\n').trimEnd()}\n`;
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/metrics.ts
const HELP = {
    ai_ci_run_duration_seconds: 'Workflow run attempt duration: attempt start to the end of its last finished job.',
    ai_ci_run_queue_seconds: 'Time from the attempt start to its first job starting.',
    ai_ci_job_duration_seconds: 'Job duration (completed jobs only).',
    ai_ci_job_queue_seconds: 'Job queue time, created to started.',
    ai_ci_run_attempt: 'Run attempt number (1 = no re-run).',
    ai_ci_tests: 'Tests by status.',
    ai_ci_flaky_tests: 'Tests that failed and then passed.',
    ai_ci_coverage_percent: 'Coverage by kind (lines, branches), percent.',
    ai_ci_vulnerabilities: 'Vulnerabilities by severity.',
    ai_ci_fix_confidence: 'AI fix confidence of the triage (0-1).',
    ai_ci_llm_calls: 'LLM calls answered today, by backend.',
    ai_ci_llm_tokens: 'LLM tokens today, by backend and direction.',
    ai_ci_llm_cost_usd: 'Estimated LLM cost today, USD.',
    ai_ci_cache_hit_ratio: 'Decision cache hits / lookups.',
};
/** The samples of one run. A fact nobody measured is left out, never sent as zero. */
function buildSamples(timing, reports, usage) {
    const out = [];
    const add = (name, value, labels = {}) => {
        if (value !== null && value !== undefined && Number.isFinite(value))
            out.push({ name, labels, value });
    };
    add('ai_ci_run_duration_seconds', timing.durationSeconds);
    add('ai_ci_run_queue_seconds', timing.queueSeconds);
    for (const j of timing.jobs) {
        // Two jobs with one display name (rare) would collide as series: the later one wins, as in the run's UI.
        add('ai_ci_job_duration_seconds', j.durationSeconds, { job: j.name });
        add('ai_ci_job_queue_seconds', j.queueSeconds, { job: j.name });
    }
    add('ai_ci_run_attempt', timing.attempt);
    if (reports.tests) {
        for (const status of ['passed', 'failed', 'skipped'])
            add('ai_ci_tests', reports.tests[status], { status });
    }
    if (reports.flakyTests)
        add('ai_ci_flaky_tests', reports.flakyTests.length);
    if (reports.coverage) {
        add('ai_ci_coverage_percent', reports.coverage.lines, { kind: 'lines' });
        add('ai_ci_coverage_percent', reports.coverage.branches, { kind: 'branches' });
    }
    if (reports.vulnerabilities) {
        for (const [severity, n] of Object.entries(reports.vulnerabilities))
            add('ai_ci_vulnerabilities', n, { severity });
    }
    add('ai_ci_fix_confidence', reports.fixConfidence);
    if (usage.llm) {
        let cost = 0;
        for (const [backend, u] of Object.entries(usage.llm)) {
            add('ai_ci_llm_calls', u.calls, { backend });
            add('ai_ci_llm_tokens', u.promptTokens, { backend, direction: 'prompt' });
            add('ai_ci_llm_tokens', u.completionTokens, { backend, direction: 'completion' });
            cost += u.costUsd;
        }
        add('ai_ci_llm_cost_usd', cost);
    }
    add('ai_ci_cache_hit_ratio', usage.cacheHitRatio);
    return dedupe(out);
}
function dedupe(samples) {
    const byKey = new Map();
    for (const s of samples)
        byKey.set(`${s.name}${JSON.stringify(Object.entries(s.labels).sort())}`, s);
    return [...byKey.values()];
}
/** The same words with dots, as Datadog and OpenTelemetry name metrics: `ai.ci.job.duration.seconds`. */
function dottedName(name) {
    return name.replace(/_/g, '.');
}
/** Flaky tests per test run (0 when there were no tests). */
function metrics_flakeRate(reports) {
    const total = reports.tests?.total ?? 0;
    const flaky = reports.flakyTests?.length ?? 0;
    return total > 0 ? Math.round((flaky / total) * 10000) / 10000 : 0;
}

// EXTERNAL MODULE: ./src/parsers/index.ts + 19 modules
var parsers = __webpack_require__(41736);
;// CONCATENATED MODULE: ./src/actions/ci-metrics/reports.ts



const MAX_REPORT_BYTES = 50 * 1024 * 1024;
function rec(v) {
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function reports_num(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function fromTriage(r, out) {
    const t = rec(r.totals);
    const total = reports_num(t?.tests);
    if (t && total !== null) {
        const passed = reports_num(t.passed) ?? 0;
        const failed = reports_num(t.failed) ?? 0;
        out.tests = { total, passed, failed, skipped: Math.max(0, total - passed - failed) };
    }
    if (Array.isArray(r.flaky_tests)) {
        out.flakyTests = r.flaky_tests.map((f) => rec(f)?.name).filter((n) => typeof n === 'string');
    }
    out.fixConfidence = reports_num(r.fix_confidence);
}
function fromGate(r, out) {
    const cov = rec(r.coverage);
    if (cov)
        out.coverage = { lines: reports_num(cov.lines), branches: reports_num(cov.branches) };
    const counts = rec(rec(r.vulns)?.counts);
    if (counts) {
        const v = {};
        for (const [sev, n] of Object.entries(counts)) {
            const c = reports_num(n);
            if (c !== null)
                v[sev] = c;
        }
        out.vulnerabilities = v;
    }
}
/**
 * Reads ai-ci reports (found by `type`) and raw test reports (JUnit and the other formats the
 * parsers know). A triage report's totals win over raw test reports, which they already count.
 */
async function readReports(opts) {
    const out = {
        tests: null,
        flakyTests: null,
        coverage: null,
        vulnerabilities: null,
        fixConfidence: null,
        sources: [],
        problems: [],
    };
    const problem = (m) => {
        out.problems.push(m);
        opts.logger.warning(m);
    };
    let triage = false;
    const raw = { total: 0, passed: 0, failed: 0, skipped: 0, files: 0, flaky: new Set() };
    for (const file of await (0,files/* expandGlobs */.GE)(opts.globs, opts.workspace)) {
        const rel = (0,files/* repoRelative */.Ne)(opts.workspace, file);
        if ((0,external_node_fs_.statSync)(file).size > MAX_REPORT_BYTES && file.endsWith('.json')) {
            problem(`${rel}: larger than 50 MB, skipped.`);
            continue;
        }
        if (file.endsWith('.json')) {
            let doc;
            try {
                doc = rec(JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')));
            }
            catch {
                problem(`${rel}: not valid JSON, skipped.`);
                continue;
            }
            const type = doc?.type;
            if (doc && type === 'ai-ci/triage') {
                fromTriage(doc, out);
                triage = true;
                out.sources.push(rel);
                continue;
            }
            if (doc && type === 'ai-ci/gate') {
                fromGate(doc, out);
                out.sources.push(rel);
                continue;
            }
            // Other ai-ci reports (ours from an earlier step included) carry nothing counted here.
            if (typeof type === 'string' && type.startsWith('ai-ci/'))
                continue;
        }
        const r = await (0,parsers.parseTestReport)(file, { root: opts.workspace });
        if ((0,parsers/* isParseError */.M8)(r)) {
            problem(`${rel}: ${r.error}`);
            continue;
        }
        out.sources.push(rel);
        raw.files++;
        raw.total += r.totals.tests;
        raw.passed += r.totals.passed;
        raw.failed += r.totals.failed + r.totals.errors;
        raw.skipped += r.totals.skipped;
        for (const t of r.tests)
            if (t.status === 'passed' && t.attempts > 1)
                raw.flaky.add(t.id);
    }
    if (!triage && raw.files > 0) {
        out.tests = { total: raw.total, passed: raw.passed, failed: raw.failed, skipped: raw.skipped };
        out.flakyTests = [...raw.flaky].sort();
    }
    return out;
}

// EXTERNAL MODULE: ./src/core/timeouts.ts
var timeouts = __webpack_require__(95623);
;// CONCATENATED MODULE: ./src/actions/ci-metrics/sinks/http.ts



/** Default deadline of one sink request; `AI_CI_METRICS_TIMEOUT_MS` overrides it. */
const SINK_TIMEOUT_MS = 10_000;
/**
 * One request to a metrics sink. Resolves to the status line and body on any HTTP answer; throws
 * with a one-line reason on a connection failure or timeout (the caller turns both into a warning).
 */
async function send(url, init, env = process.env) {
    const ms = (0,timeouts/* timeoutMs */.G)('AI_CI_METRICS_TIMEOUT_MS', SINK_TIMEOUT_MS, env);
    const { target, headers } = withoutCredentials(url, init.headers);
    try {
        const res = await fetch(target, { ...init, headers, signal: AbortSignal.timeout(ms) });
        const body = await res.text();
        return { status: res.status, body: body.slice(0, 500) };
    }
    catch (err) {
        const e = err;
        if (e.name === 'TimeoutError')
            throw new Error(`no answer within ${ms} ms`, { cause: err });
        throw new Error(e.cause ? (0,errors/* errorMessage */.gJ)(e.cause) : (0,errors/* errorMessage */.gJ)(err), { cause: err });
    }
}
/**
 * fetch refuses URLs with credentials; a Pushgateway behind basic auth is usually configured as
 * `https://user:pass@host`, so they move into an Authorization header.
 */
function withoutCredentials(url, headers) {
    const u = new URL(url);
    if (!u.username && !u.password)
        return { target: url, headers };
    const basic = Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64');
    (0,redact/* registerSecret */.cl)(basic);
    (0,redact/* registerSecret */.cl)(decodeURIComponent(u.password));
    u.username = '';
    u.password = '';
    return { target: u.toString(), headers: { ...headers, authorization: `Basic ${basic}` } };
}
/** The URL without credentials or query, for messages. */
function displayUrl(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}${u.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/sinks/datadog.ts



/** Datadog's metric intake type for a gauge in the v2 series API. */
const DD_GAUGE = 3;
/** `datadoghq.com` -> `https://api.datadoghq.com`; a full URL (a proxy, a test server) is used as is. */
function datadogBaseUrl(site) {
    const s = site.trim().replace(/\/+$/, '');
    if (/^https?:\/\//i.test(s))
        return s;
    return `https://api.${s.replace(/^api\./, '')}`;
}
/** Datadog lowercases tags and turns characters it does not allow into `_`; we send them that way. */
function datadogTag(key, value) {
    const clean = (s) => s.toLowerCase().replace(/[^a-z0-9_\-:./]/g, '_');
    return `${clean(key)}:${clean((0,redact/* redact */.E$)(value))}`.slice(0, 200);
}
function datadogPayload(samples, common, at) {
    const timestamp = Math.floor(at.getTime() / 1000);
    const commonTags = Object.entries(common).map(([k, v]) => datadogTag(k, v));
    return {
        series: samples.map((s) => ({
            metric: dottedName(s.name),
            type: DD_GAUGE,
            points: [{ timestamp, value: s.value }],
            tags: [...commonTags, ...Object.entries(s.labels).map(([k, v]) => datadogTag(k, v))],
        })),
    };
}
async function sendToDatadog(opts, samples, common, at, env) {
    const url = `${datadogBaseUrl(opts.site)}/api/v2/series`;
    const res = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'DD-API-KEY': opts.apiKey },
        body: JSON.stringify(datadogPayload(samples, common, at)),
    }, env);
    if (res.status !== 202 && res.status !== 200) {
        throw new Error(`${displayUrl(url)} answered ${res.status}: ${(0,redact/* redact */.E$)(res.body.trim()).slice(0, 200)}`);
    }
    return `${samples.length} series to ${displayUrl(url)}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/actions/ci-metrics/sinks/otlp.ts



/** OTLP span kinds (opentelemetry-proto `Span.SpanKind`). */
const KIND_INTERNAL = 1;
const KIND_SERVER = 2;
/** `Status.StatusCode`. */
const STATUS_UNSET = 0;
const STATUS_ERROR = 2;
function hex(input, bytes) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(input)
        .digest('hex')
        .slice(0, bytes * 2);
}
/** The same run attempt always gets the same trace id, so a re-sent trace merges instead of duplicating. */
function traceIdFor(repo, runId, attempt) {
    return hex(`ai-ci:${repo}:run:${runId}:attempt:${attempt}`, 16);
}
function spanId(traceId, what) {
    return hex(`${traceId}:${what}`, 8);
}
/** GitHub conclusions -> `cicd.pipeline.result` / `cicd.pipeline.task.run.result` values. */
function cicdResult(conclusion) {
    switch (conclusion) {
        case 'success':
            return 'success';
        case 'failure':
            return 'failure';
        case 'cancelled':
            return 'cancellation';
        case 'timed_out':
            return 'timeout';
        case 'skipped':
            return 'skip';
        default:
            return 'error';
    }
}
const str = (key, v) => ({ key, value: { stringValue: (0,redact/* redact */.E$)(v) } });
const otlp_int = (key, v) => ({ key, value: { intValue: String(v) } });
function nanos(iso) {
    return `${BigInt(Date.parse(iso)) * 1000000n}`;
}
function failed(result) {
    return result !== 'success' && result !== 'skip';
}
/**
 * The run attempt as one trace: a SERVER span for the pipeline run, a child span per job that has
 * started, and under each a span per finished step whose times GitHub reports. Jobs still running
 * end at `now` and say so (`cicd.pipeline.task.run.state`); a trace is never padded with zeros.
 */
function buildTrace(timing, common, ctx) {
    const traceId = traceIdFor(common.repo, timing.runId, timing.attempt);
    const rootId = spanId(traceId, 'run');
    const nowIso = ctx.now.toISOString();
    const result = cicdResult(timing.conclusion);
    const jobs = timing.jobs.filter((j) => j.attempt === timing.attempt && j.startedAt);
    const ends = jobs.map((j) => j.completedAt ?? nowIso);
    const runEnd = ends.length ? ends.reduce((a, b) => (Date.parse(a) > Date.parse(b) ? a : b)) : nowIso;
    const spans = [
        {
            traceId,
            spanId: rootId,
            name: (0,redact/* redact */.E$)(`RUN ${common.workflow}`),
            kind: KIND_SERVER,
            startTimeUnixNano: nanos(timing.startedAt),
            endTimeUnixNano: nanos(runEnd),
            attributes: [
                str('cicd.pipeline.name', common.workflow),
                str('cicd.pipeline.action.name', 'RUN'),
                str('cicd.pipeline.run.id', String(timing.runId)),
                str('cicd.pipeline.run.url.full', ctx.runUrl),
                str('cicd.pipeline.run.state', timing.phase === 'completed' ? 'finalizing' : 'executing'),
                str('cicd.pipeline.result', result),
                otlp_int('cicd.pipeline.run.attempt', timing.attempt),
                ...(failed(result) ? [str('error.type', timing.conclusion)] : []),
            ],
            status: failed(result) ? { code: STATUS_ERROR, message: timing.conclusion } : { code: STATUS_UNSET },
        },
    ];
    for (const j of jobs)
        spans.push(...jobSpans(j, traceId, rootId, ctx, nowIso));
    return {
        resourceSpans: [
            {
                resource: {
                    attributes: [
                        str('service.name', 'ai-ci'),
                        str('cicd.pipeline.name', common.workflow),
                        str('cicd.pipeline.run.id', String(timing.runId)),
                        str('vcs.repository.name', common.repo),
                        str('vcs.ref.head.name', common.branch),
                        str('vcs.ref.head.revision', ctx.sha),
                    ],
                },
                scopeSpans: [{ scope: { name: 'ai-ci/ci-metrics', version: '1' }, spans }],
            },
        ],
    };
}
function jobSpans(j, traceId, parent, ctx, nowIso) {
    const id = spanId(traceId, `job:${j.id}`);
    const done = j.phase === 'completed';
    const result = done ? cicdResult(j.status) : undefined;
    const out = [
        {
            traceId,
            spanId: id,
            parentSpanId: parent,
            name: (0,redact/* redact */.E$)(j.name),
            kind: KIND_INTERNAL,
            startTimeUnixNano: nanos(j.startedAt ?? nowIso),
            endTimeUnixNano: nanos(j.completedAt ?? nowIso),
            attributes: [
                str('cicd.pipeline.task.name', j.name),
                str('cicd.pipeline.task.run.id', String(j.id)),
                str('cicd.pipeline.task.run.url.full', `${ctx.runUrl}/job/${j.id}`),
                ...(result ? [str('cicd.pipeline.task.run.result', result)] : []),
                str('cicd.pipeline.task.run.state', done ? 'finalizing' : 'executing'),
            ],
            status: result && failed(result) ? { code: STATUS_ERROR, message: j.status } : { code: STATUS_UNSET },
        },
    ];
    for (const s of j.steps) {
        if (!s.startedAt || !s.completedAt)
            continue;
        const r = cicdResult(s.conclusion ?? 'unknown');
        out.push({
            traceId,
            spanId: spanId(traceId, `job:${j.id}:step:${s.number}`),
            parentSpanId: id,
            name: (0,redact/* redact */.E$)(s.name),
            kind: KIND_INTERNAL,
            startTimeUnixNano: nanos(s.startedAt),
            endTimeUnixNano: nanos(s.completedAt),
            attributes: [
                str('cicd.pipeline.task.name', s.name),
                str('cicd.pipeline.task.run.result', r),
                otlp_int('github.step.number', s.number),
            ],
            status: failed(r) ? { code: STATUS_ERROR, message: s.conclusion ?? 'unknown' } : { code: STATUS_UNSET },
        });
    }
    return out;
}
/** `OTEL_EXPORTER_OTLP_ENDPOINT` is a base: the traces path `/v1/traces` is appended (OTLP exporter spec). */
function tracesUrl(endpoint) {
    const e = endpoint.trim().replace(/\/+$/, '');
    return e.endsWith('/v1/traces') ? e : `${e}/v1/traces`;
}
async function sendTrace(endpoint, trace, headers, env) {
    const url = tracesUrl(endpoint);
    const res = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(trace),
    }, env);
    if (res.status < 200 || res.status >= 300) {
        throw new Error(`${displayUrl(url)} answered ${res.status}: ${(0,redact/* redact */.E$)(res.body.trim()).slice(0, 200)}`);
    }
    const n = trace.resourceSpans.reduce((a, r) => a + r.scopeSpans.reduce((b, s) => b + s.spans.length, 0), 0);
    return `${n} spans to ${displayUrl(url)}`;
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/sinks/pushgateway.ts



/** Labels of the grouping key besides `job=ai-ci`: one group per repository, workflow and branch. */
const GROUPING_LABELS = ['repo', 'workflow', 'branch'];
/**
 * The Pushgateway sets `job` from the grouping key and silently replaces a `job` label of a pushed
 * series with it, so the per-job label travels as `ci_job` here (Prometheus itself renames a
 * clashing scraped `job` to `exported_job` for the same reason).
 */
const PUSHGATEWAY_JOB_LABEL = 'ci_job';
function escapeLabelValue(v) {
    return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}
function escapeHelp(v) {
    return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
/** A label value in the grouping-key path: plain when URL-safe, else `@base64` (base64url), as the Pushgateway requires for `/`. */
function groupingSegment(name, value) {
    if (value === '')
        return `${name}@base64/=`;
    if (/^[A-Za-z0-9._~-]+$/.test(value))
        return `${name}/${value}`;
    return `${name}@base64/${Buffer.from(value, 'utf8').toString('base64url')}`;
}
function groupingPath(common) {
    return ['job/ai-ci', ...GROUPING_LABELS.map((l) => groupingSegment(l, (0,redact/* redact */.E$)(common[l])))].join('/');
}
/** Text exposition format 0.0.4: every series a gauge of this run's value. */
function exposition(samples, common) {
    const extra = { event: common.event, conclusion: common.conclusion };
    const byName = new Map();
    for (const s of samples)
        byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
    const lines = [];
    for (const [name, list] of byName) {
        lines.push(`# HELP ${name} ${escapeHelp(HELP[name] ?? name)}`);
        lines.push(`# TYPE ${name} gauge`);
        for (const s of list) {
            const labels = {};
            for (const [k, v] of Object.entries(s.labels))
                labels[k === 'job' ? PUSHGATEWAY_JOB_LABEL : k] = v;
            Object.assign(labels, extra);
            const body = Object.entries(labels)
                .map(([k, v]) => `${k}="${escapeLabelValue((0,redact/* redact */.E$)(v))}"`)
                .join(',');
            lines.push(`${name}{${body}} ${formatValue(s.value)}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
function formatValue(v) {
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
}
/**
 * PUT replaces every series of the group: a job that did not run this time does not keep its value
 * from an earlier run.
 */
async function pushToGateway(baseUrl, samples, common, env) {
    const url = `${baseUrl.replace(/\/+$/, '')}/metrics/${groupingPath(common)}`;
    const res = await send(url, {
        method: 'PUT',
        headers: { 'content-type': 'text/plain; version=0.0.4' },
        body: exposition(samples, common),
    }, env);
    if (res.status < 200 || res.status >= 300) {
        throw new Error(`${displayUrl(url)} answered ${res.status}: ${res.body.trim().slice(0, 200)}`);
    }
    return `${samples.length} series to ${displayUrl(baseUrl)}`;
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/sinks/emit.ts





/**
 * Sends the run to every configured sink, one after the other so that a slow one cannot starve
 * the others of the step's time, each behind its own catch: a sink that is down is a warning and
 * the others still get their data.
 */
async function emitToSinks(sinks, data, logger, env) {
    const results = [];
    const attempt = async (sink, fn) => {
        try {
            const detail = await fn();
            results.push({ sink, ok: true, detail });
            logger.info(`ci-metrics: ${sink}: ${detail}.`);
        }
        catch (err) {
            const detail = (0,redact/* redact */.E$)((0,errors/* errorMessage */.gJ)(err));
            results.push({ sink, ok: false, detail });
            logger.warning(`ci-metrics: the ${sink} sink failed (${detail}); the other sinks still got the metrics.`);
        }
    };
    if (sinks.pushgatewayUrl) {
        const url = sinks.pushgatewayUrl;
        await attempt('pushgateway', () => pushToGateway(url, data.samples, data.common, env));
    }
    if (sinks.datadog) {
        const dd = sinks.datadog;
        await attempt('datadog', () => sendToDatadog(dd, data.samples, data.common, data.now, env));
    }
    if (sinks.otlpEndpoint && data.timing.jobs.length === 0) {
        // Without the run's jobs a trace would be one empty span that looks like a real run.
        logger.info('ci-metrics: otlp: no trace, the run and its jobs were not measured.');
    }
    else if (sinks.otlpEndpoint) {
        const endpoint = sinks.otlpEndpoint;
        await attempt('otlp', () => sendTrace(endpoint, buildTrace(data.timing, data.common, { runUrl: data.runUrl, sha: data.sha, now: data.now }), sinks.otlpHeaders, env));
    }
    return results;
}
/** `OTEL_EXPORTER_OTLP_HEADERS` format: `k=v,k2=v2`, values URL-encoded. */
function parseOtlpHeaders(raw) {
    const out = {};
    for (const part of (raw ?? '').split(',')) {
        const i = part.indexOf('=');
        if (i <= 0)
            continue;
        const k = part.slice(0, i).trim();
        const v = part.slice(i + 1).trim();
        try {
            out[k] = decodeURIComponent(v);
        }
        catch {
            out[k] = v;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/timings.ts
/**
 * Durations and queue times of one workflow run attempt, from the REST payloads of the run and its
 * jobs. Pure: the caller fetches, this decides what the numbers mean.
 */
function ms(t) {
    if (!t)
        return undefined;
    const v = Date.parse(t);
    return Number.isFinite(v) ? v : undefined;
}
/** Seconds from a to b, 0 when clocks make it negative (GitHub's timestamps have second resolution). */
function span(a, b) {
    if (a === undefined || b === undefined)
        return null;
    return Math.max(0, Math.round((b - a) / 10) / 100);
}
function iso(t) {
    return t === undefined ? null : new Date(t).toISOString();
}
function phaseOf(status) {
    if (status === 'completed')
        return 'completed';
    if (status === 'in_progress')
        return 'in_progress';
    // waiting, requested, pending and queued all mean: not started.
    return 'queued';
}
const SEVERITY = [
    'failure',
    'timed_out',
    'startup_failure',
    'cancelled',
    'action_required',
    'neutral',
    'success',
    'skipped',
];
/** The worst of some conclusions (failure beats cancelled beats success). */
function worstConclusion(conclusions) {
    let best = SEVERITY.length;
    for (const c of conclusions) {
        const i = c ? SEVERITY.indexOf(c) : -1;
        if (i >= 0 && i < best)
            best = i;
    }
    return best < SEVERITY.length ? SEVERITY[best] : 'success';
}
function stepTiming(s) {
    const phase = phaseOf(s.status);
    const started = ms(s.started_at);
    const completed = phase === 'completed' ? ms(s.completed_at) : undefined;
    return {
        name: s.name,
        number: s.number,
        phase,
        conclusion: phase === 'completed' ? s.conclusion : null,
        durationSeconds: phase === 'completed' ? span(started, completed) : null,
        startedAt: iso(started),
        completedAt: iso(completed),
    };
}
function jobTiming(j, runAttempt) {
    const phase = phaseOf(j.status);
    const started = phase === 'queued' ? undefined : ms(j.started_at);
    const created = ms(j.created_at) ?? started;
    return {
        id: j.id,
        name: j.name,
        attempt: j.run_attempt ?? runAttempt,
        phase,
        status: phase === 'completed' ? (j.conclusion ?? 'unknown') : phase,
        queueSeconds: span(created, started),
        durationSeconds: phase === 'completed' ? span(started, ms(j.completed_at)) : null,
        startedAt: iso(started),
        completedAt: iso(phase === 'completed' ? ms(j.completed_at) : undefined),
        steps: (j.steps ?? []).map(stepTiming),
    };
}
/**
 * Timing of the run's current attempt. Jobs kept from an earlier attempt (a partial re-run lists
 * them with their old `run_attempt`) are reported but do not count towards this attempt's
 * duration or queue time: they ran before it started.
 */
function runTiming(run, jobs) {
    const attempt = run.run_attempt ?? 1;
    const attemptStart = ms(run.run_started_at) ?? ms(run.created_at) ?? 0;
    const timings = jobs.map((j) => jobTiming(j, attempt));
    const own = timings.filter((j) => j.attempt === attempt);
    const runPhase = phaseOf(run.status);
    const ends = own.map((j) => ms(j.completedAt)).filter((v) => v !== undefined);
    const end = ends.length ? Math.max(...ends) : runPhase === 'completed' ? ms(run.updated_at) : undefined;
    const starts = own.map((j) => ms(j.startedAt)).filter((v) => v !== undefined);
    const conclusion = runPhase === 'completed' && run.conclusion
        ? run.conclusion
        : worstConclusion(own.filter((j) => j.phase === 'completed').map((j) => j.status));
    return {
        runId: run.id,
        attempt,
        phase: runPhase,
        conclusion,
        startedAt: new Date(attemptStart).toISOString(),
        durationSeconds: span(attemptStart, end),
        queueSeconds: starts.length ? span(attemptStart, Math.min(...starts)) : null,
        jobs: timings,
        unfinishedJobs: own.filter((j) => j.phase !== 'completed').map((j) => j.name),
    };
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/usage.ts

const MICRO = 1_000_000;
/**
 * The core's accounting as the store holds it: the LLM client's daily usage counters per backend
 * (`budget:llm-usage:<repo>:day:<date>:<backend>:<field>`, written by every action whose client
 * has a budget store) and the decision cache's hit/miss counters over all actions.
 */
async function readUsage(store, repo, day) {
    const llm = {};
    for (const backend of ['local', 'cloud']) {
        const base = `budget:llm-usage:${repo}:day:${day}:${backend}:`;
        const n = async (f) => Number((await store.get(`${base}${f}`)) ?? 0) || 0;
        const calls = await n('calls');
        if (calls === 0)
            continue;
        llm[backend] = {
            calls,
            promptTokens: await n('prompt_tokens'),
            completionTokens: await n('completion_tokens'),
            costUsd: (await n('cost_micro_usd')) / MICRO,
        };
    }
    const stats = await (0,cache.decisionStats)(store);
    const lookups = stats.overall.hits + stats.overall.misses;
    return {
        llm: Object.keys(llm).length ? llm : null,
        cacheHitRatio: lookups > 0 ? Math.round(stats.overall.hitRate * 10000) / 10000 : null,
    };
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/run.ts














const METRICS_REPORT_TYPE = 'ai-ci/metrics';
const METRICS_REPORT_VERSION = 1;
function emptyTiming(ctx) {
    return {
        runId: Number(ctx.runId) || 0,
        attempt: Number(ctx.runAttempt) || 1,
        phase: 'in_progress',
        conclusion: 'unknown',
        startedAt: new Date().toISOString(),
        durationSeconds: null,
        queueSeconds: null,
        jobs: [],
        unfinishedJobs: [],
    };
}
async function timingOf(deps) {
    const { ctx, github } = deps;
    const runId = Number(ctx.runId);
    if (!github?.canRead || !runId) {
        return {
            timing: emptyTiming(ctx),
            problem: 'no GitHub token or run id: run and job timings are not measured',
        };
    }
    try {
        const { run, jobs } = await fetchRun(github.octokit, { owner: ctx.owner, repo: ctx.repo, runId });
        return {
            timing: runTiming(run, jobs),
            workflow: run.name ?? undefined,
            branch: run.head_branch ?? undefined,
            sha: run.head_sha,
        };
    }
    catch (err) {
        return {
            timing: emptyTiming(ctx),
            problem: `the workflow run could not be read (${(0,redact/* redact */.E$)((0,errors/* errorMessage */.gJ)(err))})`,
        };
    }
}
function recordOf(report, ctx, sha) {
    const m = report.metrics;
    return {
        runId: report.workflow_run_id,
        attempt: report.run_attempt,
        time: report.timestamp,
        sha,
        branch: report.labels.branch,
        event: report.labels.event,
        conclusion: report.labels.conclusion,
        defaultBranch: ctx.defaultBranch !== undefined &&
            report.labels.branch === ctx.defaultBranch &&
            !ctx.eventName.startsWith('pull_request'),
        durationSeconds: m.duration_seconds,
        queueSeconds: m.queue_seconds,
        tests: m.tests?.total ?? null,
        flakyTests: m.flaky_tests,
        coverageLines: m.coverage_pct,
        vulnerabilities: m.vulnerabilities,
        cacheHitRatio: m.cache_hit_ratio,
        llmCostUsd: m.llm ? Object.values(m.llm).reduce((a, u) => a + u.costUsd, 0) : null,
    };
}
/** Collects this run's metrics, writes metrics.json, feeds the sinks and the history, and on schedule writes the insights. */
async function runCiMetrics(deps) {
    const { settings, ctx, logger } = deps;
    const now = deps.now ?? new Date();
    const problems = [];
    const t = await timingOf(deps);
    if (t.problem) {
        problems.push(t.problem);
        logger.warning(`ci-metrics: ${t.problem}.`);
    }
    const timing = t.timing;
    const reports = await readReports({ workspace: ctx.workspace, globs: settings.reports, logger });
    problems.push(...reports.problems);
    let usage = { llm: null, cacheHitRatio: null };
    if (deps.store) {
        try {
            usage = await readUsage(deps.store, ctx.repository, now.toISOString().slice(0, 10));
        }
        catch (err) {
            logger.warning(`ci-metrics: LLM and cache accounting not read (${(0,errors/* errorMessage */.gJ)(err)}).`);
        }
    }
    const common = {
        repo: ctx.repository,
        workflow: t.workflow ?? ctx.workflow,
        branch: ctx.branch ?? t.branch ?? '',
        event: ctx.eventName,
        conclusion: timing.conclusion,
    };
    const samples = buildSamples(timing, reports, usage);
    const sha = ctx.sha || t.sha || '';
    const runUrl = `${ctx.serverUrl}/${ctx.repository}/actions/runs/${timing.runId}`;
    const sinks = await emitToSinks({
        pushgatewayUrl: settings.pushgatewayUrl,
        datadog: settings.datadogApiKey
            ? { apiKey: settings.datadogApiKey, site: settings.datadogSite }
            : undefined,
        otlpEndpoint: settings.otlpEndpoint,
        otlpHeaders: parseOtlpHeaders(settings.otlpHeaders),
    }, { samples, common, timing, runUrl, sha, now }, logger, deps.env);
    const jobStatuses = {};
    for (const j of timing.jobs)
        jobStatuses[j.name] = j.status;
    const report = {
        type: METRICS_REPORT_TYPE,
        version: METRICS_REPORT_VERSION,
        timestamp: now.toISOString(),
        workflow_run_id: String(timing.runId),
        run_attempt: timing.attempt,
        labels: common,
        metrics: {
            duration_seconds: timing.durationSeconds,
            queue_seconds: timing.queueSeconds,
            coverage_pct: reports.coverage?.lines ?? null,
            ai_fix_confidence: reports.fixConfidence,
            has_flaky_tests: (reports.flakyTests?.length ?? 0) > 0,
            flaky_tests: reports.flakyTests?.length ?? null,
            flake_rate: metrics_flakeRate(reports),
            rerun_count: timing.attempt - 1,
            tests: reports.tests,
            vulnerabilities: reports.vulnerabilities,
            llm: usage.llm,
            cache_hit_ratio: usage.cacheHitRatio,
        },
        job_statuses: jobStatuses,
        jobs: timing.jobs,
        unfinished_jobs: timing.unfinishedJobs,
        series: samples,
        sinks,
        sources: reports.sources,
        problems,
    };
    const outDir = (0,external_node_path_.join)(ctx.workspace, settings.outputDir);
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    const metricsFile = (0,external_node_path_.join)(outDir, 'metrics.json');
    (0,external_node_fs_.writeFileSync)(metricsFile, `${(0,redact/* redact */.E$)(JSON.stringify(report, null, 2))}\n`);
    if (deps.store && timing.runId) {
        try {
            await recordRun(deps.store, recordOf(report, ctx, sha), Math.max(settings.historyDays, 90));
        }
        catch (err) {
            logger.warning(`ci-metrics: this run was not added to the history (${(0,errors/* errorMessage */.gJ)(err)}).`);
        }
    }
    const outcome = {
        report,
        metricsPath: (0,files/* repoRelative */.Ne)(ctx.workspace, metricsFile),
        outputs: {
            'metrics-path': (0,files/* repoRelative */.Ne)(ctx.workspace, metricsFile),
            'insights-path': '',
            'duration-seconds': timing.durationSeconds === null ? '' : String(timing.durationSeconds),
            'queue-seconds': timing.queueSeconds === null ? '' : String(timing.queueSeconds),
            'flake-rate': String(report.metrics.flake_rate),
        },
    };
    const wantInsights = settings.insights ?? ctx.eventName === 'schedule';
    if (wantInsights) {
        if (!deps.store)
            logger.warning('ci-metrics: no store, so the insights have no history to read.');
        const days = deps.store ? await loadHistory(deps.store, now, settings.historyDays) : [];
        const github = deps.github;
        const commitsBetween = github?.canRead
            ? async (base, head) => {
                const { data } = await github.octokit.rest.repos.compareCommitsWithBasehead({
                    owner: ctx.owner,
                    repo: ctx.repo,
                    basehead: `${base}...${head}`,
                    per_page: 20,
                });
                return data.commits.map((c) => ({ sha: c.sha, message: c.commit.message }));
            }
            : undefined;
        const insights = await buildInsights(days, { logger, llm: deps.llm, commitsBetween });
        const md = (0,redact/* redact */.E$)(renderInsights(insights, { repo: ctx.repository, generatedAt: now.toISOString() }));
        const insightsFile = (0,external_node_path_.join)(outDir, 'ci_insights.md');
        (0,external_node_fs_.writeFileSync)(insightsFile, md);
        outcome.insights = insights;
        outcome.insightsMarkdown = md;
        outcome.insightsPath = (0,files/* repoRelative */.Ne)(ctx.workspace, insightsFile);
        outcome.outputs['insights-path'] = outcome.insightsPath;
    }
    return outcome;
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/summary.ts
function secs(v) {
    if (v === null)
        return '—';
    return v >= 120 ? `${(v / 60).toFixed(1)} min` : `${v} s`;
}
/** The job summary: this run's numbers, the sinks' fate, and the insights when they were written. */
function renderSummary(o) {
    const r = o.report;
    const m = r.metrics;
    const lines = [
        `## CI metrics — run ${r.workflow_run_id} (attempt ${r.run_attempt})`,
        '',
        '| Metric | Value |',
        '| --- | --- |',
        `| Duration | ${secs(m.duration_seconds)} |`,
        `| Queue (first job) | ${secs(m.queue_seconds)} |`,
        `| Tests | ${m.tests ? `${m.tests.passed} passed, ${m.tests.failed} failed, ${m.tests.skipped} skipped` : '—'} |`,
        `| Flaky tests | ${m.flaky_tests ?? '—'} |`,
        `| Coverage | ${m.coverage_pct === null ? '—' : `${m.coverage_pct}%`} |`,
        `| AI fix confidence | ${m.ai_fix_confidence ?? '—'} |`,
        '',
        '| Job | Status | Queue | Duration |',
        '| --- | --- | --- | --- |',
        ...r.jobs.map((j) => `| ${j.name.replace(/\|/g, '\\|')}${j.attempt !== r.run_attempt ? ` (attempt ${j.attempt})` : ''} | ${j.status} | ${secs(j.queueSeconds)} | ${secs(j.durationSeconds)} |`),
        '',
        r.sinks.length
            ? `Sinks: ${r.sinks.map((s) => `${s.sink} ${s.ok ? '✅' : `⚠️ ${s.detail}`}`).join('; ')}.`
            : 'No metrics sink configured (pushgateway-url, datadog-api-key, otlp-endpoint).',
    ];
    if (o.insightsMarkdown)
        lines.push('', o.insightsMarkdown.replace(/^# /, '## '));
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/actions/ci-metrics/main.ts









async function run() {
    const settings = getInputs();
    (0,redact/* registerSecret */.cl)(settings.datadogApiKey);
    const logger = (0,core_logger/* actionsLogger */.MV)();
    const ctx = (0,context/* readRunContext */.$)();
    // Heavy collaborators load after the inputs are read: start-up stays small.
    const [{ githubFromEnv }, { budgetStore, openStore }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(144)]).then(__webpack_require__.bind(__webpack_require__, 2144)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 87484)),
    ]);
    const github = githubFromEnv(logger);
    let store;
    try {
        store = await openStore({ action: 'ci-metrics', repo: ctx.repository, logger });
        const s = store;
        (0,action/* onActionExit */.O)(() => s.close());
    }
    catch (err) {
        logger.warning(`ci-metrics: no store (${(0,errors/* errorMessage */.gJ)(err)}); no history and no insights trends this run.`);
    }
    const wantInsights = settings.insights ?? ctx.eventName === 'schedule';
    const createLlmClient = wantInsights && settings.llmEnabled
        ? (await Promise.all(/* import() */[__webpack_require__.e(463), __webpack_require__.e(130)]).then(__webpack_require__.bind(__webpack_require__, 99130))).createLlmClient
        : undefined;
    const llm = createLlmClient
        ? createLlmClient(settings.llm, {
            logger,
            action: 'ci-metrics',
            repository: ctx.repository,
            runId: ctx.runId,
            budgetStore: store ? budgetStore(store) : undefined,
        })
        : undefined;
    if (llm)
        (0,action/* onActionExit */.O)(() => llm.close());
    const outcome = await runCiMetrics({ settings, ctx, logger, github, store, llm });
    for (const [name, value] of Object.entries(outcome.outputs))
        runner_commands/* setOutput */.uH(name, value);
    await runner_commands/* summary */.z.addRaw((0,redact/* redact */.E$)(renderSummary(outcome))).write();
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
