import { Inputs } from '../inputs.js';
import { recordingLogger } from '../logger.js';
import { createLlmClient } from './client.js';
import { parseRetryAfter } from './http.js';
import { readLlmSettings } from './settings.js';

const read = (env: Record<string, string>) => readLlmSettings(new Inputs(env), env);

describe('readLlmSettings', () => {
  it('has the documented defaults', () => {
    const s = read({});
    expect(s).toMatchObject({
      model: 'qwen2.5:7b-instruct',
      cloudModel: 'gpt-oss:120b',
      maxTokens: 1024,
      numCtx: 8192,
      promptBudget: 8192 - 1024,
      strategy: 'hybrid',
      allowCloud: true,
      localUrl: 'http://localhost:11434',
      cloudUrl: 'https://ollama.com',
      localTimeoutMs: 60_000,
      cloudTimeoutMs: 30_000,
      budgets: { perRunUsd: 0.25, perDayUsd: 2, perMonthUsd: 20 },
    });
    expect(s.cloudApiKey).toBeUndefined();
  });

  it("reads inputs first, then the seeds' variables", () => {
    expect(read({ AI_MODEL: 'llama3.2', OLLAMA_MODEL: 'other' }).model).toBe('llama3.2');
    expect(read({ OLLAMA_MODEL: 'mistral' }).model).toBe('mistral');
    expect(read({ INPUT_MODEL: 'phi3', AI_MODEL: 'llama3.2' }).model).toBe('phi3');
    const s = read({
      AI_MAX_TOKENS: '512',
      'INPUT_CLOUD-MODEL': 'qwen3-coder:480b',
      INPUT_STRATEGY: 'Quality',
    });
    expect([s.maxTokens, s.promptBudget, s.cloudModel, s.strategy]).toEqual([
      512,
      7680,
      'qwen3-coder:480b',
      'quality',
    ]);
    expect(read({ OLLAMA_HOST: '10.0.0.5' }).localUrl).toBe('http://10.0.0.5:11434');
    expect(read({ OLLAMA_HOST: 'gpu-box:8080', OLLAMA_LOCAL_URL: 'https://llm.internal/' }).localUrl).toBe(
      'https://llm.internal',
    );
    expect(read({ AI_CI_LLM_LOCAL_TIMEOUT_MS: '1000', AI_CI_TIMEOUT_SCALE: '3' }).localTimeoutMs).toBe(3000);
    expect(read({ OLLAMA_API_KEY: 'k1', OLLAMA_CLOUD_API_KEY: 'k2' }).cloudApiKey).toBe('k2');
    expect(read({ OLLAMA_API_KEY: 'k1' }).cloudApiKey).toBe('k1');
  });

  it('rejects bad values with messages naming the input', () => {
    expect(() => read({ INPUT_STRATEGY: 'fast' })).toThrow(
      "Invalid value for input 'strategy': 'fast'. Expected one of: cost, latency, quality, hybrid.",
    );
    expect(() => read({ AI_MAX_TOKENS: '9000' })).toThrow(/max-tokens.*leaves no room/);
    expect(() => read({ OLLAMA_LOCAL_URL: 'ftp://x' })).toThrow(/Expected an http:\/\/ or https:\/\/ URL/);
    expect(() => read({ AI_CI_LLM_PRICES: '{"m": {"input": "cheap"}}' })).toThrow(
      /AI_CI_LLM_PRICES entry 'm'/,
    );
  });

  it('RUNNING_IN_DOCKER=true rewrites localhost and 127.0.0.1 to host.docker.internal, other hosts stay', () => {
    expect(read({ RUNNING_IN_DOCKER: 'true' }).localUrl).toBe('http://host.docker.internal:11434');
    expect(read({ RUNNING_IN_DOCKER: 'true', OLLAMA_HOST: '127.0.0.1:11500' }).localUrl).toBe(
      'http://host.docker.internal:11500',
    );
    expect(read({ RUNNING_IN_DOCKER: '1', OLLAMA_LOCAL_URL: 'http://ollama:11434' }).localUrl).toBe(
      'http://ollama:11434',
    );
    expect(read({ RUNNING_IN_DOCKER: 'false' }).localUrl).toBe('http://localhost:11434');
  });

  it('detecting a container only logs a hint; the URL is not changed', async () => {
    const logger = recordingLogger();
    const s = read({});
    const client = createLlmClient(s, { logger, detectContainer: () => true });
    expect(s.localUrl).toBe('http://localhost:11434');
    expect(logger.messages('info')[0]).toMatch(/seems to run inside a container.*set RUNNING_IN_DOCKER=true/);
    await client.close();
    const quiet = recordingLogger();
    await createLlmClient(read({ RUNNING_IN_DOCKER: 'true' }), {
      logger: quiet,
      detectContainer: () => true,
    }).close();
    expect(quiet.messages('info')).toEqual([]);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:00:30 GMT', Date.parse('2026-11-21T10:00:00Z'))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
