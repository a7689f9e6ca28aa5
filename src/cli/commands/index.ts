import type { CliCommand } from './types.js';
import { runCommand } from './run.js';

/** Every `ai-ci` sub-command, in the order the usage text lists them. */
export const COMMANDS: CliCommand[] = [runCommand];
