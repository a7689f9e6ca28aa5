// Redaction throughput: every text leaving the runner passes through `redact`, logs of 100 MB
// included. The input is real text (the TypeScript compiler's source, package-lock.json, the
// READMEs under node_modules) with real-format secrets planted every 64 KB; the bench reports MB/s
// (per CPU second) and checks that every planted secret is gone. `--large` runs 100 MB instead of 20 MB.
import { createHmac, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { clearRegisteredSecrets, redact, registerSecretsFromEnv } from '../src/core/redact.js';
import type { BenchOptions, BenchResult } from './types.js';

export const names = ['redact-throughput', 'redact-planted-secrets-left'];

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function rand(n: number): string {
  const bytes = randomBytes(n);
  return [...bytes].map((b) => ALNUM[b % 62]).join('');
}

function ghToken(): string {
  const body = rand(30);
  let v = crc32(body);
  let check = '';
  while (v > 0) {
    check = ALNUM[v % 62] + check;
    v = Math.floor(v / 62);
  }
  return `ghp_${body}${check.padStart(6, '0')}`;
}

function jwt(): string {
  const head = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(`{"sub":"${rand(8)}"}`).toString('base64url')}`;
  return `${head}.${createHmac('sha256', randomBytes(16)).update(head).digest('base64url')}`;
}

const PLANTS: (() => [string, string])[] = [
  () => {
    const t = ghToken();
    return [`\n+ git push https://x-access-token:${t}@github.com/o/r.git\n`, t];
  },
  () => {
    const p = `${rand(12)}!x`;
    return [`\nDATABASE_URL=postgres://app:${p}@db:5432/app\n`, p];
  },
  () => {
    const t = jwt();
    return [`\nAuthorization: Bearer ${t}\n`, t];
  },
  () => {
    const k = rand(40);
    return [`\n  "api_key": "${k}",\n`, k];
  },
  () => {
    const k = `AKIA${rand(16).toUpperCase()}`;
    return [`\nAWS_ACCESS_KEY_ID=${k}\n`, k];
  },
];

function realText(): string {
  const root = process.cwd();
  const parts = [
    readFileSync(join(root, 'node_modules/typescript/lib/typescript.js'), 'utf8'),
    readFileSync(join(root, 'package-lock.json'), 'utf8'),
  ];
  for (const dir of readdirSync(join(root, 'node_modules')).slice(0, 400)) {
    const readme = join(root, 'node_modules', dir, 'README.md');
    try {
      if (statSync(readme).size < 200_000) parts.push(readFileSync(readme, 'utf8'));
    } catch {
      // Not every package has a README.
    }
  }
  return parts.join('\n');
}

export default async function run(opts: BenchOptions): Promise<BenchResult[]> {
  clearRegisteredSecrets();
  registerSecretsFromEnv({});
  const targetBytes = (opts.large ? 100 : 20) * 1024 * 1024;
  const base = realText();
  const chunks: string[] = [];
  const planted: string[] = [];
  let size = 0;
  let offset = 0;
  let i = 0;
  while (size < targetBytes) {
    const piece = base.slice(offset, offset + 65536);
    offset = (offset + 65536) % Math.max(base.length - 65536, 1);
    const [text, secret] = PLANTS[i++ % PLANTS.length]();
    chunks.push(piece, text);
    planted.push(secret);
    size += piece.length + text.length;
  }
  const input = chunks.join('');
  redact(input.slice(0, 1_000_000)); // warm up the regex
  // CPU time, not wall time: on a runner shared with other jobs the wall clock measures the neighbours.
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = redact(input);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const seconds = (cpu.user + cpu.system) / 1e6;
  const mb = input.length / 1024 / 1024;
  const left = planted.filter((s) => out.includes(s)).length;
  return [
    {
      name: 'redact-throughput',
      value: Math.round((mb / seconds) * 10) / 10,
      unit: 'MB/s',
      op: '>=',
      target: 40,
      extra: `${mb.toFixed(0)} MB of real text, one pass: ${seconds.toFixed(2)} s CPU, ${wall.toFixed(2)} s wall`,
    },
    {
      name: 'redact-planted-secrets-left',
      value: left,
      unit: 'secrets',
      op: '==',
      target: 0,
      extra: `${planted.length} planted`,
    },
  ];
}
