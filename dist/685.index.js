export const id = 685;
export const ids = [685];
export const modules = {

/***/ 94623:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ git),
/* harmony export */   b5: () => (/* binding */ withPatch),
/* harmony export */   bj: () => (/* binding */ applyCheck),
/* harmony export */   d1: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);


const run = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
async function git(cwd, args, input) {
    if (input === undefined) {
        const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
        return stdout;
    }
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d.toString()));
        child.stderr.on('data', (d) => (err += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => code === 0 ? resolve(out) : reject(new Error(err.trim() || `git ${args[0]} exited ${code}`)));
        child.stdin.end(input);
    });
}
/** `git apply --check`: does the patch apply cleanly to the working tree? */
async function applyCheck(cwd, patch) {
    try {
        await git(cwd, ['apply', '--check', '--whitespace=nowarn', '-'], patch);
        return undefined;
    }
    catch (err) {
        return err.message.split('\n')[0];
    }
}
/**
 * Runs `fn` with the patch applied to the working tree and takes it back out afterwards, so a
 * local `ai-ci run` leaves the checkout as it found it.
 */
async function withPatch(cwd, patch, fn) {
    await git(cwd, ['apply', '--whitespace=nowarn', '-'], patch);
    try {
        return await fn();
    }
    finally {
        await git(cwd, ['apply', '-R', '--whitespace=nowarn', '-'], patch);
    }
}
/** Runs the verify command in a shell, bounded in time and output. */
function runCommand(cwd, command, timeoutMs, env) {
    return new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('bash', ['-c', command], {
            cwd,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        let output = '';
        const keep = (d) => {
            output += d.toString();
            if (output.length > 200_000)
                output = output.slice(-100_000);
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            try {
                process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                child.kill('SIGKILL');
            }
        }, timeoutMs);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ exitCode: code ?? 1, timedOut, output });
        });
        child.on('error', (err) => {
            clearTimeout(timer);
            resolve({ exitCode: 127, timedOut: false, output: err.message });
        });
    });
}


/***/ }),

/***/ 44685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  scrubbedEnv: () => (/* binding */ scrubbedEnv)
});

// EXTERNAL MODULE: ./src/core/runner-commands.ts
var runner_commands = __webpack_require__(28708);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(11227);
// EXTERNAL MODULE: ./src/core/redact.ts + 1 modules
var redact = __webpack_require__(37394);
// EXTERNAL MODULE: ./src/actions/auto-fix/local-git.ts
var local_git = __webpack_require__(94623);
;// CONCATENATED MODULE: ./src/actions/auto-fix/fixers.ts



/** Files the fixer may touch must be clean, so that its diff is its own and can be taken back. */
async function clean(cwd, files) {
    const status = await (0,local_git/* git */.$Y)(cwd, ['status', '--porcelain', '--', ...files]);
    return status.trim() === '';
}
/**
 * Lint and formatting failures are fixed by the project's own tool (eslint --fix, prettier
 * --write) when it is installed: deterministic, no LLM call. The working tree is restored; the
 * patch is what the tool changed.
 */
async function deterministicFix(cwd, rc, files, env, logger) {
    if (rc.kind !== 'lint' || files.length === 0)
        return undefined;
    const existing = files.filter((f) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, f)));
    if (!existing.length || !(await clean(cwd, existing)))
        return undefined;
    const text = `${rc.title}\n${rc.lines.map((l) => l.text).join('\n')}`;
    const bin = (name) => {
        const p = (0,external_node_path_.join)(cwd, 'node_modules', '.bin', name);
        return (0,external_node_fs_.existsSync)(p) ? p : undefined;
    };
    const quoted = existing.map((f) => `'${f.replace(/'/g, "'\\''")}'`).join(' ');
    const candidates = [
        ['prettier', bin('prettier'), `--write ${quoted}`],
        ['eslint', bin('eslint'), `--fix ${quoted}`],
    ];
    // A prettier rule failure is prettier's to fix; everything else eslint's.
    const order = /prettier|code style|formatting/i.test(text) ? candidates : [candidates[1], candidates[0]];
    for (const [tool, path, args] of order) {
        if (!path)
            continue;
        const r = await (0,local_git/* runCommand */.d1)(cwd, `'${path}' ${args}`, 120_000, env);
        const patch = await (0,local_git/* git */.$Y)(cwd, ['diff', '--', ...existing]);
        if (patch.trim() !== '') {
            await (0,local_git/* git */.$Y)(cwd, ['apply', '-R', '-'], patch);
            logger.info(`auto-fix: ${tool} fixed ${existing.join(', ')} (exit ${r.exitCode}).`);
            return { tool, patch };
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(89114);
// EXTERNAL MODULE: ./src/core/llm/settings.ts
var settings = __webpack_require__(4206);
;// CONCATENATED MODULE: ./src/actions/auto-fix/inputs.ts



const MODES = ['propose', 'apply', 'both'];
function getInputs(inputs = new core_inputs/* Inputs */.G0()) {
    const s = {
        triageReport: inputs.string('triage-report') ?? 'ai_analysis/triage_report.json',
        confidenceThreshold: inputs.number({ name: 'confidence-threshold', env: ['AI_CONFIDENCE_THRESHOLD'] }, { min: 0, max: 1 }) ??
            0.9,
        mode: inputs.choice('mode', MODES) ?? 'propose',
        patch: inputs.string('patch'),
        verifyCommand: inputs.string('verify-command'),
        allowedPaths: inputs.globs('allowed-paths'),
        maxFiles: inputs.number('max-files', { min: 1, max: 100, integer: true }) ?? 5,
        maxLines: inputs.number('max-lines', { min: 1, max: 5000, integer: true }) ?? 60,
        maxAttempts: inputs.number('max-attempts', { min: 1, max: 20, integer: true }) ?? 2,
        labels: inputs.list('labels') ?? ['autofix-bot', 'needs-review'],
        baseBranch: inputs.string('base-branch'),
        outputDir: inputs.string('output-dir') ?? 'ai_analysis',
        verifyTimeoutMs: inputs.duration('verify-timeout') ?? 10 * 60_000,
        llm: (0,settings/* readLlmSettings */.H1)(inputs),
    };
    if (s.mode === 'apply' && s.verifyCommand) {
        throw new errors/* ConfigurationError */.j1("verify-command belongs to the propose step: mode 'apply' publishes a patch that was already verified.");
    }
    return Object.freeze(s);
}

// EXTERNAL MODULE: ./src/actions/auto-fix/patch.ts
var auto_fix_patch = __webpack_require__(82099);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/actions/auto-fix/validate.ts


/** Paths no automated fix may touch: CI configuration, lockfiles, secrets. */
const FORBIDDEN = [
    '.github/**',
    '.gitlab-ci.yml',
    '.circleci/**',
    'Jenkinsfile',
    'azure-pipelines.yml',
    '.buildkite/**',
    '**/package-lock.json',
    '**/npm-shrinkwrap.json',
    '**/yarn.lock',
    '**/pnpm-lock.yaml',
    '**/poetry.lock',
    '**/Pipfile.lock',
    '**/go.sum',
    '**/Cargo.lock',
    '**/Gemfile.lock',
    '**/composer.lock',
    '**/.env',
    '**/.env.*',
    '**/*.pem',
    '**/*.key',
    '**/id_rsa*',
    '**/.npmrc',
    '**/.pypirc',
    '**/.netrc',
    '**/secrets/**',
    '**/*.secret*',
];
const TEST_FILES = [
    '**/*.test.*',
    '**/*.spec.*',
    '**/__tests__/**',
    '**/test/**',
    '**/tests/**',
    '**/test_*.py',
    '**/*_test.py',
    '**/*_test.go',
    '**/conftest.py',
];
const isForbidden = picomatch_default()(FORBIDDEN, { dot: true });
const isTestFile = picomatch_default()(TEST_FILES, { dot: true });
/** Weakening a test instead of fixing the code. */
const ADDED_TAMPERING = [
    [
        /\b(?:it|test|describe|context|suite)\.(?:skip|only|todo)\s*\(/,
        'skips or focuses a test (.skip/.only/.todo)',
    ],
    [/\b(?:xit|xtest|xdescribe|fit|fdescribe)\s*\(/, 'skips or focuses a test (xit/fit)'],
    [/@pytest\.mark\.(?:skip|skipif|xfail)|\bpytest\.(?:skip|xfail)\s*\(/, 'skips or xfails a pytest test'],
    [/@(?:Disabled|Ignore)\b/, 'disables a JUnit test'],
    [/\bt\.Skip(?:Now|f)?\s*\(/, 'skips a Go test'],
    [/\bcontinue-on-error\b/, 'adds continue-on-error'],
    [
        /\b(?:jest|vi)\.setTimeout\s*\(|\bthis\.timeout\s*\(|\btestTimeout\b|\btimeout\s*[:=]\s*\d{4,}/,
        'raises a test timeout',
    ],
];
/** In test files only: an assertion that no longer checks anything. */
const WEAKENED = [
    [
        /\bexpect\([^)]*\)\.(?:not\.)?toBe(?:Truthy|Defined)\(\)\s*;?\s*$/,
        'replaces an assertion with a weaker one',
    ],
    [/\bassert\s+True\b|\bassert\(true\)|\bexpect\(true\)/, 'asserts a constant'],
];
const ASSERTION = /\b(?:expect\s*\(|assert\w*\s*[(.\s]|should\b|\.to(?:Be|Equal|Match|Throw|Have)\w*\(|t\.(?:Error|Fatal|Fail)\w*\()/;
/**
 * The rules a patch must pass before anything is written. They hold whatever the LLM says, and
 * however the triage report was worded: a log that asks to "edit .github/workflows" changes
 * nothing here.
 */
function validatePatch(files, policy) {
    const problems = [];
    if (files.length === 0)
        problems.push('the patch changes no file');
    const paths = (0,auto_fix_patch/* touchedPaths */.Pq)(files);
    const allowed = picomatch_default()(policy.allowed.length ? policy.allowed : ['**'], { dot: true });
    for (const p of paths) {
        if (p.includes('..') || p.startsWith('/'))
            problems.push(`${p}: path leaves the repository`);
        else if (isForbidden(p))
            problems.push(`${p}: CI configuration, lockfiles and secret files are never changed by auto-fix`);
        else if (!allowed(p))
            problems.push(`${p}: outside the allowed paths (${policy.allowed.join(', ')})`);
    }
    if (paths.length > policy.maxFiles)
        problems.push(`touches ${paths.length} files (max ${policy.maxFiles})`);
    const changed = files.reduce((n, f) => n + f.added.length + f.removed.length, 0);
    if (changed > policy.maxLines)
        problems.push(`changes ${changed} lines (max ${policy.maxLines})`);
    for (const f of files) {
        const path = f.newPath ?? f.oldPath ?? '?';
        if (f.binary)
            problems.push(`${path}: binary change`);
        if (f.newPath === null && f.oldPath && isTestFile(f.oldPath))
            problems.push(`${path}: deletes a test file`);
        for (const line of f.added) {
            for (const [re, what] of ADDED_TAMPERING)
                if (re.test(line))
                    problems.push(`${path}: ${what}: '${line.trim().slice(0, 120)}'`);
        }
        if (isTestFile(path)) {
            for (const line of f.added) {
                for (const [re, what] of WEAKENED)
                    if (re.test(line))
                        problems.push(`${path}: ${what}: '${line.trim().slice(0, 120)}'`);
            }
            const removedAssertions = f.removed.filter((l) => ASSERTION.test(l)).length;
            const addedAssertions = f.added.filter((l) => ASSERTION.test(l)).length;
            if (removedAssertions > addedAssertions)
                problems.push(`${path}: removes ${removedAssertions - addedAssertions} assertion(s) from a test`);
        }
    }
    return { ok: problems.length === 0, problems: [...new Set(problems)] };
}
/** The default allowed paths: the files the root cause names and the folders they are in. */
function defaultAllowed(files) {
    const out = new Set();
    for (const f of files) {
        if (!f || f.startsWith('/'))
            continue;
        out.add(f);
        const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
        out.add(dir ? `${dir}/*` : '*');
    }
    return [...out];
}

;// CONCATENATED MODULE: ./src/actions/auto-fix/main.ts















function emptyReport(outcome, reason) {
    return {
        type: 'ai-ci/autofix',
        version: 1,
        outcome,
        reason,
        fingerprint: null,
        kind: null,
        title: null,
        fixer: null,
        patch_path: null,
        patch_sha256: null,
        files: [],
        lines_changed: 0,
        explanation: null,
        confidence: null,
        testing: null,
        model: null,
        prompt_hash: null,
        cost_usd: 0,
        verify: null,
        problems: [],
        target_branch: null,
        pr_number: null,
        pr_url: null,
        branch: null,
    };
}
const attemptsKey = (fp) => `autofix:attempts:${fp}`;
const prKey = (fp) => `autofix:pr:${fp}`;
/** The verify command runs code an LLM wrote: it gets no token, key or password from this job. */
function scrubbedEnv(env) {
    const out = {};
    for (const [k, v] of Object.entries(env)) {
        if (/TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|CREDENTIAL|PRIVATE|REDIS_URL|ACTIONS_RUNTIME|ACTIONS_ID_TOKEN|ACTIONS_CACHE_URL|ACTIONS_RESULTS_URL|^INPUT_/i.test(k))
            continue;
        out[k] = v;
    }
    return out;
}
function targetBranch(ctx, settings) {
    const pr = ctx.payload.pull_request;
    if (pr) {
        if (pr.head?.repo?.full_name && pr.head.repo.full_name !== ctx.repository)
            return { branch: null, why: 'fork pull request: no fix PR; the patch is attached to the run' };
        return { branch: pr.head?.ref ?? null, why: "the pull request's head branch" };
    }
    return {
        branch: settings.baseBranch ?? ctx.branch ?? ctx.defaultBranch ?? null,
        why: 'the branch that failed',
    };
}
/** The PR body's row naming the root cause: how an open fix PR is recognised on GitHub. */
function fingerprintRow(fingerprint) {
    return `| triage fingerprint | \`${fingerprint}\` |`;
}
function prBody(r) {
    return (0,redact/* redact */.E$)([
        `Automated fix proposed by **ai-ci auto-fix** for a failing CI check. It was verified before this PR was opened; please review it like any other change.`,
        '',
        `| | |`,
        `| --- | --- |`,
        `| root cause | ${r.kind}: ${(r.title ?? '').replace(/\|/g, '\\|').replace(/[<>]/g, '')} |`,
        `| confidence | ${r.confidence ?? 'n/a'} |`,
        `| fixed by | ${r.fixer === 'llm' ? `LLM (${r.model})` : r.fixer} |`,
        `| verified with | \`${(r.verify?.command ?? '').replace(/`/g, '')}\` (exit ${r.verify?.exit_code}) |`,
        fingerprintRow(r.fingerprint ?? ''),
        `| prompt hash | \`${r.prompt_hash ?? 'n/a'}\` |`,
        `| estimated cost | $${r.cost_usd.toFixed(4)} |`,
        '',
        r.explanation ? `### Why\n\n${r.explanation.replace(/@(?=\w)/g, '@\u200b')}\n` : '',
        r.testing ? `### How to test\n\n${r.testing.replace(/@(?=\w)/g, '@\u200b')}\n` : '',
        '<sub>Opened with the workflow token, this PR does not start workflows by itself; push to it or re-run checks to test it.</sub>',
    ].join('\n'));
}
function loadTriage(workspace, path) {
    const abs = (0,external_node_path_.join)(workspace, path);
    if (!(0,external_node_fs_.existsSync)(abs))
        throw new errors/* ConfigurationError */.j1(`triage-report '${path}' does not exist. Run ai-triage first, or set triage-report.`);
    try {
        const doc = JSON.parse((0,external_node_fs_.readFileSync)(abs, 'utf8'));
        if (doc.type !== 'ai-ci/triage')
            throw new Error(`type is '${String(doc.type)}'`);
        return doc;
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`triage-report '${path}' is not an ai-ci/triage report (${(0,errors/* errorMessage */.gJ)(err)}).`);
    }
}
async function propose(settings, ctx, store, logger) {
    const workspace = ctx.workspace;
    const triage = loadTriage(workspace, settings.triageReport);
    if (triage.fix_confidence < settings.confidenceThreshold) {
        return {
            report: emptyReport('skipped', `fix confidence ${triage.fix_confidence} is below the threshold ${settings.confidenceThreshold}`),
        };
    }
    const candidates = triage.root_causes
        .filter((r) => r.fixable && !r.flaky && !r.infra && r.fix_confidence >= settings.confidenceThreshold)
        .sort((a, b) => b.fix_confidence - a.fix_confidence);
    let rc;
    const passedOver = [];
    for (const c of candidates) {
        const pr = await store.get(prKey(c.fingerprint));
        if (pr) {
            passedOver.push(`${c.fingerprint} already has a fix PR (${JSON.parse(pr).url})`);
            continue;
        }
        const attempts = Number((await store.get(attemptsKey(c.fingerprint))) ?? 0);
        if (attempts >= settings.maxAttempts) {
            passedOver.push(`${c.fingerprint} was attempted ${attempts} times (max-attempts ${settings.maxAttempts}); auto-fix has stopped trying it`);
            continue;
        }
        rc = c;
        break;
    }
    if (!rc)
        return {
            report: emptyReport('skipped', passedOver.length ? passedOver.join('; ') : 'no root cause is fixable'),
        };
    const report = emptyReport('rejected', '');
    Object.assign(report, { fingerprint: rc.fingerprint, kind: rc.kind, title: rc.title });
    const files = [rc.file, ...rc.victims.map((v) => v.file)].filter((f) => !!f);
    const policy = {
        allowed: settings.allowedPaths ?? defaultAllowed(files),
        maxFiles: settings.maxFiles,
        maxLines: settings.maxLines,
    };
    const env = scrubbedEnv(process.env);
    let patch;
    const fixed = await deterministicFix(workspace, rc, files, env, logger);
    if (fixed) {
        patch = fixed.patch;
        Object.assign(report, {
            fixer: fixed.tool,
            confidence: 1,
            explanation: `${fixed.tool} fixed the ${rc.kind} problem.`,
            testing: 'Run the linter again.',
        });
    }
    else {
        const [{ createLlmClient }, { proposeWithLlm }, { budgetStore }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(463), __webpack_require__.e(130)]).then(__webpack_require__.bind(__webpack_require__, 99130)),
            __webpack_require__.e(/* import() */ 812).then(__webpack_require__.bind(__webpack_require__, 78812)),
            Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(24), __webpack_require__.e(484)]).then(__webpack_require__.bind(__webpack_require__, 87484)),
        ]);
        const llm = createLlmClient(settings.llm, {
            logger,
            action: 'auto-fix',
            repository: ctx.repository,
            runId: ctx.runId,
            budgetStore: budgetStore(store),
        });
        (0,action/* onActionExit */.O)(() => llm.close());
        await store.incr(attemptsKey(rc.fingerprint));
        const res = await proposeWithLlm(llm, rc, workspace);
        if (!res.ok)
            return { report: { ...report, outcome: 'skipped', reason: `no fix proposed: ${res.reason}` } };
        patch = res.fix.diff;
        Object.assign(report, {
            fixer: 'llm',
            explanation: res.fix.explanation,
            confidence: res.fix.confidence,
            testing: res.fix.testing,
            model: res.model,
            prompt_hash: res.promptHash,
            cost_usd: res.costUsd,
        });
        if (res.fix.confidence < settings.confidenceThreshold) {
            return {
                report: {
                    ...report,
                    outcome: 'rejected',
                    reason: `the LLM's own confidence ${res.fix.confidence} is below ${settings.confidenceThreshold}`,
                },
            };
        }
    }
    const parsed = (0,auto_fix_patch/* parseUnifiedDiff */.rj)(patch);
    report.files = (0,auto_fix_patch/* touchedPaths */.Pq)(parsed);
    report.lines_changed = parsed.reduce((n, f) => n + f.added.length + f.removed.length, 0);
    const verdict = validatePatch(parsed, policy);
    const applies = verdict.ok ? await (0,local_git/* applyCheck */.bj)(workspace, patch) : undefined;
    if (!verdict.ok || applies) {
        report.problems = [...verdict.problems, ...(applies ? [`does not apply cleanly: ${applies}`] : [])];
        return {
            report: {
                ...report,
                outcome: 'rejected',
                reason: `the patch failed validation: ${report.problems.join('; ')}`,
            },
        };
    }
    if (!settings.verifyCommand)
        return {
            report: {
                ...report,
                outcome: 'rejected',
                reason: 'no way to verify: set verify-command (e.g. the failing test only)',
            },
        };
    const result = await (0,local_git/* withPatch */.b5)(workspace, patch, () => (0,local_git/* runCommand */.d1)(workspace, settings.verifyCommand, settings.verifyTimeoutMs, env));
    report.verify = {
        command: settings.verifyCommand,
        exit_code: result.exitCode,
        timed_out: result.timedOut,
        passed: result.exitCode === 0 && !result.timedOut,
    };
    if (!report.verify.passed) {
        logger.info(`auto-fix: verification output (tail):\n${(0,redact/* redact */.E$)(result.output.slice(-4000))}`);
        return {
            report: {
                ...report,
                outcome: 'failed-verification',
                reason: result.timedOut
                    ? 'the verify command timed out with the patch applied'
                    : `the verify command still fails with the patch applied (exit ${result.exitCode})`,
            },
        };
    }
    const target = targetBranch(ctx, settings);
    report.target_branch = target.branch;
    return {
        report: {
            ...report,
            outcome: 'proposed',
            reason: `verified with '${settings.verifyCommand}'; target: ${target.branch ?? 'none'} (${target.why})`,
        },
        patch,
    };
}
async function apply(settings, ctx, store, logger, proposed) {
    const workspace = ctx.workspace;
    let report;
    let patch;
    if (proposed)
        ({ report, patch } = proposed);
    else {
        const reportPath = (0,external_node_path_.join)(workspace, settings.outputDir, 'autofix_report.json');
        if (!(0,external_node_fs_.existsSync)(reportPath))
            throw new errors/* ConfigurationError */.j1(`mode 'apply' needs the propose step's ${settings.outputDir}/autofix_report.json (download its artifact first).`);
        report = JSON.parse((0,external_node_fs_.readFileSync)(reportPath, 'utf8'));
        if (report.outcome !== 'proposed')
            return {
                ...report,
                reason: `nothing to apply: the propose step ended '${report.outcome}' (${report.reason})`,
            };
        const patchPath = (0,external_node_path_.join)(workspace, settings.patch ?? report.patch_path ?? '');
        if (!(0,external_node_fs_.existsSync)(patchPath))
            throw new errors/* ConfigurationError */.j1(`patch '${settings.patch ?? report.patch_path}' does not exist.`);
        patch = (0,external_node_fs_.readFileSync)(patchPath, 'utf8');
        const digest = (0,external_node_crypto_.createHash)('sha256').update(patch).digest('hex');
        if (digest !== report.patch_sha256)
            return {
                ...report,
                outcome: 'rejected',
                reason: 'the patch differs from the one that was verified (digest mismatch); not published',
            };
        // The artifact crossed a job boundary: the rules are checked again before anything is written.
        const verdict = validatePatch((0,auto_fix_patch/* parseUnifiedDiff */.rj)(patch), {
            allowed: settings.allowedPaths ?? ['**'],
            maxFiles: settings.maxFiles,
            maxLines: settings.maxLines,
        });
        if (!verdict.ok)
            return {
                ...report,
                outcome: 'rejected',
                reason: `the patch failed validation: ${verdict.problems.join('; ')}`,
                problems: verdict.problems,
            };
    }
    if (!report.verify?.passed)
        return { ...report, outcome: 'rejected', reason: 'the patch was not verified; not published' };
    const target = targetBranch(ctx, settings);
    if (!target.branch)
        return { ...report, outcome: 'proposed', reason: target.why };
    const [{ githubFromEnv }, { branchName, findOpenFixPr, publishFix }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(144)]).then(__webpack_require__.bind(__webpack_require__, 2144)),
        __webpack_require__.e(/* import() */ 334).then(__webpack_require__.bind(__webpack_require__, 59334)),
    ]);
    const gh = githubFromEnv(logger);
    if (!gh.canRead)
        return {
            ...report,
            outcome: 'proposed',
            reason: 'no GitHub token: the verified patch is attached to the run, no PR opened',
        };
    // The store's PR record can be missing (Actions cache outage, a runner's lost file cache):
    // GitHub itself is asked before a second PR for the same root cause is opened.
    const open = report.fingerprint
        ? await findOpenFixPr(gh, target.branch, fingerprintRow(report.fingerprint))
        : undefined;
    if (open) {
        if (!gh.dryRun && report.fingerprint)
            await store.set(prKey(report.fingerprint), JSON.stringify({ number: open.number, url: open.url }));
        return {
            ...report,
            outcome: 'skipped',
            reason: `${report.fingerprint} already has an open fix PR (${open.url})`,
            pr_number: open.number,
            pr_url: open.url,
        };
    }
    const summary = (report.title ?? 'fix').replace(/\s+/g, ' ').slice(0, 60);
    const published = await publishFix(gh, {
        patch,
        target: target.branch,
        branch: branchName(new Date()),
        commitMessage: (0,redact/* redact */.E$)(`autofix: ${summary}\n\nai-ci triage fingerprint: ${report.fingerprint}`),
        title: (0,redact/* redact */.E$)(`autofix: ${summary}`),
        body: prBody(report),
        labels: settings.labels,
    });
    if (!gh.dryRun && report.fingerprint)
        await store.set(prKey(report.fingerprint), JSON.stringify({ number: published.prNumber, url: published.prUrl }));
    logger.info(`auto-fix: opened ${published.prUrl} against ${target.branch}.`);
    return {
        ...report,
        outcome: 'opened',
        reason: `fix PR opened against ${target.branch}`,
        target_branch: target.branch,
        pr_number: published.prNumber,
        pr_url: published.prUrl,
        branch: published.branch,
    };
}
async function run() {
    const settings = getInputs();
    const logger = (0,core_logger/* actionsLogger */.MV)();
    const ctx = (0,context/* readRunContext */.$)();
    const { openStore } = await Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(24), __webpack_require__.e(484)]).then(__webpack_require__.bind(__webpack_require__, 87484));
    const store = await openStore({ action: 'auto-fix', repo: ctx.repository, logger });
    (0,action/* onActionExit */.O)(() => store.close());
    const outDir = (0,external_node_path_.join)(ctx.workspace, settings.outputDir);
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    let report;
    if (settings.mode === 'apply')
        report = await apply(settings, ctx, store, logger);
    else {
        const p = await propose(settings, ctx, store, logger);
        report = p.report;
        if (p.patch) {
            const patchPath = (0,external_node_path_.join)(outDir, 'autofix.patch');
            (0,external_node_fs_.writeFileSync)(patchPath, p.patch);
            report.patch_path = (0,files/* repoRelative */.Ne)(ctx.workspace, patchPath);
            report.patch_sha256 = (0,external_node_crypto_.createHash)('sha256').update(p.patch).digest('hex');
        }
        if (settings.mode === 'both' && p.patch && report.outcome === 'proposed') {
            try {
                report = await apply(settings, ctx, store, logger, { report, patch: p.patch });
            }
            catch (err) {
                logger.warning(`auto-fix: the fix PR could not be opened (${(0,errors/* errorMessage */.gJ)(err)}).`);
                report = { ...report, reason: `verified, but the PR could not be opened: ${(0,errors/* errorMessage */.gJ)(err)}` };
            }
        }
    }
    const reportPath = (0,external_node_path_.join)(outDir, 'autofix_report.json');
    (0,external_node_fs_.writeFileSync)(reportPath, (0,redact/* redact */.E$)(JSON.stringify(report, null, 2)) + '\n');
    runner_commands/* setOutput */.uH('outcome', report.outcome);
    runner_commands/* setOutput */.uH('reason', (0,redact/* redact */.E$)(report.reason));
    runner_commands/* setOutput */.uH('pr-number', report.pr_number != null ? String(report.pr_number) : '');
    runner_commands/* setOutput */.uH('pr-url', report.pr_url ?? '');
    runner_commands/* setOutput */.uH('branch', report.branch ?? '');
    runner_commands/* setOutput */.uH('patch-path', report.patch_path ?? '');
    runner_commands/* setOutput */.uH('report-path', (0,files/* repoRelative */.Ne)(ctx.workspace, reportPath));
    const lines = [`## ai-ci auto-fix: ${report.outcome}`, '', (0,redact/* redact */.E$)(report.reason).replace(/[<>]/g, ''), ''];
    if (report.problems.length)
        lines.push('Problems:', ...report.problems.map((p) => `- ${(0,redact/* redact */.E$)(p).replace(/[<>]/g, '')}`), '');
    if (report.pr_url)
        lines.push(`Fix PR: ${report.pr_url}`);
    await runner_commands/* summary */.z.addRaw(lines.join('\n')).write();
    logger.info(`auto-fix: ${report.outcome}: ${(0,redact/* redact */.E$)(report.reason)}`);
}


/***/ }),

/***/ 82099:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ extractDiff),
/* harmony export */   Pq: () => (/* binding */ touchedPaths),
/* harmony export */   rj: () => (/* binding */ parseUnifiedDiff)
/* harmony export */ });
function stripPrefix(p) {
    const t = p.trim().split('\t')[0];
    if (t === '/dev/null')
        return null;
    return t.replace(/^[ab]\//, '');
}
function parseUnifiedDiff(diff) {
    const files = [];
    let cur;
    const lines = diff.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        if (l.startsWith('diff --git ')) {
            const m = /^diff --git a\/(.+) b\/(.+)$/.exec(l);
            cur = { oldPath: m ? m[1] : null, newPath: m ? m[2] : null, added: [], removed: [], binary: false };
            files.push(cur);
            continue;
        }
        if (l.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
            const oldPath = stripPrefix(l.slice(4));
            const newPath = stripPrefix(lines[i + 1].slice(4));
            if (!cur || cur.added.length + cur.removed.length > 0) {
                cur = { oldPath, newPath, added: [], removed: [], binary: false };
                files.push(cur);
            }
            else {
                cur.oldPath = oldPath;
                cur.newPath = newPath;
            }
            i++;
            continue;
        }
        if (!cur)
            continue;
        if (l.startsWith('Binary files') || l.startsWith('GIT binary patch'))
            cur.binary = true;
        else if (l.startsWith('deleted file mode'))
            cur.newPath = null;
        else if (l.startsWith('new file mode'))
            cur.oldPath = null;
        else if (l.startsWith('+') && !l.startsWith('+++'))
            cur.added.push(l.slice(1));
        else if (l.startsWith('-') && !l.startsWith('---'))
            cur.removed.push(l.slice(1));
    }
    return files;
}
/** Every path the patch touches (old and new names of renames). */
function touchedPaths(files) {
    return [...new Set(files.flatMap((f) => [f.oldPath, f.newPath].filter((p) => !!p)))].sort();
}
/** Models often wrap a diff in a code fence: the diff is what is between. */
function extractDiff(text) {
    const fenced = /```(?:diff|patch)?\s*\n([\s\S]*?)```/.exec(text);
    const body = (fenced ? fenced[1] : text).replace(/^\s*\n/, '');
    return body.endsWith('\n') ? body : `${body}\n`;
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


/***/ })

};
