import type { Octokit } from '../../core/github/octokit.js';
import type { JobPayload, RunPayload } from './timings.js';

export interface RunPayloads {
  run: RunPayload;
  jobs: JobPayload[];
}

/**
 * The run and the jobs of its latest attempt. `filter=latest` lists the newest execution of every
 * job: the re-run ones with the new `run_attempt`, the ones a partial re-run kept with their old one.
 */
export async function fetchRun(
  octokit: Octokit,
  where: { owner: string; repo: string; runId: number },
): Promise<RunPayloads> {
  const { data: run } = await octokit.rest.actions.getWorkflowRun({
    owner: where.owner,
    repo: where.repo,
    run_id: where.runId,
  });
  const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
    owner: where.owner,
    repo: where.repo,
    run_id: where.runId,
    filter: 'latest',
    per_page: 100,
  });
  return { run, jobs };
}
