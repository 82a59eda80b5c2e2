import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ORIGIN, type RunningStore, startStore, TEST_BUCKET } from './storage-test-harness';

describe('CORS', () => {
  let store: RunningStore;
  beforeAll(async () => {
    store = await startStore();
  });
  afterAll(async () => {
    await store.close();
  });

  const preflight = (origin: string, method = 'PUT', headers = 'content-type, x-amz-date') =>
    fetch(`${store.endpoint}/${TEST_BUCKET}/some/key.csv?partNumber=1&uploadId=abc`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
    });

  it('answers a preflight from an allowed origin and exposes ETag', async () => {
    const response = await preflight(ALLOWED_ORIGIN);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toBe('PUT, POST, GET, DELETE, HEAD');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, x-amz-date');
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('x-amz-request-id')).toBeTruthy();
  });

  it('gives a disallowed origin, method or header no CORS headers', async () => {
    for (const response of [
      await preflight('https://evil.example'),
      await preflight(ALLOWED_ORIGIN, 'PATCH'),
      await preflight(ALLOWED_ORIGIN, 'PUT', 'x-custom-header'),
    ]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('marks actual responses for allowed origins only', async () => {
    const sign = (key: string) =>
      getSignedUrl(store.client, new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key }), { expiresIn: 60 });
    const allowed = await fetch(await sign('cors-allowed.txt'), {
      method: 'PUT',
      body: 'x',
      headers: { origin: ALLOWED_ORIGIN },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('ETag');

    const other = await fetch(await sign('cors-other.txt'), {
      method: 'PUT',
      body: 'x',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const failed = await fetch(`${store.endpoint}/${TEST_BUCKET}/missing.txt`, {
      headers: { origin: ALLOWED_ORIGIN },
    });
    expect(failed.status).toBe(403);
    expect(failed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });
});
