import { openStore } from '../../core/cache/open-store.js';
import {
  clearDecisions,
  decisionStats,
  type ActionCacheStats,
  type CacheStats,
} from '../../core/cache/decision-cache.js';
import { cliLogger, type Logger } from '../../core/logger.js';
import { UsageError, type CliCommand } from './types.js';

const USAGE = 'ai-ci cache stats [--action A] [--json] | ai-ci cache clear [--action A]';

interface CacheArgs {
  sub: 'stats' | 'clear';
  action?: string;
  json: boolean;
}

export function parseCacheArgs(argv: string[]): CacheArgs {
  const [sub, ...rest] = argv;
  if (sub !== 'stats' && sub !== 'clear')
    throw new UsageError(sub ? `unknown cache sub-command '${sub}'` : 'missing sub-command (stats or clear)');
  const args: CacheArgs = { sub, json: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json' && sub === 'stats') args.json = true;
    else if (a === '--action' || a.startsWith('--action=')) {
      const v = a === '--action' ? rest[++i] : a.slice('--action='.length);
      if (!v || v.startsWith('--'))
        throw new UsageError('--action needs an action name, e.g. --action ai-triage');
      args.action = v;
    } else throw new UsageError(`unknown option '${a}' for cache ${sub}`);
  }
  return args;
}

function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** The stats as a small table: one row per action, then the overall row. */
export function formatStats(stats: CacheStats): string {
  const header = ['action', 'hits', 'misses', 'hit rate', 'entries', 'time saved'];
  const row = (name: string, s: Omit<ActionCacheStats, 'action'>) => [
    name,
    String(s.hits),
    String(s.misses),
    s.hits + s.misses > 0 ? `${(s.hitRate * 100).toFixed(1)}%` : '-',
    String(s.entries),
    formatMs(s.timeSavedMs),
  ];
  const rows = [header, ...stats.actions.map((a) => row(a.action, a)), row('overall', stats.overall)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '),
  );
  return [`Decision cache on the ${stats.tier} tier`, ...lines].join('\n');
}

export interface CacheCommandIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  logger: Logger;
}

/** `ai-ci cache ...` against whichever tier the environment selects. */
export async function runCache(argv: string[], io: CacheCommandIo): Promise<number> {
  const args = parseCacheArgs(argv);
  const store = await openStore({ action: 'cli', logger: io.logger, env: io.env });
  try {
    if (args.sub === 'stats') {
      const stats = await decisionStats(store, args.action);
      io.stdout(args.json ? `${JSON.stringify(stats)}\n` : `${formatStats(stats)}\n`);
      return 0;
    }
    const removed = await clearDecisions(store, args.action);
    io.stdout(
      `Removed ${removed} cached decision(s)${args.action ? ` of ${args.action}` : ''} and their counters from the ${store.tier} tier.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

export const cacheCommand: CliCommand = {
  name: 'cache',
  summary: 'decision-cache statistics (hits, misses, time saved) or clear it',
  usage: USAGE,
  run: (argv) =>
    runCache(argv, { env: process.env, stdout: (t) => process.stdout.write(t), logger: cliLogger() }),
};
