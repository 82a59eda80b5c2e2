import fs from 'node:fs';
import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PRESIGN_EXPIRES_SECONDS } from '../../src/contract/upload';

export interface PresignedRequest {
  url: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Headers that were signed and must be sent as they are. */
  headers: Record<string, string>;
  expiresAt: Date;
}

type SignableRequest =
  | { operation: 'put_object'; key: string; contentType: string }
  | { operation: 'create_multipart'; key: string; contentType: string }
  | { operation: 'upload_part'; key: string; uploadId: string; partNumber: number }
  | { operation: 'list_parts'; key: string; uploadId: string; partNumberMarker?: number | undefined }
  | { operation: 'complete_multipart'; key: string; uploadId: string }
  | { operation: 'abort_multipart'; key: string; uploadId: string }
  | { operation: 'get_object'; key: string; downloadName: string };

export interface ObjectStore {
  bucket: string;
  presign(request: SignableRequest): Promise<PresignedRequest>;
  /** Size and ETag of a stored object, or null when there is none under the key. */
  head(key: string): Promise<{ size: number; etag: string } | null>;
  open(key: string): Promise<Readable>;
  /** Stores a file the API made itself (a CSV of rejected rows), streamed from disk. */
  put(key: string, file: string, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
  checkBucket(): Promise<void>;
}

/** RFC 6266: a plain ASCII name for old clients plus the exact UTF-8 one. */
function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function commandOf(bucket: string, request: SignableRequest) {
  const target = { Bucket: bucket, Key: request.key };
  switch (request.operation) {
    case 'put_object':
      return {
        method: 'PUT',
        command: new PutObjectCommand({ ...target, ContentType: request.contentType, IfNoneMatch: '*' }),
      } as const;
    case 'create_multipart':
      return {
        method: 'POST',
        command: new CreateMultipartUploadCommand({ ...target, ContentType: request.contentType }),
      } as const;
    case 'upload_part':
      return {
        method: 'PUT',
        command: new UploadPartCommand({
          ...target,
          UploadId: request.uploadId,
          PartNumber: request.partNumber,
        }),
      } as const;
    case 'list_parts':
      return {
        method: 'GET',
        command: new ListPartsCommand({
          ...target,
          UploadId: request.uploadId,
          ...(request.partNumberMarker ? { PartNumberMarker: String(request.partNumberMarker) } : {}),
        }),
      } as const;
    case 'complete_multipart':
      return {
        method: 'POST',
        command: new CompleteMultipartUploadCommand({
          ...target,
          UploadId: request.uploadId,
          IfNoneMatch: '*',
        }),
      } as const;
    case 'abort_multipart':
      return {
        method: 'DELETE',
        command: new AbortMultipartUploadCommand({ ...target, UploadId: request.uploadId }),
      } as const;
    case 'get_object':
      return {
        method: 'GET',
        command: new GetObjectCommand({
          ...target,
          ResponseContentDisposition: attachmentDisposition(request.downloadName),
        }),
      } as const;
  }
}

/**
 * The API's view of the object store: presigning for browsers and scripts, and the few calls the API makes
 * itself. With `sharedClock` (the embedded store, which verifies on the same injected clock) the SDK signs
 * on that clock; against another store it keeps its own clock and its skew correction.
 */
export function createObjectStore(client: S3Client, bucket: string, sharedClock?: () => Date): ObjectStore {
  const now = sharedClock ?? (() => new Date());
  if (sharedClock) {
    Object.defineProperty(client.config, 'systemClockOffset', {
      get: () => sharedClock().getTime() - Date.now(),
      set: () => {},
      configurable: true,
    });
  }
  const isMissing = (error: unknown) => {
    const name = (error as { name?: string }).name;
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return name === 'NotFound' || name === 'NoSuchKey' || status === 404;
  };
  return {
    bucket,
    async presign(request) {
      const { method, command } = commandOf(bucket, request);
      const signingDate = now();
      // The union of command types is too wide for the presigner's generic signature; each is a valid command.
      const url = await getSignedUrl(client, command as Parameters<typeof getSignedUrl>[1], {
        expiresIn: PRESIGN_EXPIRES_SECONDS,
        signingDate,
      });
      // The S3 presigner never signs Content-Type; it is sent anyway so the object keeps the type chosen here.
      const headers: Record<string, string> =
        'contentType' in request ? { 'Content-Type': request.contentType } : {};
      // Signed into the URL (X-Amz-SignedHeaders): the write happens only while the key holds no object, so
      // a URL creates its object once and nothing replaces it later, on any store that honours conditional
      // writes (AWS S3, MinIO, R2, the embedded store).
      if (request.operation === 'put_object' || request.operation === 'complete_multipart') {
        headers['If-None-Match'] = '*';
      }
      return {
        url,
        method,
        headers,
        expiresAt: new Date(signingDate.getTime() + PRESIGN_EXPIRES_SECONDS * 1000),
      };
    },
    async head(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: head.ContentLength ?? 0, etag: head.ETag ?? '' };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async open(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return object.Body as Readable;
    },
    async put(key, file, contentType) {
      const { size } = await fs.promises.stat(file);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: fs.createReadStream(file),
          ContentLength: size,
          ContentType: contentType,
        }),
      );
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async checkBucket() {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
  };
}
