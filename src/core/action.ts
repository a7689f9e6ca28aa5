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
  while (closers.length) {
    const fn = closers.pop()!;
    try {
      await Promise.race([Promise.resolve(fn()), new Promise((r) => setTimeout(r, 15_000).unref())]);
    } catch (err) {
      core.warning(`Clean-up step failed: ${(err as Error).message}`);
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
