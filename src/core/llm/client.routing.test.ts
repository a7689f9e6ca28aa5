import { CLOUD_KEY, type Rig, rig } from '../../../test/standins/ollama/harness.js';

let r: Rig;
afterEach(async () => {
  await r?.close();
});

const ask = (audience: 'background' | 'user-facing', prompt = 'Summarise the failure.') =>
  r.client.complete({ audience, system: 'You explain CI failures.', prompt });

describe('routing per audience and strategy', () => {
  it('hybrid: background goes local, user-facing goes to the cloud', async () => {
    r = await rig();
    r.local.enqueue({ kind: 'answer', content: 'local says hi' });
    r.cloud.enqueue({ kind: 'answer', content: 'cloud says hi' });
    const bg = await ask('background');
    const uf = await ask('user-facing');
    expect(bg).toMatchObject({
      ok: true,
      backend: 'local',
      model: 'qwen2.5:7b-instruct',
      value: 'local says hi',
    });
    expect(uf).toMatchObject({ ok: true, backend: 'cloud', model: 'gpt-oss:120b', value: 'cloud says hi' });
    expect(r.local.modelRequests()).toHaveLength(1);
    expect(r.cloud.modelRequests()).toHaveLength(1);
  });

  it('the bearer header reaches the cloud stand-in and never the local one', async () => {
    r = await rig();
    await ask('user-facing');
    await ask('background');
    await r.client.available();
    expect(r.cloud.requests.length).toBeGreaterThanOrEqual(2);
    for (const req of r.cloud.requests) expect(req.headers.authorization).toBe(`Bearer ${CLOUD_KEY}`);
    expect(r.local.requests.length).toBeGreaterThanOrEqual(2);
    for (const req of r.local.requests) expect(req.headers.authorization).toBeUndefined();
    // The key is not in any body either.
    for (const req of [...r.local.requests, ...r.cloud.requests])
      expect(JSON.stringify(req.body ?? null)).not.toContain(CLOUD_KEY);
  });

  it('cost: user-facing calls stay local', async () => {
    r = await rig({ INPUT_STRATEGY: 'cost' });
    expect(await ask('user-facing')).toMatchObject({ ok: true, backend: 'local' });
    expect(r.cloud.modelRequests()).toHaveLength(0);
  });

  it('quality: user-facing and prompts over the size limit go to the cloud, small background prompts stay local', async () => {
    r = await rig({ INPUT_STRATEGY: 'quality', AI_CI_LLM_QUALITY_PROMPT_TOKENS: '200' });
    expect(await ask('background', 'short')).toMatchObject({ backend: 'local' });
    expect(await ask('user-facing', 'short')).toMatchObject({ backend: 'cloud' });
    expect(await ask('background', 'word '.repeat(400))).toMatchObject({ backend: 'cloud' });
    expect(r.local.modelRequests()).toHaveLength(1);
    expect(r.cloud.modelRequests()).toHaveLength(2);
  });

  it('latency: once both have answered, the faster backend gets every call', async () => {
    r = await rig({ INPUT_STRATEGY: 'latency' });
    r.local.respondWith(() => ({ kind: 'answer', content: 'slow', delayMs: 400 }));
    r.cloud.respondWith(() => ({ kind: 'answer', content: 'fast' }));
    // Nothing measured yet: the audience rule decides.
    expect(await ask('background')).toMatchObject({ backend: 'local' });
    expect(await ask('user-facing')).toMatchObject({ backend: 'cloud' });
    expect(await ask('background')).toMatchObject({ backend: 'cloud', value: 'fast' });
    expect(r.local.modelRequests()).toHaveLength(1);
  });

  it('without a cloud key nothing is sent to the cloud, user-facing calls go local', async () => {
    r = await rig({}, {}, { withCloudKey: false });
    expect(r.client.cloudEnabled).toBe(false);
    expect(await ask('user-facing')).toMatchObject({ ok: true, backend: 'local' });
    expect(await r.client.available()).toEqual({ local: true, cloud: false });
    expect(r.cloud.requests).toHaveLength(0);
  });

  it('with allow-cloud false nothing is sent to the cloud even with a key, and a local outage means no LLM', async () => {
    r = await rig({ 'INPUT_ALLOW-CLOUD': 'false' });
    expect(r.client.cloudEnabled).toBe(false);
    expect(await ask('user-facing')).toMatchObject({ ok: true, backend: 'local' });
    r.local.setModels([]);
    const res = await ask('user-facing');
    expect(res.ok).toBe(false);
    expect(r.cloud.requests).toHaveLength(0);
  });

  it('available() reports a local server without the model as unavailable', async () => {
    r = await rig();
    expect(await r.client.available()).toEqual({ local: true, cloud: true });
    r.local.setModels(['llama3.2']);
    expect(await r.client.available()).toEqual({ local: false, cloud: true });
  });

  it('sends the model options: num_predict from max-tokens, num_ctx, fixed seed, temperature 0.3 for prose', async () => {
    r = await rig({ 'INPUT_MAX-TOKENS': '300' });
    await ask('background');
    const body = r.local.modelRequests()[0].body;
    expect(body).toMatchObject({
      model: 'qwen2.5:7b-instruct',
      stream: false,
      options: { num_predict: 300, num_ctx: 8192, seed: 42, temperature: 0.3 },
    });
  });

  it('streams long answers and assembles the chunks', async () => {
    r = await rig();
    r.local.enqueue({
      kind: 'answer',
      content: 'a long explanation in many chunks',
      promptEvalCount: 50,
      evalCount: 7,
    });
    const res = await ask('background');
    expect(res).toMatchObject({
      ok: true,
      value: 'a long explanation in many chunks',
      promptTokens: 50,
      completionTokens: 7,
    });
    expect(r.local.modelRequests()[0].body).toMatchObject({ stream: true });
  });
});
