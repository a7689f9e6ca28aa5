import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../../core/errors.js';
import { expandGlobs, repoRelative } from '../../core/files.js';
import type { GitHubAccess } from '../../core/github/client.js';
import type { RunContext } from '../../core/github/context.js';
import type { Logger } from '../../core/logger.js';
import { isParseError, parseFile } from '../../parsers/index.js';
import type { LogReport, TestReport } from '../../parsers/types.js';

export interface TriageSources {
  testReports: Array<{ source: string; report: TestReport; lines?: readonly string[] }>;
  logReports: Array<{ source: string; report: LogReport }>;
  warnings: string[];
}

const MAX_LINES_INDEX_BYTES = 20 * 1024 * 1024;

/**
 * Reads every input: test reports (any format the parsers know; a log given as a report is read
 * as a log), raw logs, and with a token the failed jobs' logs of this run. An unreadable input is
 * a warning, never a failure: triage reports on what it could read.
 */
export async function readSources(opts: {
  workspace: string;
  reports: string[];
  logs: string[];
  passingLog?: string;
  logger: Logger;
  extraLogs?: string[];
}): Promise<TriageSources> {
  const out: TriageSources = { testReports: [], logReports: [], warnings: [] };
  const warn = (m: string): void => {
    out.warnings.push(m);
    opts.logger.warning(m);
  };
  const reportFiles = await expandGlobs(opts.reports, opts.workspace);
  const logFiles = [...(await expandGlobs(opts.logs, opts.workspace)), ...(opts.extraLogs ?? [])];
  if (opts.reports.length && reportFiles.length === 0)
    warn(`No test report matched ${opts.reports.join(', ')}.`);
  if (opts.logs.length && logFiles.length === 0) warn(`No log matched ${opts.logs.join(', ')}.`);
  const passing = opts.passingLog ? join(opts.workspace, opts.passingLog) : undefined;
  for (const file of reportFiles) {
    const source = repoRelative(opts.workspace, file);
    try {
      const r = await parseFile(file, { root: opts.workspace });
      if (isParseError(r)) {
        warn(`${source}: ${r.error}`);
        continue;
      }
      if (r.kind === 'log') out.logReports.push({ source, report: r as LogReport });
      else if ('tests' in r) {
        const lines = readLinesIndex(file);
        out.testReports.push({ source, report: r, ...(lines ? { lines } : {}) });
      } else warn(`${source}: a ${r.kind} report is not a test report; ignored by ai-triage.`);
      for (const w of 'warnings' in r && r.warnings ? r.warnings : []) warn(`${source}: ${w}`);
    } catch (err) {
      warn(`${source}: could not be read (${errorMessage(err)}).`);
    }
  }
  for (const file of logFiles) {
    const source = repoRelative(opts.workspace, file);
    try {
      const r = await parseFile(file, {
        kind: 'log',
        root: opts.workspace,
        ...(passing ? { passingLogPath: passing } : {}),
      });
      if (isParseError(r)) warn(`${source}: ${r.error}`);
      else if (r.kind === 'log') {
        out.logReports.push({ source, report: r as LogReport });
        for (const w of r.warnings ?? []) warn(`${source}: ${w}`);
      }
    } catch (err) {
      warn(`${source}: could not be read (${errorMessage(err)}).`);
    }
  }
  return out;
}

/** The report's lines, to give quoted message lines their line numbers (skipped for huge files). */
function readLinesIndex(file: string): string[] | undefined {
  try {
    const buf = readFileSync(file);
    if (buf.length > MAX_LINES_INDEX_BYTES) return undefined;
    return buf.toString('utf8').split(/\r\n|\r|\n/);
  } catch {
    return undefined;
  }
}

/**
 * The failed jobs' logs of the current run attempt, written under RUNNER_TEMP so they are read
 * like any other log. Needs a token with `actions: read`.
 */
export async function fetchFailedJobLogs(
  gh: GitHubAccess,
  ctx: RunContext,
  dir: string,
  logger: Logger,
): Promise<string[]> {
  if (!gh.canRead) {
    logger.warning(
      "fetch-job-logs: no GitHub token, so the failed jobs' logs of this run could not be read.",
    );
    return [];
  }
  const files: string[] = [];
  try {
    // `filter: latest` gives the jobs of the newest attempt, which is the one running this step.
    const jobs = await gh.octokit.paginate(gh.octokit.rest.actions.listJobsForWorkflowRun, {
      owner: gh.owner,
      repo: gh.repo,
      run_id: Number(ctx.runId),
      filter: 'latest',
      per_page: 100,
    });
    mkdirSync(dir, { recursive: true });
    for (const job of jobs) {
      if (job.conclusion !== 'failure' || job.name === ctx.job) continue;
      try {
        const res = await gh.octokit.rest.actions.downloadJobLogsForWorkflowRun({
          owner: gh.owner,
          repo: gh.repo,
          job_id: job.id,
        });
        const file = join(dir, `${job.name.replace(/[^\w.-]+/g, '_')}-${job.id}.log`);
        writeFileSync(file, typeof res.data === 'string' ? res.data : String(res.data));
        files.push(file);
      } catch (err) {
        logger.warning(
          `fetch-job-logs: the log of job '${job.name}' could not be downloaded (${errorMessage(err)}).`,
        );
      }
    }
  } catch (err) {
    logger.warning(
      `fetch-job-logs: the jobs of run ${ctx.runId} could not be listed (${errorMessage(err)}).`,
    );
  }
  return files;
}
