export const id = 774;
export const ids = [774,103,484,517];
export const modules = {

/***/ 71950:
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
// EXTERNAL MODULE: ./src/core/cache/index.ts + 1 modules
var cache = __webpack_require__(87484);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(11227);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(89114);
;// CONCATENATED MODULE: ./src/actions/adaptive-gate/inputs.ts


function percent(inputs, name, env) {
    return inputs.number({ name, ...(env ? { env } : {}) }, { min: 0, max: 100 });
}
function count(inputs, name, env) {
    return inputs.number({ name, env }, { min: 0, integer: true });
}
/** `auto`, or any boolean spelling (`true/false`, `1/0`, `yes/no`). */
function updateMode(inputs) {
    const v = inputs.raw('update-baseline');
    if (v === undefined || v.toLowerCase() === 'auto')
        return 'auto';
    try {
        return (0,core_inputs/* parseBoolean */.yG)(v, 'update-baseline') ? 'true' : 'false';
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Invalid value for input 'update-baseline': '${v}'. Expected auto, true or false.`);
    }
}
function getInputs(inputs = new core_inputs/* Inputs */.G0()) {
    const gate = Object.freeze({
        deltaCoverage: percent(inputs, 'delta-coverage', ['DELTA_COVERAGE']) ?? 5.0,
        deltaVulnHigh: count(inputs, 'delta-vuln-high', ['DELTA_VULN_HIGH']) ?? 3,
        deltaVulnCritical: count(inputs, 'delta-vuln-critical', ['DELTA_VULN_CRITICAL']) ?? 1,
        maxHigh: count(inputs, 'max-high', ['MAX_HIGH']),
        maxCritical: count(inputs, 'max-critical', ['MAX_CRITICAL']),
        vulnGating: inputs.boolean({ name: 'vuln-gating', env: ['VULN_GATING'] }) ?? false,
        minCoverage: percent(inputs, 'min-coverage'),
        minPatchCoverage: percent(inputs, 'min-patch-coverage'),
        smallChangeLines: inputs.number('small-change-lines', { min: 0, integer: true }) ?? 20,
        vulnScope: inputs.choice('vuln-scope', ['all', 'introduced']) ?? 'all',
    });
    const outputDir = inputs.string('output-dir') ?? 'ci_metrics';
    const baselineFile = inputs.string('baseline-file') ?? 'ci_metrics/quality_metrics.json';
    for (const [name, value] of [
        ['output-dir', outputDir],
        ['baseline-file', baselineFile],
    ]) {
        if (value.split(/[\\/]/).includes('..')) {
            throw new errors/* ConfigurationError */.j1(`Invalid value for input '${name}': '${value}'. Expected a path inside the workspace.`);
        }
    }
    return Object.freeze({
        coverage: inputs.globs('coverage'),
        vulnerabilities: inputs.globs('vulnerabilities'),
        gate,
        baselineWindow: inputs.number('baseline-window', { min: 1, max: 1000, integer: true }) ?? 10,
        baselineFile,
        updateBaseline: updateMode(inputs),
        writeBaselineFile: inputs.boolean('write-baseline-file') ?? false,
        base: inputs.string('base'),
        outputDir,
    });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/baseline/index.ts + 1 modules
var core_baseline = __webpack_require__(28567);
// EXTERNAL MODULE: ./src/core/git.ts
var core_git = __webpack_require__(17167);
;// CONCATENATED MODULE: ./src/actions/adaptive-gate/types.ts
/** The gate's vocabulary: what it is told (settings, measurements, baseline window) and what it decides. */
const GATE_SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];

;// CONCATENATED MODULE: ./src/actions/adaptive-gate/baseline-io.ts


/**
 * What the gate keeps beside the shared baseline: the per-file line counts of the newest recorded
 * run, to name the files behind a later drop (a snapshot of one run, too large to repeat in every
 * entry of the rolling window). `runs` holds what baseline version 1 could not: whether a run
 * measured vulnerabilities, and its findings with versions. Baseline version 2 keeps both in the
 * run entries, so `runs` is only read, for runs recorded before it, and pruned as they leave the
 * window.
 */
const FACTS_KEY = 'adaptive-gate:facts';
const FACTS_TYPE = 'ai-ci/gate-facts';
const FACTS_VERSION = 1;
function emptyFacts() {
    return { type: FACTS_TYPE, version: FACTS_VERSION, runs: {}, files: null };
}
function runKey(r) {
    return `${r.runId}#${r.attempt}`;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Parses the facts document; anything unexpected is dropped rather than trusted. */
function parseFacts(text) {
    if (text === undefined)
        return emptyFacts();
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!isObject(doc) || doc.type !== FACTS_TYPE || doc.version !== FACTS_VERSION || !isObject(doc.runs))
        return undefined;
    const runs = {};
    for (const [k, v] of Object.entries(doc.runs)) {
        if (!isObject(v) ||
            typeof v.time !== 'string' ||
            typeof v.vulnsMeasured !== 'boolean' ||
            !Array.isArray(v.findings))
            continue;
        const findings = v.findings.filter((f) => isObject(f) &&
            typeof f.id === 'string' &&
            typeof f.package === 'string' &&
            typeof f.version === 'string' &&
            GATE_SEVERITIES.includes(f.severity));
        runs[k] = { time: v.time, vulnsMeasured: v.vulnsMeasured, findings };
    }
    let files = null;
    const f = doc.files;
    if (isObject(f) &&
        typeof f.runId === 'string' &&
        typeof f.sha === 'string' &&
        typeof f.time === 'string' &&
        isObject(f.files)) {
        const entries = {};
        for (const [p, c] of Object.entries(f.files)) {
            if (isObject(c) && typeof c.covered === 'number' && typeof c.total === 'number')
                entries[p] = { covered: c.covered, total: c.total };
        }
        files = { runId: f.runId, sha: f.sha, time: f.time, files: entries };
    }
    return { type: FACTS_TYPE, version: FACTS_VERSION, runs, files };
}
async function loadFacts(store, logger) {
    try {
        const raw = await store.get(FACTS_KEY);
        const facts = parseFacts(raw);
        if (facts)
            return facts;
        logger.warning(`adaptive-gate: the stored gate facts are unreadable; package versions of earlier findings are unknown for this run.`);
    }
    catch (e) {
        logger.warning(`adaptive-gate: cannot read the stored gate facts: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    return emptyFacts();
}
/**
 * The baseline's runs as the gate reads them. A run whose `vulns` is null had no vulnerability
 * report (its counts are no measurement); a run recorded before baseline version 2 takes its
 * "measured" mark and versioned findings from the gate's older facts when they are there.
 */
function windowFromBaseline(baseline, facts) {
    return baseline.runs.map((r) => {
        const legacy = facts.runs[runKey(r)];
        const vulns = {};
        for (const s of GATE_SEVERITIES)
            vulns[s] = r.vulns?.bySeverity[s] ?? 0;
        return {
            runId: r.runId,
            attempt: r.attempt,
            sha: r.sha,
            time: r.time,
            lines: r.coverage?.lines ?? null,
            branches: r.coverage?.branches ?? null,
            vulns,
            findings: legacy
                ? legacy.findings
                : (r.vulns?.items ?? []).map((i) => ({
                    id: i.id,
                    severity: i.severity,
                    ...(i.package !== null ? { package: i.package } : {}),
                    ...(i.version !== null ? { version: i.version } : {}),
                })),
            vulnsMeasured: r.vulns !== null && (legacy ? legacy.vulnsMeasured : true),
        };
    });
}
/**
 * What the gate measured of this run, as a baseline record: coverage and vulnerabilities, each null
 * when there was no report (never zeros that would read as "no vulnerabilities"). Sections the gate
 * does not measure (tests, flake rate, durations) are left out, so what another writer of the same
 * run recorded stays: the store merges a run's entry field by field.
 */
function toBaselineRun(id, coverage, vulns) {
    return {
        ...id,
        coverage: coverage ? { lines: coverage.lines, branches: coverage.branches, bySuite: {} } : null,
        vulns: vulns
            ? {
                bySeverity: { ...vulns.counts },
                items: vulns.findings.map((f) => ({
                    id: f.id,
                    severity: f.severity,
                    package: f.package,
                    version: f.version,
                })),
            }
            : null,
    };
}
/**
 * Keeps this run's per-file line counts when it is the newest recorded (racing writers end with
 * the newest), and drops older facts of runs no longer in the baseline. Writes nothing when
 * neither applies.
 */
async function recordFileSnapshot(store, id, coverage, baseline) {
    const inWindow = new Set(baseline.runs.map(runKey));
    await store.update(FACTS_KEY, (cur) => {
        const doc = parseFacts(cur) ?? emptyFacts();
        const kept = Object.entries(doc.runs).filter(([k]) => inWindow.has(k));
        let changed = kept.length !== Object.keys(doc.runs).length;
        doc.runs = Object.fromEntries(kept);
        if (coverage &&
            coverage.files.length &&
            (!doc.files || Date.parse(doc.files.time) <= Date.parse(id.time))) {
            const files = {};
            for (const f of coverage.files)
                files[f.path] = { covered: f.linesCovered, total: f.linesTotal };
            doc.files = { runId: runKey(id), sha: id.sha, time: id.time, files };
            changed = true;
        }
        return changed ? JSON.stringify(doc) : cur;
    });
}

;// CONCATENATED MODULE: ./src/actions/adaptive-gate/dependency-changes.ts
/**
 * Which packages a change touched, read from the lines its diff adds to lockfiles and manifests. A
 * vulnerability on a package the change touched is "introduced"; one on an untouched package was
 * disclosed since (the code did not change, the advisory database did).
 *
 * Each format names the package that owns a line differently; for each added line we walk up to
 * the entry that owns it (a version bump only changes `"version"`, `resolved` and `integrity`
 * lines, never the key that names the package).
 */
const BASENAMES = new Set([
    'package-lock.json',
    'npm-shrinkwrap.json',
    'package.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'go.mod',
    'go.sum',
    'cargo.lock',
    'poetry.lock',
    'uv.lock',
    'pipfile.lock',
    'gemfile.lock',
    'composer.lock',
]);
function isDependencyFile(path) {
    const base = (path.split('/').pop() ?? '').toLowerCase();
    return BASENAMES.has(base) || /^requirements.*\.txt$/.test(base) || /^constraints.*\.txt$/.test(base);
}
const indent = (line) => line.length - line.trimStart().length;
/** JSON objects that hold package entries, and the keys inside an entry that are not packages. */
const DEP_MAPS = new Set([
    'dependencies',
    'devDependencies',
    'optionalDependencies',
    'peerDependencies',
    'packages',
    // Pipfile.lock
    'default',
    'develop',
]);
const JSON_KEY = /^\s*"((?:[^"\\]|\\.)*)"\s*:\s*(.*)$/;
/** The chain of enclosing keys of line `i` in pretty-printed JSON (innermost first), the line's own key included. */
function jsonAncestors(lines, i) {
    const keys = [];
    const own = JSON_KEY.exec(lines[i]);
    if (own)
        keys.push(own[1]);
    let level = indent(lines[i]);
    for (let j = i - 1; j >= 0 && level > 0; j--) {
        const l = lines[j];
        if (l.trim() === '' || indent(l) >= level)
            continue;
        const m = JSON_KEY.exec(l);
        if (m && /^[{[]\s*$/.test(m[2].trim()))
            keys.push(m[1]);
        level = indent(l);
    }
    return keys;
}
function npmJsonOwner(lines, i) {
    const keys = jsonAncestors(lines, i);
    // package-lock v2/v3: "packages" -> "node_modules/a/node_modules/b" -> fields.
    const nm = keys.find((k) => k.includes('node_modules/'));
    if (nm)
        return nm.slice(nm.lastIndexOf('node_modules/') + 'node_modules/'.length);
    // lockfile v1 and package.json: the key right under a dependency map.
    for (let k = 1; k < keys.length; k++) {
        if (DEP_MAPS.has(keys[k]) && keys[k - 1] !== '')
            return keys[k - 1];
    }
    return undefined;
}
/** `lodash@^4.17.0, lodash@^4.17.21:` / `"@babel/core@^7.0.0":` / `"lodash@npm:4.17.21":` -> the name. */
function specName(spec) {
    const s = spec
        .trim()
        .replace(/^["']|["']$/g, '')
        .replace(/^\//, '');
    const at = s.indexOf('@', s.startsWith('@') ? 1 : 0);
    const name = at > 0 ? s.slice(0, at) : s;
    return name || undefined;
}
function yarnOwner(lines, i) {
    for (let j = i; j >= 0; j--) {
        const l = lines[j];
        if (l.trim() === '' || l.startsWith('#') || indent(l) > 0)
            continue;
        return specName(l.replace(/:\s*$/, '').split(',')[0]);
    }
    return undefined;
}
/** YAML with keys on their own lines (pnpm-lock.yaml). */
function pnpmOwner(lines, i) {
    const chain = [];
    let level = Number.POSITIVE_INFINITY;
    for (let j = i; j >= 0; j--) {
        const l = lines[j];
        if (l.trim() === '' || l.trimStart().startsWith('#'))
            continue;
        const ind = indent(l);
        if (j !== i && ind >= level)
            continue;
        const m = /^\s*(['"]?[^'":]+(?::[^'":\s][^'":]*)*['"]?):(?:\s|$)/.exec(l);
        if (m)
            chain.unshift({ key: m[1].replace(/^['"]|['"]$/g, ''), indent: ind });
        level = ind;
        if (ind === 0)
            break;
    }
    const top = chain[0]?.key;
    if ((top === 'packages' || top === 'snapshots') && chain[1]) {
        const key = chain[1].key;
        // v5: /lodash/4.17.21 ; v6+: /lodash@4.17.21 or lodash@4.17.21(peer@1)
        if (/^\/(@[^/]+\/)?[^/@]+\/\d/.test(key))
            return key.replace(/^\//, '').replace(/\/\d.*$/, '');
        return specName(key.replace(/\(.*$/, ''));
    }
    for (let k = chain.length - 2; k >= 0; k--) {
        if (DEP_MAPS.has(chain[k].key) && chain[k + 1])
            return chain[k + 1].key;
    }
    return undefined;
}
function goOwner(line) {
    const t = line
        .trim()
        .replace(/^require\s+/, '')
        .replace(/^\(\s*/, '');
    const m = /^([^\s]+)\s+v\d/.exec(t);
    return m ? m[1] : undefined;
}
function requirementsOwner(line) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith('-'))
        return undefined;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(t);
    return m ? m[1] : undefined;
}
/** TOML lockfiles with `[[package]]` tables (Cargo.lock, poetry.lock, uv.lock). */
function tomlOwner(lines, i) {
    let start = i;
    while (start > 0 && !/^\s*\[\[package\]\]/.test(lines[start]))
        start--;
    for (let j = start; j < lines.length && (j === start || !/^\s*\[\[package\]\]/.test(lines[j])); j++) {
        const m = /^\s*name\s*=\s*"([^"]+)"/.exec(lines[j]);
        if (m)
            return m[1];
    }
    return undefined;
}
function gemOwner(line) {
    const m = /^\s{4}([A-Za-z0-9._-]+) \(/.exec(line);
    return m ? m[1] : undefined;
}
function composerOwner(lines, i) {
    // Each package object has a "name" line near its top: the closest one above at the same depth.
    const target = indent(lines[i]);
    for (let j = i; j >= 0; j--) {
        const m = /^\s*"name"\s*:\s*"([^"]+)"/.exec(lines[j]);
        if (m && indent(lines[j]) <= target)
            return m[1];
    }
    return undefined;
}
/** The packages whose entries own the given (1-based) added lines of one dependency file. */
function packagesTouched(path, text, added) {
    const base = (path.split('/').pop() ?? '').toLowerCase();
    const lines = text.split(/\r?\n/);
    const out = new Set();
    for (const n of added) {
        const i = n - 1;
        if (i < 0 || i >= lines.length)
            continue;
        let name;
        if (base === 'package-lock.json' ||
            base === 'npm-shrinkwrap.json' ||
            base === 'package.json' ||
            base === 'pipfile.lock') {
            name = npmJsonOwner(lines, i);
        }
        else if (base === 'yarn.lock')
            name = yarnOwner(lines, i);
        else if (base === 'pnpm-lock.yaml')
            name = pnpmOwner(lines, i);
        else if (base === 'go.mod' || base === 'go.sum')
            name = goOwner(lines[i]);
        else if (base === 'cargo.lock' || base === 'poetry.lock' || base === 'uv.lock')
            name = tomlOwner(lines, i);
        else if (base === 'gemfile.lock')
            name = gemOwner(lines[i]);
        else if (base === 'composer.lock')
            name = composerOwner(lines, i);
        else
            name = requirementsOwner(lines[i]);
        if (name)
            out.add(name);
    }
    return [...out].sort();
}

;// CONCATENATED MODULE: ./src/actions/adaptive-gate/stats.ts
/** Robust summaries of the baseline window: one odd run must not move the bar. */
function median(values) {
    if (values.length === 0)
        throw new RangeError('median of an empty list');
    const s = [...values].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Median absolute deviation from the median (unscaled), in the values' own unit. */
function medianAbsoluteDeviation(values) {
    const m = median(values);
    return median(values.map((v) => Math.abs(v - m)));
}
/** Rounds to two decimals, the precision coverage percentages are reported with. */
function round2(n) {
    return Math.round(n * 100) / 100;
}

;// CONCATENATED MODULE: ./src/actions/adaptive-gate/patch-coverage.ts

/**
 * Finds the coverage entry of a diff path. Coverage tools in a sub-project write paths relative to
 * that project (`src/a.js` for `packages/x/src/a.js`), so a unique suffix match is accepted.
 */
function coverageIndex(files) {
    const exact = new Map(files.map((f) => [f.path, f]));
    return (path) => {
        const hit = exact.get(path);
        if (hit)
            return hit;
        const suffixed = files.filter((f) => path.endsWith(`/${f.path}`));
        return suffixed.length === 1 ? suffixed[0] : undefined;
    };
}
/**
 * Coverage of the lines a change adds. Only lines a coverage report lists (executable lines) are
 * lines to cover; comments and blank lines are not. The small-change exemption counts lines to
 * cover, as Sonar does, and is the same on a pull request and on the default branch.
 */
function patchCoverage(files, addedLines, smallChangeLines) {
    const find = coverageIndex(files);
    let added = 0;
    let covered = 0;
    let toCover = 0;
    const perFile = [];
    for (const [path, lines] of [...addedLines].sort((a, b) => a[0].localeCompare(b[0]))) {
        added += lines.length;
        const fc = find(path);
        if (!fc)
            continue;
        const cov = new Set(fc.coveredLines);
        const unc = new Set(fc.uncoveredLines);
        const c = lines.filter((l) => cov.has(l));
        const u = lines.filter((l) => unc.has(l));
        if (c.length + u.length === 0)
            continue;
        covered += c.length;
        toCover += c.length + u.length;
        perFile.push({ path, covered: c, uncovered: u });
    }
    return {
        addedLines: added,
        linesToCover: toCover,
        covered,
        pct: toCover === 0 ? null : round2((covered / toCover) * 100),
        exempt: toCover < smallChangeLines,
        files: perFile,
    };
}
/**
 * The files behind a coverage drop: against the last recorded default-branch run when its per-file
 * counts are known (uncovered lines that appeared, covered lines that vanished with a deleted test
 * or file), and the change's own uncovered added lines. Largest increase of uncovered lines first.
 */
function coverageDrivers(files, snapshot, patch, limit = 10) {
    const byPath = new Map();
    const uncoveredAdded = new Map((patch?.files ?? []).map((f) => [f.path, f.uncovered]));
    if (snapshot) {
        const now = new Map(files.map((f) => [f.path, f]));
        const paths = new Set([...now.keys(), ...Object.keys(snapshot.files)]);
        for (const path of paths) {
            const b = snapshot.files[path] ?? null;
            const f = now.get(path);
            const a = f ? { covered: f.linesCovered, total: f.linesTotal } : null;
            const uncBefore = b ? b.total - b.covered : 0;
            const uncAfter = a ? a.total - a.covered : 0;
            const lostCovered = (b?.covered ?? 0) - (a?.covered ?? 0);
            const newlyUncovered = uncAfter - uncBefore;
            if (newlyUncovered > 0 || lostCovered > 0) {
                byPath.set(path, {
                    path,
                    before: b,
                    after: a,
                    newlyUncovered,
                    uncoveredAddedLines: uncoveredAdded.get(path) ?? [],
                });
            }
        }
    }
    for (const [path, lines] of uncoveredAdded) {
        if (!lines.length || byPath.has(path))
            continue;
        const f = coverageIndex(files)(path);
        const a = f ? { covered: f.linesCovered, total: f.linesTotal } : null;
        const b = snapshot?.files[f?.path ?? path] ?? null;
        // Without a per-file baseline, the uncovered lines the change added are the best estimate.
        const newlyUncovered = snapshot
            ? (a ? a.total - a.covered : 0) - (b ? b.total - b.covered : 0)
            : lines.length;
        byPath.set(path, { path, before: b, after: a, newlyUncovered, uncoveredAddedLines: lines });
    }
    const lost = (d) => (d.before?.covered ?? 0) - (d.after?.covered ?? 0);
    return [...byPath.values()]
        .sort((x, y) => y.newlyUncovered - x.newlyUncovered ||
        lost(y) - lost(x) ||
        y.uncoveredAddedLines.length - x.uncoveredAddedLines.length ||
        x.path.localeCompare(y.path))
        .slice(0, limit);
}

;// CONCATENATED MODULE: ./src/actions/adaptive-gate/vulns.ts
/**
 * Package names compare loosely: registries differ in case and separators (PyPI treats `-`, `_`
 * and `.` alike, PEP 503), and a lockfile may spell a name differently from the scanner.
 */
function normalizePackage(name) {
    return name
        .trim()
        .toLowerCase()
        .replace(/[-_.]+/g, '-');
}
/**
 * Splits this run's findings against the latest baseline run by identity (id, package, version):
 * new ones are either introduced by this change or newly disclosed on packages it did not touch.
 *
 * With a lockfile diff (`dependencyChanges`), a new finding is introduced exactly when the change
 * touched its package. Without one, a package already present at the same version in the baseline
 * is unchanged (so a new advisory on it is a disclosure); any other new finding counts as
 * introduced, the cautious reading.
 */
function classifyFindings(current, latest, dependencyChanges) {
    if (!latest) {
        return { introduced: [], disclosed: [], fixed: [], classifiedBy: 'none' };
    }
    const matches = (b, f) => b.id === f.id &&
        normalizePackage(b.package ?? f.package) === normalizePackage(f.package) &&
        (b.version === undefined || b.version === f.version);
    const fresh = current.filter((f) => !latest.findings.some((b) => matches(b, f)));
    const fixed = latest.findings.filter((b) => !current.some((f) => matches(b, f)));
    const introduced = [];
    const disclosed = [];
    if (dependencyChanges) {
        const touched = new Set(dependencyChanges.map(normalizePackage));
        for (const f of fresh)
            (touched.has(normalizePackage(f.package)) ? introduced : disclosed).push(f);
        return { introduced, disclosed, fixed, classifiedBy: 'lockfile-diff' };
    }
    const present = new Set(latest.findings
        .filter((b) => b.package !== undefined && b.version !== undefined)
        .map((b) => `${normalizePackage(b.package ?? '')}@${b.version ?? ''}`));
    for (const f of fresh)
        (present.has(`${normalizePackage(f.package)}@${f.version}`) ? disclosed : introduced).push(f);
    return { introduced, disclosed, fixed, classifiedBy: 'baseline-packages' };
}

;// CONCATENATED MODULE: ./src/actions/adaptive-gate/gate.ts




/** The noise band (MAD) is only meaningful once the window holds this many runs. */
const NOISE_BAND_MIN_RUNS = 3;
const fmt = (n) => (n === null ? 'n/a' : String(round2(n)));
function runLabel(r) {
    return `${r.runId}#${r.attempt}@${r.sha.slice(0, 7)}`;
}
/**
 * Compares one metric of this run with the median of the baseline window. Fails only when the
 * drop is strictly greater than allowed; the drop is rounded to the reports' two decimals first so
 * that 90 - 85 and 89.1 - 84.1 compare alike.
 */
function coverageDelta(id, metric, current, window, pick, allowed, files) {
    const runs = window.filter((r) => pick(r) !== null);
    const base = {
        id,
        metric,
        kind: 'delta',
        gated: true,
        unit: '%',
        current,
        baseline: null,
        delta: null,
        allowed,
        status: 'skip',
        message: '',
    };
    if (current === null)
        return undefined;
    if (runs.length === 0) {
        const why = window.length
            ? 'no baseline run measured it yet'
            : 'no baseline run yet, collecting a baseline';
        return { ...base, message: `${metric} ${fmt(current)}%: ${why}.` };
    }
    const values = runs.map((r) => pick(r));
    const baseline = round2(median(values));
    const delta = round2(current - baseline);
    const drop = round2(baseline - current);
    const noiseBand = values.length >= NOISE_BAND_MIN_RUNS ? round2(medianAbsoluteDeviation(values)) : undefined;
    const failed = drop > allowed;
    const band = noiseBand === undefined ? '' : ` (noise band ±${noiseBand})`;
    const cond = {
        ...base,
        baseline,
        delta,
        status: failed ? 'fail' : 'pass',
        baselineRuns: runs.map(runLabel),
        ...(noiseBand === undefined ? {} : { noiseBand }),
        message: failed
            ? `${metric} dropped ${drop} points: ${fmt(current)}% vs baseline ${baseline}%${band} (median of ${runs.length} run${runs.length === 1 ? '' : 's'}); allowed drop ${allowed}.`
            : `${metric} ${fmt(current)}% vs baseline ${baseline}%${band}: change ${delta >= 0 ? '+' : ''}${delta}, allowed drop ${allowed}.`,
    };
    if (failed)
        cond.files = files();
    return cond;
}
function countsMedian(window) {
    const out = {};
    for (const s of GATE_SEVERITIES)
        out[s] = median(window.map((r) => r.vulns[s]));
    return out;
}
function vulnConditions(input, summary, collecting) {
    const { settings } = input;
    const gated = settings.vulnGating;
    const note = gated ? '' : ' (reported only: VULN_GATING is off)';
    const out = [];
    if (input.vulnErrors.length) {
        out.push({
            id: 'vulns.report',
            metric: 'vulnerability report',
            kind: 'report',
            gated,
            status: 'fail',
            unit: 'count',
            current: null,
            baseline: null,
            delta: null,
            allowed: null,
            message: `vulnerability report unreadable, so the counts are unknown (a failed audit is not zero vulnerabilities): ${input.vulnErrors.join('; ')}${note}`,
        });
    }
    if (!summary)
        return out;
    const severities = [
        { sev: 'critical', allowed: settings.deltaVulnCritical, max: settings.maxCritical },
        { sev: 'high', allowed: settings.deltaVulnHigh, max: settings.maxHigh },
    ];
    for (const { sev, allowed, max } of severities) {
        const current = summary.counts[sev];
        const metric = `${sev} vulnerabilities`;
        const base = {
            id: `vulns.${sev}`,
            metric,
            kind: 'delta',
            gated,
            unit: 'count',
            current,
            allowed,
        };
        if (!summary.baseline) {
            out.push({
                ...base,
                status: 'skip',
                baseline: null,
                delta: null,
                message: `${metric} ${current}: ${collecting ? 'no baseline run yet, collecting a baseline' : 'no baseline run measured vulnerabilities yet'}.`,
            });
        }
        else if (settings.vulnScope === 'introduced') {
            const introduced = summary.introduced.filter((f) => f.severity === sev);
            const disclosed = summary.disclosed.filter((f) => f.severity === sev).length;
            const failed = introduced.length > allowed;
            out.push({
                ...base,
                status: failed ? 'fail' : 'pass',
                baseline: summary.baseline[sev],
                delta: introduced.length,
                baselineRuns: input.window.map(runLabel),
                ...(failed ? { findings: introduced } : {}),
                message: `${metric}: ${introduced.length} introduced by this change${introduced.length ? ` (${introduced.map((f) => `${f.id} in ${f.package}@${f.version}`).join(', ')})` : ''}, allowed ${allowed}; ${disclosed} newly disclosed on unchanged packages not counted${note}.`,
            });
        }
        else {
            const baseline = summary.baseline[sev];
            const delta = current - baseline;
            const failed = delta > allowed;
            const fresh = [...summary.introduced, ...summary.disclosed].filter((f) => f.severity === sev);
            out.push({
                ...base,
                status: failed ? 'fail' : 'pass',
                baseline,
                delta,
                baselineRuns: input.window.map(runLabel),
                ...(failed ? { findings: fresh } : {}),
                message: `${metric} ${current} vs baseline ${baseline} (median of ${input.window.length} run${input.window.length === 1 ? '' : 's'}): ${delta >= 0 ? '+' : ''}${delta}, allowed increase ${allowed}${note}.`,
            });
        }
        if (max !== undefined) {
            const failed = current > max;
            out.push({
                id: `vulns.${sev}.max`,
                metric,
                kind: 'maximum',
                gated,
                status: failed ? 'fail' : 'pass',
                unit: 'count',
                current,
                baseline: null,
                delta: null,
                allowed: max,
                message: `${metric} ${current}, maximum ${max}${failed ? ' exceeded' : ''}${note}.`,
            });
        }
    }
    return out;
}
/**
 * The gate: every condition evaluated and explained, gated ones decide. Pure: the same input gives
 * the same result, which is what the replay benchmark relies on.
 */
function evaluateGate(input) {
    const { settings, window } = input;
    const conditions = [];
    const notices = [];
    const collectingBaseline = window.length === 0;
    if (collectingBaseline) {
        notices.push('No baseline yet: this run is compared with nothing and helps collect the baseline (gating starts with the first recorded default-branch run).');
    }
    const patch = input.coverage && input.addedLines
        ? patchCoverage(input.coverage.files, input.addedLines, settings.smallChangeLines)
        : null;
    let coverage = null;
    if (input.coverage) {
        const cov = input.coverage;
        const files = () => coverageDrivers(cov.files, input.fileSnapshot, patch);
        const lines = coverageDelta('coverage.lines', 'line coverage', cov.lines, window, (r) => r.lines, settings.deltaCoverage, files);
        const branches = coverageDelta('coverage.branches', 'branch coverage', cov.branches, window, (r) => r.branches, settings.deltaCoverage, files);
        if (lines)
            conditions.push(lines);
        if (branches && (branches.status !== 'skip' || !collectingBaseline))
            conditions.push(branches);
        coverage = {
            lines: cov.lines,
            branches: cov.branches,
            baselineLines: lines?.baseline ?? null,
            baselineBranches: branches?.baseline ?? null,
            delta: lines?.delta ?? null,
            noiseBand: lines?.noiseBand ?? null,
        };
        if (settings.minCoverage !== undefined && cov.lines !== null) {
            const failed = cov.lines < settings.minCoverage;
            conditions.push({
                id: 'coverage.min',
                metric: 'line coverage',
                kind: 'floor',
                gated: true,
                status: failed ? 'fail' : 'pass',
                unit: '%',
                current: cov.lines,
                baseline: null,
                delta: null,
                allowed: settings.minCoverage,
                ...(failed ? { files: files() } : {}),
                message: `line coverage ${fmt(cov.lines)}%, floor ${settings.minCoverage}%${failed ? ' not met' : ''}.`,
            });
        }
        if (patch) {
            const min = settings.minPatchCoverage;
            const base = {
                id: 'coverage.patch',
                metric: 'patch coverage',
                kind: 'floor',
                unit: '%',
                current: patch.pct,
                baseline: null,
                delta: null,
                allowed: min ?? null,
            };
            const what = `${patch.covered} of ${patch.linesToCover} added lines to cover`;
            if (min === undefined) {
                conditions.push({
                    ...base,
                    gated: false,
                    status: patch.pct === null ? 'skip' : 'pass',
                    message: `patch coverage ${fmt(patch.pct)}% (${what}); no minimum set.`,
                });
            }
            else if (patch.exempt) {
                conditions.push({
                    ...base,
                    gated: true,
                    status: 'skip',
                    message: `patch coverage ${fmt(patch.pct)}% (${what}): small change, fewer than ${settings.smallChangeLines} lines to cover, exempt.`,
                });
            }
            else {
                const failed = (patch.pct ?? 100) < min;
                const uncovered = patch.files.filter((f) => f.uncovered.length);
                conditions.push({
                    ...base,
                    gated: true,
                    status: failed ? 'fail' : 'pass',
                    ...(failed
                        ? {
                            files: uncovered.map((f) => ({
                                path: f.path,
                                before: null,
                                after: null,
                                newlyUncovered: f.uncovered.length,
                                uncoveredAddedLines: f.uncovered,
                            })),
                        }
                        : {}),
                    message: `patch coverage ${fmt(patch.pct)}% (${what}), minimum ${min}%${failed ? ' not met' : ''}.`,
                });
            }
        }
    }
    let vulns = null;
    // Runs that had no vulnerability report carry no counts worth comparing with.
    const vulnWindow = window.filter((r) => r.vulnsMeasured !== false);
    if (input.vulns) {
        vulns = {
            counts: input.vulns.counts,
            baseline: vulnWindow.length ? countsMedian(vulnWindow) : null,
            ...classifyFindings(input.vulns.findings, vulnWindow.at(-1), input.dependencyChanges),
        };
    }
    conditions.push(...vulnConditions({ ...input, window: vulnWindow }, vulns, collectingBaseline));
    const regressions = conditions.filter((c) => c.gated && c.status === 'fail');
    return {
        passed: regressions.length === 0,
        collectingBaseline,
        conditions,
        regressions,
        coverage,
        patch,
        vulns,
        windowSize: window.length,
        notices,
    };
}
/** One line per failed gated condition, for the step's failure message. */
function failureLines(result) {
    return result.regressions.map((c) => {
        const files = c.files?.length
            ? ` Files: ${c.files
                .slice(0, 5)
                .map((f) => `${f.path} (+${f.newlyUncovered} uncovered)`)
                .join(', ')}.`
            : '';
        return `${c.id}: ${c.message}${files}`;
    });
}

// EXTERNAL MODULE: ./src/core/files.ts
var core_files = __webpack_require__(69928);
// EXTERNAL MODULE: ./src/parsers/index.ts + 19 modules
var parsers = __webpack_require__(41736);
;// CONCATENATED MODULE: ./src/actions/adaptive-gate/measure.ts




/**
 * One coverage figure from several reports (unit + integration, several packages). A file in two
 * reports is covered on a line when either report covers it; without per-line data the larger
 * counts stand.
 */
function mergeCoverage(reports) {
    const byPath = new Map();
    for (const r of reports) {
        for (const f of r.files) {
            const acc = byPath.get(f.path) ?? {
                covered: new Set(),
                uncovered: new Set(),
                linesCovered: 0,
                linesTotal: 0,
                branchesCovered: 0,
                branchesTotal: 0,
            };
            for (const l of f.coveredLines)
                acc.covered.add(l);
            for (const l of f.uncoveredLines)
                acc.uncovered.add(l);
            acc.linesCovered = Math.max(acc.linesCovered, f.lines.covered);
            acc.linesTotal = Math.max(acc.linesTotal, f.lines.total);
            acc.branchesCovered = Math.max(acc.branchesCovered, f.branches.covered);
            acc.branchesTotal = Math.max(acc.branchesTotal, f.branches.total);
            byPath.set(f.path, acc);
        }
    }
    const files = [];
    let lc = 0;
    let lt = 0;
    let bc = 0;
    let bt = 0;
    for (const [path, acc] of [...byPath].sort((a, b) => a[0].localeCompare(b[0]))) {
        const perLine = acc.covered.size + acc.uncovered.size > 0;
        const coveredLines = [...acc.covered].sort((a, b) => a - b);
        const uncoveredLines = [...acc.uncovered].filter((l) => !acc.covered.has(l)).sort((a, b) => a - b);
        const linesCovered = perLine ? coveredLines.length : acc.linesCovered;
        const linesTotal = perLine ? coveredLines.length + uncoveredLines.length : acc.linesTotal;
        files.push({ path, linesCovered, linesTotal, coveredLines, uncoveredLines });
        lc += linesCovered;
        lt += linesTotal;
        bc += acc.branchesCovered;
        bt += acc.branchesTotal;
    }
    // A report without per-file entries (a bare summary) still carries totals.
    if (byPath.size === 0) {
        for (const r of reports) {
            lc += r.totals.lines.covered;
            lt += r.totals.lines.total;
            bc += r.totals.branches.covered;
            bt += r.totals.branches.total;
        }
    }
    return {
        lines: lt === 0 ? null : round2((lc / lt) * 100),
        branches: bt === 0 ? null : round2((bc / bt) * 100),
        linesCovered: lc,
        linesTotal: lt,
        files,
    };
}
/** Scanner severities folded into the gate's five (`info` is below `low`). */
function gateSeverity(s) {
    if (s === 'info')
        return 'low';
    return GATE_SEVERITIES.includes(s) ? s : 'unknown';
}
/** Findings of every report, one per (id, package, version); two scanners agreeing count once. */
function mergeVulns(reports) {
    const byKey = new Map();
    const rank = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 };
    for (const r of reports) {
        for (const f of r.findings) {
            const finding = {
                id: f.id,
                package: f.package,
                version: f.version,
                severity: gateSeverity(f.severity),
                title: f.title,
                fixedVersion: f.fixedVersion,
            };
            const key = `${f.id}\u0000${f.package}\u0000${f.version}`;
            const prev = byKey.get(key);
            if (!prev || rank[finding.severity] > rank[prev.severity])
                byKey.set(key, finding);
        }
    }
    const findings = [...byKey.values()].sort((a, b) => rank[b.severity] - rank[a.severity] || a.package.localeCompare(b.package) || a.id.localeCompare(b.id));
    const counts = Object.fromEntries(GATE_SEVERITIES.map((s) => [s, 0]));
    for (const f of findings)
        counts[f.severity]++;
    return { counts, findings };
}
async function readCoverage(patterns, root, logger) {
    const paths = await (0,core_files/* expandGlobs */.GE)(patterns, root);
    if (paths.length === 0) {
        logger.warning(`adaptive-gate: no coverage report matched ${patterns.join(', ')}; coverage is not gated in this run.`);
        return { measure: undefined, files: [] };
    }
    const reports = [];
    const files = [];
    for (const p of paths) {
        const r = await (0,parsers/* parseCoverage */.go)(p, { root });
        const rel = (0,core_files/* repoRelative */.Ne)(root, p);
        if ((0,parsers/* isParseError */.M8)(r)) {
            logger.warning(`adaptive-gate: coverage report ${rel} skipped: ${r.error}`, { file: rel });
            continue;
        }
        for (const w of r.warnings)
            logger.warning(`adaptive-gate: ${rel}: ${w}`, { file: rel });
        reports.push(r);
        files.push(rel);
    }
    if (reports.length === 0) {
        logger.warning('adaptive-gate: no coverage report could be read; coverage is not gated in this run.');
        return { measure: undefined, files };
    }
    return { measure: mergeCoverage(reports), files };
}
async function readVulns(patterns, root, logger) {
    const paths = await (0,core_files/* expandGlobs */.GE)(patterns, root);
    if (paths.length === 0) {
        return {
            measure: undefined,
            files: [],
            errors: [`no vulnerability report matched ${patterns.join(', ')} (did the audit step run?)`],
        };
    }
    const reports = [];
    const files = [];
    const errors = [];
    for (const p of paths) {
        const r = await (0,parsers/* parseVulnerabilities */.gs)(p, { root });
        const rel = (0,core_files/* repoRelative */.Ne)(root, p);
        if ((0,parsers/* isParseError */.M8)(r)) {
            errors.push(`${rel}: ${r.error}`);
            logger.warning(`adaptive-gate: vulnerability report ${rel}: ${r.error}`, { file: rel });
            continue;
        }
        for (const w of r.warnings)
            logger.warning(`adaptive-gate: ${rel}: ${w}`, { file: rel });
        reports.push(r);
        files.push(rel);
    }
    // Counts from the readable reports alone would under-count: with any failure, counts are unknown.
    if (errors.length)
        return { measure: undefined, files, errors };
    return { measure: mergeVulns(reports), files, errors };
}

// EXTERNAL MODULE: ./src/core/redact.ts + 1 modules
var redact = __webpack_require__(37394);
;// CONCATENATED MODULE: ./src/actions/adaptive-gate/report.ts


const GATE_REPORT_TYPE = 'ai-ci/gate';
const GATE_REPORT_VERSION = 1;
/** Advisory titles come from outside; they pass redaction like every text that leaves the runner. */
function scrub(result) {
    const clean = (f) => (f.title ? { ...f, title: (0,redact/* redact */.E$)(f.title) } : f);
    return {
        ...result,
        conditions: result.conditions.map((c) => (c.findings ? { ...c, findings: c.findings.map(clean) } : c)),
        vulns: result.vulns
            ? {
                ...result.vulns,
                introduced: result.vulns.introduced.map(clean),
                disclosed: result.vulns.disclosed.map(clean),
            }
            : null,
    };
}
function buildReport(args) {
    const r = scrub(args.result);
    return {
        type: GATE_REPORT_TYPE,
        version: GATE_REPORT_VERSION,
        generatedAt: args.now.toISOString(),
        passed: r.passed,
        collectingBaseline: r.collectingBaseline,
        context: args.context,
        settings: args.settings,
        reports: args.reports,
        baseline: args.baseline,
        coverage: r.coverage,
        patch: r.patch,
        vulns: r.vulns,
        conditions: r.conditions,
        regressions: r.regressions.map((c) => c.id),
        baselineUpdate: args.baselineUpdate,
        notices: r.notices,
    };
}
/** The action's outputs, as strings. */
function gateOutputs(result, reportPath) {
    return {
        passed: String(result.passed),
        coverage: result.coverage?.lines === null || result.coverage === null ? '' : String(result.coverage.lines),
        'coverage-delta': result.coverage?.delta === null || result.coverage === null ? '' : String(result.coverage.delta),
        vulns: JSON.stringify(result.vulns ? result.vulns.counts : null),
        regressions: JSON.stringify(result.regressions.map((c) => ({
            id: c.id,
            metric: c.metric,
            current: c.current,
            baseline: c.baseline,
            delta: c.delta,
            allowed: c.allowed,
            message: (0,redact/* redact */.E$)(c.message),
            ...(c.files?.length ? { files: c.files.map((f) => f.path) } : {}),
        }))),
        'report-path': reportPath,
    };
}
const cell = (v, unit) => v === null ? '–' : unit === '%' ? `${v}%` : String(v);
const verdict = (c) => c.status === 'skip'
    ? '⏭ skipped'
    : c.status === 'pass'
        ? '✅ pass'
        : c.gated
            ? '❌ fail'
            : '⚠️ over (not gated)';
/** `[3, 4, 5, 9]` -> `3-5, 9`: a long run of untested lines stays one short phrase. */
function lineRanges(lines) {
    const out = [];
    for (let i = 0; i < lines.length;) {
        let j = i;
        while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1)
            j++;
        out.push(j > i ? `${lines[i]}-${lines[j]}` : String(lines[i]));
        i = j + 1;
    }
    return out.join(', ');
}
function signed(v) {
    if (v === null)
        return '–';
    return v > 0 ? `+${v}` : String(v);
}
/** Markdown for the job summary: one table row per condition, then what failed and why. */
function renderSummary(report) {
    const out = [];
    out.push(`### adaptive-gate: ${report.passed ? '✅ passed' : '❌ failed'}`);
    out.push('');
    for (const n of report.notices)
        out.push(`> ${n}`, '');
    out.push('| Condition | Current | Baseline | Change | Allowed | Result |');
    out.push('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const c of report.conditions) {
        const allowed = c.allowed === null
            ? '–'
            : c.kind === 'delta'
                ? `${c.unit === '%' ? '-' : '+'}${c.allowed}`
                : c.kind === 'maximum'
                    ? `≤ ${c.allowed}`
                    : `≥ ${c.allowed}${c.unit === '%' ? '%' : ''}`;
        const band = c.noiseBand !== undefined ? ` ±${c.noiseBand}` : '';
        out.push(`| ${c.metric} (\`${c.id}\`) | ${cell(c.current, c.unit)} | ${cell(c.baseline, c.unit)}${band} | ${signed(c.delta)} | ${allowed} | ${verdict(c)} |`);
    }
    out.push('');
    const b = report.baseline;
    out.push(`Baseline: median of ${b.windowSize} default-branch run${b.windowSize === 1 ? '' : 's'}${b.seededFrom ? ` (seeded from \`${b.seededFrom}\`)` : ''}${b.storeTier ? `, kept in the ${b.storeTier} tier` : ''}. ${report.baselineUpdate.reason}`);
    if (b.historyNote)
        out.push('', `_${b.historyNote}_`);
    if (report.vulns && (report.vulns.introduced.length || report.vulns.disclosed.length)) {
        out.push('');
        const list = (fs) => fs.map((f) => `${f.id} (${f.severity}) in ${f.package}@${f.version}`).join(', ');
        if (report.vulns.introduced.length)
            out.push(`- Introduced by this change: ${list(report.vulns.introduced)}`);
        if (report.vulns.disclosed.length)
            out.push(`- Newly disclosed on unchanged packages: ${list(report.vulns.disclosed)}`);
    }
    const failed = report.conditions.filter((c) => c.gated && c.status === 'fail');
    if (failed.length) {
        out.push('', '#### Why it failed', '');
        for (const c of failed) {
            out.push(`- **${c.metric}**: ${c.message}`);
            if (c.baselineRuns?.length)
                out.push(`  - baseline runs: ${c.baselineRuns.join(', ')}`);
            for (const f of c.files ?? []) {
                const lines = f.uncoveredAddedLines.length
                    ? `; uncovered added lines ${lineRanges(f.uncoveredAddedLines)}`
                    : '';
                const ba = f.before && f.after
                    ? ` (${f.before.covered}/${f.before.total} → ${f.after.covered}/${f.after.total} lines covered)`
                    : '';
                out.push(`  - \`${f.path}\`: +${f.newlyUncovered} uncovered lines${ba}${lines}`);
            }
        }
    }
    return out.join('\n') + '\n';
}


;// CONCATENATED MODULE: ./src/actions/adaptive-gate/run-gate.ts










/** Added lines and touched packages between the event's base and head; none when there is no base. */
async function diffFacts(deps) {
    const { ctx, logger, inputs } = deps;
    const git = new core_git/* GitRepo */.tr(deps.workspace, logger);
    try {
        const bh = await (0,core_git/* resolveBaseHead */.Sk)(git, {
            eventName: ctx.eventName,
            payload: ctx.payload,
            sha: ctx.sha,
            ...(ctx.defaultBranch ? { defaultBranch: ctx.defaultBranch } : {}),
        }, inputs.base ? { base: inputs.base } : {}, logger);
        if (!bh.base)
            return { addedLines: undefined, dependencyChanges: undefined, base: null, source: bh.source };
        const added = await git.addedLines(bh.base, bh.head);
        const touched = new Set();
        for (const [path, lines] of added) {
            if (!isDependencyFile(path))
                continue;
            const text = await git.fileAtRevision(bh.head, path);
            if (text !== undefined)
                for (const p of packagesTouched(path, text, lines))
                    touched.add(p);
        }
        return { addedLines: added, dependencyChanges: [...touched].sort(), base: bh.base, source: bh.source };
    }
    catch (e) {
        logger.warning(`adaptive-gate: cannot diff this change (${(0,errors/* errorMessage */.gJ)(e)}); patch coverage and introduced-vs-disclosed are unavailable.`);
        return {
            addedLines: undefined,
            dependencyChanges: undefined,
            base: null,
            source: `none (${(0,errors/* errorMessage */.gJ)(e)})`,
        };
    }
}
function isDefaultBranch(ctx) {
    if (ctx.eventName.startsWith('pull_request') || ctx.eventName === 'merge_group')
        return false;
    return ctx.branch !== undefined && ctx.defaultBranch !== undefined && ctx.branch === ctx.defaultBranch;
}
async function writeJson(file, doc) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(tmp, `${JSON.stringify(doc, null, 2)}\n`);
    await (0,promises_.rename)(tmp, file);
}
/**
 * The whole gate for one run: read reports, diff, baseline; decide; record the run when the rules
 * say so; write the report. Never throws for an outage of the store: the gate then runs as on a
 * first run, with a warning.
 */
async function runGate(deps) {
    const { logger, ctx, store, inputs, workspace } = deps;
    const now = deps.now ?? (() => new Date());
    const coverage = inputs.coverage ? await readCoverage(inputs.coverage, workspace, logger) : undefined;
    const vulns = inputs.vulnerabilities
        ? await readVulns(inputs.vulnerabilities, workspace, logger)
        : undefined;
    const diff = coverage?.measure || vulns?.measure
        ? await diffFacts(deps)
        : {
            addedLines: undefined,
            dependencyChanges: undefined,
            base: null,
            source: 'not needed (no report read)',
        };
    const branch = ctx.defaultBranch ?? 'main';
    const baselines = new core_baseline.BaselineStore(store, {
        logger,
        repo: ctx.repository,
        branch,
        window: inputs.baselineWindow,
    });
    let baseline = (0,core_baseline.emptyBaseline)(ctx.repository, branch, inputs.baselineWindow);
    let seededFrom = null;
    let storeUsable = true;
    try {
        const hadRuns = (await baselines.load()).runs.length > 0;
        const seed = await baselines.seedFromFile((0,external_node_path_.join)(workspace, inputs.baselineFile));
        if (seed && !hadRuns && seed.runs.length)
            seededFrom = inputs.baselineFile;
        baseline = await baselines.load();
    }
    catch (e) {
        storeUsable = false;
        logger.warning(`adaptive-gate: the baseline store is unavailable (${(0,errors/* errorMessage */.gJ)(e)}); gating as on a first run.`);
    }
    const facts = storeUsable ? await loadFacts(store, logger) : emptyFacts();
    const window = windowFromBaseline(baseline, facts);
    const result = evaluateGate({
        settings: inputs.gate,
        window,
        coverage: coverage?.measure,
        vulns: vulns?.measure,
        vulnErrors: vulns?.errors ?? [],
        addedLines: diff.addedLines,
        dependencyChanges: diff.dependencyChanges,
        fileSnapshot: facts.files ?? undefined,
    });
    const onDefault = isDefaultBranch(ctx);
    const update = await updateBaseline(deps, {
        result,
        onDefault,
        storeUsable,
        baselines,
        coverage: coverage?.measure,
        vulns: vulns?.measure,
        now,
    });
    const reportPath = `${inputs.outputDir.replace(/\/+$/, '')}/gate_report.json`;
    const report = buildReport({
        result,
        settings: inputs.gate,
        context: {
            event: ctx.eventName,
            branch: ctx.branch ?? null,
            defaultBranch: ctx.defaultBranch ?? null,
            isDefaultBranch: onDefault,
            sha: ctx.sha,
            runId: ctx.runId,
            diffBase: { sha: diff.base, source: diff.source },
        },
        reports: { coverage: coverage?.files ?? [], vulnerabilities: vulns?.files ?? [] },
        baseline: {
            windowSize: window.length,
            runs: window.map((r) => `${r.runId}#${r.attempt}@${r.sha.slice(0, 7)}`),
            seededFrom,
            storeTier: storeUsable ? store.tier : null,
            historyNote: store.historyNote ?? null,
        },
        baselineUpdate: update,
        now: now(),
    });
    await writeJson((0,external_node_path_.join)(workspace, reportPath), report);
    for (const n of result.notices)
        logger.notice(`adaptive-gate: ${n}`);
    return {
        result,
        report,
        reportPath,
        outputs: gateOutputs(result, reportPath),
        summary: renderSummary(report),
        failures: failureLines(result),
    };
}
async function updateBaseline(deps, s) {
    const { inputs, ctx, logger, store, workspace } = deps;
    const mode = inputs.updateBaseline;
    if (mode === 'false')
        return { recorded: false, reason: 'Baseline not updated (update-baseline: false).' };
    if (mode === 'auto' && !s.onDefault) {
        return {
            recorded: false,
            reason: `Baseline not updated: ${ctx.branch ?? 'this ref'} is not the default branch (${ctx.defaultBranch ?? 'unknown'}).`,
        };
    }
    if (mode === 'auto' && !s.result.passed) {
        return {
            recorded: false,
            reason: 'Baseline not updated: the gate failed, so this run does not become the new normal.',
        };
    }
    if (!s.coverage && !s.vulns)
        return { recorded: false, reason: 'Baseline not updated: this run measured nothing.' };
    if (!s.storeUsable)
        return { recorded: false, reason: 'Baseline not updated: the baseline store is unavailable.' };
    if (!/^[0-9a-f]{7,64}$/.test(ctx.sha)) {
        logger.warning(`adaptive-gate: no commit SHA for this run (GITHUB_SHA='${ctx.sha}'); the baseline is not updated.`);
        return { recorded: false, reason: 'Baseline not updated: no commit SHA.' };
    }
    const id = {
        runId: ctx.runId,
        attempt: Number(ctx.runAttempt) || 1,
        sha: ctx.sha,
        time: s.now().toISOString(),
    };
    try {
        const updated = await s.baselines.recordRun(toBaselineRun(id, s.coverage, s.vulns));
        await recordFileSnapshot(store, id, s.coverage, updated);
        const why = mode === 'true' ? 'update-baseline: true' : 'default branch, gate passed';
        const out = {
            recorded: true,
            reason: `Baseline updated with run ${id.runId}#${id.attempt} (${why}); it now holds ${updated.runs.length} run${updated.runs.length === 1 ? '' : 's'}.`,
        };
        if (inputs.writeBaselineFile) {
            await s.baselines.writeFile((0,external_node_path_.join)(workspace, inputs.baselineFile));
            out.file = inputs.baselineFile;
        }
        return out;
    }
    catch (e) {
        logger.warning(`adaptive-gate: recording this run in the baseline failed: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return { recorded: false, reason: `Baseline not updated: ${(0,errors/* errorMessage */.gJ)(e)}` };
    }
}

;// CONCATENATED MODULE: ./src/actions/adaptive-gate/main.ts







async function run() {
    const inputs = getInputs();
    const logger = (0,core_logger/* actionsLogger */.MV)();
    const ctx = (0,context/* readRunContext */.$)();
    const store = await (0,cache.openStore)({ action: 'adaptive-gate', repo: ctx.repository, logger });
    (0,action/* onActionExit */.O)(() => store.close());
    const outcome = await runGate({ logger, ctx, store, inputs, workspace: ctx.workspace });
    for (const [name, value] of Object.entries(outcome.outputs))
        runner_commands/* setOutput */.uH(name, value);
    await runner_commands/* summary */.z.addRaw(outcome.summary).write();
    if (outcome.failures.length) {
        // The one way this action fails a build: a gated condition regressed. One line per condition.
        runner_commands/* setFailed */.C1(`adaptive-gate: ${outcome.failures.length} condition${outcome.failures.length === 1 ? '' : 's'} regressed\n${outcome.failures.join('\n')}`);
    }
    else {
        runner_commands/* info */.pq(`adaptive-gate: passed (${outcome.result.conditions.length} conditions checked); report at ${outcome.reportPath}`);
    }
}


/***/ }),

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
