/**
 * The redaction corpus as data for end-to-end tests: test/fixtures/secrets/contexts.txt with every
 * `{{kind}}` filled by a freshly generated value in the real format of that kind. The generators
 * are the ones src/core/redact.test.ts uses (kept in step by hand: that file is a test module and
 * exports nothing); no live-looking secret is committed.
 */
import { execFileSync } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'secrets');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;

function rand(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

function base62(n: number, width: number): string {
  let s = '';
  let v = n;
  while (v > 0) {
    s = ALNUM[v % 62] + s;
    v = Math.floor(v / 62);
  }
  return s.padStart(width, '0');
}

/** A GitHub token as GitHub mints them: prefix, 30 random characters, base62 CRC32 of those. */
function githubToken(prefix: string): string {
  const body = rand(30);
  return `${prefix}_${body}${base62(crc32(body), 6)}`;
}

function jwt(): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: 'repo:octo/repo:ref:refs/heads/main', iat: 1732230000, jti: rand(12) })}`;
  return `${head}.${createHmac('sha256', randomBytes(32)).update(head).digest('base64url')}`;
}

function openSshKey(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'redact-ssh-'));
  try {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ci@example', '-f', join(dir, 'k')]);
    return readFileSync(join(dir, 'k'), 'utf8').trim();
  } catch {
    console.warn('ssh-keygen not available: the OpenSSH private key sample is replaced by a PKCS#8 one');
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function generators(): Record<string, () => string> {
  const pem = (k: ReturnType<typeof generateKeyPairSync>['privateKey'], type: 'pkcs1' | 'pkcs8' | 'sec1') =>
    String(k.export({ type, format: 'pem' })).trim();
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
  const rsaPkcs8 = pem(rsa, 'pkcs8');
  const openssh = openSshKey() ?? rsaPkcs8;
  return {
    ghp: () => githubToken('ghp'),
    gho: () => githubToken('gho'),
    ghu: () => githubToken('ghu'),
    ghs: () => githubToken('ghs'),
    ghr: () => githubToken('ghr'),
    github_pat: () => `github_pat_${rand(22)}_${rand(59)}`,
    jwt,
    basic: () => Buffer.from(`ci-bot:${rand(20)}`).toString('base64'),
    opaque: () => rand(40, B64URL),
    aws_id: () => `AKIA${rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    aws_sts_id: () => `ASIA${rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    aws_secret: () => rand(40, `${ALNUM}/+`),
    slack_bot: () => `xoxb-${randomInt(1e11, 9e11)}-${randomInt(1e12, 9e12)}-${rand(24)}`,
    slack_user: () =>
      `xoxp-${randomInt(1e11, 9e11)}-${randomInt(1e11, 9e11)}-${randomInt(1e12, 9e12)}-${rand(32, '0123456789abcdef')}`,
    slack_app: () =>
      `xapp-1-A${rand(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}-${randomInt(1e12, 9e12)}-${rand(64, '0123456789abcdef')}`,
    slack_hook: () =>
      `T${rand(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/B${rand(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/${rand(24)}`,
    stripe_live: () => `sk_live_${rand(99)}`,
    stripe_test: () => `sk_test_${rand(24)}`,
    stripe_rk: () => `rk_live_${rand(24)}`,
    whsec: () => `whsec_${rand(32)}`,
    npm: () => `npm_${rand(36)}`,
    pypi: () => `pypi-AgEIcHlwaS5vcmc${rand(100, B64URL)}`,
    glpat: () => `glpat-${rand(20, B64URL)}`,
    google: () => `AIza${rand(35, B64URL)}`,
    openai: () => `sk-proj-${rand(48, B64URL)}`,
    anthropic: () => `sk-ant-api03-${rand(93, B64URL)}`,
    hf: () => `hf_${rand(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`,
    sendgrid: () => `SG.${rand(22, B64URL)}.${rand(43, B64URL)}`,
    dd: () => rand(32, '0123456789abcdef'),
    hex64: () => rand(64, '0123456789abcdef'),
    password: () => `${rand(6)}${rand(2, '!%*._~-')}${rand(10)}`,
    rsa_pkcs1: () => pem(rsa, 'pkcs1'),
    rsa_pkcs8: () => rsaPkcs8,
    rsa_pkcs8_json: () => JSON.stringify(`${rsaPkcs8}\n`).slice(1, -1),
    ec_key: () => pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, 'sec1'),
    ed25519_key: () => pem(generateKeyPairSync('ed25519').privateKey, 'pkcs8'),
    openssh_key: () => openssh,
  };
}

export interface SecretCorpus {
  /** Every contexts.txt sample with its placeholders filled, one per line. */
  samples: string[];
  /** Every generated value used in the samples. */
  secrets: string[];
}

export function secretCorpus(): SecretCorpus {
  const gens = generators();
  const secrets: string[] = [];
  const samples = readFileSync(join(FIXTURES, 'contexts.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) =>
      l.replace(/\\n/g, '\n').replace(/\{\{([a-z_0-9]+)\}\}/g, (_, kind: string) => {
        const gen = gens[kind];
        if (!gen) throw new Error(`no generator for {{${kind}}}`);
        const v = gen();
        secrets.push(v);
        return v;
      }),
    );
  return { samples, secrets: [...new Set(secrets)] };
}

/** Pieces of a secret long enough to matter: its key body lines and every 8-character window. */
export function leaks(secret: string, out: string): string[] {
  const bodyLines = secret.split(/\\n|\n/).filter((l) => !l.startsWith('-----') && l.length >= 8);
  const found = bodyLines.filter((l) => out.includes(l));
  const flat = secret.replace(/\\n|\n/g, '');
  for (let i = 0; i + 8 <= flat.length; i += 4) {
    const piece = flat.slice(i, i + 8);
    if (!piece.startsWith('-----') && !/^[A-Z ]+$/.test(piece) && out.includes(piece)) found.push(piece);
  }
  return found;
}
