export const id = 96;
export const ids = [96];
export const modules = {

/***/ 85096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   collect: () => (/* binding */ collect)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69928);
/* harmony import */ var _parsers_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41736);



const MAX_REPORT_BYTES = 50 * 1024 * 1024;
async function collect(opts) {
    const out = { tests: [], coverage: [], vulns: [], lint: [], problems: [] };
    const problem = (m) => {
        out.problems.push(m);
        opts.logger.warning(m);
    };
    for (const file of await (0,_core_files_js__WEBPACK_IMPORTED_MODULE_1__/* .expandGlobs */ .GE)(opts.reports, opts.workspace)) {
        const rel = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_1__/* .repoRelative */ .Ne)(opts.workspace, file);
        let doc;
        try {
            const buf = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
            if (buf.length > MAX_REPORT_BYTES) {
                problem(`${rel}: larger than 50 MB, skipped.`);
                continue;
            }
            doc = JSON.parse(buf.toString('utf8'));
        }
        catch {
            continue; // Not JSON: not an ai-ci report (the default globs also match other files).
        }
        if (!doc || typeof doc !== 'object' || Array.isArray(doc))
            continue;
        const rec = doc;
        switch (rec.type) {
            case 'ai-ci/triage':
                out.triage = rec;
                break;
            case 'ai-ci/gate':
                out.gate = rec;
                break;
            case 'ai-ci/selection':
                out.selection = rec;
                break;
            case 'ai-ci/autofix':
                out.autofix = rec;
                break;
            case 'ai-ci/metrics':
                out.metrics = rec;
                break;
            default:
                break;
        }
    }
    const raw = async (globs, kind, accept, push) => {
        for (const file of await (0,_core_files_js__WEBPACK_IMPORTED_MODULE_1__/* .expandGlobs */ .GE)(globs, opts.workspace)) {
            const rel = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_1__/* .repoRelative */ .Ne)(opts.workspace, file);
            const r = await (0,_parsers_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFile */ .CJ)(file, { root: opts.workspace, ...(kind ? { kind } : {}) });
            if ((0,_parsers_index_js__WEBPACK_IMPORTED_MODULE_2__/* .isParseError */ .M8)(r))
                problem(`${rel}: ${r.error}`);
            else if (accept(r))
                push(r);
            else
                problem(`${rel}: a ${r.kind} file where another kind of report was expected.`);
        }
    };
    await raw(opts.testResults, undefined, (r) => 'tests' in r, (r) => out.tests.push(r));
    await raw(opts.coverage, undefined, (r) => 'files' in r && 'totals' in r && !('tests' in r), (r) => out.coverage.push(r));
    await raw(opts.vulnerabilities, undefined, (r) => 'findings' in r, (r) => out.vulns.push(r));
    await raw(opts.lint, 'log', (r) => 'failures' in r, (r) => out.lint.push(r));
    return out;
}


/***/ })

};
