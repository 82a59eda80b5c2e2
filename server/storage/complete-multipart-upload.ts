import { createHash } from 'node:crypto';
import { findUpload, xmlResponse } from './multipart-operations';
import { checkWritePreconditions } from './object-operations';
import { malformedXml, S3Error } from './s3-error';
import { quoteEtag, readSmallText, type S3Request, type StorageDeps, unquoteEtag } from './s3-request';
import { parseCompleteMultipartUpload, xmlDocument } from './xml';

/** S3's floor for every part but the last. */
const MIN_PART_BYTES = 5 * 1024 ** 2;
/** 10 000 parts of ~150 bytes of XML each, with room to spare. */
const MAX_COMPLETE_BODY_BYTES = 4 * 1024 ** 2;

export async function completeMultipartUpload(deps: StorageDeps, request: S3Request): Promise<Response> {
  const upload = findUpload(deps, request);
  checkWritePreconditions(deps, request, upload.key);
  const requested = parseCompleteMultipartUpload(await readSmallText(request, MAX_COMPLETE_BODY_BYTES));
  if (!requested) throw malformedXml();
  const stored = new Map(deps.metadata.allParts(upload.uploadId).map((part) => [part.partNumber, part]));
  const chosen = requested.map((part, index) => {
    const previous = requested[index - 1];
    if (previous && part.partNumber <= previous.partNumber) {
      throw new S3Error('InvalidPartOrder', 400, 'The list of parts was not in ascending order.');
    }
    const match = stored.get(part.partNumber);
    if (!match || unquoteEtag(match.etag) !== unquoteEtag(part.etag)) {
      throw new S3Error(
        'InvalidPart',
        400,
        "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
      );
    }
    return match;
  });
  chosen.forEach((part, index) => {
    if (index < chosen.length - 1 && part.size < MIN_PART_BYTES) {
      throw new S3Error(
        'EntityTooSmall',
        400,
        'Your proposed upload is smaller than the minimum allowed size.',
      );
    }
  });

  const md5s = chosen.map((part) => Buffer.from(unquoteEtag(part.etag), 'hex'));
  const etag = quoteEtag(`${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-${chosen.length}`);
  const tempPath = await deps.blobs.concatenate(chosen.map((part) => part.blob));
  const blob = await deps.blobs.commit(tempPath);
  let released: (string | undefined)[];
  try {
    released = deps.metadata.transaction(() => {
      findUpload(deps, request);
      checkWritePreconditions(deps, request, upload.key);
      request.spendSignature();
      const replacedBlob = deps.metadata.putObject({
        key: upload.key,
        blob,
        size: chosen.reduce((total, part) => total + part.size, 0),
        etag,
        contentType: upload.contentType,
        lastModified: deps.now().getTime(),
      });
      return [replacedBlob, ...deps.metadata.removeUpload(upload.uploadId)];
    });
  } catch (error) {
    await deps.blobs.remove([blob]);
    throw error;
  }
  await deps.blobs.remove(released);
  const location = `${request.origin}${request.target.rawPath}`;
  return xmlResponse(
    xmlDocument('CompleteMultipartUploadResult', {
      Location: location,
      Bucket: deps.bucket,
      Key: upload.key,
      ETag: etag,
    }),
  );
}
