import * as core from '../../core/runner-commands.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onActionExit } from '../../core/action.js';
import type { Store } from '../../core/cache/index.js';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { repoRelative } from '../../core/files.js';
import { readRunContext, type RunContext } from '../../core/github/context.js';
import { actionsLogger, type Logger } from '../../core/logger.js';
import { redact } from '../../core/redact.js';
import type { RootCause, TriageReport } from '../ai-triage/types.js';
import { deterministicFix } from './fixers.js';
import { getInputs, type AutoFixSettings } from './inputs.js';
import { applyCheck, runCommand, withPatch } from './local-git.js';
import { parseUnifiedDiff, touchedPaths } from './patch.js';
import { defaultAllowed, validatePatch } from './validate.js';

export type Outcome = 'proposed' | 'opened' | 'skipped' | 'rejected' | 'failed-verification';

export interface AutoFixReport {
  type: 'ai-ci/autofix';
  version: 1;
  outcome: Outcome;
  reason: string;
  fingerprint: string | null;
  kind: string | null;
  title: string | null;
  fixer: string | null;
  patch_path: string | null;
  patch_sha256: string | null;
  files: string[];
  lines_changed: number;
  explanation: string | null;
  confidence: number | null;
  testing: string | null;
  model: string | null;
  prompt_hash: string | null;
  cost_usd: number;
  verify: { command: string; exit_code: number; timed_out: boolean; passed: boolean } | null;
  problems: string[];
  target_branch: string | null;
  pr_number: number | null;
  pr_url: string | null;
  branch: string | null;
}

function emptyReport(outcome: Outcome, reason: string): AutoFixReport {
  return {
    type: 'ai-ci/autofix',
    version: 1,
    outcome,
    reason,
    fingerprint: null,
    kind: null,
    title: null,
    fixer: null,
    patch_path: null,
    patch_sha256: null,
    files: [],
    lines_changed: 0,
    explanation: null,
    confidence: null,
    testing: null,
    model: null,
    prompt_hash: null,
    cost_usd: 0,
    verify: null,
    problems: [],
    target_branch: null,
    pr_number: null,
    pr_url: null,
    branch: null,
  };
}

const attemptsKey = (fp: string): string => `autofix:attempts:${fp}`;
const prKey = (fp: string): string => `autofix:pr:${fp}`;

/** The verify command runs code an LLM wrote: it gets no token, key or password from this job. */
export function scrubbedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (
      /TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|CREDENTIAL|PRIVATE|REDIS_URL|ACTIONS_RUNTIME|ACTIONS_ID_TOKEN|ACTIONS_CACHE_URL|ACTIONS_RESULTS_URL|^INPUT_/i.test(
        k,
      )
    )
      continue;
    out[k] = v;
  }
  return out;
}

function targetBranch(ctx: RunContext, settings: AutoFixSettings): { branch: string | null; why: string } {
  const pr = ctx.payload.pull_request as
    { head?: { ref?: string; repo?: { full_name?: string } | null } } | undefined;
  if (pr) {
    if (pr.head?.repo?.full_name && pr.head.repo.full_name !== ctx.repository)
      return { branch: null, why: 'fork pull request: no fix PR; the patch is attached to the run' };
    return { branch: pr.head?.ref ?? null, why: "the pull request's head branch" };
  }
  return {
    branch: settings.baseBranch ?? ctx.branch ?? ctx.defaultBranch ?? null,
    why: 'the branch that failed',
  };
}

/** The PR body's row naming the root cause: how an open fix PR is recognised on GitHub. */
function fingerprintRow(fingerprint: string): string {
  return `| triage fingerprint | \`${fingerprint}\` |`;
}

function prBody(r: AutoFixReport): string {
  return redact(
    [
      `Automated fix proposed by **ai-ci auto-fix** for a failing CI check. It was verified before this PR was opened; please review it like any other change.`,
      '',
      `| | |`,
      `| --- | --- |`,
      `| root cause | ${r.kind}: ${(r.title ?? '').replace(/\|/g, '\\|').replace(/[<>]/g, '')} |`,
      `| confidence | ${r.confidence ?? 'n/a'} |`,
      `| fixed by | ${r.fixer === 'llm' ? `LLM (${r.model})` : r.fixer} |`,
      `| verified with | \`${(r.verify?.command ?? '').replace(/`/g, '')}\` (exit ${r.verify?.exit_code}) |`,
      fingerprintRow(r.fingerprint ?? ''),
      `| prompt hash | \`${r.prompt_hash ?? 'n/a'}\` |`,
      `| estimated cost | $${r.cost_usd.toFixed(4)} |`,
      '',
      r.explanation ? `### Why\n\n${r.explanation.replace(/@(?=\w)/g, '@\u200b')}\n` : '',
      r.testing ? `### How to test\n\n${r.testing.replace(/@(?=\w)/g, '@\u200b')}\n` : '',
      '<sub>Opened with the workflow token, this PR does not start workflows by itself; push to it or re-run checks to test it.</sub>',
    ].join('\n'),
  );
}

function loadTriage(workspace: string, path: string): TriageReport {
  const abs = join(workspace, path);
  if (!existsSync(abs))
    throw new ConfigurationError(
      `triage-report '${path}' does not exist. Run ai-triage first, or set triage-report.`,
    );
  try {
    const doc = JSON.parse(readFileSync(abs, 'utf8')) as TriageReport;
    if (doc.type !== 'ai-ci/triage') throw new Error(`type is '${String(doc.type)}'`);
    return doc;
  } catch (err) {
    throw new ConfigurationError(
      `triage-report '${path}' is not an ai-ci/triage report (${errorMessage(err)}).`,
    );
  }
}

async function propose(
  settings: AutoFixSettings,
  ctx: RunContext,
  store: Store,
  logger: Logger,
): Promise<{ report: AutoFixReport; patch?: string }> {
  const workspace = ctx.workspace;
  const triage = loadTriage(workspace, settings.triageReport);
  if (triage.fix_confidence < settings.confidenceThreshold) {
    return {
      report: emptyReport(
        'skipped',
        `fix confidence ${triage.fix_confidence} is below the threshold ${settings.confidenceThreshold}`,
      ),
    };
  }
  const candidates = triage.root_causes
    .filter((r) => r.fixable && !r.flaky && !r.infra && r.fix_confidence >= settings.confidenceThreshold)
    .sort((a, b) => b.fix_confidence - a.fix_confidence);
  let rc: RootCause | undefined;
  const passedOver: string[] = [];
  for (const c of candidates) {
    const pr = await store.get(prKey(c.fingerprint));
    if (pr) {
      passedOver.push(`${c.fingerprint} already has a fix PR (${(JSON.parse(pr) as { url: string }).url})`);
      continue;
    }
    const attempts = Number((await store.get(attemptsKey(c.fingerprint))) ?? 0);
    if (attempts >= settings.maxAttempts) {
      passedOver.push(
        `${c.fingerprint} was attempted ${attempts} times (max-attempts ${settings.maxAttempts}); auto-fix has stopped trying it`,
      );
      continue;
    }
    rc = c;
    break;
  }
  if (!rc)
    return {
      report: emptyReport('skipped', passedOver.length ? passedOver.join('; ') : 'no root cause is fixable'),
    };

  const report = emptyReport('rejected', '');
  Object.assign(report, { fingerprint: rc.fingerprint, kind: rc.kind, title: rc.title });
  const files = [rc.file, ...rc.victims.map((v) => v.file)].filter((f): f is string => !!f);
  const policy = {
    allowed: settings.allowedPaths ?? defaultAllowed(files),
    maxFiles: settings.maxFiles,
    maxLines: settings.maxLines,
  };
  const env = scrubbedEnv(process.env);

  let patch: string | undefined;
  const fixed = await deterministicFix(workspace, rc, files, env, logger);
  if (fixed) {
    patch = fixed.patch;
    Object.assign(report, {
      fixer: fixed.tool,
      confidence: 1,
      explanation: `${fixed.tool} fixed the ${rc.kind} problem.`,
      testing: 'Run the linter again.',
    });
  } else {
    const [{ createLlmClient }, { proposeWithLlm }, { budgetStore }] = await Promise.all([
      import('../../core/llm/client.js'),
      import('./llm-fix.js'),
      import('../../core/cache/index.js'),
    ]);
    const llm = createLlmClient(settings.llm, {
      logger,
      action: 'auto-fix',
      repository: ctx.repository,
      runId: ctx.runId,
      budgetStore: budgetStore(store),
    });
    onActionExit(() => llm.close());
    await store.incr(attemptsKey(rc.fingerprint));
    const res = await proposeWithLlm(llm, rc, workspace);
    if (!res.ok)
      return { report: { ...report, outcome: 'skipped', reason: `no fix proposed: ${res.reason}` } };
    patch = res.fix.diff;
    Object.assign(report, {
      fixer: 'llm',
      explanation: res.fix.explanation,
      confidence: res.fix.confidence,
      testing: res.fix.testing,
      model: res.model,
      prompt_hash: res.promptHash,
      cost_usd: res.costUsd,
    });
    if (res.fix.confidence < settings.confidenceThreshold) {
      return {
        report: {
          ...report,
          outcome: 'rejected',
          reason: `the LLM's own confidence ${res.fix.confidence} is below ${settings.confidenceThreshold}`,
        },
      };
    }
  }

  const parsed = parseUnifiedDiff(patch);
  report.files = touchedPaths(parsed);
  report.lines_changed = parsed.reduce((n, f) => n + f.added.length + f.removed.length, 0);
  const verdict = validatePatch(parsed, policy);
  const applies = verdict.ok ? await applyCheck(workspace, patch) : undefined;
  if (!verdict.ok || applies) {
    report.problems = [...verdict.problems, ...(applies ? [`does not apply cleanly: ${applies}`] : [])];
    return {
      report: {
        ...report,
        outcome: 'rejected',
        reason: `the patch failed validation: ${report.problems.join('; ')}`,
      },
    };
  }
  if (!settings.verifyCommand)
    return {
      report: {
        ...report,
        outcome: 'rejected',
        reason: 'no way to verify: set verify-command (e.g. the failing test only)',
      },
    };

  const result = await withPatch(workspace, patch, () =>
    runCommand(workspace, settings.verifyCommand!, settings.verifyTimeoutMs, env),
  );
  report.verify = {
    command: settings.verifyCommand,
    exit_code: result.exitCode,
    timed_out: result.timedOut,
    passed: result.exitCode === 0 && !result.timedOut,
  };
  if (!report.verify.passed) {
    logger.info(`auto-fix: verification output (tail):\n${redact(result.output.slice(-4000))}`);
    return {
      report: {
        ...report,
        outcome: 'failed-verification',
        reason: result.timedOut
          ? 'the verify command timed out with the patch applied'
          : `the verify command still fails with the patch applied (exit ${result.exitCode})`,
      },
    };
  }
  const target = targetBranch(ctx, settings);
  report.target_branch = target.branch;
  return {
    report: {
      ...report,
      outcome: 'proposed',
      reason: `verified with '${settings.verifyCommand}'; target: ${target.branch ?? 'none'} (${target.why})`,
    },
    patch,
  };
}

async function apply(
  settings: AutoFixSettings,
  ctx: RunContext,
  store: Store,
  logger: Logger,
  proposed?: { report: AutoFixReport; patch: string },
): Promise<AutoFixReport> {
  const workspace = ctx.workspace;
  let report: AutoFixReport;
  let patch: string;
  if (proposed) ({ report, patch } = proposed);
  else {
    const reportPath = join(workspace, settings.outputDir, 'autofix_report.json');
    if (!existsSync(reportPath))
      throw new ConfigurationError(
        `mode 'apply' needs the propose step's ${settings.outputDir}/autofix_report.json (download its artifact first).`,
      );
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as AutoFixReport;
    if (report.outcome !== 'proposed')
      return {
        ...report,
        reason: `nothing to apply: the propose step ended '${report.outcome}' (${report.reason})`,
      };
    const patchPath = join(workspace, settings.patch ?? report.patch_path ?? '');
    if (!existsSync(patchPath))
      throw new ConfigurationError(`patch '${settings.patch ?? report.patch_path}' does not exist.`);
    patch = readFileSync(patchPath, 'utf8');
    const digest = createHash('sha256').update(patch).digest('hex');
    if (digest !== report.patch_sha256)
      return {
        ...report,
        outcome: 'rejected',
        reason: 'the patch differs from the one that was verified (digest mismatch); not published',
      };
    // The artifact crossed a job boundary: the rules are checked again before anything is written.
    const verdict = validatePatch(parseUnifiedDiff(patch), {
      allowed: settings.allowedPaths ?? ['**'],
      maxFiles: settings.maxFiles,
      maxLines: settings.maxLines,
    });
    if (!verdict.ok)
      return {
        ...report,
        outcome: 'rejected',
        reason: `the patch failed validation: ${verdict.problems.join('; ')}`,
        problems: verdict.problems,
      };
  }
  if (!report.verify?.passed)
    return { ...report, outcome: 'rejected', reason: 'the patch was not verified; not published' };
  const target = targetBranch(ctx, settings);
  if (!target.branch) return { ...report, outcome: 'proposed', reason: target.why };
  const [{ githubFromEnv }, { branchName, findOpenFixPr, publishFix }] = await Promise.all([
    import('../../core/github/client.js'),
    import('./publish.js'),
  ]);
  const gh = githubFromEnv(logger);
  if (!gh.canRead)
    return {
      ...report,
      outcome: 'proposed',
      reason: 'no GitHub token: the verified patch is attached to the run, no PR opened',
    };
  // The store's PR record can be missing (Actions cache outage, a runner's lost file cache):
  // GitHub itself is asked before a second PR for the same root cause is opened.
  const open = report.fingerprint
    ? await findOpenFixPr(gh, target.branch, fingerprintRow(report.fingerprint))
    : undefined;
  if (open) {
    if (!gh.dryRun && report.fingerprint)
      await store.set(prKey(report.fingerprint), JSON.stringify({ number: open.number, url: open.url }));
    return {
      ...report,
      outcome: 'skipped',
      reason: `${report.fingerprint} already has an open fix PR (${open.url})`,
      pr_number: open.number,
      pr_url: open.url,
    };
  }
  const summary = (report.title ?? 'fix').replace(/\s+/g, ' ').slice(0, 60);
  const published = await publishFix(gh, {
    patch,
    target: target.branch,
    branch: branchName(new Date()),
    commitMessage: redact(`autofix: ${summary}\n\nai-ci triage fingerprint: ${report.fingerprint}`),
    title: redact(`autofix: ${summary}`),
    body: prBody(report),
    labels: settings.labels,
  });
  if (!gh.dryRun && report.fingerprint)
    await store.set(
      prKey(report.fingerprint),
      JSON.stringify({ number: published.prNumber, url: published.prUrl }),
    );
  logger.info(`auto-fix: opened ${published.prUrl} against ${target.branch}.`);
  return {
    ...report,
    outcome: 'opened',
    reason: `fix PR opened against ${target.branch}`,
    target_branch: target.branch,
    pr_number: published.prNumber,
    pr_url: published.prUrl,
    branch: published.branch,
  };
}

export async function run(): Promise<void> {
  const settings = getInputs();
  const logger = actionsLogger();
  const ctx = readRunContext();
  const { openStore } = await import('../../core/cache/index.js');
  const store = await openStore({ action: 'auto-fix', repo: ctx.repository, logger });
  onActionExit(() => store.close());
  const outDir = join(ctx.workspace, settings.outputDir);
  mkdirSync(outDir, { recursive: true });

  let report: AutoFixReport;
  if (settings.mode === 'apply') report = await apply(settings, ctx, store, logger);
  else {
    const p = await propose(settings, ctx, store, logger);
    report = p.report;
    if (p.patch) {
      const patchPath = join(outDir, 'autofix.patch');
      writeFileSync(patchPath, p.patch);
      report.patch_path = repoRelative(ctx.workspace, patchPath);
      report.patch_sha256 = createHash('sha256').update(p.patch).digest('hex');
    }
    if (settings.mode === 'both' && p.patch && report.outcome === 'proposed') {
      try {
        report = await apply(settings, ctx, store, logger, { report, patch: p.patch });
      } catch (err) {
        logger.warning(`auto-fix: the fix PR could not be opened (${errorMessage(err)}).`);
        report = { ...report, reason: `verified, but the PR could not be opened: ${errorMessage(err)}` };
      }
    }
  }
  const reportPath = join(outDir, 'autofix_report.json');
  writeFileSync(reportPath, redact(JSON.stringify(report, null, 2)) + '\n');
  core.setOutput('outcome', report.outcome);
  core.setOutput('reason', redact(report.reason));
  core.setOutput('pr-number', report.pr_number != null ? String(report.pr_number) : '');
  core.setOutput('pr-url', report.pr_url ?? '');
  core.setOutput('branch', report.branch ?? '');
  core.setOutput('patch-path', report.patch_path ?? '');
  core.setOutput('report-path', repoRelative(ctx.workspace, reportPath));
  const lines = [`## ai-ci auto-fix: ${report.outcome}`, '', redact(report.reason).replace(/[<>]/g, ''), ''];
  if (report.problems.length)
    lines.push('Problems:', ...report.problems.map((p) => `- ${redact(p).replace(/[<>]/g, '')}`), '');
  if (report.pr_url) lines.push(`Fix PR: ${report.pr_url}`);
  await core.summary.addRaw(lines.join('\n')).write();
  logger.info(`auto-fix: ${report.outcome}: ${redact(report.reason)}`);
}
