import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { measureFiles } from '../../complexity/index.js';
import type { Store } from '../../core/cache/tiered-store.js';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { repoRelative } from '../../core/files.js';
import { type RulesConfig, parseRulesConfig } from '../../graph/analysis/rules.js';
import type { Language, ModuleGraph } from '../../graph/types.js';
import { type ArchitectureAnalysis, analyzeArchitecture } from './analyze.js';
import { type BaselineFacts, readBaseline } from './baseline.js';
import { readChurn } from './churn.js';
import { type Narrative, renderReport, renderSummary } from './report.js';
import { importLineFinder, toSarif } from './sarif.js';

export type FailOn = 'none' | 'new' | 'any';

/** The module-graph builder shared with select-tests (src/graph). */
export type BuildGraph = (opts: {
  root: string;
  paths?: string[];
  languages?: Language[];
  ignore?: string[];
}) => Promise<ModuleGraph>;

export interface ScanSettings {
  /** Repository root (the workspace); every reported path is relative to it. */
  root: string;
  /** Folders or files to scan, relative to the root. */
  paths: string[];
  languages?: Language[];
  ignore?: string[];
  /** Rules file, relative to the root. */
  config?: string;
  ignoreTypeOnly: boolean;
  ignoreDynamic: boolean;
  failOn: FailOn;
  failOnUnresolved: boolean;
  churnWindowMs: number;
  /** Where the three report files go, relative to the root. */
  outputDir: string;
  /** A previous `architecture_analysis.json`, relative to the root; wins over the store. */
  baseline?: string;
  /** Keep this result in the store as the next run's baseline (default-branch runs). */
  saveBaseline: boolean;
}

export interface ScanDeps {
  logger: Logger;
  buildGraph: BuildGraph;
  store?: Store;
  /** Prose from the facts; absent means no LLM is configured. */
  narrate?: (a: ArchitectureAnalysis) => Promise<Narrative>;
  now?: Date;
  toolVersion?: string;
}

export interface ScanResult {
  analysis: ArchitectureAnalysis;
  analysisPath: string;
  reportPath: string;
  sarifPath: string;
  /** Markdown for the job summary. */
  summary: string;
  /** Why the step fails under `fail-on` / `fail-on-unresolved`; undefined when it passes. */
  failure?: string;
}

/**
 * `paths` input entries become the graph builder's globs: a folder scans everything below it, a
 * glob stays as written, `.` scans the whole repository.
 */
export function pathGlobs(paths: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const raw of paths) {
    const p = raw
      .replace(/\\/g, '/')
      .replace(/^\.\/+/, '')
      .replace(/\/+$/, '');
    if (p === '' || p === '.') return undefined;
    if (/[*?[\]{}!]/.test(p)) out.push(p);
    else out.push(p, `${p}/**`);
  }
  return out;
}

export const STORE_KEY = 'architecture-scan:baseline';
export const NO_LLM: Narrative = { note: 'LLM narrative: not configured.' };

async function loadRules(root: string, config: string | undefined): Promise<RulesConfig | undefined> {
  if (!config) return undefined;
  const abs = resolve(root, config);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    throw new ConfigurationError(
      `Input 'config': cannot read the rules file '${config}' (${errorMessage(err)}).`,
    );
  }
  return parseRulesConfig(text, config);
}

async function loadBaseline(
  s: ScanSettings,
  deps: ScanDeps,
): Promise<{ source: string; facts: BaselineFacts } | undefined> {
  const { logger } = deps;
  if (s.baseline) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(resolve(s.root, s.baseline), 'utf8'));
    } catch (err) {
      logger.warning(
        `Baseline '${s.baseline}' is unreadable (${errorMessage(err)}); every finding counts as new.`,
      );
      return undefined;
    }
    const { facts, problem } = readBaseline(data);
    if (!facts) {
      logger.warning(
        `Baseline '${s.baseline}' is not an architecture result (${problem}); every finding counts as new.`,
      );
      return undefined;
    }
    return { source: s.baseline, facts };
  }
  if (!deps.store) return undefined;
  try {
    const raw = await deps.store.get(STORE_KEY);
    if (raw === undefined) return undefined;
    const { facts, problem } = readBaseline(JSON.parse(raw));
    if (!facts) {
      logger.warning(`The stored architecture baseline is unusable (${problem}); it will be replaced.`);
      return undefined;
    }
    return { source: 'store (last default-branch run)', facts };
  } catch (err) {
    logger.warning(`Could not read the architecture baseline from the store: ${errorMessage(err)}`);
    return undefined;
  }
}

/** The part of the result kept as the next baseline: small, and readable by {@link readBaseline}. */
export function baselineRecord(a: ArchitectureAnalysis): string {
  return JSON.stringify({
    type: a.type,
    version: a.version,
    cycles: a.cycles.map((c) => ({ members: c.members })),
    violations: a.violations.map((v) => ({ rule: v.rule, from: v.from, to: v.to, kind: v.kind })),
  });
}

export function failureOf(
  a: Pick<ArchitectureAnalysis, 'cycles' | 'violations' | 'unresolved' | 'baseline'>,
  s: Pick<ScanSettings, 'failOn' | 'failOnUnresolved'>,
): string | undefined {
  const reasons: string[] = [];
  const errors = a.violations.filter((v) => v.severity === 'error');
  if (s.failOn === 'any') {
    if (a.cycles.length) reasons.push(`${a.cycles.length} import cycle${a.cycles.length === 1 ? '' : 's'}`);
    if (errors.length)
      reasons.push(`${errors.length} error-severity rule violation${errors.length === 1 ? '' : 's'}`);
  } else if (s.failOn === 'new') {
    // Without a baseline nothing is known, so every finding is new.
    const newCycles = a.cycles.filter((c) => c.status !== 'known');
    const newErrors = errors.filter((v) => v.status !== 'known');
    const where = a.baseline ? '' : ' (no baseline, so every finding is new)';
    if (newCycles.length)
      reasons.push(
        `${newCycles.length} new or grown import cycle${newCycles.length === 1 ? '' : 's'}${where}`,
      );
    if (newErrors.length)
      reasons.push(
        `${newErrors.length} new error-severity rule violation${newErrors.length === 1 ? '' : 's'}${where}`,
      );
  }
  if (s.failOnUnresolved && a.unresolved.length) {
    reasons.push(
      `${a.unresolved.length} unresolved import${a.unresolved.length === 1 ? '' : 's'} (fail-on-unresolved)`,
    );
  }
  return reasons.length ? `Architecture scan failed: ${reasons.join('; ')}.` : undefined;
}

/**
 * The whole scan: graph, cycles, coupling, rules, complexity, churn, baseline, then the three
 * report files under `outputDir`. Never throws for an optional part (churn, store, LLM) failing.
 */
export async function runArchitectureScan(s: ScanSettings, deps: ScanDeps): Promise<ScanResult> {
  const { logger } = deps;
  const root = resolve(s.root);
  const paths = s.paths.map((p) => (isAbsolute(p) ? repoRelative(root, p) : p.replace(/\\/g, '/')));
  const rules = await loadRules(root, s.config);
  const graph = await logger.group('Module graph', () =>
    deps.buildGraph({ root, paths, languages: s.languages, ignore: s.ignore }),
  );
  logger.info(
    `${graph.nodes.length} modules, ${graph.edges.length} imports, ${graph.unresolved.length} unresolved.`,
  );
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
    } catch (err) {
      narrative = { note: `LLM narrative: unavailable (${errorMessage(err)}).` };
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

  const outDir = resolve(root, s.outputDir);
  await mkdir(outDir, { recursive: true });
  const analysisPath = join(outDir, 'architecture_analysis.json');
  const reportPath = join(outDir, 'architecture_report.md');
  const sarifPath = join(outDir, 'architecture.sarif');
  await writeFile(analysisPath, JSON.stringify(analysis, null, 2) + '\n');
  await writeFile(reportPath, renderReport(analysis, narrative));
  await writeFile(sarifPath, JSON.stringify(toSarif(analysis, lineOf, deps.toolVersion), null, 2) + '\n');

  if (s.saveBaseline && deps.store) {
    try {
      await deps.store.set(STORE_KEY, baselineRecord(analysis));
    } catch (err) {
      logger.warning(`Could not save the architecture baseline: ${errorMessage(err)}`);
    }
  }

  return {
    analysis,
    analysisPath: repoRelative(root, analysisPath),
    reportPath: repoRelative(root, reportPath),
    sarifPath: repoRelative(root, sarifPath),
    summary: renderSummary(analysis),
    failure: failureOf(analysis, s),
  };
}
