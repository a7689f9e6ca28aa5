/**
 * Workflow-run and jobs payloads in the shape GitHub's REST API returns them (every field the
 * OpenAPI `job` schema requires; the test validates them against it), for a run whose second
 * attempt re-ran two of its jobs ("Re-run failed jobs"): `lint` is kept from attempt 1 with its old
 * run_attempt, `test (windows)` was cancelled, and the metrics job itself is still running.
 */
import type { JobPayload, RunPayload } from '../../src/actions/ci-metrics/timings.js';

const REPO = 'octo/demo';
const API = `https://api.github.com/repos/${REPO}`;
const SHA = 'f3b0c2d1e4a5968778695a4b3c2d1e0f9a8b7c6d';
export const RUN_ID = 11873254001;

export const rerunRun: RunPayload = {
  id: RUN_ID,
  name: 'CI',
  run_attempt: 2,
  status: 'in_progress',
  conclusion: null,
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-20T10:38:30Z',
  run_started_at: '2026-11-20T10:30:00Z',
  head_branch: 'feature/metrics',
  head_sha: SHA,
  event: 'pull_request',
};

function job(
  id: number,
  name: string,
  attempt: number,
  status: 'queued' | 'in_progress' | 'completed',
  conclusion: string | null,
  createdAt: string,
  startedAt: string,
  completedAt: string | null,
  steps: JobPayload['steps'],
): JobPayload & Record<string, unknown> {
  return {
    id,
    run_id: RUN_ID,
    run_attempt: attempt,
    node_id: `CR_kwDOAbCdEf8AAAAC${id}`,
    head_sha: SHA,
    head_branch: 'feature/metrics',
    workflow_name: 'CI',
    run_url: `${API}/actions/runs/${RUN_ID}`,
    url: `${API}/actions/jobs/${id}`,
    html_url: `https://github.com/${REPO}/actions/runs/${RUN_ID}/job/${id}`,
    check_run_url: `${API}/check-runs/${id}`,
    name,
    status,
    conclusion,
    created_at: createdAt,
    started_at: startedAt,
    completed_at: completedAt,
    steps,
    labels: ['ubuntu-latest'],
    runner_id: status === 'queued' ? null : 1000 + (id % 100),
    runner_name: status === 'queued' ? null : 'GitHub Actions 1000',
    runner_group_id: status === 'queued' ? null : 2,
    runner_group_name: status === 'queued' ? null : 'GitHub Actions',
  };
}

export const rerunJobs: JobPayload[] = [
  job(
    33001,
    'lint',
    1,
    'completed',
    'success',
    '2026-11-20T10:00:02Z',
    '2026-11-20T10:00:10Z',
    '2026-11-20T10:01:40Z',
    [
      {
        name: 'Set up job',
        number: 1,
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-11-20T10:00:10Z',
        completed_at: '2026-11-20T10:00:12Z',
      },
      {
        name: 'Run npm run lint',
        number: 2,
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-11-20T10:00:12Z',
        completed_at: '2026-11-20T10:01:39Z',
      },
    ],
  ),
  job(
    33107,
    'test (ubuntu-latest)',
    2,
    'completed',
    'success',
    '2026-11-20T10:30:01Z',
    '2026-11-20T10:30:46Z',
    '2026-11-20T10:38:16Z',
    [
      {
        name: 'Set up job',
        number: 1,
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-11-20T10:30:46Z',
        completed_at: '2026-11-20T10:30:49Z',
      },
      {
        name: 'Run npm test',
        number: 2,
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-11-20T10:30:49Z',
        completed_at: '2026-11-20T10:38:10Z',
      },
      {
        name: 'Complete job',
        number: 3,
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-11-20T10:38:10Z',
        completed_at: '2026-11-20T10:38:16Z',
      },
    ],
  ),
  job(
    33108,
    'test (windows-latest)',
    2,
    'completed',
    'cancelled',
    '2026-11-20T10:30:01Z',
    '2026-11-20T10:31:05Z',
    '2026-11-20T10:33:05Z',
    [
      {
        name: 'Set up job',
        number: 1,
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-11-20T10:31:05Z',
        completed_at: '2026-11-20T10:31:15Z',
      },
      {
        name: 'Run npm test',
        number: 2,
        status: 'completed',
        conclusion: 'cancelled',
        started_at: '2026-11-20T10:31:15Z',
        completed_at: '2026-11-20T10:33:04Z',
      },
      {
        name: 'Upload report',
        number: 3,
        status: 'completed',
        conclusion: 'skipped',
        started_at: null,
        completed_at: null,
      },
    ],
  ),
  job(33120, 'ci-metrics', 2, 'in_progress', null, '2026-11-20T10:38:20Z', '2026-11-20T10:38:30Z', null, [
    {
      name: 'Set up job',
      number: 1,
      status: 'completed',
      conclusion: 'success',
      started_at: '2026-11-20T10:38:30Z',
      completed_at: '2026-11-20T10:38:32Z',
    },
    {
      name: 'Run ai-ci/actions/ci-metrics',
      number: 2,
      status: 'in_progress',
      conclusion: null,
      started_at: '2026-11-20T10:38:32Z',
      completed_at: null,
    },
  ]),
];
