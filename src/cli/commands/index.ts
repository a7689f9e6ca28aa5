import type { CliCommand } from './types.js';
import { cacheCommand } from './cache.js';
import { parseCommand } from './parse.js';
import { runCommand } from './run.js';

/** Every `ai-ci` sub-command, in the order the usage text lists them. */
export const COMMANDS: CliCommand[] = [runCommand, parseCommand, cacheCommand];
