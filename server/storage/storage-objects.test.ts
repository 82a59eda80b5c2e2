import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Sha256 } from '@aws-crypto/sha256-js';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  patternedBytes,
  type RunningStore,
  startStore,
  TEST_BUCKET,
  TEST_CREDENTIALS,
  TEST_REGION,
} from './storage-test-harness';

const md5Etag = (bytes: Buffer) => `"${createHash('md5').update(bytes).digest('hex')}"`;

describe('objects', () => {
  let store: RunningStore;
  beforeAll(async () => {
    store = await startStore();
  });
  afterAll(async () => {
    await store.close();
  });

  it('puts, heads, gets and deletes an object with an MD5 ETag', async () => {
    const body = patternedBytes(100_000, 1);
    const key = 'org-1/file-1/report.csv';
    const put = await store.client.send(
      new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: body, ContentType: 'text/csv' }),
    );
    expect(put.ETag).toBe(md5Etag(body));

    const head = await store.client.send(new HeadObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
    expect(head.ContentLength).toBe(body.length);
    expect(head.ContentType).toBe('text/csv');
    expect(head.ETag).toBe(md5Etag(body));
    expect(head.LastModified).toBeInstanceOf(Date);

    const get = await store.client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
    expect(Buffer.from(await get.Body!.transformToByteArray()).equals(body)).toBe(true);

    const deleted = await store.client.send(new DeleteObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await expect(
      store.client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key })),
    ).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
  });

  it('serves byte ranges with 206 and refuses unsatisfiable ones with 416', async () => {
    const body = patternedBytes(1000, 2);
    const key = 'ranges/data.bin';
    await store.client.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: body }));

    const middle = await store.client.send(
      new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key, Range: 'bytes=100-199' }),
    );
    expect(middle.$metadata.httpStatusCode).toBe(206);
    expect(middle.ContentRange).toBe('bytes 100-199/1000');
    expect(Buffer.from(await middle.Body!.transformToByteArray()).equals(body.subarray(100, 200))).toBe(true);

    const suffix = await store.client.send(
      new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key, Range: 'bytes=-10' }),
    );
    expect(Buffer.from(await suffix.Body!.transformToByteArray()).equals(body.subarray(990))).toBe(true);

    await expect(
      store.client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key, Range: 'bytes=5000-' })),
    ).rejects.toMatchObject({ name: 'InvalidRange', $metadata: { httpStatusCode: 416 } });
  });

  it('keeps keys with slashes, spaces and any Unicode apart and inside the store', async () => {
    const keys = ['a/b/c.txt', 'spaces and+plus/ä ö ü 漢字 🙂.txt', '../../escape.txt', 'a%2Fb?c=d&e#f.txt'];
    for (const [index, key] of keys.entries()) {
      await store.client.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: `body ${index}` }));
    }
    for (const [index, key] of keys.entries()) {
      const get = await store.client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
      expect(await get.Body!.transformToString()).toBe(`body ${index}`);
    }
  });

  it('replaces an object on a second put', async () => {
    const key = 'overwrite.txt';
    await store.client.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: 'first' }));
    await store.client.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: 'second' }));
    const get = await store.client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
    expect(await get.Body!.transformToString()).toBe('second');
  });

  it('leaves no object behind when a body is cut off', async () => {
    const key = 'cut-off.bin';
    const blobsBefore = readdirSync(join(store.dir, 'blobs')).length;
    const url = new URL(
      await getSignedUrl(store.client, new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key }), {
        expiresIn: 60,
      }),
    );
    await new Promise<void>((resolve) => {
      const request = httpRequest(url, { method: 'PUT', headers: { 'Content-Length': '1000000' } });
      request.on('error', () => resolve());
      request.on('response', (response) => {
        response.resume();
        resolve();
      });
      request.write(Buffer.alloc(300_000));
      setTimeout(() => request.destroy(), 100);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(
      store.client.send(new HeadObjectCommand({ Bucket: TEST_BUCKET, Key: key })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    expect(readdirSync(join(store.dir, 'blobs'))).toHaveLength(blobsBefore);
    expect(readdirSync(join(store.dir, 'tmp'))).toEqual([]);
  });

  it("accepts the SDK's default aws-chunked bodies with checksum trailers", async () => {
    const defaultClient = new S3Client({
      endpoint: store.endpoint,
      region: TEST_REGION,
      credentials: TEST_CREDENTIALS,
      forcePathStyle: true,
    });
    const body = patternedBytes(200_000, 3);
    const key = 'chunked.bin';
    const put = await defaultClient.send(
      new PutObjectCommand({
        Bucket: TEST_BUCKET,
        Key: key,
        Body: Readable.from([body]),
        ContentLength: body.length,
      }),
    );
    expect(put.ETag).toBe(md5Etag(body));
    const get = await defaultClient.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
    expect(Buffer.from(await get.Body!.transformToByteArray()).equals(body)).toBe(true);
    defaultClient.destroy();
  });

  it('answers unknown buckets, unsupported methods and bad part numbers with S3 errors', async () => {
    await expect(
      store.client.send(new PutObjectCommand({ Bucket: 'other-bucket', Key: 'x.txt', Body: 'x' })),
    ).rejects.toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });

    const signer = new SignatureV4({
      credentials: TEST_CREDENTIALS,
      region: TEST_REGION,
      service: 's3',
      sha256: Sha256,
      uriEscapePath: false,
    });
    const { host } = new URL(store.endpoint);
    const presign = async (method: string, query: Record<string, string>) => {
      const path = `/${TEST_BUCKET}/x.txt`;
      const signed = await signer.presign(
        new HttpRequest({
          method,
          path,
          query,
          headers: { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
        }),
      );
      return `${store.endpoint}${path}?${new URLSearchParams(signed.query as Record<string, string>)}`;
    };
    const patch = await fetch(await presign('PATCH', {}), { method: 'PATCH', body: 'x' });
    expect([patch.status, await errorCode(patch)]).toEqual([405, 'MethodNotAllowed']);
    const post = await fetch(await presign('POST', {}), { method: 'POST', body: 'x' });
    expect([post.status, await errorCode(post)]).toEqual([405, 'MethodNotAllowed']);
    const badPart = await fetch(await presign('PUT', { uploadId: 'u', partNumber: '10001' }), {
      method: 'PUT',
      body: 'x',
    });
    expect([badPart.status, await errorCode(badPart)]).toEqual([400, 'InvalidArgument']);
  });
});
