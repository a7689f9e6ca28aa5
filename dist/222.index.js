export const id = 222;
export const ids = [222];
export const modules = {

/***/ 1606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PARSE_USAGE: () => (/* binding */ PARSE_USAGE),
/* harmony export */   formatResult: () => (/* binding */ formatResult),
/* harmony export */   parseCommand: () => (/* binding */ parseCommand),
/* harmony export */   runParse: () => (/* binding */ runParse)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _parsers_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41736);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53016);
/** `ai-ci parse FILE... [--kind K] [--json]`: print the normalized result of any supported report. */



const PARSE_USAGE = `ai-ci parse FILE... [--kind ${_parsers_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ALL_KINDS */ .Oo.join('|')}] [--json] [--root DIR] [--passing-log FILE]

  Parses test reports, CI logs, coverage and vulnerability reports into one model.
  --kind         format of every FILE (default: auto, detected from content)
  --json         one JSON object per file (an array when several files are given)
  --root         make absolute paths in reports relative to DIR (default: current directory)
  --passing-log  for logs: the last passing log of the same job, to diff against
  Exit code 1 when any file could not be read or parsed (the others are still printed).`;
async function runParse(argv, out) {
    let values;
    let files;
    try {
        const parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                kind: { type: 'string' },
                json: { type: 'boolean' },
                root: { type: 'string' },
                'passing-log': { type: 'string' },
            },
        });
        values = parsed.values;
        files = parsed.positionals;
    }
    catch (err) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(err instanceof Error ? err.message : String(err));
    }
    if (files.length === 0)
        throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e('parse needs at least one FILE');
    const kind = values.kind ?? 'auto';
    if (!_parsers_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ALL_KINDS */ .Oo.includes(kind)) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`unknown --kind '${kind}' (expected one of: ${_parsers_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ALL_KINDS */ .Oo.join(', ')})`);
    }
    const results = [];
    for (const file of files) {
        results.push(await (0,_parsers_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseFile */ .CJ)(file, {
            kind,
            root: values.root,
            passingLogPath: values['passing-log'],
        }));
    }
    if (values.json) {
        out.write(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
    }
    else {
        for (const r of results)
            out.write(formatResult(r) + '\n');
    }
    return results.some(_parsers_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isParseError */ .M8) ? 1 : 0;
}
const parseCommand = {
    name: 'parse',
    summary: 'parse test reports, CI logs, coverage and vulnerability reports',
    usage: PARSE_USAGE,
    run: (argv) => runParse(argv, process.stdout),
};
function formatResult(r) {
    if ((0,_parsers_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isParseError */ .M8)(r))
        return `${r.file}: error: ${r.error}`;
    if ('totals' in r && 'tests' in r)
        return formatTests(r);
    if ('totals' in r)
        return formatCoverage(r);
    if ('counts' in r)
        return formatVulns(r);
    return formatLog(r);
}
function formatTests(r) {
    const t = r.totals;
    const lines = [
        `${r.file} (${r.kind}): ${t.tests} tests, ${t.passed} passed, ${t.failed} failed, ${t.errors} errors, ${t.skipped} skipped`,
    ];
    for (const c of r.tests) {
        if (c.status === 'failed' || c.status === 'error') {
            const where = c.file ? ` (${c.file}${c.line !== null ? `:${c.line}` : ''})` : '';
            lines.push(`  ${c.status === 'failed' ? 'FAIL ' : 'ERROR'} ${c.name}${where}`);
            if (c.message)
                lines.push(`        ${c.message.split('\n')[0].slice(0, 160)}`);
        }
        else if (c.attempts > 1 && c.status === 'passed') {
            lines.push(`  FLAKY ${c.name} (passed after ${c.attempts} attempts)`);
        }
    }
    for (const w of r.warnings)
        lines.push(`  warning: ${w}`);
    return lines.join('\n');
}
function pctText(c) {
    return `${c.pct.toFixed(2)}% (${c.covered}/${c.total})`;
}
function formatCoverage(r) {
    const lines = [
        `${r.file} (${r.kind}): lines ${pctText(r.totals.lines)}, branches ${pctText(r.totals.branches)}, functions ${pctText(r.totals.functions)}`,
    ];
    const width = Math.min(60, Math.max(4, ...r.files.map((f) => f.path.length)));
    for (const f of r.files.slice(0, 200)) {
        lines.push(`  ${f.path.padEnd(width)}  lines ${pctText(f.lines)}  branches ${pctText(f.branches)}`);
    }
    if (r.files.length > 200)
        lines.push(`  … ${r.files.length - 200} more files`);
    for (const w of r.warnings)
        lines.push(`  warning: ${w}`);
    return lines.join('\n');
}
function formatVulns(r) {
    const c = r.counts;
    const lines = [
        `${r.file} (${r.kind}): ${r.findings.length} findings: ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.info} info, ${c.unknown} unknown`,
    ];
    for (const f of r.findings.slice(0, 200)) {
        const fix = f.fixedVersion ? ` -> ${f.fixedVersion}` : '';
        lines.push(`  ${f.severity.padEnd(8)} ${f.id} ${f.package}@${f.version}${fix}  ${f.title.slice(0, 100)}`);
    }
    for (const w of r.warnings)
        lines.push(`  warning: ${w}`);
    return lines.join('\n');
}
function formatLog(r) {
    const lines = [`${r.file} (log, ${r.tool}): ${r.failures.length} failures`];
    for (const f of r.failures) {
        const where = f.file ? ` (${f.file}${f.line !== null && f.line !== undefined ? `:${f.line}` : ''})` : '';
        lines.push(`  ${f.kind} ${f.item}${where}`);
        for (const l of f.lines.slice(0, 5))
            lines.push(`    ${String(l.n).padStart(6)} | ${l.text}`);
    }
    return lines.join('\n');
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
