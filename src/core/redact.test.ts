import { execFileSync } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import {
  clearRegisteredSecrets,
  createRedactStream,
  redact,
  registerSecret,
  registerSecretsFromEnv,
} from './redact.js';

const FIXTURES = join(process.cwd(), 'test/fixtures/secrets');
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

function samples(file: string): string[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.replace(/\\n/g, '\n'));
}

/** Pieces of a secret long enough to matter: its lines (for keys) and every 8-character window. */
function leaks(secret: string, out: string): string[] {
  const bodyLines = secret.split(/\\n|\n/).filter((l) => !l.startsWith('-----') && l.length >= 8);
  const found = bodyLines.filter((l) => out.includes(l));
  const flat = secret.replace(/\\n|\n/g, '');
  for (let i = 0; i + 8 <= flat.length; i += 4) {
    const piece = flat.slice(i, i + 8);
    if (!piece.startsWith('-----') && !/^[A-Z ]+$/.test(piece) && out.includes(piece)) found.push(piece);
  }
  return found;
}

describe('redact corpus', () => {
  beforeEach(() => {
    clearRegisteredSecrets();
    registerSecretsFromEnv({});
  });

  const gens = generators();
  const corpus = samples('contexts.txt');

  it('has a generator for every placeholder of the corpus', () => {
    const kinds = new Set(corpus.flatMap((l) => [...l.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])));
    expect([...kinds].filter((k) => !(k in gens))).toEqual([]);
    expect(corpus.length).toBe(84);
  });

  it.each(corpus.map((l) => [l]))('leaves no secret in: %s', (line) => {
    const secrets: string[] = [];
    const text = line.replace(/\{\{(\w+)\}\}/g, (_m, kind: string) => {
      const v = gens[kind]();
      secrets.push(v);
      return v;
    });
    const out = redact(text);
    expect(out).toContain('***');
    for (const s of secrets)
      expect({ secret: s, leaked: leaks(s, out), out }).toEqual({ secret: s, leaked: [], out });
  });

  it('keeps the key and the punctuation around a redacted value', () => {
    expect(redact('password=hunter2x next')).toBe('password=*** next');
    expect(redact('{"username":"ci","password":"hunter2x"}')).toBe('{"username":"ci","password":"***"}');
    expect(redact('DATABASE_URL=postgres://app:hunter2x@db:5432/app')).toBe(
      'DATABASE_URL=postgres://app:***@db:5432/app',
    );
    expect(redact('redis://:pw1234@localhost:6379')).toBe('redis://:***@localhost:6379');
    expect(redact('Authorization: Bearer abc.def.ghijkl')).toBe('Authorization: Bearer ***');
    const key = gens.rsa_pkcs8();
    expect(redact(`before\n${key}\nafter`)).toBe('before\n***\nafter');
  });

  it('redacts a private key block whose END line was cut off', () => {
    const key = gens.rsa_pkcs1();
    const cut = key.split('\n').slice(0, 6).join('\n');
    const out = redact(`log: ${cut}`);
    expect(leaks(cut, out)).toEqual([]);
  });
});

describe('redact leaves ordinary text alone', () => {
  beforeAll(() => {
    clearRegisteredSecrets();
    registerSecretsFromEnv({});
  });

  it.each(samples('benign.txt').map((l) => [l]))('unchanged: %s', (line) => {
    expect(redact(line)).toBe(line);
  });

  it.each([
    ['node_modules/typescript/lib/typescript.js'],
    ['package-lock.json'],
    ['node_modules/@octokit/rest/README.md'],
  ])('real file %s comes out unchanged', (file) => {
    const text = readFileSync(join(process.cwd(), file), 'utf8');
    const out = redact(text);
    if (out !== text) {
      const a = text.split('\n');
      const b = out.split('\n');
      const diff = a.flatMap((l, i) => (l === b[i] ? [] : [`${i + 1}: ${l.trim().slice(0, 200)}`]));
      expect(diff.slice(0, 10)).toEqual([]);
    }
    expect(out.length).toBe(text.length);
  });
});

describe('redact on hostile input', () => {
  beforeAll(() => {
    clearRegisteredSecrets();
    registerSecretsFromEnv({});
  });

  // Each would take minutes (or forever) with a backtracking pattern; here they finish, and shrink.
  it.each([
    ['unterminated key blocks', '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(5000)],
    ['key block headers with junk', `${'-----BEGIN PRIVATE KEY-----\n'}${'x!'.repeat(500)}`.repeat(300)],
    ['repeated assignments', 'password='.repeat(50000)],
    ['repeated quoted assignments', 'password="'.repeat(50000)],
    ['colons without a scheme', `http://${'a:'.repeat(300)} `.repeat(500)],
    ['JWT-like dots', `eyJ${'a'.repeat(50)}.`.repeat(10000)],
    ['one 1 MB word', 'a'.repeat(1_000_000)],
    ['repeated headers', 'Authorization: '.repeat(30000)],
  ])('%s', (_name, input) => {
    const out = redact(input);
    expect(out.length).toBeLessThanOrEqual(input.length);
  });
});

describe('registered secrets', () => {
  beforeEach(() => clearRegisteredSecrets());

  it('replaces a registered value wherever it occurs, including each line of a multi-line value', () => {
    registerSecretsFromEnv({});
    registerSecret('plain-looking-value');
    registerSecret('line-one-secret\nline-two-secret');
    expect(redact('x plain-looking-value y line-two-secret z')).toBe('x *** y *** z');
    expect(redact('url-encoded: a%20b', ['a b-extra'])).toBe('url-encoded: a%20b');
    expect(redact('per call: only-this-call', ['only-this-call'])).toBe('per call: ***');
    expect(redact('per call: only-this-call')).toBe('per call: only-this-call');
    // A value that looks like code is kept, but a per-call secret inside it is still replaced.
    expect(redact('next_token = onlyThisCall42.next();', ['onlyThisCall42'])).toBe(
      'next_token = ***.next();',
    );
  });

  it('ignores values too short to mask without destroying text', () => {
    registerSecretsFromEnv({});
    registerSecret('ab');
    registerSecret('');
    registerSecret(undefined);
    expect(redact('ab abc ab')).toBe('ab abc ab');
  });

  it("reads the action's secret inputs and well-known variables from the environment", () => {
    registerSecretsFromEnv({
      'INPUT_GITHUB-TOKEN': 'v1.0123456789abcdef0123456789abcdef01234567',
      OLLAMA_CLOUD_API_KEY: 'ollama-key-0000aaaa1111',
      DATADOG_API_KEY: '0123456789abcdef0123456789abcdef',
      REDIS_URL: 'redis://:redis%2Fpass%40word@redis:6379/0',
      SKIP_TOKEN: 'true',
      PATH: '/usr/bin',
    });
    const text =
      'sent v1.0123456789abcdef0123456789abcdef01234567 to api; ollama-key-0000aaaa1111; 0123456789abcdef0123456789abcdef; redis/pass@word; true /usr/bin';
    expect(redact(text)).toBe('sent *** to api; ***; ***; ***; true /usr/bin');
  });

  it('reads process.env on first use', () => {
    const prev = process.env.AI_CI_TEST_SERVICE_TOKEN;
    process.env.AI_CI_TEST_SERVICE_TOKEN = 'zz-from-process-env-42';
    try {
      expect(redact('value zz-from-process-env-42 here')).toBe('value *** here');
    } finally {
      if (prev === undefined) delete process.env.AI_CI_TEST_SERVICE_TOKEN;
      else process.env.AI_CI_TEST_SERVICE_TOKEN = prev;
      clearRegisteredSecrets();
    }
  });
});

describe('createRedactStream', () => {
  beforeAll(() => {
    clearRegisteredSecrets();
    registerSecretsFromEnv({});
  });

  async function streamed(text: string, chunkSize: number): Promise<string> {
    const buf = Buffer.from(text);
    const chunks: Buffer[] = [];
    for (let i = 0; i < buf.length; i += chunkSize) chunks.push(buf.subarray(i, i + chunkSize));
    let out = '';
    const s = createRedactStream();
    s.on('data', (d: Buffer | string) => (out += String(d)));
    await pipeline(Readable.from(chunks), s);
    return out;
  }

  it.each([[1], [7], [100], [4096]])('gives the same text as redact() in %d-byte chunks', async (size) => {
    const gens = generators();
    const text = [
      'build step 1 ✓ naïve ünïcode',
      `+ export GITHUB_TOKEN=${gens.ghp()}`,
      gens.rsa_pkcs1(),
      `DATABASE_URL=postgres://app:${gens.password()}@db/app`,
      gens.openssh_key(),
      `curl -H "Authorization: Bearer ${gens.jwt()}"`,
      'done',
    ].join('\n');
    const out = await streamed(text, size);
    expect(out).toBe(redact(text));
    expect(out.split('\n')).toHaveLength(7);
  });
});
