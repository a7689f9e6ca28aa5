import { parseRunArgs, runAction, RUN_USAGE } from '../run.js';
import type { CliCommand } from './types.js';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run an action on a local checkout, as the runner would',
  usage: RUN_USAGE,
  async run(argv) {
    const args = parseRunArgs(argv);
    const result = await runAction(args);
    if (args.json) {
      process.stdout.write(JSON.stringify(result) + '\n');
    } else {
      const out = process.stdout;
      out.write(`\n${result.action}: ${result.outcome}\n`);
      for (const [k, v] of Object.entries(result.outputs))
        out.write(`  output ${k} = ${v.length > 200 ? v.slice(0, 200) + '…' : v}\n`);
      if (result.github.length) {
        out.write(`  GitHub writes${process.env.GITHUB_TOKEN && !args.dryRun ? '' : ' (dry-run)'}:\n`);
        for (const w of result.github) out.write(`    ${w.method} ${w.path}\n`);
      }
    }
    return result.outcome === 'success' ? 0 : 1;
  },
};
