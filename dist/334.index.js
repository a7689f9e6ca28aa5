export const id = 334;
export const ids = [334];
export const modules = {

/***/ 59334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   branchName: () => (/* binding */ branchName),
/* harmony export */   findOpenFixPr: () => (/* binding */ findOpenFixPr),
/* harmony export */   publishFix: () => (/* binding */ publishFix)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _local_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94623);
/* harmony import */ var _patch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82099);





/**
 * Publishes a verified patch without pushing: the target's files are read through the API, the
 * patch is applied to them with `git apply` in a scratch folder, and blobs, tree, commit, ref and
 * PR are created through the Git Data API, so the commit is GitHub's (signed) and based exactly on
 * the target branch's head. Never merges, never writes to an existing branch.
 */
async function publishFix(gh, req) {
    const { owner, repo, octokit } = gh;
    const files = (0,_patch_js__WEBPACK_IMPORTED_MODULE_4__/* .parseUnifiedDiff */ .rj)(req.patch);
    const ref = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${req.target}` });
    const baseSha = ref.data.object.sha;
    const baseCommit = await octokit.rest.git.getCommit({ owner, repo, commit_sha: baseSha });
    const scratch = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'ai-ci-autofix-'));
    try {
        for (const f of files) {
            if (!f.oldPath)
                continue;
            const content = await octokit.rest.repos.getContent({ owner, repo, path: f.oldPath, ref: baseSha });
            const data = content.data;
            if (typeof data.content !== 'string')
                throw new Error(`${f.oldPath} is not a file on ${req.target}`);
            const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, f.oldPath);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(abs), { recursive: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(abs, Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8'));
        }
        await (0,_local_git_js__WEBPACK_IMPORTED_MODULE_3__/* .git */ .$Y)(scratch, ['init', '-q']);
        await (0,_local_git_js__WEBPACK_IMPORTED_MODULE_3__/* .git */ .$Y)(scratch, ['apply', '--whitespace=nowarn', '-'], req.patch);
        const tree = [];
        for (const p of (0,_patch_js__WEBPACK_IMPORTED_MODULE_4__/* .touchedPaths */ .Pq)(files)) {
            const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, p);
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs)) {
                tree.push({ path: p, mode: '100644', type: 'blob', sha: null });
                continue;
            }
            const blob = await octokit.rest.git.createBlob({
                owner,
                repo,
                content: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(abs).toString('base64'),
                encoding: 'base64',
            });
            tree.push({ path: p, mode: '100644', type: 'blob', sha: blob.data.sha });
        }
        const newTree = await octokit.rest.git.createTree({
            owner,
            repo,
            base_tree: baseCommit.data.tree.sha,
            tree,
        });
        const commit = await octokit.rest.git.createCommit({
            owner,
            repo,
            message: req.commitMessage,
            tree: newTree.data.sha,
            parents: [baseSha],
        });
        await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${req.branch}`, sha: commit.data.sha });
        const pr = await octokit.rest.pulls.create({
            owner,
            repo,
            title: req.title,
            head: req.branch,
            base: req.target,
            body: req.body,
            maintainer_can_modify: true,
        });
        if (req.labels.length)
            await octokit.rest.issues.addLabels({ owner, repo, issue_number: pr.data.number, labels: req.labels });
        return {
            prNumber: pr.data.number,
            prUrl: pr.data.html_url,
            branch: req.branch,
            commitSha: commit.data.sha,
        };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(scratch, { recursive: true, force: true });
    }
}
/**
 * An open auto-fix PR into `target` whose body carries `marker` (the root cause's fingerprint
 * row), or undefined. Reads at most 1,000 open PRs, newest first.
 */
async function findOpenFixPr(gh, target, marker) {
    const { owner, repo, octokit } = gh;
    let pages = 0;
    for await (const page of octokit.paginate.iterator(octokit.rest.pulls.list, {
        owner,
        repo,
        state: 'open',
        base: target,
        per_page: 100,
    })) {
        const hit = page.data.find((p) => p.head.ref.startsWith('autofix-') && (p.body ?? '').includes(marker));
        if (hit)
            return { number: hit.number, url: hit.html_url };
        if (++pages >= 10)
            break;
    }
    return undefined;
}
/** `autofix-YYYYMMDD-HHMMSS` in UTC. */
function branchName(now) {
    const p = (n) => String(n).padStart(2, '0');
    return `autofix-${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
}


/***/ })

};
