export const id = 812;
export const ids = [812];
export const modules = {

/***/ 78812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FIX_PROMPT_VERSION: () => (/* binding */ FIX_PROMPT_VERSION),
/* harmony export */   excerpts: () => (/* binding */ excerpts),
/* harmony export */   proposeWithLlm: () => (/* binding */ proposeWithLlm)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _patch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82099);



const FIX_PROMPT_VERSION = 'autofix-v1';
const SCHEMA = {
    type: 'object',
    additionalProperties: false,
    required: ['diff', 'explanation', 'confidence', 'testing'],
    properties: {
        diff: { type: 'string', maxLength: 20000 },
        explanation: { type: 'string', maxLength: 2000 },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
        testing: { type: 'string', maxLength: 1000 },
    },
};
const SYSTEM = [
    'You fix one failing CI check with the smallest correct change to the source code.',
    'Answer with a unified diff (git format, paths relative to the repository root, a/ and b/ prefixes, correct hunk headers)',
    'that applies to the files shown. Never change tests to make them pass, never skip or weaken assertions,',
    'never touch CI configuration, lockfiles or secrets. If you are not sure, give a low confidence.',
].join(' ');
const EXCERPT_RADIUS = 40;
/** The files the root cause points at, around the failing line, numbered (redacted by the client). */
function excerpts(workspace, files) {
    const out = [];
    for (const f of files.slice(0, 4)) {
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspace, f.path);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs))
            continue;
        const lines = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(abs, 'utf8').split('\n');
        const from = Math.max(0, (f.line ?? 1) - 1 - EXCERPT_RADIUS);
        const to = Math.min(lines.length, (f.line ?? 1) + EXCERPT_RADIUS);
        out.push(`--- ${f.path} (lines ${from + 1}-${to})`, ...lines.slice(from, to).map((l, i) => `${String(from + i + 1).padStart(5)}| ${l}`));
    }
    return out.join('\n');
}
async function proposeWithLlm(llm, rc, workspace) {
    const files = [
        ...(rc.file ? [{ path: rc.file, line: rc.line }] : []),
        ...rc.victims.filter((v) => v.file).map((v) => ({ path: v.file, line: v.line })),
    ].filter((f, i, a) => a.findIndex((g) => g.path === f.path) === i);
    const facts = [
        `kind:${rc.kind}|where:${rc.file ?? '?'}${rc.line ? `:${rc.line}` : ''}|failing_tests:${rc.victims.length}`,
        `title:${rc.title}`,
        ...rc.victims.slice(0, 5).map((v) => `test:${v.name}`),
    ].join('\n');
    const data = [
        { label: 'explaining log lines', text: rc.lines.map((l) => `${l.source}:${l.n}: ${l.text}`).join('\n') },
        { label: 'source files', text: excerpts(workspace, files) },
    ];
    const res = await llm.complete({
        audience: 'user-facing',
        system: SYSTEM,
        prompt: `Propose a fix for this CI failure.\n${facts}`,
        data,
        schema: SCHEMA,
        mode: 'analysis',
        action: 'auto-fix',
        maxTokens: 2048,
        validate: (v) => /^(?:diff --git|--- )/m.test((0,_patch_js__WEBPACK_IMPORTED_MODULE_2__/* .extractDiff */ .$l)(v.diff)) ? undefined : 'the diff field is not a unified diff',
    });
    if (!res.ok)
        return { ok: false, reason: res.reason };
    const { createHash } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 77598, 23));
    const promptHash = createHash('sha256')
        .update(FIX_PROMPT_VERSION)
        .update(facts)
        .update(JSON.stringify(data))
        .digest('hex')
        .slice(0, 16);
    return {
        ok: true,
        fix: { ...res.value, diff: (0,_patch_js__WEBPACK_IMPORTED_MODULE_2__/* .extractDiff */ .$l)(res.value.diff) },
        model: res.model,
        costUsd: res.costUsd,
        promptHash,
    };
}


/***/ })

};
