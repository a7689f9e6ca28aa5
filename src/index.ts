// The one shared bundle (dist/index.js): the CLI and every action's entry import from here.
export { cliMain, startAction } from './cli/main.js';
