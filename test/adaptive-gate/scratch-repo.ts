/**
 * A scratch git repository for the adaptive-gate end-to-end tests: versions of the fixture project
 * committed on branches, real coverage (jest lcov) and real audit outputs copied into the workspace
 * as CI would leave them, and the action run through the `ai-ci` CLI in a child process.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliRun } from '../helpers/cli.js';
import type { GateReport } from '../../src/actions/adaptive-gate/report.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SHOP = join(HERE, 'fixtures', 'shop');
export const DEPS = join(HERE, 'fixtures', 'deps');
export const VULNS = join(HERE, '..', 'fixtures', 'vulns');
export const REPOSITORY = 'acme/shop';

export type Version = 'v1' | 'v2' | 'v3' | 'v4';

export class ScratchRepo {
  readonly dir: string;
  readonly cacheDir: string;
  private runSeq = 0;

  constructor(private readonly root = mkdtempSync(join(tmpdir(), 'ai-ci-gate-'))) {
    this.dir = join(root, 'repo');
    this.cacheDir = join(root, 'cache');
    mkdirSync(this.dir);
    mkdirSync(this.cacheDir);
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'dev@example.com');
    this.git('config', 'user.name', 'Dev');
    this.git('config', 'commit.gpgsign', 'false');
    // Reports are build output: in the workspace, never committed.
    writeFileSync(join(this.dir, '.gitignore'), 'reports/\nci_metrics/gate_report.json\n');
    writeFileSync(join(this.dir, 'package.json'), readFileSync(join(SHOP, 'package.json')));
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8' }).trim();
  }

  /** Puts a version's sources in the work tree and commits them; returns the commit SHA. */
  commitVersion(v: Version, message = `shop ${v}`): string {
    rmSync(join(this.dir, 'src'), { recursive: true, force: true });
    rmSync(join(this.dir, 'test'), { recursive: true, force: true });
    cpSync(join(SHOP, v, 'src'), join(this.dir, 'src'), { recursive: true });
    cpSync(join(SHOP, v, 'test'), join(this.dir, 'test'), { recursive: true });
    return this.commitAll(message);
  }

  /** Adds the audited project's lockfile and manifest (github-build -> axios -> follow-redirects). */
  commitLockfile(message = 'depend on github-build'): string {
    cpSync(join(DEPS, 'package-lock.json'), join(this.dir, 'package-lock.json'));
    const pkg = JSON.parse(readFileSync(join(this.dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    pkg.dependencies = { 'github-build': '1.2.0' };
    writeFileSync(join(this.dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    return this.commitAll(message);
  }

  commitAll(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** The coverage jest wrote for a version, where the workflow's test step would leave it. */
  placeCoverage(v: Version): void {
    mkdirSync(join(this.dir, 'reports'), { recursive: true });
    cpSync(join(SHOP, 'coverage', `${v}.lcov.info`), join(this.dir, 'reports', 'lcov.info'));
  }

  placeAudit(fixture: string): void {
    mkdirSync(join(this.dir, 'reports'), { recursive: true });
    cpSync(join(VULNS, fixture), join(this.dir, 'reports', 'audit.json'));
  }

  writeFile(rel: string, text: string): void {
    mkdirSync(dirname(join(this.dir, rel)), { recursive: true });
    writeFileSync(join(this.dir, rel), text);
  }

  readReport(rel = 'ci_metrics/gate_report.json'): GateReport {
    return JSON.parse(readFileSync(join(this.dir, rel), 'utf8')) as GateReport;
  }

  /** A pull_request event from `head` (on branch `branch`) into main at `base`. */
  prEvent(base: string, head: string, branch = 'feature'): string {
    const file = join(this.root, `event-${++this.runSeq}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, head: { ref: branch, sha: head }, base: { ref: 'main', sha: base } },
        repository: { full_name: REPOSITORY, default_branch: 'main' },
      }),
    );
    return file;
  }

  /** A push event to main from `before` to `after`. */
  pushEvent(before: string, after: string): string {
    const file = join(this.root, `event-${++this.runSeq}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        ref: 'refs/heads/main',
        before,
        after,
        repository: { full_name: REPOSITORY, default_branch: 'main' },
      }),
    );
    return file;
  }

  /** Runs the action as the runner would; each run gets its own run id. */
  async run(
    inputs: Record<string, string>,
    opts: { env?: Record<string, string | undefined>; event?: string; runId?: string } = {},
  ): Promise<CliRun> {
    const args = ['run', 'adaptive-gate', '--repo', this.dir, '--repository', REPOSITORY, '--json'];
    for (const [k, v] of Object.entries(inputs)) args.push('--input', `${k}=${v}`);
    if (opts.event) args.push('--event', opts.event);
    return runCli(args, {
      env: {
        AI_CI_CACHE_DIR: this.cacheDir,
        GITHUB_RUN_ID: opts.runId ?? String(1000 + ++this.runSeq),
        // Nothing from the machine running the tests may pick another store or branch.
        REDIS_URL: undefined,
        REDIS_CLUSTER_NODES: undefined,
        REDIS_SENTINELS: undefined,
        ACTIONS_CACHE_URL: undefined,
        ACTIONS_RESULTS_URL: undefined,
        ACTIONS_RUNTIME_TOKEN: undefined,
        AI_CI_DEFAULT_BRANCH: undefined,
        GITHUB_TOKEN: undefined,
        DELTA_COVERAGE: undefined,
        DELTA_VULN_HIGH: undefined,
        DELTA_VULN_CRITICAL: undefined,
        MAX_HIGH: undefined,
        MAX_CRITICAL: undefined,
        VULN_GATING: undefined,
        ...opts.env,
      },
    });
  }

  destroy(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export const COVERAGE = { coverage: 'reports/lcov.info' };
export const AUDIT = { vulnerabilities: 'reports/audit.json' };
