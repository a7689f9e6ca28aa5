import * as core from '../../core/runner-commands.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onActionExit } from '../../core/action.js';
import type { Store } from '../../core/cache/index.js';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { repoRelative } from '../../core/files.js';
import type { GitHubAccess } from '../../core/github/client.js';
import { readRunContext, type RunContext } from '../../core/github/context.js';
import { Inputs } from '../../core/inputs.js';
import { actionsLogger, type Logger } from '../../core/logger.js';
import { redact } from '../../core/redact.js';
import { buildFacts, type BaseOutcomes } from './build-facts.js';
import { type Facts, statusOf } from './facts.js';
import { getInputs } from './inputs.js';
import { isOurComment, type Prose, renderComment, templateProse } from './render.js';
import type { PostResult } from './sticky.js';

/**
 * JSON.stringify replacer: each string is redacted before it is serialized. Redacting the JSON
 * text afterwards misses secrets whose context got escaped (`\"token\": \"...\"`, `\n` in keys).
 */
function redactStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? redact(value) : value;
}

export const ARTIFACT_FILE = 'pr-feedback-artifact.json';

/** What a fork PR's run leaves for the `workflow_run` companion: facts only, never markup. */
interface ForkArtifact {
  type: 'ai-ci/feedback-artifact';
  version: 1;
  pr: number;
  headSha: string;
  runNumber: number;
  facts: Facts;
}

async function baseOutcomes(
  ctx: RunContext,
  store: Store,
  logger: Logger,
): Promise<BaseOutcomes | undefined> {
  try {
    const { BaselineStore } = await import('../../core/baseline/index.js');
    const history = await new BaselineStore(store, {
      logger,
      repo: ctx.repository,
      branch: ctx.defaultBranch ?? 'main',
    }).loadTestHistory();
    const out = new Map<string, 'passed' | 'failed'>();
    for (const [name, outcomes] of Object.entries(history.tests)) {
      const last = [...outcomes].reverse().find((o) => o.sha !== ctx.sha && o.outcome !== 'skipped');
      if (last) out.set(name, last.outcome === 'passed' ? 'passed' : 'failed');
    }
    return out;
  } catch (err) {
    logger.warning(
      `pr-feedback: no test history (${errorMessage(err)}); failures are not split into new and still failing.`,
    );
    return undefined;
  }
}

function isForkPr(ctx: RunContext): boolean {
  const pr = ctx.payload.pull_request as { head?: { repo?: { full_name?: string } | null } } | undefined;
  const head = pr?.head?.repo?.full_name;
  return ctx.eventName === 'pull_request' && head !== undefined && head !== ctx.repository;
}

export async function run(): Promise<void> {
  const inputs = new Inputs();
  const artifactDir = inputs.string('from-artifact');
  if (artifactDir) return postFromArtifact(artifactDir);

  const settings = getInputs(inputs);
  const logger = actionsLogger();
  const ctx = readRunContext();
  logger.info(
    `pr-feedback: reading ${settings.reports.join(', ')}${settings.testResults.length ? ` and ${settings.testResults.join(', ')}` : ''}; comment-mode ${settings.commentMode}.`,
  );
  const workspace = ctx.workspace;
  // Heavy collaborators load after the inputs are known to be usable: start-up stays small.
  const [{ collect }, { budgetStore, openStore }, { githubFromEnv }, { upsertStickyComment }] =
    await Promise.all([
      import('./collect.js'),
      import('../../core/cache/index.js'),
      import('../../core/github/client.js'),
      import('./sticky.js'),
    ]);
  const collected = await collect({ workspace, ...settings, logger });
  const store = await openStore({ action: 'pr-feedback', repo: ctx.repository, logger });
  onActionExit(() => store.close());
  const runNumber = Number(ctx.runNumber) || 0;
  const facts = buildFacts(collected, {
    headSha: headShaOf(ctx),
    runNumber,
    runUrl: ctx.runId !== '0' ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}` : null,
    base: await baseOutcomes(ctx, store, logger),
  });
  const status = statusOf(facts);

  let prose: Prose = templateProse(facts);
  let proseNote = 'prose: template (no LLM)';
  if (settings.llmEnabled && status !== 'neutral') {
    const [{ createLlmClient }, { llmProse }] = await Promise.all([
      import('../../core/llm/client.js'),
      import('./prose.js'),
    ]);
    const llm = createLlmClient(settings.llm, {
      logger,
      action: 'pr-feedback',
      repository: ctx.repository,
      runId: ctx.runId,
      budgetStore: budgetStore(store),
    });
    onActionExit(() => llm.close());
    const r = await llmProse(llm, facts);
    if (r.prose) {
      prose = r.prose;
      proseNote = 'prose: LLM';
    } else proseNote = `prose: template (${r.reason ?? 'no LLM'})`;
  }
  const meta = { sha: facts.headSha, run: runNumber };
  const { body, truncated } = renderComment(facts, prose, meta);
  const full = renderComment(facts, prose, meta, Number.MAX_SAFE_INTEGER).body;
  const safeBody = redact(body);

  const outDir = join(workspace, settings.outputDir);
  mkdirSync(outDir, { recursive: true });
  const bodyPath = join(outDir, 'pr_comment.md');
  writeFileSync(bodyPath, safeBody);

  let post: PostResult | undefined;
  let skipped: string | undefined;
  const pr = ctx.pullNumber;
  if (pr === undefined) skipped = `not a pull request event (${ctx.eventName})`;
  else if (settings.commentMode === 'off') skipped = 'comment-mode is off';
  else if (isForkPr(ctx)) {
    const artifact: ForkArtifact = {
      type: 'ai-ci/feedback-artifact',
      version: 1,
      pr,
      headSha: facts.headSha,
      runNumber,
      facts,
    };
    writeFileSync(join(outDir, ARTIFACT_FILE), JSON.stringify(artifact, redactStrings));
    skipped = `fork pull request: the token is read-only, so the comment was saved as ${settings.outputDir}/${ARTIFACT_FILE} for the pr-feedback-fork workflow to post`;
  } else {
    const gh = githubFromEnv(logger);
    const quiet =
      settings.commentMode === 'failures'
        ? status !== 'failure'
        : settings.commentMode === 'changes'
          ? status === 'success'
          : false;
    try {
      if (quiet && !(await hasOurComment(gh, pr)))
        skipped = `comment-mode is ${settings.commentMode} and there is nothing to report`;
      else post = await upsertStickyComment(gh, pr, safeBody, meta, logger, { settleMs: 200 });
    } catch (err) {
      // A comment that cannot be posted must not fail the build: the job summary has everything.
      logger.warning(
        `pr-feedback: the PR comment could not be posted (${errorMessage(err)}); see the job summary.`,
      );
      skipped = `GitHub API error: ${errorMessage(err)}`;
    }
  }
  if (skipped) logger.info(`pr-feedback: no comment posted: ${skipped}.`);

  const reportPath = join(outDir, 'feedback_report.json');
  writeFileSync(
    reportPath,
    JSON.stringify(
      {
        type: 'ai-ci/feedback',
        version: 1,
        status,
        comment: post
          ? { id: post.id, url: post.url, action: post.action, deleted_duplicates: post.deleted }
          : null,
        skipped: skipped ?? null,
        truncated,
        prose: prose.source,
        body_path: repoRelative(workspace, bodyPath),
        facts,
      },
      redactStrings,
      2,
    ) + '\n',
  );
  core.setOutput('comment-id', post?.id != null ? String(post.id) : '');
  core.setOutput('comment-url', post?.url ?? '');
  core.setOutput('body-path', repoRelative(workspace, bodyPath));
  core.setOutput('status', status);
  core.setOutput('report-path', repoRelative(workspace, reportPath));
  const summaryNotes = [
    proseNote,
    ...(truncated ? ["the PR comment was shortened to fit GitHub's limit; this summary is complete"] : []),
    ...(skipped ? [`no comment: ${skipped}`] : []),
  ];
  await core.summary
    .addRaw(redact(full))
    .addRaw(`\n\n<sub>${summaryNotes.join(' · ')}</sub>\n`)
    .write();
}

function headShaOf(ctx: RunContext): string {
  const pr = ctx.payload.pull_request as { head?: { sha?: string } } | undefined;
  return pr?.head?.sha ?? ctx.sha;
}

async function hasOurComment(gh: GitHubAccess, pr: number): Promise<boolean> {
  if (!gh.canRead) return false;
  const all = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
    owner: gh.owner,
    repo: gh.repo,
    issue_number: pr,
    per_page: 100,
  });
  return all.some((c) => isOurComment(c.body));
}

/**
 * The `workflow_run` companion for fork PRs: posts the comment a fork's read-only run saved. The
 * artifact is untrusted (the fork's code ran in that job): only its facts are used, re-rendered
 * and escaped here, and its PR number must belong to the run's head commit.
 */
async function postFromArtifact(dir: string): Promise<void> {
  const logger = actionsLogger();
  const ctx = readRunContext();
  const file = join(ctx.workspace, dir, ARTIFACT_FILE);
  let artifact: ForkArtifact;
  try {
    artifact = JSON.parse(readFileSync(file, 'utf8')) as ForkArtifact;
  } catch (err) {
    throw new ConfigurationError(`from-artifact: ${file} is not readable JSON (${errorMessage(err)}).`);
  }
  if (
    artifact?.type !== 'ai-ci/feedback-artifact' ||
    !Number.isInteger(artifact.pr) ||
    artifact.pr <= 0 ||
    !artifact.facts
  ) {
    throw new ConfigurationError(`from-artifact: ${file} is not a pr-feedback artifact.`);
  }
  const wr = ctx.payload.workflow_run as
    { head_sha?: string; run_number?: number; html_url?: string } | undefined;
  const headSha = wr?.head_sha ?? '';
  const [{ githubFromEnv }, { upsertStickyComment }] = await Promise.all([
    import('../../core/github/client.js'),
    import('./sticky.js'),
  ]);
  const gh = githubFromEnv(logger);
  const pull = await gh.octokit.rest.pulls.get({ owner: gh.owner, repo: gh.repo, pull_number: artifact.pr });
  if (!headSha || pull.data.head.sha !== headSha) {
    throw new ConfigurationError(
      `from-artifact: PR #${artifact.pr}'s head (${pull.data.head.sha}) is not the workflow run's head (${headSha || 'unknown'}); not posting.`,
    );
  }
  // Links come from the trusted event, never from the artifact.
  const facts: Facts = {
    ...artifact.facts,
    headSha,
    runNumber: wr?.run_number ?? artifact.runNumber,
    runUrl: wr?.html_url ?? null,
    autofix: null,
  };
  const meta = { sha: headSha, run: facts.runNumber };
  const { body } = renderComment(facts, templateProse(facts), meta);
  const post = await upsertStickyComment(gh, artifact.pr, redact(body), meta, logger, { settleMs: 200 });
  core.setOutput('comment-id', post.id != null ? String(post.id) : '');
  core.setOutput('comment-url', post.url ?? '');
  core.setOutput('status', statusOf(facts));
}
