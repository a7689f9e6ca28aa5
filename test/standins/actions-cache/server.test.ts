import { BlockBlobClient } from '@azure/storage-blob';
import { ActionsCacheStandIn } from './server.js';

/** The parts of the stand-in the small archives of the cache tier never reach: block uploads. */
describe('Actions cache stand-in', () => {
  let standin: ActionsCacheStandIn;
  beforeEach(async () => {
    standin = await new ActionsCacheStandIn().start();
  });
  afterEach(async () => standin.stop());

  const twirp = async (method: string, body: object, token = standin.token) => {
    const res = await fetch(`${standin.url}twirp/github.actions.results.api.v1.CacheService/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('accepts a Put Block / Put Block List upload from @azure/storage-blob and serves it back', async () => {
    const created = await twirp('CreateCacheEntry', { key: 'k-1', version: 'v' });
    expect(created.status).toBe(200);
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    const client = new BlockBlobClient(String(created.body.signed_upload_url));
    await client.uploadData(data, { blockSize: 1024, maxSingleShotSize: 1024, concurrency: 2 });
    expect(standin.requests.filter((r) => r.route === 'blob-upload').map((r) => r.status)).toEqual([
      201, 201, 201, 201, 201, 201,
    ]);
    expect(
      (await twirp('FinalizeCacheEntryUpload', { key: 'k-1', version: 'v', size_bytes: '5000' })).body,
    ).toEqual({ ok: true, entry_id: '1' });

    const found = await twirp('GetCacheEntryDownloadURL', { key: 'k-2', restore_keys: ['k-'], version: 'v' });
    expect(found.body.matched_key).toBe('k-1');
    const download = await fetch(String(found.body.signed_download_url));
    expect(Buffer.from(await download.arrayBuffer()).equals(data)).toBe(true);
    const ranged = await fetch(String(found.body.signed_download_url), {
      headers: { 'x-ms-range': 'bytes=10-19' },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 10-19/5000');
  });

  it('matches as the service does: exact key, then the key as a prefix, then each restore key in turn, newest first', async () => {
    for (const key of ['a-9', 'a-10', 'b-1']) {
      const created = await twirp('CreateCacheEntry', { key, version: 'v' });
      await fetch(String(created.body.signed_upload_url), {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
        body: key,
      });
      await twirp('FinalizeCacheEntryUpload', { key, version: 'v', size_bytes: String(key.length) });
    }
    const match = async (key: string, restoreKeys: string[] = []) =>
      (await twirp('GetCacheEntryDownloadURL', { key, restore_keys: restoreKeys, version: 'v' })).body
        .matched_key;
    expect(await match('a-9', ['b-'])).toBe('a-9');
    // 'a-9' sorts after 'a-10' by name; 'a-10' was created later, so it wins.
    expect(await match('a-', ['b-'])).toBe('a-10');
    expect(await match('c-1', ['a-'])).toBe('a-10');
    expect(await match('c-1', ['b-', 'a-'])).toBe('b-1');
    expect(await match('c-1', ['c-'])).toBe('');
  });

  it('rejects a bad token, a tampered signature, a wrong version and a duplicate key', async () => {
    expect((await twirp('CreateCacheEntry', { key: 'a', version: 'v' }, 'wrong')).status).toBe(401);
    const created = await twirp('CreateCacheEntry', { key: 'a', version: 'v' });
    expect((await twirp('CreateCacheEntry', { key: 'a', version: 'v' })).status).toBe(409);
    const tampered = String(created.body.signed_upload_url).replace(/sig=[^&]+/, 'sig=AAAA');
    const put = await fetch(tampered, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: 'x',
    });
    expect(put.status).toBe(403);
    await fetch(String(created.body.signed_upload_url), {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: 'x',
    });
    await twirp('FinalizeCacheEntryUpload', { key: 'a', version: 'v', size_bytes: '1' });
    expect((await twirp('GetCacheEntryDownloadURL', { key: 'a', version: 'other' })).body).toEqual({
      ok: false,
      signed_download_url: '',
      matched_key: '',
    });
  });
});
