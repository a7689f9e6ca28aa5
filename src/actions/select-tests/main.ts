import * as core from '../../core/runner-commands.js';
import { onActionExit } from '../../core/action.js';
import { openStore } from '../../core/cache/index.js';
import { errorMessage } from '../../core/errors.js';
import { readRunContext } from '../../core/github/context.js';
import { actionsLogger } from '../../core/logger.js';
import type { GraphCacheBackend } from '../../graph/cache.js';
import { getInputs } from './inputs.js';
import { runSelection } from './run.js';

/** Store key of the import-graph scan cache (content hash -> imports found). */
export const GRAPH_CACHE_KEY = 'select-tests:graph-scan';
const GRAPH_CACHE_TTL_SECONDS = 30 * 24 * 3600;

export async function run(): Promise<void> {
  const settings = getInputs();
  const logger = actionsLogger();
  const ctx = readRunContext();

  const store = await openStore({ action: 'select-tests', repo: ctx.repository, logger }).catch(
    (err: unknown) => {
      logger.warning(
        `select-tests: the cache is unavailable (${errorMessage(err)}); building the import graph from scratch.`,
      );
      return undefined;
    },
  );
  if (store) onActionExit(() => store.close());
  const graphCache: GraphCacheBackend | undefined = store && {
    load: () => store.get(GRAPH_CACHE_KEY),
    save: (text) => store.set(GRAPH_CACHE_KEY, text, GRAPH_CACHE_TTL_SECONDS),
  };

  const result = await runSelection({
    settings,
    workspace: ctx.workspace,
    event: { eventName: ctx.eventName, payload: ctx.payload, sha: ctx.sha, defaultBranch: ctx.defaultBranch },
    logger,
    graphCache,
    durations: store,
  });

  for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
  await core.summary.addRaw(result.summary).write();
  logger.info(`select-tests: ${result.selection.mode} — ${result.selection.reason}`);
}
