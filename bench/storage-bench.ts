import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { serve } from '@hono/node-server';
import { createStorage } from '../server/storage/create-storage';
import { createS3Client } from '../server/storage/s3-client';

const BODY_BYTES = 256 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 7);

/** Streams `bytes` to a presigned URL without ever holding the body, resolving with the response status. */
function streamPut(url: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const put = request(url, { method: 'PUT', headers: { 'Content-Length': String(bytes) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    put.on('error', reject);
    let sent = 0;
    const writeMore = () => {
      while (sent < bytes) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, bytes - sent));
        sent += chunk.length;
        if (!put.write(chunk)) return void put.once('drain', writeMore);
      }
      put.end();
    };
    writeMore();
  });
}

/** Single-PUT throughput of a 256 MiB body into a fresh embedded store over loopback. */
export async function benchStoragePut(): Promise<{ bytes: number; ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'storage-bench-'));
  const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench-secret' };
  const storage = createStorage({
    dir,
    bucket: 'bench',
    region: 'us-east-1',
    credentials,
    allowedOrigins: [],
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: storage.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createS3Client({ endpoint, region: 'us-east-1', ...credentials });
  try {
    const url = await getSignedUrl(client, new PutObjectCommand({ Bucket: 'bench', Key: 'body.bin' }), {
      expiresIn: 600,
    });
    const started = performance.now();
    const status = await streamPut(url, BODY_BYTES);
    const ms = performance.now() - started;
    if (status !== 200) throw new Error(`storage bench: PUT answered ${status}`);
    return { bytes: BODY_BYTES, ms };
  } finally {
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
