import * as core from '../../core/runner-commands.js';
import { onActionExit } from '../../core/action.js';
import type { Store } from '../../core/cache/index.js';
import { errorMessage } from '../../core/errors.js';
import { readRunContext } from '../../core/github/context.js';
import { actionsLogger } from '../../core/logger.js';
import { redact, registerSecret } from '../../core/redact.js';
import { getInputs } from './inputs.js';
import { runCiMetrics } from './run.js';
import { renderSummary } from './summary.js';

export async function run(): Promise<void> {
  const settings = getInputs();
  registerSecret(settings.datadogApiKey);
  const logger = actionsLogger();
  const ctx = readRunContext();
  // Heavy collaborators load after the inputs are read: start-up stays small.
  const [{ githubFromEnv }, { budgetStore, openStore }] = await Promise.all([
    import('../../core/github/client.js'),
    import('../../core/cache/index.js'),
  ]);
  const github = githubFromEnv(logger);
  let store: Store | undefined;
  try {
    store = await openStore({ action: 'ci-metrics', repo: ctx.repository, logger });
    const s = store;
    onActionExit(() => s.close());
  } catch (err) {
    logger.warning(
      `ci-metrics: no store (${errorMessage(err)}); no history and no insights trends this run.`,
    );
  }
  const wantInsights = settings.insights ?? ctx.eventName === 'schedule';
  const createLlmClient =
    wantInsights && settings.llmEnabled
      ? (await import('../../core/llm/client.js')).createLlmClient
      : undefined;
  const llm = createLlmClient
    ? createLlmClient(settings.llm, {
        logger,
        action: 'ci-metrics',
        repository: ctx.repository,
        runId: ctx.runId,
        budgetStore: store ? budgetStore(store) : undefined,
      })
    : undefined;
  if (llm) onActionExit(() => llm.close());
  const outcome = await runCiMetrics({ settings, ctx, logger, github, store, llm });
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  await core.summary.addRaw(redact(renderSummary(outcome))).write();
}
