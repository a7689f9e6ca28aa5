import { existsSync, readdirSync } from 'node:fs';
import { runDemo } from '../../demo/run-demo.js';
import type { CliCommand } from './types.js';
import { UsageError } from './types.js';

export const DEMO_USAGE = 'ai-ci demo [--dir DIR] [--verbose] [--json]';

/** `ai-ci demo`: the whole chain on a bundled sample project; exit 0 when every step did its job. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Run the whole ai-ci chain on a bundled sample project with a failing change (no server needed).',
  usage: DEMO_USAGE,
  async run(argv: string[]): Promise<number> {
    let dir: string | undefined;
    let verbose = false;
    let json = false;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--dir') {
        dir = argv[++i];
        if (!dir) throw new UsageError('--dir needs a folder.');
      } else if (a.startsWith('--dir=')) dir = a.slice('--dir='.length);
      else if (a === '--verbose' || a === '-v') verbose = true;
      else if (a === '--json') json = true;
      else throw new UsageError(`Unknown argument '${a}'.`);
    }
    if (dir && existsSync(dir) && readdirSync(dir).length > 0)
      throw new UsageError(`--dir ${dir} is not empty: the demo creates a fresh repository there.`);
    // With --json, stdout is the summary alone; progress goes to stderr.
    const out = (line: string): void => void (json ? process.stderr : process.stdout).write(line + '\n');
    const summary = await runDemo({ dir, out, verbose });
    if (json) process.stdout.write(JSON.stringify(summary) + '\n');
    return summary.ok ? 0 : 1;
  },
};
