import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BaselineStore, emptyBaseline, type Baseline } from '../../core/baseline/index.js';
import type { Store } from '../../core/cache/index.js';
import { errorMessage } from '../../core/errors.js';
import { GitRepo, resolveBaseHead } from '../../core/git.js';
import type { RunContext } from '../../core/github/context.js';
import type { Logger } from '../../core/logger.js';
import {
  emptyFacts,
  loadFacts,
  recordFileSnapshot,
  toBaselineRun,
  windowFromBaseline,
  type RunIdentity,
} from './baseline-io.js';
import { isDependencyFile, packagesTouched } from './dependency-changes.js';
import { evaluateGate, failureLines } from './gate.js';
import type { AdaptiveGateInputs } from './inputs.js';
import { readCoverage, readVulns } from './measure.js';
import { buildReport, gateOutputs, renderSummary, type BaselineUpdate, type GateReport } from './report.js';
import type { GateResult } from './types.js';

export interface GateRunDeps {
  logger: Logger;
  ctx: RunContext;
  store: Store;
  inputs: Readonly<AdaptiveGateInputs>;
  /** The repository checkout (GITHUB_WORKSPACE). */
  workspace: string;
  now?: () => Date;
}

export interface GateRunOutcome {
  result: GateResult;
  report: GateReport;
  /** Workspace-relative. */
  reportPath: string;
  outputs: Record<string, string>;
  summary: string;
  /** One line per failed gated condition; empty when the gate passed. */
  failures: string[];
}

interface DiffFacts {
  addedLines: Map<string, number[]> | undefined;
  dependencyChanges: string[] | undefined;
  base: string | null;
  source: string;
}

/** Added lines and touched packages between the event's base and head; none when there is no base. */
async function diffFacts(deps: GateRunDeps): Promise<DiffFacts> {
  const { ctx, logger, inputs } = deps;
  const git = new GitRepo(deps.workspace, logger);
  try {
    const bh = await resolveBaseHead(
      git,
      {
        eventName: ctx.eventName,
        payload: ctx.payload,
        sha: ctx.sha,
        ...(ctx.defaultBranch ? { defaultBranch: ctx.defaultBranch } : {}),
      },
      inputs.base ? { base: inputs.base } : {},
      logger,
    );
    if (!bh.base)
      return { addedLines: undefined, dependencyChanges: undefined, base: null, source: bh.source };
    const added = await git.addedLines(bh.base, bh.head);
    const touched = new Set<string>();
    for (const [path, lines] of added) {
      if (!isDependencyFile(path)) continue;
      const text = await git.fileAtRevision(bh.head, path);
      if (text !== undefined) for (const p of packagesTouched(path, text, lines)) touched.add(p);
    }
    return { addedLines: added, dependencyChanges: [...touched].sort(), base: bh.base, source: bh.source };
  } catch (e) {
    logger.warning(
      `adaptive-gate: cannot diff this change (${errorMessage(e)}); patch coverage and introduced-vs-disclosed are unavailable.`,
    );
    return {
      addedLines: undefined,
      dependencyChanges: undefined,
      base: null,
      source: `none (${errorMessage(e)})`,
    };
  }
}

function isDefaultBranch(ctx: RunContext): boolean {
  if (ctx.eventName.startsWith('pull_request') || ctx.eventName === 'merge_group') return false;
  return ctx.branch !== undefined && ctx.defaultBranch !== undefined && ctx.branch === ctx.defaultBranch;
}

async function writeJson(file: string, doc: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(doc, null, 2)}\n`);
  await rename(tmp, file);
}

/**
 * The whole gate for one run: read reports, diff, baseline; decide; record the run when the rules
 * say so; write the report. Never throws for an outage of the store: the gate then runs as on a
 * first run, with a warning.
 */
export async function runGate(deps: GateRunDeps): Promise<GateRunOutcome> {
  const { logger, ctx, store, inputs, workspace } = deps;
  const now = deps.now ?? (() => new Date());

  const coverage = inputs.coverage ? await readCoverage(inputs.coverage, workspace, logger) : undefined;
  const vulns = inputs.vulnerabilities
    ? await readVulns(inputs.vulnerabilities, workspace, logger)
    : undefined;
  const diff: DiffFacts =
    coverage?.measure || vulns?.measure
      ? await diffFacts(deps)
      : {
          addedLines: undefined,
          dependencyChanges: undefined,
          base: null,
          source: 'not needed (no report read)',
        };

  const branch = ctx.defaultBranch ?? 'main';
  const baselines = new BaselineStore(store, {
    logger,
    repo: ctx.repository,
    branch,
    window: inputs.baselineWindow,
  });
  let baseline: Baseline = emptyBaseline(ctx.repository, branch, inputs.baselineWindow);
  let seededFrom: string | null = null;
  let storeUsable = true;
  try {
    const hadRuns = (await baselines.load()).runs.length > 0;
    const seed = await baselines.seedFromFile(join(workspace, inputs.baselineFile));
    if (seed && !hadRuns && seed.runs.length) seededFrom = inputs.baselineFile;
    baseline = await baselines.load();
  } catch (e) {
    storeUsable = false;
    logger.warning(
      `adaptive-gate: the baseline store is unavailable (${errorMessage(e)}); gating as on a first run.`,
    );
  }
  const facts = storeUsable ? await loadFacts(store, logger) : emptyFacts();
  const window = windowFromBaseline(baseline, facts);

  const result = evaluateGate({
    settings: inputs.gate,
    window,
    coverage: coverage?.measure,
    vulns: vulns?.measure,
    vulnErrors: vulns?.errors ?? [],
    addedLines: diff.addedLines,
    dependencyChanges: diff.dependencyChanges,
    fileSnapshot: facts.files ?? undefined,
  });

  const onDefault = isDefaultBranch(ctx);
  const update = await updateBaseline(deps, {
    result,
    onDefault,
    storeUsable,
    baselines,
    coverage: coverage?.measure,
    vulns: vulns?.measure,
    now,
  });

  const reportPath = `${inputs.outputDir.replace(/\/+$/, '')}/gate_report.json`;
  const report = buildReport({
    result,
    settings: inputs.gate,
    context: {
      event: ctx.eventName,
      branch: ctx.branch ?? null,
      defaultBranch: ctx.defaultBranch ?? null,
      isDefaultBranch: onDefault,
      sha: ctx.sha,
      runId: ctx.runId,
      diffBase: { sha: diff.base, source: diff.source },
    },
    reports: { coverage: coverage?.files ?? [], vulnerabilities: vulns?.files ?? [] },
    baseline: {
      windowSize: window.length,
      runs: window.map((r) => `${r.runId}#${r.attempt}@${r.sha.slice(0, 7)}`),
      seededFrom,
      storeTier: storeUsable ? store.tier : null,
      historyNote: store.historyNote ?? null,
    },
    baselineUpdate: update,
    now: now(),
  });
  await writeJson(join(workspace, reportPath), report);
  for (const n of result.notices) logger.notice(`adaptive-gate: ${n}`);
  return {
    result,
    report,
    reportPath,
    outputs: gateOutputs(result, reportPath),
    summary: renderSummary(report),
    failures: failureLines(result),
  };
}

async function updateBaseline(
  deps: GateRunDeps,
  s: {
    result: GateResult;
    onDefault: boolean;
    storeUsable: boolean;
    baselines: BaselineStore;
    coverage: Parameters<typeof toBaselineRun>[1];
    vulns: Parameters<typeof toBaselineRun>[2];
    now: () => Date;
  },
): Promise<BaselineUpdate> {
  const { inputs, ctx, logger, store, workspace } = deps;
  const mode = inputs.updateBaseline;
  if (mode === 'false') return { recorded: false, reason: 'Baseline not updated (update-baseline: false).' };
  if (mode === 'auto' && !s.onDefault) {
    return {
      recorded: false,
      reason: `Baseline not updated: ${ctx.branch ?? 'this ref'} is not the default branch (${ctx.defaultBranch ?? 'unknown'}).`,
    };
  }
  if (mode === 'auto' && !s.result.passed) {
    return {
      recorded: false,
      reason: 'Baseline not updated: the gate failed, so this run does not become the new normal.',
    };
  }
  if (!s.coverage && !s.vulns)
    return { recorded: false, reason: 'Baseline not updated: this run measured nothing.' };
  if (!s.storeUsable)
    return { recorded: false, reason: 'Baseline not updated: the baseline store is unavailable.' };
  if (!/^[0-9a-f]{7,64}$/.test(ctx.sha)) {
    logger.warning(
      `adaptive-gate: no commit SHA for this run (GITHUB_SHA='${ctx.sha}'); the baseline is not updated.`,
    );
    return { recorded: false, reason: 'Baseline not updated: no commit SHA.' };
  }
  const id: RunIdentity = {
    runId: ctx.runId,
    attempt: Number(ctx.runAttempt) || 1,
    sha: ctx.sha,
    time: s.now().toISOString(),
  };
  try {
    const updated = await s.baselines.recordRun(toBaselineRun(id, s.coverage, s.vulns));
    await recordFileSnapshot(store, id, s.coverage, updated);
    const why = mode === 'true' ? 'update-baseline: true' : 'default branch, gate passed';
    const out: BaselineUpdate = {
      recorded: true,
      reason: `Baseline updated with run ${id.runId}#${id.attempt} (${why}); it now holds ${updated.runs.length} run${updated.runs.length === 1 ? '' : 's'}.`,
    };
    if (inputs.writeBaselineFile) {
      await s.baselines.writeFile(join(workspace, inputs.baselineFile));
      out.file = inputs.baselineFile;
    }
    return out;
  } catch (e) {
    logger.warning(`adaptive-gate: recording this run in the baseline failed: ${errorMessage(e)}`);
    return { recorded: false, reason: `Baseline not updated: ${errorMessage(e)}` };
  }
}
