import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { jsonLog, type Log } from '../lib/log';
import { openBlobStore } from './blob-store';
import { cors } from './cors';
import { openMetadataStore } from './metadata-store';
import { resolveOperation } from './operations';
import { parseRequestTarget } from './request-target';
import { accessDenied, errorXml, S3Error } from './s3-error';
import type { S3Request, StorageDeps } from './s3-request';
import { createSignatureVerifier } from './signature-verifier';

export interface StorageOptions {
  dir: string;
  bucket: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  allowedOrigins: string[];
  now?: () => Date;
  /** Where unexpected errors are reported (the server's JSON log by default). */
  log?: Log;
  /** Longest presigned URL lifetime accepted (the contract's one hour by default). */
  maxExpiresSeconds?: number;
  /** Multipart uploads older than this are aborted by `sweepAbandoned` (24 hours by default). */
  abandonAfterMs?: number;
  /**
   * Presigned writes work once per signature (default). False behaves like AWS S3, which lets a presigned
   * URL repeat until it expires: tests use it to show what the API's signed conditions hold on their own.
   */
  singleUseSignatures?: boolean;
}

type StorageEnv = { Variables: { requestId: string } };

export interface Storage {
  /** Path-style S3 (`/<bucket>/<key…>`), to be served on its own port. */
  app: Hono<StorageEnv>;
  /** Aborts multipart uploads older than `abandonAfterMs`; returns how many. */
  sweepAbandoned(): Promise<number>;
  /** Throws unless the data directory and the metadata database are usable. */
  check(): Promise<void>;
  close(): void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The request target as it arrived on the wire: the WHATWG URL parser would normalize what was signed. */
function rawTarget(url: string, env: unknown): string {
  const incomingUrl = (env as { incoming?: { url?: string } } | undefined)?.incoming?.url;
  if (incomingUrl?.startsWith('/')) return incomingUrl;
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

function isClientAbort(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ABORT_ERR' || (error as Error | undefined)?.message === 'aborted';
}

/**
 * The embedded S3-compatible store. On disk, `dir` holds `metadata.sqlite` (objects, multipart uploads,
 * spent presigned signatures), `blobs/` (object and part bodies under invented names, so no key ever
 * becomes a path) and `tmp/` (bodies still arriving; emptied on start).
 */
export function createStorage(options: StorageOptions): Storage {
  mkdirSync(options.dir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const log = options.log ?? jsonLog;
  const abandonAfterMs = options.abandonAfterMs ?? 24 * 60 * 60 * 1000;
  const metadata = openMetadataStore(join(options.dir, 'metadata.sqlite'));
  const blobs = openBlobStore(options.dir);
  const deps: StorageDeps = { metadata, blobs, bucket: options.bucket, now };
  const verify = createSignatureVerifier({
    region: options.region,
    credentials: options.credentials,
    now,
    maxExpiresSeconds: options.maxExpiresSeconds ?? 3600,
  });
  // A presigned URL being used right now cannot be used again concurrently.
  const signaturesInFlight = new Set<string>();

  const app = new Hono<StorageEnv>()
    .use(async (c, next) => {
      const requestId = randomBytes(8).toString('hex').toUpperCase();
      c.set('requestId', requestId);
      await next();
      c.res.headers.set('x-amz-request-id', requestId);
      c.res.headers.set('x-amz-id-2', requestId);
    })
    .use(cors(options.allowedOrigins))
    .all('*', async (c) => {
      const target = parseRequestTarget(rawTarget(c.req.url, c.env));
      if (target.bucket !== '' && target.bucket !== options.bucket) {
        throw new S3Error('NoSuchBucket', 404, 'The specified bucket does not exist');
      }
      const headers = Object.fromEntries(c.req.raw.headers);
      const method = c.req.method;
      const authorization = await verify({ method, path: target.rawPath, query: target.query, headers });
      const operation = resolveOperation(method, target);

      // Presigned writes are single-use; presigned reads may repeat until they expire.
      const spentUntil =
        authorization.kind === 'presigned' &&
        !SAFE_METHODS.has(method) &&
        options.singleUseSignatures !== false
          ? authorization.expiresAt
          : undefined;
      const { signature } = authorization;
      const alreadyUsed = () => accessDenied('This presigned URL has already been used.');
      if (spentUntil && (signaturesInFlight.has(signature) || metadata.isSignatureUsed(signature))) {
        throw alreadyUsed();
      }
      const request: S3Request = {
        method,
        target,
        headers,
        body: c.req.raw.body,
        authorization,
        origin: new URL(c.req.url).origin,
        spendSignature() {
          if (!spentUntil) return;
          if (metadata.isSignatureUsed(signature)) throw alreadyUsed();
          metadata.markSignatureUsed(signature, spentUntil.getTime());
        },
      };
      if (!spentUntil) return operation(deps, request);
      signaturesInFlight.add(signature);
      try {
        return await operation(deps, request);
      } finally {
        signaturesInFlight.delete(signature);
      }
    });

  app.onError((error, c) => {
    let s3Error: S3Error;
    if (error instanceof S3Error) s3Error = error;
    else if (isClientAbort(error))
      s3Error = new S3Error('IncompleteBody', 400, 'The request body was cut off.');
    else {
      log({
        level: 'error',
        event: 'storage_request_failed',
        request_id: c.get('requestId'),
        method: c.req.method,
        error: String(error instanceof Error ? (error.stack ?? error) : error),
      });
      s3Error = new S3Error('InternalError', 500, 'We encountered an internal error. Please try again.');
    }
    const resource = new URL(c.req.url).pathname;
    return new Response(
      c.req.method === 'HEAD' ? null : errorXml(s3Error, resource, c.get('requestId') ?? ''),
      {
        status: s3Error.status,
        headers: { 'Content-Type': 'application/xml', ...s3Error.headers },
      },
    );
  });

  return {
    app,
    async sweepAbandoned() {
      const cutoff = now().getTime() - abandonAfterMs;
      let aborted = 0;
      for (const upload of metadata.uploadsCreatedBefore(cutoff)) {
        await blobs.remove(metadata.transaction(() => metadata.removeUpload(upload.uploadId)));
        aborted += 1;
      }
      metadata.forgetSignaturesExpiredBefore(now().getTime());
      return aborted;
    },
    async check() {
      await blobs.checkWritable();
      metadata.isSignatureUsed('');
    },
    close: () => metadata.close(),
  };
}
