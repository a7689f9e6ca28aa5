export const id = 955;
export const ids = [955];
export const modules = {

/***/ 65955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74916);

async function listOurs(gh, issue) {
    const all = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
        owner: gh.owner,
        repo: gh.repo,
        issue_number: issue,
        per_page: 100,
    });
    return all
        .filter((c) => (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .isOurComment */ .CZ)(c.body))
        .map((c) => ({ id: c.id, body: c.body, html_url: c.html_url }));
}
function runOf(c) {
    return (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .readMeta */ .eE)(c.body ?? '')?.run ?? -1;
}
/**
 * The comment that survives: the first one posted (lowest id). It must not depend on content,
 * which concurrent runs rewrite: two runs that picked different keepers by run number would
 * delete each other's and leave none.
 */
function keeperOf(ours) {
    return [...ours].sort((a, b) => a.id - b.id)[0];
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * Posts or updates the one sticky comment. GitHub has no compare-and-swap on comments, so: a run
 * for an older run number leaves a newer comment alone; after writing, the comment is read back
 * and rewritten if an older run overwrote it meanwhile; finally every other comment with the
 * marker is deleted, keeping the first posted, which ends with the newest run's content. The reusable workflow's `concurrency:` group per PR
 * makes races rare; this makes them harmless.
 */
async function upsertStickyComment(gh, issue, body, meta, logger, opts = {}) {
    const { owner, repo } = gh;
    // Without a token nothing can be read: the dry-run sink shows the comment a first run would post.
    let ours = gh.canRead ? await listOurs(gh, issue) : [];
    let keeper = keeperOf(ours);
    let result;
    if (keeper && runOf(keeper) > meta.run) {
        logger.info(`pr-feedback: comment ${keeper.id} was written by a newer run (${runOf(keeper)} > ${meta.run}); left alone.`);
        return { action: 'skipped-older', id: keeper.id, url: keeper.html_url, deleted: 0 };
    }
    if (keeper && keeper.body === body) {
        result = { action: 'unchanged', id: keeper.id, url: keeper.html_url, deleted: 0 };
    }
    else if (keeper) {
        const res = await gh.octokit.rest.issues.updateComment({ owner, repo, comment_id: keeper.id, body });
        result = {
            action: 'updated',
            id: res.data.id ?? keeper.id,
            url: res.data.html_url ?? keeper.html_url,
            deleted: 0,
        };
    }
    else {
        const res = await gh.octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
        result = { action: 'created', id: res.data.id ?? null, url: res.data.html_url ?? null, deleted: 0 };
    }
    if (gh.dryRun)
        return result;
    for (let attempt = 0; attempt < 3; attempt++) {
        await sleep(opts.settleMs ?? 0);
        ours = await listOurs(gh, issue);
        keeper = keeperOf(ours);
        if (!keeper)
            break;
        if (runOf(keeper) < meta.run) {
            // Our content belongs in the keeper: an older run wrote there, or ours is another comment.
            await gh.octokit.rest.issues.updateComment({ owner, repo, comment_id: keeper.id, body });
            result = { ...result, id: keeper.id, url: keeper.html_url };
            continue;
        }
        break;
    }
    if (keeper) {
        for (const c of ours) {
            if (c.id === keeper.id)
                continue;
            try {
                await gh.octokit.rest.issues.deleteComment({ owner, repo, comment_id: c.id });
                result.deleted++;
            }
            catch (err) {
                // Another run deleted it first: the goal (one comment) is met either way.
                if (err.status !== 404)
                    throw err;
            }
        }
        if (keeper.id !== result.id)
            result = { ...result, id: keeper.id, url: keeper.html_url };
    }
    return result;
}


/***/ })

};
