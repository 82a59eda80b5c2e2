import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { access, constants, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { S3Error } from './s3-error';

interface BodyExpectations {
  /** Bytes the client announced; a body that ends short (or long) is refused. */
  length?: number;
  maxLength: number;
  /** Base64 MD5 from Content-MD5. */
  contentMd5?: string;
  /** Hex SHA-256 from x-amz-content-sha256, when the client signed the payload. */
  sha256?: string;
}

interface WrittenBody {
  tempPath: string;
  size: number;
  md5: Buffer;
}

export type BlobStore = ReturnType<typeof openBlobStore>;

/**
 * Blob files live under names the store invents, so no key ever becomes a path. A body is written to
 * `tmp/` and renamed into `blobs/` only once complete and checked, so readers never see a partial file.
 */
export function openBlobStore(dir: string) {
  const blobDirectory = join(dir, 'blobs');
  const tempDirectory = join(dir, 'tmp');
  // Anything left in tmp/ was cut off by a crash and belongs to no object.
  rmSync(tempDirectory, { recursive: true, force: true });
  mkdirSync(blobDirectory, { recursive: true });
  mkdirSync(tempDirectory, { recursive: true });

  const blobPath = (name: string) => join(blobDirectory, name);
  const newTempPath = () => join(tempDirectory, randomUUID());

  async function discard(path: string) {
    await unlink(path).catch(() => undefined);
  }

  return {
    blobPath,

    async writeBody(body: Readable, expectations: BodyExpectations): Promise<WrittenBody> {
      const tempPath = newTempPath();
      const md5 = createHash('md5');
      const sha256 = expectations.sha256 ? createHash('sha256') : undefined;
      let size = 0;
      try {
        await pipeline(
          body,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              size += chunk.length;
              if (size > expectations.maxLength) {
                throw new S3Error(
                  'EntityTooLarge',
                  400,
                  'Your proposed upload exceeds the maximum allowed size.',
                );
              }
              md5.update(chunk);
              sha256?.update(chunk);
              yield chunk;
            }
          },
          createWriteStream(tempPath),
        );
        if (expectations.length !== undefined && size !== expectations.length) {
          throw new S3Error(
            'IncompleteBody',
            400,
            'You did not provide the number of bytes specified by the Content-Length HTTP header.',
          );
        }
        const digest = md5.digest();
        if (expectations.contentMd5 !== undefined && digest.toString('base64') !== expectations.contentMd5) {
          throw new S3Error(
            'BadDigest',
            400,
            'The Content-MD5 you specified did not match what we received.',
          );
        }
        if (sha256 && sha256.digest('hex') !== expectations.sha256) {
          throw new S3Error(
            'XAmzContentSHA256Mismatch',
            400,
            'The provided x-amz-content-sha256 header does not match what was computed.',
          );
        }
        return { tempPath, size, md5: digest };
      } catch (error) {
        await discard(tempPath);
        throw error;
      }
    },

    /** Streams blobs one after another into a new temp file (a multipart object is never held in memory). */
    async concatenate(names: string[]): Promise<string> {
      const tempPath = newTempPath();
      try {
        await pipeline(async function* () {
          for (const name of names) yield* createReadStream(blobPath(name));
        }, createWriteStream(tempPath));
        return tempPath;
      } catch (error) {
        await discard(tempPath);
        throw error;
      }
    },

    /** Moves a finished temp file into place and returns its blob name. */
    async commit(tempPath: string): Promise<string> {
      const name = randomUUID();
      await rename(tempPath, blobPath(name));
      return name;
    },

    discard,

    async remove(names: Iterable<string | undefined>) {
      for (const name of names) if (name) await discard(blobPath(name));
    },

    async checkWritable() {
      const probe = newTempPath();
      await writeFile(probe, 'ok');
      await access(blobDirectory, constants.W_OK);
      await discard(probe);
    },
  };
}
