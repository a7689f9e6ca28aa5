/**
 * Secret scrubbing for every text that leaves the runner (LLM prompts, cache entries, comments,
 * metrics, reports).
 *
 * Replacement marker: `***`, the same marker the Actions runner prints for masked values, so a
 * redacted excerpt reads like the workflow log it came from. Only the secret part is replaced:
 * `password=hunter2` becomes `password=***`, `postgres://app:pw@db` becomes
 * `postgres://app:***@db`, and whole-token formats (`ghp_…`, JWTs, private key blocks) become `***`.
 *
 * All patterns are alternatives of ONE regular expression applied in one pass, and each
 * alternative starts with a literal or a narrow character class and has bounded repetitions, so
 * the scan is linear in the input (no catastrophic backtracking) — it runs on 100 MB logs.
 * `bench/redact.bench.ts` measures the throughput.
 *
 * Besides the formats, every value the process knows to be secret is replaced wherever it occurs:
 * values passed to `registerSecret` (our own `::add-mask::` values) and, read from the environment
 * on first use, the action's secret inputs (`github-token`, `OLLAMA_CLOUD_API_KEY`,
 * `DATADOG_API_KEY`, the password in `REDIS_URL`, …) and any variable whose name ends in TOKEN,
 * SECRET, PASSWORD, API_KEY and the like.
 */

import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export const REDACTED = '***';

/** Values shorter than this are not registered: masking `a` or `42` everywhere would destroy text. */
const MIN_SECRET_LENGTH = 4;

/** Case-insensitive source for a word without the `i` flag (which would loosen every other pattern). */
function ci(word: string): string {
  return [...word]
    .map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[-_]/, '[-_]?')))
    .join('');
}

/** Key words that make an assignment's value secret. The key must END with one (optionally + `key`). */
const SENSITIVE_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'api_key',
  'apikey',
  'access_key',
  'private_key',
  'credentials',
];
// npm's `_auth=` (base64 user:password) needs its underscore: a bare `auth:` is usually a flag.
const SENSITIVE = `(?:${SENSITIVE_WORDS.map(ci).join('|')}|_${ci('auth')})(?:[-_]?[kK][eE][yY])?(?:[-_]?[bB][aA][sS][eE])?`;

/** Values after a sensitive key that are plainly not secrets (placeholders, booleans, references). */
const NOT_A_SECRET =
  /^(?:true|false|null|nil|none|undefined|required|optional|yes|no|\*+|x+|redacted|\[redacted.*|<.*>|\$.*|%.*%|\{\{.*|[\^~<>=v]*\d+\.\d+[\w.+-]*)$/i;

const PATTERNS: string[] = [
  // Private key blocks, whole; a block cut off before its END line is redacted to its last base64 line.
  String.raw`(?<pk>-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,16384}?-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s\\:,-]{0,16384}))`,
  // Whole-token formats with a recognisable prefix.
  String.raw`(?<tok>\b(?:` +
    [
      String.raw`gh[pousr]_[A-Za-z0-9_]{36,1000}`,
      String.raw`github_pat_[A-Za-z0-9_]{22,255}`,
      String.raw`(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}`,
      String.raw`xox[abposrec]-[A-Za-z0-9-]{10,255}`,
      String.raw`xapp-\d-[A-Za-z0-9-]{10,255}`,
      String.raw`[sr]k_(?:live|test)_[A-Za-z0-9]{10,255}`,
      String.raw`whsec_[A-Za-z0-9+/=]{20,255}`,
      String.raw`npm_[A-Za-z0-9]{36}`,
      String.raw`pypi-[A-Za-z0-9_-]{40,1000}`,
      String.raw`glpat-[A-Za-z0-9_-]{20,255}`,
      String.raw`AIza[0-9A-Za-z_-]{35}`,
      String.raw`sk-(?:proj|svcacct|admin|ant)-[A-Za-z0-9_-]{20,1000}`,
      String.raw`sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}`,
      String.raw`hf_[A-Za-z]{34}`,
      String.raw`SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`,
      String.raw`eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{0,4096}`,
    ].join('|') +
    `))`,
  // Slack incoming webhooks carry their secret in the path.
  String.raw`(?<swp>https://hooks\.slack\.com/(?:services|workflows|triggers)/)(?<sws>[A-Za-z0-9_/-]{10,255})`,
  // Credentials in URLs: scheme://user:password@host (redis://:pw@, postgres://u:pw@, mongodb+srv://…).
  String.raw`(?<up>://[^\s:/@'"<>]{0,256}:)(?<upw>[^\s/'"<>]{1,256})(?=@)`,
  // HTTP authorization headers, any scheme.
  String.raw`(?<ak>[:=](?<=${ci('authorization')}["'\x60]?[ \t]{0,8}[:=])[ \t]{0,8}["'\x60]?(?:(?:[bB]earer|[bB]asic|[tT]oken|[dD]igest|[nN]egotiate|Bot|AWS4-HMAC-SHA256)[ \t]+)?)(?<av>[^\s"'\x60,;]{4,8192})`,
  String.raw`(?<bk>\b[bB]earer[ \t]+)(?<bv>[A-Za-z0-9._~+/-]{16,8192}=*)`,
  // Assignments: password=…, "api_key": "…", secret: …, --token …, export GITHUB_TOKEN=…
  String.raw`(?<kk>(?:=>|:=|=(?![=~])|:(?!:))(?<=${SENSITIVE}["'\x60]?[ \t]{0,8}(?:=>|:=|=|:))[ \t]{0,8}|--[A-Za-z-]{0,40}${SENSITIVE}[ \t]{1,8})(?:"(?<kvd>(?:[^"\\\r\n]|\\.){1,1024})"|'(?<kvs>[^'\r\n]{1,1024})'|\x60(?<kvb>[^\x60\r\n]{1,1024})\x60|(?<kvu>[^\s"'\x60,;&<>(){}\[\]]{1,1024}))`,
];

const PATTERN_SOURCE = PATTERNS.join('|');

type Groups = Record<string, string | undefined>;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const registered = new Set<string>();
let envLoaded = false;
let compiled: { key: string; re: RegExp } | undefined;

/** Forms a secret takes in text besides itself: each line of a multi-line value, URL- and JSON-escaped. */
function variants(value: string): string[] {
  const out = new Set<string>();
  const add = (v: string): void => {
    const t = v.trim();
    if (t.length >= MIN_SECRET_LENGTH) out.add(t);
  };
  add(value);
  for (const line of value.split(/\r?\n/)) add(line);
  add(encodeURIComponent(value));
  add(JSON.stringify(value).slice(1, -1));
  return [...out];
}

/**
 * Marks a value as secret for every later `redact` call (call it wherever the code issues
 * `core.setSecret`/`::add-mask::`). Values shorter than 4 characters are ignored.
 */
export function registerSecret(value: string | undefined): void {
  if (!value) return;
  for (const v of variants(value)) registered.add(v);
}

/** Names of environment variables (and action inputs, `INPUT_*`) whose values are secret. */
const SECRET_ENV_NAME =
  /(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API[-_]?KEY|ACCESS[-_]?KEY|PRIVATE[-_]?KEY|CREDENTIALS)$/i;
const URL_ENV_NAME = /(?:REDIS|DATABASE|DB|MONGO|POSTGRES|MYSQL|AMQP|BROKER)[-_]?(?:URL|URI|DSN)$/i;

/**
 * Registers the secrets found in an environment: the action's secret inputs and well-known
 * variables by name, and the password of connection URLs such as `REDIS_URL`. Called on the first
 * `redact` with `process.env`; call it again after changing the environment.
 */
export function registerSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): void {
  envLoaded = true;
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (SECRET_ENV_NAME.test(name)) {
      // A flag such as SKIP_TOKEN=true is not a secret; masking "true" everywhere would destroy text.
      if (value.length >= 8 && !/^\d+$/.test(value)) registerSecret(value);
    } else if (URL_ENV_NAME.test(name)) {
      registerSecret(urlPassword(value));
    }
  }
}

function urlPassword(value: string): string | undefined {
  try {
    const u = new URL(value);
    return u.password ? decodeURIComponent(u.password) : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets registered secrets (tests); the environment is read again on the next `redact`. */
export function clearRegisteredSecrets(): void {
  registered.clear();
  envLoaded = false;
  compiled = undefined;
}

function regexFor(extra: readonly string[]): RegExp {
  const literals = [...registered, ...extra];
  const key = literals.length === 0 ? '' : `${literals.length}:${literals.join('\u0000')}`;
  if (compiled && compiled.key === key) {
    compiled.re.lastIndex = 0;
    return compiled.re;
  }
  // Longest first, so a secret that contains another is replaced whole.
  const alts = [...new Set(literals)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const source = alts.length > 0 ? `(?<lit>${alts.join('|')})|${PATTERN_SOURCE}` : PATTERN_SOURCE;
  const re = new RegExp(source, 'g');
  if (extra.length === 0) compiled = { key, re };
  return re;
}

function isProse(value: string, after: string): boolean {
  // "your password: go to settings" — a plain word followed by more words is a sentence, not a value.
  return /^[A-Za-z]+$/.test(value) && /^ +[A-Za-z]/.test(after);
}

const CODE_KEYWORDS =
  /^(?:new|function|class|await|async|this|typeof|return|void|const|let|var|lambda|self|None|nullptr)$/;

/**
 * Source code (diffs and stack traces go to the LLM) assigns to variables named `token` all the
 * time: `token = scanNumber();`, `nextToken = cond ? a : b`, `{ token: param.name, ... }`. A spaced
 * `=`/`:` followed by an identifier that is then called, indexed, ended with `;`, operated on or
 * listed in an object literal is code, not a secret. Shell and env assignments (`TOKEN=abc;`) have
 * no space before the value and stay redacted; values in a known token format are redacted anyway.
 */
function isCode(key: string, value: string, before: string, after: string): boolean {
  if (CODE_KEYWORDS.test(value)) return true;
  if (!/\s$/.test(key)) return false;
  if (value.startsWith('!')) return true;
  if (!/^[A-Za-z_$][\w$.]*$/.test(value)) return false;
  if (key.startsWith(':') && /\s$/.test(before)) return true; // `cond ? token : other`
  if (/^(?:[([]|[ \t]*[;?&|+*/%<>=!)}\]-])/.test(after)) return true;
  return (
    after.startsWith(',') && (/[a-z][A-Z]/.test(value) || value.includes('.') || /\{[^}\n]*$/.test(before))
  );
}

function replace(match: string, offset: number, whole: string, g: Groups, extras: readonly string[]): string {
  if (g.lit !== undefined || g.pk !== undefined || g.tok !== undefined) return REDACTED;
  if (g.sws !== undefined) return `${g.swp}${REDACTED}`;
  if (g.upw !== undefined) return `${g.up}${REDACTED}`;
  if (g.av !== undefined) return `${g.ak}${REDACTED}`;
  if (g.bv !== undefined) return `${g.bk}${REDACTED}`;
  if (g.kk !== undefined) {
    if (g.kvd !== undefined) return NOT_A_SECRET.test(g.kvd) ? match : `${g.kk}"${REDACTED}"`;
    if (g.kvs !== undefined) return NOT_A_SECRET.test(g.kvs) ? match : `${g.kk}'${REDACTED}'`;
    if (g.kvb !== undefined) return NOT_A_SECRET.test(g.kvb) ? match : `${g.kk}\`${REDACTED}\``;
    const v = g.kvu ?? '';
    if (NOT_A_SECRET.test(v) || /^\d{1,5}$/.test(v)) return match;
    const after = whole.slice(offset + match.length, offset + match.length + 4);
    const before = whole.slice(Math.max(0, offset - 200), offset);
    if (g.kk.trimEnd().endsWith(':') && isProse(v, after)) return match;
    // Not an assigned secret, but the value itself may still be a token (`token: ghp_… (user x)`).
    if (isCode(g.kk, v, before, after)) return `${g.kk}${redact(v, extras)}`;
    return `${g.kk}${REDACTED}`;
  }
  return match;
}

/**
 * Replaces every secret in `text` (see the module comment for what counts) with `***`.
 * `extra` adds literal secret values for this call only.
 */
export function redact(text: string, extra?: Iterable<string>): string {
  if (!envLoaded) registerSecretsFromEnv();
  if (text.length === 0) return text;
  const extras: string[] = [];
  if (extra) for (const e of extra) for (const v of variants(e)) extras.push(v);
  const re = regexFor(extras);
  return text.replace(re, (match: string, ...rest: unknown[]) => {
    const groups = rest[rest.length - 1] as Groups;
    const offset = rest[rest.length - 3] as number;
    const whole = rest[rest.length - 2] as string;
    return replace(match, offset, whole, groups, extras);
  });
}

/** A line longer than this is cut (and redacted in pieces) rather than buffered whole. */
const MAX_PENDING = 1024 * 1024;
/** How far a private key block may run past its BEGIN line before it is flushed anyway. */
const MAX_KEY_BLOCK = 64 * 1024;

/**
 * Redacts a text stream of any size (a 100 MB job log) with bounded memory: it passes on whole
 * lines, so no token is cut at a chunk boundary, and holds back an unfinished private key block
 * until its END line arrives. The output equals `redact` of the whole text.
 */
export function createRedactStream(extra?: Iterable<string>): Transform {
  const decoder = new StringDecoder('utf8');
  const extras = extra ? [...extra] : undefined;
  let pending = '';
  const take = (final: boolean): string => {
    let cut = final ? pending.length : pending.lastIndexOf('\n') + 1;
    if (cut === 0 && pending.length > MAX_PENDING) cut = pending.length;
    const begin = pending.lastIndexOf('-----BEGIN ', cut);
    if (begin >= 0 && !final && pending.length - begin < MAX_KEY_BLOCK) {
      const end = pending.indexOf('-----END ', begin);
      if (end < 0 || end >= cut) cut = Math.min(cut, begin);
    }
    const head = pending.slice(0, cut);
    pending = pending.slice(cut);
    return head.length > 0 ? redact(head, extras) : '';
  };
  return new Transform({
    transform(chunk: Buffer | string, _enc, done) {
      pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      const out = take(false);
      done(null, out.length > 0 ? out : undefined);
    },
    flush(done) {
      pending += decoder.end();
      const out = take(true);
      done(null, out.length > 0 ? out : undefined);
    },
  });
}
