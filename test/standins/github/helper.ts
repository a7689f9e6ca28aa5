import { startGitHubStandIn, type GitHubStandIn, type GitHubStandInOptions } from './server.js';

/**
 * Starts one GitHub stand-in for the enclosing `describe`, resets it before each test, and fails a
 * test whose requests did not conform to GitHub's OpenAPI description (an `afterEach` that throws
 * fails the test it ran after). Returns an accessor, valid inside tests and hooks.
 */
export function useGitHubStandIn(opts: GitHubStandInOptions = {}): () => GitHubStandIn {
  let standIn: GitHubStandIn | undefined;
  beforeAll(async () => {
    standIn = await startGitHubStandIn(opts);
  });
  beforeEach(() => standIn?.reset());
  afterEach(() => standIn?.assertNoFailures());
  afterAll(async () => {
    await standIn?.close();
  });
  return () => {
    if (!standIn) throw new Error('the GitHub stand-in is used outside a test');
    return standIn;
  };
}
