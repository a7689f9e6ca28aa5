// Replays 200 generated default-branch runs through the adaptive gate (the same evaluateGate the
// action calls) and through a static threshold gate, and counts caught regressions and false fails.
//
// The world: line coverage drifts as a random walk (step sd 0.2 points) and each measurement adds
// noise (sd 0.5). Advisories are disclosed on packages nobody changed (Poisson, mean 0.1 per run);
// some runs bump a clean package or upgrade a vulnerable one away from its advisories. 20 runs carry
// an injected regression: a coverage drop of 2-8 points, or 1-4 new high/critical findings brought
// in by a dependency the change adds.
//
// Each run is one change. A change that passes is merged: its coverage step, its dependency work
// and (when the gate missed it) its regression stay in the code from then on, and its measurement
// is recorded in the baseline window. A change that fails is not merged and not recorded, so a
// caught regression never becomes the new normal. Advisories are disclosed whatever the gate says:
// they are the world's, not the change's. With `vuln-scope: introduced` the gate counts only the
// findings on packages the change's lockfile diff touched, so a disclosure does not fail every
// later run the way a fixed maximum does.
import { evaluateGate } from '../src/actions/adaptive-gate/gate.js';
import type {
  Finding,
  GateSettings,
  GateSeverity,
  SeverityCounts,
  WindowRun,
} from '../src/actions/adaptive-gate/types.js';
import type { BenchResult } from './types.js';

export const names = ['gate-replay-caught', 'gate-replay-false-fail-rate'];

const RUNS = 200;
const REGRESSIONS = 20;
const WINDOW = 10;
const SEED = 20261122;

/** mulberry32: small, fast and good enough for a reproducible replay. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(r: () => number): number {
  const u = 1 - r();
  const v = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function poisson(r: () => number, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = r();
  while (p > l) {
    k++;
    p *= r();
  }
  return k;
}

type Regression = { kind: 'coverage'; drop: number } | { kind: 'vulns'; severities: GateSeverity[] };

/** Everything random about one run, drawn up front so both gates replay the same world. */
interface RunScript {
  walkStep: number;
  noise: number;
  disclosures: { pkgIndex: number; severity: GateSeverity }[];
  /** A clean package bumped to a new version (index into the package list), or -1. */
  cleanBump: number;
  /** A vulnerable package upgraded to a fixed version (pick among vulnerable ones), or -1. */
  fixPick: number;
  regression: Regression | undefined;
}

const PACKAGES = 60;

function script(seed: number): RunScript[] {
  const r = rng(seed);
  const sev = (): GateSeverity => {
    const x = r();
    return x < 0.15 ? 'critical' : x < 0.55 ? 'high' : x < 0.85 ? 'medium' : 'low';
  };
  const regressionAt = new Set<number>();
  while (regressionAt.size < REGRESSIONS) regressionAt.add(1 + Math.floor(r() * (RUNS - 1)));
  const runs: RunScript[] = [];
  for (let i = 0; i < RUNS; i++) {
    const disclosures = Array.from({ length: poisson(r, 0.1) }, () => ({
      pkgIndex: Math.floor(r() * PACKAGES),
      severity: sev(),
    }));
    let regression: Regression | undefined;
    if (regressionAt.has(i)) {
      regression =
        r() < 0.5
          ? { kind: 'coverage', drop: 2 + r() * 6 }
          : {
              kind: 'vulns',
              severities: Array.from({ length: 1 + Math.floor(r() * 4) }, () =>
                r() < 0.3 ? 'critical' : 'high',
              ),
            };
    }
    runs.push({
      walkStep: normal(r) * 0.2,
      noise: normal(r) * 0.5,
      disclosures,
      cleanBump: r() < 0.3 ? Math.floor(r() * PACKAGES) : -1,
      fixPick: r() < 0.05 ? Math.floor(r() * 1000) : -1,
      regression,
    });
  }
  return runs;
}

const zero = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, unknown: 0 });

function countsOf(findings: Finding[]): SeverityCounts {
  const c = zero();
  for (const f of findings) c[f.severity]++;
  return c;
}

interface Outcome {
  caught: number;
  falseFails: number;
  clean: number;
  missed: number[];
}

type GateKind = 'adaptive' | 'static';

function replay(runs: RunScript[], kind: GateKind): Outcome {
  // The repository: package versions and the advisories known on them.
  const versions = Array.from({ length: PACKAGES }, () => 1);
  let level = 85;
  let advisories: Finding[] = [
    { id: 'GHSA-init-1', package: 'pkg-3', version: '1.0.0', severity: 'high' },
    { id: 'GHSA-init-2', package: 'pkg-7', version: '1.0.0', severity: 'high' },
    { id: 'GHSA-init-3', package: 'pkg-11', version: '1.0.0', severity: 'critical' },
  ];
  let nextId = 1;
  let addedPkgs = 0;
  const window: WindowRun[] = [];
  const out: Outcome = { caught: 0, falseFails: 0, clean: 0, missed: [] };
  let staticSettings: GateSettings | undefined;

  runs.forEach((s, i) => {
    // Disclosures happen whatever the gate says.
    for (const d of s.disclosures) {
      const pkg = `pkg-${d.pkgIndex}`;
      advisories.push({
        id: `GHSA-d${nextId++}`,
        package: pkg,
        version: `${versions[d.pkgIndex]}.0.0`,
        severity: d.severity,
      });
    }
    // This run's change: a coverage step, routine dependency work, possibly a regression.
    const changed: string[] = [];
    const bumps: number[] = [];
    let fixed: string | undefined;
    const vulnerable = [...new Set(advisories.map((a) => a.package))].filter((p) => p.startsWith('pkg-'));
    if (s.fixPick >= 0 && vulnerable.length) {
      fixed = vulnerable[s.fixPick % vulnerable.length];
      bumps.push(Number(fixed.slice(4)));
      changed.push(fixed);
    }
    if (s.cleanBump >= 0 && !advisories.some((a) => a.package === `pkg-${s.cleanBump}`)) {
      bumps.push(s.cleanBump);
      changed.push(`pkg-${s.cleanBump}`);
    }
    let measured = level + s.walkStep + s.noise;
    let findings = advisories.filter((a) => a.package !== fixed);
    const introduced: Finding[] = [];
    if (s.regression?.kind === 'coverage') measured -= s.regression.drop;
    if (s.regression?.kind === 'vulns') {
      const pkg = `added-${addedPkgs++}`;
      changed.push(pkg);
      for (const sev of s.regression.severities) {
        introduced.push({ id: `GHSA-r${nextId++}`, package: pkg, version: '1.0.0', severity: sev });
      }
      findings = [...findings, ...introduced];
    }
    measured = Math.min(100, Math.max(0, Math.round(measured * 100) / 100));
    const counts = countsOf(findings);

    if (i === 0 && kind === 'static') {
      staticSettings = {
        deltaCoverage: 1.5,
        deltaVulnHigh: 0,
        deltaVulnCritical: 0,
        maxHigh: counts.high,
        maxCritical: counts.critical,
        vulnGating: true,
        minCoverage: Math.round((measured - 1.5) * 100) / 100,
        minPatchCoverage: undefined,
        smallChangeLines: 20,
        vulnScope: 'all',
      };
    }
    const settings: GateSettings =
      kind === 'static' && staticSettings
        ? staticSettings
        : {
            deltaCoverage: 1.5,
            deltaVulnHigh: 0,
            deltaVulnCritical: 0,
            maxHigh: undefined,
            maxCritical: undefined,
            vulnGating: true,
            minCoverage: undefined,
            minPatchCoverage: undefined,
            smallChangeLines: 20,
            vulnScope: 'introduced',
          };
    const result = evaluateGate({
      settings,
      // The static gate has no memory: fixed numbers only.
      window: kind === 'static' ? [] : window,
      coverage: { lines: measured, branches: null, linesCovered: 0, linesTotal: 0, files: [] },
      vulns: { counts, findings },
      vulnErrors: [],
      addedLines: undefined,
      dependencyChanges: changed,
      fileSnapshot: undefined,
    });

    if (s.regression) {
      if (!result.passed) out.caught++;
      else out.missed.push(i);
    } else {
      out.clean++;
      if (!result.passed) out.falseFails++;
    }
    if (result.passed) {
      // Merged: the change (and a missed regression) stays in the code from now on.
      level += s.walkStep;
      for (const b of bumps) versions[b]++;
      advisories = findings;
      if (s.regression?.kind === 'coverage') level -= s.regression.drop;
      window.push({
        runId: String(1000 + i),
        attempt: 1,
        sha: (i + 1).toString(16).padStart(40, '0'),
        time: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        lines: measured,
        branches: null,
        vulns: counts,
        findings: findings.map((f) => ({
          id: f.id,
          package: f.package,
          version: f.version,
          severity: f.severity,
        })),
      });
      if (window.length > WINDOW) window.shift();
    }
  });
  return out;
}

const pct = (n: number, d: number): number => Math.round((n / d) * 10000) / 100;

export default async function run(opts: { large: boolean }): Promise<BenchResult[]> {
  const runs = script(SEED);
  const adaptive = replay(runs, 'adaptive');
  const stat = replay(runs, 'static');
  // The same replay over many seeds, so one lucky seed cannot hide a weak gate.
  const seeds = opts.large ? 500 : 100;
  let allCaught = 0;
  let ffSum = 0;
  let ffMax = 0;
  let staticFf = 0;
  for (let k = 1; k <= seeds; k++) {
    const rs = script(SEED + k * 7919);
    const a = replay(rs, 'adaptive');
    const st = replay(rs, 'static');
    if (a.caught === REGRESSIONS) allCaught++;
    const ff = pct(a.falseFails, a.clean);
    ffSum += ff;
    ffMax = Math.max(ffMax, ff);
    staticFf += pct(st.falseFails, st.clean);
  }
  const staticText = `static gate (floor 1.5 points under run 1, max high/critical fixed at run 1): caught ${stat.caught}/${REGRESSIONS}, false fails ${pct(stat.falseFails, stat.clean)}%`;
  const config = `adaptive: delta-coverage 1.5, delta-vuln-high 0, delta-vuln-critical 0, vuln-scope introduced, window ${WINDOW}, seed ${SEED}`;
  return [
    {
      name: 'gate-replay-caught',
      value: adaptive.caught,
      unit: 'n',
      op: '==',
      target: REGRESSIONS,
      extra: `${config}; ${staticText}; over ${seeds} other seeds the adaptive gate caught all ${REGRESSIONS} in ${allCaught}${adaptive.missed.length ? `; missed runs ${adaptive.missed.join(',')}` : ''}`,
    },
    {
      name: 'gate-replay-false-fail-rate',
      value: pct(adaptive.falseFails, adaptive.clean),
      unit: '%',
      op: '<=',
      target: 2,
      extra: `${adaptive.falseFails} of ${adaptive.clean} clean runs; ${staticText}; over ${seeds} other seeds mean ${(ffSum / seeds).toFixed(2)}% (max ${ffMax}%), static mean ${(staticFf / seeds).toFixed(2)}%`,
    },
  ];
}
