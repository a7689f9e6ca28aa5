import { appendFileSync } from 'node:fs';
import type { Logger } from '../logger.js';
import { registerSecret } from '../redact.js';
import { readRunContext } from './context.js';
import { createOctokit, type GitHubWrite, type Octokit } from './octokit.js';

/** What an action gets to talk to GitHub, and what it may do with it. */
export interface GitHubAccess {
  octokit: Octokit;
  /** There is a token: reads work. Without one every read throws `GitHubReadSkipped`. */
  canRead: boolean;
  /** Writes go to the dry-run sink (`AI_CI_DRY_RUN=true` or no token), not to GitHub. */
  dryRun: boolean;
  owner: string;
  repo: string;
}

function isTrue(v: string | undefined): boolean {
  return /^(?:true|1|yes|on)$/i.test((v ?? '').trim());
}

/**
 * The GitHub client of an action, from the runner's environment: the token from the
 * `github-token` input or `GITHUB_TOKEN`, the API URL from `GITHUB_API_URL` (GHES), the repository
 * from `GITHUB_REPOSITORY`. When `AI_CI_GITHUB_LOG` names a file, every write (real or dry-run) is
 * appended to it as one JSON line `{"method","path","body"}`; `ai-ci run --json` reads it.
 */
export function githubFromEnv(logger: Logger, env: NodeJS.ProcessEnv = process.env): GitHubAccess {
  const token =
    (env['INPUT_GITHUB-TOKEN'] || env.INPUT_GITHUB_TOKEN || env.GITHUB_TOKEN || '').trim() || undefined;
  registerSecret(token);
  const dryRun = isTrue(env.AI_CI_DRY_RUN) || !token;
  if (!token)
    logger.info('No GitHub token: reads that need the API are skipped, writes go to the dry-run log.');
  const logFile = env.AI_CI_GITHUB_LOG?.trim() || undefined;
  const onWrite = logFile
    ? (w: GitHubWrite): void => {
        appendFileSync(logFile, `${JSON.stringify({ method: w.method, path: w.path, body: w.body })}\n`);
      }
    : undefined;
  const ctx = readRunContext(env);
  const octokit = createOctokit({
    token,
    baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
    logger,
    dryRun,
    onWrite,
    env,
  });
  return { octokit, canRead: token !== undefined, dryRun, owner: ctx.owner, repo: ctx.repo };
}
