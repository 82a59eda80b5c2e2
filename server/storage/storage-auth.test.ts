import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3Client } from './s3-client';
import {
  errorCode,
  type RunningStore,
  startStore,
  TEST_BUCKET,
  TEST_CREDENTIALS,
  TEST_REGION,
} from './storage-test-harness';

describe('request authentication', () => {
  const stores: RunningStore[] = [];
  const start = async (...args: Parameters<typeof startStore>) => {
    const store = await startStore(...args);
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  const presignPut = (
    client: S3Client,
    key: string,
    options: { expiresIn?: number; signingDate?: Date } = {},
  ) =>
    getSignedUrl(client, new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key }), {
      expiresIn: 900,
      ...options,
    });

  it('accepts a presigned PUT once and refuses it afterwards, even after a restart', async () => {
    const store = await start();
    const url = await presignPut(store.client, 'once.txt');
    const first = await fetch(url, { method: 'PUT', body: 'first' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);

    const second = await fetch(url, { method: 'PUT', body: 'second' });
    expect(second.status).toBe(403);
    expect(await errorCode(second)).toBe('AccessDenied');

    await store.stop();
    // Let fetch's connection pool notice that the old server closed its keep-alive sockets.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reopened = await start({ dir: store.dir }, store.port);
    const third = await fetch(url, { method: 'PUT', body: 'third' });
    expect(third.status).toBe(403);
    expect(await errorCode(third)).toBe('AccessDenied');
    const stored = await reopened.client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: 'once.txt' }));
    expect(await stored.Body!.transformToString()).toBe('first');
  });

  it('lets a presigned GET be reused until it expires', async () => {
    let now = new Date();
    const store = await start({ now: () => now });
    await store.client.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: 'read.txt', Body: 'hello' }));
    const download = new GetObjectCommand({
      Bucket: TEST_BUCKET,
      Key: 'read.txt',
      ResponseContentDisposition: 'attachment; filename="report.txt"',
    });
    const url = await getSignedUrl(store.client, download, { expiresIn: 60 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="report.txt"');
      expect(await response.text()).toBe('hello');
    }
    now = new Date(now.getTime() + 61_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });

  it('refuses a URL signed long ago', async () => {
    const store = await start();
    const url = await presignPut(store.client, 'old.txt', {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 10 * 60_000),
    });
    const response = await fetch(url, { method: 'PUT', body: 'late' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
  });

  it('refuses a lifetime above the configured maximum', async () => {
    const store = await start({ maxExpiresSeconds: 600 });
    const response = await fetch(await presignPut(store.client, 'long.txt', { expiresIn: 601 }), {
      method: 'PUT',
      body: 'x',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('X-Amz-Expires must be less than or equal to 600 seconds');
  });

  it('refuses a tampered URL, a wrong secret, an unknown access key and no signature at all', async () => {
    const store = await start();
    const url = new URL(await presignPut(store.client, 'tampered.txt'));
    url.pathname = `/${TEST_BUCKET}/other.txt`;
    const tampered = await fetch(url, { method: 'PUT', body: 'x' });
    expect(tampered.status).toBe(403);
    expect(await errorCode(tampered)).toBe('SignatureDoesNotMatch');

    const wrongSecret = createS3Client({
      endpoint: store.endpoint,
      region: TEST_REGION,
      accessKeyId: TEST_CREDENTIALS.accessKeyId,
      secretAccessKey: 'not-the-secret',
    });
    const presigned = await fetch(await presignPut(wrongSecret, 'secret.txt'), { method: 'PUT', body: 'x' });
    expect(await errorCode(presigned)).toBe('SignatureDoesNotMatch');
    await expect(
      wrongSecret.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: 'secret.txt', Body: 'x' })),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    wrongSecret.destroy();

    const unknownKey = createS3Client({
      endpoint: store.endpoint,
      region: TEST_REGION,
      accessKeyId: 'someone-else',
      secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
    });
    await expect(
      unknownKey.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: 'secret.txt', Body: 'x' })),
    ).rejects.toMatchObject({ name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
    unknownKey.destroy();

    const anonymous = await fetch(`${store.endpoint}/${TEST_BUCKET}/secret.txt`, {
      method: 'PUT',
      body: 'x',
    });
    expect(anonymous.status).toBe(403);
    expect(await errorCode(anonymous)).toBe('AccessDenied');
    await expect(
      store.client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: 'secret.txt' })),
    ).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('checks a signed payload hash against the body', async () => {
    const store = await start();
    const signer = createS3Client({ endpoint: store.endpoint, region: TEST_REGION, ...TEST_CREDENTIALS });
    signer.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown };
        // Swap the body after signing: the signed hash no longer matches what is sent.
        request.body = 'tampered body';
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'swapBodyAfterSigning' },
    );
    await expect(
      signer.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: 'hashed.txt', Body: 'original body' })),
    ).rejects.toMatchObject({ name: 'XAmzContentSHA256Mismatch', $metadata: { httpStatusCode: 400 } });
    signer.destroy();
  });

  it('answers every response with a request id', async () => {
    const store = await start();
    const response = await fetch(`${store.endpoint}/${TEST_BUCKET}/nothing.txt`);
    expect(response.headers.get('x-amz-request-id')).toMatch(/^[0-9A-F]{16}$/);
  });
});
