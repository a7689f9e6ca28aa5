import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { jobTiming, runTiming, type JobPayload } from '../../src/actions/ci-metrics/timings.js';
import { rerunJobs, rerunRun } from './payloads.js';

function jobSchemaValidator() {
  const spec = JSON.parse(
    readFileSync(new URL('../standins/github/openapi-subset.json', import.meta.url), 'utf8'),
  ) as { components: { schemas: Record<string, { properties?: Record<string, { enum?: unknown[] }> }> } };
  // The description marks `conclusion` nullable (a running job has none) but leaves null out of its
  // enum, which ajv then rejects: put it in, as the API really answers.
  const conclusion = spec.components.schemas.job.properties?.conclusion;
  if (conclusion?.enum && !conclusion.enum.includes(null)) conclusion.enum.push(null);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ components: spec.components }, 'gh');
  return ajv.compile({ $ref: 'gh#/components/schemas/job' });
}

describe('run and job timings of a re-run attempt', () => {
  it('uses payloads GitHub could have sent (OpenAPI job schema)', () => {
    const validate = jobSchemaValidator();
    for (const j of rerunJobs)
      expect([j.name, validate(j), validate.errors ?? null]).toEqual([j.name, true, null]);
  });

  it('measures the attempt, not the run since its first creation', () => {
    const t = runTiming(rerunRun, rerunJobs);
    expect(t.attempt).toBe(2);
    // 10:30:00 (attempt start) -> 10:38:16 (last finished job of attempt 2); lint (attempt 1) does not count.
    expect(t.durationSeconds).toBe(496);
    // 10:30:00 -> 10:30:46, the first job of attempt 2 to start.
    expect(t.queueSeconds).toBe(46);
    expect(t.phase).toBe('in_progress');
    expect(t.conclusion).toBe('cancelled');
    expect(t.unfinishedJobs).toEqual(['ci-metrics']);
  });

  it('gives every job its queue time and duration, and a running job no duration', () => {
    const t = runTiming(rerunRun, rerunJobs);
    expect(t.jobs.map((j) => [j.name, j.attempt, j.status, j.queueSeconds, j.durationSeconds])).toEqual([
      ['lint', 1, 'success', 8, 90],
      ['test (ubuntu-latest)', 2, 'success', 45, 450],
      ['test (windows-latest)', 2, 'cancelled', 64, 120],
      ['ci-metrics', 2, 'in_progress', 10, null],
    ]);
    const win = t.jobs[2];
    expect(win.steps.map((s) => [s.name, s.conclusion, s.durationSeconds])).toEqual([
      ['Set up job', 'success', 10],
      ['Run npm test', 'cancelled', 109],
      ['Upload report', 'skipped', null],
    ]);
    expect(t.jobs[3].steps.map((s) => [s.phase, s.durationSeconds])).toEqual([
      ['completed', 2],
      ['in_progress', null],
    ]);
  });

  it('never reports a negative time when GitHub stamps a job started before it was created', () => {
    const skewed: JobPayload = { ...rerunJobs[1], created_at: '2026-11-20T10:30:50Z' };
    expect(jobTiming(skewed, 2).queueSeconds).toBe(0);
    const backwards: JobPayload = { ...rerunJobs[1], completed_at: '2026-11-20T10:30:40Z' };
    expect(jobTiming(backwards, 2).durationSeconds).toBe(0);
  });

  it('reports a queued job as queued, with neither queue time nor duration yet', () => {
    const queued: JobPayload = {
      ...rerunJobs[1],
      status: 'queued',
      conclusion: null,
      completed_at: null,
      steps: [],
    };
    const j = jobTiming(queued, 2);
    expect([j.status, j.queueSeconds, j.durationSeconds, j.startedAt]).toEqual(['queued', null, null, null]);
  });

  it('uses the run conclusion once the run has completed', () => {
    const done = runTiming(
      { ...rerunRun, status: 'completed', conclusion: 'failure' },
      rerunJobs.slice(0, 3),
    );
    expect([done.conclusion, done.durationSeconds, done.unfinishedJobs]).toEqual(['failure', 496, []]);
  });
});
