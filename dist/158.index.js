export const id = 158;
export const ids = [158];
export const modules = {

/***/ 28158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEMO_USAGE: () => (/* binding */ DEMO_USAGE),
  demoCommand: () => (/* binding */ demoCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/actions/registry.ts
var registry = __webpack_require__(19984);
// EXTERNAL MODULE: ./src/cli/run.ts + 2 modules
var run = __webpack_require__(38812);
;// CONCATENATED MODULE: ./src/demo/cli-step.ts


/**
 * Runs `ai-ci run <action> --json` in a child process: the same path an action takes in Actions
 * (inputs as INPUT_*, GITHUB_* context, workflow commands, GITHUB_OUTPUT), with its log captured
 * so that the demo's own progress stays readable.
 */
function runCliStep(self, args, opts) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(self.command, [...self.args, 'run', ...args, '--json'], {
            env: opts.env,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let log = '';
        child.stdout.on('data', (d) => (stdout += d.toString()));
        child.stderr.on('data', (d) => {
            const s = d.toString();
            log += s;
            opts.echo?.(s);
        });
        child.on('error', reject);
        child.on('close', (code) => {
            (0,external_node_fs_.writeFileSync)(opts.logFile, log);
            let result;
            try {
                result = JSON.parse(stdout);
            }
            catch {
                result = undefined;
            }
            resolve({ code: code ?? 1, result, log });
        });
    });
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/demo/sample-repo.ts




/** The sample project's name on the pretend GitHub: the run context and the cache namespace use it. */
const SAMPLE_REPOSITORY = 'demo/sample-shop';
const SAMPLE_BRANCH = 'feature/whole-dollar-receipts';
/**
 * Finds `src/demo/sample-project` from wherever this code runs: `src/demo/` under tsx, `dist/`
 * or `dist/cli/` in the bundle. The sample is plain files in the repository, not bundled.
 */
function sampleProjectDir(from) {
    // The bundler may rewrite import.meta.url; the entry script's own path is a second place to start.
    const starts = from
        ? [from]
        : [(0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), ...(process.argv[1] ? [(0,external_node_path_.dirname)(process.argv[1])] : [])];
    for (const start of starts) {
        let dir = start;
        for (let i = 0; i < 6; i++) {
            for (const candidate of [(0,external_node_path_.join)(dir, 'sample-project'), (0,external_node_path_.join)(dir, 'src', 'demo', 'sample-project')]) {
                if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(candidate, 'package.json')))
                    return candidate;
            }
            const up = (0,external_node_path_.dirname)(dir);
            if (up === dir)
                break;
            dir = up;
        }
    }
    throw new Error(`The demo's sample project (src/demo/sample-project) was not found above ${starts.join(' or ')}.`);
}
function git(dir, ...args) {
    return (0,external_node_child_process_.execFileSync)('git', args, {
        cwd: dir,
        encoding: 'utf8',
        // The user's own git config (hooks, signing, templates) must not change the sample's history.
        env: {
            ...process.env,
            GIT_CONFIG_GLOBAL: '/dev/null',
            GIT_CONFIG_NOSYSTEM: '1',
            GIT_AUTHOR_NAME: 'Sample Dev',
            GIT_AUTHOR_EMAIL: 'dev@sample-shop.example',
            GIT_COMMITTER_NAME: 'Sample Dev',
            GIT_COMMITTER_EMAIL: 'dev@sample-shop.example',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
}
/**
 * Copies the sample into `dir` and gives it a short history on `main` (the shop library, then the
 * cart), ready for the baseline run. `breakSampleRepo` then adds the pull request's change.
 */
function createSampleRepo(dir, sample = sampleProjectDir()) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    const copy = (rel) => (0,external_node_fs_.cpSync)((0,external_node_path_.join)(sample, rel), (0,external_node_path_.join)(dir, rel), { recursive: true });
    for (const rel of [
        'package.json',
        'README.md',
        'src/money.js',
        'src/slug.js',
        'test/money.test.js',
        'test/slug.test.js',
    ])
        copy(rel);
    // Reports and ai-ci's output are build products, as in a real project's .gitignore.
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, '.gitignore'), 'reports/\nai_analysis/\nci_metrics/\n.ai-ci/\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'Money helpers and slugs');
    copy('src/cart.js');
    copy('test/cart.test.js');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'Cart totals and receipt line');
    git(dir, 'remote', 'add', 'origin', `https://github.com/${SAMPLE_REPOSITORY}.git`);
    return git(dir, 'rev-parse', 'HEAD');
}
/** The pull request: receipts show whole dollars, which rounds away the cents the tests expect. */
function breakSampleRepo(dir) {
    const baseSha = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'checkout', '-q', '-b', SAMPLE_BRANCH);
    const changedFile = 'src/money.js';
    const path = (0,external_node_path_.join)(dir, changedFile);
    const before = (0,external_node_fs_.readFileSync)(path, 'utf8');
    const after = before.replace('(Math.abs(cents) / 100).toFixed(2)', 'Math.round(Math.abs(cents) / 100)');
    if (after === before)
        throw new Error(`The sample's ${changedFile} no longer has the line the demo changes.`);
    (0,external_node_fs_.writeFileSync)(path, after);
    git(dir, 'commit', '-q', '-am', 'Receipts: show whole dollars');
    const headSha = git(dir, 'rev-parse', 'HEAD');
    const eventFile = (0,external_node_path_.join)(dir, '.ai-ci', 'event.json');
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(eventFile), { recursive: true });
    (0,external_node_fs_.writeFileSync)(eventFile, JSON.stringify({
        action: 'synchronize',
        number: 1,
        pull_request: {
            number: 1,
            title: 'Receipts: show whole dollars',
            head: { sha: headSha, ref: SAMPLE_BRANCH, repo: { full_name: SAMPLE_REPOSITORY } },
            base: { sha: baseSha, ref: 'main', repo: { full_name: SAMPLE_REPOSITORY } },
        },
        repository: { full_name: SAMPLE_REPOSITORY, default_branch: 'main' },
    }, null, 2));
    return { dir, baseSha, headSha, eventFile, changedFile };
}

;// CONCATENATED MODULE: ./src/demo/run-demo.ts








// A demo must not reach GitHub or the caller's Actions cache, even when run inside a workflow.
function demoEnv(base, workspace) {
    const env = {};
    for (const [k, v] of Object.entries(base)) {
        if (/^(GITHUB_|ACTIONS_|INPUT_|STATE_|RUNNER_)/.test(k) || k === 'NODE_OPTIONS')
            continue;
        env[k] = v;
    }
    env.AI_CI_CACHE_DIR = base.AI_CI_CACHE_DIR || (0,external_node_path_.join)(workspace, '.ai-ci', 'cache');
    env.AI_CI_ACTIONS_CACHE = 'false';
    env.NO_COLOR = '1';
    return env;
}
function runTests(workspace, tests, outDir, env) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(workspace, outDir), { recursive: true });
    // One run, three reporters: the log ai-triage reads, JUnit for every reader, lcov for the gate.
    const args = [
        '--test',
        '--experimental-test-coverage',
        '--test-reporter=spec',
        `--test-reporter-destination=${outDir}/test.log`,
        '--test-reporter=junit',
        `--test-reporter-destination=${outDir}/junit.xml`,
        '--test-reporter=lcov',
        `--test-reporter-destination=${outDir}/lcov.info`,
        ...tests,
    ];
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(process.execPath, args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d.toString()));
        child.stderr.on('data', (d) => (output += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, output }));
    });
}
function junitCounts(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return { tests: 0, failures: 0 };
    const xml = (0,external_node_fs_.readFileSync)(file, 'utf8');
    return {
        tests: (xml.match(/<testcase\b/g) ?? []).length,
        failures: (xml.match(/<failure\b/g) ?? []).length,
    };
}
function parseList(json) {
    try {
        const v = JSON.parse(json ?? '[]');
        return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
    }
    catch {
        return [];
    }
}
/** Whether an Ollama server answers at `url`; a short probe, since the demo must not wait on a missing one. */
async function ollamaReachable(url) {
    try {
        const res = await fetch(`${url}/api/version`, { signal: AbortSignal.timeout(1500) });
        return res.ok;
    }
    catch {
        return false;
    }
}
function secs(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}
const MARK = { ok: 'ok  ', failed: 'FAIL', skipped: 'skip', error: 'ERR ' };
/**
 * `ai-ci demo`: the chain of the reusable workflow on a bundled sample project, locally, through
 * the same code path as in Actions (each action is started by `ai-ci run`). Needs no server:
 * Redis and Ollama are used when the environment points at reachable ones.
 */
async function runDemo(opts) {
    const workspace = opts.dir ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ai-ci-demo-'));
    if (opts.dir && (0,external_node_fs_.existsSync)(opts.dir) && (0,external_node_fs_.readdirSync)(opts.dir).length > 0)
        throw new Error(`--dir ${opts.dir} is not empty; the demo creates a fresh repository there.`);
    const self = opts.self ?? (0,run/* selfCommand */.ee)();
    const env = demoEnv(opts.env ?? process.env, workspace);
    const logs = (0,external_node_path_.join)(workspace, '.ai-ci', 'logs');
    const steps = [];
    const out = opts.out;
    // sample repo, baseline, pull request, then the seven steps of the chain.
    const total = 10;
    const record = (step) => {
        steps.push(step);
        out(`[${String(steps.length).padStart(2)}/${total}] ${MARK[step.status]} ${step.name.padEnd(16)} ${secs(step.ms).padStart(6)}  ${step.detail}`);
        return step;
    };
    const timed = async (name, fn) => {
        const t0 = Date.now();
        try {
            const r = await fn();
            return record({ name, ms: Date.now() - t0, ...r });
        }
        catch (err) {
            return record({
                name,
                ms: Date.now() - t0,
                status: 'error',
                detail: err instanceof Error ? err.message : String(err),
            });
        }
    };
    const action = async (name, args, describe) => {
        if (!(0,registry/* actionNames */.B)().includes(name))
            return record({
                name,
                ms: 0,
                status: 'skipped',
                detail: `${name} is not in this build of ai-ci yet: step skipped`,
            });
        return timed(name, async () => {
            const r = await runCliStep(self, [
                name,
                '--repo',
                workspace,
                '--repository',
                SAMPLE_REPOSITORY,
                '--event',
                repo.eventFile,
                '--dry-run',
                ...args,
            ], {
                env,
                logFile: (0,external_node_path_.join)(logs, `${name}.log`),
                echo: opts.verbose ? (s) => process.stderr.write(s) : undefined,
            });
            if (!r.result) {
                const last = r.log.trim().split('\n').slice(-3).join(' | ');
                return { status: 'error', detail: `ai-ci run ${name} exited ${r.code} without a result: ${last}` };
            }
            const d = describe(r.result);
            return {
                status: d.status ?? (r.result.outcome === 'success' ? 'ok' : 'error'),
                detail: d.detail,
                result: r.result,
            };
        });
    };
    out(`ai-ci demo in ${workspace}`);
    const ollamaUrl = (env.OLLAMA_LOCAL_URL || env.OLLAMA_HOST || 'http://localhost:11434').replace(/\/+$/, '');
    const llm = await ollamaReachable(ollamaUrl);
    const cloud = env.OLLAMA_CLOUD_API_KEY ? ' (Ollama Cloud key set: user-facing prose may use it)' : '';
    out(llm
        ? `LLM: Ollama at ${ollamaUrl} is reachable; explanations and fix proposals use it${cloud}.`
        : `LLM: no Ollama at ${ollamaUrl}${cloud}; every report is complete without one, prose sections use templates and auto-fix cannot propose an LLM patch.`);
    (0,external_node_fs_.mkdirSync)(logs, { recursive: true });
    let repo = { dir: workspace, baseSha: '', headSha: '', eventFile: '', changedFile: '' };
    // 1-2: a default branch with a recorded baseline, as after a few green runs of main.
    await timed('sample repo', async () => {
        const sha = createSampleRepo(workspace);
        return { status: 'ok', detail: `${SAMPLE_REPOSITORY}: 2 commits on main (${sha.slice(0, 7)})` };
    });
    await timed('baseline (main)', async () => {
        const t = await runTests(workspace, [], 'reports/main', { ...env });
        const c = junitCounts((0,external_node_path_.join)(workspace, 'reports/main/junit.xml'));
        if (t.code !== 0)
            return { status: 'error', detail: `main's tests should pass: ${t.output.slice(-300)}` };
        const r = await runCliStep(self, [
            'adaptive-gate',
            '--repo',
            workspace,
            '--repository',
            SAMPLE_REPOSITORY,
            '--event-name',
            'push',
            '--dry-run',
            '--input',
            'coverage=reports/main/lcov.info',
            '--input',
            'update-baseline=true',
            '--input',
            'output-dir=.ai-ci/baseline',
        ], { env, logFile: (0,external_node_path_.join)(logs, 'baseline.log') });
        if (!r.result || r.result.outcome !== 'success')
            return { status: 'error', detail: `recording the baseline failed (see ${(0,external_node_path_.join)(logs, 'baseline.log')})` };
        return {
            status: 'ok',
            detail: `${c.tests} tests passed, coverage ${r.result.outputs.coverage}% recorded as the baseline`,
        };
    });
    // 3: the pull request.
    await timed('pull request', async () => {
        repo = breakSampleRepo(workspace);
        return {
            status: 'ok',
            detail: `${repo.changedFile} changed on a branch (${repo.headSha.slice(0, 7)}): receipts round to whole dollars`,
        };
    });
    if (!repo.headSha)
        return finish();
    const selection = await action('select-tests', [], (r) => ({
        detail: `${r.outputs.mode}: ${r.outputs['test-count']} of ${r.outputs['total-test-count']} test files (${r.outputs.reason})`,
    }));
    const mode = selection.result?.outputs.mode;
    const tests = parseList(selection.result?.outputs.tests);
    await timed('tests', async () => {
        if (mode === 'none')
            return { status: 'skipped', detail: 'no test depends on the change (mode none)' };
        if (!selection.result)
            return { status: 'skipped', detail: 'no selection: tests not run' };
        const t = await runTests(workspace, mode === 'full' ? [] : tests, 'reports', { ...env });
        const c = junitCounts((0,external_node_path_.join)(workspace, 'reports/junit.xml'));
        return {
            status: c.failures > 0 || t.code !== 0 ? 'failed' : 'ok',
            detail: `${c.tests} tests, ${c.failures} failed (node --test ${mode === 'full' ? '(all)' : tests.join(' ')})`,
        };
    });
    await action('ai-triage', ['--input', 'reports=reports/junit.xml', '--input', 'logs=reports/test.log'], (r) => ({
        detail: `${r.outputs['root-causes']} root cause(s), fix confidence ${r.outputs.fix_confidence}: ${r.outputs.triage_summary}`,
    }));
    await action('adaptive-gate', ['--input', 'coverage=reports/lcov.info'], (r) => ({
        // A failed gate is the gate doing its job, not a broken demo.
        status: r.outputs.passed === 'false' ? 'failed' : r.outcome === 'success' ? 'ok' : 'error',
        detail: `${r.outputs.passed === 'true' ? 'passed' : r.outputs.passed === 'false' ? 'failed' : 'no verdict'}: coverage ${r.outputs.coverage || '?'}%` +
            (r.outputs['coverage-delta'] ? ` (${r.outputs['coverage-delta']} vs baseline)` : ''),
    }));
    const feedback = await action('pr-feedback', ['--input', 'test-results=reports/junit.xml'], (r) => ({
        detail: `status ${r.outputs.status}; comment rendered to ${r.outputs['body-path']} (dry run: nothing posted)`,
    }));
    const bodyPath = feedback.result?.outputs['body-path'];
    if (bodyPath && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(workspace, bodyPath))) {
        out('');
        out('  ---- the PR comment (dry run) ----');
        for (const line of (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(workspace, bodyPath), 'utf8').trimEnd().split('\n'))
            out(`  | ${line}`);
        out('  ---------------------------------');
        out('');
    }
    const verify = `node --test ${mode === 'full' || tests.length === 0 ? '' : tests.join(' ')}`.trim();
    await action('auto-fix', ['--input', 'mode=propose', '--input', `verify-command=${verify}`], (r) => ({
        detail: `${r.outputs.outcome}: ${r.outputs.reason}${llm ? '' : ' (no LLM reachable)'}`,
    }));
    await action('ci-metrics', [], (r) => ({
        detail: `${r.outputs['metrics-path'] || 'no metrics.json'}` +
            (env.PROMETHEUS_GATEWAY
                ? `, pushed to ${env.PROMETHEUS_GATEWAY}`
                : ' (no PROMETHEUS_GATEWAY: not pushed)') +
            (r.outputs['flake-rate'] ? `, flake rate ${r.outputs['flake-rate']}` : ''),
    }));
    return finish();
    function finish() {
        const reports = {};
        const add = (name, rel) => {
            if (rel && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(workspace, rel)))
                reports[name] = (0,external_node_path_.join)(workspace, rel);
        };
        const outputsOf = (step) => steps.find((s) => s.name === step)?.result?.outputs ?? {};
        add('selection', outputsOf('select-tests')['report-path']);
        add('junit', 'reports/junit.xml');
        add('test log', 'reports/test.log');
        add('coverage', 'reports/lcov.info');
        add('triage', outputsOf('ai-triage')['report-path']);
        add('errors', 'ai_analysis/error_report.json');
        add('gate', outputsOf('adaptive-gate')['report-path']);
        add('feedback', outputsOf('pr-feedback')['report-path']);
        add('comment', outputsOf('pr-feedback')['body-path']);
        add('autofix', outputsOf('auto-fix')['report-path']);
        add('patch', outputsOf('auto-fix')['patch-path']);
        add('metrics', outputsOf('ci-metrics')['metrics-path']);
        add('insights', outputsOf('ci-metrics')['insights-path']);
        const summary = {
            type: 'ai-ci/demo',
            version: 1,
            workspace,
            repository: SAMPLE_REPOSITORY,
            baseSha: repo.baseSha,
            headSha: repo.headSha,
            steps: steps.map(({ result: _result, ...s }) => s),
            reports,
            ok: steps.every((s) => s.status !== 'error'),
        };
        const summaryPath = (0,external_node_path_.join)(workspace, '.ai-ci', 'demo_summary.json');
        (0,external_node_fs_.writeFileSync)(summaryPath, JSON.stringify(summary, null, 2) + '\n');
        out('');
        out('Reports:');
        for (const [name, path] of Object.entries(reports))
            out(`  ${name.padEnd(10)} ${path}`);
        out(`  ${'summary'.padEnd(10)} ${summaryPath}`);
        out(`  ${'logs'.padEnd(10)} ${logs}/`);
        out('');
        out(summary.ok ? 'The chain ran end to end.' : 'Some steps did not run as they should: see the logs above.');
        return summary;
    }
}

// EXTERNAL MODULE: ./src/cli/commands/types.ts
var types = __webpack_require__(53016);
;// CONCATENATED MODULE: ./src/cli/commands/demo.ts



const DEMO_USAGE = 'ai-ci demo [--dir DIR] [--verbose] [--json]';
/** `ai-ci demo`: the whole chain on a bundled sample project; exit 0 when every step did its job. */
const demoCommand = {
    name: 'demo',
    summary: 'Run the whole ai-ci chain on a bundled sample project with a failing change (no server needed).',
    usage: DEMO_USAGE,
    async run(argv) {
        let dir;
        let verbose = false;
        let json = false;
        for (let i = 0; i < argv.length; i++) {
            const a = argv[i];
            if (a === '--dir') {
                dir = argv[++i];
                if (!dir)
                    throw new types/* UsageError */.e('--dir needs a folder.');
            }
            else if (a.startsWith('--dir='))
                dir = a.slice('--dir='.length);
            else if (a === '--verbose' || a === '-v')
                verbose = true;
            else if (a === '--json')
                json = true;
            else
                throw new types/* UsageError */.e(`Unknown argument '${a}'.`);
        }
        if (dir && (0,external_node_fs_.existsSync)(dir) && (0,external_node_fs_.readdirSync)(dir).length > 0)
            throw new types/* UsageError */.e(`--dir ${dir} is not empty: the demo creates a fresh repository there.`);
        // With --json, stdout is the summary alone; progress goes to stderr.
        const out = (line) => void (json ? process.stderr : process.stdout).write(line + '\n');
        const summary = await runDemo({ dir, out, verbose });
        if (json)
            process.stdout.write(JSON.stringify(summary) + '\n');
        return summary.ok ? 0 : 1;
    },
};


/***/ })

};
