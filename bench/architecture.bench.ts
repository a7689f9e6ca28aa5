// architecture-scan on the generated 10,000-module TypeScript repository (shared with select-tests):
// graph + SCCs + coupling against a 2 s budget, and in the same run the tools people use for import
// cycles on the same input — madge --circular, dpdm --circular (10,000 modules) and
// dependency-cruiser's no-circular rule (2,000 modules; it needs Node >= 22, taken from the npm
// package `node@22`). Every cycle a peer reports must lie inside one of our SCCs, and every planted
// cycle must be found. Peers are installed into a temp prefix outside the repository; a failed
// install or a peer that cannot run is said plainly and its ratio left out.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { couplingOf } from '../src/graph/analysis/coupling.js';
import { findCycles, indexGraph } from '../src/graph/analysis/scc.js';
import { buildGraph } from '../src/graph/build.js';
import { timeoutMs } from '../src/core/timeouts.js';
import { generateTsRepo } from './gen-ts-repo.js';
import type { BenchOptions, BenchResult } from './types.js';

export const names = [
  'architecture-scan-10k',
  'architecture-planted-cycles',
  'architecture-peer-cycles-outside',
  'architecture-vs-madge',
  'architecture-vs-dpdm',
  'architecture-vs-depcruise-2k',
];

const PEERS = join(tmpdir(), 'ai-ci-arch-peers');
const PEER_PACKAGES = ['madge@8', 'dpdm@4', 'dependency-cruiser@18', 'node@22', 'typescript@5.9'];
/** Per peer run; madge takes ~20 s at 10,000 modules on an idle machine. */
const PEER_TIMEOUT_MS = timeoutMs('AI_CI_ARCH_PEER_TIMEOUT_MS', 100_000);

interface Ours {
  seconds: number;
  /** SCC id per module (all edge kinds), for the containment check. */
  sccOf: Map<string, number>;
  sccs: number;
}

/** Median of three runs: the machine is shared, and one run can be unlucky. */
async function ours(root: string): Promise<Ours> {
  const runs: Ours[] = [];
  for (let i = 0; i < 3; i++) runs.push(await oursOnce(root));
  runs.sort((a, b) => a.seconds - b.seconds);
  return runs[1];
}

async function oursOnce(root: string): Promise<Ours> {
  const t0 = performance.now();
  const graph = await buildGraph({ root });
  const g = indexGraph(graph.nodes, graph.edges);
  const cycles = findCycles(graph, {}, g);
  couplingOf(g);
  const seconds = (performance.now() - t0) / 1000;
  const sccOf = new Map<string, number>();
  cycles.forEach((c, i) => c.members.forEach((m) => sccOf.set(m, i)));
  return { seconds, sccOf, sccs: cycles.length };
}

function inOneScc(o: Ours, members: string[]): boolean {
  const first = o.sccOf.get(members[0]);
  return first !== undefined && members.every((m) => o.sccOf.get(m) === first);
}

function installPeers(): string | undefined {
  const have = [
    'madge/bin/cli.js',
    'dpdm/lib/bin/dpdm.js',
    'dependency-cruiser/bin/dependency-cruiser.mjs',
    'node/bin/node',
    'typescript/package.json',
  ];
  if (have.every((p) => existsSync(join(PEERS, 'node_modules', p)))) return undefined;
  try {
    execFileSync(
      'npm',
      ['install', '--prefix', PEERS, '--no-save', '--no-audit', '--no-fund', ...PEER_PACKAGES],
      {
        stdio: 'ignore',
        timeout: 240_000,
      },
    );
    return undefined;
  } catch (err) {
    return `npm install of ${PEER_PACKAGES.join(', ')} into ${PEERS} failed: ${(err as Error).message.split('\n')[0]}`;
  }
}

interface PeerRun {
  seconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function runPeer(command: string, args: string[], cwd: string): Promise<PeerRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, PEER_TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 20_000) stderr += d.toString();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ seconds: (performance.now() - t0) / 1000, code, stdout, stderr, timedOut });
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ seconds: (performance.now() - t0) / 1000, code: -1, stdout, stderr, timedOut });
    });
  });
}

const bin = (p: string): string => join(PEERS, 'node_modules', p);

/** A peer's verdict: its time, its cycles (repository-relative), or why it gave none. */
interface PeerResult {
  name: string;
  mode: string;
  run?: PeerRun;
  cycles?: string[][];
  problem?: string;
}

async function madge(root: string): Promise<PeerResult> {
  const mode =
    'madge --circular --ts-config tsconfig.json --extensions ts src (type imports as madge parses them)';
  const run = await runPeer(
    process.execPath,
    [
      bin('madge/bin/cli.js'),
      '--circular',
      '--json',
      '--no-spinner',
      '--no-color',
      '--extensions',
      'ts',
      '--ts-config',
      'tsconfig.json',
      'src',
    ],
    root,
  );
  if (run.timedOut)
    return { name: 'madge', mode, run, problem: `did not finish in ${PEER_TIMEOUT_MS / 1000} s` };
  try {
    const json = JSON.parse(run.stdout) as string[][];
    return { name: 'madge', mode, run, cycles: json.map((c) => c.map((p) => `src/${p}`)) };
  } catch {
    return { name: 'madge', mode, run, problem: `no JSON (exit ${run.code}): ${run.stderr.slice(0, 300)}` };
  }
}

async function dpdm(root: string): Promise<PeerResult> {
  // Without -T: dpdm counts type imports, as our default graph does (with -T it drops them by design).
  const mode = "dpdm --circular without -T (type imports counted, like ours) 'src/**/*.ts'";
  const out = join(root, '..', `dpdm-${Date.now()}.json`);
  const run = await runPeer(
    process.execPath,
    [
      bin('dpdm/lib/bin/dpdm.js'),
      '--no-tree',
      '--no-warning',
      '--no-progress',
      '--circular',
      '--tsconfig',
      'tsconfig.json',
      '-o',
      out,
      'src/**/*.ts',
    ],
    root,
  );
  if (run.timedOut)
    return { name: 'dpdm', mode, run, problem: `did not finish in ${PEER_TIMEOUT_MS / 1000} s` };
  try {
    const json = JSON.parse(readFileSync(out, 'utf8')) as { circulars: string[][] };
    rmSync(out, { force: true });
    return { name: 'dpdm', mode, run, cycles: json.circulars };
  } catch {
    return {
      name: 'dpdm',
      mode,
      run,
      problem: `no JSON output (exit ${run.code}): ${run.stderr.slice(0, 300)}`,
    };
  }
}

async function depcruise(root: string): Promise<PeerResult> {
  const mode =
    'dependency-cruiser no-circular with --ts-pre-compilation-deps and the tsconfig (type-only imports counted)';
  const config = join(root, '.dependency-cruiser.json');
  writeFileSync(
    config,
    JSON.stringify({
      forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }],
      options: {
        tsConfig: { fileName: 'tsconfig.json' },
        tsPreCompilationDeps: true,
        doNotFollow: { path: 'node_modules' },
      },
    }),
  );
  const run = await runPeer(
    bin('node/bin/node'),
    [
      bin('dependency-cruiser/bin/dependency-cruiser.mjs'),
      '--config',
      config,
      '--output-type',
      'json',
      'src',
    ],
    root,
  );
  if (run.timedOut)
    return {
      name: 'dependency-cruiser',
      mode,
      run,
      problem: `did not finish in ${PEER_TIMEOUT_MS / 1000} s`,
    };
  try {
    const json = JSON.parse(run.stdout) as {
      summary: {
        violations: Array<{ from: string; rule: { name: string }; cycle?: Array<string | { name: string }> }>;
      };
    };
    const cycles = json.summary.violations
      .filter((v) => v.rule.name === 'no-circular' && v.cycle)
      .map((v) => [v.from, ...v.cycle!.map((c) => (typeof c === 'string' ? c : c.name))]);
    return { name: 'dependency-cruiser', mode, run, cycles };
  } catch {
    return {
      name: 'dependency-cruiser',
      mode,
      run,
      problem: `no JSON (exit ${run.code}): ${run.stderr.slice(0, 300)}`,
    };
  }
}

function ratioResult(
  name: string,
  target: number | undefined,
  mine: Ours,
  peer: PeerResult,
  outside: string[],
): BenchResult | undefined {
  // A peer that ran but said nothing usable gives no ratio: its time would compare nothing.
  if (!peer.run || (!peer.cycles && !peer.run.timedOut)) return undefined;
  const cycles = peer.cycles;
  if (cycles)
    for (const c of cycles)
      if (!inOneScc(mine, [...new Set(c)])) outside.push(`${peer.name}: ${c.join(' > ')}`);
  const lowerBound = peer.run.timedOut ? ' (timed out: the ratio is a lower bound)' : '';
  const verdict = cycles
    ? `${cycles.length} cycles reported, all inside our SCCs: ${outside.some((o) => o.startsWith(peer.name)) ? 'NO' : 'yes'}`
    : peer.problem;
  return {
    name,
    value: Math.round((peer.run.seconds / mine.seconds) * 10) / 10,
    unit: 'x',
    op: '>=',
    target: target ?? 1,
    extra: `${peer.name} ${peer.run.seconds.toFixed(2)} s vs ours ${mine.seconds.toFixed(2)} s${lowerBound}; ${verdict}; mode: ${peer.mode}`,
  };
}

export default async function run(_opts: BenchOptions): Promise<BenchResult[]> {
  const work = mkdtempSync(join(tmpdir(), 'ai-ci-arch-bench-'));
  const results: BenchResult[] = [];
  try {
    const big = join(work, 'r10k');
    const gen = await generateTsRepo(big, { modules: 10_000, tests: 100, seed: 20261121, cycles: 5 });
    const mine = await ours(big);
    results.push({
      name: 'architecture-scan-10k',
      value: Math.round(mine.seconds * 100) / 100,
      unit: 's',
      op: '<=',
      target: 2,
      extra: `graph + SCCs + coupling in process (median of 3 fresh builds, no scan cache), ${mine.sccs} SCCs`,
    });
    const found = gen.plantedCycles.filter((c) => inOneScc(mine, c)).length;
    results.push({
      name: 'architecture-planted-cycles',
      value: found,
      unit: 'found',
      op: '==',
      target: gen.plantedCycles.length,
      extra: `${found}/${gen.plantedCycles.length} planted cycles inside one of our SCCs`,
    });

    const installProblem = installPeers();
    const outside: string[] = [];
    if (installProblem) {
      console.warn(`architecture bench: peers skipped: ${installProblem}`);
    } else {
      const m = await madge(big);
      if (m.problem) console.warn(`architecture bench: madge: ${m.problem}`);
      const rm = ratioResult('architecture-vs-madge', 10, mine, m, outside);
      if (rm) results.push(rm);
      const d = await dpdm(big);
      if (d.problem) console.warn(`architecture bench: dpdm: ${d.problem}`);
      const rd = ratioResult('architecture-vs-dpdm', 4, mine, d, outside);
      if (rd) results.push(rd);

      const small = join(work, 'r2k');
      await generateTsRepo(small, { modules: 2_000, tests: 20, seed: 20261121, cycles: 5 });
      const mine2k = await ours(small);
      const c = await depcruise(small);
      if (c.problem) console.warn(`architecture bench: dependency-cruiser: ${c.problem}`);
      const rc = ratioResult('architecture-vs-depcruise-2k', undefined, mine2k, c, outside);
      if (rc) results.push({ ...rc, op: '>=', target: 1 });
      results.push({
        name: 'architecture-peer-cycles-outside',
        value: outside.length,
        unit: 'cycles',
        op: '==',
        target: 0,
        extra: outside.length
          ? outside.slice(0, 3).join(' | ')
          : 'every cycle madge, dpdm and dependency-cruiser report lies inside one of our SCCs',
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}
