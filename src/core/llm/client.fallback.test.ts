import { startOllamaStandIn } from '../../../test/standins/ollama/server.js';
import { type Rig, rig } from '../../../test/standins/ollama/harness.js';

let r: Rig;
afterEach(async () => {
  await r?.close();
});

const background = () =>
  r.client.complete({ audience: 'background', system: 'You explain CI failures.', prompt: 'Why?' });

async function closedPortUrl(): Promise<string> {
  const s = await startOllamaStandIn();
  const url = s.url;
  await s.close();
  return url;
}

describe('fallback chain: preferred -> other -> no LLM', () => {
  it('connection refused: falls back to the cloud, logs once, and skips the dead backend afterwards', async () => {
    r = await rig({ OLLAMA_LOCAL_URL: await closedPortUrl() });
    r.cloud.respondWith(() => ({ kind: 'answer', content: 'from cloud' }));
    const first = await background();
    const second = await background();
    expect(first).toMatchObject({
      ok: true,
      backend: 'cloud',
      fallbacks: [{ backend: 'local', kind: 'connection-refused' }],
    });
    expect(second).toMatchObject({ ok: true, backend: 'cloud' });
    const warnings = r.warnings().filter((w) => w.includes('connection refused'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^LLM local backend \(qwen2\.5:7b-instruct at http:\/\/127\.0\.0\.1:\d+\) unavailable: connection refused; falling back to the cloud model\.$/,
    );
    expect(r.client.stats().backends.local.fallbacks).toBe(2);
    expect(r.client.stats().actions.default).toMatchObject({ calls: 2, fallbacks: 2, noLlm: 0 });
  });

  it('timeout: a local call that does not answer within its bound fails with a timeout and the cloud answers', async () => {
    r = await rig({ AI_CI_LLM_LOCAL_TIMEOUT_MS: '300' });
    r.local.enqueue({ kind: 'delay', ms: 5_000, then: { kind: 'answer', content: 'too late' } });
    r.cloud.enqueue({ kind: 'answer', content: 'in time' });
    const res = await background();
    expect(res).toMatchObject({
      ok: true,
      backend: 'cloud',
      value: 'in time',
      fallbacks: [{ backend: 'local', kind: 'timeout', message: 'no answer within 300 ms' }],
    });
  });

  it('timeout while streaming also falls back', async () => {
    r = await rig({ AI_CI_LLM_LOCAL_TIMEOUT_MS: '300', 'INPUT_MAX-TOKENS': '2000' });
    r.local.enqueue({ kind: 'delay', ms: 5_000, then: { kind: 'answer', content: 'too late' } });
    const res = await background();
    expect(res).toMatchObject({ ok: true, backend: 'cloud', fallbacks: [{ kind: 'timeout' }] });
  });

  it('5xx: retried with backoff (bounded), then falls back', async () => {
    r = await rig();
    r.local.respondWith(() => ({
      kind: 'error',
      status: 500,
      message: 'llama runner process has terminated: exit status 2',
    }));
    const res = await background();
    expect(res).toMatchObject({
      ok: true,
      backend: 'cloud',
      fallbacks: [{ backend: 'local', kind: 'server-error' }],
    });
    expect(r.local.modelRequests()).toHaveLength(3);
    expect(r.warnings().join('\n')).toContain(
      '500 after 3 attempt(s): llama runner process has terminated: exit status 2',
    );
  });

  it('a 5xx that clears on retry is answered by the same backend', async () => {
    r = await rig();
    r.local.enqueue({
      kind: 'error',
      status: 503,
      message: 'server busy, please try again.  maximum pending requests exceeded',
    });
    r.local.enqueue({ kind: 'answer', content: 'second time lucky' });
    expect(await background()).toMatchObject({
      ok: true,
      backend: 'local',
      value: 'second time lucky',
      fallbacks: [],
    });
  });

  it('429: honours a short Retry-After and retries on the same backend', async () => {
    r = await rig();
    r.local.enqueue({ kind: 'error', status: 429, message: 'rate limited', retryAfter: '0' });
    r.local.enqueue({ kind: 'answer', content: 'after waiting' });
    expect(await background()).toMatchObject({ ok: true, backend: 'local', value: 'after waiting' });
    expect(r.local.modelRequests()).toHaveLength(2);
  });

  it('429 with a Retry-After over the cap falls back at once', async () => {
    r = await rig();
    r.local.enqueue({ kind: 'error', status: 429, message: 'rate limited', retryAfter: '3600' });
    const res = await background();
    expect(res).toMatchObject({ ok: true, backend: 'cloud', fallbacks: [{ kind: 'rate-limited' }] });
    expect(r.local.modelRequests()).toHaveLength(1);
    expect(r.warnings().join('\n')).toContain('Retry-After 3600 s is over our cap');
  });

  it("404 model not found (not pulled) falls back with Ollama's message", async () => {
    r = await rig();
    r.local.setModels(['llama3.2']);
    const res = await background();
    expect(res).toMatchObject({
      ok: true,
      backend: 'cloud',
      fallbacks: [
        {
          kind: 'model-not-found',
          message: '404: model "qwen2.5:7b-instruct" not found, try pulling it first',
        },
      ],
    });
  });

  it('an error line inside the stream, a dropped connection and invalid JSON each fall back', async () => {
    r = await rig({ 'INPUT_MAX-TOKENS': '2000' });
    r.local.enqueue({
      kind: 'stream-error',
      contentBefore: 'The fail',
      message: 'llama runner process has terminated',
    });
    r.local.enqueue({ kind: 'drop' });
    r.local.enqueue({ kind: 'drop-mid-stream', contentBefore: 'The fail' });
    const kinds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await background();
      expect(res).toMatchObject({ ok: true, backend: 'cloud' });
      kinds.push(...res.fallbacks.map((f) => f.kind));
    }
    expect(kinds).toEqual(['stream-error', 'connection-dropped', 'connection-dropped']);
    await r.close();
    // Not streamed (short answer): the body is parsed whole.
    r = await rig({ 'INPUT_MAX-TOKENS': '300' });
    r.local.enqueue({ kind: 'invalid-json' });
    expect(await background()).toMatchObject({
      ok: true,
      backend: 'cloud',
      fallbacks: [{ kind: 'invalid-response' }],
    });
  });

  it('both backends down: no LLM, a reason naming both, and the call is counted as noLlm', async () => {
    r = await rig({ OLLAMA_LOCAL_URL: await closedPortUrl() });
    r.cloud.setModels([]);
    const res = await r.client.complete({
      audience: 'user-facing',
      system: 's',
      prompt: 'p',
      action: 'pr-feedback',
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.reason).toBe(
      'no LLM available (cloud: 404: model "gpt-oss:120b" not found, try pulling it first; local: connection refused)',
    );
    expect(r.client.stats().actions['pr-feedback']).toMatchObject({ calls: 0, fallbacks: 2, noLlm: 1 });
    expect(r.warnings().at(-1)).toContain('continuing without an LLM (the deterministic result stands)');
  });

  it('an unauthorized cloud key falls back to local', async () => {
    r = await rig();
    r.cloud.respondWith(() => ({ kind: 'error', status: 401, message: 'unauthorized' }));
    const res = await r.client.complete({ audience: 'user-facing', system: 's', prompt: 'p' });
    expect(res).toMatchObject({
      ok: true,
      backend: 'local',
      fallbacks: [{ backend: 'cloud', kind: 'unauthorized' }],
    });
  });
});
