import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningStore,
  startStore,
  TEST_BUCKET,
  TEST_CREDENTIALS,
  TEST_REGION,
} from '../storage/storage-test-harness';
import { addOrgWithUser, makeTestApp, signIn, type TestApp } from '../test/make-app';

/** With HP_S3_* set, nothing is embedded: the API signs for, and talks to, the configured store alone. */
describe('a configured S3-compatible store', () => {
  let external: RunningStore;
  let t: TestApp;
  let user: Record<string, string>;

  beforeAll(async () => {
    // Like AWS S3: a presigned URL may repeat until it expires; only what the URL carries limits it.
    external = await startStore({ singleUseSignatures: false });
    t = makeTestApp({
      s3: { endpoint: external.endpoint, bucket: TEST_BUCKET, region: TEST_REGION, ...TEST_CREDENTIALS },
    });
    const { email } = await addOrgWithUser(t, 'External');
    user = { Authorization: (await signIn(t, email)).authorization };
  });
  afterAll(async () => {
    await t.close();
    await external.close();
  });

  const post = (path: string, body: object) =>
    t.app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { ...user, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('embeds no store and checks the bucket for health', async () => {
    expect(t.deps.storage).toBeNull();
    const health = (await (await t.app.request('/api/v1/health/')).json()) as { checks: { storage: string } };
    expect(health.checks.storage).toBe('ok');
  });

  it('presigns URLs for that store and records what it holds', async () => {
    const presigned = (await (await post('/upload/presigned-url/', { filename: 'report.pdf' })).json()) as {
      url: string;
      key: string;
      headers: Record<string, string>;
    };
    expect(presigned.url.startsWith(`${external.endpoint}/${TEST_BUCKET}/`)).toBe(true);
    const put = (body: string) => fetch(presigned.url, { method: 'PUT', headers: presigned.headers, body });
    expect((await put('%PDF-1.7')).status).toBe(200);
    // Single use comes with the URL (a signed If-None-Match: *), not from this API's own store.
    expect((await put('%PDF-2.0 replaced')).status).toBe(412);
    const completed = await post('/upload/complete/', { key: presigned.key });
    expect(await completed.json()).toMatchObject({
      status: 'uploaded',
      size: 8,
      content_type: 'application/pdf',
    });
  });
});
