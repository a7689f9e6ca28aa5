/**
 * prompt-compression: tokens of our prompt section vs the naive prompt (the whole raw job log,
 * redacted, as a seed-style pipeline sends it), over the committed real CI failure logs in
 * test/fixtures/logs/<case>/ (made by test/fixtures/scripts/gen-logs.sh running the real tools).
 *
 * "Explaining lines" come from the tool's own structured output (report.json / report.xml /
 * report.txt): the failure message and stack it reported for each failure, located in the text
 * log (the log's own line is the one checked). Stack frames into runtime or dependency code
 * (node_modules, node: internals, site-packages, the Go root) are not explaining lines: they are
 * what trimming removes on purpose. Every located line must still be in our prompt. Where the log
 * extractor's labels.json (written by test/fixtures/scripts/label-logs.mjs from the same reports)
 * names more lines of fail.gh.log, those count too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressLog, normalizeLogLine } from '../src/core/llm/compress.js';
import { countTokens } from '../src/core/llm/tokens.js';
import { redact } from '../src/core/redact.js';
import type { BenchOptions, BenchResult } from './types.js';

const LOGS = join(import.meta.dirname, '..', 'test', 'fixtures', 'logs');
/** The prompt budget of the default settings (num_ctx 8192 - max-tokens 1024), minus room for instructions. */
const BUDGET = 6000;

interface CaseResult {
  name: string;
  naive: number;
  ours: number;
  /** The same run captured without the runner's framing (no timestamps, no colour). */
  plainNaive: number;
  plainOurs: number;
  explaining: number;
  present: number;
  missing: string[];
}

export default async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const cases = existsSync(LOGS)
    ? readdirSync(LOGS).filter((d) => existsSync(join(LOGS, d, 'fail.gh.log')))
    : [];
  if (cases.length === 0) {
    return [
      {
        name: 'prompt-compression',
        value: 0,
        unit: '%',
        op: '>=',
        target: 70,
        extra: 'no fixtures in test/fixtures/logs',
      },
    ];
  }
  const results = cases.sort().map((c) => measure(c));
  const naive = results.reduce((n, r) => n + r.naive, 0);
  const ours = results.reduce((n, r) => n + r.ours, 0);
  const explaining = results.reduce((n, r) => n + r.explaining, 0);
  const present = results.reduce((n, r) => n + r.present, 0);
  const pct = Math.round((1 - ours / naive) * 1000) / 10;
  const plainNaive = results.reduce((n, r) => n + r.plainNaive, 0);
  const plainOurs = results.reduce((n, r) => n + r.plainOurs, 0);
  const plainPct = Math.round((1 - plainOurs / plainNaive) * 1000) / 10;
  const worst = [...results].sort((a, b) => b.ours / b.naive - a.ours / a.naive)[0];
  const missing = results.flatMap((r) => r.missing.map((m) => `${r.name}: ${m}`));
  const throughput = opts.large ? [measureThroughput(cases)] : [];
  return [
    ...throughput,
    {
      name: 'prompt-compression',
      value: pct,
      unit: '%',
      op: '>=',
      target: 70,
      extra: `${naive} -> ${ours} tokens over ${results.length} real job logs; explaining lines present ${present}/${explaining}; least saved: ${worst.name} ${worst.naive}->${worst.ours}; plain captures without runner framing: ${plainPct}% (${plainNaive} -> ${plainOurs})`,
    },
    {
      name: 'prompt-compression-explaining-lines-missing',
      value: explaining - present,
      unit: 'lines',
      op: '==',
      target: 0,
      extra: missing.length ? missing.join(' || ') : `all ${explaining} present`,
    },
  ];
}

/** `--large`: the real logs repeated to 50 MB, as one huge job log. */
function measureThroughput(cases: string[]): BenchResult {
  const all = cases.map((c) => readFileSync(join(LOGS, c, 'fail.gh.log'), 'utf8')).join('\n');
  const big = Array<string>(Math.ceil(50e6 / all.length))
    .fill(all)
    .join('\n');
  const started = performance.now();
  const c = compressLog(big, { budgetTokens: BUDGET });
  const seconds = (performance.now() - started) / 1000;
  return {
    name: 'prompt-compression-throughput',
    value: Math.round((big.length / 1e6 / seconds) * 10) / 10,
    unit: 'MB/s',
    op: '>=',
    target: 5,
    extra: `${(big.length / 1e6).toFixed(0)} MB log -> ${c.tokens} tokens, ${c.blocks} failure blocks in ${c.clusters} clusters`,
  };
}

function measure(name: string): CaseResult {
  const dir = join(LOGS, name);
  const raw = redact(readFileSync(join(dir, 'fail.gh.log'), 'utf8'));
  const compressed = compressLog(raw, { budgetTokens: BUDGET });
  const logLines = raw.split('\n').map((l) => normalizeLogLine(l).trim());
  const wanted = [...new Set([...locate(reportLines(dir), logLines), ...labelled(dir, logLines)])];
  const promptLines = compressed.text.split('\n').map((l) => l.trim());
  const missing = wanted.filter((w) => !promptLines.some((p) => p.includes(w)));
  const plainFile = join(dir, 'fail.log');
  const plain = existsSync(plainFile) ? redact(readFileSync(plainFile, 'utf8')) : '';
  return {
    name,
    naive: countTokens(raw),
    ours: compressed.tokens,
    plainNaive: countTokens(plain),
    plainOurs: plain ? compressLog(plain, { budgetTokens: BUDGET }).tokens : 0,
    explaining: wanted.length,
    present: wanted.length - missing.length,
    missing,
  };
}

// ---------------------------------------------------------------------------------------------
// What the tool itself reported, per report format

function reportLines(dir: string): string[] {
  const file = readdirSync(dir).find((f) => f.startsWith('report.'));
  if (!file) return [];
  const text = readFileSync(join(dir, file), 'utf8');
  if (file.endsWith('.xml')) return junitFailures(text);
  if (file.endsWith('.json')) return jsonFailures(text);
  if (file === 'report.txt') return text.split('\n').map((l) => l.replace(/^\S+\(\d+,\d+\): /, ''));
  return text.split('\n');
}

function jsonFailures(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{"Time"') || trimmed.includes('\n{"Time"')) return goFailures(trimmed);
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return [];
  }
  const out: string[] = [];
  const visit = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) {
      for (const x of v) {
        if (key === 'failureMessages' && typeof x === 'string') out.push(...x.split('\n'));
        else visit(x);
      }
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o: Record<string, unknown> = { ...v };
    // mocha: failures[].err.{message,stack}; eslint: messages[].message; npm: error.summary
    if (key === 'err' && typeof o.stack === 'string') out.push(...o.stack.split('\n'));
    if (key === 'messages' || (typeof o.ruleId === 'string' && typeof o.message === 'string')) {
      if (typeof o.message === 'string') out.push(o.message);
    }
    if (key === 'error' && typeof o.summary === 'string') out.push(...o.summary.split('\n'));
    for (const [k, x] of Object.entries(o)) if (typeof x === 'object') visit(x, k);
  };
  // mocha lists each failure in both `tests` and `failures`; `failures` is enough.
  const root: Record<string, unknown> =
    doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc } : {};
  if (Array.isArray(root.failures)) visit(root.failures);
  else visit(doc);
  return out;
}

function goFailures(text: string): string[] {
  const byTest = new Map<string, string[]>();
  const failed = new Set<string>();
  for (const line of text.split('\n')) {
    let e: { Action?: string; Test?: string; Package?: string; Output?: string };
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    const key = `${e.Package}/${e.Test ?? ''}`;
    if (e.Action === 'output' && e.Output) {
      const list = byTest.get(key) ?? [];
      list.push(e.Output.replace(/\n$/, ''));
      byTest.set(key, list);
    }
    if (e.Action === 'fail' && e.Test) failed.add(key);
  }
  return [...failed].flatMap((k) =>
    (byTest.get(k) ?? []).filter((l) => !/^(=== RUN|--- FAIL|=== PAUSE|=== CONT)/.test(l)),
  );
}

function junitFailures(xml: string): string[] {
  const out: string[] = [];
  const re = /<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const msg = /\bmessage="([^"]*)"/.exec(m[2]);
    if (msg) out.push(...decode(msg[1]).split('\n'));
    if (m[3]) out.push(...decode(m[3].replace(/^<!\[CDATA\[|\]\]>$/g, '')).split('\n'));
  }
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&#10;/g, '\n')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

// ---------------------------------------------------------------------------------------------
// Locating report lines in the text log

const RUNTIME_FRAME =
  /node_modules[\\/]|\(node:|\bat node:|internal\/|\(<anonymous>\)|^(?:at )?(?:async )?[\w.$ ]+ \((?:<anonymous>|index \d+)\)$|site-packages|\/lib\/python[\d.]+\/|\/usr\/(?:local\/)?(?:lib\/)?go[-\d.]*\/|^at (?:java\.|javax\.|jdk\.|sun\.|org\.junit\.)|^(?:testing|runtime)\.\S*\(|^panic\(|^created by testing\./;
const ERROR_PREFIX = /^(?:\w*Error|Error \[\w+\]|\w+Exception)(?: \[\w+\])?: /;

/** Report lines, as the log shows them: the log's own lines that explain a failure. */
function locate(report: string[], log: string[]): string[] {
  const found = new Set<string>();
  const logSet = new Set(log);
  let underRuntime = -1;
  for (const r0 of report) {
    const line = normalizeLogLine(r0);
    let r = line.trim();
    const depth = line.length - line.trimStart().length;
    // Source lines a Python traceback prints under a runtime frame belong to that frame.
    if (underRuntime >= 0 && depth > underRuntime && r !== '') continue;
    underRuntime = -1;
    if (RUNTIME_FRAME.test(r)) {
      underRuntime = depth;
      continue;
    }
    if ((r.match(/\w/g) ?? []).length < 3) continue;
    // Reports carry absolute paths; logs usually relative ones.
    r = r.replace(/file:\/\//g, '').replace(/\/tmp\/ai-ci-logs\/[^/]+\//g, '');
    const candidates = [r, r.replace(ERROR_PREFIX, '')];
    let hit = candidates.find((c) => logSet.has(c));
    if (!hit) {
      const needle = candidates[1];
      if (needle.length >= 12) hit = log.find((l) => l.includes(needle));
    }
    if (hit) found.add(hit);
  }
  return [...found];
}

/** Lines of fail.gh.log that labels.json marks as explaining, minus runtime/dependency frames. */
function labelled(dir: string, log: string[]): string[] {
  const file = join(dir, 'labels.json');
  if (!existsSync(file)) return [];
  let numbers: unknown;
  try {
    const doc: { logs?: Record<string, unknown> } = JSON.parse(readFileSync(file, 'utf8'));
    numbers = doc.logs?.['fail.gh.log'];
  } catch {
    return [];
  }
  if (!Array.isArray(numbers)) return [];
  const out: string[] = [];
  for (const n of numbers) {
    if (typeof n !== 'number' || n < 1 || n > log.length) continue;
    const line = log[n - 1];
    if (line === '' || RUNTIME_FRAME.test(line)) continue;
    if (underRuntimeFrame(log, n - 1)) continue;
    out.push(line);
  }
  return out;
}

/** Python prints a frame's source line under it; it belongs to a runtime frame when that frame does. */
function underRuntimeFrame(log: string[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const prev = log[k];
    if (prev === '') continue;
    return /^File "|\.py:\d+: in /.test(prev) && RUNTIME_FRAME.test(prev);
  }
  return false;
}
