import { readFileSync } from 'node:fs';

/** What a workflow run tells an action about itself, read once from the runner's environment. */
export interface RunContext {
  /** `owner/name`. */
  repository: string;
  owner: string;
  repo: string;
  eventName: string;
  /** The webhook payload (`GITHUB_EVENT_PATH`), `{}` when absent or unreadable. */
  payload: Record<string, unknown>;
  sha: string;
  ref: string;
  /** Branch name for branch refs (`refs/heads/x` -> `x`), the head branch for pull requests. */
  branch: string | undefined;
  defaultBranch: string | undefined;
  runId: string;
  runNumber: string;
  runAttempt: string;
  job: string;
  workflow: string;
  workspace: string;
  apiUrl: string;
  serverUrl: string;
  /** The pull request number when the event is about one. */
  pullNumber: number | undefined;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
      if (parsed && typeof parsed === 'object') payload = parsed as Record<string, unknown>;
    } catch {
      // An unreadable payload is treated as no payload: the run context still has env values.
    }
  }
  const repository = env.GITHUB_REPOSITORY ?? 'local/unknown';
  const [owner, repo] = repository.includes('/') ? repository.split('/', 2) : ['local', repository];
  const ref = env.GITHUB_REF ?? '';
  const pr = asRecord(payload.pull_request);
  const repoPayload = asRecord(payload.repository);
  const prHead = asRecord(pr?.head);
  const branch =
    env.GITHUB_HEAD_REF || (typeof prHead?.ref === 'string' ? prHead.ref : undefined) || branchOfRef(ref);
  const number =
    typeof pr?.number === 'number'
      ? pr.number
      : typeof payload.number === 'number'
        ? payload.number
        : undefined;
  return {
    repository,
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? 'push',
    payload,
    sha: env.GITHUB_SHA ?? '',
    ref,
    branch,
    defaultBranch:
      env.AI_CI_DEFAULT_BRANCH ||
      (typeof repoPayload?.default_branch === 'string' ? repoPayload.default_branch : undefined),
    runId: env.GITHUB_RUN_ID ?? '0',
    runNumber: env.GITHUB_RUN_NUMBER ?? '0',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    job: env.GITHUB_JOB ?? 'local',
    workflow: env.GITHUB_WORKFLOW ?? 'local',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    pullNumber: number,
  };
}

export function branchOfRef(ref: string): string | undefined {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  return undefined;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
