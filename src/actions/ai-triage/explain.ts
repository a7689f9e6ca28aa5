import type { DecisionCache } from '../../core/cache/decision-cache.js';
import type { LlmClient } from '../../core/llm/client.js';
import type { JsonSchema } from '../../core/llm/schema.js';
import type { Logger } from '../../core/logger.js';
import type { LlmAnalysis, RootCause, TriageReport } from './types.js';

export const PROMPT_VERSION = 'triage-root-cause-v1';

export const ANALYSIS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'explanation', 'suggested_fix', 'files', 'confidence'],
  properties: {
    summary: { type: 'string', maxLength: 300 },
    explanation: { type: 'string', maxLength: 2000 },
    suggested_fix: { type: 'string', maxLength: 2000 },
    files: { type: 'array', items: { type: 'string', maxLength: 300 }, maxItems: 10 },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
  },
};

const SYSTEM = [
  'You are a CI failure analyst. You are given the facts of one root cause of a failing CI run:',
  'its kind, where it points, the failing tests and the log lines that explain it.',
  'Explain in plain words why it fails and what change would fix it. Name only files that appear in the facts.',
  'Give a confidence between 0 and 1 that your explanation is right; say so when the facts are not enough.',
].join(' ');

function isAnalysis(v: unknown): v is LlmAnalysis {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.summary === 'string' &&
    typeof o.explanation === 'string' &&
    typeof o.suggested_fix === 'string' &&
    Array.isArray(o.files) &&
    typeof o.confidence === 'number'
  );
}

/** The facts one LLM call sees, compact: the model never sees the raw log. */
export function factsOf(rc: RootCause): string {
  const victims = rc.victims
    .slice(0, 10)
    .map((v) => `${v.name}${v.file ? `@${v.file}${v.line ? `:${v.line}` : ''}` : ''}`);
  return [
    `kind:${rc.kind}|where:${rc.file ?? '?'}${rc.line ? `:${rc.line}` : ''}|failing_tests:${rc.victims.length}|flaky:${rc.flaky}|infra:${rc.infra}`,
    `title:${rc.title}`,
    victims.length
      ? `tests:${victims.join('|')}${rc.victims.length > 10 ? `|+${rc.victims.length - 10} more` : ''}`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Adds the LLM's explanation to each root cause (background audience). The deterministic report
 * is never changed: a failed or unavailable call leaves `{skipped: why}`. Known fingerprints are
 * answered from the decision cache without a call.
 */
export async function explainRootCauses(
  report: TriageReport,
  deps: {
    llm: LlmClient | undefined;
    cache: DecisionCache | undefined;
    model: string;
    logger: Logger;
    maxCalls?: number;
  },
): Promise<{ calls: number; cacheHits: number }> {
  let calls = 0;
  let cacheHits = 0;
  const max = deps.maxCalls ?? 5;
  for (const rc of report.root_causes) {
    if (rc.infra) {
      rc.llm = { skipped: 'infrastructure failure: nothing to explain in the code' };
      continue;
    }
    const key = {
      kind: 'triage-root-cause',
      model: deps.model,
      promptVersion: PROMPT_VERSION,
      inputs: { fingerprint: rc.fingerprint, kind: rc.kind, title: rc.title, file: rc.file },
      temperature: 0,
    };
    const hit = deps.cache ? await deps.cache.get(key, isAnalysis) : undefined;
    if (hit) {
      rc.llm = hit.value;
      cacheHits++;
      continue;
    }
    if (!deps.llm) {
      rc.llm = { skipped: 'LLM disabled' };
      continue;
    }
    if (calls >= max) {
      rc.llm = { skipped: `only the first ${max} root causes are explained per run` };
      continue;
    }
    calls++;
    const res = await deps.llm.complete<LlmAnalysis>({
      audience: 'background',
      system: SYSTEM,
      prompt: `Facts of the root cause:\n${factsOf(rc)}`,
      data: [
        {
          label: 'explaining log lines',
          text: rc.lines.map((l) => `${l.source}:${l.n}: ${l.text}`).join('\n'),
        },
      ],
      schema: ANALYSIS_SCHEMA,
      mode: 'analysis',
      action: 'ai-triage',
    });
    if (!res.ok) {
      rc.llm = { skipped: res.reason };
      if (res.reason) deps.logger.debug(`ai-triage: no LLM explanation for ${rc.fingerprint}: ${res.reason}`);
      // One backend outage answers the same for every root cause: stop asking.
      if (/no LLM|unreachable|refused|timed out|not configured/i.test(res.reason)) {
        for (const rest of report.root_causes) {
          if ('skipped' in rest.llm && rest.llm.skipped === 'not requested')
            rest.llm = { skipped: res.reason };
        }
        break;
      }
      continue;
    }
    rc.llm = res.value;
    if (deps.cache)
      await deps.cache.put(key, {
        value: res.value,
        confidence: res.value.confidence,
        latencyMs: res.latencyMs,
      });
  }
  return { calls, cacheHits };
}
