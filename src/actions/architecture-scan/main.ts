import * as core from '../../core/runner-commands.js';
import { onActionExit } from '../../core/action.js';
import type { Store } from '../../core/cache/tiered-store.js';
import { errorMessage } from '../../core/errors.js';
import { readRunContext } from '../../core/github/context.js';
import { Inputs } from '../../core/inputs.js';
import { readLlmSettings } from '../../core/llm/settings.js';
import { actionsLogger } from '../../core/logger.js';
import { buildGraph } from '../../graph/build.js';
import { getInputs } from './inputs.js';
import { narrate } from './narrative.js';
import { pathGlobs, runArchitectureScan } from './scan.js';

export async function run(): Promise<void> {
  const logger = actionsLogger();
  const raw = new Inputs();
  const inputs = getInputs(raw);
  const ctx = readRunContext();
  logger.info(
    `architecture-scan: scanning ${inputs.paths.join(', ')} (languages: ${inputs.languages?.join(', ') ?? 'auto'}, fail-on: ${inputs.failOn}).`,
  );

  let store: Store | undefined;
  try {
    const { openStore } = await import('../../core/cache/open-store.js');
    store = await openStore({ action: 'architecture-scan', logger, redisUrl: inputs.redisUrl });
    const opened = store;
    onActionExit(() => opened.close());
  } catch (err) {
    logger.warning(`No store for the architecture baseline: ${errorMessage(err)}`);
  }
  // The LLM client (ollama, undici) loads only after the inputs are read: start-up stays small.
  const { createLlmClient } = await import('../../core/llm/client.js');
  const llm = createLlmClient(readLlmSettings(raw), {
    logger,
    action: 'architecture-scan',
    repository: ctx.repository,
    runId: ctx.runId,
  });
  onActionExit(() => llm.close());

  const onDefaultBranch =
    ctx.eventName !== 'pull_request' && ctx.branch !== undefined && ctx.branch === ctx.defaultBranch;
  const result = await runArchitectureScan(
    {
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
    },
    {
      logger,
      store,
      buildGraph: (o) => buildGraph({ ...o, paths: pathGlobs(o.paths ?? ['.']), logger }),
      narrate: (a) => narrate(llm, a),
    },
  );

  const a = result.analysis;
  core.setOutput('health-score', a.score.toFixed(1));
  core.setOutput('cycles', String(a.cycles.length));
  core.setOutput('violations', String(a.violations.length));
  core.setOutput('unresolved', String(a.unresolved.length));
  core.setOutput('sarif-path', result.sarifPath);
  core.setOutput('report-path', result.reportPath);
  core.setOutput('analysis-path', result.analysisPath);
  await core.summary.addRaw(result.summary).write();
  if (result.failure) core.setFailed(result.failure);
}
