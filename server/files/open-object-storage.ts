import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import type { Log } from '../lib/log';
import { createStorage, type Storage } from '../storage/create-storage';
import { createS3Client } from '../storage/s3-client';
import { createObjectStore, type ObjectStore } from './object-store';

export const EMBEDDED_BUCKET = 'healthproximate';
export const EMBEDDED_REGION = 'us-east-1';

interface KeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The embedded store's key pair is generated on first start and kept beside the objects it guards. */
function localKeyPair(dataDir: string): KeyPair {
  const file = path.join(dataDir, 'storage-credentials.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const pair: KeyPair = {
      accessKeyId: `HPLOCAL${randomBytes(8).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64url'),
    };
    try {
      fs.writeFileSync(file, JSON.stringify(pair), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process (the operator CLI) won the race; use what it wrote.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as KeyPair;
}

interface ObjectStorage {
  objects: ObjectStore;
  /** The embedded store to serve on the storage port, or null when `HP_S3_*` points elsewhere. */
  storage: Storage | null;
  check(): Promise<void>;
  /** Removes abandoned multipart uploads (embedded store only; S3 has lifecycle rules for that). */
  sweep(): Promise<number>;
  close(): void;
}

export function openObjectStorage(config: Config, now: () => Date, log: Log): ObjectStorage {
  if (config.s3) {
    const client = createS3Client(config.s3);
    const objects = createObjectStore(client, config.s3.bucket);
    return {
      objects,
      storage: null,
      check: () => objects.checkBucket(),
      sweep: async () => 0,
      close: () => client.destroy(),
    };
  }
  const credentials = localKeyPair(config.dataDir);
  const storage = createStorage({
    dir: path.join(config.dataDir, 'objects'),
    bucket: EMBEDDED_BUCKET,
    region: EMBEDDED_REGION,
    credentials,
    allowedOrigins: config.allowedOrigins,
    now,
    log,
  });
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const client = createS3Client({
    endpoint: `http://${host}:${config.storagePort}`,
    region: EMBEDDED_REGION,
    ...credentials,
  });
  return {
    objects: createObjectStore(client, EMBEDDED_BUCKET, now),
    storage,
    check: () => storage.check(),
    sweep: () => storage.sweepAbandoned(),
    close() {
      client.destroy();
      storage.close();
    },
  };
}
