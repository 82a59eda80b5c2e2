import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { serve } from '@hono/node-server';
import { createStorage, type Storage, type StorageOptions } from './create-storage';
import { createS3Client } from './s3-client';

export const TEST_BUCKET = 'uploads';
export const TEST_REGION = 'us-east-1';
export const TEST_CREDENTIALS = { accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-key' };
export const ALLOWED_ORIGIN = 'http://localhost:5173';

export interface RunningStore {
  storage: Storage;
  endpoint: string;
  port: number;
  client: S3Client;
  dir: string;
  /** Stops the server and closes the store, keeping `dir` (to test a restart). */
  stop(): Promise<void>;
  /** Stops and deletes `dir`. */
  close(): Promise<void>;
}

/**
 * Serves a fresh store on a loopback port (ephemeral unless given); pass `dir` and `port` to restart an
 * earlier one where its presigned URLs still point.
 */
export async function startStore(
  overrides: Partial<StorageOptions> = {},
  listenPort = 0,
): Promise<RunningStore> {
  const dir = overrides.dir ?? mkdtempSync(join(tmpdir(), 'storage-test-'));
  const storage = createStorage({
    bucket: TEST_BUCKET,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    allowedOrigins: [ALLOWED_ORIGIN],
    ...overrides,
    dir,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: storage.app.fetch, port: listenPort, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createS3Client({ endpoint, region: TEST_REGION, ...TEST_CREDENTIALS });
  let isStopped = false;
  const stop = async () => {
    if (isStopped) return;
    isStopped = true;
    client.destroy();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    storage.close();
  };
  return {
    storage,
    endpoint,
    port,
    client,
    dir,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Bytes that differ from part to part, so a mix-up in assembly shows. */
export function patternedBytes(size: number, seed: number): Buffer<ArrayBuffer> {
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (index * 31 + seed * 7) & 0xff;
  return bytes;
}

/** The S3 error code in an XML error body. */
export async function errorCode(response: Response): Promise<string | undefined> {
  return /<Code>([^<]*)<\/Code>/.exec(await response.text())?.[1];
}
