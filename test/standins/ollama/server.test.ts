import { Ollama } from 'ollama';
import { type OllamaStandIn, startOllamaStandIn } from './server.js';

let s: OllamaStandIn;
beforeEach(async () => {
  s = await startOllamaStandIn({ models: ['qwen2.5:7b-instruct'] });
});
afterEach(async () => {
  await s.close();
});

const chat = (body: object) =>
  fetch(`${s.url}/api/chat`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('Ollama stand-in wire format', () => {
  it('serves version and tags as Ollama does', async () => {
    expect(await (await fetch(`${s.url}/api/version`)).json()).toEqual({ version: '0.12.6' });
    const tags = await new Ollama({ host: s.url }).list();
    expect(tags.models.map((m) => m.name)).toEqual(['qwen2.5:7b-instruct']);
    expect(tags.models[0].details.format).toBe('gguf');
  });

  it('streams NDJSON chunks and a final chunk with done_reason, counts and ns durations', async () => {
    s.enqueue({ kind: 'answer', content: 'The test fails', promptEvalCount: 26, evalCount: 3 });
    const res = await chat({ model: 'qwen2.5:7b-instruct', messages: [{ role: 'user', content: 'why?' }] });
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.message.content)).toEqual(['The ', 'test ', 'fails', '']);
    expect(lines.slice(0, 3).every((l) => l.done === false && !('done_reason' in l))).toBe(true);
    const last = lines[3];
    expect(last).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 26, eval_count: 3 });
    expect(last.eval_duration).toBe(60_000_000);
    expect(last.total_duration).toBeGreaterThan(last.eval_duration);
  });

  it('answers one JSON object when stream is false, and generate uses `response`', async () => {
    s.enqueue({ kind: 'answer', content: '{"a":1}', doneReason: 'length' });
    const res = await chat({
      model: 'qwen2.5:7b-instruct',
      messages: [{ role: 'user', content: 'x' }],
      stream: false,
    });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toMatchObject({
      message: { role: 'assistant', content: '{"a":1}' },
      done_reason: 'length',
    });
    s.enqueue({ kind: 'answer', content: 'hi' });
    const gen = await new Ollama({ host: s.url }).generate({
      model: 'qwen2.5:7b-instruct',
      prompt: 'x',
      stream: false,
    });
    expect(gen.response).toBe('hi');
    expect(gen.done).toBe(true);
  });

  it("reports an unknown model with Ollama's 404 wording and a missing model with 400", async () => {
    const res = await chat({ model: 'llama3', messages: [] });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'model "llama3" not found, try pulling it first' });
    const bad = await chat({ messages: [] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'model is required' });
    const other = await fetch(`${s.url}/api/nothing`);
    expect([other.status, await other.text()]).toEqual([404, '404 page not found']);
  });

  it('streams /api/generate with `response` pieces and a final chunk with context', async () => {
    s.enqueue({ kind: 'answer', content: 'two words', evalCount: 2 });
    const res = await fetch(`${s.url}/api/generate`, {
      method: 'POST',
      body: JSON.stringify({ model: 'qwen2.5:7b-instruct', prompt: 'hi' }),
    });
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.response)).toEqual(['two ', 'words', '']);
    expect(lines[2]).toMatchObject({ done: true, done_reason: 'stop', eval_count: 2, context: [1, 2, 3] });
  });

  it('loads the model on an empty chat (done_reason load)', async () => {
    const res = await chat({ model: 'qwen2.5:7b-instruct', messages: [], stream: false });
    expect(await res.json()).toMatchObject({ done: true, done_reason: 'load', message: { content: '' } });
  });

  it('sends 429 with Retry-After, an error line mid-stream, and records headers', async () => {
    s.enqueue({ kind: 'error', status: 429, message: 'too many requests', retryAfter: '7' });
    const res = await chat({ model: 'qwen2.5:7b-instruct', messages: [{ role: 'user', content: 'x' }] });
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '7']);
    s.enqueue({
      kind: 'stream-error',
      contentBefore: 'partial answer',
      message: 'llama runner process has terminated',
    });
    const stream = await chat({ model: 'qwen2.5:7b-instruct', messages: [{ role: 'user', content: 'x' }] });
    const lines = (await stream.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toEqual({ error: 'llama runner process has terminated' });
    expect(lines.length).toBe(3);
    expect(s.modelRequests()).toHaveLength(2);
    expect(s.requests[0].headers['content-type']).toBe('application/json');
  });

  it('the ollama package throws the stream error line as an error', async () => {
    s.enqueue({ kind: 'stream-error', contentBefore: 'partial', message: 'boom' });
    const it = await new Ollama({ host: s.url }).chat({
      model: 'qwen2.5:7b-instruct',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const p of it) seen.push(p.message.content);
      })(),
    ).rejects.toThrow('boom');
    expect(seen).toEqual(['partial']);
  });
});
