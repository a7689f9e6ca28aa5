import * as core from '../../core/runner-commands.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onActionExit } from '../../core/action.js';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { readRunContext } from '../../core/github/context.js';
import { actionsLogger } from '../../core/logger.js';
import { repoRelative } from '../../core/files.js';
import { explainRootCauses } from './explain.js';
import { loadHistory, loadKnownFingerprints, recordFingerprints, recordOutcomes } from './history.js';
import { getInputs } from './inputs.js';
import { annotationsFor, summaryMarkdown } from './render.js';
import { triage } from './triage.js';

export async function run(): Promise<void> {
  const settings = getInputs();
  const logger = actionsLogger();
  const ctx = readRunContext();
  const workspace = ctx.workspace;
  if (!settings.reports.length && !settings.logs.length && !settings.fetchJobLogs) {
    throw new ConfigurationError(
      "ai-triage needs something to read: set 'reports' (test report globs), 'logs' (log globs) or 'fetch-job-logs: true'.",
    );
  }

  // Heavy collaborators load after the inputs are known to be usable: start-up stays small.
  const [{ fetchFailedJobLogs, readSources }, { BaselineStore }, { budgetStore, DecisionCache, openStore }] =
    await Promise.all([
      import('./sources.js'),
      import('../../core/baseline/index.js'),
      import('../../core/cache/index.js'),
    ]);
  const githubFromEnv = async (l: typeof logger) =>
    (await import('../../core/github/client.js')).githubFromEnv(l);
  const extraLogs = settings.fetchJobLogs
    ? await fetchFailedJobLogs(
        await githubFromEnv(logger),
        ctx,
        join(process.env.RUNNER_TEMP ?? workspace, 'ai-ci-job-logs'),
        logger,
      )
    : [];
  const sources = await readSources({
    workspace,
    reports: settings.reports,
    logs: settings.logs,
    passingLog: settings.passingLog,
    logger,
    extraLogs,
  });

  const store = await openStore({ action: 'ai-triage', repo: ctx.repository, logger });
  onActionExit(() => store.close());
  const baseline = new BaselineStore(store, {
    logger,
    repo: ctx.repository,
    branch: ctx.defaultBranch ?? 'main',
    historyWindow: settings.historyWindow,
  });
  const notes: string[] = [];
  if (store.historyNote) notes.push(store.historyNote);
  const history = await loadHistory(baseline).catch((err: unknown) => {
    logger.warning(
      `ai-triage: test history unavailable (${errorMessage(err)}); flaky detection uses this run only.`,
    );
    return new Map();
  });
  const known = await loadKnownFingerprints(store);

  const { report, failures } = triage({
    ...sources,
    root: workspace,
    sha: ctx.sha,
    history,
    known,
    threshold: settings.confidenceThreshold,
    flaky: { window: settings.historyWindow, flipRate: 0.3, minRuns: 5 },
  });

  if (settings.llmEnabled && report.root_causes.length) {
    const { createLlmClient } = await import('../../core/llm/client.js');
    const llm = createLlmClient(settings.llm, {
      logger,
      action: 'ai-triage',
      repository: ctx.repository,
      runId: ctx.runId,
      budgetStore: budgetStore(store),
    });
    onActionExit(() => llm.close());
    const cache = new DecisionCache(store, { action: 'ai-triage', logger });
    const r = await explainRootCauses(report, { llm, cache, model: settings.llm.model, logger });
    const st = llm.stats();
    const tokens = Object.values(st.backends).reduce((n, b) => n + b.promptTokens + b.completionTokens, 0);
    const cost = Object.values(st.backends).reduce((n, b) => n + b.costUsd, 0);
    notes.push(
      `LLM: ${r.calls} call(s), ${r.cacheHits} answered from the decision cache, ${tokens} tokens, est. $${cost.toFixed(4)}` +
        (st.fallbackReasons.length ? `; ${st.fallbackReasons.join('; ')}` : '') +
        '.',
    );
  } else if (!settings.llmEnabled) {
    for (const rc of report.root_causes) rc.llm = { skipped: 'LLM disabled (llm: false)' };
  }

  const run = {
    runId: ctx.runId,
    attempt: Number(ctx.runAttempt) || 1,
    sha: ctx.sha,
    time: new Date().toISOString(),
  };
  await recordOutcomes(baseline, sources.testReports, run).catch((err: unknown) =>
    logger.warning(`ai-triage: test outcomes could not be recorded (${errorMessage(err)}).`),
  );
  await recordFingerprints(store, report, run).catch((err: unknown) =>
    logger.warning(`ai-triage: root-cause fingerprints could not be recorded (${errorMessage(err)}).`),
  );

  const outDir = join(workspace, settings.outputDir);
  mkdirSync(outDir, { recursive: true });
  const reportPath = join(outDir, 'triage_report.json');
  writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(
    join(outDir, 'error_report.json'),
    JSON.stringify({ type: 'ai-ci/triage-errors', version: 1, failures }, null, 2) + '\n',
  );

  for (const a of annotationsFor(report)) logger[a.level](a.message, a.props);
  core.setOutput('fix_confidence', String(report.fix_confidence));
  core.setOutput('has_flaky_tests', String(report.has_flaky_tests));
  core.setOutput('triage_summary', report.summary);
  core.setOutput('report-path', repoRelative(workspace, reportPath));
  core.setOutput('root-causes', String(report.root_causes.length));
  await core.summary.addRaw(summaryMarkdown(report, notes)).write();
  logger.info(report.summary);
}
