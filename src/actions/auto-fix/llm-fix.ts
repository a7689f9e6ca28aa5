import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LlmClient } from '../../core/llm/client.js';
import type { JsonSchema } from '../../core/llm/schema.js';
import type { RootCause } from '../ai-triage/types.js';
import { extractDiff } from './patch.js';

export const FIX_PROMPT_VERSION = 'autofix-v1';

export interface LlmFix {
  diff: string;
  explanation: string;
  confidence: number;
  testing: string;
}

const SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['diff', 'explanation', 'confidence', 'testing'],
  properties: {
    diff: { type: 'string', maxLength: 20000 },
    explanation: { type: 'string', maxLength: 2000 },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    testing: { type: 'string', maxLength: 1000 },
  },
};

const SYSTEM = [
  'You fix one failing CI check with the smallest correct change to the source code.',
  'Answer with a unified diff (git format, paths relative to the repository root, a/ and b/ prefixes, correct hunk headers)',
  'that applies to the files shown. Never change tests to make them pass, never skip or weaken assertions,',
  'never touch CI configuration, lockfiles or secrets. If you are not sure, give a low confidence.',
].join(' ');

const EXCERPT_RADIUS = 40;

/** The files the root cause points at, around the failing line, numbered (redacted by the client). */
export function excerpts(workspace: string, files: Array<{ path: string; line: number | null }>): string {
  const out: string[] = [];
  for (const f of files.slice(0, 4)) {
    const abs = join(workspace, f.path);
    if (!existsSync(abs)) continue;
    const lines = readFileSync(abs, 'utf8').split('\n');
    const from = Math.max(0, (f.line ?? 1) - 1 - EXCERPT_RADIUS);
    const to = Math.min(lines.length, (f.line ?? 1) + EXCERPT_RADIUS);
    out.push(
      `--- ${f.path} (lines ${from + 1}-${to})`,
      ...lines.slice(from, to).map((l, i) => `${String(from + i + 1).padStart(5)}| ${l}`),
    );
  }
  return out.join('\n');
}

export async function proposeWithLlm(
  llm: LlmClient,
  rc: RootCause,
  workspace: string,
): Promise<
  | { ok: true; fix: LlmFix; model: string; costUsd: number; promptHash: string }
  | { ok: false; reason: string }
> {
  const files = [
    ...(rc.file ? [{ path: rc.file, line: rc.line }] : []),
    ...rc.victims.filter((v) => v.file).map((v) => ({ path: v.file!, line: v.line })),
  ].filter((f, i, a) => a.findIndex((g) => g.path === f.path) === i);
  const facts = [
    `kind:${rc.kind}|where:${rc.file ?? '?'}${rc.line ? `:${rc.line}` : ''}|failing_tests:${rc.victims.length}`,
    `title:${rc.title}`,
    ...rc.victims.slice(0, 5).map((v) => `test:${v.name}`),
  ].join('\n');
  const data = [
    { label: 'explaining log lines', text: rc.lines.map((l) => `${l.source}:${l.n}: ${l.text}`).join('\n') },
    { label: 'source files', text: excerpts(workspace, files) },
  ];
  const res = await llm.complete<LlmFix>({
    audience: 'user-facing',
    system: SYSTEM,
    prompt: `Propose a fix for this CI failure.\n${facts}`,
    data,
    schema: SCHEMA,
    mode: 'analysis',
    action: 'auto-fix',
    maxTokens: 2048,
    validate: (v) =>
      /^(?:diff --git|--- )/m.test(extractDiff(v.diff)) ? undefined : 'the diff field is not a unified diff',
  });
  if (!res.ok) return { ok: false, reason: res.reason };
  const { createHash } = await import('node:crypto');
  const promptHash = createHash('sha256')
    .update(FIX_PROMPT_VERSION)
    .update(facts)
    .update(JSON.stringify(data))
    .digest('hex')
    .slice(0, 16);
  return {
    ok: true,
    fix: { ...res.value, diff: extractDiff(res.value.diff) },
    model: res.model,
    costUsd: res.costUsd,
    promptHash,
  };
}
