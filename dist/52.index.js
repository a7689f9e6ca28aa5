export const id = 52;
export const ids = [52];
export const modules = {

/***/ 45052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/runner-commands.ts
var runner_commands = __webpack_require__(28708);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(45605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/github/context.ts
var context = __webpack_require__(83544);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(89114);
// EXTERNAL MODULE: ./src/core/llm/settings.ts
var settings = __webpack_require__(4206);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(11227);
// EXTERNAL MODULE: ./src/graph/build.ts + 6 modules
var build = __webpack_require__(65735);
;// CONCATENATED MODULE: ./src/actions/architecture-scan/inputs.ts


const LANGUAGES = ['js', 'python', 'go'];
const ALIASES = {
    js: 'js',
    javascript: 'js',
    ts: 'js',
    typescript: 'js',
    python: 'python',
    py: 'python',
    go: 'go',
    golang: 'go',
};
function getInputs(inputs = new core_inputs/* Inputs */.G0()) {
    const langs = inputs.list({ name: 'languages', env: ['ARCHITECTURE_LANGUAGES'] });
    let languages;
    if (langs && !(langs.length === 1 && langs[0].toLowerCase() === 'auto')) {
        languages = [
            ...new Set(langs.map((l) => {
                const hit = ALIASES[l.toLowerCase()];
                if (!hit) {
                    throw new errors/* ConfigurationError */.j1(`Invalid value for input 'languages': '${l}'. Expected auto or any of: ${LANGUAGES.join(', ')}.`);
                }
                return hit;
            })),
        ];
    }
    const churnWindowMs = inputs.duration({ name: 'churn-window', env: ['CHURN_WINDOW'] }) ?? 90 * 86_400_000;
    if (churnWindowMs <= 0)
        throw new errors/* ConfigurationError */.j1(`Invalid value for input 'churn-window': it must be longer than zero.`);
    return Object.freeze({
        paths: inputs.list({ name: 'paths', env: ['ARCHITECTURE_PATHS'] }) ?? ['.'],
        languages,
        ignore: inputs.globs({ name: 'ignore', env: ['ARCHITECTURE_IGNORE'] }),
        config: inputs.string({ name: 'config', env: ['ARCHITECTURE_CONFIG'] }),
        ignoreTypeOnly: inputs.boolean('ignore-type-only') ?? false,
        ignoreDynamic: inputs.boolean('ignore-dynamic') ?? false,
        failOn: inputs.choice({ name: 'fail-on', env: ['ARCHITECTURE_FAIL_ON'] }, ['none', 'new', 'any']) ??
            'none',
        failOnUnresolved: inputs.boolean('fail-on-unresolved') ?? false,
        churnWindowMs,
        outputDir: inputs.string({ name: 'output-dir', env: ['ARCHITECTURE_OUTPUT_DIR'] }) ?? '.',
        baseline: inputs.string({ name: 'baseline', env: ['ARCHITECTURE_BASELINE'] }),
        redisUrl: inputs.string({ name: 'redis-url', env: ['REDIS_URL'] }),
    });
}

;// CONCATENATED MODULE: ./src/actions/architecture-scan/narrative.ts
const NARRATIVE_SYSTEM = 'You are a software architect reviewing the results of a static architecture scan. Write 3 to 6 sentences of plain prose ' +
    'for the maintainers: what the facts say about the design, and which refactoring to do first and why. Use only the ' +
    'facts given; do not invent modules, numbers or causes. No headings, no lists.';
/** The facts the narrative may use, compact (`key:value|...`), small whatever the repository's size. */
function narrativeFacts(a) {
    const lines = [
        `score:${a.score}/10|modules:${a.modules}|imports:${a.edges}|cycles:${a.cycles.length}|violations:${a.violations.length}|unresolved:${a.unresolved.length}`,
        ...a.cycles
            .slice(0, 5)
            .map((c) => `cycle:${c.members.length} modules|kinds:${c.kinds.join(',')}|example:${c.example.join('>')}`),
        ...a.coupling.mostDependedUpon
            .slice(0, 5)
            .map((m) => `depended-upon:${m.path}|fan-in:${m.fanIn}|instability:${m.instability}`),
        ...a.hotspots
            .slice(0, 5)
            .map((h) => `hotspot:${h.path}|cognitive:${h.cognitive}|commits:${h.commits ?? 'n/a'}`),
        ...a.priorities.map((p) => `priority:${p}`),
    ];
    if (a.baseline)
        lines.push(`baseline:new cycles ${a.baseline.newCycles}|grown ${a.baseline.grownCycles}|new violations ${a.baseline.newViolations}`);
    return lines.join('\n');
}
/** Prose from the facts (background audience: local model first); any failure leaves the deterministic report as is. */
async function narrate(client, a) {
    const res = await client.complete({
        audience: 'background',
        action: 'architecture-scan',
        system: NARRATIVE_SYSTEM,
        prompt: `Scan facts:\n${narrativeFacts(a)}`,
        mode: 'prose',
        maxTokens: 400,
    });
    if (!res.ok)
        return { note: `LLM narrative: unavailable (${res.reason}).` };
    return { text: res.text, note: `LLM narrative by ${res.model} (${res.backend}).` };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/complexity/measure.ts
/** Every top-level function, method and function-valued variable of the file, in source order. */
function measure_measureSource(ts, fileName, text) {
    const kind = /\.(tsx|jsx)$/i.test(fileName)
        ? ts.ScriptKind.TSX
        : /\.(ts|mts|cts)$/i.test(fileName)
            ? ts.ScriptKind.TS
            : ts.ScriptKind.JS;
    const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
    const out = [];
    const visit = (node, owner) => {
        if (isFunctionLike(ts, node) && node.body) {
            const name = functionName(ts, node, owner);
            const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
            const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
            out.push({ name, line: start, endLine: end, ...measureFunction(ts, node) });
            return; // nested functions belong to this one
        }
        if (ts.isClassLike(node)) {
            const className = node.name?.text ?? owner ?? '<anonymous class>';
            ts.forEachChild(node, (c) => visit(c, className));
            return;
        }
        ts.forEachChild(node, (c) => visit(c, owner));
    };
    visit(sf, undefined);
    return out;
}
function isFunctionLike(ts, node) {
    return (ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isArrowFunction(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isConstructorDeclaration(node) ||
        ts.isGetAccessorDeclaration(node) ||
        ts.isSetAccessorDeclaration(node));
}
function propertyName(ts, name) {
    if (!name)
        return undefined;
    if (ts.isIdentifier(name) ||
        ts.isPrivateIdentifier(name) ||
        ts.isStringLiteral(name) ||
        ts.isNumericLiteral(name))
        return name.text;
    return undefined;
}
function functionName(ts, node, owner) {
    let own;
    if (ts.isConstructorDeclaration(node))
        own = 'constructor';
    else
        own = propertyName(ts, node.name);
    if (!own) {
        const p = node.parent;
        if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p))
            own = propertyName(ts, p.name);
        else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken)
            own = p.left.getText();
        else if (ts.isExportAssignment(p))
            own = 'default';
    }
    const isMember = ts.isClassLike(node.parent) ||
        (node.parent && ts.isPropertyDeclaration(node.parent) && ts.isClassLike(node.parent.parent));
    const base = own ?? '<anonymous>';
    return isMember && owner ? `${owner}.${base}` : base;
}
/** The identifier a function calls itself by, if it has one. */
function selfName(ts, node) {
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name)
        return { name: node.name.text, viaThis: false };
    if (ts.isMethodDeclaration(node)) {
        const n = propertyName(ts, node.name);
        return n ? { name: n, viaThis: true } : undefined;
    }
    const p = node.parent;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name))
        return { name: p.name.text, viaThis: false };
    return undefined;
}
function isLogical(ts, node) {
    return (ts.isBinaryExpression(node) &&
        (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
            node.operatorToken.kind === ts.SyntaxKind.BarBarToken));
}
function unparen(ts, node) {
    let n = node;
    while (ts.isParenthesizedExpression(n))
        n = n.expression;
    return n;
}
/** The operators of a logical expression read left to right, looking through parentheses only. */
function flattenOperators(ts, node, out) {
    const n = unparen(ts, node);
    if (isLogical(ts, n)) {
        flattenOperators(ts, n.left, out);
        out.push(n.operatorToken.kind);
        flattenOperators(ts, n.right, out);
    }
}
function measureFunction(ts, fn) {
    let cognitive = 0;
    let cyclomatic = 1;
    const self = selfName(ts, fn);
    let recursive = false;
    /** Logical expressions already counted as part of an enclosing sequence. */
    const counted = new Set();
    const K = ts.SyntaxKind;
    const walk = (node, nesting) => {
        if (!node)
            return;
        const nest = (child) => walk(child, nesting + 1);
        const same = (child) => walk(child, nesting);
        switch (node.kind) {
            case K.IfStatement: {
                const s = node;
                // An `else if` was already counted by its parent, flat, and sits at the parent's level.
                cognitive += 1 + nesting;
                cyclomatic++;
                same(s.expression);
                nest(s.thenStatement);
                let alt = s.elseStatement;
                while (alt) {
                    if (ts.isIfStatement(alt)) {
                        cognitive += 1;
                        cyclomatic++;
                        same(alt.expression);
                        nest(alt.thenStatement);
                        alt = alt.elseStatement;
                    }
                    else {
                        cognitive += 1;
                        nest(alt);
                        alt = undefined;
                    }
                }
                return;
            }
            case K.ConditionalExpression: {
                const c = node;
                cognitive += 1 + nesting;
                cyclomatic++;
                same(c.condition);
                nest(c.whenTrue);
                nest(c.whenFalse);
                return;
            }
            case K.SwitchStatement: {
                const s = node;
                cognitive += 1 + nesting;
                same(s.expression);
                for (const clause of s.caseBlock.clauses) {
                    if (ts.isCaseClause(clause)) {
                        cyclomatic++;
                        same(clause.expression);
                    }
                    for (const st of clause.statements)
                        nest(st);
                }
                return;
            }
            case K.ForStatement:
            case K.ForInStatement:
            case K.ForOfStatement:
            case K.WhileStatement:
            case K.DoStatement: {
                cognitive += 1 + nesting;
                cyclomatic++;
                const loop = node;
                ts.forEachChild(node, (c) => (c === loop.statement ? nest(c) : same(c)));
                return;
            }
            case K.CatchClause: {
                cognitive += 1 + nesting;
                cyclomatic++;
                nest(node.block);
                return;
            }
            case K.BreakStatement:
            case K.ContinueStatement:
                if (node.label)
                    cognitive += 1;
                return;
            case K.BinaryExpression: {
                const b = node;
                const op = b.operatorToken.kind;
                if (op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken)
                    cyclomatic++;
                if (op === K.AmpersandAmpersandEqualsToken ||
                    op === K.BarBarEqualsToken ||
                    op === K.QuestionQuestionEqualsToken) {
                    cyclomatic++;
                }
                if (isLogical(ts, b) && !counted.has(b)) {
                    const ops = [];
                    flattenOperators(ts, b, ops);
                    for (let i = 0; i < ops.length; i++)
                        if (i === 0 || ops[i] !== ops[i - 1])
                            cognitive += 1;
                    markSequence(b);
                }
                ts.forEachChild(node, same);
                return;
            }
            case K.CallExpression: {
                const callee = unparen(ts, node.expression);
                if (self) {
                    if (!self.viaThis && ts.isIdentifier(callee) && callee.text === self.name)
                        recursive = true;
                    if (self.viaThis &&
                        ts.isPropertyAccessExpression(callee) &&
                        callee.expression.kind === K.ThisKeyword &&
                        callee.name.text === self.name) {
                        recursive = true;
                    }
                }
                ts.forEachChild(node, same);
                return;
            }
            default:
                if (isFunctionLike(ts, node) || ts.isClassLike(node)) {
                    // Nested functions and classes deepen nesting without an increment of their own.
                    ts.forEachChild(node, nest);
                    return;
                }
                ts.forEachChild(node, same);
        }
    };
    const markSequence = (node) => {
        const n = unparen(ts, node);
        if (isLogical(ts, n)) {
            counted.add(n);
            markSequence(n.left);
            markSequence(n.right);
        }
    };
    if (fn.body && ts.isBlock(fn.body))
        ts.forEachChild(fn.body, (c) => walk(c, 0));
    else
        walk(fn.body, 0);
    for (const p of fn.parameters)
        if (p.initializer)
            walk(p.initializer, 0);
    if (recursive)
        cognitive += 1;
    return { cognitive, cyclomatic };
}

;// CONCATENATED MODULE: ./src/complexity/index.ts



/** Files the TypeScript parser reads: JavaScript and TypeScript in all their module flavours. */
const COMPLEXITY_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
/** Files larger than this are skipped: generated bundles say nothing about design. */
const MAX_FILE_BYTES = 1_000_000;
/**
 * Cognitive and cyclomatic complexity of the JS/TS files among `paths` (relative to `root`). The
 * TypeScript compiler (~9 MB) is loaded only here, on first use, so actions that never measure
 * complexity never pay for it. Unreadable or oversized files are skipped with a debug line.
 */
async function measureFiles(root, paths, logger) {
    const files = paths.filter((p) => COMPLEXITY_EXTENSIONS.test(p) && !p.endsWith('.d.ts'));
    if (files.length === 0)
        return [];
    const ts = (await __webpack_require__.e(/* import() */ 672).then(__webpack_require__.t.bind(__webpack_require__, 35672, 23))).default;
    const out = [];
    for (const path of files) {
        let text;
        try {
            const buf = await (0,promises_.readFile)((0,external_node_path_.join)(root, path));
            if (buf.length > MAX_FILE_BYTES) {
                logger?.debug(`complexity: skipped ${path} (${buf.length} bytes)`);
                continue;
            }
            text = buf.toString('utf8');
        }
        catch (err) {
            logger?.debug(`complexity: could not read ${path}: ${err.message}`);
            continue;
        }
        const functions = measure_measureSource(ts, path, text);
        out.push({
            path,
            functions,
            cognitive: functions.reduce((s, f) => s + f.cognitive, 0),
            maxCognitive: functions.reduce((m, f) => Math.max(m, f.cognitive), 0),
            cyclomatic: functions.reduce((s, f) => s + f.cyclomatic, 0),
        });
    }
    return out;
}
async function measureText(fileName, text) {
    const ts = (await __webpack_require__.e(/* import() */ 672).then(__webpack_require__.t.bind(__webpack_require__, 35672, 23))).default;
    return measureSource(ts, fileName, text);
}

// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(69928);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/graph/analysis/scc.ts
const EDGE_KINDS = ['runtime', 'type-only', 'dynamic'];
function filterEdges(edges, filter = {}) {
    return edges.filter(([, , kind]) => !(filter.ignoreTypeOnly && kind === 'type-only') && !(filter.ignoreDynamic && kind === 'dynamic'));
}
function scc_indexGraph(nodes, edges) {
    const all = new Set(nodes);
    for (const [from, to] of edges) {
        all.add(from);
        all.add(to);
    }
    const sorted = [...all].sort(compareStrings);
    const index = new Map();
    sorted.forEach((n, i) => index.set(n, i));
    const pairs = [];
    for (const [from, to] of edges)
        pairs.push(index.get(from), index.get(to));
    const count = new Int32Array(sorted.length + 1);
    for (let i = 0; i < pairs.length; i += 2)
        count[pairs[i] + 1]++;
    for (let i = 0; i < sorted.length; i++)
        count[i + 1] += count[i];
    const raw = new Int32Array(pairs.length / 2);
    const fill = count.slice(0, sorted.length);
    for (let i = 0; i < pairs.length; i += 2)
        raw[fill[pairs[i]]++] = pairs[i + 1];
    // Sort and de-duplicate each node's successors (several kinds of edge may join the same pair).
    const offsets = new Int32Array(sorted.length + 1);
    const targets = new Int32Array(raw.length);
    let t = 0;
    for (let n = 0; n < sorted.length; n++) {
        offsets[n] = t;
        const succ = raw.subarray(count[n], count[n + 1]).sort();
        for (let k = 0; k < succ.length; k++)
            if (k === 0 || succ[k] !== succ[k - 1])
                targets[t++] = succ[k];
    }
    offsets[sorted.length] = t;
    return { nodes: sorted, index, offsets, targets: targets.slice(0, t) };
}
/**
 * Tarjan's strongly connected components, iterative (an explicit call stack, so a chain of 100,000
 * imports cannot overflow the JavaScript stack). Returns component ids per node and the number of
 * components; component ids are in Tarjan's completion order.
 */
function tarjan(g) {
    const n = g.nodes.length;
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const component = new Int32Array(n).fill(-1);
    const stack = new Int32Array(n);
    let sp = 0;
    const callNode = new Int32Array(n);
    const callEdge = new Int32Array(n);
    let next = 0;
    let count = 0;
    for (let root = 0; root < n; root++) {
        if (index[root] !== -1)
            continue;
        let depth = 0;
        callNode[0] = root;
        callEdge[0] = g.offsets[root];
        index[root] = low[root] = next++;
        stack[sp++] = root;
        onStack[root] = 1;
        while (depth >= 0) {
            const v = callNode[depth];
            const e = callEdge[depth];
            if (e < g.offsets[v + 1]) {
                callEdge[depth] = e + 1;
                const w = g.targets[e];
                if (index[w] === -1) {
                    index[w] = low[w] = next++;
                    stack[sp++] = w;
                    onStack[w] = 1;
                    depth++;
                    callNode[depth] = w;
                    callEdge[depth] = g.offsets[w];
                }
                else if (onStack[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            if (low[v] === index[v]) {
                let w;
                do {
                    w = stack[--sp];
                    onStack[w] = 0;
                    component[w] = count;
                } while (w !== v);
                count++;
            }
            depth--;
            if (depth >= 0) {
                const parent = callNode[depth];
                if (low[v] < low[parent])
                    low[parent] = low[v];
            }
        }
    }
    return { component, count };
}
function hasSelfLoop(g, v) {
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++)
        if (g.targets[e] === v)
            return true;
    return false;
}
/** Node ids of every component that contains a cycle (two or more nodes, or one with a self-import). */
function cyclicComponents(g) {
    const { component, count } = tarjan(g);
    const groups = Array.from({ length: count }, () => []);
    for (let v = 0; v < g.nodes.length; v++)
        groups[component[v]].push(v);
    return groups
        .filter((members) => members.length > 1 || hasSelfLoop(g, members[0]))
        .map((members) => members.sort((a, b) => a - b))
        .sort((a, b) => a[0] - b[0]);
}
/**
 * The shortest cycle through `start` that stays inside its component (BFS), closed (`[a, b, a]`),
 * or undefined when there is none.
 */
function shortestCycleThrough(g, start, s) {
    const comp = s.componentOf[start];
    const stamp = ++s.stamp;
    s.seen[start] = stamp;
    let tail = 0;
    s.queue[tail++] = start;
    for (let head = 0; head < tail; head++) {
        const v = s.queue[head];
        for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
            const w = g.targets[e];
            if (w === start) {
                const path = [v];
                let p = v;
                while (p !== start) {
                    p = s.parent[p];
                    path.push(p);
                }
                path.reverse();
                path.push(start);
                return path;
            }
            if (s.componentOf[w] !== comp || s.seen[w] === stamp)
                continue;
            s.seen[w] = stamp;
            s.parent[w] = v;
            s.queue[tail++] = w;
        }
    }
    return undefined;
}
/** Searches from every member only while the component is small enough for that to stay cheap. */
const EXHAUSTIVE_BUDGET = 4_000_000;
function exampleCycle(g, members, s) {
    let edgesInside = 0;
    for (const v of members)
        edgesInside += g.offsets[v + 1] - g.offsets[v];
    const starts = members.length * (members.length + edgesInside) <= EXHAUSTIVE_BUDGET ? members : [members[0]];
    let best;
    // Members are ascending, so on equal length the cycle through the smallest path wins.
    for (const start of starts) {
        const c = shortestCycleThrough(g, start, s);
        if (c && (!best || c.length < best.length))
            best = c;
        if (best && best.length === 2)
            break;
    }
    return rotateToSmallest(best);
}
/** The same closed cycle, started at its smallest node, so equal cycles print equally. */
function rotateToSmallest(closed) {
    const open = closed.slice(0, -1);
    let at = 0;
    for (let i = 1; i < open.length; i++)
        if (open[i] < open[at])
            at = i;
    const rotated = [...open.slice(at), ...open.slice(0, at)];
    rotated.push(rotated[0]);
    return rotated;
}
/**
 * Every cycle of the graph as its strongly connected component with one shortest example, sorted by
 * first member. Edge kinds excluded by `filter` are removed first.
 */
function findCycles(graph, filter = {}, 
/** The unfiltered graph already indexed, reused when the filter drops nothing. */
indexed) {
    const edges = filterEdges(graph.edges, filter);
    const g = indexed && edges.length === graph.edges.length ? indexed : scc_indexGraph(graph.nodes, edges);
    const components = cyclicComponents(g);
    if (components.length === 0)
        return [];
    const componentOf = new Int32Array(g.nodes.length).fill(-1);
    components.forEach((members, c) => members.forEach((v) => (componentOf[v] = c)));
    const n = g.nodes.length;
    const scratch = {
        componentOf,
        seen: new Int32Array(n),
        parent: new Int32Array(n),
        queue: new Int32Array(n),
        stamp: 0,
    };
    const kinds = components.map(() => new Set());
    for (const [from, to, kind] of edges) {
        const a = componentOf[g.index.get(from)];
        if (a !== -1 && a === componentOf[g.index.get(to)])
            kinds[a].add(kind);
    }
    return components.map((members, c) => ({
        members: members.map((v) => g.nodes[v]),
        example: exampleCycle(g, members, scratch).map((v) => g.nodes[v]),
        kinds: EDGE_KINDS.filter((k) => kinds[c].has(k)),
    }));
}
/** Code-unit order, the same on every machine and locale. */
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/graph/analysis/rules.ts



const SEVERITIES = ['error', 'warn', 'info'];
/** Reads a rules file's text (YAML or JSON: YAML 1.2 is a superset of JSON). `source` names it in messages. */
function parseRulesConfig(text, source) {
    let raw;
    try {
        raw = (0,dist.parse)(text);
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`Rules file '${source}' is not valid YAML or JSON: ${err.message.split('\n')[0]}`);
    }
    if (raw === null || raw === undefined)
        return { forbidden: [] };
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        throw new errors/* ConfigurationError */.j1(`Rules file '${source}' must hold an object with a 'forbidden' list.`);
    }
    const list = raw.forbidden;
    if (list === undefined)
        return { forbidden: [] };
    if (!Array.isArray(list))
        throw new errors/* ConfigurationError */.j1(`Rules file '${source}': 'forbidden' must be a list of rules.`);
    return { forbidden: list.map((r, i) => parseRule(r, `${source}: forbidden[${i}]`)) };
}
function parseRule(raw, where) {
    const r = asObject(raw, where);
    const name = r.name === undefined ? where.replace(/^.*: /, '') : String(r.name);
    const severity = r.severity === undefined ? 'error' : String(r.severity);
    if (!SEVERITIES.includes(severity)) {
        throw new errors/* ConfigurationError */.j1(`${where}: severity '${severity}' is not one of ${SEVERITIES.join(', ')}.`);
    }
    const from = parseMatcher(r.from ?? {}, `${where}.from`);
    const toObj = asObject(r.to ?? {}, `${where}.to`);
    const to = parseMatcher(toObj, `${where}.to`);
    if (toObj.kinds !== undefined) {
        const kinds = stringList(toObj.kinds, `${where}.to.kinds`);
        for (const k of kinds) {
            if (!EDGE_KINDS.includes(k)) {
                throw new errors/* ConfigurationError */.j1(`${where}.to.kinds: '${k}' is not one of ${EDGE_KINDS.join(', ')}.`);
            }
        }
        to.kinds = kinds;
    }
    const rule = { name, severity: severity, from, to };
    if (typeof r.comment === 'string')
        rule.comment = r.comment;
    return rule;
}
function parseMatcher(raw, where) {
    const o = asObject(raw, where);
    const m = {};
    if (o.path !== undefined)
        m.path = stringList(o.path, `${where}.path`);
    if (o.pathNot !== undefined)
        m.pathNot = stringList(o.pathNot, `${where}.pathNot`);
    // Compile now so a bad pattern is reported with its place, not at the first edge it meets.
    for (const p of [...(m.path ?? []), ...(m.pathNot ?? [])]) {
        try {
            new RegExp(p.replace(/\$[1-9]/g, 'x'));
        }
        catch (err) {
            throw new errors/* ConfigurationError */.j1(`${where}: '${p}' is not a valid regular expression (${err.message}).`);
        }
    }
    return m;
}
function asObject(raw, where) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw new errors/* ConfigurationError */.j1(`${where} must be an object.`);
    return raw;
}
function stringList(raw, where) {
    if (typeof raw === 'string')
        return [raw];
    if (Array.isArray(raw) && raw.every((x) => typeof x === 'string'))
        return raw;
    throw new errors/* ConfigurationError */.j1(`${where} must be a string or a list of strings.`);
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** A regex source with `$n` replaced by the (escaped) groups captured on the `from` side. */
function substitute(pattern, groups) {
    return pattern.replace(/\$([1-9])/g, (_, n) => escapeRegExp(groups[Number(n)] ?? ''));
}
function compile(rule) {
    const toPath = rule.to.path ?? [];
    const toNot = rule.to.pathNot ?? [];
    return {
        rule,
        fromPath: (rule.from.path ?? []).map((p) => new RegExp(p)),
        fromNot: (rule.from.pathNot ?? []).map((p) => new RegExp(p)),
        toPath,
        toNot,
        toNeedsGroups: [...toPath, ...toNot].some((p) => /\$[1-9]/.test(p)),
    };
}
/** The groups of the first `from.path` pattern that matches, or undefined when the rule does not apply. */
function matchFrom(c, path) {
    if (c.fromNot.some((re) => re.test(path)))
        return undefined;
    if (c.fromPath.length === 0)
        return [];
    for (const re of c.fromPath) {
        const m = re.exec(path);
        if (m)
            return [...m];
    }
    return undefined;
}
function matchTo(c, path, groups, cache) {
    const re = (p) => {
        const src = c.toNeedsGroups ? substitute(p, groups) : p;
        let r = cache.get(src);
        if (!r)
            cache.set(src, (r = new RegExp(src)));
        return r;
    };
    if (c.toNot.some((p) => re(p).test(path)))
        return false;
    return c.toPath.length === 0 || c.toPath.some((p) => re(p).test(path));
}
/** Every edge that breaks a rule, one violation per (rule, from, to, kind), sorted. */
function checkRules(graph, config) {
    const compiled = config.forbidden.map(compile);
    const cache = new Map();
    const out = [];
    for (const [from, to, kind] of graph.edges) {
        for (const c of compiled) {
            if (c.rule.to.kinds && !c.rule.to.kinds.includes(kind))
                continue;
            const groups = matchFrom(c, from);
            if (!groups || !matchTo(c, to, groups, cache))
                continue;
            const v = { rule: c.rule.name, severity: c.rule.severity, from, to, kind };
            if (c.rule.comment)
                v.comment = c.rule.comment;
            out.push(v);
        }
    }
    return out.sort((a, b) => compareStrings(a.rule, b.rule) ||
        compareStrings(a.from, b.from) ||
        compareStrings(a.to, b.to) ||
        EDGE_KINDS.indexOf(a.kind) - EDGE_KINDS.indexOf(b.kind));
}

;// CONCATENATED MODULE: ./src/graph/analysis/coupling.ts

function folderOf(path) {
    const slash = path.lastIndexOf('/');
    return slash === -1 ? '.' : path.slice(0, slash);
}
function instability(fanIn, fanOut) {
    const total = fanIn + fanOut;
    return total === 0 ? 0 : Math.round((fanOut / total) * 1000) / 1000;
}
function computeCoupling(graph, opts = {}) {
    return couplingOf(indexGraph(graph.nodes, graph.edges), opts);
}
/**
 * The same from an already indexed graph (shared with cycle detection). Works on integer ids only:
 * the CSR groups edges by importer, a reverse CSR by imported module, and a stamp per folder counts
 * each outside module once per folder without building sets.
 */
function couplingOf(g, opts = {}) {
    const n = g.nodes.length;
    const fanIn = new Int32Array(n);
    const fanOut = new Int32Array(n);
    for (let v = 0; v < n; v++) {
        for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
            const w = g.targets[e];
            if (w === v)
                continue;
            fanOut[v]++;
            fanIn[w]++;
        }
    }
    const modules = g.nodes.map((path, v) => ({
        path,
        fanIn: fanIn[v],
        fanOut: fanOut[v],
        instability: instability(fanIn[v], fanOut[v]),
    }));
    // Folder ids in path order; nodes are sorted, so one folder's modules are mostly contiguous.
    const folderIndex = new Map();
    const folderOfNode = new Int32Array(n);
    for (let v = 0; v < n; v++) {
        const f = folderOf(g.nodes[v]);
        let id = folderIndex.get(f);
        if (id === undefined)
            folderIndex.set(f, (id = folderIndex.size));
        folderOfNode[v] = id;
    }
    const F = folderIndex.size;
    const folderNames = new Array(F);
    for (const [name, id] of folderIndex)
        folderNames[id] = name;
    const size = new Int32Array(F);
    for (let v = 0; v < n; v++)
        size[folderOfNode[v]]++;
    const importers = new Int32Array(F);
    const imported = new Int32Array(F);
    const internal = new Int32Array(F);
    const stamp = new Int32Array(F).fill(-1);
    const pairCount = new Map();
    for (let v = 0; v < n; v++) {
        const a = folderOfNode[v];
        for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
            const w = g.targets[e];
            if (w === v)
                continue;
            const b = folderOfNode[w];
            if (a === b) {
                internal[a]++;
                continue;
            }
            const key = a * F + b;
            pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
            // v counts once as an importer of folder b, however many of b's modules it imports.
            if (stamp[b] !== v) {
                stamp[b] = v;
                importers[b]++;
            }
        }
    }
    // Distinct outside modules each folder imports: walk the reverse graph, one stamp per target.
    const revCount = new Int32Array(n + 1);
    for (let e = 0; e < g.targets.length; e++)
        revCount[g.targets[e] + 1]++;
    for (let v = 0; v < n; v++)
        revCount[v + 1] += revCount[v];
    const revSources = new Int32Array(g.targets.length);
    const fill = revCount.slice(0, n);
    for (let v = 0; v < n; v++)
        for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++)
            revSources[fill[g.targets[e]]++] = v;
    stamp.fill(-1);
    for (let w = 0; w < n; w++) {
        const b = folderOfNode[w];
        for (let k = revCount[w]; k < revCount[w + 1]; k++) {
            const a = folderOfNode[revSources[k]];
            if (a === b || stamp[a] === w)
                continue;
            stamp[a] = w;
            imported[a]++;
        }
    }
    const folders = folderNames
        .map((folder, id) => ({
        folder,
        modules: size[id],
        fanIn: importers[id],
        fanOut: imported[id],
        instability: instability(importers[id], imported[id]),
        internalEdges: internal[id],
    }))
        .sort((x, y) => compareStrings(x.folder, y.folder));
    const folderEdges = [...pairCount]
        .map(([key, imports]) => ({ from: folderNames[Math.floor(key / F)], to: folderNames[key % F], imports }))
        .sort((x, y) => compareStrings(x.from, y.from) || compareStrings(x.to, y.to));
    const top = opts.top ?? 10;
    const mostDependedUpon = modules
        .filter((m) => m.fanIn > 0)
        .sort((x, y) => y.fanIn - x.fanIn || compareStrings(x.path, y.path))
        .slice(0, top);
    return { modules, folders, folderEdges, mostDependedUpon };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/actions/architecture-scan/baseline.ts

/** Stable id of a cycle: its sorted members hashed, so it survives reordering and reruns. */
function cycleId(members) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update([...members].sort().join('\n'))
        .digest('hex')
        .slice(0, 16);
}
function violationKey(v) {
    return `${v.rule}\0${v.from}\0${v.to}\0${v.kind}`;
}
function violationId(v) {
    return (0,external_node_crypto_.createHash)('sha256').update(violationKey(v)).digest('hex').slice(0, 16);
}
/**
 * Reads the comparable facts from a previous result; undefined (with the reason) when it is not an
 * `ai-ci/architecture` report, so a wrong file never hides a regression by looking like a baseline.
 */
function readBaseline(data) {
    if (!data || typeof data !== 'object' || Array.isArray(data))
        return { problem: 'not a JSON object' };
    const d = data;
    if (d.type !== 'ai-ci/architecture')
        return { problem: `type is ${JSON.stringify(d.type)}, expected "ai-ci/architecture"` };
    const cycles = [];
    if (Array.isArray(d.cycles)) {
        for (const c of d.cycles) {
            const members = c?.members;
            if (Array.isArray(members) && members.every((m) => typeof m === 'string'))
                cycles.push(members);
        }
    }
    const violations = [];
    if (Array.isArray(d.violations)) {
        for (const v of d.violations) {
            const o = v;
            if (o && typeof o.rule === 'string' && typeof o.from === 'string' && typeof o.to === 'string') {
                violations.push({
                    rule: o.rule,
                    from: o.from,
                    to: o.to,
                    kind: typeof o.kind === 'string' ? o.kind : 'runtime',
                });
            }
        }
    }
    return { facts: { cycles, violations } };
}
function cycleStatus(members, baseline) {
    const key = [...members].sort().join('\n');
    let grown = false;
    const set = new Set(members);
    for (const prev of baseline.cycles) {
        if ([...prev].sort().join('\n') === key)
            return 'known';
        if (prev.length < members.length && prev.every((m) => set.has(m)))
            grown = true;
    }
    return grown ? 'grown' : 'new';
}
function violationStatus(v, known) {
    return known.has(violationKey(v)) ? 'known' : 'new';
}
/** Previous cycles that no longer exist in any form (no current cycle contains all their members). */
function fixedCycles(current, baseline) {
    const sets = current.map((m) => new Set(m));
    return baseline.cycles.filter((prev) => !sets.some((s) => prev.every((m) => s.has(m))));
}

;// CONCATENATED MODULE: ./src/actions/architecture-scan/score.ts
/**
 * The health score, 0 (worst) to 10 (best), one decimal:
 *
 *   score = 10 − cycles − violations − complexity − unresolved, floored at 0, where
 *   cycles      = min(4, 0.5 × cycles + 10 × modules in cycles / modules)
 *   violations  = min(3, 1 × error + 0.5 × warn + 0.1 × info rule violations)
 *   complexity  = min(2, 10 × functions over cognitive complexity 15 / functions)
 *   unresolved  = min(1, 10 × unresolved imports / (imports + unresolved imports))
 *
 * Cycles weigh most because they make modules impossible to understand, test or release apart;
 * the share of modules caught in cycles matters as much as their number. 15 is Sonar's default
 * cognitive-complexity threshold.
 */
const SCORE_FORMULA = 'score = 10 − cycles − violations − complexity − unresolved (floored at 0, one decimal), where ' +
    'cycles = min(4, 0.5 × cycles + 10 × modules in cycles ÷ modules); ' +
    'violations = min(3, 1 × error + 0.5 × warn + 0.1 × info violations); ' +
    'complexity = min(2, 10 × functions with cognitive complexity > 15 ÷ functions); ' +
    'unresolved = min(1, 10 × unresolved imports ÷ (resolved + unresolved imports)).';
const COMPLEXITY_THRESHOLD = 15;
const round1 = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;
function healthScore(f) {
    const penalties = {
        cycles: round2(Math.min(4, 0.5 * f.cycles + (f.modules > 0 ? (10 * f.modulesInCycles) / f.modules : 0))),
        violations: round2(Math.min(3, f.violations.error + 0.5 * f.violations.warn + 0.1 * f.violations.info)),
        complexity: round2(Math.min(2, f.functions > 0 ? (10 * f.complexFunctions) / f.functions : 0)),
        unresolved: round2(Math.min(1, f.edges + f.unresolved > 0 ? (10 * f.unresolved) / (f.edges + f.unresolved) : 0)),
    };
    const total = penalties.cycles + penalties.violations + penalties.complexity + penalties.unresolved;
    return { score: Math.max(0, round1(10 - total)), penalties };
}

;// CONCATENATED MODULE: ./src/actions/architecture-scan/analyze.ts





const ANALYSIS_TYPE = 'ai-ci/architecture';
const ANALYSIS_VERSION = 1;
function sortEdges(edges) {
    const seen = new Set();
    const out = [];
    for (const e of edges) {
        const k = e.join('\0');
        if (seen.has(k))
            continue;
        seen.add(k);
        out.push([e[0], e[1], e[2]]);
    }
    return out.sort((a, b) => compareStrings(a[0], b[0]) ||
        compareStrings(a[1], b[1]) ||
        EDGE_KINDS.indexOf(a[2]) - EDGE_KINDS.indexOf(b[2]));
}
/** Everything the report says, from facts already gathered; pure and deterministic. */
function analyzeArchitecture(input) {
    const { graph } = input;
    const edges = sortEdges(graph.edges);
    const nodes = [...new Set(graph.nodes)].sort(compareStrings);
    const baseline = input.baseline?.facts;
    const knownViolations = new Set((baseline?.violations ?? []).map(violationKey));
    const indexed = scc_indexGraph(nodes, edges);
    const cycles = findCycles({ nodes, edges }, input.filter, indexed).map((c) => {
        const f = { ...c, id: cycleId(c.members) };
        if (baseline)
            f.status = cycleStatus(c.members, baseline);
        return f;
    });
    const violations = (input.rules ? checkRules({ edges }, input.rules) : []).map((v) => {
        const f = { ...v, id: violationId(v) };
        if (baseline)
            f.status = violationStatus(v, knownViolations);
        return f;
    });
    const coupling = couplingOf(indexed);
    const unresolved = [...graph.unresolved].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.specifier, b.specifier));
    const functions = [];
    for (const file of input.complexity) {
        for (const fn of file.functions) {
            functions.push({
                path: file.path,
                name: fn.name,
                line: fn.line,
                cognitive: fn.cognitive,
                cyclomatic: fn.cyclomatic,
            });
        }
    }
    const complexFunctions = functions.filter((f) => f.cognitive > COMPLEXITY_THRESHOLD).length;
    const topFunctions = [...functions]
        .sort((a, b) => b.cognitive - a.cognitive || compareStrings(a.path, b.path) || a.line - b.line)
        .slice(0, 20)
        .filter((f) => f.cognitive > 0);
    const hotspots = rankHotspots(input.complexity, input.churn, input.topHotspots ?? 20);
    const modulesInCycles = cycles.reduce((s, c) => s + c.members.length, 0);
    const bySeverity = { error: 0, warn: 0, info: 0 };
    for (const v of violations)
        bySeverity[v.severity]++;
    const { score, penalties } = healthScore({
        modules: nodes.length,
        edges: edges.length,
        cycles: cycles.length,
        modulesInCycles,
        violations: bySeverity,
        functions: functions.length,
        complexFunctions,
        unresolved: unresolved.length,
    });
    const analysis = {
        type: ANALYSIS_TYPE,
        version: ANALYSIS_VERSION,
        scanned: { paths: input.paths, languages: [...graph.languages].sort() },
        options: {
            ignoreTypeOnly: input.filter.ignoreTypeOnly === true,
            ignoreDynamic: input.filter.ignoreDynamic === true,
            churnWindowDays: Math.round((input.churnWindowMs / 86_400_000) * 100) / 100,
        },
        modules: nodes.length,
        edges: edges.length,
        graph: { nodes, edges },
        cycles,
        unresolved,
        coupling,
        complexity: {
            files: input.complexity.length,
            functions: functions.length,
            complexFunctions,
            threshold: COMPLEXITY_THRESHOLD,
            top: topFunctions,
        },
        churn: input.churn.available
            ? { available: true, since: input.churn.since, commits: input.churn.commits }
            : { available: false, reason: input.churn.reason },
        hotspots,
        violations,
        score,
        scoreBreakdown: { penalties, formula: SCORE_FORMULA },
        priorities: [],
    };
    if (input.baseline && baseline) {
        analysis.baseline = {
            source: input.baseline.source,
            newCycles: cycles.filter((c) => c.status === 'new').length,
            grownCycles: cycles.filter((c) => c.status === 'grown').length,
            knownCycles: cycles.filter((c) => c.status === 'known').length,
            fixedCycles: fixedCycles(cycles.map((c) => c.members), baseline),
            newViolations: violations.filter((v) => v.status === 'new').length,
            knownViolations: violations.filter((v) => v.status === 'known').length,
        };
    }
    analysis.priorities = refactoringPriorities(analysis);
    return analysis;
}
function rankHotspots(files, churn, top) {
    const out = [];
    for (const f of files) {
        if (f.cognitive === 0)
            continue;
        const h = {
            path: f.path,
            cognitive: f.cognitive,
            maxCognitive: f.maxCognitive,
            cyclomatic: f.cyclomatic,
            score: f.cognitive,
        };
        if (churn.available) {
            const c = churn.files.get(f.path);
            h.commits = c?.commits ?? 0;
            h.linesChanged = (c?.added ?? 0) + (c?.deleted ?? 0);
            h.score = f.cognitive * h.commits;
            if (h.score === 0)
                continue; // untouched in the window: not a hotspot, however complex
        }
        out.push(h);
    }
    return out
        .sort((a, b) => b.score - a.score || b.cognitive - a.cognitive || compareStrings(a.path, b.path))
        .slice(0, top);
}
/**
 * What to fix first, in order: cycles (largest first; the suggested cut is the example's edge that
 * leaves the most stable module, since a stable module depending on a less stable one breaks the
 * stable-dependencies principle), error violations, then the most complex changing code.
 */
function refactoringPriorities(a) {
    const out = [];
    const instability = new Map(a.coupling.modules.map((m) => [m.path, m.instability]));
    const cycles = [...a.cycles].sort((x, y) => y.members.length - x.members.length || compareStrings(x.members[0], y.members[0]));
    for (const c of cycles.slice(0, 5)) {
        let cut = 0;
        for (let i = 1; i + 1 < c.example.length; i++) {
            if ((instability.get(c.example[i]) ?? 0) < (instability.get(c.example[cut]) ?? 0))
                cut = i;
        }
        const label = c.members.length === 1 ? 'the self-import of' : `the cycle of ${c.members.length} modules through`;
        out.push(`Break ${label} ${c.example.join(' → ')}: consider removing or inverting the import ${c.example[cut]} → ${c.example[cut + 1]}.`);
    }
    for (const v of a.violations.filter((x) => x.severity === 'error').slice(0, 5)) {
        out.push(`Remove the forbidden import ${v.from} → ${v.to} (rule ${v.rule}).`);
    }
    for (const f of a.complexity.top.filter((x) => x.cognitive > a.complexity.threshold).slice(0, 5)) {
        const churn = a.hotspots.find((h) => h.path === f.path)?.commits;
        const changed = churn ? `, changed in ${churn} commit${churn === 1 ? '' : 's'}` : '';
        out.push(`Split ${f.name} in ${f.path}:${f.line} (cognitive complexity ${f.cognitive}${changed}).`);
    }
    return out;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
// EXTERNAL MODULE: ./src/core/timeouts.ts
var timeouts = __webpack_require__(95623);
;// CONCATENATED MODULE: ./src/actions/architecture-scan/churn.ts



const SHALLOW_HINT = 'check out the full history (actions/checkout with `fetch-depth: 0`) to rank hotspots by churn';
function git(root, args, onLine) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
        const timer = setTimeout(() => child.kill('SIGKILL'), (0,timeouts/* timeoutMs */.G)('AI_CI_GIT_TIMEOUT_MS', 120_000));
        let stdout = '';
        if (onLine)
            (0,external_node_readline_.createInterface)({ input: child.stdout }).on('line', onLine);
        else
            child.stdout.on('data', (d) => (stdout += d.toString()));
        child.on('error', () => {
            clearTimeout(timer);
            resolve({ code: -1, stdout: '' });
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code: code ?? -1, stdout });
        });
    });
}
/**
 * Churn per file over the last `windowMs`, paths relative to `root` (which may be a folder inside
 * the repository). A shallow clone or a folder without history yields `available: false` with a
 * reason naming the fix, since counting the one fetched commit would rank every file equally.
 * The log is read line by line, so memory stays proportional to the number of files.
 */
async function readChurn(root, windowMs, logger, now = new Date()) {
    const inside = await git(root, ['rev-parse', '--is-inside-work-tree']);
    if (inside.code !== 0 || inside.stdout.trim() !== 'true') {
        return { available: false, reason: `no git history in this directory: ${SHALLOW_HINT}` };
    }
    const shallow = await git(root, ['rev-parse', '--is-shallow-repository']);
    if (shallow.stdout.trim() === 'true') {
        return { available: false, reason: `the clone is shallow: ${SHALLOW_HINT}` };
    }
    const head = await git(root, ['rev-parse', '--verify', '-q', 'HEAD']);
    if (head.code !== 0)
        return { available: false, reason: `the repository has no commits yet: ${SHALLOW_HINT}` };
    const since = new Date(now.getTime() - windowMs).toISOString();
    const files = new Map();
    let commits = 0;
    const res = await git(root, [
        '-c',
        'core.quotepath=off',
        'log',
        `--since=${since}`,
        '--no-renames',
        '--no-merges',
        '--numstat',
        '--format=%x00commit',
        '--relative',
        'HEAD',
    ], (line) => {
        if (line === '\0commit') {
            commits++;
            return;
        }
        const m = /^(\d+|-)\t(\d+|-)\t(.+)$/.exec(line);
        if (!m)
            return;
        const path = m[3];
        const entry = files.get(path) ?? { commits: 0, added: 0, deleted: 0 };
        entry.commits++;
        if (m[1] !== '-')
            entry.added += Number(m[1]);
        if (m[2] !== '-')
            entry.deleted += Number(m[2]);
        files.set(path, entry);
    });
    if (res.code !== 0) {
        logger.warning(`git log failed (exit ${res.code}); hotspots rank by complexity alone.`);
        return { available: false, reason: `git log failed (exit ${res.code})` };
    }
    return { available: true, since, commits, files };
}

;// CONCATENATED MODULE: ./src/actions/architecture-scan/report.ts


/** At most this many folders in the diagram (the most connected ones), so GitHub still renders it. */
const MAX_DIAGRAM_FOLDERS = 40;
/** At most this many arrows; Mermaid's default limit is 500 and a denser picture says nothing. */
const MAX_DIAGRAM_EDGES = 150;
/**
 * A Mermaid `flowchart` of the folder-level import graph. Folders holding a module of a cycle are
 * filled red, and a folder-to-folder arrow is red when one of the module imports behind it lies
 * inside a cycle (both ends in the same strongly connected component).
 */
function folderDiagram(a) {
    const componentOf = new Map();
    a.cycles.forEach((c, i) => c.members.forEach((m) => componentOf.set(m, i)));
    const cycleFolders = new Set();
    const cycleEdges = new Set();
    for (const [from, to] of a.graph.edges) {
        const c = componentOf.get(from);
        if (c === undefined || componentOf.get(to) !== c)
            continue;
        const f = folderOf(from);
        const t = folderOf(to);
        cycleFolders.add(f).add(t);
        if (f !== t)
            cycleEdges.add(`${f}\0${t}`);
    }
    const degree = new Map();
    for (const f of a.coupling.folders)
        degree.set(f.folder, 0);
    for (const e of a.coupling.folderEdges) {
        degree.set(e.from, (degree.get(e.from) ?? 0) + e.imports);
        degree.set(e.to, (degree.get(e.to) ?? 0) + e.imports);
    }
    const ranked = [...degree.keys()].sort((x, y) => Number(cycleFolders.has(y)) - Number(cycleFolders.has(x)) ||
        degree.get(y) - degree.get(x) ||
        compareStrings(x, y));
    const shown = new Set(ranked.slice(0, MAX_DIAGRAM_FOLDERS));
    const folders = [...shown].sort(compareStrings);
    const id = new Map(folders.map((f, i) => [f, `f${i}`]));
    const lines = ['flowchart LR'];
    for (const f of folders)
        lines.push(`  ${id.get(f)}["${mermaidText(f === '.' ? '(root)' : f)}"]`);
    const red = [];
    // Cycle edges first, then the heaviest, so a crowded graph still shows what matters.
    const candidates = a.coupling.folderEdges.filter((e) => shown.has(e.from) && shown.has(e.to));
    const isRed = (e) => cycleEdges.has(`${e.from}\0${e.to}`);
    const kept = new Set([...candidates]
        .sort((x, y) => Number(isRed(y)) - Number(isRed(x)) ||
        y.imports - x.imports ||
        compareStrings(x.from, y.from) ||
        compareStrings(x.to, y.to))
        .slice(0, MAX_DIAGRAM_EDGES));
    let n = 0;
    for (const e of candidates) {
        if (!kept.has(e))
            continue;
        lines.push(`  ${id.get(e.from)} -->|${e.imports}| ${id.get(e.to)}`);
        if (isRed(e))
            red.push(n);
        n++;
    }
    const hot = folders.filter((f) => cycleFolders.has(f)).map((f) => id.get(f));
    lines.push('  classDef cycle fill:#ffd6d6,stroke:#c00,stroke-width:2px');
    if (hot.length)
        lines.push(`  class ${hot.join(',')} cycle`);
    if (red.length)
        lines.push(`  linkStyle ${red.join(',')} stroke:#c00,stroke-width:2px`);
    const hidden = degree.size - shown.size;
    const hiddenEdges = candidates.length - kept.size;
    if (hidden > 0 || hiddenEdges > 0) {
        lines.push(`  more["… ${hidden} more folders and ${hiddenEdges} more folder imports not shown"]`);
    }
    return lines.join('\n');
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function mermaidText(s) {
    return s.replace(/"/g, '#quot;');
}
function cell(s) {
    return String(s).replace(/\|/g, '\\|');
}
function table(head, rows) {
    return [
        `| ${head.join(' | ')} |`,
        `| ${head.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    ];
}
/**
 * `architecture_report.md`: deterministic text from the analysis (the same analysis gives the same
 * bytes), with the LLM narrative, when there is one, in its own section.
 */
function renderReport(a, narrative) {
    const out = [];
    out.push('# Architecture report', '');
    out.push(`**Health score: ${a.score.toFixed(1)} / 10** · ${a.modules} modules · ${a.edges} imports · ${a.cycles.length} cycle${a.cycles.length === 1 ? '' : 's'} · ${a.violations.length} rule violation${a.violations.length === 1 ? '' : 's'} · ${a.unresolved.length} unresolved import${a.unresolved.length === 1 ? '' : 's'}`, '');
    const p = a.scoreBreakdown.penalties;
    out.push(`Penalties: cycles ${p.cycles}, violations ${p.violations}, complexity ${p.complexity}, unresolved ${p.unresolved}.`, '', `<details><summary>How the score is computed</summary>`, '', a.scoreBreakdown.formula, '', '</details>', '');
    out.push(`Scanned: ${a.scanned.paths.join(', ')} (${a.scanned.languages.join(', ') || 'no supported language found'}).`);
    const ignored = [a.options.ignoreTypeOnly && 'type-only', a.options.ignoreDynamic && 'dynamic'].filter(Boolean);
    if (ignored.length)
        out.push(`Cycles ignore ${ignored.join(' and ')} imports.`);
    out.push('');
    if (a.baseline) {
        const b = a.baseline;
        out.push('## Compared with the baseline', '');
        out.push(`Baseline: ${b.source}. Cycles: ${b.newCycles} new, ${b.grownCycles} grown, ${b.knownCycles} known, ${b.fixedCycles.length} fixed. Violations: ${b.newViolations} new, ${b.knownViolations} known.`, '');
    }
    out.push('## Refactoring priorities', '');
    if (a.priorities.length)
        a.priorities.forEach((x, i) => out.push(`${i + 1}. ${x}`));
    else
        out.push('Nothing stands out: no cycles, no error violations, no function over the complexity threshold.');
    out.push('');
    out.push('## Narrative', '');
    out.push(narrative.text ? narrative.text.trim() : narrative.note, '');
    out.push('## Cycles', '');
    if (a.cycles.length === 0)
        out.push('No import cycles.', '');
    else {
        out.push(...table(['#', 'modules', 'kinds', 'shortest example', ...(a.baseline ? ['status'] : [])], a.cycles
            .slice(0, 50)
            .map((c, i) => [
            i + 1,
            c.members.length,
            c.kinds.join(', '),
            c.example.join(' → '),
            ...(a.baseline ? [c.status ?? ''] : []),
        ])));
        if (a.cycles.length > 50)
            out.push('', `… and ${a.cycles.length - 50} more in architecture_analysis.json.`);
        out.push('');
    }
    out.push('## Folder graph', '', '```mermaid', folderDiagram(a), '```', '');
    out.push('## Coupling', '', 'Most depended-upon modules:', '');
    if (a.coupling.mostDependedUpon.length === 0)
        out.push('No module is imported by another.', '');
    else {
        out.push(...table(['module', 'fan-in', 'fan-out', 'instability'], a.coupling.mostDependedUpon.map((m) => [m.path, m.fanIn, m.fanOut, m.instability.toFixed(2)])), '');
    }
    const folders = [...a.coupling.folders].sort((x, y) => y.fanIn + y.fanOut - (x.fanIn + x.fanOut) || compareStrings(x.folder, y.folder));
    out.push('Folders (instability = fan-out ÷ (fan-in + fan-out)):', '');
    out.push(...table(['folder', 'modules', 'fan-in', 'fan-out', 'instability'], folders.slice(0, 20).map((f) => [f.folder, f.modules, f.fanIn, f.fanOut, f.instability.toFixed(2)])), '');
    out.push('## Hotspots', '');
    if (!a.churn.available)
        out.push(`Churn unavailable: ${a.churn.reason}. Hotspots rank by complexity alone.`, '');
    else
        out.push(`Churn since ${a.churn.since?.slice(0, 10)} (${a.churn.commits} commits); hotspot score = cognitive complexity × commits.`, '');
    if (a.hotspots.length === 0)
        out.push('No hotspots.', '');
    else {
        out.push(...table([
            'file',
            'cognitive',
            'max per function',
            ...(a.churn.available ? ['commits', 'lines changed'] : []),
            'score',
        ], a.hotspots.map((h) => [
            h.path,
            h.cognitive,
            h.maxCognitive,
            ...(a.churn.available ? [h.commits ?? 0, h.linesChanged ?? 0] : []),
            h.score,
        ])), '');
    }
    if (a.complexity.top.length) {
        out.push(`Most complex functions (cognitive; over ${a.complexity.threshold} counts against the score):`, '');
        out.push(...table(['function', 'where', 'cognitive', 'cyclomatic'], a.complexity.top.slice(0, 10).map((f) => [f.name, `${f.path}:${f.line}`, f.cognitive, f.cyclomatic])), '');
    }
    out.push('## Rule violations', '');
    if (a.violations.length === 0)
        out.push('None.', '');
    else {
        out.push(...table(['rule', 'severity', 'from', 'to', 'kind', ...(a.baseline ? ['status'] : [])], a.violations
            .slice(0, 100)
            .map((v) => [v.rule, v.severity, v.from, v.to, v.kind, ...(a.baseline ? [v.status ?? ''] : [])])), '');
    }
    out.push('## Unresolved imports', '');
    if (a.unresolved.length === 0)
        out.push('None: the graph is complete.', '');
    else {
        out.push(`${a.unresolved.length} local import${a.unresolved.length === 1 ? '' : 's'} could not be resolved; cycles through them are not seen.`, '');
        out.push(...table(['from', 'specifier'], a.unresolved.slice(0, 50).map((u) => [u.from, u.specifier])), '');
    }
    return out.join('\n');
}
/** The job summary: the score line, the diagram, and the priorities. */
function renderSummary(a) {
    const lines = [
        '## Architecture scan',
        '',
        `**Health score ${a.score.toFixed(1)} / 10** · ${plural(a.cycles.length, 'cycle')} · ${plural(a.violations.length, 'violation')} · ${plural(a.unresolved.length, 'unresolved import')}`,
        '',
        '```mermaid',
        folderDiagram(a),
        '```',
        '',
    ];
    if (a.priorities.length)
        lines.push('**Refactoring priorities**', '', ...a.priorities.map((p, i) => `${i + 1}. ${p}`), '');
    return lines.join('\n');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/actions/architecture-scan/sarif.ts


/**
 * SARIF 2.1.0 for `github/codeql-action/upload-sarif`: one result per cycle and per rule
 * violation, each with a `partialFingerprints` entry derived from the SCC's member set (or the
 * violation's rule and edge) so that GitHub keeps one alert per finding across runs. Within
 * GitHub's limits: at most 25,000 results per run and 1,000 related locations per result.
 */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const MAX_RESULTS = 25_000;
const MAX_RELATED = 1_000;
const CYCLE_RULE = 'architecture/import-cycle';
function importLineFinder(root, maxBytes = 1_000_000) {
    const cache = new Map();
    const lines = (path) => {
        let l = cache.get(path);
        if (!l) {
            try {
                const abs = (0,external_node_path_.join)(root, path);
                l = (0,external_node_fs_.statSync)(abs).size <= maxBytes ? (0,external_node_fs_.readFileSync)(abs, 'utf8').split(/\r?\n/) : [];
            }
            catch {
                l = [];
            }
            cache.set(path, l);
        }
        return l;
    };
    return (from, to) => {
        const file = (0,external_node_path_.basename)(to).replace(/\.[^.]+$/, '');
        const names = file === 'index' || file === '__init__' ? [(0,external_node_path_.basename)(to.slice(0, to.lastIndexOf('/'))) || file] : [file];
        const dir = to.includes('/') ? (0,external_node_path_.basename)(to.slice(0, to.lastIndexOf('/'))) : '';
        if (dir && !names.includes(dir))
            names.push(dir);
        const text = lines(from);
        for (const name of names) {
            const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            const re = new RegExp(`(["'\`])[^"'\`]*\\b${esc}\\b[^"'\`]*\\1|^\\s*(from|import)\\s+[\\w.]*\\b${esc}\\b`);
            const i = text.findIndex((l) => re.test(l));
            if (i !== -1)
                return i + 1;
        }
        return 1;
    };
}
function loc(uri, line, text, id) {
    const l = {
        physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: line } },
    };
    if (id !== undefined)
        l.id = id;
    if (text)
        l.message = { text };
    return l;
}
const LEVEL = { error: 'error', warn: 'warning', info: 'note' };
function toSarif(a, lineOf, toolVersion = '0.1.0') {
    const rules = [
        {
            id: CYCLE_RULE,
            name: 'ImportCycle',
            shortDescription: { text: 'Modules import each other in a cycle' },
            fullDescription: {
                text: 'A strongly connected component of the module import graph: every module in it depends, directly or not, on every other.',
            },
            defaultConfiguration: { level: 'error' },
            help: {
                text: 'Break the cycle by removing or inverting one import of the example path (move the shared code to a module both can import, or depend on an interface).',
            },
            properties: { tags: ['architecture', 'maintainability'] },
        },
    ];
    const ruleIndex = new Map([[CYCLE_RULE, 0]]);
    for (const v of a.violations) {
        const id = `architecture/forbidden/${v.rule}`;
        if (ruleIndex.has(id))
            continue;
        ruleIndex.set(id, rules.length);
        rules.push({
            id,
            name: `Forbidden_${v.rule.replace(/[^A-Za-z0-9]+/g, '_')}`,
            shortDescription: { text: `Forbidden dependency: ${v.rule}` },
            fullDescription: {
                text: v.comment ?? `Imports matching the forbidden rule '${v.rule}' of the architecture rules file.`,
            },
            defaultConfiguration: { level: LEVEL[v.severity] },
            help: { text: v.comment ?? `Remove the import or change the rule '${v.rule}'.` },
            properties: { tags: ['architecture'] },
        });
    }
    const results = [];
    for (const c of a.cycles) {
        const path = c.example.join(' → ');
        const status = c.status ? ` (${c.status})` : '';
        const related = c.members
            .filter((m) => m !== c.example[0])
            .slice(0, MAX_RELATED)
            .map((m, i) => loc(m, 1, `member of the cycle`, i + 1));
        const more = c.members.length - 1 > MAX_RELATED ? ` Only the first ${MAX_RELATED} other members are linked.` : '';
        const text = c.members.length === 1
            ? `${c.members[0]} imports itself${status}.`
            : `Import cycle of ${c.members.length} modules${status}; shortest example: ${path}. Kinds: ${c.kinds.join(', ')}.${more}`;
        const r = {
            ruleId: CYCLE_RULE,
            ruleIndex: 0,
            level: 'error',
            message: { text },
            locations: [loc(c.example[0], lineOf(c.example[0], c.example[1]))],
            partialFingerprints: { 'architectureCycle/v1': c.id },
            properties: { members: c.members.length, kinds: c.kinds },
        };
        if (related.length)
            r.relatedLocations = related;
        if (c.status)
            r.properties.status = c.status;
        results.push(r);
    }
    for (const v of a.violations) {
        const id = `architecture/forbidden/${v.rule}`;
        const status = v.status ? ` (${v.status})` : '';
        const r = {
            ruleId: id,
            ruleIndex: ruleIndex.get(id),
            level: LEVEL[v.severity],
            message: {
                text: `${v.from} imports ${v.to} (${v.kind}), forbidden by rule '${v.rule}'${status}.${v.comment ? ` ${v.comment}` : ''}`,
            },
            locations: [loc(v.from, lineOf(v.from, v.to))],
            relatedLocations: [loc(v.to, 1, 'the forbidden target', 1)],
            partialFingerprints: { 'architectureViolation/v1': v.id },
        };
        if (v.status)
            r.properties = { status: v.status };
        results.push(r);
    }
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'ai-ci architecture-scan',
                        semanticVersion: toolVersion,
                        rules,
                    },
                },
                results: results.slice(0, MAX_RESULTS),
                columnKind: 'utf16CodeUnits',
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/actions/architecture-scan/scan.ts











/**
 * `paths` input entries become the graph builder's globs: a folder scans everything below it, a
 * glob stays as written, `.` scans the whole repository.
 */
function pathGlobs(paths) {
    const out = [];
    for (const raw of paths) {
        const p = raw
            .replace(/\\/g, '/')
            .replace(/^\.\/+/, '')
            .replace(/\/+$/, '');
        if (p === '' || p === '.')
            return undefined;
        if (/[*?[\]{}!]/.test(p))
            out.push(p);
        else
            out.push(p, `${p}/**`);
    }
    return out;
}
const STORE_KEY = 'architecture-scan:baseline';
const NO_LLM = { note: 'LLM narrative: not configured.' };
async function loadRules(root, config) {
    if (!config)
        return undefined;
    const abs = (0,external_node_path_.resolve)(root, config);
    let text;
    try {
        text = await (0,promises_.readFile)(abs, 'utf8');
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`Input 'config': cannot read the rules file '${config}' (${(0,errors/* errorMessage */.gJ)(err)}).`);
    }
    return parseRulesConfig(text, config);
}
async function loadBaseline(s, deps) {
    const { logger } = deps;
    if (s.baseline) {
        let data;
        try {
            data = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.resolve)(s.root, s.baseline), 'utf8'));
        }
        catch (err) {
            logger.warning(`Baseline '${s.baseline}' is unreadable (${(0,errors/* errorMessage */.gJ)(err)}); every finding counts as new.`);
            return undefined;
        }
        const { facts, problem } = readBaseline(data);
        if (!facts) {
            logger.warning(`Baseline '${s.baseline}' is not an architecture result (${problem}); every finding counts as new.`);
            return undefined;
        }
        return { source: s.baseline, facts };
    }
    if (!deps.store)
        return undefined;
    try {
        const raw = await deps.store.get(STORE_KEY);
        if (raw === undefined)
            return undefined;
        const { facts, problem } = readBaseline(JSON.parse(raw));
        if (!facts) {
            logger.warning(`The stored architecture baseline is unusable (${problem}); it will be replaced.`);
            return undefined;
        }
        return { source: 'store (last default-branch run)', facts };
    }
    catch (err) {
        logger.warning(`Could not read the architecture baseline from the store: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return undefined;
    }
}
/** The part of the result kept as the next baseline: small, and readable by {@link readBaseline}. */
function baselineRecord(a) {
    return JSON.stringify({
        type: a.type,
        version: a.version,
        cycles: a.cycles.map((c) => ({ members: c.members })),
        violations: a.violations.map((v) => ({ rule: v.rule, from: v.from, to: v.to, kind: v.kind })),
    });
}
function failureOf(a, s) {
    const reasons = [];
    const errors = a.violations.filter((v) => v.severity === 'error');
    if (s.failOn === 'any') {
        if (a.cycles.length)
            reasons.push(`${a.cycles.length} import cycle${a.cycles.length === 1 ? '' : 's'}`);
        if (errors.length)
            reasons.push(`${errors.length} error-severity rule violation${errors.length === 1 ? '' : 's'}`);
    }
    else if (s.failOn === 'new') {
        // Without a baseline nothing is known, so every finding is new.
        const newCycles = a.cycles.filter((c) => c.status !== 'known');
        const newErrors = errors.filter((v) => v.status !== 'known');
        const where = a.baseline ? '' : ' (no baseline, so every finding is new)';
        if (newCycles.length)
            reasons.push(`${newCycles.length} new or grown import cycle${newCycles.length === 1 ? '' : 's'}${where}`);
        if (newErrors.length)
            reasons.push(`${newErrors.length} new error-severity rule violation${newErrors.length === 1 ? '' : 's'}${where}`);
    }
    if (s.failOnUnresolved && a.unresolved.length) {
        reasons.push(`${a.unresolved.length} unresolved import${a.unresolved.length === 1 ? '' : 's'} (fail-on-unresolved)`);
    }
    return reasons.length ? `Architecture scan failed: ${reasons.join('; ')}.` : undefined;
}
/**
 * The whole scan: graph, cycles, coupling, rules, complexity, churn, baseline, then the three
 * report files under `outputDir`. Never throws for an optional part (churn, store, LLM) failing.
 */
async function runArchitectureScan(s, deps) {
    const { logger } = deps;
    const root = (0,external_node_path_.resolve)(s.root);
    const paths = s.paths.map((p) => ((0,external_node_path_.isAbsolute)(p) ? (0,files/* repoRelative */.Ne)(root, p) : p.replace(/\\/g, '/')));
    const rules = await loadRules(root, s.config);
    const graph = await logger.group('Module graph', () => deps.buildGraph({ root, paths, languages: s.languages, ignore: s.ignore }));
    logger.info(`${graph.nodes.length} modules, ${graph.edges.length} imports, ${graph.unresolved.length} unresolved.`);
    const complexity = await measureFiles(root, graph.nodes, logger);
    const churn = await readChurn(root, s.churnWindowMs, logger, deps.now);
    if (!churn.available)
        logger.notice(`Churn unavailable: ${churn.reason}. Hotspots rank by complexity alone.`);
    const baseline = await loadBaseline(s, deps);
    const analysis = analyzeArchitecture({
        graph,
        paths,
        filter: { ignoreTypeOnly: s.ignoreTypeOnly, ignoreDynamic: s.ignoreDynamic },
        rules,
        complexity,
        churn,
        churnWindowMs: s.churnWindowMs,
        baseline,
    });
    let narrative = NO_LLM;
    if (deps.narrate) {
        try {
            narrative = await deps.narrate(analysis);
        }
        catch (err) {
            narrative = { note: `LLM narrative: unavailable (${(0,errors/* errorMessage */.gJ)(err)}).` };
        }
    }
    const lineOf = importLineFinder(root);
    for (const c of analysis.cycles.slice(0, 10)) {
        logger.warning(`Import cycle: ${c.example.join(' → ')}`, {
            file: c.example[0],
            line: lineOf(c.example[0], c.example[1]),
            title: `Import cycle of ${c.members.length} module${c.members.length === 1 ? '' : 's'}`,
        });
    }
    const outDir = (0,external_node_path_.resolve)(root, s.outputDir);
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const analysisPath = (0,external_node_path_.join)(outDir, 'architecture_analysis.json');
    const reportPath = (0,external_node_path_.join)(outDir, 'architecture_report.md');
    const sarifPath = (0,external_node_path_.join)(outDir, 'architecture.sarif');
    await (0,promises_.writeFile)(analysisPath, JSON.stringify(analysis, null, 2) + '\n');
    await (0,promises_.writeFile)(reportPath, renderReport(analysis, narrative));
    await (0,promises_.writeFile)(sarifPath, JSON.stringify(toSarif(analysis, lineOf, deps.toolVersion), null, 2) + '\n');
    if (s.saveBaseline && deps.store) {
        try {
            await deps.store.set(STORE_KEY, baselineRecord(analysis));
        }
        catch (err) {
            logger.warning(`Could not save the architecture baseline: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return {
        analysis,
        analysisPath: (0,files/* repoRelative */.Ne)(root, analysisPath),
        reportPath: (0,files/* repoRelative */.Ne)(root, reportPath),
        sarifPath: (0,files/* repoRelative */.Ne)(root, sarifPath),
        summary: renderSummary(analysis),
        failure: failureOf(analysis, s),
    };
}

;// CONCATENATED MODULE: ./src/actions/architecture-scan/main.ts











async function run() {
    const logger = (0,core_logger/* actionsLogger */.MV)();
    const raw = new core_inputs/* Inputs */.G0();
    const inputs = getInputs(raw);
    const ctx = (0,context/* readRunContext */.$)();
    logger.info(`architecture-scan: scanning ${inputs.paths.join(', ')} (languages: ${inputs.languages?.join(', ') ?? 'auto'}, fail-on: ${inputs.failOn}).`);
    let store;
    try {
        const { openStore } = await Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(24), __webpack_require__.e(517)]).then(__webpack_require__.bind(__webpack_require__, 91024));
        store = await openStore({ action: 'architecture-scan', logger, redisUrl: inputs.redisUrl });
        const opened = store;
        (0,action/* onActionExit */.O)(() => opened.close());
    }
    catch (err) {
        logger.warning(`No store for the architecture baseline: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    // The LLM client (ollama, undici) loads only after the inputs are read: start-up stays small.
    const { createLlmClient } = await Promise.all(/* import() */[__webpack_require__.e(844), __webpack_require__.e(463), __webpack_require__.e(130)]).then(__webpack_require__.bind(__webpack_require__, 99130));
    const llm = createLlmClient((0,settings/* readLlmSettings */.H1)(raw), {
        logger,
        action: 'architecture-scan',
        repository: ctx.repository,
        runId: ctx.runId,
    });
    (0,action/* onActionExit */.O)(() => llm.close());
    const onDefaultBranch = ctx.eventName !== 'pull_request' && ctx.branch !== undefined && ctx.branch === ctx.defaultBranch;
    const result = await runArchitectureScan({
        root: ctx.workspace,
        paths: inputs.paths,
        languages: inputs.languages,
        ignore: inputs.ignore,
        config: inputs.config,
        ignoreTypeOnly: inputs.ignoreTypeOnly,
        ignoreDynamic: inputs.ignoreDynamic,
        failOn: inputs.failOn,
        failOnUnresolved: inputs.failOnUnresolved,
        churnWindowMs: inputs.churnWindowMs,
        outputDir: inputs.outputDir,
        baseline: inputs.baseline,
        saveBaseline: onDefaultBranch,
    }, {
        logger,
        store,
        buildGraph: (o) => (0,build/* buildGraph */.ZG)({ ...o, paths: pathGlobs(o.paths ?? ['.']), logger }),
        narrate: (a) => narrate(llm, a),
    });
    const a = result.analysis;
    runner_commands/* setOutput */.uH('health-score', a.score.toFixed(1));
    runner_commands/* setOutput */.uH('cycles', String(a.cycles.length));
    runner_commands/* setOutput */.uH('violations', String(a.violations.length));
    runner_commands/* setOutput */.uH('unresolved', String(a.unresolved.length));
    runner_commands/* setOutput */.uH('sarif-path', result.sarifPath);
    runner_commands/* setOutput */.uH('report-path', result.reportPath);
    runner_commands/* setOutput */.uH('analysis-path', result.analysisPath);
    await runner_commands/* summary */.z.addRaw(result.summary).write();
    if (result.failure)
        runner_commands/* setFailed */.C1(result.failure);
}


/***/ }),

/***/ 50593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O4: () => (/* binding */ costUsd),
/* harmony export */   ap: () => (/* binding */ parsePrices),
/* harmony export */   f7: () => (/* binding */ DEFAULT_PRICES),
/* harmony export */   xx: () => (/* binding */ priceOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

/**
 * Estimates only: Ollama's cloud is sold by plan, not by token, so these stand in for what a model
 * of that size costs per token from public inference providers. They exist to bound spend, not to
 * reproduce an invoice; override them with AI_CI_LLM_PRICES. `*` prices any model not listed.
 */
const DEFAULT_PRICES = Object.freeze({
    'gpt-oss:120b': { input: 0.15, output: 0.6 },
    'gpt-oss:20b': { input: 0.05, output: 0.2 },
    'qwen3-coder:480b': { input: 0.4, output: 1.6 },
    'deepseek-v3.1:671b': { input: 0.6, output: 1.7 },
    '*': { input: 1, output: 3 },
});
/** `{"model": {"input": 0.15, "output": 0.6}, "*": {...}}` in USD per million tokens. */
function parsePrices(json) {
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid AI_CI_LLM_PRICES: not valid JSON (${err.message}).`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('Invalid AI_CI_LLM_PRICES: expected an object such as {"gpt-oss:120b": {"input": 0.15, "output": 0.6}}.');
    }
    const out = { '*': DEFAULT_PRICES['*'] };
    for (const [model, value] of Object.entries(parsed)) {
        const input = value?.input;
        const output = value?.output;
        if (typeof input !== 'number' || typeof output !== 'number' || input < 0 || output < 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid AI_CI_LLM_PRICES entry '${model}': expected {"input": <USD per million tokens>, "output": <USD per million tokens>}.`);
        }
        out[model] = { input, output };
    }
    return out;
}
function priceOf(prices, model) {
    return prices[model] ?? prices[model.replace(/:latest$/, '')] ?? prices['*'] ?? DEFAULT_PRICES['*'];
}
function costUsd(price, promptTokens, completionTokens) {
    return (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}


/***/ }),

/***/ 4206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H1: () => (/* binding */ readLlmSettings),
/* harmony export */   tE: () => (/* binding */ isLoopbackUrl)
/* harmony export */ });
/* unused harmony exports STRATEGIES, DEFAULT_LOCAL_URL, DEFAULT_CLOUD_URL, normalizeOllamaUrl, rewriteForDocker */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89114);
/* harmony import */ var _timeouts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(95623);
/* harmony import */ var _prices_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50593);




const STRATEGIES = ['cost', 'latency', 'quality', 'hybrid'];
const DEFAULT_LOCAL_URL = 'http://localhost:11434';
const DEFAULT_CLOUD_URL = 'https://ollama.com';
/**
 * Reads the LLM inputs common to every action. Inputs come first (`INPUT_*`), then the seeds'
 * environment names; URLs, keys and tuning knobs come from the environment only.
 */
function readLlmSettings(inputs = new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0(), env = process.env) {
    const maxTokens = inputs.number({ name: 'max-tokens', env: ['AI_MAX_TOKENS'] }, { min: 16, max: 131072, integer: true }) ??
        1024;
    const numCtx = inputs.number({ name: 'context-window', env: ['OLLAMA_NUM_CTX'] }, { min: 512, max: 1_048_576, integer: true }) ?? 8192;
    if (maxTokens >= numCtx) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for input 'max-tokens': ${maxTokens} leaves no room for the prompt in a context window of ${numCtx} tokens. Lower max-tokens or raise context-window.`);
    }
    const promptBudget = inputs.number({ name: 'prompt-budget', env: ['AI_PROMPT_BUDGET'] }, { min: 64, max: numCtx - maxTokens, integer: true }) ?? numCtx - maxTokens;
    const configuredLocal = normalizeOllamaUrl(inputs.string({ name: 'ollama-url', env: ['OLLAMA_LOCAL_URL', 'OLLAMA_HOST'] }) ?? DEFAULT_LOCAL_URL, 'ollama-url');
    const dockerRaw = env.RUNNING_IN_DOCKER;
    const runningInDocker = dockerRaw !== undefined && dockerRaw.trim() !== '' && (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)(dockerRaw, 'RUNNING_IN_DOCKER');
    // OLLAMA_API_KEY is the name Ollama's own docs and libraries use for the same key.
    const cloudApiKey = inputs.string({
        name: 'cloud-api-key',
        env: ['OLLAMA_CLOUD_API_KEY', 'OLLAMA_API_KEY'],
    });
    return Object.freeze({
        model: inputs.string({ name: 'model', env: ['AI_MODEL', 'OLLAMA_MODEL'] }) ?? 'qwen2.5:7b-instruct',
        cloudModel: inputs.string({ name: 'cloud-model', env: ['OLLAMA_CLOUD_MODEL'] }) ?? 'gpt-oss:120b',
        maxTokens,
        numCtx,
        promptBudget,
        strategy: inputs.choice({ name: 'strategy', env: ['AI_CI_LLM_STRATEGY'] }, STRATEGIES) ?? 'hybrid',
        allowCloud: inputs.boolean({ name: 'allow-cloud', env: ['AI_CI_ALLOW_CLOUD'] }) ?? true,
        localUrl: runningInDocker ? rewriteForDocker(configuredLocal) : configuredLocal,
        localUrlConfigured: configuredLocal,
        runningInDocker,
        cloudUrl: normalizeOllamaUrl(env.OLLAMA_CLOUD_URL?.trim() || DEFAULT_CLOUD_URL, 'OLLAMA_CLOUD_URL'),
        ...(cloudApiKey ? { cloudApiKey } : {}),
        localTimeoutMs: (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutMs */ .G)('AI_CI_LLM_LOCAL_TIMEOUT_MS', 60_000, env),
        cloudTimeoutMs: (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutMs */ .G)('AI_CI_LLM_CLOUD_TIMEOUT_MS', 30_000, env),
        maxRetries: nonNegativeInt(env.AI_CI_LLM_MAX_RETRIES, 2, 'AI_CI_LLM_MAX_RETRIES'),
        retryBaseMs: (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutMs */ .G)('AI_CI_LLM_RETRY_BASE_MS', 500, env),
        retryAfterCapMs: (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutMs */ .G)('AI_CI_LLM_RETRY_AFTER_CAP_MS', 10_000, env),
        qualityPromptTokens: nonNegativeInt(env.AI_CI_LLM_QUALITY_PROMPT_TOKENS, 4000, 'AI_CI_LLM_QUALITY_PROMPT_TOKENS'),
        budgets: {
            perRunUsd: inputs.number({ name: 'cloud-budget-run', env: ['AI_CI_CLOUD_BUDGET_RUN'] }, { min: 0 }) ?? 0.25,
            perDayUsd: inputs.number({ name: 'cloud-budget-day', env: ['AI_CI_CLOUD_BUDGET_DAY'] }, { min: 0 }) ?? 2,
            perMonthUsd: inputs.number({ name: 'cloud-budget-month', env: ['AI_CI_CLOUD_BUDGET_MONTH'] }, { min: 0 }) ?? 20,
        },
        prices: env.AI_CI_LLM_PRICES?.trim() ? (0,_prices_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePrices */ .ap)(env.AI_CI_LLM_PRICES) : { ..._prices_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PRICES */ .f7 },
        seed: nonNegativeInt(env.AI_CI_LLM_SEED, 42, 'AI_CI_LLM_SEED'),
    });
}
/**
 * Accepts what users put in OLLAMA_HOST (`host`, `host:port`, `:port`, a full URL) and returns a
 * base URL without a trailing slash. Without a scheme Ollama's own convention applies: http and
 * port 11434.
 */
function normalizeOllamaUrl(raw, inputName) {
    let text = raw.trim();
    if (text.startsWith(':'))
        text = `127.0.0.1${text}`;
    const explicit = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
    let url;
    try {
        url = new URL(explicit ? text : `http://${text}`);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for '${inputName}': '${raw}'. Expected a URL such as http://localhost:11434.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for '${inputName}': '${raw}'. Expected an http:// or https:// URL.`);
    }
    if (!explicit && url.port === '')
        url.port = '11434';
    return url.toString().replace(/\/+$/, '');
}
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);
/** Inside a container, the host's Ollama is reached as host.docker.internal, not localhost. */
function rewriteForDocker(baseUrl) {
    const url = new URL(baseUrl);
    if (!LOOPBACK.has(url.hostname))
        return baseUrl;
    url.hostname = 'host.docker.internal';
    return url.toString().replace(/\/+$/, '');
}
function isLoopbackUrl(baseUrl) {
    return LOOPBACK.has(new URL(baseUrl).hostname);
}
function nonNegativeInt(raw, dflt, name) {
    if (raw === undefined || raw.trim() === '')
        return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid value for ${name}: '${raw}'. Expected a whole number of at least 0.`);
    }
    return n;
}


/***/ })

};
