/**
 * A mistake the user can fix (bad input, unreadable report): reported as one line naming the input
 * and the fix, never as a stack (codeql-action's ConfigurationError).
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** An optional service (Redis, Ollama, a metrics sink) is unavailable: degrade with a warning. */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
  constructor(
    readonly service: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
