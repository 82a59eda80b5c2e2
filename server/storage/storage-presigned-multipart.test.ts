import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  errorCode,
  patternedBytes,
  type RunningStore,
  startStore,
  TEST_BUCKET,
} from './storage-test-harness';

/** The requests the SPA's S3 uploader sends: each one presigned by the API, then sent by plain fetch. */
describe('presigned multipart uploads', () => {
  let store: RunningStore;
  let now: Date;
  beforeEach(async () => {
    now = new Date('2026-11-28T12:00:00Z');
    store = await startStore({ now: () => now });
  });
  afterEach(async () => {
    await store.close();
  });

  // Signed on the store's injected clock, as the API would on the same machine.
  const signing = () => ({ expiresIn: 900, signingDate: now });

  async function create(key: string) {
    const command = new CreateMultipartUploadCommand({ Bucket: TEST_BUCKET, Key: key });
    const response = await fetch(await getSignedUrl(store.client, command, signing()), { method: 'POST' });
    expect(response.status).toBe(200);
    return /<UploadId>([^<]+)<\/UploadId>/.exec(await response.text())![1]!;
  }

  async function uploadPart(
    key: string,
    uploadId: string,
    partNumber: number,
    body: Uint8Array<ArrayBuffer>,
  ) {
    const command = new UploadPartCommand({
      Bucket: TEST_BUCKET,
      Key: key,
      UploadId: uploadId,
      PartNumber: partNumber,
    });
    return fetch(await getSignedUrl(store.client, command, signing()), { method: 'PUT', body });
  }

  async function listParts(key: string, uploadId: string) {
    const command = new ListPartsCommand({ Bucket: TEST_BUCKET, Key: key, UploadId: uploadId });
    return fetch(await getSignedUrl(store.client, command, signing()));
  }

  it('runs create, part, list and complete the way the browser does', async () => {
    const key = 'org-1/file-3/Ünïcode report.csv';
    const uploadId = await create(key);
    const part = await uploadPart(key, uploadId, 1, patternedBytes(4096, 1));
    expect(part.status).toBe(200);
    const etag = part.headers.get('etag')!;

    const listXml = await (await listParts(key, uploadId)).text();
    expect(listXml).toContain('<PartNumber>1</PartNumber>');
    expect(listXml).toContain(`<ETag>${etag.replaceAll('"', '&quot;')}</ETag>`);

    const complete = new CompleteMultipartUploadCommand({
      Bucket: TEST_BUCKET,
      Key: key,
      UploadId: uploadId,
    });
    const completeUrl = await getSignedUrl(store.client, complete, signing());
    const body = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${etag}</ETag></Part></CompleteMultipartUpload>`;
    const completed = await fetch(completeUrl, { method: 'POST', body });
    expect(completed.status).toBe(200);
    const completeXml = await completed.text();
    expect(completeXml).toContain(`<Key>${key}</Key>`);
    expect(completeXml).toMatch(
      /<Location>http:\/\/127\.0\.0\.1:\d+\/uploads\/org-1\/file-3\/[^<]+<\/Location>/,
    );

    const again = await fetch(completeUrl, { method: 'POST', body });
    expect(again.status).toBe(403);
  });

  it('refuses a part URL once it has stored a part', async () => {
    const key = 'single-use-part.bin';
    const uploadId = await create(key);
    const command = new UploadPartCommand({
      Bucket: TEST_BUCKET,
      Key: key,
      UploadId: uploadId,
      PartNumber: 1,
    });
    const url = await getSignedUrl(store.client, command, signing());
    expect((await fetch(url, { method: 'PUT', body: 'part' })).status).toBe(200);
    const reused = await fetch(url, { method: 'PUT', body: 'part' });
    expect(reused.status).toBe(403);
    expect(await errorCode(reused)).toBe('AccessDenied');
  });

  it('sweeps uploads abandoned for longer than a day', async () => {
    const blobCount = () => readdirSync(join(store.dir, 'blobs')).length;
    const stale = await create('stale.bin');
    expect((await uploadPart('stale.bin', stale, 1, patternedBytes(100, 2))).status).toBe(200);
    expect(blobCount()).toBe(1);
    now = new Date(now.getTime() + 23 * 60 * 60 * 1000);
    const fresh = await create('fresh.bin');
    expect(await store.storage.sweepAbandoned()).toBe(0);

    now = new Date(now.getTime() + 2 * 60 * 60 * 1000);
    expect(await store.storage.sweepAbandoned()).toBe(1);
    expect(blobCount()).toBe(0);
    expect(await errorCode(await listParts('stale.bin', stale))).toBe('NoSuchUpload');
    expect((await uploadPart('fresh.bin', fresh, 1, patternedBytes(100, 3))).status).toBe(200);
  });
});
