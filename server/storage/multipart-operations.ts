import { randomBytes } from 'node:crypto';
import { queryValue } from './request-target';
import { invalidArgument, noSuchUpload } from './s3-error';
import { isoDate, quoteEtag, readBody, type S3Request, type StorageDeps } from './s3-request';
import { xmlDocument } from './xml';

const MAX_PART_BYTES = 5 * 1024 ** 3;
const MAX_PART_NUMBER = 10_000;
const MAX_LISTED_PARTS = 1000;

export const xmlResponse = (body: string) =>
  new Response(body, { status: 200, headers: { 'Content-Type': 'application/xml' } });

export function findUpload(deps: StorageDeps, request: S3Request) {
  const uploadId = queryValue(request.target.query, 'uploadId') ?? '';
  const upload = deps.metadata.getUpload(uploadId);
  if (!upload || upload.key !== request.target.key) throw noSuchUpload();
  return upload;
}

function parseInteger(text: string | undefined, name: string, min: number, max: number, fallback: number) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw invalidArgument(`${name} must be an integer between ${min} and ${max}.`);
  }
  return value;
}

export function createMultipartUpload(deps: StorageDeps, request: S3Request): Response {
  const uploadId = randomBytes(24).toString('base64url');
  deps.metadata.transaction(() => {
    request.spendSignature();
    deps.metadata.createUpload({
      uploadId,
      key: request.target.key,
      contentType: request.headers['content-type'] || 'binary/octet-stream',
      createdAt: deps.now().getTime(),
    });
  });
  return xmlResponse(
    xmlDocument('InitiateMultipartUploadResult', {
      Bucket: deps.bucket,
      Key: request.target.key,
      UploadId: uploadId,
    }),
  );
}

export async function uploadPart(deps: StorageDeps, request: S3Request): Promise<Response> {
  const partNumber = parseInteger(
    queryValue(request.target.query, 'partNumber'),
    'Part number',
    1,
    MAX_PART_NUMBER,
    0,
  );
  const { uploadId } = findUpload(deps, request);
  const { stream, expectations } = readBody(request, MAX_PART_BYTES);
  const written = await deps.blobs.writeBody(stream, expectations);
  const blob = await deps.blobs.commit(written.tempPath);
  const etag = quoteEtag(written.md5.toString('hex'));
  let replacedBlob: string | undefined;
  try {
    replacedBlob = deps.metadata.transaction(() => {
      // The upload may have been aborted or completed while the body streamed in.
      findUpload(deps, request);
      request.spendSignature();
      return deps.metadata.putPart({
        uploadId,
        partNumber,
        blob,
        size: written.size,
        etag,
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

export function listParts(deps: StorageDeps, request: S3Request): Response {
  const upload = findUpload(deps, request);
  const query = request.target.query;
  const maxParts = parseInteger(
    queryValue(query, 'max-parts'),
    'max-parts',
    0,
    2 ** 31 - 1,
    MAX_LISTED_PARTS,
  );
  const marker = parseInteger(
    queryValue(query, 'part-number-marker'),
    'part-number-marker',
    0,
    2 ** 31 - 1,
    0,
  );
  const limit = Math.min(maxParts, MAX_LISTED_PARTS);
  const rows = deps.metadata.listParts(upload.uploadId, marker, limit + 1);
  const parts = rows.slice(0, limit);
  const isTruncated = rows.length > limit;
  return xmlResponse(
    xmlDocument('ListPartsResult', {
      Bucket: deps.bucket,
      Key: upload.key,
      UploadId: upload.uploadId,
      PartNumberMarker: marker,
      NextPartNumberMarker: parts.at(-1)?.partNumber ?? marker,
      MaxParts: maxParts,
      IsTruncated: isTruncated,
      StorageClass: 'STANDARD',
      Part: parts.map((part) => ({
        PartNumber: part.partNumber,
        LastModified: isoDate(part.lastModified),
        ETag: part.etag,
        Size: part.size,
      })),
    }),
  );
}

export async function abortMultipartUpload(deps: StorageDeps, request: S3Request): Promise<Response> {
  const upload = findUpload(deps, request);
  const blobs = deps.metadata.transaction(() => {
    request.spendSignature();
    return deps.metadata.removeUpload(upload.uploadId);
  });
  await deps.blobs.remove(blobs);
  return new Response(null, { status: 204 });
}
