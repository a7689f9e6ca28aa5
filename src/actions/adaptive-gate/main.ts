import * as core from '../../core/runner-commands.js';
import { onActionExit } from '../../core/action.js';
import { openStore } from '../../core/cache/index.js';
import { readRunContext } from '../../core/github/context.js';
import { actionsLogger } from '../../core/logger.js';
import { getInputs } from './inputs.js';
import { runGate } from './run-gate.js';

export async function run(): Promise<void> {
  const inputs = getInputs();
  const logger = actionsLogger();
  const ctx = readRunContext();
  const store = await openStore({ action: 'adaptive-gate', repo: ctx.repository, logger });
  onActionExit(() => store.close());

  const outcome = await runGate({ logger, ctx, store, inputs, workspace: ctx.workspace });
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  await core.summary.addRaw(outcome.summary).write();
  if (outcome.failures.length) {
    // The one way this action fails a build: a gated condition regressed. One line per condition.
    core.setFailed(
      `adaptive-gate: ${outcome.failures.length} condition${outcome.failures.length === 1 ? '' : 's'} regressed\n${outcome.failures.join('\n')}`,
    );
  } else {
    core.info(
      `adaptive-gate: passed (${outcome.result.conditions.length} conditions checked); report at ${outcome.reportPath}`,
    );
  }
}
