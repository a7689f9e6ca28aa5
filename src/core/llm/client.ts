import { existsSync, readFileSync } from 'node:fs';
import { Ollama, type Message } from 'ollama';
import type { Agent } from 'undici';
import type { Logger } from '../logger.js';
import { redact } from '../redact.js';
import { timeoutMs } from '../timeouts.js';
import { type BudgetStore, CloudBudget, MemoryBudgetStore, recordUsage } from './budget.js';
import { type BackendFailure, classifyError, failure } from './failures.js';
import { backendAgent, type CallTrace, callFetch } from './http.js';
import { costUsd, priceOf } from './prices.js';
import { buildSystem, buildUserContent, type DataBlock, repairMessage } from './prompt.js';
import { type Audience, type BackendName, LatencyTracker, routeOrder } from './route.js';
import { type JsonSchema, type Parsed, parseStructured } from './schema.js';
import { type LlmSettings, isLoopbackUrl } from './settings.js';
import { type LlmStats, StatsRecorder } from './stats.js';
import { countTokens, truncateToTokens } from './tokens.js';

export interface CompleteRequest {
  audience: Audience;
  /** Our instructions. Redacted like everything else before it is sent. */
  system: string;
  /** The task, written by our code; facts may be inlined (already compressed). */
  prompt: string;
  /** Untrusted text (log excerpts, report fragments): redacted, fenced, and shrunk first when over budget. */
  data?: DataBlock[];
  /** Name used in per-action accounting; defaults to the client's action. */
  action?: string;
  /** Answer cap for this call (`num_predict`); defaults to the `max-tokens` setting. */
  maxTokens?: number;
  /** `analysis` = temperature 0 + fixed seed (default for structured calls); `prose` = a little variety. */
  mode?: 'analysis' | 'prose';
  /** Stream the answer; defaults to true when the answer may be long (max tokens over 512). */
  stream?: boolean;
}

export interface StructuredRequest<T> extends CompleteRequest {
  /** Sent as Ollama's `format` and validated with ajv. */
  schema: JsonSchema;
  /** A check beyond the schema: return a problem description, or undefined when the value is usable. */
  validate?: (value: T) => string | undefined;
}

export interface CompleteSuccess<T> {
  ok: true;
  value: T;
  text: string;
  backend: BackendName;
  model: string;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  costUsd: number;
  /** The first answer was invalid and the repair retry produced this one. */
  repaired: boolean;
  /** Prose cut short by `num_predict` (done_reason "length"). */
  truncated: boolean;
  /** Backends passed over before this answer, with reasons. */
  fallbacks: FallbackRecord[];
}

export interface CompleteFailure {
  ok: false;
  /** One line for the report's prose section: why there is no LLM text. */
  reason: string;
  fallbacks: FallbackRecord[];
}

export type CompleteResult<T> = CompleteSuccess<T> | CompleteFailure;

export interface FallbackRecord {
  backend: BackendName;
  kind: BackendFailure['kind'];
  message: string;
}

export interface LlmClient {
  complete(req: CompleteRequest): Promise<CompleteResult<string>>;
  complete<T>(req: StructuredRequest<T>): Promise<CompleteResult<T>>;
  /** Per backend and per action: calls, fallbacks, tokens, latency, estimated cost. */
  stats(): LlmStats;
  /** Whether each backend answers now (local: server up and model pulled; cloud: enabled and reachable). */
  available(): Promise<{ local: boolean; cloud: boolean }>;
  /** Whether the cloud backend may be used at all (key present and allow-cloud). */
  readonly cloudEnabled: boolean;
  close(): Promise<void>;
}

export interface LlmClientDeps {
  logger: Logger;
  budgetStore?: BudgetStore;
  env?: NodeJS.ProcessEnv;
  /** Replaces undici's fetch (proxies, tests); the call deadline and retries still apply. */
  fetch?: typeof fetch;
  /** Default action name for accounting. */
  action?: string;
  /** Repository (owner/name) that namespaces budget keys in a shared store. */
  repository?: string;
  /** Shared run id so all jobs of one workflow run share the per-run budget. */
  runId?: string;
  now?: () => Date;
  /** Container detection for the Docker hint; defaults to /.dockerenv and /proc/1/cgroup. */
  detectContainer?: () => boolean;
}

interface Backend {
  name: BackendName;
  url: string;
  model: string;
  timeoutMs: number;
  headers: Record<string, string>;
  agent?: Agent;
}

type Attempt =
  | {
      ok: true;
      text: string;
      doneReason: string;
      promptTokens: number;
      completionTokens: number;
      latencyMs: number;
    }
  | { ok: false; failure: BackendFailure };

export function createLlmClient(settings: LlmSettings, deps: LlmClientDeps): LlmClient {
  return new HybridLlmClient(settings, deps);
}

class HybridLlmClient implements LlmClient {
  readonly cloudEnabled: boolean;
  private readonly backends: Record<BackendName, Backend>;
  private readonly recorder: StatsRecorder;
  private readonly latency = new LatencyTracker();
  private readonly disabled = new Map<BackendName, BackendFailure>();
  private readonly logged = new Set<string>();
  private readonly budget: CloudBudget;
  private readonly logger: Logger;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly settings: LlmSettings,
    private readonly deps: LlmClientDeps,
  ) {
    this.logger = deps.logger;
    this.env = deps.env ?? process.env;
    this.cloudEnabled = settings.allowCloud && Boolean(settings.cloudApiKey);
    const useUndici = !deps.fetch;
    this.backends = {
      local: {
        name: 'local',
        url: settings.localUrl,
        model: settings.model,
        timeoutMs: settings.localTimeoutMs,
        headers: {},
        ...(useUndici ? { agent: backendAgent(settings.localTimeoutMs) } : {}),
      },
      cloud: {
        name: 'cloud',
        url: settings.cloudUrl,
        model: settings.cloudModel,
        timeoutMs: settings.cloudTimeoutMs,
        headers: this.cloudEnabled ? { Authorization: `Bearer ${settings.cloudApiKey}` } : {},
        ...(useUndici && this.cloudEnabled ? { agent: backendAgent(settings.cloudTimeoutMs) } : {}),
      },
    };
    this.recorder = new StatsRecorder({ local: settings.model, cloud: settings.cloudModel });
    this.budget = new CloudBudget(
      settings.budgets,
      deps.budgetStore ?? new MemoryBudgetStore(),
      this.logger,
      {
        runId: deps.runId ?? runIdFromEnv(this.env),
        scope: deps.repository,
        now: deps.now,
      },
    );
    if (!this.cloudEnabled) {
      this.logger.debug(
        settings.allowCloud
          ? 'LLM cloud backend off: no OLLAMA_CLOUD_API_KEY (providing the key is the opt-in).'
          : 'LLM cloud backend off: allow-cloud is false.',
      );
    }
    const detect = deps.detectContainer ?? detectContainer;
    if (!settings.runningInDocker && isLoopbackUrl(settings.localUrl) && detect()) {
      this.logger.info(
        `This step seems to run inside a container, where ${settings.localUrl} is the container itself. If Ollama runs on the host, set RUNNING_IN_DOCKER=true (uses host.docker.internal; on Linux runners the container needs --add-host=host.docker.internal:host-gateway) or set OLLAMA_LOCAL_URL.`,
      );
    }
  }

  complete(req: CompleteRequest): Promise<CompleteResult<string>>;
  complete<T>(req: StructuredRequest<T>): Promise<CompleteResult<T>>;
  complete<T>(
    req: CompleteRequest | StructuredRequest<T>,
  ): Promise<CompleteResult<string>> | Promise<CompleteResult<T>> {
    if ('schema' in req && req.schema) {
      const { schema, validate } = req;
      return this.guard(req, () =>
        this.run<T>(req, schema, (text) => {
          const parsed = parseStructured<T>(text, schema);
          if (!parsed.ok || !validate) return parsed;
          const problem = validate(parsed.value);
          return problem === undefined ? parsed : { ok: false, problem };
        }),
      );
    }
    return this.guard(req, () => this.run<string>(req, undefined, (text) => ({ ok: true, value: text })));
  }

  /** The LLM is optional: even a bug on this path must leave the deterministic result standing. */
  private async guard<T>(
    req: CompleteRequest,
    fn: () => Promise<CompleteResult<T>>,
  ): Promise<CompleteResult<T>> {
    try {
      return await fn();
    } catch (err) {
      const action = req.action ?? this.deps.action ?? 'default';
      const reason = `LLM call failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`;
      this.logger.warning(`${reason} (${action}); continuing without LLM text.`);
      if (err instanceof Error && err.stack) this.logger.debug(err.stack);
      return this.giveUp(action, reason, []);
    }
  }

  stats(): LlmStats {
    return this.recorder.snapshot();
  }

  async available(): Promise<{ local: boolean; cloud: boolean }> {
    const probeMs = timeoutMs('AI_CI_LLM_PROBE_TIMEOUT_MS', 5_000, this.env);
    const probe = async (b: Backend, needModel: boolean): Promise<boolean> => {
      const deadline = AbortSignal.timeout(Math.min(probeMs, b.timeoutMs));
      try {
        const list = await this.ollama(b, deadline, { requests: 0 }, 0).list();
        if (!needModel) return true;
        return list.models.some((m) => sameModel(m.name, b.model) || sameModel(m.model, b.model));
      } catch {
        return false;
      }
    };
    const [local, cloud] = await Promise.all([
      probe(this.backends.local, true),
      this.cloudEnabled ? probe(this.backends.cloud, false) : Promise.resolve(false),
    ]);
    return { local, cloud };
  }

  async close(): Promise<void> {
    await Promise.all(
      Object.values(this.backends).map((b) => b.agent?.close().catch(() => undefined) ?? Promise.resolve()),
    );
  }

  private ollama(
    b: Backend,
    deadline: AbortSignal,
    trace: CallTrace,
    maxRetries = this.settings.maxRetries,
  ): Ollama {
    return new Ollama({
      host: b.url,
      headers: b.headers,
      fetch: callFetch({
        deadline,
        trace,
        maxRetries,
        retryBaseMs: this.settings.retryBaseMs,
        retryAfterCapMs: this.settings.retryAfterCapMs,
        stripAuthorization: b.name === 'local',
        ...(b.agent ? { dispatcher: b.agent } : {}),
        ...(this.deps.fetch ? { baseFetch: this.deps.fetch } : {}),
      }),
    });
  }

  private async run<T>(
    req: CompleteRequest,
    schema: JsonSchema | undefined,
    parse: (text: string) => Parsed<T>,
  ): Promise<CompleteResult<T>> {
    const action = req.action ?? this.deps.action ?? 'default';
    const maxTokens = req.maxTokens ?? this.settings.maxTokens;
    const { system, user, promptTokens } = this.buildPrompt(req, schema);
    const messages: Message[] = [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ];
    const order = routeOrder({
      audience: req.audience,
      strategy: this.settings.strategy,
      promptTokens,
      qualityPromptTokens: this.settings.qualityPromptTokens,
      latencyMs: this.latency.snapshot(),
    }).filter((b) => b === 'local' || this.cloudEnabled);

    const fallbacks: FallbackRecord[] = [];
    const opts = {
      maxTokens,
      schema,
      mode: req.mode ?? (schema ? 'analysis' : 'prose'),
      stream: req.stream ?? maxTokens > 512,
    } as const;

    for (let i = 0; i < order.length; i++) {
      const b = this.backends[order[i]];
      const next = order[i + 1];
      const blocked = await this.blocked(b, promptTokens, maxTokens);
      if (blocked) {
        this.fallBack(action, b, blocked, next, fallbacks);
        continue;
      }
      const first = await this.attempt(b, messages, opts);
      if (!first.ok) {
        if (first.failure.persistent) this.disabled.set(b.name, first.failure);
        this.fallBack(action, b, first.failure, next, fallbacks);
        continue;
      }
      const firstCost = await this.account(action, b, first);
      let parsed = this.check(first, parse);
      if (parsed.ok) return this.success(b, first, parsed.value, firstCost, false, fallbacks);

      // One repair retry on the same backend, then the deterministic result stands.
      this.recorder.repaired(action, b.name);
      this.logger.debug(`LLM ${b.name} answer for ${action} unusable (${parsed.problem}); asking once more.`);
      const blockedRepair = await this.blocked(b, promptTokens + maxTokens, maxTokens);
      if (blockedRepair)
        return this.giveUp(action, `repair retry not sent: ${blockedRepair.message}`, fallbacks);
      const repairMessages: Message[] = [
        ...messages,
        // The model's own words go back redacted and bounded, like everything else we send.
        { role: 'assistant', content: truncateToTokens(redact(first.text), Math.min(maxTokens, 512)) },
        { role: 'user', content: repairMessage(parsed.problem, schema ?? {}) },
      ];
      const second = await this.attempt(b, repairMessages, opts);
      if (!second.ok) {
        return this.giveUp(action, `repair retry on ${b.name} failed: ${second.failure.message}`, fallbacks);
      }
      const secondCost = await this.account(action, b, second);
      parsed = this.check(second, parse);
      if (parsed.ok) {
        return this.success(b, second, parsed.value, firstCost + secondCost, true, fallbacks, first);
      }
      return this.giveUp(action, `answer unusable after one repair retry: ${parsed.problem}`, fallbacks);
    }
    const why = fallbacks.length
      ? fallbacks.map((f) => `${f.backend}: ${f.message}`).join('; ')
      : 'no backend enabled';
    return this.giveUp(action, `no LLM available (${why})`, fallbacks);
  }

  private check<T>(a: Extract<Attempt, { ok: true }>, parse: (text: string) => Parsed<T>): Parsed<T> {
    const parsed = parse(a.text);
    if (!parsed.ok) {
      return a.doneReason === 'length'
        ? { ok: false, problem: `it was cut off at the token limit (${parsed.problem})` }
        : parsed;
    }
    return parsed;
  }

  private success<T>(
    b: Backend,
    a: Extract<Attempt, { ok: true }>,
    value: T,
    cost: number,
    repaired: boolean,
    fallbacks: FallbackRecord[],
    earlier?: Extract<Attempt, { ok: true }>,
  ): CompleteSuccess<T> {
    return {
      ok: true,
      value,
      text: a.text,
      backend: b.name,
      model: b.model,
      promptTokens: a.promptTokens + (earlier?.promptTokens ?? 0),
      completionTokens: a.completionTokens + (earlier?.completionTokens ?? 0),
      latencyMs: a.latencyMs + (earlier?.latencyMs ?? 0),
      costUsd: cost,
      repaired,
      truncated: a.doneReason === 'length',
      fallbacks,
    };
  }

  private giveUp(action: string, reason: string, fallbacks: FallbackRecord[]): CompleteFailure {
    this.recorder.gaveUp(action);
    this.logger.debug(`LLM gave no usable answer for ${action}: ${reason}`);
    return { ok: false, reason, fallbacks };
  }

  /** Redacts, fences and fits the prompt to the prompt budget, shrinking untrusted data first. */
  private buildPrompt(req: CompleteRequest, schema: JsonSchema | undefined) {
    const system = buildSystem(redact(req.system));
    let prompt = redact(req.prompt);
    let data = (req.data ?? []).map((d) => ({ label: d.label, text: redact(d.text) }));
    const budget = this.settings.promptBudget;
    const measure = () => countTokens(system) + countTokens(buildUserContent(prompt, data, schema));
    let tokens = measure();
    if (tokens > budget && data.length) {
      const fixed =
        countTokens(system) + countTokens(buildUserContent(prompt, [], schema)) + data.length * 24;
      const each = Math.max(0, Math.floor((budget - fixed) / data.length));
      data = data.map((d) => ({ label: d.label, text: truncateToTokens(d.text, each) }));
      tokens = measure();
    }
    if (tokens > budget) {
      prompt = truncateToTokens(prompt, Math.max(0, countTokens(prompt) - (tokens - budget)));
      tokens = measure();
    }
    return { system, user: buildUserContent(prompt, data, schema), promptTokens: tokens };
  }

  private async blocked(
    b: Backend,
    promptTokens: number,
    maxTokens: number,
  ): Promise<BackendFailure | undefined> {
    const down = this.disabled.get(b.name);
    if (down) return down;
    if (b.name !== 'cloud') return undefined;
    const worstCase = costUsd(priceOf(this.settings.prices, b.model), promptTokens, maxTokens);
    const check = await this.budget.check(worstCase);
    if (check.ok) return undefined;
    const spent = `$${check.spentUsd.toFixed(4)} of $${check.limitUsd.toFixed(2)}`;
    return failure(
      'budget-exhausted',
      check.exhausted
        ? `cloud budget per ${check.period} exhausted (${spent}, estimated)`
        : `cloud budget per ${check.period} too low for this call (${spent} spent; it could cost up to $${worstCase.toFixed(4)}, estimated)`,
    );
  }

  private fallBack(
    action: string,
    b: Backend,
    f: BackendFailure,
    next: BackendName | undefined,
    fallbacks: FallbackRecord[],
  ): void {
    fallbacks.push({ backend: b.name, kind: f.kind, message: f.message });
    const reason = `${b.name} ${f.kind}`;
    this.recorder.fellBack(action, b.name, `${b.name}: ${f.message}`);
    const to = next
      ? `falling back to the ${next} model`
      : 'continuing without an LLM (the deterministic result stands)';
    const line = `LLM ${b.name} backend (${b.model} at ${b.url}) unavailable: ${f.message}; ${to}.`;
    if (this.logged.has(reason)) {
      this.logger.debug(line);
    } else {
      this.logged.add(reason);
      this.logger.warning(line);
    }
  }

  private async account(action: string, b: Backend, a: Extract<Attempt, { ok: true }>): Promise<number> {
    const cost =
      b.name === 'cloud'
        ? costUsd(priceOf(this.settings.prices, b.model), a.promptTokens, a.completionTokens)
        : 0;
    this.recorder.answered(action, b.name, {
      promptTokens: a.promptTokens,
      completionTokens: a.completionTokens,
      latencyMs: a.latencyMs,
      costUsd: cost,
    });
    this.latency.observe(b.name, a.latencyMs);
    if (cost > 0) await this.budget.record(cost);
    if (this.deps.budgetStore) {
      // Trends are a convenience: a store outage must not cost the answer.
      await recordUsage(
        this.deps.budgetStore,
        {
          backend: b.name,
          promptTokens: a.promptTokens,
          completionTokens: a.completionTokens,
          costUsd: cost,
        },
        { scope: this.deps.repository, now: this.deps.now },
      ).catch((err: unknown) => this.logger.debug(`LLM usage not stored: ${String(err)}`));
    }
    return cost;
  }

  private async attempt(
    b: Backend,
    messages: Message[],
    opts: { maxTokens: number; schema: JsonSchema | undefined; mode: 'analysis' | 'prose'; stream: boolean },
  ): Promise<Attempt> {
    const trace: CallTrace = { requests: 0 };
    const deadline = AbortSignal.timeout(b.timeoutMs);
    const client = this.ollama(b, deadline, trace);
    const request = {
      model: b.model,
      messages,
      ...(opts.schema ? { format: opts.schema } : {}),
      // Reasoning models spend num_predict on thinking; keep it short so the answer fits.
      ...(b.model.startsWith('gpt-oss') ? { think: 'low' as const } : {}),
      options: {
        temperature: opts.mode === 'analysis' ? 0 : 0.3,
        seed: this.settings.seed,
        num_predict: opts.maxTokens,
        num_ctx: this.settings.numCtx,
      },
    };
    const started = performance.now();
    try {
      let text = '';
      let final: { done_reason?: string; prompt_eval_count?: number; eval_count?: number } | undefined;
      if (opts.stream) {
        const parts = await client.chat({ ...request, stream: true });
        for await (const part of parts) {
          text += part.message?.content ?? '';
          if (part.done) final = part;
        }
      } else {
        const res = await client.chat({ ...request, stream: false });
        text = res.message?.content ?? '';
        final = res;
      }
      const latencyMs = performance.now() - started;
      const promptText = messages.map((m) => m.content).join('\n');
      return {
        ok: true,
        text,
        doneReason: final?.done_reason ?? 'stop',
        // Ollama omits prompt_eval_count when the prompt was cached; fall back to our estimate.
        promptTokens: final?.prompt_eval_count || countTokens(promptText),
        completionTokens: final?.eval_count || countTokens(text),
        latencyMs,
      };
    } catch (err) {
      return { ok: false, failure: classifyError(err, { trace, deadline, timeoutMs: b.timeoutMs }) };
    }
  }
}

function sameModel(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (s: string) => (s.includes(':') ? s : `${s}:latest`);
  return norm(a) === norm(b);
}

function runIdFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined;
}

/** Hint only: host.docker.internal does not resolve in a Linux runner's container jobs without --add-host. */
export function detectContainer(): boolean {
  try {
    if (existsSync('/.dockerenv')) return true;
    return /docker|containerd|kubepods|libpod/.test(readFileSync('/proc/1/cgroup', 'utf8'));
  } catch {
    return false;
  }
}
