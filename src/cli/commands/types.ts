/** A sub-command of the `ai-ci` CLI. Returns the process exit code (0 ok, 1 failure, 2 usage). */
export interface CliCommand {
  name: string;
  /** One line for the usage text. */
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** A mistake in the command line itself: exit code 2 with the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
