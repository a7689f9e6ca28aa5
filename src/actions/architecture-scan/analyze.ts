import type { FileComplexity } from '../../complexity/index.js';
import { type Coupling, couplingOf } from '../../graph/analysis/coupling.js';
import { type RulesConfig, type Violation, checkRules } from '../../graph/analysis/rules.js';
import {
  type Cycle,
  type EdgeFilter,
  EDGE_KINDS,
  compareStrings,
  findCycles,
  indexGraph,
} from '../../graph/analysis/scc.js';
import type { EdgeKind, Language, ModuleGraph } from '../../graph/types.js';
import {
  type BaselineFacts,
  type CycleStatus,
  type ViolationStatus,
  cycleId,
  cycleStatus,
  fixedCycles,
  violationId,
  violationKey,
  violationStatus,
} from './baseline.js';
import type { Churn } from './churn.js';
import { COMPLEXITY_THRESHOLD, SCORE_FORMULA, type ScoreBreakdown, healthScore } from './score.js';

export const ANALYSIS_TYPE = 'ai-ci/architecture';
export const ANALYSIS_VERSION = 1;

export interface CycleFinding extends Cycle {
  /** Stable id (hash of the sorted members); SARIF's partial fingerprint. */
  id: string;
  /** Against the baseline, when there is one. */
  status?: CycleStatus;
}

export interface ViolationFinding extends Violation {
  id: string;
  status?: ViolationStatus;
}

export interface Hotspot {
  path: string;
  /** Sum of the file's functions' cognitive complexity. */
  cognitive: number;
  maxCognitive: number;
  cyclomatic: number;
  /** Commits touching the file in the churn window (absent when churn is unavailable). */
  commits?: number;
  linesChanged?: number;
  /** cognitive × commits, or cognitive alone without churn. */
  score: number;
}

export interface ComplexFunction {
  path: string;
  name: string;
  line: number;
  cognitive: number;
  cyclomatic: number;
}

/** The `ai-ci/architecture` report (`architecture_analysis.json`). Every path is relative to the repository root. */
export interface ArchitectureAnalysis {
  type: typeof ANALYSIS_TYPE;
  version: typeof ANALYSIS_VERSION;
  scanned: { paths: string[]; languages: Language[] };
  options: { ignoreTypeOnly: boolean; ignoreDynamic: boolean; churnWindowDays: number };
  modules: number;
  edges: number;
  graph: { nodes: string[]; edges: Array<[string, string, EdgeKind]> };
  cycles: CycleFinding[];
  unresolved: Array<{ from: string; specifier: string }>;
  coupling: Coupling;
  complexity: {
    files: number;
    functions: number;
    /** Functions over the threshold (cognitive > 15). */
    complexFunctions: number;
    threshold: number;
    /** The most complex functions, at most 20. */
    top: ComplexFunction[];
  };
  churn: { available: boolean; reason?: string; since?: string; commits?: number };
  hotspots: Hotspot[];
  violations: ViolationFinding[];
  score: number;
  scoreBreakdown: { penalties: ScoreBreakdown; formula: string };
  baseline?: {
    source: string;
    newCycles: number;
    grownCycles: number;
    knownCycles: number;
    fixedCycles: string[][];
    newViolations: number;
    knownViolations: number;
  };
  priorities: string[];
}

export interface AnalyzeInput {
  graph: ModuleGraph;
  paths: string[];
  filter: EdgeFilter;
  rules?: RulesConfig;
  complexity: FileComplexity[];
  churn: Churn;
  churnWindowMs: number;
  baseline?: { source: string; facts: BaselineFacts };
  /** How many hotspots to keep (default 20). */
  topHotspots?: number;
}

function sortEdges(edges: ReadonlyArray<[string, string, EdgeKind]>): Array<[string, string, EdgeKind]> {
  const seen = new Set<string>();
  const out: Array<[string, string, EdgeKind]> = [];
  for (const e of edges) {
    const k = e.join('\0');
    if (seen.has(k)) continue;
    seen.add(k);
    out.push([e[0], e[1], e[2]]);
  }
  return out.sort(
    (a, b) =>
      compareStrings(a[0], b[0]) ||
      compareStrings(a[1], b[1]) ||
      EDGE_KINDS.indexOf(a[2]) - EDGE_KINDS.indexOf(b[2]),
  );
}

/** Everything the report says, from facts already gathered; pure and deterministic. */
export function analyzeArchitecture(input: AnalyzeInput): ArchitectureAnalysis {
  const { graph } = input;
  const edges = sortEdges(graph.edges);
  const nodes = [...new Set(graph.nodes)].sort(compareStrings);
  const baseline = input.baseline?.facts;
  const knownViolations = new Set((baseline?.violations ?? []).map(violationKey));

  const indexed = indexGraph(nodes, edges);
  const cycles: CycleFinding[] = findCycles({ nodes, edges }, input.filter, indexed).map((c) => {
    const f: CycleFinding = { ...c, id: cycleId(c.members) };
    if (baseline) f.status = cycleStatus(c.members, baseline);
    return f;
  });
  const violations: ViolationFinding[] = (input.rules ? checkRules({ edges }, input.rules) : []).map((v) => {
    const f: ViolationFinding = { ...v, id: violationId(v) };
    if (baseline) f.status = violationStatus(v, knownViolations);
    return f;
  });
  const coupling = couplingOf(indexed);
  const unresolved = [...graph.unresolved].sort(
    (a, b) => compareStrings(a.from, b.from) || compareStrings(a.specifier, b.specifier),
  );

  const functions: ComplexFunction[] = [];
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
  for (const v of violations) bySeverity[v.severity]++;
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

  const analysis: ArchitectureAnalysis = {
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
      fixedCycles: fixedCycles(
        cycles.map((c) => c.members),
        baseline,
      ),
      newViolations: violations.filter((v) => v.status === 'new').length,
      knownViolations: violations.filter((v) => v.status === 'known').length,
    };
  }
  analysis.priorities = refactoringPriorities(analysis);
  return analysis;
}

export function rankHotspots(files: readonly FileComplexity[], churn: Churn, top: number): Hotspot[] {
  const out: Hotspot[] = [];
  for (const f of files) {
    if (f.cognitive === 0) continue;
    const h: Hotspot = {
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
      if (h.score === 0) continue; // untouched in the window: not a hotspot, however complex
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
export function refactoringPriorities(a: ArchitectureAnalysis): string[] {
  const out: string[] = [];
  const instability = new Map(a.coupling.modules.map((m) => [m.path, m.instability]));
  const cycles = [...a.cycles].sort(
    (x, y) => y.members.length - x.members.length || compareStrings(x.members[0], y.members[0]),
  );
  for (const c of cycles.slice(0, 5)) {
    let cut = 0;
    for (let i = 1; i + 1 < c.example.length; i++) {
      if ((instability.get(c.example[i]) ?? 0) < (instability.get(c.example[cut]) ?? 0)) cut = i;
    }
    const label =
      c.members.length === 1 ? 'the self-import of' : `the cycle of ${c.members.length} modules through`;
    out.push(
      `Break ${label} ${c.example.join(' → ')}: consider removing or inverting the import ${c.example[cut]} → ${c.example[cut + 1]}.`,
    );
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
