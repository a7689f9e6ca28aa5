import type { BackendName } from './route.js';

/** Counters for one backend or one action. Tokens are what Ollama reported (prompt_eval_count, eval_count). */
export interface UsageCounters {
  /** Calls answered. */
  calls: number;
  /** Calls this backend (or, per action, any backend) could not answer and passed on. */
  fallbacks: number;
  /** Repair retries after an invalid structured answer. */
  repairs: number;
  promptTokens: number;
  completionTokens: number;
  /** Sum of wall-clock latency of answered calls. */
  latencyMs: number;
  /** Estimated USD (cloud only; local is free). */
  costUsd: number;
}

export interface LlmStats {
  backends: Record<BackendName, UsageCounters & { model: string }>;
  actions: Record<string, UsageCounters & { noLlm: number }>;
  /** Calls that ended without any LLM (the deterministic result stood). */
  noLlm: number;
  /** Fallback reasons, once each, in order of first occurrence. */
  fallbackReasons: string[];
}

export function emptyCounters(): UsageCounters {
  return {
    calls: 0,
    fallbacks: 0,
    repairs: 0,
    promptTokens: 0,
    completionTokens: 0,
    latencyMs: 0,
    costUsd: 0,
  };
}

export class StatsRecorder {
  private readonly backends: LlmStats['backends'];
  private readonly actions = new Map<string, UsageCounters & { noLlm: number }>();
  private noLlm = 0;
  private readonly reasons: string[] = [];

  constructor(models: Record<BackendName, string>) {
    this.backends = {
      local: { ...emptyCounters(), model: models.local },
      cloud: { ...emptyCounters(), model: models.cloud },
    };
  }

  private action(name: string): UsageCounters & { noLlm: number } {
    let a = this.actions.get(name);
    if (!a) {
      a = { ...emptyCounters(), noLlm: 0 };
      this.actions.set(name, a);
    }
    return a;
  }

  answered(
    action: string,
    backend: BackendName,
    u: { promptTokens: number; completionTokens: number; latencyMs: number; costUsd: number },
  ): void {
    for (const c of [this.backends[backend], this.action(action)]) {
      c.calls++;
      c.promptTokens += u.promptTokens;
      c.completionTokens += u.completionTokens;
      c.latencyMs += u.latencyMs;
      c.costUsd += u.costUsd;
    }
  }

  fellBack(action: string, backend: BackendName, reason: string): void {
    this.backends[backend].fallbacks++;
    this.action(action).fallbacks++;
    if (!this.reasons.includes(reason)) this.reasons.push(reason);
  }

  repaired(action: string, backend: BackendName): void {
    this.backends[backend].repairs++;
    this.action(action).repairs++;
  }

  gaveUp(action: string): void {
    this.noLlm++;
    this.action(action).noLlm++;
  }

  snapshot(): LlmStats {
    return {
      backends: { local: { ...this.backends.local }, cloud: { ...this.backends.cloud } },
      actions: Object.fromEntries([...this.actions].map(([k, v]) => [k, { ...v }])),
      noLlm: this.noLlm,
      fallbackReasons: [...this.reasons],
    };
  }
}
