import type { DayRecord, RunRecord } from '../history.js';
import { flaked, median } from './series.js';

export type KpiStatus = 'pass' | 'fail' | 'not measured';

export interface Kpi {
  kpi: string;
  measurement: string;
  target: string;
  /** What the history shows, for people. */
  current: string;
  status: KpiStatus;
}

function runsOf(days: DayRecord[]): RunRecord[] {
  return days.flatMap((d) => d.runs);
}

function minutes(s: number): string {
  return `${(s / 60).toFixed(1)} min`;
}

function buildTime(runs: RunRecord[], which: 'pr' | 'main'): Kpi {
  const pick = runs.filter((r) =>
    which === 'pr'
      ? r.event.startsWith('pull_request')
      : r.defaultBranch && !r.event.startsWith('pull_request'),
  );
  const d = pick.map((r) => r.durationSeconds).filter((v): v is number => v !== null);
  const limit = which === 'pr' ? 15 * 60 : 30 * 60;
  return {
    kpi: which === 'pr' ? 'Build time (PRs)' : 'Build time (main)',
    measurement: 'Median workflow duration',
    target: which === 'pr' ? '< 15 min' : '< 30 min',
    current: d.length ? `${minutes(median(d))} over ${d.length} runs` : 'no runs',
    status: d.length ? (median(d) < limit ? 'pass' : 'fail') : 'not measured',
  };
}

/** Days from a rise of a severity's count to the day it came back down (fix merged), averaged. */
export function vulnerabilityMttrDays(
  days: DayRecord[],
  severity: 'high' | 'critical',
): { days: number; episodes: number; open: number } | undefined {
  const points: { t: number; n: number }[] = [];
  for (const r of runsOf(days).filter((x) => x.defaultBranch)) {
    const n = r.vulnerabilities?.[severity];
    if (typeof n === 'number') points.push({ t: Date.parse(r.time), n });
  }
  if (points.length === 0) return undefined;
  // Each newly appeared finding is a unit opened at the rise; units close first-in-first-out as the count falls.
  const open: number[] = [];
  const closed: number[] = [];
  let prev = points[0].n;
  for (const p of points.slice(1)) {
    for (let i = prev; i < p.n; i++) open.push(p.t);
    for (let i = p.n; i < prev && open.length; i++) closed.push((p.t - (open.shift() as number)) / 86400_000);
    prev = p.n;
  }
  return {
    days: closed.length ? closed.reduce((a, b) => a + b, 0) / closed.length : 0,
    episodes: closed.length,
    open: open.length,
  };
}

function mttr(days: DayRecord[], severity: 'high' | 'critical', limit: number): Kpi {
  const m = vulnerabilityMttrDays(days, severity);
  const base = {
    kpi: `Vulnerability MTTR (${severity.toUpperCase()})`,
    measurement: 'Detection to fix on the default branch',
    target: `< ${limit} days`,
  };
  if (!m) return { ...base, current: 'no vulnerability reports', status: 'not measured' };
  if (m.episodes === 0) {
    return {
      ...base,
      current: m.open ? `${m.open} still open, none fixed in the window` : 'none introduced in the window',
      status: m.open ? 'fail' : 'pass',
    };
  }
  return {
    ...base,
    current: `${m.days.toFixed(1)} days over ${m.episodes} fixed${m.open ? `, ${m.open} open` : ''}`,
    status: m.days < limit ? 'pass' : 'fail',
  };
}

/** Least-squares slope per day. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den > 0 ? num / den : 0;
}

function coverageTrend(days: DayRecord[]): Kpi {
  const pts = days
    .map((d) => {
      const c = d.runs
        .filter((r) => r.defaultBranch && r.coverageLines !== null)
        .map((r) => r.coverageLines as number);
      return c.length
        ? { x: Date.parse(d.date) / 86400_000, y: c.reduce((a, b) => a + b, 0) / c.length }
        : undefined;
    })
    .filter((p): p is { x: number; y: number } => p !== undefined);
  const base = {
    kpi: 'Coverage trend',
    measurement: 'Rolling average of default-branch line coverage',
    target: 'Increasing or stable > 90%',
  };
  if (pts.length < 2)
    return {
      ...base,
      current: pts.length ? `${pts[0].y.toFixed(1)}% (one day)` : 'no coverage',
      status: 'not measured',
    };
  const avg = pts.reduce((a, p) => a + p.y, 0) / pts.length;
  const perDay = slope(
    pts.map((p) => p.x),
    pts.map((p) => p.y),
  );
  // Stable: less than a tenth of a point per week either way.
  const direction = perDay > 0.1 / 7 ? 'increasing' : perDay < -0.1 / 7 ? 'decreasing' : 'stable';
  return {
    ...base,
    current: `${avg.toFixed(1)}% average, ${direction} (${(perDay * 7).toFixed(2)} points/week)`,
    status: direction === 'increasing' || (direction === 'stable' && avg > 90) ? 'pass' : 'fail',
  };
}

function flakeRate(runs: RunRecord[]): Kpi {
  const ok = runs.filter((r) => r.conclusion === 'success');
  const rate = ok.length ? ok.filter(flaked).length / ok.length : 0;
  return {
    kpi: 'Flaky test rate',
    measurement: 'Successful builds that needed a re-run or had flaky tests',
    target: '< 5%',
    current: ok.length ? `${(rate * 100).toFixed(1)}% of ${ok.length} successful runs` : 'no successful runs',
    status: ok.length ? (rate < 0.05 ? 'pass' : 'fail') : 'not measured',
  };
}

/** The seed's KPI table, each with the status the history supports. */
export function kpiTable(
  days: DayRecord[],
  autoFix: { merged: number; mergedUnchanged: number } | undefined,
): Kpi[] {
  const runs = runsOf(days);
  return [
    buildTime(runs, 'pr'),
    buildTime(runs, 'main'),
    flakeRate(runs),
    mttr(days, 'high', 7),
    mttr(days, 'critical', 3),
    coverageTrend(days),
    autoFix && autoFix.merged > 0
      ? {
          kpi: 'Auto-fix accuracy',
          measurement: 'Auto-fix PRs merged without changes',
          target: '> 70%',
          current: `${Math.round((100 * autoFix.mergedUnchanged) / autoFix.merged)}% of ${autoFix.merged} merged`,
          status: autoFix.mergedUnchanged / autoFix.merged > 0.7 ? 'pass' : 'fail',
        }
      : {
          kpi: 'Auto-fix accuracy',
          measurement: 'Auto-fix PRs merged without changes',
          target: '> 70%',
          current: 'no merged auto-fix PRs found',
          status: 'not measured',
        },
    {
      kpi: 'Developer satisfaction',
      measurement: 'Survey + sentiment of PR feedback',
      target: '> 4/5',
      current: 'needs a survey; ai-ci does not measure it',
      status: 'not measured',
    },
  ];
}
