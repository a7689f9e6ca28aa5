import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 19984:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ actionNames),
/* harmony export */   k: () => (/* binding */ ACTIONS)
/* harmony export */ });
/**
 * Every action the bundle can start, each loaded only when it runs so that one action's start-up
 * does not pay for another's modules. The names match the folders under `actions/` (a test checks).
 */
const ACTIONS = {
    'ai-triage': () => Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(441)]).then(__nccwpck_require__.bind(__nccwpck_require__, 57441)),
    'adaptive-gate': () => Promise.all(/* import() */[__nccwpck_require__.e(844), __nccwpck_require__.e(815), __nccwpck_require__.e(382), __nccwpck_require__.e(800), __nccwpck_require__.e(24), __nccwpck_require__.e(736), __nccwpck_require__.e(454), __nccwpck_require__.e(774)]).then(__nccwpck_require__.bind(__nccwpck_require__, 71950)),
    'auto-fix': () => Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(685)]).then(__nccwpck_require__.bind(__nccwpck_require__, 44685)),
    'pr-feedback': () => Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(48)]).then(__nccwpck_require__.bind(__nccwpck_require__, 46048)),
    'architecture-scan': () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(382), __nccwpck_require__.e(454), __nccwpck_require__.e(735), __nccwpck_require__.e(52)]).then(__nccwpck_require__.bind(__nccwpck_require__, 45052)),
    'select-tests': () => Promise.all(/* import() */[__nccwpck_require__.e(844), __nccwpck_require__.e(382), __nccwpck_require__.e(24), __nccwpck_require__.e(454), __nccwpck_require__.e(735), __nccwpck_require__.e(393)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1393)),
    'ci-metrics': () => Promise.all(/* import() */[__nccwpck_require__.e(844), __nccwpck_require__.e(815), __nccwpck_require__.e(382), __nccwpck_require__.e(800), __nccwpck_require__.e(24), __nccwpck_require__.e(736), __nccwpck_require__.e(464)]).then(__nccwpck_require__.bind(__nccwpck_require__, 15768)),
};
function actionNames() {
    return Object.keys(ACTIONS).sort();
}


/***/ }),

/***/ 53016:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
/** A mistake in the command line itself: exit code 2 with the usage text. */
class UsageError extends Error {
    name = 'UsageError';
}


/***/ }),

/***/ 38812:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  W3: () => (/* binding */ RUN_USAGE),
  Bp: () => (/* binding */ knownActions),
  ug: () => (/* binding */ parseRunArgs),
  Cs: () => (/* binding */ runAction),
  ee: () => (/* binding */ selfCommand)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(73136);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __nccwpck_require__(80481);
// EXTERNAL MODULE: ./src/actions/registry.ts
var registry = __nccwpck_require__(19984);
// EXTERNAL MODULE: ./src/cli/test-actions.ts
var test_actions = __nccwpck_require__(34246);
;// CONCATENATED MODULE: ./src/cli/git-context.ts


function git(cwd, args) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    }
    catch {
        return undefined;
    }
}
/** `git@github.com:o/r.git`, `https://github.com/o/r(.git)`, `ssh://git@host/o/r` -> `o/r`. */
function repositoryFromRemote(url) {
    const m = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
    return m ? `${m[1]}/${m[2]}` : undefined;
}
function readLocalGitContext(dir, repositoryOverride) {
    const inRepo = git(dir, ['rev-parse', '--is-inside-work-tree']) === 'true';
    const fallbackRepo = `local/${(0,external_node_path_.basename)(dir) || 'repo'}`;
    if (!inRepo) {
        return { repository: repositoryOverride ?? fallbackRepo, sha: '', ref: '', defaultBranch: 'main' };
    }
    const remote = git(dir, ['remote', 'get-url', 'origin']);
    const repository = repositoryOverride ?? (remote ? repositoryFromRemote(remote) : undefined) ?? fallbackRepo;
    const sha = git(dir, ['rev-parse', 'HEAD']) ?? '';
    const symbolic = git(dir, ['symbolic-ref', '-q', 'HEAD']);
    const ref = symbolic ?? '';
    const originHead = git(dir, ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD']);
    const defaultBranch = originHead?.replace(/^origin\//, '') ?? guessDefault(dir, ref);
    return { repository, sha, ref, defaultBranch };
}
/** Without `origin/HEAD`: the configured initial branch, main or master when one exists, else the current branch. */
function guessDefault(dir, ref) {
    const configured = git(dir, ['config', '--get', 'init.defaultBranch']);
    for (const b of [configured, 'main', 'master']) {
        if (b && git(dir, ['rev-parse', '--verify', '-q', `refs/heads/${b}`]))
            return b;
    }
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : 'main';
}

;// CONCATENATED MODULE: ./src/cli/workflow-commands.ts
const COMMAND_RE = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/;
function parseWorkflowCommand(line) {
    const m = COMMAND_RE.exec(line);
    if (!m)
        return undefined;
    const properties = {};
    if (m[2]) {
        for (const part of m[2].split(',')) {
            const eq = part.indexOf('=');
            if (eq <= 0)
                continue;
            properties[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
        }
    }
    return { command: m[1], properties, message: unescapeData(m[3]) };
}
function toAnnotation(cmd) {
    if (cmd.command !== 'error' && cmd.command !== 'warning' && cmd.command !== 'notice')
        return undefined;
    const a = { level: cmd.command, message: cmd.message };
    if (cmd.properties.file)
        a.file = cmd.properties.file;
    const line = Number(cmd.properties.line);
    if (cmd.properties.line && Number.isFinite(line))
        a.line = line;
    return a;
}
function unescapeData(s) {
    return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s) {
    return s
        .replace(/%3A/g, ':')
        .replace(/%2C/g, ',')
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%');
}
/** Parses a `GITHUB_OUTPUT` (or `GITHUB_ENV`) file; later values win, as on the runner. */
function parseOutputFile(text) {
    const out = {};
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line === '')
            continue;
        const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
        if (heredoc) {
            const [, name, delimiter] = heredoc;
            const value = [];
            i++;
            while (i < lines.length && lines[i] !== delimiter)
                value.push(lines[i++]);
            out[name] = value.join('\n');
            continue;
        }
        const eq = line.indexOf('=');
        if (eq > 0)
            out[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return out;
}

// EXTERNAL MODULE: ./src/cli/commands/types.ts
var types = __nccwpck_require__(53016);
;// CONCATENATED MODULE: ./src/cli/run.ts











const RUN_USAGE = 'ai-ci run <action> [--input NAME=VALUE]... [--repo DIR] [--event FILE] [--event-name NAME] [--repository OWNER/NAME] [--dry-run] [--json]';
function knownActions() {
    return [...(0,registry/* actionNames */.B)(), ...Object.keys((0,test_actions/* testActionModules */.O)())].sort();
}
function parseRunArgs(argv) {
    const args = { action: '', inputs: {}, repo: process.cwd(), dryRun: false, json: false };
    const rest = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = a.includes('=') && a.startsWith('--') && !a.startsWith('--input=')
                ? a.slice(a.indexOf('=') + 1)
                : argv[++i];
            if (v === undefined)
                throw new types/* UsageError */.e(`${a.split('=')[0]} needs a value.`);
            return v;
        };
        const flag = a.startsWith('--') ? a.split('=')[0] : a;
        switch (flag) {
            case '--input':
            case '-i': {
                const kv = a.startsWith('--input=') ? a.slice('--input='.length) : argv[++i];
                if (kv === undefined)
                    throw new types/* UsageError */.e('--input needs NAME=VALUE.');
                const eq = kv.indexOf('=');
                if (eq <= 0)
                    throw new types/* UsageError */.e(`Bad --input '${kv}': expected NAME=VALUE.`);
                args.inputs[kv.slice(0, eq)] = kv.slice(eq + 1);
                break;
            }
            case '--repo':
                args.repo = (0,external_node_path_.resolve)(value());
                break;
            case '--event':
                args.eventFile = (0,external_node_path_.resolve)(value());
                break;
            case '--event-name':
                args.eventName = value();
                break;
            case '--repository': {
                const r = value();
                if (!/^[^/\s]+\/[^/\s]+$/.test(r))
                    throw new types/* UsageError */.e(`Invalid repository '${r}'. Expected format {owner}/{repo}.`);
                args.repository = r;
                break;
            }
            case '--dry-run':
                args.dryRun = true;
                break;
            case '--json':
                args.json = true;
                break;
            default:
                if (a.startsWith('-'))
                    throw new types/* UsageError */.e(`Unknown option '${a}'.`);
                rest.push(a);
        }
    }
    if (rest.length === 0)
        throw new types/* UsageError */.e('Which action? ' + listText());
    if (rest.length > 1)
        throw new types/* UsageError */.e(`Unexpected argument '${rest[1]}'.`);
    args.action = rest[0];
    if (!knownActions().includes(args.action))
        throw new types/* UsageError */.e(`Unknown action '${args.action}'. ${listText()}`);
    if (!(0,external_node_fs_.existsSync)(args.repo) || !(0,external_node_fs_.statSync)(args.repo).isDirectory())
        throw new types/* UsageError */.e(`--repo '${args.repo}' is not a directory.`);
    if (args.eventFile && !(0,external_node_fs_.existsSync)(args.eventFile))
        throw new types/* UsageError */.e(`--event file '${args.eventFile}' does not exist.`);
    return args;
}
function listText() {
    const names = knownActions();
    return names.length ? `Actions: ${names.join(', ')}.` : 'No actions are available in this build.';
}
function selfCommand() {
    // The action runs with the workspace as cwd: a relative `--import ./x` must still find x.
    const execArgv = process.execArgv.map((a, i, all) => {
        if (all[i - 1] !== '--import' && all[i - 1] !== '--require')
            return a;
        if (/^\.\.?\//.test(a))
            return (0,external_node_url_.pathToFileURL)((0,external_node_path_.resolve)(a)).href;
        if (/^[\w@]/.test(a) && !/^(?:file|node|data):/.test(a)) {
            // A bare package (`--import tsx`) resolves from the workspace otherwise, where it is not installed.
            try {
                return import.meta.resolve(a);
            }
            catch {
                return a;
            }
        }
        return a;
    });
    return { command: process.execPath, args: [...execArgv, (0,external_node_path_.resolve)(process.argv[1])] };
}
/**
 * Runs an action the way the runner does: its own process, inputs as `INPUT_*`, `GITHUB_*` from
 * the local checkout, workflow commands read from its stdout, outputs from `GITHUB_OUTPUT`.
 */
async function runAction(args, self = selfCommand()) {
    const tmp = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ai-ci-run-'));
    try {
        return await runIn(tmp, args, self);
    }
    finally {
        (0,external_node_fs_.rmSync)(tmp, { recursive: true, force: true });
    }
}
async function runIn(tmp, args, self) {
    const gitCtx = readLocalGitContext(args.repo, args.repository);
    const files = {
        output: (0,external_node_path_.join)(tmp, 'output'),
        summary: (0,external_node_path_.join)(tmp, 'step_summary.md'),
        env: (0,external_node_path_.join)(tmp, 'env'),
        state: (0,external_node_path_.join)(tmp, 'state'),
        path: (0,external_node_path_.join)(tmp, 'path'),
        github: (0,external_node_path_.join)(tmp, 'github-writes.jsonl'),
    };
    for (const f of Object.values(files))
        (0,external_node_fs_.writeFileSync)(f, '');
    const runnerTemp = (0,external_node_path_.join)(tmp, 'runner-temp');
    (0,external_node_fs_.mkdirSync)(runnerTemp);
    let payload;
    let eventPath;
    if (args.eventFile) {
        eventPath = args.eventFile;
        payload = JSON.parse((0,external_node_fs_.readFileSync)(args.eventFile, 'utf8'));
    }
    else {
        payload = { repository: { full_name: gitCtx.repository, default_branch: gitCtx.defaultBranch } };
        if (gitCtx.sha)
            payload.after = gitCtx.sha;
        eventPath = (0,external_node_path_.join)(tmp, 'event.json');
        (0,external_node_fs_.writeFileSync)(eventPath, JSON.stringify(payload));
    }
    const eventName = args.eventName ?? ('pull_request' in payload ? 'pull_request' : 'push');
    const env = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (k.startsWith('INPUT_') || k.startsWith('STATE_'))
            continue;
        env[k] = v;
    }
    const token = env.GITHUB_TOKEN;
    Object.assign(env, {
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: args.repo,
        GITHUB_REPOSITORY: gitCtx.repository,
        GITHUB_REPOSITORY_OWNER: gitCtx.repository.split('/')[0],
        GITHUB_SHA: gitCtx.sha,
        GITHUB_REF: gitCtx.ref,
        GITHUB_REF_NAME: gitCtx.ref.replace(/^refs\/(heads|tags)\//, ''),
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_ENV: files.env,
        GITHUB_STATE: files.state,
        GITHUB_PATH: files.path,
        GITHUB_ACTION: args.action,
        GITHUB_JOB: env.GITHUB_JOB ?? args.action,
        GITHUB_RUN_ID: env.GITHUB_RUN_ID ?? '1',
        GITHUB_RUN_NUMBER: env.GITHUB_RUN_NUMBER ?? '1',
        GITHUB_RUN_ATTEMPT: env.GITHUB_RUN_ATTEMPT ?? '1',
        GITHUB_WORKFLOW: env.GITHUB_WORKFLOW ?? 'ai-ci local',
        RUNNER_TEMP: runnerTemp,
        RUNNER_OS: env.RUNNER_OS ?? 'Linux',
        AI_CI_DEFAULT_BRANCH: env.AI_CI_DEFAULT_BRANCH ?? gitCtx.defaultBranch,
        AI_CI_GITHUB_LOG: files.github,
        AI_CI_DRY_RUN: args.dryRun || !token ? 'true' : 'false',
    });
    if (eventName.startsWith('pull_request')) {
        const pr = payload.pull_request;
        if (pr?.head?.ref)
            env.GITHUB_HEAD_REF = pr.head.ref;
        if (pr?.base?.ref)
            env.GITHUB_BASE_REF = pr.base.ref;
    }
    for (const [name, value] of Object.entries(args.inputs)) {
        env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    const annotations = [];
    const masks = [];
    const child = (0,external_node_child_process_.spawn)(self.command, [...self.args, '__exec', args.action], {
        cwd: args.repo,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const echo = (line) => {
        let text = line;
        for (const m of masks)
            text = text.split(m).join('***');
        (args.json ? process.stderr : process.stdout).write(text + '\n');
    };
    const stdoutDone = new Promise((resolveDone) => {
        const rl = (0,external_node_readline_.createInterface)({ input: child.stdout });
        rl.on('line', (line) => {
            const cmd = parseWorkflowCommand(line);
            if (cmd?.command === 'add-mask') {
                if (cmd.message)
                    masks.push(cmd.message);
                return;
            }
            const ann = cmd && toAnnotation(cmd);
            if (ann)
                annotations.push(ann);
            if (cmd && cmd.command === 'debug' && !env.RUNNER_DEBUG)
                return;
            echo(line);
        });
        rl.on('close', () => resolveDone());
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    const code = await new Promise((resolveCode, reject) => {
        child.on('error', reject);
        child.on('close', (c, signal) => resolveCode(c ?? (signal ? 1 : 0)));
    });
    await stdoutDone;
    const github = (0,external_node_fs_.readFileSync)(files.github, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l));
    const outputs = parseOutputFile((0,external_node_fs_.readFileSync)(files.output, 'utf8'));
    return {
        action: args.action,
        outcome: code === 0 ? 'success' : 'failure',
        outputs,
        summary: (0,external_node_fs_.readFileSync)(files.summary, 'utf8'),
        annotations,
        github,
    };
}


/***/ }),

/***/ 34246:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ testActionModules)
/* harmony export */ });
/**
 * Test-only hook: `AI_CI_TEST_ACTIONS` maps extra action names to module files, so the runner's own
 * tests drive a small test action instead of a placeholder under `actions/`. Unset in real use.
 */
function testActionModules(env = process.env) {
    const raw = env.AI_CI_TEST_ACTIONS;
    if (!raw)
        return {};
    try {
        const parsed = JSON.parse(raw);
        if (!parsed || typeof parsed !== 'object')
            return {};
        return Object.fromEntries(Object.entries(parsed).filter((e) => typeof e[1] === 'string'));
    }
    catch {
        return {};
    }
}


/***/ }),

/***/ 45605:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ onActionExit),
/* harmony export */   y: () => (/* binding */ executeAction)
/* harmony export */ });
/* harmony import */ var _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(28708);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(74296);


const closers = [];
/**
 * Registers work that must happen before the process exits (save the Actions-cache bundle, quit
 * Redis). Closers run in reverse order, each bounded, whatever the action's outcome.
 */
function onActionExit(fn) {
    closers.push(fn);
}
async function runClosers() {
    // Not scaled by AI_CI_TIMEOUT_SCALE: that shortens network waits, not the time to save state.
    const limitMs = Number(process.env.AI_CI_CLOSE_TIMEOUT_MS) > 0 ? Number(process.env.AI_CI_CLOSE_TIMEOUT_MS) : 15_000;
    while (closers.length) {
        const fn = closers.pop();
        let timer;
        try {
            const ended = await Promise.race([
                Promise.resolve(fn()).then(() => true),
                new Promise((r) => (timer = setTimeout(() => r(false), limitMs).unref())),
            ]);
            // Abandoned work (typically an Actions-cache save the service keeps failing) is said, not silent.
            if (!ended)
                _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Clean-up step did not finish within ${limitMs} ms and was abandoned (saving the cache or closing a connection); this run's cache entries may not have been saved.`);
        }
        catch (err) {
            _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Clean-up step failed: ${err.message}`);
        }
        finally {
            clearTimeout(timer);
        }
    }
}
/**
 * The one catch at the top of every action: a user's mistake is one line, a bug is a stack.
 * Exits explicitly afterwards so a forgotten socket never keeps a workflow step alive.
 */
async function executeAction(load) {
    try {
        const mod = await load();
        await mod.run();
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1)
            _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(err.message);
        else if (err instanceof Error)
            _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(err.stack ?? err.message);
        else
            _runner_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(String(err));
    }
    finally {
        await runClosers();
    }
    const code = typeof process.exitCode === 'number' ? process.exitCode : Number(process.exitCode ?? 0) || 0;
    // Let stdout drain before exiting so the last workflow commands are not lost.
    await new Promise((resolve) => process.stdout.write('', () => resolve()));
    process.exit(code);
}


/***/ }),

/***/ 74296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   us: () => (/* binding */ ServiceUnavailableError)
/* harmony export */ });
/**
 * A mistake the user can fix (bad input, unreadable report): reported as one line naming the input
 * and the fix, never as a stack (codeql-action's ConfigurationError).
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** An optional service (Redis, Ollama, a metrics sink) is unavailable: degrade with a warning. */
class ServiceUnavailableError extends Error {
    service;
    name = 'ServiceUnavailableError';
    constructor(service, message, options) {
        super(message, options);
        this.service = service;
    }
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}


/***/ }),

/***/ 37394:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  E$: () => (/* binding */ redact),
  cl: () => (/* binding */ registerSecret)
});

// UNUSED EXPORTS: REDACTED, clearRegisteredSecrets, createRedactStream, registerSecretsFromEnv

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(57075);
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/core/redact.ts
/**
 * Secret scrubbing for every text that leaves the runner (LLM prompts, cache entries, comments,
 * metrics, reports).
 *
 * Replacement marker: `***`, the same marker the Actions runner prints for masked values, so a
 * redacted excerpt reads like the workflow log it came from. Only the secret part is replaced:
 * `password=hunter2` becomes `password=***`, `postgres://app:pw@db` becomes
 * `postgres://app:***@db`, and whole-token formats (`ghp_…`, JWTs, private key blocks) become `***`.
 *
 * All patterns are alternatives of ONE regular expression applied in one pass, and each
 * alternative starts with a literal or a narrow character class and has bounded repetitions, so
 * the scan is linear in the input (no catastrophic backtracking) — it runs on 100 MB logs.
 * `bench/redact.bench.ts` measures the throughput.
 *
 * Besides the formats, every value the process knows to be secret is replaced wherever it occurs:
 * values passed to `registerSecret` (our own `::add-mask::` values) and, read from the environment
 * on first use, the action's secret inputs (`github-token`, `OLLAMA_CLOUD_API_KEY`,
 * `DATADOG_API_KEY`, the password in `REDIS_URL`, …) and any variable whose name ends in TOKEN,
 * SECRET, PASSWORD, API_KEY and the like.
 */


const REDACTED = '***';
/** Values shorter than this are not registered: masking `a` or `42` everywhere would destroy text. */
const MIN_SECRET_LENGTH = 4;
/** Case-insensitive source for a word without the `i` flag (which would loosen every other pattern). */
function ci(word) {
    return [...word]
        .map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[-_]/, '[-_]?')))
        .join('');
}
/** Key words that make an assignment's value secret. The key must END with one (optionally + `key`). */
const SENSITIVE_WORDS = [
    'password',
    'passwd',
    'passphrase',
    'secret',
    'token',
    'api_key',
    'apikey',
    'access_key',
    'private_key',
    'credentials',
];
// npm's `_auth=` (base64 user:password) needs its underscore: a bare `auth:` is usually a flag.
const SENSITIVE = `(?:${SENSITIVE_WORDS.map(ci).join('|')}|_${ci('auth')})(?:[-_]?[kK][eE][yY])?(?:[-_]?[bB][aA][sS][eE])?`;
/** Values after a sensitive key that are plainly not secrets (placeholders, booleans, references). */
const NOT_A_SECRET = /^(?:true|false|null|nil|none|undefined|required|optional|yes|no|\*+|x+|redacted|\[redacted.*|<.*>|\$.*|%.*%|\{\{.*|[\^~<>=v]*\d+\.\d+[\w.+-]*)$/i;
const PATTERNS = [
    // Private key blocks, whole; a block cut off before its END line is redacted to its last base64 line.
    String.raw `(?<pk>-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,16384}?-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s\\:,-]{0,16384}))`,
    // Whole-token formats with a recognisable prefix.
    String.raw `(?<tok>\b(?:` +
        [
            String.raw `gh[pousr]_[A-Za-z0-9_]{36,1000}`,
            String.raw `github_pat_[A-Za-z0-9_]{22,255}`,
            String.raw `(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}`,
            String.raw `xox[abposrec]-[A-Za-z0-9-]{10,255}`,
            String.raw `xapp-\d-[A-Za-z0-9-]{10,255}`,
            String.raw `[sr]k_(?:live|test)_[A-Za-z0-9]{10,255}`,
            String.raw `whsec_[A-Za-z0-9+/=]{20,255}`,
            String.raw `npm_[A-Za-z0-9]{36}`,
            String.raw `pypi-[A-Za-z0-9_-]{40,1000}`,
            String.raw `glpat-[A-Za-z0-9_-]{20,255}`,
            String.raw `AIza[0-9A-Za-z_-]{35}`,
            String.raw `sk-(?:proj|svcacct|admin|ant)-[A-Za-z0-9_-]{20,1000}`,
            String.raw `sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}`,
            String.raw `hf_[A-Za-z]{34}`,
            String.raw `SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`,
            String.raw `eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{0,4096}`,
        ].join('|') +
        `))`,
    // Slack incoming webhooks carry their secret in the path.
    String.raw `(?<swp>https://hooks\.slack\.com/(?:services|workflows|triggers)/)(?<sws>[A-Za-z0-9_/-]{10,255})`,
    // Credentials in URLs: scheme://user:password@host (redis://:pw@, postgres://u:pw@, mongodb+srv://…).
    String.raw `(?<up>://[^\s:/@'"<>]{0,256}:)(?<upw>[^\s/'"<>]{1,256})(?=@)`,
    // HTTP authorization headers, any scheme.
    String.raw `(?<ak>[:=](?<=${ci('authorization')}["'\x60]?[ \t]{0,8}[:=])[ \t]{0,8}["'\x60]?(?:(?:[bB]earer|[bB]asic|[tT]oken|[dD]igest|[nN]egotiate|Bot|AWS4-HMAC-SHA256)[ \t]+)?)(?<av>[^\s"'\x60,;]{4,8192})`,
    String.raw `(?<bk>\b[bB]earer[ \t]+)(?<bv>[A-Za-z0-9._~+/-]{16,8192}=*)`,
    // Assignments: password=…, "api_key": "…", secret: …, --token …, export GITHUB_TOKEN=…
    String.raw `(?<kk>(?:=>|:=|=(?![=~])|:(?!:))(?<=${SENSITIVE}["'\x60]?[ \t]{0,8}(?:=>|:=|=|:))[ \t]{0,8}|--[A-Za-z-]{0,40}${SENSITIVE}[ \t]{1,8})(?:"(?<kvd>(?:[^"\\\r\n]|\\.){1,1024})"|'(?<kvs>[^'\r\n]{1,1024})'|\x60(?<kvb>[^\x60\r\n]{1,1024})\x60|(?<kvu>[^\s"'\x60,;&<>(){}\[\]]{1,1024}))`,
];
const PATTERN_SOURCE = PATTERNS.join('|');
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
const registered = new Set();
let envLoaded = false;
let compiled;
/** Forms a secret takes in text besides itself: each line of a multi-line value, URL- and JSON-escaped. */
function variants(value) {
    const out = new Set();
    const add = (v) => {
        const t = v.trim();
        if (t.length >= MIN_SECRET_LENGTH)
            out.add(t);
    };
    add(value);
    for (const line of value.split(/\r?\n/))
        add(line);
    add(encodeURIComponent(value));
    add(JSON.stringify(value).slice(1, -1));
    return [...out];
}
/**
 * Marks a value as secret for every later `redact` call (call it wherever the code issues
 * `core.setSecret`/`::add-mask::`). Values shorter than 4 characters are ignored.
 */
function registerSecret(value) {
    if (!value)
        return;
    for (const v of variants(value))
        registered.add(v);
}
/** Names of environment variables (and action inputs, `INPUT_*`) whose values are secret. */
const SECRET_ENV_NAME = /(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API[-_]?KEY|ACCESS[-_]?KEY|PRIVATE[-_]?KEY|CREDENTIALS)$/i;
const URL_ENV_NAME = /(?:REDIS|DATABASE|DB|MONGO|POSTGRES|MYSQL|AMQP|BROKER)[-_]?(?:URL|URI|DSN)$/i;
/**
 * Registers the secrets found in an environment: the action's secret inputs and well-known
 * variables by name, and the password of connection URLs such as `REDIS_URL`. Called on the first
 * `redact` with `process.env`; call it again after changing the environment.
 */
function registerSecretsFromEnv(env = process.env) {
    envLoaded = true;
    for (const [name, value] of Object.entries(env)) {
        if (!value)
            continue;
        if (SECRET_ENV_NAME.test(name)) {
            // A flag such as SKIP_TOKEN=true is not a secret; masking "true" everywhere would destroy text.
            if (value.length >= 8 && !/^\d+$/.test(value))
                registerSecret(value);
        }
        else if (URL_ENV_NAME.test(name)) {
            registerSecret(urlPassword(value));
        }
    }
}
function urlPassword(value) {
    try {
        const u = new URL(value);
        return u.password ? decodeURIComponent(u.password) : undefined;
    }
    catch {
        return undefined;
    }
}
/** Forgets registered secrets (tests); the environment is read again on the next `redact`. */
function clearRegisteredSecrets() {
    registered.clear();
    envLoaded = false;
    compiled = undefined;
}
function regexFor(extra) {
    const literals = [...registered, ...extra];
    const key = literals.length === 0 ? '' : `${literals.length}:${literals.join('\u0000')}`;
    if (compiled && compiled.key === key) {
        compiled.re.lastIndex = 0;
        return compiled.re;
    }
    // Longest first, so a secret that contains another is replaced whole.
    const alts = [...new Set(literals)].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const source = alts.length > 0 ? `(?<lit>${alts.join('|')})|${PATTERN_SOURCE}` : PATTERN_SOURCE;
    const re = new RegExp(source, 'g');
    if (extra.length === 0)
        compiled = { key, re };
    return re;
}
function isProse(value, after) {
    // "your password: go to settings" — a plain word followed by more words is a sentence, not a value.
    return /^[A-Za-z]+$/.test(value) && /^ +[A-Za-z]/.test(after);
}
const CODE_KEYWORDS = /^(?:new|function|class|await|async|this|typeof|return|void|const|let|var|lambda|self|None|nullptr)$/;
/**
 * Source code (diffs and stack traces go to the LLM) assigns to variables named `token` all the
 * time: `token = scanNumber();`, `nextToken = cond ? a : b`, `{ token: param.name, ... }`. A spaced
 * `=`/`:` followed by an identifier that is then called, indexed, ended with `;`, operated on or
 * listed in an object literal is code, not a secret. Shell and env assignments (`TOKEN=abc;`) have
 * no space before the value and stay redacted; values in a known token format are redacted anyway.
 */
function isCode(key, value, before, after) {
    if (CODE_KEYWORDS.test(value))
        return true;
    if (!/\s$/.test(key))
        return false;
    if (value.startsWith('!'))
        return true;
    if (!/^[A-Za-z_$][\w$.]*$/.test(value))
        return false;
    if (key.startsWith(':') && /\s$/.test(before))
        return true; // `cond ? token : other`
    if (/^(?:[([]|[ \t]*[;?&|+*/%<>=!)}\]-])/.test(after))
        return true;
    return (after.startsWith(',') && (/[a-z][A-Z]/.test(value) || value.includes('.') || /\{[^}\n]*$/.test(before)));
}
function replace(match, offset, whole, g, extras) {
    if (g.lit !== undefined || g.pk !== undefined || g.tok !== undefined)
        return REDACTED;
    if (g.sws !== undefined)
        return `${g.swp}${REDACTED}`;
    if (g.upw !== undefined)
        return `${g.up}${REDACTED}`;
    if (g.av !== undefined)
        return `${g.ak}${REDACTED}`;
    if (g.bv !== undefined)
        return `${g.bk}${REDACTED}`;
    if (g.kk !== undefined) {
        if (g.kvd !== undefined)
            return NOT_A_SECRET.test(g.kvd) ? match : `${g.kk}"${REDACTED}"`;
        if (g.kvs !== undefined)
            return NOT_A_SECRET.test(g.kvs) ? match : `${g.kk}'${REDACTED}'`;
        if (g.kvb !== undefined)
            return NOT_A_SECRET.test(g.kvb) ? match : `${g.kk}\`${REDACTED}\``;
        const v = g.kvu ?? '';
        if (NOT_A_SECRET.test(v) || /^\d{1,5}$/.test(v))
            return match;
        const after = whole.slice(offset + match.length, offset + match.length + 4);
        const before = whole.slice(Math.max(0, offset - 200), offset);
        if (g.kk.trimEnd().endsWith(':') && isProse(v, after))
            return match;
        // Not an assigned secret, but the value itself may still be a token (`token: ghp_… (user x)`).
        if (isCode(g.kk, v, before, after))
            return `${g.kk}${redact(v, extras)}`;
        return `${g.kk}${REDACTED}`;
    }
    return match;
}
/**
 * Replaces every secret in `text` (see the module comment for what counts) with `***`.
 * `extra` adds literal secret values for this call only.
 */
function redact(text, extra) {
    if (!envLoaded)
        registerSecretsFromEnv();
    if (text.length === 0)
        return text;
    const extras = [];
    if (extra)
        for (const e of extra)
            for (const v of variants(e))
                extras.push(v);
    const re = regexFor(extras);
    return text.replace(re, (match, ...rest) => {
        const groups = rest[rest.length - 1];
        const offset = rest[rest.length - 3];
        const whole = rest[rest.length - 2];
        return replace(match, offset, whole, groups, extras);
    });
}
/** A line longer than this is cut (and redacted in pieces) rather than buffered whole. */
const MAX_PENDING = (/* unused pure expression or super */ null && (1024 * 1024));
/** How far a private key block may run past its BEGIN line before it is flushed anyway. */
const MAX_KEY_BLOCK = (/* unused pure expression or super */ null && (64 * 1024));
/**
 * Redacts a text stream of any size (a 100 MB job log) with bounded memory: it passes on whole
 * lines, so no token is cut at a chunk boundary, and holds back an unfinished private key block
 * until its END line arrives. The output equals `redact` of the whole text.
 */
function createRedactStream(extra) {
    const decoder = new StringDecoder('utf8');
    const extras = extra ? [...extra] : undefined;
    let pending = '';
    const take = (final) => {
        let cut = final ? pending.length : pending.lastIndexOf('\n') + 1;
        if (cut === 0 && pending.length > MAX_PENDING)
            cut = pending.length;
        const begin = pending.lastIndexOf('-----BEGIN ', cut);
        if (begin >= 0 && !final && pending.length - begin < MAX_KEY_BLOCK) {
            const end = pending.indexOf('-----END ', begin);
            if (end < 0 || end >= cut)
                cut = Math.min(cut, begin);
        }
        const head = pending.slice(0, cut);
        pending = pending.slice(cut);
        return head.length > 0 ? redact(head, extras) : '';
    };
    return new Transform({
        transform(chunk, _enc, done) {
            pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
            const out = take(false);
            done(null, out.length > 0 ? out : undefined);
        },
        flush(done) {
            pending += decoder.end();
            const out = take(true);
            done(null, out.length > 0 ? out : undefined);
        },
    });
}


/***/ }),

/***/ 28708:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z: () => (/* binding */ summary),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony export setSecret */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(37394);




function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function issue(command, message, props = {}) {
    const p = Object.entries(props)
        .filter((e) => e[1] !== undefined && e[1] !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    process.stdout.write(`::${command}${p ? ` ${p}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
function annotationProps(p = {}) {
    return {
        title: p.title,
        file: p.file,
        line: p.startLine,
        endLine: p.endLine,
        col: p.startColumn,
        endColumn: p.endColumn,
    };
}
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (file) {
        const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
    }
    else {
        process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
        issue('set-output', value, { name });
    }
}
function setSecret(value) {
    registerSecret(value);
    issue('add-mask', value);
}
function debug(message) {
    issue('debug', message);
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
}
function notice(message, props) {
    issue('notice', message, annotationProps(props));
}
function warning(message, props) {
    issue('warning', message, annotationProps(props));
}
function error(message, props) {
    issue('error', message, annotationProps(props));
}
/** Fails the step: an error annotation and exit code 1. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
async function group(name, fn) {
    issue('group', name);
    try {
        return await fn();
    }
    finally {
        issue('endgroup', '');
    }
}
/** The job summary (`GITHUB_STEP_SUMMARY`): markdown appended when `write()` is called. */
class Summary {
    buffer = '';
    addRaw(text, addEol = false) {
        this.buffer += text + (addEol ? node_os__WEBPACK_IMPORTED_MODULE_2__.EOL : '');
        return this;
    }
    async write() {
        const file = process.env.GITHUB_STEP_SUMMARY;
        // Outside a runner (or an old one) there is no summary file: the summary is optional output.
        if (file)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, this.buffer);
        this.buffer = '';
        return this;
    }
}
const summary = new Summary();


/***/ }),

/***/ 38348:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 38348;
module.exports = webpackEmptyAsyncContext;

/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 50264:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("inspector");

/***/ }),

/***/ 73339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 80099:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 87997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 58500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 82987:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("perf_hooks");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  m: () => (/* reexport */ cliMain),
  R: () => (/* reexport */ startAction)
});

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(73136);
// EXTERNAL MODULE: ./src/actions/registry.ts
var registry = __nccwpck_require__(19984);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __nccwpck_require__(45605);
;// CONCATENATED MODULE: ./src/cli/commands/index.ts
/**
 * Every `ai-ci` sub-command, in the order the usage text lists them. Loaded lazily: an action's
 * entry imports the CLI's module too, and must not pay for the parsers or the cache client.
 */
const COMMANDS = [
    {
        name: 'run',
        summary: 'run an action on a local checkout, as the runner would',
        load: async () => (await __nccwpck_require__.e(/* import() */ 186).then(__nccwpck_require__.bind(__nccwpck_require__, 57948))).runCommand,
    },
    {
        name: 'parse',
        summary: 'parse test reports, CI logs, coverage and vulnerability reports',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(800), __nccwpck_require__.e(736), __nccwpck_require__.e(222)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1606))).parseCommand,
    },
    {
        name: 'cache',
        summary: 'decision-cache statistics (hits, misses, time saved) or clear it',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(844), __nccwpck_require__.e(24), __nccwpck_require__.e(57)]).then(__nccwpck_require__.bind(__nccwpck_require__, 17795))).cacheCommand,
    },
    {
        name: 'demo',
        summary: 'run the whole chain on a bundled sample project with a failing change',
        load: async () => (await __nccwpck_require__.e(/* import() */ 158).then(__nccwpck_require__.bind(__nccwpck_require__, 28158))).demoCommand,
    },
];

// EXTERNAL MODULE: ./src/cli/commands/types.ts
var types = __nccwpck_require__(53016);
// EXTERNAL MODULE: ./src/cli/run.ts + 2 modules
var run = __nccwpck_require__(38812);
// EXTERNAL MODULE: ./src/cli/test-actions.ts
var test_actions = __nccwpck_require__(34246);
;// CONCATENATED MODULE: ./src/cli/main.ts







function usageText() {
    const lines = [
        'Usage: ai-ci <command> [options]   (ai-ci <command> --help for its options)',
        '',
        'Commands:',
    ];
    for (const c of COMMANDS)
        lines.push(`  ${c.name.padEnd(8)} ${c.summary}`);
    const names = (0,run/* knownActions */.Bp)();
    lines.push('', `Actions: ${names.length ? names.join(', ') : '(none in this build)'}`);
    return lines.join('\n');
}
/** Starts one action in this process; what `dist/<action>/index.js` and `ai-ci run` both call. */
async function startAction(name) {
    const load = registry/* ACTIONS */.k[name];
    if (load)
        return (0,action/* executeAction */.y)(load);
    const testModule = (0,test_actions/* testActionModules */.O)()[name];
    if (testModule)
        return (0,action/* executeAction */.y)(() => __nccwpck_require__(38348)((0,external_node_url_.pathToFileURL)(testModule).href));
    process.stderr.write(`Unknown action '${name}'.\n`);
    process.exit(2);
}
async function cliMain(argv) {
    const [cmd, ...rest] = argv;
    if (cmd === '__exec') {
        await startAction(rest[0] ?? '');
        return 0;
    }
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
        (cmd ? process.stdout : process.stderr).write(usageText() + '\n');
        return cmd ? 0 : 2;
    }
    if (cmd === '--version') {
        process.stdout.write('ai-ci\n');
        return 0;
    }
    const entry = COMMANDS.find((c) => c.name === cmd);
    if (!entry) {
        process.stderr.write(`Unknown command '${cmd}'.\n\n${usageText()}\n`);
        return 2;
    }
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`Usage: ${command.usage}\n`);
        return 0;
    }
    try {
        return await command.run(rest);
    }
    catch (err) {
        if (err instanceof types/* UsageError */.e) {
            process.stderr.write(`ai-ci ${command.name}: ${err.message}\nUsage: ${command.usage}\n\n${usageText()}\n`);
            return 2;
        }
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/index.ts
// The one shared bundle (dist/index.js): the CLI and every action's entry import from here.


var __webpack_exports__cliMain = __webpack_exports__.m;
var __webpack_exports__startAction = __webpack_exports__.R;
export { __webpack_exports__cliMain as cliMain, __webpack_exports__startAction as startAction };
