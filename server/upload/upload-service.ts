import type { StoredFile } from '../../src/contract/files';
import {
  ALLOWED_EXTENSIONS,
  type PresignedUrl,
  type SignedRequest,
  type SignRequest,
} from '../../src/contract/upload';
import type { Principal } from '../app-env';
import type { Accounts } from '../auth/accounts';
import type { Files } from '../files/files-service';
import type { ObjectStore, PresignedRequest } from '../files/object-store';
import { badRequest, HttpError } from '../http/errors';
import { newId } from '../lib/ids';
import type { MappingStore } from '../mappings/mapping-store';
import { contentTypeFor } from './content-types';
import { sanitizeFilename } from './sanitize-filename';

interface UploadsOptions {
  files: Files;
  mappings: Pick<MappingStore, 'require'>;
  objects: ObjectStore;
  accounts: Accounts;
  maxUploadBytes: number;
}

const conflict = (message: string) => new HttpError('conflict', message);

/** How a file or mapping names who made it. */
export function uploaderOf(accounts: Accounts, principal: Principal): string {
  if (principal.kind === 'api_key') return `API key "${principal.name}" (${principal.prefix}…)`;
  const user = accounts.getUser(principal.userId);
  return user ? `${user.name} <${user.email}>` : principal.userId;
}

function required<T>(value: T | undefined, field: string, operation: string): T {
  if (value === undefined)
    throw badRequest(`"${field}" is required for ${operation}.`, { [field]: 'required' });
  return value;
}

const signedBody = (signed: PresignedRequest, file: StoredFile): SignedRequest => ({
  url: signed.url,
  method: signed.method,
  headers: signed.headers,
  key: file.key,
  file_id: file.id,
  expires_at: signed.expiresAt.toISOString(),
});

export function createUploads(options: UploadsOptions) {
  const { files, objects } = options;

  /** The file record and key for a new upload: the name is sanitized and the key made here, never taken. */
  function createRecord(
    principal: Principal,
    rawName: string,
    size: number | undefined,
    extra: { lastModified?: number | undefined; mappingId?: string | undefined } = {},
  ): StoredFile {
    const { filename, extension } = sanitizeFilename(rawName);
    if (!extension) {
      throw badRequest(`Files of this type cannot be uploaded. Allowed: ${ALLOWED_EXTENSIONS.join(' ')}.`, {
        filename: 'extension not allowed',
      });
    }
    if (size !== undefined && size > options.maxUploadBytes) {
      throw new HttpError(
        'payload_too_large',
        `The file is larger than the limit of ${options.maxUploadBytes} bytes.`,
      );
    }
    // A mapping of another organization, or a deleted one, is refused before any byte moves.
    if (extra.mappingId !== undefined) options.mappings.require(principal.orgId, extra.mappingId);
    const id = newId('fil');
    return files.records.create(principal.orgId, {
      lastModified: extra.lastModified,
      mappingId: extra.mappingId,
      id,
      key: `${principal.orgId}/${id}/${filename}`,
      filename,
      contentType: contentTypeFor(extension),
      size: size ?? null,
      uploadedBy: uploaderOf(options.accounts, principal),
    });
  }

  /** An existing upload of the caller's organization that can still receive bytes. */
  function openUpload(orgId: string, key: string): StoredFile {
    const file = files.findByKey(orgId, key);
    if (file.status === 'aborted') throw conflict('This upload was cancelled; upload the file again.');
    if (file.status !== 'pending') throw conflict('This upload is already complete.');
    return file;
  }

  return {
    async presignedUrl(
      principal: Principal,
      body: { filename: string; size?: number | undefined; mapping_id?: string | undefined },
    ): Promise<PresignedUrl> {
      const file = createRecord(principal, body.filename, body.size, { mappingId: body.mapping_id });
      const signed = await objects.presign({
        operation: 'put_object',
        key: file.key,
        contentType: file.content_type,
      });
      return {
        file_id: file.id,
        key: file.key,
        filename: file.filename,
        method: 'PUT',
        url: signed.url,
        headers: signed.headers,
        expires_at: signed.expiresAt.toISOString(),
        max_size: options.maxUploadBytes,
      };
    },

    async sign(principal: Principal, body: SignRequest): Promise<SignedRequest> {
      const { orgId } = principal;
      const { operation } = body;
      if (operation === 'put_object' || operation === 'create_multipart') {
        // A retried single PUT re-signs its own pending key instead of leaving a second record behind.
        const file =
          operation === 'put_object' && body.key !== undefined
            ? openUpload(orgId, body.key)
            : createRecord(principal, required(body.filename, 'filename', operation), body.size, {
                lastModified: body.last_modified,
                mappingId: body.mapping_id,
              });
        const signed = await objects.presign({ operation, key: file.key, contentType: file.content_type });
        return signedBody(signed, file);
      }
      const key = required(body.key, 'key', operation);
      const uploadId = required(body.upload_id, 'upload_id', operation);
      if (operation === 'abort_multipart') {
        const file = files.findByKey(orgId, key);
        if (file.status !== 'pending' && file.status !== 'aborted') {
          throw conflict('This upload is already complete; delete the file instead.');
        }
        files.markAborted(orgId, file.id);
        return signedBody(await objects.presign({ operation, key, uploadId }), file);
      }
      if (operation === 'list_parts') {
        // Resuming after a reload lists parts first; an aborted upload answers NoSuchUpload from the store.
        // Not activity: the page lists parts to show a waiting upload's progress; sending parts revives it.
        const file = files.findByKey(orgId, key);
        const partNumberMarker = body.part_number_marker;
        return signedBody(await objects.presign({ operation, key, uploadId, partNumberMarker }), file);
      }
      const file = openUpload(orgId, key);
      // Every signed request shows the upload is alive; a part's upload id lets another page load continue it.
      files.records.touch(orgId, file.id, uploadId);
      if (operation === 'upload_part') {
        const partNumber = required(body.part_number, 'part_number', operation);
        return signedBody(await objects.presign({ operation, key, uploadId, partNumber }), file);
      }
      return signedBody(await objects.presign({ operation, key, uploadId }), file);
    },

    complete: (orgId: string, key: string, mappingId?: string) => files.complete(orgId, key, mappingId),
  };
}
