/**
 * Durations and queue times of one workflow run attempt, from the REST payloads of the run and its
 * jobs. Pure: the caller fetches, this decides what the numbers mean.
 */

/** The fields of `GET /repos/{o}/{r}/actions/runs/{id}` that timing needs. */
export interface RunPayload {
  id: number;
  name?: string | null;
  run_attempt?: number;
  status: string | null;
  conclusion: string | null;
  created_at: string;
  updated_at: string;
  /** When this attempt started (a re-run restarts it; `created_at` stays the first attempt's). */
  run_started_at?: string;
  head_branch?: string | null;
  head_sha?: string;
  event?: string;
}

export interface StepPayload {
  name: string;
  number: number;
  status: string;
  conclusion: string | null;
  started_at?: string | null;
  completed_at?: string | null;
}

/** The fields of one job of `GET .../runs/{id}/jobs` that timing needs. */
export interface JobPayload {
  id: number;
  name: string;
  run_attempt?: number;
  status: string;
  conclusion: string | null;
  created_at?: string;
  started_at: string;
  completed_at: string | null;
  steps?: StepPayload[];
}

export type Phase = 'queued' | 'in_progress' | 'completed';

export interface StepTiming {
  name: string;
  number: number;
  phase: Phase;
  conclusion: string | null;
  /** null until the step has completed. */
  durationSeconds: number | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface JobTiming {
  id: number;
  name: string;
  /** The attempt this job ran in: lower than the run's attempt for a job kept from an earlier attempt. */
  attempt: number;
  phase: Phase;
  /** `success`, `failure`, `cancelled`, ... once completed; `in_progress` / `queued` before. */
  status: string;
  /** created -> started; null while queued. Never negative. */
  queueSeconds: number | null;
  /** started -> completed; null until completed (a running job is not a zero). */
  durationSeconds: number | null;
  startedAt: string | null;
  completedAt: string | null;
  steps: StepTiming[];
}

export interface RunTiming {
  runId: number;
  attempt: number;
  /** The run's own status: a run observed from its last job is usually still `in_progress`. */
  phase: Phase;
  /** The run's conclusion, or while it runs the worst conclusion of this attempt's finished jobs. */
  conclusion: string;
  /** When this attempt started. */
  startedAt: string;
  /** Attempt start -> end of its last finished job (the run's end once completed); null if nothing finished. */
  durationSeconds: number | null;
  /** Attempt start -> its first job started (waiting for the first runner); null if none started. */
  queueSeconds: number | null;
  jobs: JobTiming[];
  /** Jobs of this attempt still queued or running when measured. */
  unfinishedJobs: string[];
}

function ms(t: string | null | undefined): number | undefined {
  if (!t) return undefined;
  const v = Date.parse(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Seconds from a to b, 0 when clocks make it negative (GitHub's timestamps have second resolution). */
function span(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined) return null;
  return Math.max(0, Math.round((b - a) / 10) / 100);
}

function iso(t: number | undefined): string | null {
  return t === undefined ? null : new Date(t).toISOString();
}

function phaseOf(status: string | null | undefined): Phase {
  if (status === 'completed') return 'completed';
  if (status === 'in_progress') return 'in_progress';
  // waiting, requested, pending and queued all mean: not started.
  return 'queued';
}

const SEVERITY = [
  'failure',
  'timed_out',
  'startup_failure',
  'cancelled',
  'action_required',
  'neutral',
  'success',
  'skipped',
];

/** The worst of some conclusions (failure beats cancelled beats success). */
export function worstConclusion(conclusions: (string | null)[]): string {
  let best = SEVERITY.length;
  for (const c of conclusions) {
    const i = c ? SEVERITY.indexOf(c) : -1;
    if (i >= 0 && i < best) best = i;
  }
  return best < SEVERITY.length ? SEVERITY[best] : 'success';
}

export function stepTiming(s: StepPayload): StepTiming {
  const phase = phaseOf(s.status);
  const started = ms(s.started_at);
  const completed = phase === 'completed' ? ms(s.completed_at) : undefined;
  return {
    name: s.name,
    number: s.number,
    phase,
    conclusion: phase === 'completed' ? s.conclusion : null,
    durationSeconds: phase === 'completed' ? span(started, completed) : null,
    startedAt: iso(started),
    completedAt: iso(completed),
  };
}

export function jobTiming(j: JobPayload, runAttempt: number): JobTiming {
  const phase = phaseOf(j.status);
  const started = phase === 'queued' ? undefined : ms(j.started_at);
  const created = ms(j.created_at) ?? started;
  return {
    id: j.id,
    name: j.name,
    attempt: j.run_attempt ?? runAttempt,
    phase,
    status: phase === 'completed' ? (j.conclusion ?? 'unknown') : phase,
    queueSeconds: span(created, started),
    durationSeconds: phase === 'completed' ? span(started, ms(j.completed_at)) : null,
    startedAt: iso(started),
    completedAt: iso(phase === 'completed' ? ms(j.completed_at) : undefined),
    steps: (j.steps ?? []).map(stepTiming),
  };
}

/**
 * Timing of the run's current attempt. Jobs kept from an earlier attempt (a partial re-run lists
 * them with their old `run_attempt`) are reported but do not count towards this attempt's
 * duration or queue time: they ran before it started.
 */
export function runTiming(run: RunPayload, jobs: JobPayload[]): RunTiming {
  const attempt = run.run_attempt ?? 1;
  const attemptStart = ms(run.run_started_at) ?? ms(run.created_at) ?? 0;
  const timings = jobs.map((j) => jobTiming(j, attempt));
  const own = timings.filter((j) => j.attempt === attempt);
  const runPhase = phaseOf(run.status);
  const ends = own.map((j) => ms(j.completedAt)).filter((v): v is number => v !== undefined);
  const end = ends.length ? Math.max(...ends) : runPhase === 'completed' ? ms(run.updated_at) : undefined;
  const starts = own.map((j) => ms(j.startedAt)).filter((v): v is number => v !== undefined);
  const conclusion =
    runPhase === 'completed' && run.conclusion
      ? run.conclusion
      : worstConclusion(own.filter((j) => j.phase === 'completed').map((j) => j.status));
  return {
    runId: run.id,
    attempt,
    phase: runPhase,
    conclusion,
    startedAt: new Date(attemptStart).toISOString(),
    durationSeconds: span(attemptStart, end),
    queueSeconds: starts.length ? span(attemptStart, Math.min(...starts)) : null,
    jobs: timings,
    unfinishedJobs: own.filter((j) => j.phase !== 'completed').map((j) => j.name),
  };
}
