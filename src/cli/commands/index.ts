import type { CliCommand } from './types.js';

/** A sub-command as the usage text lists it; its module loads only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

/**
 * Every `ai-ci` sub-command, in the order the usage text lists them. Loaded lazily: an action's
 * entry imports the CLI's module too, and must not pay for the parsers or the cache client.
 */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'run',
    summary: 'run an action on a local checkout, as the runner would',
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'parse',
    summary: 'parse test reports, CI logs, coverage and vulnerability reports',
    load: async () => (await import('./parse.js')).parseCommand,
  },
  {
    name: 'cache',
    summary: 'decision-cache statistics (hits, misses, time saved) or clear it',
    load: async () => (await import('./cache.js')).cacheCommand,
  },
  {
    name: 'demo',
    summary: 'run the whole chain on a bundled sample project with a failing change',
    load: async () => (await import('./demo.js')).demoCommand,
  },
];
