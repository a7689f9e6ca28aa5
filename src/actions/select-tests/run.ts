import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { expandGlobs, globMatcher } from '../../core/files.js';
import { GitRepo, resolveBaseHead, type ChangedFile, type EventFacts } from '../../core/git.js';
import type { Logger } from '../../core/logger.js';
import { buildGraph, loadScanCache, saveScanCache, type BuiltGraph } from '../../graph/build.js';
import { workingTreeSource } from '../../graph/files.js';
import type { GraphCacheBackend } from '../../graph/cache.js';
import { isParseError, type TestReport } from '../../parsers/types.js';
import { durationsFromReports, loadStoredDurations, saveDurations, type DurationStore } from './durations.js';
import type { SelectTestsSettings } from './inputs.js';
import { DEFAULT_CRITICAL_PATHS, selectTests, type Selection } from './select.js';
import { matrixJson, planShards, type ShardPlan } from './shards.js';
import { catalogTests } from './tests.js';

export const REPORT_TYPE = 'ai-ci/selection';
export const REPORT_VERSION = 1;
export const REPORT_FILE = 'selection_report.json';
export const TESTS_FILE = 'selected_tests.txt';

export interface SelectionRunOptions {
  settings: SelectTestsSettings;
  /** GITHUB_WORKSPACE. */
  workspace: string;
  event: EventFacts;
  logger: Logger;
  graphCache?: GraphCacheBackend;
  durations?: DurationStore;
}

export interface SelectionOutputs {
  mode: string;
  reason: string;
  tests: string;
  matrix: string;
  'tests-file': string;
  'test-count': string;
  'total-test-count': string;
  'report-path': string;
}

export interface SelectionRun {
  selection: Selection;
  plan: ShardPlan | undefined;
  outputs: SelectionOutputs;
  summary: string;
  report: SelectionReport;
}

export interface SelectionReport {
  type: typeof REPORT_TYPE;
  version: typeof REPORT_VERSION;
  mode: Selection['mode'];
  reason: string;
  base: string | null;
  head: string | null;
  baseSource: string | null;
  workingDirectory: string;
  changedFiles: ChangedFile[];
  ignoredFiles: string[];
  testCount: number;
  totalTestCount: number;
  tests: string[];
  /** Each selected test with the import chain that selected it: `[test, ..., changed file]`. */
  selected: Array<{ test: string; rule: string; chain: string[] }>;
  shards: Array<{ shard: number; tests: string[]; estimatedMs: number }>;
  durations: { withHistory: number; medianMs: number };
  graph: {
    modules: number;
    edges: number;
    languages: string[];
    unresolved: Array<{ from: string; specifier: string }>;
    scanned: number;
    cached: number;
    ms: number;
  } | null;
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** Runs select-tests end to end on a checkout: git, graph, selection, shards, report files. */
export async function runSelection(opts: SelectionRunOptions): Promise<SelectionRun> {
  const { settings, logger } = opts;
  const t0 = performance.now();
  const lap = (what: string): void =>
    logger.debug(`select-tests: ${what} at ${(performance.now() - t0).toFixed(0)} ms`);
  const workspace = resolve(opts.workspace);
  const root = resolve(workspace, settings.workingDirectory);
  const git = new GitRepo(root, logger);
  // Listing the working tree and reading the graph cache do not depend on what changed: they run
  // beside the git calls that find the changes (a warm run is mostly waiting on those). The git
  // processes are started first, so the cache's parsing overlaps with them.
  const workingTree = workingTreeSource(root);
  workingTree.catch(() => undefined);
  const detection = settings.enabled ? detectChanges(git, opts.event, settings, root, logger) : undefined;
  const cacheLoad = loadScanCache(opts.graphCache, logger);
  const { base, head, baseSource, changes, noBaseReason, checkedOut } = (await detection) ?? {};

  lap('changes');
  const cache = await cacheLoad;
  lap('cache loaded');
  const headIsCheckout = !head || head === checkedOut;
  const graph = await buildGraph({
    root,
    languages: settings.languages,
    cache,
    logger,
    ...(headIsCheckout ? { workingTree } : { revision: head }),
  });
  let baseGraph: BuiltGraph | undefined;
  const selection = await selectTests({
    graph,
    changes: changes && keepOutside(changes, settings.criticalPaths),
    noBaseReason,
    settings: {
      enabled: settings.enabled,
      threshold: settings.threshold,
      criticalPaths: settings.criticalPaths,
      ignorePaths: settings.ignorePaths,
      testPatterns: settings.testPatterns,
    },
    baseGraph: async () => {
      if (!base) return undefined;
      baseGraph = await buildGraph({ root, revision: base, languages: settings.languages, cache, logger });
      return baseGraph;
    },
  });
  lap('selected');
  await saveScanCache(opts.graphCache, cache, logger);
  lap('cache saved');

  // Durations: the store's, refreshed by any reports given to this run.
  const stored = await loadStoredDurations(opts.durations, logger);
  const fresh = settings.timingReports
    ? await readTimingReports(settings.timingReports, workspace, root, logger, (reports) =>
        durationsFromReports(reports, catalogTests(graph.files, settings.testPatterns), graph.goPackages),
      )
    : new Map<string, number>();
  const durations = new Map([...stored, ...fresh]);
  await saveDurations(opts.durations, stored, fresh, logger);

  const plan =
    selection.mode === 'none' ? undefined : planShards(selection.tests, settings.shards, durations);
  const outDir = resolve(workspace, settings.outputDir);
  await mkdir(outDir, { recursive: true });
  const reportPath = join(outDir, REPORT_FILE);
  const testsPath = join(outDir, TESTS_FILE);
  const rel = (p: string): string => toPosix(relative(workspace, p));

  const report: SelectionReport = {
    type: REPORT_TYPE,
    version: REPORT_VERSION,
    mode: selection.mode,
    reason: selection.reason,
    base: base ?? null,
    head: head ?? null,
    baseSource: baseSource ?? null,
    workingDirectory: toPosix(relative(workspace, root)) || '.',
    changedFiles: selection.changedFiles,
    ignoredFiles: selection.ignoredFiles,
    testCount: selection.tests.length,
    totalTestCount: selection.allTests.length,
    tests: selection.tests,
    selected: selection.explain.map((e) => ({ test: e.id, rule: e.rule, chain: e.chain })),
    shards:
      plan?.shards.map((s) => ({ shard: s.shard, tests: s.tests, estimatedMs: Math.round(s.estimatedMs) })) ??
      [],
    durations: { withHistory: plan?.withHistory ?? 0, medianMs: Math.round(plan?.medianMs ?? 0) },
    graph: {
      modules: graph.nodes.length,
      edges: graph.edges.length,
      languages: graph.languages,
      unresolved: graph.unresolved.slice(0, 200),
      scanned: graph.stats.scanned,
      cached: graph.stats.cacheHits,
      ms: Math.round(graph.stats.ms),
    },
  };
  await writeFile(reportPath, JSON.stringify(report, null, 2) + '\n');
  await writeFile(testsPath, selection.tests.join('\n') + (selection.tests.length ? '\n' : ''));

  lap('report written');
  const outputs: SelectionOutputs = {
    mode: selection.mode,
    reason: selection.reason,
    tests: JSON.stringify(selection.tests),
    matrix: matrixJson(selection.mode, plan),
    'tests-file': rel(testsPath),
    'test-count': String(selection.tests.length),
    'total-test-count': String(selection.allTests.length),
    'report-path': rel(reportPath),
  };
  return { selection, plan, outputs, summary: renderSummary(report), report };
}

type RootChange = ChangedFile & { outside?: boolean };

interface DetectedChanges {
  base?: string;
  head?: string;
  baseSource?: string;
  changes?: RootChange[];
  noBaseReason?: string;
  checkedOut?: string;
}

async function detectChanges(
  git: GitRepo,
  event: EventFacts,
  settings: SelectTestsSettings,
  root: string,
  logger: Logger,
): Promise<DetectedChanges> {
  try {
    const bh = await resolveBaseHead(git, event, { base: settings.base, head: settings.head }, logger, {
      prefetchChangedFiles: true,
    });
    const [tl, changed] = await Promise.all([
      git.topLevelAndHead(),
      bh.base ? git.changedFiles(bh.base, bh.head) : undefined,
    ]);
    const found: DetectedChanges = {
      base: bh.base,
      head: bh.head,
      baseSource: bh.source,
      checkedOut: tl.head,
    };
    if (bh.base && changed) found.changes = toRootRelative(changed, tl.top, root);
    else found.noBaseReason = bh.source;
    return found;
  } catch (err) {
    if (!(err instanceof ConfigurationError)) throw err;
    // Never break the build over selection: run everything, and say why loudly.
    logger.warning(`select-tests: ${err.message} Running every test.`);
    return { noBaseReason: err.message };
  }
}

/** git names files from the top of the work tree; the project may be a folder inside it. */
function toRootRelative(files: ChangedFile[], top: string, root: string): RootChange[] {
  const prefix = toPosix(relative(top, root));
  if (!prefix) return files;
  const strip = (p: string): string | undefined =>
    p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : undefined;
  return files.map((f) => {
    const path = strip(f.path);
    const oldPath = f.oldPath !== undefined ? strip(f.oldPath) : undefined;
    if (path === undefined && oldPath === undefined) return { ...f, outside: true };
    if (path === undefined) return { status: 'deleted', path: oldPath! };
    if (f.oldPath !== undefined && oldPath === undefined) return { status: 'added', path };
    return { ...f, path, ...(oldPath !== undefined ? { oldPath } : {}) };
  });
}

/**
 * A change outside the project folder matters only when it is critical for the whole repository
 * (the CI workflow, the root lockfile); it then keeps its repository path so the critical rule sees it.
 */
function keepOutside(changes: RootChange[], criticalPaths: string[]): ChangedFile[] {
  if (!changes.some((c) => c.outside)) return changes;
  const critical = globMatcher([...DEFAULT_CRITICAL_PATHS, ...criticalPaths]);
  return changes.filter((c) => !c.outside || critical(c.path)).map(({ outside: _outside, ...rest }) => rest);
}

async function readTimingReports(
  patterns: string[],
  workspace: string,
  root: string,
  logger: Logger,
  toDurations: (reports: TestReport[]) => Map<string, number>,
): Promise<Map<string, number>> {
  const files = await expandGlobs(patterns, workspace);
  if (!files.length) {
    logger.info(`No timing reports matched ${patterns.join(', ')}; shards use stored durations only.`);
    return new Map();
  }
  const { parseTestReport } = await import('../../parsers/index.js');
  const reports: TestReport[] = [];
  for (const f of files) {
    try {
      const r = await parseTestReport(f, { root });
      if (isParseError(r))
        logger.warning(`Timing report ${toPosix(relative(workspace, f))} skipped: ${r.error}`);
      else reports.push(r);
    } catch (err) {
      logger.warning(`Timing report ${toPosix(relative(workspace, f))} skipped: ${errorMessage(err)}`);
    }
  }
  return toDurations(reports);
}

function renderSummary(r: SelectionReport): string {
  const lines: string[] = [];
  lines.push(`## Test selection: ${r.mode}`, '', r.reason, '');
  lines.push(
    `**${r.testCount}** of **${r.totalTestCount}** tests${r.shards.length > 1 ? ` in ${r.shards.length} shards` : ''}; ${r.changedFiles.length} changed file${r.changedFiles.length === 1 ? '' : 's'}.`,
    '',
  );
  if (r.selected.length) {
    lines.push('| test | why |', '| --- | --- |');
    for (const s of r.selected.slice(0, 50))
      lines.push(`| \`${s.test}\` | ${s.chain.map((c) => `\`${c}\``).join(' → ')} |`);
    if (r.selected.length > 50) lines.push(`| … | ${r.selected.length - 50} more in ${REPORT_FILE} |`);
    lines.push('');
  }
  if (r.shards.length > 1) {
    lines.push('| shard | tests | estimated |', '| --- | --- | --- |');
    for (const s of r.shards)
      lines.push(`| ${s.shard} | ${s.tests.length} | ${(s.estimatedMs / 1000).toFixed(1)} s |`);
    lines.push('');
  }
  if (r.graph?.unresolved.length)
    lines.push(`${r.graph.unresolved.length} local import(s) could not be resolved; see ${REPORT_FILE}.`, '');
  return lines.join('\n');
}
