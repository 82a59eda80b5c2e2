import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningStore, startStore } from '../storage/storage-test-harness';
import { addOrgWithUser, signIn } from '../test/make-app';
import { type Credentials, call, sendSigned, sign } from '../test/upload-calls';
import { makeTestAppWithStorage, type TestAppWithStorage } from '../test/with-storage';

// A presigned upload URL writes its object once. The guarantee travels in the URL (a signed
// `If-None-Match: *`), so it holds on any S3 store that honours conditional writes, not only the embedded one.

let t: TestAppWithStorage;
let user: Credentials;

beforeAll(async () => {
  t = await makeTestAppWithStorage();
  const { email } = await addOrgWithUser(t, 'Spare');
  user = { Authorization: (await signIn(t, email)).authorization };
});
afterAll(() => t.close());

describe('upload URLs', () => {
  it('carry a signed If-None-Match: *, which the store checks', async () => {
    const signed = await call(t, user, 'POST', '/upload/presigned-url/', { filename: 'a.txt' });
    expect(signed.json.headers).toMatchObject({ 'If-None-Match': '*' });
    const signedHeaders = new URL(String(signed.json.url)).searchParams.get('X-Amz-SignedHeaders');
    expect(signedHeaders?.split(';')).toContain('if-none-match');
    // Dropping the header breaks the signature: a client cannot opt out of the condition.
    const { 'If-None-Match': _dropped, ...rest } = signed.json.headers as Record<string, string>;
    const unconditional = await fetch(String(signed.json.url), { method: 'PUT', headers: rest, body: 'x' });
    expect(unconditional.status).toBe(403);
  });

  it('cannot replace a completed file with a spare URL signed for the same key', async () => {
    const first = await sign(t, user, { operation: 'put_object', filename: 'cases.txt' });
    const key = String(first.json.key);
    t.clock.advance(1000);
    const spare = await sign(t, user, { operation: 'put_object', key });
    expect(spare.json.url).not.toBe(first.json.url);
    expect((await sendSigned(first.json, 'original')).status).toBe(200);
    const completed = await call(t, user, 'POST', '/upload/complete/', { key });
    expect(completed.json).toMatchObject({ size: 8 });

    const replaced = await sendSigned(spare.json, 'replaced bytes');
    expect(replaced.status).toBe(412);
    expect(await replaced.text()).toContain('<Code>PreconditionFailed</Code>');
    const download = await call(t, user, 'GET', `/files/${completed.json.id}/download-url/`);
    expect(await (await fetch(String(download.json.url))).text()).toBe('original');
    // And no new URL is signed for a completed key.
    expect((await sign(t, user, { operation: 'put_object', key })).status).toBe(409);
  });
});

describe('the embedded store', () => {
  let store: RunningStore;
  beforeAll(async () => {
    store = await startStore();
  });
  afterAll(() => store.close());

  const put = (Key: string, Body: string, condition: { IfNoneMatch?: string; IfMatch?: string } = {}) =>
    store.client
      .send(new PutObjectCommand({ Bucket: 'uploads', Key, Body, ...condition }))
      .then((result) => ({ status: 200, etag: result.ETag }))
      .catch((error: { $metadata?: { httpStatusCode?: number } }) => ({
        status: error.$metadata?.httpStatusCode,
        etag: undefined,
      }));

  it('honours If-None-Match: * and If-Match with 412, as S3 does', async () => {
    expect((await put('k', 'one', { IfNoneMatch: '*' })).status).toBe(200);
    expect((await put('k', 'two', { IfNoneMatch: '*' })).status).toBe(412);
    const current = await put('k', 'three');
    expect(current.status).toBe(200);
    expect((await put('k', 'four', { IfMatch: '"0123456789abcdef0123456789abcdef"' })).status).toBe(412);
    expect((await put('k', 'five', { IfMatch: current.etag! })).status).toBe(200);
    expect((await put('absent', 'six', { IfMatch: current.etag! })).status).toBe(412);
    await store.client.send(new DeleteObjectCommand({ Bucket: 'uploads', Key: 'k' }));
    expect((await put('k', 'seven', { IfNoneMatch: '*' })).status).toBe(200);
  });
});
