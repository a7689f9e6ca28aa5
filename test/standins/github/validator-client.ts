import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the validator process says about one request (see validator-process.mjs). */
export interface Verdict {
  operationId?: string;
  valid: boolean;
  errors: string[];
  params: Record<string, string>;
}

export interface ValidationRequest {
  apiRoot: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[]>;
  body?: unknown;
}

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'validator-process.mjs');

let child: ChildProcess | undefined;
let ready: Promise<void> | undefined;
let users = 0;
let seq = 0;
const pending = new Map<number, { resolve: (v: Verdict) => void; reject: (e: Error) => void }>();

/** Starts (or shares) the validator process; pair every call with `releaseValidator`. */
export async function acquireValidator(): Promise<(req: ValidationRequest) => Promise<Verdict>> {
  users++;
  if (!child) {
    const c = fork(SCRIPT, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child = c;
    ready = new Promise<void>((resolve, reject) => {
      c.once('error', reject);
      c.on('message', (m: { ready?: boolean; id?: number } & Verdict) => {
        if (m.ready) {
          resolve();
          return;
        }
        const p = m.id !== undefined ? pending.get(m.id) : undefined;
        if (p && m.id !== undefined) {
          pending.delete(m.id);
          p.resolve({ operationId: m.operationId, valid: m.valid, errors: m.errors, params: m.params });
        }
      });
      c.once('exit', (code) => {
        const err = new Error(`the OpenAPI validator process exited (code ${code})`);
        reject(err);
        for (const p of pending.values()) p.reject(err);
        pending.clear();
        if (child === c) child = undefined;
      });
    });
  }
  await ready;
  const c = child;
  return (req) =>
    new Promise<Verdict>((resolve, reject) => {
      if (!c?.connected) {
        reject(new Error('the OpenAPI validator process is not running'));
        return;
      }
      const id = ++seq;
      pending.set(id, { resolve, reject });
      c.send({ id, ...req });
    });
}

export function releaseValidator(): void {
  users = Math.max(users - 1, 0);
  if (users === 0 && child) {
    child.kill();
    child = undefined;
    ready = undefined;
  }
}
