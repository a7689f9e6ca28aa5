export const id = 381;
export const ids = [381];
export const modules = {

/***/ 48381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   factsForPrompt: () => (/* binding */ factsForPrompt),
/* harmony export */   llmProse: () => (/* binding */ llmProse),
/* harmony export */   unsupportedNumbers: () => (/* binding */ unsupportedNumbers)
/* harmony export */ });
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31285);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74916);


const SCHEMA = {
    type: 'object',
    additionalProperties: false,
    required: ['tldr', 'next_steps'],
    properties: {
        tldr: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', maxLength: 240 } },
        next_steps: { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 240 } },
    },
};
const SYSTEM = [
    'You write the top of a pull request comment about a CI run for the PR author: a TL;DR of at most three short lines',
    'and a few numbered next steps. Use only the facts given. Do not invent numbers, file names or tests.',
    'Be brief and concrete; no greetings, no markdown headings, no links, no mentions.',
].join(' ');
/** Any number in the prose that is not in the facts means the model made it up. */
function unsupportedNumbers(text, allowed) {
    return (text.match(/\d+(?:\.\d+)?/g) ?? []).filter((n) => !allowed.has(n) && !allowed.has(String(Number(n))));
}
/** The facts as the model sees them: compact, no raw log text. */
function factsForPrompt(f) {
    const lines = [];
    if (f.tests)
        lines.push(`tests:${f.tests.total}|passed:${f.tests.passed}|failed:${f.tests.failed}|skipped:${f.tests.skipped}`);
    lines.push(`new_failures:${f.newFailures.length}|still_failing:${f.stillFailing.length}|fixed:${f.fixed.length}`);
    for (const r of f.rootCauses.slice(0, 5)) {
        lines.push(`root_cause:${r.kind}|${r.title}|${r.file ?? ''}${r.line ? `:${r.line}` : ''}|tests:${r.victims}|flaky:${r.flaky}|infra:${r.infra}|fixable:${r.fixable}`);
    }
    if (f.coverage)
        lines.push(`coverage:${f.coverage.lines ?? ''}|delta:${f.coverage.delta ?? ''}|patch:${f.coverage.patch ?? ''}`);
    if (f.gate)
        lines.push(`gate_passed:${f.gate.passed}|failed:${f.gate.failed.map((c) => c.metric).join(',')}`);
    for (const v of f.newVulns.slice(0, 5))
        lines.push(`new_vuln:${v.severity}|${v.id}|${v.package}|fixed_in:${v.fixedVersion ?? ''}`);
    if (f.flaky.length)
        lines.push(`flaky_tests:${f.flaky.length}`);
    if (f.autofix?.prUrl)
        lines.push(`autofix_pr:${f.autofix.prUrl}`);
    return lines.join('\n');
}
/**
 * The TL;DR and next steps written by the LLM (user-facing audience), accepted only when every
 * number in it is one of the facts'; otherwise `undefined` and the template writes them.
 */
async function llmProse(llm, f) {
    const allowed = (0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .numbersIn */ .M)(f);
    const res = await llm.complete({
        audience: 'user-facing',
        system: SYSTEM,
        prompt: 'Write the TL;DR and next steps for these CI results.',
        data: [{ label: 'facts', text: factsForPrompt(f) }],
        schema: SCHEMA,
        mode: 'prose',
        action: 'pr-feedback',
        maxTokens: 400,
        validate: (a) => {
            const bad = unsupportedNumbers([...a.tldr, ...a.next_steps].join(' '), allowed);
            return bad.length ? `numbers not in the facts: ${bad.join(', ')}` : undefined;
        },
    });
    if (!res.ok)
        return { reason: res.reason };
    // The model's words are data too (it read test names): escaped like any report text.
    return {
        prose: {
            tldr: res.value.tldr.slice(0, 3).map(_render_js__WEBPACK_IMPORTED_MODULE_0__/* .esc */ .UQ),
            nextSteps: res.value.next_steps.slice(0, 5).map(_render_js__WEBPACK_IMPORTED_MODULE_0__/* .esc */ .UQ),
            source: 'llm',
        },
    };
}


/***/ })

};
