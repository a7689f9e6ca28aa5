export const id = 186;
export const ids = [186];
export const modules = {

/***/ 57948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38812);

const runCommand = {
    name: 'run',
    summary: 'run an action on a local checkout, as the runner would',
    usage: _run_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_USAGE */ .W3,
    async run(argv) {
        const args = (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRunArgs */ .ug)(argv);
        const result = await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(args);
        if (args.json) {
            process.stdout.write(JSON.stringify(result) + '\n');
        }
        else {
            const out = process.stdout;
            out.write(`\n${result.action}: ${result.outcome}\n`);
            for (const [k, v] of Object.entries(result.outputs))
                out.write(`  output ${k} = ${v.length > 200 ? v.slice(0, 200) + '…' : v}\n`);
            if (result.github.length) {
                out.write(`  GitHub writes${process.env.GITHUB_TOKEN && !args.dryRun ? '' : ' (dry-run)'}:\n`);
                for (const w of result.github)
                    out.write(`    ${w.method} ${w.path}\n`);
            }
        }
        return result.outcome === 'success' ? 0 : 1;
    },
};


/***/ })

};
