import type { Strategy } from './settings.js';

export type BackendName = 'local' | 'cloud';
/** `background`: triage, gate, architecture, metrics insights. `user-facing`: PR comment prose, fix PR text. */
export type Audience = 'background' | 'user-facing';

export interface RouteContext {
  audience: Audience;
  strategy: Strategy;
  promptTokens: number;
  /** `quality`: prompts over this many tokens go to the cloud. */
  qualityPromptTokens: number;
  /** Recent latency per backend (ms), when known. */
  latencyMs: Partial<Record<BackendName, number>>;
}

/**
 * The order in which backends are tried for one call; the caller removes those it may not use
 * (no key, allow-cloud false, budget spent) and falls back along the rest.
 */
export function routeOrder(ctx: RouteContext): BackendName[] {
  const byAudience: BackendName[] = ctx.audience === 'user-facing' ? ['cloud', 'local'] : ['local', 'cloud'];
  switch (ctx.strategy) {
    case 'cost':
      return ['local', 'cloud'];
    case 'quality':
      return ctx.audience === 'user-facing' || ctx.promptTokens > ctx.qualityPromptTokens
        ? ['cloud', 'local']
        : ['local', 'cloud'];
    case 'latency': {
      const { local, cloud } = ctx.latencyMs;
      // Until both have answered once there is nothing to compare: the audience rule decides.
      if (local === undefined || cloud === undefined) return byAudience;
      return local <= cloud ? ['local', 'cloud'] : ['cloud', 'local'];
    }
    case 'hybrid':
      return byAudience;
  }
}

/** Exponentially weighted recent latency, so one slow call does not flip routing for good. */
export class LatencyTracker {
  private readonly values: Partial<Record<BackendName, number>> = {};

  constructor(private readonly weight = 0.3) {}

  observe(backend: BackendName, ms: number): void {
    const prev = this.values[backend];
    this.values[backend] = prev === undefined ? ms : prev + this.weight * (ms - prev);
  }

  snapshot(): Partial<Record<BackendName, number>> {
    return { ...this.values };
  }
}
