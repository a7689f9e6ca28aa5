import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { GitHubAccess } from '../../core/github/client.js';
import { git } from './local-git.js';
import { parseUnifiedDiff, touchedPaths } from './patch.js';

export interface PublishRequest {
  patch: string;
  /** The branch the fix PR targets. */
  target: string;
  branch: string;
  commitMessage: string;
  title: string;
  body: string;
  labels: string[];
}

export interface Published {
  prNumber: number;
  prUrl: string;
  branch: string;
  commitSha: string;
}

/**
 * Publishes a verified patch without pushing: the target's files are read through the API, the
 * patch is applied to them with `git apply` in a scratch folder, and blobs, tree, commit, ref and
 * PR are created through the Git Data API, so the commit is GitHub's (signed) and based exactly on
 * the target branch's head. Never merges, never writes to an existing branch.
 */
export async function publishFix(gh: GitHubAccess, req: PublishRequest): Promise<Published> {
  const { owner, repo, octokit } = gh;
  const files = parseUnifiedDiff(req.patch);
  const ref = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${req.target}` });
  const baseSha = ref.data.object.sha;
  const baseCommit = await octokit.rest.git.getCommit({ owner, repo, commit_sha: baseSha });

  const scratch = mkdtempSync(join(tmpdir(), 'ai-ci-autofix-'));
  try {
    for (const f of files) {
      if (!f.oldPath) continue;
      const content = await octokit.rest.repos.getContent({ owner, repo, path: f.oldPath, ref: baseSha });
      const data = content.data as { content?: string; encoding?: string };
      if (typeof data.content !== 'string') throw new Error(`${f.oldPath} is not a file on ${req.target}`);
      const abs = join(scratch, f.oldPath);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8'));
    }
    await git(scratch, ['init', '-q']);
    await git(scratch, ['apply', '--whitespace=nowarn', '-'], req.patch);

    const tree: Array<{ path: string; mode: '100644'; type: 'blob'; sha: string | null }> = [];
    for (const p of touchedPaths(files)) {
      const abs = join(scratch, p);
      if (!existsSync(abs)) {
        tree.push({ path: p, mode: '100644', type: 'blob', sha: null });
        continue;
      }
      const blob = await octokit.rest.git.createBlob({
        owner,
        repo,
        content: readFileSync(abs).toString('base64'),
        encoding: 'base64',
      });
      tree.push({ path: p, mode: '100644', type: 'blob', sha: blob.data.sha });
    }
    const newTree = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: baseCommit.data.tree.sha,
      tree,
    });
    const commit = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: req.commitMessage,
      tree: newTree.data.sha,
      parents: [baseSha],
    });
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${req.branch}`, sha: commit.data.sha });
    const pr = await octokit.rest.pulls.create({
      owner,
      repo,
      title: req.title,
      head: req.branch,
      base: req.target,
      body: req.body,
      maintainer_can_modify: true,
    });
    if (req.labels.length)
      await octokit.rest.issues.addLabels({ owner, repo, issue_number: pr.data.number, labels: req.labels });
    return {
      prNumber: pr.data.number,
      prUrl: pr.data.html_url,
      branch: req.branch,
      commitSha: commit.data.sha,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * An open auto-fix PR into `target` whose body carries `marker` (the root cause's fingerprint
 * row), or undefined. Reads at most 1,000 open PRs, newest first.
 */
export async function findOpenFixPr(
  gh: GitHubAccess,
  target: string,
  marker: string,
): Promise<{ number: number; url: string } | undefined> {
  const { owner, repo, octokit } = gh;
  let pages = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.list, {
    owner,
    repo,
    state: 'open',
    base: target,
    per_page: 100,
  })) {
    const hit = page.data.find((p) => p.head.ref.startsWith('autofix-') && (p.body ?? '').includes(marker));
    if (hit) return { number: hit.number, url: hit.html_url };
    if (++pages >= 10) break;
  }
  return undefined;
}

/** `autofix-YYYYMMDD-HHMMSS` in UTC. */
export function branchName(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `autofix-${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
}
