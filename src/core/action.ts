import * as core from './runner-commands.js';
import { ConfigurationError } from './errors.js';

/** What every `src/actions/<name>/main.ts` exports: the thin shell that the runner starts. */
export interface ActionModule {
  run(): Promise<void>;
}

type Closer = () => Promise<void> | void;
const closers: Closer[] = [];

/**
 * Registers work that must happen before the process exits (save the Actions-cache bundle, quit
 * Redis). Closers run in reverse order, each bounded, whatever the action's outcome.
 */
export function onActionExit(fn: Closer): void {
  closers.push(fn);
}

async function runClosers(): Promise<void> {
  // Not scaled by AI_CI_TIMEOUT_SCALE: that shortens network waits, not the time to save state.
  const limitMs =
    Number(process.env.AI_CI_CLOSE_TIMEOUT_MS) > 0 ? Number(process.env.AI_CI_CLOSE_TIMEOUT_MS) : 15_000;
  while (closers.length) {
    const fn = closers.pop()!;
    let timer: NodeJS.Timeout | undefined;
    try {
      const ended = await Promise.race([
        Promise.resolve(fn()).then(() => true),
        new Promise<false>((r) => (timer = setTimeout(() => r(false), limitMs).unref())),
      ]);
      // Abandoned work (typically an Actions-cache save the service keeps failing) is said, not silent.
      if (!ended)
        core.warning(
          `Clean-up step did not finish within ${limitMs} ms and was abandoned (saving the cache or closing a connection); this run's cache entries may not have been saved.`,
        );
    } catch (err) {
      core.warning(`Clean-up step failed: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The one catch at the top of every action: a user's mistake is one line, a bug is a stack.
 * Exits explicitly afterwards so a forgotten socket never keeps a workflow step alive.
 */
export async function executeAction(load: () => Promise<ActionModule>): Promise<void> {
  try {
    const mod = await load();
    await mod.run();
  } catch (err) {
    if (err instanceof ConfigurationError) core.setFailed(err.message);
    else if (err instanceof Error) core.setFailed(err.stack ?? err.message);
    else core.setFailed(String(err));
  } finally {
    await runClosers();
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : Number(process.exitCode ?? 0) || 0;
  // Let stdout drain before exiting so the last workflow commands are not lost.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}
