import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { expect, it } from 'vitest';
import type { LogLine } from '../lib/log';
import { errorCode, startStore, TEST_BUCKET } from './storage-test-harness';

it('reports an unexpected failure to the log with level and event, and answers S3’s InternalError', async () => {
  const lines: LogLine[] = [];
  const store = await startStore({ log: (line) => lines.push(line) });
  try {
    const url = await getSignedUrl(
      store.client,
      new GetObjectCommand({ Bucket: TEST_BUCKET, Key: 'a/b.csv' }),
      {
        expiresIn: 60,
      },
    );
    // The metadata database going away under a correctly signed request is a failure nobody asked for.
    store.storage.close();
    const response = await fetch(url);
    expect(response.status).toBe(500);
    expect(await errorCode(response)).toBe('InternalError');
    const requestId = response.headers.get('x-amz-request-id');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        event: 'storage_request_failed',
        request_id: requestId,
        method: 'GET',
        error: expect.stringContaining('not open'),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('X-Amz-Signature');
  } finally {
    await store.close();
  }
});
