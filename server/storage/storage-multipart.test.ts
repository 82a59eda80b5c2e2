import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patternedBytes, type RunningStore, startStore, TEST_BUCKET } from './storage-test-harness';

const MIB = 1024 * 1024;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest();

describe('multipart uploads', () => {
  let store: RunningStore;
  beforeAll(async () => {
    store = await startStore();
  });
  afterAll(async () => {
    await store.close();
  });

  const partsDirectoryCount = () => readdirSync(join(store.dir, 'blobs')).length;

  async function createUpload(key: string) {
    const created = await store.client.send(
      new CreateMultipartUploadCommand({ Bucket: TEST_BUCKET, Key: key, ContentType: 'text/csv' }),
    );
    return created.UploadId!;
  }

  async function uploadParts(key: string, uploadId: string, bodies: Buffer[]) {
    const parts = [];
    for (const [index, body] of bodies.entries()) {
      const uploaded = await store.client.send(
        new UploadPartCommand({
          Bucket: TEST_BUCKET,
          Key: key,
          UploadId: uploadId,
          PartNumber: index + 1,
          Body: body,
        }),
      );
      expect(uploaded.ETag).toBe(`"${md5(body).toString('hex')}"`);
      parts.push({ PartNumber: index + 1, ETag: uploaded.ETag! });
    }
    return parts;
  }

  it('lists more than 1,000 parts in pages of 1,000, each page starting after the last one', async () => {
    const key = 'org-1/file-9/many-parts.csv';
    const uploadId = await createUpload(key);
    const total = 1003;
    // Tiny parts: S3's 5 MiB minimum applies at completion, not to storing or listing a part.
    for (let first = 1; first <= total; first += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, total - first + 1) }, (_, offset) =>
          store.client.send(
            new UploadPartCommand({
              Bucket: TEST_BUCKET,
              Key: key,
              UploadId: uploadId,
              PartNumber: first + offset,
              Body: `part ${first + offset}`,
            }),
          ),
        ),
      );
    }
    const pages = [];
    let marker: string | undefined;
    do {
      const page = await store.client.send(
        new ListPartsCommand({ Bucket: TEST_BUCKET, Key: key, UploadId: uploadId, PartNumberMarker: marker }),
      );
      pages.push(page);
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker !== undefined);
    expect(pages.map((page) => [page.Parts?.length, page.IsTruncated, page.NextPartNumberMarker])).toEqual([
      [1000, true, '1000'],
      [3, false, '1003'],
    ]);
    const numbers = pages.flatMap((page) => page.Parts?.map((part) => part.PartNumber) ?? []);
    expect(numbers).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    await store.client.send(
      new AbortMultipartUploadCommand({ Bucket: TEST_BUCKET, Key: key, UploadId: uploadId }),
    );
  }, 120_000);

  it('assembles three parts into one object with the multipart ETag and removes the parts', async () => {
    const key = 'org-1/file-2/big.csv';
    const bodies = [patternedBytes(5 * MIB, 1), patternedBytes(5 * MIB, 2), patternedBytes(1234, 3)];
    const blobsBefore = partsDirectoryCount();
    const uploadId = await createUpload(key);
    const parts = await uploadParts(key, uploadId, bodies);

    const firstPage = await store.client.send(
      new ListPartsCommand({ Bucket: TEST_BUCKET, Key: key, UploadId: uploadId, MaxParts: 2 }),
    );
    expect(firstPage.Parts?.map((part) => part.PartNumber)).toEqual([1, 2]);
    expect(firstPage.IsTruncated).toBe(true);
    expect(firstPage.NextPartNumberMarker).toBe('2');
    const secondPage = await store.client.send(
      new ListPartsCommand({
        Bucket: TEST_BUCKET,
        Key: key,
        UploadId: uploadId,
        MaxParts: 2,
        PartNumberMarker: firstPage.NextPartNumberMarker,
      }),
    );
    expect(secondPage.Parts).toMatchObject([{ PartNumber: 3, Size: 1234, ETag: parts[2]!.ETag }]);
    expect(secondPage.IsTruncated).toBe(false);

    const completed = await store.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: TEST_BUCKET,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    const expectedEtag = `"${md5(Buffer.concat(bodies.map(md5))).toString('hex')}-3"`;
    expect(completed.ETag).toBe(expectedEtag);
    expect(completed.Key).toBe(key);
    expect(completed.Location).toBe(`${store.endpoint}/${TEST_BUCKET}/org-1/file-2/big.csv`);

    const head = await store.client.send(new HeadObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
    expect(head).toMatchObject({
      ContentLength: 10 * MIB + 1234,
      ETag: expectedEtag,
      ContentType: 'text/csv',
    });
    const get = await store.client.send(new GetObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
    expect(Buffer.from(await get.Body!.transformToByteArray()).equals(Buffer.concat(bodies))).toBe(true);
    expect(partsDirectoryCount()).toBe(blobsBefore + 1);
    await expect(
      store.client.send(new ListPartsCommand({ Bucket: TEST_BUCKET, Key: key, UploadId: uploadId })),
    ).rejects.toMatchObject({ name: 'NoSuchUpload', $metadata: { httpStatusCode: 404 } });
  });

  it('refuses small parts, unknown parts and parts out of order at completion', async () => {
    const key = 'small-parts.bin';
    const uploadId = await createUpload(key);
    const parts = await uploadParts(key, uploadId, [patternedBytes(1000, 4), patternedBytes(1000, 5)]);
    const complete = (Parts: { PartNumber: number; ETag: string }[]) =>
      store.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: TEST_BUCKET,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts },
        }),
      );

    await expect(complete(parts)).rejects.toMatchObject({
      name: 'EntityTooSmall',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      complete([{ PartNumber: 1, ETag: '"0123456789abcdef0123456789abcdef"' }]),
    ).rejects.toMatchObject({
      name: 'InvalidPart',
    });
    await expect(complete([...parts].reverse())).rejects.toMatchObject({ name: 'InvalidPartOrder' });
    await expect(complete([])).rejects.toMatchObject({
      name: 'MalformedXML',
      $metadata: { httpStatusCode: 400 },
    });
    // A single part may be of any size: it is the last one.
    const single = await complete([parts[0]!]);
    expect(single.ETag).toBe(`"${md5(md5(patternedBytes(1000, 4))).toString('hex')}-1"`);
  });

  it('aborts an upload and deletes its parts', async () => {
    const key = 'aborted.bin';
    const blobsBefore = partsDirectoryCount();
    const uploadId = await createUpload(key);
    await uploadParts(key, uploadId, [patternedBytes(2000, 6)]);
    expect(partsDirectoryCount()).toBe(blobsBefore + 1);
    const aborted = await store.client.send(
      new AbortMultipartUploadCommand({ Bucket: TEST_BUCKET, Key: key, UploadId: uploadId }),
    );
    expect(aborted.$metadata.httpStatusCode).toBe(204);
    expect(partsDirectoryCount()).toBe(blobsBefore);
    await expect(
      store.client.send(
        new UploadPartCommand({
          Bucket: TEST_BUCKET,
          Key: key,
          UploadId: uploadId,
          PartNumber: 1,
          Body: 'x',
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchUpload' });
  });

  it('reports a writable store as healthy', async () => {
    await expect(store.storage.check()).resolves.toBeUndefined();
  });
});
