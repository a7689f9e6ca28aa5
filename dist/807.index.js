export const id = 807;
export const ids = [807];
export const modules = {

/***/ 85807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchFailedJobLogs: () => (/* binding */ fetchFailedJobLogs),
/* harmony export */   readSources: () => (/* binding */ readSources)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(69928);
/* harmony import */ var _parsers_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41736);





const MAX_LINES_INDEX_BYTES = 20 * 1024 * 1024;
/**
 * Reads every input: test reports (any format the parsers know; a log given as a report is read
 * as a log), raw logs, and with a token the failed jobs' logs of this run. An unreadable input is
 * a warning, never a failure: triage reports on what it could read.
 */
async function readSources(opts) {
    const out = { testReports: [], logReports: [], warnings: [] };
    const warn = (m) => {
        out.warnings.push(m);
        opts.logger.warning(m);
    };
    const reportFiles = await (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .expandGlobs */ .GE)(opts.reports, opts.workspace);
    const logFiles = [...(await (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .expandGlobs */ .GE)(opts.logs, opts.workspace)), ...(opts.extraLogs ?? [])];
    if (opts.reports.length && reportFiles.length === 0)
        warn(`No test report matched ${opts.reports.join(', ')}.`);
    if (opts.logs.length && logFiles.length === 0)
        warn(`No log matched ${opts.logs.join(', ')}.`);
    const passing = opts.passingLog ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.workspace, opts.passingLog) : undefined;
    for (const file of reportFiles) {
        const source = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .repoRelative */ .Ne)(opts.workspace, file);
        try {
            const r = await (0,_parsers_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parseFile */ .CJ)(file, { root: opts.workspace });
            if ((0,_parsers_index_js__WEBPACK_IMPORTED_MODULE_4__/* .isParseError */ .M8)(r)) {
                warn(`${source}: ${r.error}`);
                continue;
            }
            if (r.kind === 'log')
                out.logReports.push({ source, report: r });
            else if ('tests' in r) {
                const lines = readLinesIndex(file);
                out.testReports.push({ source, report: r, ...(lines ? { lines } : {}) });
            }
            else
                warn(`${source}: a ${r.kind} report is not a test report; ignored by ai-triage.`);
            for (const w of 'warnings' in r && r.warnings ? r.warnings : [])
                warn(`${source}: ${w}`);
        }
        catch (err) {
            warn(`${source}: could not be read (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}).`);
        }
    }
    for (const file of logFiles) {
        const source = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .repoRelative */ .Ne)(opts.workspace, file);
        try {
            const r = await (0,_parsers_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parseFile */ .CJ)(file, {
                kind: 'log',
                root: opts.workspace,
                ...(passing ? { passingLogPath: passing } : {}),
            });
            if ((0,_parsers_index_js__WEBPACK_IMPORTED_MODULE_4__/* .isParseError */ .M8)(r))
                warn(`${source}: ${r.error}`);
            else if (r.kind === 'log') {
                out.logReports.push({ source, report: r });
                for (const w of r.warnings ?? [])
                    warn(`${source}: ${w}`);
            }
        }
        catch (err) {
            warn(`${source}: could not be read (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}).`);
        }
    }
    return out;
}
/** The report's lines, to give quoted message lines their line numbers (skipped for huge files). */
function readLinesIndex(file) {
    try {
        const buf = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
        if (buf.length > MAX_LINES_INDEX_BYTES)
            return undefined;
        return buf.toString('utf8').split(/\r\n|\r|\n/);
    }
    catch {
        return undefined;
    }
}
/**
 * The failed jobs' logs of the current run attempt, written under RUNNER_TEMP so they are read
 * like any other log. Needs a token with `actions: read`.
 */
async function fetchFailedJobLogs(gh, ctx, dir, logger) {
    if (!gh.canRead) {
        logger.warning("fetch-job-logs: no GitHub token, so the failed jobs' logs of this run could not be read.");
        return [];
    }
    const files = [];
    try {
        // `filter: latest` gives the jobs of the newest attempt, which is the one running this step.
        const jobs = await gh.octokit.paginate(gh.octokit.rest.actions.listJobsForWorkflowRun, {
            owner: gh.owner,
            repo: gh.repo,
            run_id: Number(ctx.runId),
            filter: 'latest',
            per_page: 100,
        });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
        for (const job of jobs) {
            if (job.conclusion !== 'failure' || job.name === ctx.job)
                continue;
            try {
                const res = await gh.octokit.rest.actions.downloadJobLogsForWorkflowRun({
                    owner: gh.owner,
                    repo: gh.repo,
                    job_id: job.id,
                });
                const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `${job.name.replace(/[^\w.-]+/g, '_')}-${job.id}.log`);
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, typeof res.data === 'string' ? res.data : String(res.data));
                files.push(file);
            }
            catch (err) {
                logger.warning(`fetch-job-logs: the log of job '${job.name}' could not be downloaded (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}).`);
            }
        }
    }
    catch (err) {
        logger.warning(`fetch-job-logs: the jobs of run ${ctx.runId} could not be listed (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}).`);
    }
    return files;
}


/***/ })

};
