import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { resolveByteRange } from './byte-range';
import { queryValue } from './request-target';
import { invalidArgument, noSuchKey, preconditionFailed, S3Error } from './s3-error';
import {
  httpDate,
  MAX_SINGLE_UPLOAD_BYTES,
  quoteEtag,
  readBody,
  type S3Request,
  type StorageDeps,
  unquoteEtag,
} from './s3-request';

const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

/** Signed GETs may override these response headers, e.g. a download URL naming the file for the browser. */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'Content-Type',
  'response-content-disposition': 'Content-Disposition',
  'response-content-language': 'Content-Language',
  'response-content-encoding': 'Content-Encoding',
  'response-cache-control': 'Cache-Control',
  'response-expires': 'Expires',
};

/**
 * S3's conditional writes: `If-None-Match: *` writes only when the key holds no object, `If-Match: <etag>` only
 * when it holds that version. The API signs `If-None-Match: *` into every upload URL, so a URL can create its
 * object once and never replace it, on this store as on AWS S3, MinIO or R2. Checked before the body is read
 * and again in the transaction that writes, so two racing writes cannot both pass.
 */
export function checkWritePreconditions(deps: StorageDeps, request: S3Request, key: string): void {
  const ifNoneMatch = request.headers['if-none-match'];
  const ifMatch = request.headers['if-match'];
  if (ifNoneMatch === undefined && ifMatch === undefined) return;
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== '*') {
    throw invalidArgument('If-None-Match on a write accepts only "*".');
  }
  const existing = deps.metadata.getObject(key);
  if (ifNoneMatch !== undefined && existing) throw preconditionFailed();
  if (ifMatch !== undefined) {
    const wanted = ifMatch.split(',').map((tag) => unquoteEtag(tag.trim().replace(/^W\//, '')));
    const isMatch = existing && (wanted.includes('*') || wanted.includes(unquoteEtag(existing.etag)));
    if (!isMatch) throw preconditionFailed();
  }
}

export async function putObject(deps: StorageDeps, request: S3Request): Promise<Response> {
  if (request.headers['x-amz-copy-source'] !== undefined) {
    throw new S3Error('NotImplemented', 501, 'CopyObject is not supported by this store.');
  }
  checkWritePreconditions(deps, request, request.target.key);
  const { stream, expectations } = readBody(request, MAX_SINGLE_UPLOAD_BYTES);
  const written = await deps.blobs.writeBody(stream, expectations);
  const blob = await deps.blobs.commit(written.tempPath);
  const etag = quoteEtag(written.md5.toString('hex'));
  let replacedBlob: string | undefined;
  try {
    replacedBlob = deps.metadata.transaction(() => {
      checkWritePreconditions(deps, request, request.target.key);
      request.spendSignature();
      return deps.metadata.putObject({
        key: request.target.key,
        blob,
        size: written.size,
        etag,
        contentType: request.headers['content-type'] || DEFAULT_CONTENT_TYPE,
        lastModified: deps.now().getTime(),
      });
    });
  } catch (error) {
    await deps.blobs.remove([blob]);
    throw error;
  }
  await deps.blobs.remove([replacedBlob]);
  return new Response(null, { status: 200, headers: { ETag: etag } });
}

/** GetObject and HeadObject: the same headers, a body only for GET. */
export async function getObject(deps: StorageDeps, request: S3Request): Promise<Response> {
  const object = deps.metadata.getObject(request.target.key);
  if (!object) throw noSuchKey();
  const range = resolveByteRange(request.headers.range, object.size);
  const headers: Record<string, string> = {
    'Content-Type': object.contentType,
    ETag: object.etag,
    'Last-Modified': httpDate(object.lastModified),
    'Accept-Ranges': 'bytes',
    'Content-Length': String(range ? range.end - range.start + 1 : object.size),
    // Bodies are whatever was uploaded, under a type the uploader chose: a browser must never run one as a page.
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${object.size}`;
  for (const [parameter, header] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = queryValue(request.target.query, parameter);
    if (value !== undefined) headers[header] = value;
  }
  const status = range ? 206 : 200;
  if (request.method === 'HEAD' || object.size === 0) return new Response(null, { status, headers });

  const file = createReadStream(deps.blobs.blobPath(object.blob), range ?? {});
  // An overwrite or delete may remove the blob between the lookup and the open.
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? noSuchKey() : error),
    );
  });
  return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, { status, headers });
}

export async function deleteObject(deps: StorageDeps, request: S3Request): Promise<Response> {
  const removedBlob = deps.metadata.transaction(() => {
    request.spendSignature();
    return deps.metadata.deleteObject(request.target.key);
  });
  await deps.blobs.remove([removedBlob]);
  return new Response(null, { status: 204 });
}
