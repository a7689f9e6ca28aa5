import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
export interface Job {
  needs?: string | string[];
  if?: string;
  uses?: string;
  permissions?: Record<string, string> | string;
  outputs?: Record<string, string>;
  steps?: Step[];
  concurrency?: { group: string };
  services?: Record<string, { image: string }>;
  strategy?: { matrix: unknown };
}
export interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** Workflows and starter templates, by repository-relative path. */
export function workflowFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['.github/workflows', 'action-templates'])
    for (const n of readdirSync(join(ROOT, dir)).sort()) if (n.endsWith('.yml')) out.push(`${dir}/${n}`);
  return out;
}

export function loadWorkflow(rel: string): Workflow {
  return parse(readFileSync(join(ROOT, rel), 'utf8')) as Workflow;
}

export interface ActionMeta {
  inputs?: Record<string, { required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string }>;
}

export function loadAction(name: string): ActionMeta {
  return parse(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as ActionMeta;
}

export function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}
