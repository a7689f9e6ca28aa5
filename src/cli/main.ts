import { pathToFileURL } from 'node:url';
import { ACTIONS } from '../actions/registry.js';
import { executeAction, type ActionModule } from '../core/action.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './commands/types.js';
import { knownActions } from './run.js';
import { testActionModules } from './test-actions.js';

export function usageText(): string {
  const lines = [
    'Usage: ai-ci <command> [options]   (ai-ci <command> --help for its options)',
    '',
    'Commands:',
  ];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(8)} ${c.summary}`);
  const names = knownActions();
  lines.push('', `Actions: ${names.length ? names.join(', ') : '(none in this build)'}`);
  return lines.join('\n');
}

/** Starts one action in this process; what `dist/<action>/index.js` and `ai-ci run` both call. */
export async function startAction(name: string): Promise<void> {
  const load = ACTIONS[name];
  if (load) return executeAction(load);
  const testModule = testActionModules()[name];
  if (testModule) return executeAction(() => import(pathToFileURL(testModule).href) as Promise<ActionModule>);
  process.stderr.write(`Unknown action '${name}'.\n`);
  process.exit(2);
}

export async function cliMain(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === '__exec') {
    await startAction(rest[0] ?? '');
    return 0;
  }
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    (cmd ? process.stdout : process.stderr).write(usageText() + '\n');
    return cmd ? 0 : 2;
  }
  if (cmd === '--version') {
    process.stdout.write('ai-ci\n');
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === cmd);
  if (!entry) {
    process.stderr.write(`Unknown command '${cmd}'.\n\n${usageText()}\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(
        `ai-ci ${command.name}: ${err.message}\nUsage: ${command.usage}\n\n${usageText()}\n`,
      );
      return 2;
    }
    throw err;
  }
}
